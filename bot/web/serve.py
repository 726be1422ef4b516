"""Starting the view: ``claimwatch serve`` on its own, or beside the daemon in ``run``."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from pathlib import Path

from bot.config import Config, is_loopback, split_listen
from bot.logs import register_secret
from bot.web.app import WebView, make_app, start
from bot.web.evidence import ClassifierLike, Highlighter
from storage import Store
from storage.engine import sync_url
from watchers.errors import ConfigError, InputError

log = logging.getLogger("claimwatch.web")


def default_classifier(config: Config) -> Callable[[], ClassifierLike]:
    def build() -> ClassifierLike:
        from bot.app import SourceAwareClassifier
        from bot.registry import Registry
        from classifiers.classify import Classifier

        return SourceAwareClassifier(Classifier(config.gazetteer.build()), Registry.builtin(config))

    return build


async def open_view(config: Config, store: Store, listen: str | None = None,
                    classifier: Callable[[], ClassifierLike] | None = None) -> WebView:
    """Serve the view on ``listen`` (default ``[web] listen``). Off loopback, the token from
    ``[web] token_env`` is required; when set, it is checked on every request wherever the view listens
    (a proxy on the same host can make a loopback view public)."""
    host, port, token = where_to_listen(config, listen)
    if token:
        register_secret(token)
    app = make_app(store, Highlighter(classifier or default_classifier(config)), token)
    view = await start(app, host, port)
    log.info("web view on %s (%s)", view.url, "token required" if token else "no token: loopback only")
    return view


def where_to_listen(config: Config, listen: str | None = None) -> tuple[str, int, str | None]:
    """Host, port and token of the view, or a ConfigError (exit 2): off loopback without a token
    the view would be open to anyone who can reach the machine."""
    listen = listen or config.web.listen
    try:
        host, port = split_listen(listen)
    except ValueError as exc:
        raise ConfigError(str(exc), path=config.path, key="web.listen") from exc
    token = config.web.token()
    if not is_loopback(host) and token is None:
        raise ConfigError(f"listening on {host}, off loopback, needs an access token in the environment variable "
                          f"{config.web.token_env}", path=config.path, key="web.token_env")
    return host, port, token


def require_database(url: str) -> None:
    """A read-only command never creates a database: a missing SQLite file is an input error."""
    target = sync_url(url)
    if target.get_backend_name() == "sqlite" and target.database and not Path(target.database).exists():
        raise InputError(f"{target.database}: no such database file (create it with 'claimwatch replay' or "
                         "'claimwatch run', or give --db)")


async def serve(config: Config, listen: str | None) -> int:
    require_database(config.storage.url)
    store = await Store.open(config.storage.url)
    try:
        view = await open_view(config, store, listen)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        print(f"claimwatch: web view of {store.safe_url} on {view.url} (Ctrl-C stops it)", flush=True)
        try:
            await stop.wait()
        finally:
            await view.close()
    finally:
        await store.close()
    return 0
