// claimwatch web view: the map and the timeline, drawn on canvas from the JSON endpoints.
// No library and nothing from outside. Text from the data is only ever set with textContent.
// Markers and bars are drawn in one path per status, so 10,000 incidents cost a few fills,
// and hit-testing a click is one pass over an array: no DOM node per marker.
"use strict";

(function () {
  var COLORS = {
    claimed: "#e08a1e", corroborated: "#2e9d5b", contested: "#8e44ad", denied: "#d64541",
    uncorroborated: "#6b7a89", reported: "#3b7dd8"
  };
  var DRAW_ORDER = ["reported", "corroborated", "claimed", "uncorroborated", "contested", "denied"];
  var MARKS = { claims: "#e08a1e", denials: "#d64541", corroborations: "#2e9d5b" };

  function apiUrl(path) {
    var q = new URLSearchParams(location.search);
    q.delete("offset");
    q.delete("limit");
    var s = q.toString();
    return path + (s ? "?" + s : "");
  }

  function getJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body && body.error ? body.error : "HTTP " + r.status); }
        return body;
      });
    });
  }

  function setText(id, text) {
    var el = document.getElementById(id);
    if (el) { el.textContent = text; }
  }

  // Canvas backing store at the device's pixel ratio; drawing in CSS pixels.
  function fitCanvas(canvas) {
    var ratio = window.devicePixelRatio || 1;
    var w = canvas.clientWidth || canvas.width, h = canvas.clientHeight || canvas.height;
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
    var ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { ctx: ctx, w: w, h: h };
  }

  // Empty fields are left out of the URL, so a shared link holds only the filters in use.
  function tidyForms() {
    var forms = document.querySelectorAll("form.filters");
    Array.prototype.forEach.call(forms, function (form) {
      form.addEventListener("submit", function () {
        Array.prototype.forEach.call(form.elements, function (el) {
          if ((el.tagName === "INPUT" || el.tagName === "SELECT") && el.name && el.value === "") { el.disabled = true; }
        });
      });
    });
  }

  // -- map ------------------------------------------------------------------------------------

  function startMap() {
    var canvas = document.getElementById("map");
    var info = document.getElementById("map-info");
    var world = null, pts = null;
    var view = { lon: 42, lat: 32, k: 40, c: Math.cos(32 * Math.PI / 180) };
    var xs = new Float32Array(0), ys = new Float32Array(0), rs = new Float32Array(0);
    var size = fitCanvas(canvas);
    var pending = false;

    function project(lon, lat) {
      return [(lon - view.lon) * view.k * view.c + size.w / 2, (view.lat - lat) * view.k + size.h / 2];
    }

    function fit() {
      var n = pts ? pts.count : 0;
      var minLon = 34, maxLon = 50, minLat = 28, maxLat = 38;  // Iraq, Syria, Jordan: the default view
      if (n > 0) {
        minLon = Math.min.apply(null, pts.lon); maxLon = Math.max.apply(null, pts.lon);
        minLat = Math.min.apply(null, pts.lat); maxLat = Math.max.apply(null, pts.lat);
      }
      var padLon = Math.max(2, (maxLon - minLon) * 0.15), padLat = Math.max(1.5, (maxLat - minLat) * 0.15);
      minLon -= padLon; maxLon += padLon; minLat -= padLat; maxLat += padLat;
      view.lat = (minLat + maxLat) / 2;
      view.lon = (minLon + maxLon) / 2;
      view.c = Math.cos(view.lat * Math.PI / 180);
      view.k = Math.min(size.w / ((maxLon - minLon) * view.c), size.h / (maxLat - minLat));
    }

    function radius(f) {
      return f === null || f === undefined ? 5 : Math.min(20, 6 + 2.2 * Math.sqrt(f));
    }

    function draw() {
      pending = false;
      var ctx = size.ctx;
      ctx.fillStyle = "#dfe9f2";
      ctx.fillRect(0, 0, size.w, size.h);
      if (world) {
        ctx.beginPath();
        world.countries.forEach(function (country) {
          country.rings.forEach(function (ring) {
            for (var i = 0; i < ring.length; i += 2) {
              var p = project(ring[i], ring[i + 1]);
              if (i === 0) { ctx.moveTo(p[0], p[1]); } else { ctx.lineTo(p[0], p[1]); }
            }
            ctx.closePath();
          });
        });
        ctx.fillStyle = "#f6f3ea";
        ctx.fill("evenodd");
        ctx.strokeStyle = "#9aa5b1";
        ctx.lineWidth = 0.8;
        ctx.stroke();
      }
      var drawn = 0;
      if (pts) {
        var n = pts.count;
        if (xs.length !== n) { xs = new Float32Array(n); ys = new Float32Array(n); rs = new Float32Array(n); }
        for (var i = 0; i < n; i++) {
          var p = project(pts.lon[i], pts.lat[i]);
          xs[i] = p[0]; ys[i] = p[1]; rs[i] = radius(pts.fatalities[i]);
        }
        // crowded views: smaller, lighter markers, so clusters stay readable instead of turning black
        var crowded = n > 1500, shrink = crowded ? 0.6 : 1;
        if (crowded) { for (var c = 0; c < n; c++) { rs[c] = Math.max(2.5, rs[c] * shrink); } }
        ctx.lineWidth = crowded ? 0.5 : 1;
        // the common statuses first, so denials and contested claims are not buried under reports
        DRAW_ORDER.forEach(function (status) {
          var s = pts.statuses.indexOf(status);
          if (s < 0) { return; }
          ctx.beginPath();
          for (var j = 0; j < n; j++) {
            if (pts.status[j] !== s) { continue; }
            var x = xs[j], y = ys[j], r = rs[j];
            if (x < -r || y < -r || x > size.w + r || y > size.h + r) { continue; }
            ctx.moveTo(x + r, y);
            ctx.arc(x, y, r, 0, 2 * Math.PI);
            drawn++;
          }
          ctx.globalAlpha = crowded ? 0.55 : 0.8;
          ctx.fillStyle = COLORS[status] || "#333";
          ctx.fill();
          ctx.globalAlpha = 1;
          if (!crowded) {  // outlines of thousands of overlapping markers would only add noise
            ctx.strokeStyle = "rgba(0,0,0,0.55)";
            ctx.stroke();
          }
        });
      }
      if (pts && drawn <= 150) {  // few markers in view: name their places (canvas text, never markup)
        ctx.font = "12px sans-serif";
        ctx.textAlign = "left";
        ctx.fillStyle = "#1d2430";
        for (var m = 0; m < pts.count; m++) {
          if (pts.place[m] && xs[m] > 0 && ys[m] > 0 && xs[m] < size.w && ys[m] < size.h) {
            ctx.fillText(pts.place[m], xs[m] + rs[m] + 3, ys[m] + 4);
          }
        }
      }
      canvas.dataset.markers = String(drawn);
      canvas.dataset.basemap = world ? String(world.countries.length) : "0";
    }

    function redraw() {
      if (!pending) { pending = true; window.requestAnimationFrame(draw); }
    }

    function hit(x, y) {
      var best = -1, bestD = Infinity;
      for (var i = 0; i < xs.length; i++) {
        var dx = xs[i] - x, dy = ys[i] - y, d = dx * dx + dy * dy, r = rs[i] + 3;
        if (d <= r * r && d < bestD) { best = i; bestD = d; }
      }
      return best;
    }

    function show(i, x, y) {
      while (info.firstChild) { info.removeChild(info.firstChild); }
      if (i < 0) { info.hidden = true; return; }
      var a = document.createElement("a");
      a.href = "/incidents/" + pts.id[i];
      a.textContent = "Incident #" + pts.id[i];
      var head = document.createElement("div");
      head.appendChild(a);
      var status = document.createElement("span");
      status.className = "badge s-" + pts.statuses[pts.status[i]];
      status.textContent = pts.statuses[pts.status[i]];
      head.appendChild(document.createTextNode(" "));
      head.appendChild(status);
      info.appendChild(head);
      [
        (pts.place[i] || "place unknown") + ", " + pts.time[i] + " UTC",
        pts.claimant[i] ? "claimed by " + pts.claimant[i] : "no claim",
        pts.fatalities[i] !== null ? "killed (largest figure stated): " + pts.fatalities[i] : ""
      ].forEach(function (line) {
        if (!line) { return; }
        var div = document.createElement("div");
        div.textContent = line;
        info.appendChild(div);
      });
      info.style.left = Math.min(x + 12, size.w - 260) + "px";
      info.style.top = Math.max(y - 10, 0) + "px";
      info.hidden = false;
    }

    var drag = null;
    canvas.addEventListener("mousedown", function (e) { drag = { x: e.offsetX, y: e.offsetY, moved: false }; });
    canvas.addEventListener("mousemove", function (e) {
      if (!drag) {
        canvas.style.cursor = hit(e.offsetX, e.offsetY) >= 0 ? "pointer" : "grab";
        return;
      }
      var dx = e.offsetX - drag.x, dy = e.offsetY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) { drag.moved = true; }
      view.lon -= dx / (view.k * view.c);
      view.lat += dy / view.k;
      drag.x = e.offsetX; drag.y = e.offsetY;
      redraw();
    });
    window.addEventListener("mouseup", function (e) {
      if (drag && !drag.moved && e.target === canvas) { show(hit(e.offsetX, e.offsetY), e.offsetX, e.offsetY); }
      drag = null;
    });
    canvas.addEventListener("wheel", function (e) {
      e.preventDefault();
      var factor = e.deltaY < 0 ? 1.25 : 0.8;
      var lon = view.lon + (e.offsetX - size.w / 2) / (view.k * view.c);
      var lat = view.lat - (e.offsetY - size.h / 2) / view.k;
      view.k = Math.max(2, Math.min(4000, view.k * factor));
      view.lon = lon - (e.offsetX - size.w / 2) / (view.k * view.c);
      view.lat = lat + (e.offsetY - size.h / 2) / view.k;
      redraw();
    }, { passive: false });
    window.addEventListener("resize", function () { size = fitCanvas(canvas); redraw(); });

    Promise.all([getJson("/static/world.json"), getJson(apiUrl("/api/map"))]).then(function (both) {
      world = both[0];
      pts = both[1];
      fit();
      draw();
      setText("map-summary", pts.count + " incident(s) with coordinates on the map");
    }).catch(function (err) {
      setText("map-summary", "could not load the map: " + err.message);
    });
  }

  // -- timeline -------------------------------------------------------------------------------

  var DAY = 86400000;

  function dayIndex(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / DAY); }
  function isoDay(index) { return new Date(index * DAY).toISOString().slice(0, 10); }

  function startTimeline() {
    var canvas = document.getElementById("timeline");
    var size = fitCanvas(canvas);
    var data = null, first = 0, count = 1;
    var M = { left: 58, right: 12, top: 12, bottom: 86 };

    function plotW() { return size.w - M.left - M.right; }
    function xOf(index) { return M.left + (index - first) * plotW() / count; }
    function indexAt(x) { return first + Math.floor((x - M.left) * count / plotW()); }

    function draw(brush) {
      var ctx = size.ctx, h = size.h - M.top - M.bottom, base = M.top + h;
      ctx.clearRect(0, 0, size.w, size.h);
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, size.w, size.h);
      if (!data || data.days.length === 0) { canvas.dataset.bars = "0"; return; }
      var most = 1;
      data.days.forEach(function (d) {
        var total = 0;
        Object.keys(d.counts).forEach(function (k) { total += d.counts[k]; });
        most = Math.max(most, total);
      });
      var gap = plotW() / count > 4 ? 1 : 0;
      var thin = data.days.length < 100 ? 3 : 1;  // a few busy days over years stay visible
      var barW = Math.max(1, plotW() / count - gap);
      ctx.strokeStyle = "#d5dbe1";
      ctx.fillStyle = "#556";
      ctx.font = "11px sans-serif";
      ctx.textAlign = "right";
      [0, 0.5, 1].forEach(function (f) {
        var y = base - f * h, v = Math.round(most * f);
        ctx.beginPath(); ctx.moveTo(M.left, y); ctx.lineTo(size.w - M.right, y); ctx.stroke();
        ctx.fillText(String(v), M.left - 6, y + 4);
      });
      var bars = 0, below = {};
      data.days.forEach(function (d) { below[d.day] = 0; });
      data.statuses.forEach(function (status) {
        ctx.beginPath();
        data.days.forEach(function (d) {
          var n = d.counts[status] || 0;
          if (!n) { return; }
          // whole pixels: with hundreds of days a bar is a pixel or two wide, and blurred edges
          // of neighbouring bars would mix their colours
          var i = dayIndex(d.day), x = Math.floor(xOf(i)), w = Math.max(thin, Math.floor(xOf(i + 1)) - x - gap);
          var y0 = below[d.day], top = Math.round(base - (y0 + n) * h / most), bottom = Math.round(base - y0 * h / most);
          ctx.rect(x, top, w, Math.max(1, bottom - top));
          below[d.day] = y0 + n;
        });
        ctx.fillStyle = COLORS[status] || "#333";
        ctx.fill();
      });
      data.days.forEach(function (d) { if (below[d.day] > 0) { bars++; } });
      var labelsFor = { claims: "claims", denials: "denials", corroborations: "corrob." };
      // marks under the axis, one row each: claims, denials, corroborations
      var marks = 0;
      ["claims", "denials", "corroborations"].forEach(function (kind, row) {
        var y = base + 14 + row * 15;
        ctx.fillStyle = "#556";
        ctx.textAlign = "right";
        ctx.fillText(labelsFor[kind], M.left - 6, y + 4);
        ctx.beginPath();
        data.days.forEach(function (d) {
          var n = d[kind];
          if (!n) { return; }
          var x = xOf(dayIndex(d.day)) + barW / 2, r = Math.min(6, 2.5 + Math.sqrt(n));
          if (kind === "claims") {
            ctx.moveTo(x, y - r); ctx.lineTo(x + r, y + r); ctx.lineTo(x - r, y + r); ctx.closePath();
          } else if (kind === "denials") {
            ctx.rect(x - r, y - r, 2 * r, 2 * r);
          } else {
            ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI);
          }
          marks++;
        });
        ctx.fillStyle = MARKS[kind];
        ctx.fill();
      });
      // date labels
      ctx.fillStyle = "#334";
      ctx.textAlign = "center";
      var labels = Math.min(count, Math.max(2, Math.floor(plotW() / 110)));
      for (var i = 0; i < labels; i++) {
        var index = first + Math.round(i * (count - 1) / Math.max(1, labels - 1));
        ctx.fillText(isoDay(index), Math.min(Math.max(xOf(index) + barW / 2, M.left + 30), size.w - 40), size.h - 10);
      }
      if (brush) {
        ctx.fillStyle = "rgba(59,125,216,0.18)";
        ctx.fillRect(Math.min(brush[0], brush[1]), M.top, Math.abs(brush[1] - brush[0]), h);
      }
      canvas.dataset.bars = String(bars);
      canvas.dataset.marks = String(marks);
    }

    var start = null;
    canvas.addEventListener("mousedown", function (e) { start = e.offsetX; });
    canvas.addEventListener("mousemove", function (e) {
      if (start !== null) { draw([start, e.offsetX]); return; }
      if (!data) { return; }
      var day = isoDay(indexAt(e.offsetX));
      var found = data.days.filter(function (d) { return d.day === day; })[0];
      if (!found) { return; }
      var parts = Object.keys(found.counts).map(function (k) { return found.counts[k] + " " + k; });
      setText("timeline-summary", day + ": " + (parts.join(", ") || "no incident") + "; " + found.claims +
        " claim(s), " + found.denials + " denial(s), " + found.corroborations + " corroboration(s)");
    });
    window.addEventListener("mouseup", function (e) {
      if (start === null) { return; }
      var a = indexAt(Math.min(start, e.offsetX)), b = indexAt(Math.max(start, e.offsetX));
      var moved = Math.abs(e.offsetX - start) > 4;
      start = null;
      if (!moved || e.target !== canvas) { draw(); return; }
      var q = new URLSearchParams(location.search);
      q.set("since", isoDay(Math.max(a, first)));
      q.set("until", isoDay(Math.min(b, first + count - 1)));
      location.search = q.toString();
    });
    window.addEventListener("resize", function () { size = fitCanvas(canvas); draw(); });

    getJson(apiUrl("/api/timeline")).then(function (body) {
      data = body;
      if (data.days.length) {
        first = dayIndex(data.days[0].day);
        count = dayIndex(data.days[data.days.length - 1].day) - first + 1;
      }
      draw();
      setText("timeline-summary", data.incidents + " incident(s) over " + data.days.length + " day(s) with activity" +
        (data.days.length ? ", " + data.days[0].day + " to " + data.days[data.days.length - 1].day : ""));
    }).catch(function (err) {
      setText("timeline-summary", "could not load the timeline: " + err.message);
    });
  }

  tidyForms();
  var page = document.body.dataset.page;
  if (page === "map") { startMap(); }
  if (page === "timeline") { startTimeline(); }
})();
