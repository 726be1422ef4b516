"""The database the web view's tests read: examples/ and one message carrying markup, replayed
through the real pipeline once per test session (``web_demo_db`` in conftest.py)."""

from __future__ import annotations

from pathlib import Path

from bot.cli import main

from .helpers import rec, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
INJECTED = ('المقاومة الإسلامية في العراق تعلن استهداف قاعدة عين الأسد بطائرة مسيرة '
            '<script>document.title="pwned"</script> <img src=x onerror="document.title=1">')
INJECTED_SOURCE = "t.me/injector"


def replay_examples(db: Path, extra_dir: Path) -> str:
    """examples/ and one message with markup in it (and a javascript: URL), replayed through the pipeline."""
    extra_dir.mkdir(parents=True, exist_ok=True)
    write_jsonl(extra_dir / "injected.jsonl", [
        {**rec(INJECTED_SOURCE, "666", "2024-02-02T08:00:00+00:00", INJECTED), "url": "javascript:alert(1)"}])
    url = f"sqlite:///{db}"
    code = main(["replay", str(ROOT / "examples"), str(extra_dir / "injected.jsonl"), "--db", url, "--until", "+48h",
                 "--quiet"])
    assert code == 0
    return url
