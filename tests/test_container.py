"""The container image and compose.yaml (claimwatch with PostgreSQL), built and run for real.

Needs a container engine, so it runs only when CLAIMWATCH_TEST_DOCKER=1. Where no registry is
reachable, CLAIMWATCH_TEST_DOCKER_BASE names a local image with Python 3.11+ to build on (instead
of python:3.11-slim) and CLAIMWATCH_TEST_DOCKER_PG a local image that behaves as postgres:16
(POSTGRES_USER/PASSWORD/DB, port 5432, pg_isready). Nothing reaches the internet: the test config
has no live source."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("CLAIMWATCH_TEST_DOCKER") != "1" or not shutil.which("docker-compose"),
                       reason="CLAIMWATCH_TEST_DOCKER=1 and docker-compose needed"),
]


def _run(*argv: str, timeout: float = 900, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if check and done.returncode != 0:
        raise AssertionError(f"{' '.join(argv)}: exit {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


@pytest.fixture
def compose(tmp_path: Path) -> Iterator[list[str]]:
    config = tmp_path / "config.toml"
    config.write_text('[storage]\nurl = "postgresql://claimwatch@db:5432/claimwatch"\n'
                      '[daemon]\nhttp = "127.0.0.1:9108"\n', encoding="utf-8")
    config.chmod(0o644)
    override = tmp_path / "override.yaml"
    base = os.environ.get("CLAIMWATCH_TEST_DOCKER_BASE")
    pg = os.environ.get("CLAIMWATCH_TEST_DOCKER_PG")
    override.write_text(
        "services:\n"
        + (f"  db:\n    image: {pg}\n" if pg else "")
        + "  claimwatch:\n"
        + (f"    build:\n      context: {ROOT}\n      args:\n        BASE: {base}\n" if base else "")
        + f"    volumes:\n      - data:/data\n      - {config}:/data/config.toml:ro\n", encoding="utf-8")
    project = f"cwtest{uuid.uuid4().hex[:8]}"
    cmd = ["docker-compose", "-p", project, "-f", str(ROOT / "compose.yaml"), "-f", str(override)]
    try:
        yield cmd
    finally:
        _run(*cmd, "down", "-v", "--remove-orphans", check=False, timeout=120)


def test_compose_runs_the_daemon_on_postgresql_and_the_commands_in_the_image(compose: list[str]) -> None:
    _run(*compose, "up", "-d", "--build")
    deadline = time.monotonic() + 180
    health = ""
    while time.monotonic() < deadline:
        container = _run(*compose, "ps", "-q", "claimwatch").stdout.strip()
        health = _run("docker", "inspect", "-f", "{{.State.Health.Status}}", container, check=False).stdout.strip()
        if health == "healthy":
            break
        time.sleep(3)
    logs = _run(*compose, "logs", "claimwatch", check=False).stdout
    assert health == "healthy", logs
    assert "claimwatch running on postgresql" in logs
    assert _run(*compose, "run", "--rm", "claimwatch", "--version").stdout.strip() == "claimwatch 0.1.0"
    replay = _run(*compose, "run", "--rm", "claimwatch", "replay", "/opt/claimwatch/examples", "--until", "+48h",
                  "--quiet")
    assert "alerts: new_front_group 1, uncorroborated_claim 2" in replay.stdout
    incidents = json.loads(_run(*compose, "run", "--rm", "claimwatch", "incidents", "--format", "json").stdout)
    assert {i["place"] for i in incidents} >= {"Kharab al-Jir", "Al-Shaddadi", "Diwaniyah"}
    check = _run(*compose, "run", "--rm", "claimwatch", "check")
    assert "database: postgresql://claimwatch@db:5432/claimwatch: reachable" in check.stdout
    # SIGTERM: the daemon drains and stops cleanly
    _run(*compose, "stop", "claimwatch", timeout=120)
    assert "claimwatch stopped after" in _run(*compose, "logs", "claimwatch").stdout
