"""sd_notify in a few lines of standard library: READY=1, STOPPING=1, WATCHDOG=1, STATUS=...
A no-op when not started by systemd (no $NOTIFY_SOCKET)."""

from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger("claimwatch.systemd")


class Notifier:
    def __init__(self, address: str | None = None) -> None:
        self.address = address if address is not None else os.environ.get("NOTIFY_SOCKET")
        usec = os.environ.get("WATCHDOG_USEC", "")
        self.watchdog_seconds = int(usec) / 1_000_000 if usec.isdigit() else None

    def notify(self, *states: str) -> bool:
        if not self.address:
            return False
        target = "\0" + self.address[1:] if self.address.startswith("@") else self.address
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.connect(target)
                sock.sendall("\n".join(states).encode())
            return True
        except OSError as exc:
            log.warning("could not notify systemd at %s: %s", self.address, exc)
            return False
