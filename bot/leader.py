"""Which instance runs the sweeps and delivery: on PostgreSQL the holder of an advisory lock
(held by one open connection: if the process dies, the server drops the lock and another instance
takes it within ``retry`` seconds); on SQLite, the only instance."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sqlalchemy import text

from bot.backoff import sleep_or_stop
from storage import Store

log = logging.getLogger("claimwatch.leader")

LOCK_KEY = 0x636C_6D02


class Leadership:
    def __init__(self, store: Store, instance: str, retry: float = 3.0) -> None:
        self.store = store
        self.instance = instance or "default"
        self.retry = retry
        self.is_leader = store.dialect != "postgresql"
        self._conn: Any = None
        self.changed = asyncio.Event()

    def _try(self) -> bool:
        if self._conn is None:
            self._conn = self.store.engine.connect()
        got = bool(self._conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK_KEY}).scalar())
        self._conn.commit()
        return got

    def _still(self) -> bool:
        self._conn.execute(text("SELECT 1")).scalar()
        self._conn.commit()
        return True

    def _release(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
                self._conn.commit()
            finally:
                self._conn.close()
                self._conn = None

    async def run(self, stop: asyncio.Event) -> None:
        if self.store.dialect != "postgresql":
            return
        loop = asyncio.get_running_loop()
        while not stop.is_set():
            try:
                if self.is_leader:
                    await loop.run_in_executor(self.store._executor, self._still)
                else:
                    if await loop.run_in_executor(self.store._executor, self._try):
                        self.is_leader = True
                        self.changed.set()
                        log.info("instance %s is now the leader (sweeps and delivery)", self.instance)
            except Exception as exc:
                if self.is_leader:
                    log.warning("instance %s lost the leadership: %s", self.instance, exc)
                self.is_leader = False
                self._conn = None
            await sleep_or_stop(stop, self.retry)
        await loop.run_in_executor(self.store._executor, self._release)
