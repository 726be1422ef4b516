"""Alerts a person can read: provenance names the source, its role and its network in words, never
a feed URL as a network nor a handle repeated as its own network."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.incidents.render import provenance

from .helpers import run_cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_provenance_words() -> None:
    assert provenance("t.me/x", "relay", "muqawama") == "t.me/x (relay, muqawama network)"
    assert provenance("https://news.example.org/rss.xml", "media", "https://news.example.org/rss.xml") == \
        "news.example.org/rss.xml (media)"
    assert provenance("t.me/unknown", "media", "t.me/unknown") == "t.me/unknown (media)"
    assert provenance("t.me/x", "official", "https://feeds.example/other") == "t.me/x (official)"
    assert provenance("t.me/fwd", "claimant", "muqawama", relaying=True) == "t.me/fwd (relaying the claimant, muqawama network)"


def test_demo_alerts_name_sources_roles_and_networks_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "alerts.jsonl"
    r = run_cli(capsys, "replay", str(EXAMPLES), "--db", f"sqlite:///{tmp_path}/d.db", "--alerts-out", str(out),
                "--until", "+48h", "--quiet")
    assert r.code == 0, r.err
    texts = [json.loads(line)["text"] for line in out.read_text().splitlines()]
    kharab = next(t for t in texts if "Kharab al-Jir" in t)
    relayed = next(line for line in kharab.splitlines() if line.startswith("Relayed by: "))
    assert "t.me/almaalomah (relay, muqawama network)" in relayed
    assert "news.example.org/rss/middle-east.xml (relaying the claimant, muqawama network)" in relayed  # it quotes the claim
    assert "in t.me/elamharbi (claimant's channel, muqawama network)" in kharab
    assert "x.com/OIRSpox (official, us-government network)" in kharab
    front = next(t for t in texts if t.startswith("NEW FRONT GROUP"))
    assert "Appeared in: t.me/sabreenS1 (relay, muqawama network)" in front
    for text in texts:
        assert not re.search(r"https?://\S+ network", text) and "network: http" not in text, text
        assert not re.search(r"(\S+) \([^)]*\b\1 network\)", text), text  # a handle as its own network
