"""The web view through aiohttp's test client, on a SQLite database filled by replaying examples/
(plus one message carrying markup) through the real pipeline: every page and JSON endpoint,
every filter, the errors (400 with the reason, 401, 404, 405), escaping and the access token."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import SourceAwareClassifier
from bot.config import Config, parse_config
from bot.registry import Registry
from bot.web.app import CSP, make_app, start
from bot.web.evidence import Highlighter
from classifiers.classify import Classifier
from storage import Store
from storage.incidents import list_incidents
from watchers.errors import ConfigError

from .helpers import arun_cli, run_cli
from .web_demo import INJECTED, INJECTED_SOURCE

ROOT = Path(__file__).resolve().parent.parent
CONTRACT_MESSAGE_KEYS = {"source", "id", "url", "date", "role", "speaker", "subject", "score", "reasons"}
TOKEN = "s3cret-web-token-0123456789"


CLASSIFIER: list[Classifier] = []


def classifier_factory() -> SourceAwareClassifier:
    if not CLASSIFIER:  # loaded once for the module: about a second
        CLASSIFIER.append(Classifier())
    return SourceAwareClassifier(CLASSIFIER[0], Registry.builtin(Config()))


@pytest.fixture
async def store(web_demo_db: str) -> AsyncIterator[Store]:
    s = await Store.open(web_demo_db)
    yield s
    await s.close()


@pytest.fixture
async def client(store: Store) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(make_app(store, Highlighter(classifier_factory)))) as c:
        yield c


async def all_incidents(store: Store) -> list[Any]:
    return await store.run(lambda s: list_incidents(s, None, None))


async def get_json(client: TestClient[Any, Any], path: str, status: int = 200) -> Any:
    resp = await client.get(path)
    assert resp.status == status, await resp.text()
    assert resp.headers["Content-Type"].startswith("application/json")
    return await resp.json()


async def injected_incident(client: TestClient[Any, Any]) -> dict[str, Any]:
    incidents = await get_json(client, f"/api/incidents?source={INJECTED_SOURCE}")
    assert len(incidents) == 1
    return incidents[0]  # type: ignore[no-any-return]


# -- pages and endpoints ------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/timeline", "/incidents", "/groups", "/static/app.js", "/static/app.css",
                                  "/static/world.json", "/api/map", "/api/timeline", "/api/incidents", "/api/groups"])
async def test_every_page_answers_with_the_security_headers(client: TestClient[Any, Any], path: str) -> None:
    resp = await client.get(path)
    assert resp.status == 200
    assert resp.headers["Content-Security-Policy"] == CSP and "default-src 'self'" in CSP
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    body = await resp.text()
    # nothing is loaded from another origin: no absolute URL in a src or href of our own pages
    if path in ("/", "/timeline", "/incidents", "/groups"):
        assert 'src="http' not in body and "<link rel=\"stylesheet\" href=\"/static/app.css\">" in body


async def test_map_data_has_every_located_incident_with_its_status(client: TestClient[Any, Any], store: Store) -> None:
    located = [i for i in await all_incidents(store) if i.lat is not None]
    data = await get_json(client, "/api/map")
    assert data["count"] == len(located) >= 5
    assert sorted(data["id"]) == sorted(i.id for i in located)
    by_id = {i.id: i for i in located}
    for n, incident_id in enumerate(data["id"]):
        assert data["statuses"][data["status"][n]] == by_id[incident_id].status
        assert data["lat"][n] == pytest.approx(by_id[incident_id].lat, abs=1e-4)


async def test_api_incidents_match_the_cli_json_and_carry_contract_messages(
        client: TestClient[Any, Any], web_demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    resp = await client.get("/api/incidents")
    web_rows = await resp.json()
    assert resp.headers["X-Total-Count"] == str(len(web_rows))
    cli_rows = json.loads((await arun_cli(capsys, "incidents", "--db", web_demo_db, "--format", "json")).out)
    assert {r["id"] for r in web_rows} == {r["id"] for r in cli_rows}
    assert web_rows == sorted(cli_rows, key=lambda r: (r["event_time"], r["id"]), reverse=True)  # the same objects
    archive = {(m["source"], m["id"]) for f in (ROOT / "examples").glob("*.jsonl")
               for m in map(json.loads, f.read_text("utf-8").splitlines())}
    for row in web_rows:
        assert row["messages"], row["id"]
        dates = [m["date"] for m in row["messages"]]
        assert dates == sorted(dates)  # oldest first
        for m in row["messages"]:
            assert CONTRACT_MESSAGE_KEYS <= set(m) <= CONTRACT_MESSAGE_KEYS | {"withdrawn"}
            assert m["role"] in ("claim", "denial", "attribution", "report")
            if m["source"] != INJECTED_SOURCE and not m["source"].startswith("http"):
                assert (m["source"], m["id"]) in archive  # joins back to what was replayed


async def test_incident_page_shows_messages_figures_grade_and_history(client: TestClient[Any, Any], store: Store) -> None:
    incidents = await all_incidents(store)
    corroborated = next(i for i in incidents if i.status == "corroborated" and len(i.links) > 2)
    resp = await client.get(f"/incidents/{corroborated.id}")
    assert resp.status == 200
    page = await resp.text()
    assert f"Incident #{corroborated.id}" in page and corroborated.grade in page
    for reason in corroborated.reasons:
        assert reason.replace("'", "&#x27;") in page
    detail = await get_json(client, f"/api/incidents/{corroborated.id}")
    assert detail["history"] and all(h["change"].replace("->", "-&gt;") in page for h in detail["history"])
    assert page.count('<li class="message') == len(detail["messages"])
    listed = page[page.index('<ol class="messages">'):]
    positions = [listed.index(f'<time>{m["date"][:16]}</time> <span class="source">{m["source"]}') for m in detail["messages"]]
    assert positions == sorted(positions)
    for m in detail["messages"]:
        assert f'href="{m["url"]}"' in page
    assert "<mark>" in page  # the claim's sentence is highlighted
    day = corroborated.event_time.date().isoformat()
    assert f'href="/timeline?since={day}&amp;until={day}"' in page
    assert f'href="/?place={corroborated.place_id}"' in page


async def test_markup_in_a_message_is_shown_as_text(client: TestClient[Any, Any]) -> None:
    incident = await injected_incident(client)
    page = await (await client.get(f"/incidents/{incident['id']}")).text()
    assert '&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;' in page
    assert "onerror=&quot;document.title=1&quot;" in page
    assert "<script>document" not in page and "<img" not in page and not re.search(r"<[^>]*onerror", page)
    assert page.count("<script") == 1 and '<script src="/static/app.js"></script>' in page
    assert 'href="javascript:' not in page  # a non-http link stays text
    detail = await get_json(client, f"/api/incidents/{incident['id']}")
    assert any(m["text"] == INJECTED for m in detail["messages"])  # JSON carries it as data, unchanged


async def test_timeline_counts_every_incident_and_marks_each_claim(client: TestClient[Any, Any], store: Store) -> None:
    incidents = await all_incidents(store)
    data = await get_json(client, "/api/timeline")
    assert data["incidents"] == len(incidents)
    assert sum(n for d in data["days"] for n in d["counts"].values()) == len(incidents)
    per_day: dict[str, int] = {}
    for i in incidents:
        per_day[i.event_time.date().isoformat()] = per_day.get(i.event_time.date().isoformat(), 0) + 1
    assert {d["day"]: sum(d["counts"].values()) for d in data["days"] if d["counts"]} == per_day
    claims = sum(1 for i in incidents for link in i.links if link.role == "claim")
    denials = sum(1 for i in incidents for link in i.links if link.role == "denial")
    assert sum(d["claims"] for d in data["days"]) == claims > 0
    assert sum(d["denials"] for d in data["days"]) == denials > 0
    assert sum(d["corroborations"] for d in data["days"]) == sum(1 for i in incidents if i.corroborated_at)


async def test_groups_list_discovered_first_with_spellings_and_rates(client: TestClient[Any, Any]) -> None:
    rows = await get_json(client, "/api/groups")
    assert rows
    known = [r["known"] for r in rows]
    assert known == sorted(known)  # False (discovered) before True
    ashrin = next(r for r in rows if r["id"] == "saraya-thawrat-al-ashrin")
    assert len(ashrin["spellings"]) >= 3 and ashrin["incidents_claimed"] >= 1
    page = await (await client.get("/groups")).text()
    for spelling in ashrin["spellings"]:
        assert spelling in page
    assert 'href="/?actor=saraya-thawrat-al-ashrin"' in page


# -- filters --------------------------------------------------------------------------------------

async def test_status_filter_is_shared_by_map_timeline_and_list(client: TestClient[Any, Any], store: Store) -> None:
    incidents = await all_incidents(store)
    for status in {i.status for i in incidents}:
        expected = sorted(i.id for i in incidents if i.status == status)
        listed = await get_json(client, f"/api/incidents?status={status}")
        assert sorted(r["id"] for r in listed) == expected
        assert sorted((await get_json(client, f"/api/map?status={status}"))["id"]) == expected
        assert (await get_json(client, f"/api/timeline?status={status}"))["incidents"] == len(expected)
    both = await get_json(client, "/api/incidents?status=corroborated&status=denied")  # the form's checkboxes
    assert {r["status"] for r in both} == {"corroborated", "denied"} & {i.status for i in incidents}


async def test_date_range_filter_includes_the_until_day(client: TestClient[Any, Any], store: Store) -> None:
    incidents = await all_incidents(store)
    day = incidents[-1].event_time.date().isoformat()
    rows = await get_json(client, f"/api/incidents?since={day}&until={day}")
    assert sorted(r["id"] for r in rows) == sorted(i.id for i in incidents if i.event_time.date().isoformat() == day)
    rows = await get_json(client, "/api/incidents?since=2021-01-01T00:00:00%2B00:00")
    assert rows and all(r["event_time"] >= "2021-01-01" for r in rows)
    assert len(rows) < len(incidents)


async def test_actor_place_and_source_filters(client: TestClient[Any, Any], store: Store) -> None:
    incidents = await all_incidents(store)
    rows = await get_json(client, "/api/incidents?actor=saraya-thawrat-al-ashrin")
    assert rows and all(any(c["actor"] == "Saraya Thawrat al-Ashrin" for c in r["claimants"]) for r in rows)
    by_name = await get_json(client, "/api/incidents?actor=Saraya%20Thawrat%20al-Ashrin")
    assert [r["id"] for r in by_name] == [r["id"] for r in rows]
    place = next(i for i in incidents if i.place_id)
    rows = await get_json(client, f"/api/incidents?place={place.place_id}")
    assert sorted(r["id"] for r in rows) == sorted(i.id for i in incidents if i.place_id == place.place_id)
    rows = await get_json(client, "/api/map?source=x.com/CENTCOM")
    assert rows["count"] == sum(1 for i in incidents if any(lk.source == "x.com/CENTCOM" for lk in i.links)) > 0
    assert (await get_json(client, "/api/map?actor=nobody-at-all"))["count"] == 0


async def test_filters_are_kept_in_the_links_between_pages(client: TestClient[Any, Any]) -> None:
    page = await (await client.get("/timeline?status=denied&actor=islamic-resistance-in-iraq")).text()
    assert 'href="/?status=denied&amp;actor=islamic-resistance-in-iraq"' in page
    assert 'href="/incidents?status=denied&amp;actor=islamic-resistance-in-iraq"' in page
    assert 'value="denied" checked' in page and 'value="islamic-resistance-in-iraq" selected' in page


@pytest.mark.parametrize(("query", "reason"), [
    ("status=maybe", "status: 'maybe' is not one of"),
    ("since=2024-13-01", "since: '2024-13-01' is not a date"),
    ("until=yesterday", "until: 'yesterday' is not a date"),
    ("since=2024-01-01T00:00:00", "since: '2024-01-01T00:00:00' needs an offset"),
    ("since=2024-02-01&until=2024-01-01", "since (2024-02-01) is not before until (2024-01-01)"),
    ("colour=red", "colour: unknown parameter"),
    ("limit=many", "limit: 'many' is not a whole number"),
])
async def test_a_bad_filter_is_400_with_the_reason(client: TestClient[Any, Any], query: str, reason: str) -> None:
    for path in ("/api/incidents", "/incidents"):
        resp = await client.get(f"{path}?{query}")
        assert resp.status == 400
        body = await resp.text()
        assert reason in (json.loads(body)["error"] if path.startswith("/api") else body.replace("&#x27;", "'"))
    if "limit" not in query:
        for path in ("/", "/timeline", "/api/map", "/api/timeline"):
            assert (await client.get(f"{path}?{query}")).status == 400


# -- errors ---------------------------------------------------------------------------------------

async def test_unknown_incident_is_a_404_page(client: TestClient[Any, Any]) -> None:
    resp = await client.get("/incidents/987654")
    assert resp.status == 404 and resp.headers["Content-Type"].startswith("text/html")
    assert "no incident #987654" in await resp.text()
    assert (await get_json(client, "/api/incidents/987654", 404))["error"] == "no incident #987654"
    assert (await client.get("/incidents/abc")).status == 404
    assert (await client.get("/no/such/page")).status == 404
    assert (await client.get("/static/../../bot/cli.py")).status == 404


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
async def test_the_view_writes_nothing(client: TestClient[Any, Any], method: str) -> None:
    for path in ("/", "/api/incidents", "/api/incidents/1", "/incidents/1"):
        resp = await client.request(method, path, data=b"{}")
        assert resp.status == 405 and resp.headers["Allow"] == "GET, HEAD"


async def test_token_is_required_and_checked(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    view = await start(make_app(store, Highlighter(classifier_factory), TOKEN), "127.0.0.1", 0)
    base = view.url.rstrip("/")
    try:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            for path in ("/", "/api/map", "/incidents/1", "/static/app.js"):
                for headers, query in (({}, ""), ({"Authorization": "Bearer wrong"}, ""), ({}, "?token=wrong")):
                    async with http.get(base + path + query, headers=headers) as resp:
                        assert resp.status == 401
                        assert resp.headers["WWW-Authenticate"].startswith("Bearer")
                        assert TOKEN not in await resp.text()
            for headers in ({"Authorization": f"Bearer {TOKEN}"}, {"X-Claimwatch-Token": TOKEN}):
                async with http.get(base + "/api/map", headers=headers) as resp:
                    assert resp.status == 200
            async with http.get(f"{base}/?token={TOKEN}&status=denied") as resp:  # a browser opens it once...
                assert resp.status == 200
            for path in ("/api/map?status=denied", "/static/world.json", "/incidents/1"):
                async with http.get(base + path) as resp:  # ...and its own requests carry the cookie
                    assert resp.status == 200
    finally:
        await view.close()
    access = [r.getMessage() for r in caplog.records if r.name == "claimwatch.web.access"]
    assert "GET /api/map 200" in "\n".join(access) and "GET /api/map 401" in "\n".join(access)
    assert TOKEN not in caplog.text and "token=" not in caplog.text  # the query is never logged


# -- config and commands --------------------------------------------------------------------------

def test_web_config_section() -> None:
    config = parse_config({"web": {"enabled": True, "listen": "0.0.0.0:9000", "token_env": "MY_TOKEN",
                                   "public_url": "https://view.example.org/"}})
    assert config.web.enabled and config.web.listen == "0.0.0.0:9000" and config.web.token_env == "MY_TOKEN"
    assert config.web.public_url == "https://view.example.org"
    assert parse_config({}).web.listen == "127.0.0.1:8080" and not parse_config({}).web.enabled
    for section, message in [({"listen": "nowhere"}, "web.listen: 'nowhere' is not HOST:PORT"),
                             ({"token": "x"}, "web.token: the token never goes in the file"),
                             ({"public_url": "view.example"}, "web.public_url: 'view.example' is not an http(s) URL"),
                             ({"colour": "red"}, "web.colour: unknown key")]:
        with pytest.raises(ConfigError, match=re.escape("cw.toml: " + message)):
            parse_config({"web": section}, "cw.toml")


def test_serve_on_a_missing_database_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = run_cli(capsys, "serve", "--db", f"sqlite:///{tmp_path}/nothing.db")
    assert r.code == 2
    assert f"no database at {tmp_path}/nothing.db" in r.err  # the one check of every read-only command (bot/cli.py)
    assert not (tmp_path / "nothing.db").exists()


def test_serve_off_loopback_without_a_token_exits_2(web_demo_db: str, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMWATCH_WEB_TOKEN", raising=False)
    r = run_cli(capsys, "serve", "--db", web_demo_db, "--listen", "0.0.0.0:0")
    assert r.code == 2
    assert "web.token_env: listening on 0.0.0.0, off loopback, needs an access token in the environment variable " \
           "CLAIMWATCH_WEB_TOKEN" in r.err
    r = run_cli(capsys, "serve", "--db", web_demo_db, "--listen", "localhost")
    assert r.code == 2 and "web.listen: 'localhost' is not HOST:PORT" in r.err


def test_alert_links_its_incident_page_when_public_url_is_set() -> None:
    from bot.delivery.format import render_html
    from storage.values import AlertValue

    alert = AlertValue(key="k", kind="uncorroborated_claim", at=datetime(2024, 1, 1).astimezone(),
                       text="UNCORROBORATED CLAIM after 24h: X\nIncident #7", incident=7)
    assert '<a href="https://view.example.org/incidents/7">incident #7</a>' in render_html(
        alert, None, "https://view.example.org")
    assert "<a href" not in render_html(alert) and "incident #7" in render_html(alert)


def test_printed_alerts_name_their_incident_page_when_public_url_is_set(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "cw.toml"
    config.write_text('[web]\npublic_url = "https://view.example.org"\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path}/a.db"
    r = run_cli(capsys, "replay", str(ROOT / "examples"), "--config", str(config), "--db", db, "--until", "+48h")
    assert r.code == 0
    blocks = [b for b in r.out.split("─" * 72) if "Incident #" in b]
    assert len(blocks) == 3  # the three alerts of the demo
    for block in blocks:
        incident = re.search(r"Incident #(\d+)", block)
        assert incident and f"https://view.example.org/incidents/{incident.group(1)}\n" in block
    plain = run_cli(capsys, "replay", str(ROOT / "examples"), "--db", f"sqlite:///{tmp_path}/b.db", "--until", "+48h")
    assert "view.example.org" not in plain.out


def test_run_refuses_a_web_view_off_loopback_without_its_token(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CW_WEB_TOKEN", raising=False)
    config = tmp_path / "cw.toml"
    config.write_text(f'[storage]\nurl = "sqlite:///{tmp_path}/run.db"\n'
                      '[web]\nenabled = true\nlisten = "0.0.0.0:8080"\ntoken_env = "CW_WEB_TOKEN"\n', encoding="utf-8")
    r = run_cli(capsys, "run", "--config", str(config))
    assert r.code == 2
    assert f"{config}: web.token_env: listening on 0.0.0.0, off loopback, needs an access token in the environment " \
           "variable CW_WEB_TOKEN" in r.err
    assert not (tmp_path / "run.db").exists()  # refused before anything started
