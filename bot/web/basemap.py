"""Builds the map's basemap data file (``static/world.json``) from Natural Earth country
boundaries as redistributed in TopoJSON by the npm package ``world-atlas`` (ISC; the data is
Natural Earth's, public domain). Run once, by hand, when the basemap changes:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m bot.web.basemap package/countries-50m.json bot/web/static/world.json

The output is small and needs no library in the browser: one entry per country with its
name and rings as flat [lon, lat, lon, lat, ...] lists in degrees, rounded to 0.01°.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

NOTICE = ("Country boundaries: Natural Earth (public domain), Admin 0 countries, via the npm package "
          "world-atlas 2.0.2 (ISC, Copyright 2013-2019 Michael Bostock).")


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    move_x, move_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantized and delta-encoded
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[float]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end point
    flat: list[float] = []
    last: tuple[float, float] | None = None
    for lon, lat in points:
        p = (round(lon, 2), round(lat, 2))
        if p != last:
            flat.extend(p)
            last = p
    return flat


def convert(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = _decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        rings = [r for r in rings if len(r) >= 6]
        if rings:
            countries.append({"name": geometry.get("properties", {}).get("name", ""), "rings": rings})
    return {"notice": NOTICE, "countries": countries}


def main(argv: list[str]) -> int:
    source, target = Path(argv[0]), Path(argv[1])
    data = convert(json.loads(source.read_text("utf-8")))
    target.write_text(json.dumps(data, separators=(",", ":")), "utf-8")
    print(f"{target}: {len(data['countries'])} countries, {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
