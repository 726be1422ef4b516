"""/metrics as Prometheus reads it: parsed by prometheus_client's own text parser, each family once
with its HELP and TYPE, the process metrics included."""

from __future__ import annotations

import socket
from collections import Counter

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from bot.health import Health
from bot.metrics import HELP, Sample

# the daemon's samples in the order it produces them: per source, several families interleave
SAMPLES: list[Sample] = [
    ("claimwatch_messages_total", "counter", {"source": "t.me/a"}, 3),
    ("claimwatch_messages_total", "counter", {"source": 'x.com/"q"\nz'}, 1),
    ("claimwatch_statements_total", "counter", {"stance": "claim"}, 2),
    ("claimwatch_alerts", "gauge", {"state": "sent"}, 2),
    ("claimwatch_outbox_depth", "gauge", {}, 0),
    ("claimwatch_watcher_polls_total", "counter", {"source": "t.me/a"}, 10),
    ("claimwatch_watcher_errors_total", "counter", {"source": "t.me/a"}, 1),
    ("claimwatch_watcher_up", "gauge", {"source": "t.me/a"}, 1),
    ("claimwatch_watcher_polls_total", "counter", {"source": "https://feed.example/rss"}, 7),
    ("claimwatch_watcher_errors_total", "counter", {"source": "https://feed.example/rss"}, 0),
    ("claimwatch_watcher_up", "gauge", {"source": "https://feed.example/rss"}, 0),
    ("claimwatch_leader", "gauge", {}, 1),
]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_metrics_parse_with_prometheus_own_parser_one_family_each() -> None:
    async def samples() -> list[Sample]:
        return SAMPLES

    port = _port()
    runner = await Health(metrics=samples).serve(f"127.0.0.1:{port}")
    try:
        async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{port}/metrics") as resp:
            assert resp.status == 200
            assert resp.headers["Content-Type"].startswith("text/plain; version=0.0.4")
            text = await resp.text()
    finally:
        await runner.cleanup()
    families = list(text_string_to_metric_families(text))
    names = Counter(f.name for f in families)
    assert all(n == 1 for n in names.values()), names
    by_name = {f.name: f for f in families}
    # counters are named without _total by the parser, as Prometheus does
    polls = by_name["claimwatch_watcher_polls"]
    assert polls.type == "counter" and polls.documentation == HELP["claimwatch_watcher_polls_total"]
    assert {s.labels["source"]: s.value for s in polls.samples if s.name.endswith("_total")} == {
        "t.me/a": 10, "https://feed.example/rss": 7}
    assert by_name["claimwatch_watcher_up"].type == "gauge"
    messages = by_name["claimwatch_messages"]
    assert {s.labels["source"] for s in messages.samples if s.name.endswith("_total")} == {"t.me/a", 'x.com/"q"\nz'}
    assert len({n for n, *_ in SAMPLES}) == len([n for n in names if n.startswith("claimwatch_")])
    assert "process_resident_memory_bytes" in names and "process_cpu_seconds" in names
    assert text.count("# TYPE claimwatch_watcher_up gauge") == 1 and "# HELP claimwatch_leader 1 when" in text
