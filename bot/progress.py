"""The progress line of a long replay: messages, rate, elapsed, and an estimate of the time left.

Shown on stderr only when stderr is a terminal (a log file or a pipe gets nothing) and redrawn at
most twice a second. The estimate comes from the bytes read so far of the input files: the
archive readers own their file handles, so the position of each is read from
``/proc/self/fdinfo`` (Linux); elsewhere the line shows no estimate.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

REDRAW_SECONDS = 0.5


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}" if seconds >= 3600 \
        else f"{seconds // 60}:{seconds % 60:02d}"


class ByteMeter:
    """How many bytes of ``files`` this process has read: finished files count whole."""

    def __init__(self, files: Iterable[Path]) -> None:
        self.sizes: dict[str, int] = {}
        for path in files:
            try:
                self.sizes[str(path.resolve())] = path.stat().st_size
            except OSError:
                continue
        self.total = sum(self.sizes.values())
        self._seen: set[str] = set()
        self.available = Path("/proc/self/fdinfo").is_dir() and self.total > 0

    def read(self) -> int | None:
        if not self.available:
            return None
        positions: dict[str, int] = {}
        try:
            fds = os.listdir("/proc/self/fd")
        except OSError:
            return None
        for fd in fds:
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
                if target not in self.sizes:
                    continue
                with open(f"/proc/self/fdinfo/{fd}") as info:
                    pos = int(info.readline().split()[1])
            except (OSError, ValueError, IndexError):
                continue
            positions[target] = max(pos, positions.get(target, 0))
        self._seen.update(positions)
        done = sum(size for name, size in self.sizes.items() if name in self._seen and name not in positions)
        return done + sum(min(pos, self.sizes[name]) for name, pos in positions.items())


class Progress:
    """Draws ``replay: 12,000 messages, 2,400/s, 0:05 elapsed, ~0:20 left (20% read)`` in place."""

    def __init__(self, stream: TextIO, meter: ByteMeter | None = None, label: str = "replay") -> None:
        self.stream = stream
        self.meter = meter
        self.label = label
        self.started = time.monotonic()
        self._next = self.started  # the first update draws: even a short run shows it started
        self._width = 0

    @classmethod
    def for_stderr(cls, stream: TextIO, quiet: bool, files: Iterable[Path] = ()) -> Progress | None:
        """A progress line, or None when nobody is watching (not a terminal, or ``--quiet``)."""
        if quiet or not stream.isatty():
            return None
        return cls(stream, ByteMeter(files))

    def update(self, count: int, what: str = "messages", force: bool = False) -> None:
        now = time.monotonic()
        if not force and now < self._next:
            return
        self._next = now + REDRAW_SECONDS
        elapsed = now - self.started
        rate = count / elapsed if elapsed > 0 else 0.0
        line = f"{self.label}: {count:,} {what}, {rate:,.0f}/s, {_clock(elapsed)} elapsed"
        done = self.meter.read() if self.meter else None
        if done is not None and self.meter and self.meter.total:
            fraction = min(1.0, done / self.meter.total)
            if 0 < fraction < 1:
                line += f", ~{_clock(elapsed * (1 - fraction) / fraction)} left ({fraction:.0%} read)"
        self.draw(line)

    def draw(self, line: str) -> None:
        pad = max(0, self._width - len(line))
        self._width = len(line)
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()

    def clear(self) -> None:
        """Erase the line so the summary that follows starts on a clean line."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
