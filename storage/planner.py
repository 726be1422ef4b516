"""Planner statistics kept up with a database that grows fast (PostgreSQL): ``ANALYZE`` of the
tables the linking path reads, each time the messages stored through this store have doubled.

A replay fills an empty database faster than autovacuum analyzes it (a minute between its
rounds, or none when it is off). With no statistics the planner takes every table for a few
rows: the subject part of the candidate read joined its links to the incidents by scanning the
whole window again for each link (60 ms a read at 100,000 messages, 600x a plan with statistics),
and the key lookups of a batch planned as if the messages were few. One ``ANALYZE`` at each
doubling (about 0.1 s at 100,000 messages; seven of them from 1,000 to 100,000) keeps the plans
those of the data. Plans never change what a read returns: every read whose order matters orders
by a unique key. A role that does not own the tables gets a warning from the server and nothing is
analyzed; nothing fails.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

log = logging.getLogger("claimwatch.storage")

# the tables a batch reads by key or by time (candidates, links, checks, alerts, actors): their
# statistics decide the join orders and the index each read uses
ANALYZED = ("messages", "incidents", "incident_links", "claim_checks", "alerts", "actors", "actor_aliases")
# no ANALYZE before this many messages are added: below it every plan is cheap anyway
FIRST = 1000


@dataclass
class Growth:
    """Messages known to the planner (``known``: the estimate the server had when the store
    opened, then the count at each ``ANALYZE``) and added since; ``due`` once the added ones
    reach as many again (at least ``FIRST``)."""

    known: int
    added: int = 0

    def add(self, n: int) -> bool:
        """Count ``n`` messages stored; whether the tables are due an ``ANALYZE``."""
        self.added += n
        return self.added >= max(FIRST, self.known)

    def analyzed(self) -> None:
        self.known += self.added
        self.added = 0


def estimated_messages(s: Session) -> int:
    """The server's estimate of the messages stored (0 for a table never analyzed)."""
    value = s.execute(text("SELECT reltuples FROM pg_class WHERE oid = to_regclass('messages')")).scalar()
    return max(0, int(value or 0))


def analyze(s: Session) -> None:
    """``ANALYZE`` the tables of ``ANALYZED`` (in the caller's transaction, which writes nothing
    else: the statistics are the server's, not the user's data)."""
    started = time.perf_counter()
    s.execute(text("ANALYZE " + ", ".join(ANALYZED)))
    log.debug("tables analyzed in %.3f s", time.perf_counter() - started)
