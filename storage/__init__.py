"""Storage: the tables, engine set-up, migrations and queries. Rows never leave this package."""

from storage.store import Store
from storage.values import AlertValue, IngestResult, SourceHealth, StoredMessage

__all__ = ["AlertValue", "IngestResult", "SourceHealth", "Store", "StoredMessage"]
