"""Alembic migrations, run programmatically by ``Store.upgrade`` (``claimwatch db upgrade``)."""
