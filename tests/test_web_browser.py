"""The view in a real browser: headless Chromium loads the map, the timeline and the incident page
of a database replayed from examples/ (plus a message carrying markup), and we read back the DOM
it built after running our scripts. Screenshots go to $CLAIMWATCH_SCREENSHOTS (default: the
test's tmp folder). Skipped when /usr/bin/chromium is absent (CI installs Debian's chromium)."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.web.app import WebView, make_app, start
from bot.web.evidence import Highlighter
from storage import Store
from storage.incidents import list_incidents

from .test_web import classifier_factory
from .web_demo import INJECTED_SOURCE

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--hide-scrollbars", "--window-size=1280,900",
         "--virtual-time-budget=8000")  # virtual time waits for the page's fetches before the dump


@pytest.fixture
async def view(web_demo_db: str) -> AsyncIterator[tuple[WebView, Store]]:
    store = await Store.open(web_demo_db)
    web = await start(make_app(store, Highlighter(classifier_factory)), "127.0.0.1", 0)
    yield web, store
    await web.close()
    await store.close()


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("CLAIMWATCH_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


async def browse(url: str, screenshot: Path, profile: Path) -> str:
    """Load ``url`` in a fresh profile; return the DOM after its scripts ran; save a screenshot."""
    proc = await asyncio.create_subprocess_exec(
        str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", f"--screenshot={screenshot}", "--dump-dom", url,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), timeout=90)
    assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
    assert await asyncio.to_thread(os.path.getsize, screenshot) > 10_000  # a picture, not an empty frame
    return out.decode()


def attribute(dom: str, element_id: str, name: str) -> str:
    tag = re.search(rf'<canvas id="{element_id}"[^>]*>', dom)
    assert tag, dom[:2000]
    found = re.search(rf'{name}="([^"]*)"', tag.group(0))
    assert found, tag.group(0)
    return found.group(1)


async def test_map_timeline_and_incident_page_render_in_chromium(view: tuple[WebView, Store], tmp_path: Path) -> None:
    web, store = view
    incidents = await store.run(lambda s: list_incidents(s, None, None))
    located = [i for i in incidents if i.lat is not None]
    folder = shots(tmp_path)

    dom = await browse(web.url, folder / "map.png", tmp_path / "profile-map")
    assert attribute(dom, "map", "data-markers") == str(len(located))  # every marker drawn
    assert int(attribute(dom, "map", "data-basemap")) > 150  # the countries of the offline basemap
    assert f"{len(located)} incident(s) with coordinates on the map" in dom

    dom = await browse(web.url + "timeline", folder / "timeline.png", tmp_path / "profile-timeline")
    days = {i.event_time.date() for i in incidents}
    assert attribute(dom, "timeline", "data-bars") == str(len(days))  # a bar for each day with incidents
    assert int(attribute(dom, "timeline", "data-marks")) > 0

    injected = next(i for i in incidents if any(lk.source == INJECTED_SOURCE for lk in i.links))
    dom = await browse(f"{web.url}incidents/{injected.id}", folder / "incident.png", tmp_path / "profile-incident")
    # the injected markup is text in the page, not elements: its script never ran, no image was made
    assert "&lt;script&gt;document.title=\"pwned\"&lt;/script&gt;" in dom
    assert f"<title>Incident #{injected.id} · claimwatch</title>" in dom
    assert len(re.findall(r"<script\b", dom)) == 1 and "<img" not in dom
    assert re.search(r"<[a-z]+[^>]*\sonerror=", dom) is None


async def test_a_filter_in_the_url_reaches_the_map(view: tuple[WebView, Store], tmp_path: Path) -> None:
    web, store = view
    incidents = await store.run(lambda s: list_incidents(s, "denied", None))
    dom = await browse(web.url + "?status=denied", tmp_path / "denied.png", tmp_path / "profile")
    assert attribute(dom, "map", "data-markers") == str(len([i for i in incidents if i.lat is not None]))
    assert 'value="denied" checked' in dom
