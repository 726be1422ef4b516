"""Operations: pacing, JSON logs with secrets masked, the systemd unit."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.delivery.pacing import TokenBucket
from bot.logs import register_secret, setup_logging

ROOT = Path(__file__).resolve().parent.parent


async def test_token_bucket_paces_to_its_rate() -> None:
    now = [0.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    bucket = TokenBucket(20 / 60, 1, now=lambda: now[0], sleep=sleep)  # 20 a minute into one group
    for _ in range(5):
        await bucket.acquire()
    assert now[0] == pytest.approx(12.0)  # the first at once, then one every 3 s


def test_json_logs_mask_secrets(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging("INFO", "json")
    register_secret("999999:SUPER-SECRET-TOKEN")
    logging.getLogger("claimwatch.test").warning("calling https://api/bot%s/sendMessage", "999999:SUPER-SECRET-TOKEN")
    line = capsys.readouterr().err.strip().splitlines()[-1]
    entry = json.loads(line)
    assert entry["level"] == "warning" and entry["logger"] == "claimwatch.test"
    assert "SUPER-SECRET" not in line and "bot***/sendMessage" in entry["msg"]
    setup_logging("WARNING", "text")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_unit_verifies(tmp_path: Path) -> None:
    unit = (ROOT / "deploy" / "claimwatch.service").read_text()
    exe = shutil.which("claimwatch") or "/bin/true"
    copy = tmp_path / "claimwatch.service"
    copy.write_text(unit.replace("/opt/claimwatch/.venv/bin/claimwatch", exe))
    done = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for key in ("Type=notify", "WatchdogSec=", "StateDirectory=", "Restart=on-failure", "NoNewPrivileges=yes"):
        assert key in unit
