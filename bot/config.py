"""The config file: TOML, validated into typed, frozen objects.

Unknown keys are rejected. Secrets never live in the file: it names the environment variables
that hold them. Every error names the file, the key and what is wrong.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.durations import parse_duration
from bot.incidents.kinds import OLD_NAMES, AlertKind
from classifiers.gazetteer import Gazetteer, load_gazetteer
from classifiers.gazetteer_data import Extension, GazetteerDataError, extend, parse_extension
from watchers.errors import ConfigError

MIN_POLL = timedelta(seconds=1)  # "0s" would poll a source in a busy loop
ROLES = ("claimant", "relay", "official", "media", "monitor")
WATCHES = ("telegram", "tme", "rss", "none")
ALERT_KINDS = tuple(kind.value for kind in AlertKind)


@dataclass(frozen=True)
class StorageConfig:
    url: str = "sqlite:///claimwatch.db"


@dataclass(frozen=True)
class AlertsConfig:
    kinds: tuple[str, ...] = ("new_front_group", "uncorroborated_claim")
    uncorroborated_after: timedelta = timedelta(hours=24)
    front_group_dormant_after: timedelta = timedelta(days=180)
    uncorroborated_after_by_region: dict[str, timedelta] = field(default_factory=dict)


@dataclass(frozen=True)
class IncidentsConfig:
    """``[incidents]``: how statements are matched to incidents."""

    claim_lookback: timedelta = timedelta(days=7)  # how far back an undated claim may find its event


@dataclass(frozen=True)
class RouteConfig:
    """One chat and the alerts it wants (``[[telegram_bot.routes]]``); an empty list wants all."""

    chat_id: int
    kinds: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # actor names or gazetteer ids, as the alert or its incident names them
    regions: tuple[str, ...] = ()  # country codes (SY), country names (Syria) or gazetteer regions (syria-ne)
    sources: tuple[str, ...] = ()  # handles as in [[sources]] (t.me/NAME, x.com/NAME, feed URL)
    message_thread_id: int | None = None


@dataclass(frozen=True)
class BotConfig:
    token_env: str = "CLAIMWATCH_BOT_TOKEN"
    chat_id: int | None = None
    api_base: str = "https://api.telegram.org"
    admins: tuple[int, ...] = ()
    message_thread_id: int | None = None
    per_chat_per_minute: int = 20
    per_second: float = 25.0
    commands: bool = True
    routes: tuple[RouteConfig, ...] = ()

    @property
    def enabled(self) -> bool:
        return self.chat_id is not None or bool(self.routes)

    def all_routes(self) -> tuple[RouteConfig, ...]:
        """The routes in force: ``chat_id`` alone is a route that wants every alert (as before routes
        existed), and it stays one beside any ``[[telegram_bot.routes]]``."""
        default = () if self.chat_id is None else (RouteConfig(self.chat_id, message_thread_id=self.message_thread_id),)
        return default + self.routes

    def chat_ids(self) -> tuple[int, ...]:
        """Every chat alerts go to."""
        return tuple(dict.fromkeys(r.chat_id for r in self.all_routes()))

    def token(self) -> str | None:
        value = os.environ.get(self.token_env, "").strip()
        return value or None


@dataclass(frozen=True)
class TelegramConfig:
    api_id_env: str = "TELEGRAM_API_ID"
    api_hash_env: str = "TELEGRAM_API_HASH"
    session: str = "claimwatch.session"
    join: bool = False
    backfill: timedelta = timedelta(minutes=15)


@dataclass(frozen=True)
class TmeConfig:
    base_url: str = "https://t.me"


@dataclass(frozen=True)
class DaemonConfig:
    http: str = ""  # "127.0.0.1:9108": /healthz and /metrics; empty = off
    drain_timeout: timedelta = timedelta(seconds=20)
    sweep_every: timedelta = timedelta(seconds=60)
    instance: str = ""
    instances: tuple[str, ...] = ()


@dataclass(frozen=True)
class WebConfig:
    enabled: bool = False  # serve the web view from `run` too
    listen: str = "127.0.0.1:8080"
    token_env: str = "CLAIMWATCH_WEB_TOKEN"  # required when listen is not loopback
    public_url: str = ""  # where readers reach the view; alerts link their incident there

    def token(self) -> str | None:
        value = os.environ.get(self.token_env, "").strip()
        return value or None


@dataclass(frozen=True)
class SourceConfig:
    handle: str
    watch: str = "none"
    url: str = ""
    role: str | None = None
    network: str | None = None
    poll: timedelta = timedelta(seconds=120)
    uncorroborated_after: timedelta | None = None
    instance: str | None = None


@dataclass(frozen=True)
class GazetteerConfig:
    """The user's own actors and places: ``[[actors]]``/``[[places]]`` tables of the config and
    the ``[gazetteer]`` data files, checked against the built-in gazetteer when the config loads."""

    actors_file: str | None = None
    places_file: str | None = None
    extension: Extension = field(default_factory=Extension)

    def build(self) -> Gazetteer:
        """The built-in gazetteer with the user's entries (a gazetteer of its own each call)."""
        return extend(load_gazetteer(), self.extension)


@dataclass(frozen=True)
class Config:
    path: str | None = None
    storage: StorageConfig = field(default_factory=StorageConfig)
    alerts: AlertsConfig = field(default_factory=AlertsConfig)
    telegram_bot: BotConfig = field(default_factory=BotConfig)
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    tme: TmeConfig = field(default_factory=TmeConfig)
    sources: tuple[SourceConfig, ...] = ()
    daemon: DaemonConfig = field(default_factory=DaemonConfig)
    incidents: IncidentsConfig = field(default_factory=IncidentsConfig)
    web: WebConfig = field(default_factory=WebConfig)
    gazetteer: GazetteerConfig = field(default_factory=GazetteerConfig)

    def with_db(self, url: str | None) -> Config:
        if not url:
            return self
        from dataclasses import replace

        return replace(self, storage=StorageConfig(url))


class _Section:
    """Reads one table, tracks which keys were used, and reports errors with their key path."""

    def __init__(self, data: Any, path: str, prefix: str) -> None:
        if not isinstance(data, dict):
            raise ConfigError("must be a table", path=path, key=prefix)
        self.data, self.path, self.prefix = data, path, prefix
        self.used: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def fail(self, name: str, message: str) -> ConfigError:
        return ConfigError(message, path=self.path, key=self.key(name))

    def get(self, name: str, kind: type | tuple[type, ...], default: Any) -> Any:
        self.used.add(name)
        if name not in self.data:
            return default
        value = self.data[name]
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise self.fail(name, f"expected {_kind_name(kind)}, got a boolean")
        if not isinstance(value, kind):
            raise self.fail(name, f"expected {_kind_name(kind)}, got {type(value).__name__} {value!r}")
        return value

    def duration(self, name: str, default: timedelta | None, minimum: timedelta | None = None) -> timedelta | None:
        raw = self.get(name, str, None)
        if raw is None:
            return default
        try:
            value = parse_duration(raw)
        except ValueError as exc:
            raise self.fail(name, str(exc)) from exc
        if minimum is not None and value < minimum:
            raise self.fail(name, f"{raw!r} is shorter than the minimum {minimum.total_seconds():g}s")
        return value

    def choice(self, name: str, choices: tuple[str, ...], default: str | None) -> str | None:
        value = self.get(name, str, default)
        if value is not None and value not in choices:
            raise self.fail(name, f"{value!r} is not one of {', '.join(choices)}")
        return value  # type: ignore[no-any-return]

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise self.fail(unknown[0], "unknown key")


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
             list: "a list", dict: "a table"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def load_config(path: str | os.PathLike[str] | None) -> Config:
    """Load and validate a config file; ``None`` gives the built-in defaults."""
    if path is None:
        return Config()
    where = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror or exc}", path=where) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 (byte {exc.start})", path=where) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"TOML syntax error: {exc}", path=where) from exc
    return parse_config(data, where)


def parse_config(data: dict[str, Any], where: str = "<config>") -> Config:
    root = _Section(data, where, "")
    storage = _storage(_Section(root.get("storage", dict, {}), where, "storage"))
    alerts = _alerts(_Section(root.get("alerts", dict, {}), where, "alerts"))
    bot = _bot(_Section(root.get("telegram_bot", dict, {}), where, "telegram_bot"))
    telegram = _telegram(_Section(root.get("telegram", dict, {}), where, "telegram"))
    tme_section = _Section(root.get("tme", dict, {}), where, "tme")
    tme = TmeConfig(base_url=_url(tme_section, "base_url", TmeConfig.base_url))
    tme_section.done()
    sources = []
    seen: set[str] = set()
    for index, item in enumerate(root.get("sources", list, [])):
        source = _source(_Section(item, where, f"sources[{index}]"))
        if source.handle in seen:
            raise ConfigError(f"handle {source.handle!r} is configured twice", path=where,
                              key=f"sources[{index}].handle")
        seen.add(source.handle)
        sources.append(source)
    daemon = _daemon(_Section(root.get("daemon", dict, {}), where, "daemon"))
    for index, source in enumerate(sources):
        if source.instance and daemon.instances and source.instance not in daemon.instances:
            raise ConfigError(f"instance {source.instance!r} is not in daemon.instances", path=where,
                              key=f"sources[{index}].instance")
    incidents = _incidents(_Section(root.get("incidents", dict, {}), where, "incidents"))
    web = _web(_Section(root.get("web", dict, {}), where, "web"))
    gazetteer = _gazetteer(root, where)
    root.done()
    return Config(where, storage, alerts, bot, telegram, tme, tuple(sources), daemon, incidents, web, gazetteer)


def _incidents(s: _Section) -> IncidentsConfig:
    lookback = s.duration("claim_lookback", IncidentsConfig.claim_lookback) or IncidentsConfig.claim_lookback
    s.done()
    return IncidentsConfig(claim_lookback=lookback)


def _gazetteer(root: _Section, where: str) -> GazetteerConfig:
    """``[[actors]]``, ``[[places]]`` and ``[gazetteer] actors_file/places_file``: the files are
    read relative to the config file and take the built-in format (``[[actor]]``, ``[[place]]``)."""
    s = _Section(root.get("gazetteer", dict, {}), where, "gazetteer")
    files = {name: s.get(name, str, None) for name in ("actors_file", "places_file")}
    s.done()
    actors, places = root.get("actors", list, []), root.get("places", list, [])
    if not (actors or places or any(files.values())):
        return GazetteerConfig()
    base = load_gazetteer()
    try:
        ext = parse_extension(base, actors, places)
    except GazetteerDataError as exc:
        raise ConfigError(exc.message, path=where, key=exc.key) from exc
    for name, table in (("actors_file", "actor"), ("places_file", "place")):
        if files[name] is None:
            continue
        path = Path(where).parent / str(files[name]) if where != "<config>" else Path(str(files[name]))
        data = _data_file(path, s, name)
        unknown = sorted(set(data) - {table, f"{table}s"})
        if unknown:
            raise ConfigError(f'unknown table "{unknown[0]}" (expected [[{table}]])', path=str(path), key=unknown[0])
        key = table if table in data else f"{table}s"
        items = data.get(key, [])
        try:
            more = parse_extension(extend(base, ext), items if table == "actor" else [],
                                   items if table == "place" else [], key, key)
        except GazetteerDataError as exc:
            raise ConfigError(exc.message, path=str(path), key=exc.key) from exc
        ext = ext + more
    return GazetteerConfig(files["actors_file"], files["places_file"], ext)


def _data_file(path: Path, s: _Section, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise s.fail(name, f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 (byte {exc.start})", path=str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"TOML syntax error: {exc}", path=str(path)) from exc


def _daemon(s: _Section) -> DaemonConfig:
    http = s.get("http", str, "")
    if http:
        host, _, port = http.rpartition(":")
        if host.strip("[]") not in ("127.0.0.1", "::1", "localhost") or not port.isdigit():
            raise s.fail("http", f"{http!r} must be 127.0.0.1:PORT (the endpoint listens on loopback only)")
    instances = s.get("instances", list, [])
    if not all(isinstance(i, str) and i for i in instances):
        raise s.fail("instances", "must be a list of instance names")
    instance = s.get("instance", str, "")
    if instances and instance not in instances:
        raise s.fail("instance", f"{instance!r} is not one of daemon.instances")
    config = DaemonConfig(
        http=http,
        drain_timeout=s.duration("drain_timeout", DaemonConfig.drain_timeout) or DaemonConfig.drain_timeout,
        sweep_every=s.duration("sweep_every", DaemonConfig.sweep_every) or DaemonConfig.sweep_every,
        instance=instance,
        instances=tuple(instances),
    )
    s.done()
    return config


def _web(s: _Section) -> WebConfig:
    listen = s.get("listen", str, WebConfig.listen)
    try:
        split_listen(listen)
    except ValueError as exc:
        raise s.fail("listen", str(exc)) from exc
    if "token" in s.data:
        raise s.fail("token", "the token never goes in the file; put it in the environment variable named by token_env")
    public_url = s.get("public_url", str, "")
    if public_url and not public_url.startswith(("http://", "https://")):
        raise s.fail("public_url", f"{public_url!r} is not an http(s) URL")
    config = WebConfig(enabled=s.get("enabled", bool, False), listen=listen,
                       token_env=s.get("token_env", str, WebConfig.token_env), public_url=public_url.rstrip("/"))
    s.done()
    return config


def split_listen(listen: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:8080`` for IPv6) as (host, port)."""
    host, sep, port = listen.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) < 65536:
        raise ValueError(f"{listen!r} is not HOST:PORT (e.g. 127.0.0.1:8080)")
    return host, int(port)


def is_loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url(section: _Section, name: str, default: str) -> str:
    value: str = section.get(name, str, default)
    if not value.startswith(("http://", "https://")):
        raise section.fail(name, f"{value!r} is not an http(s) URL")
    return value.rstrip("/")


def _storage(s: _Section) -> StorageConfig:
    url = s.get("url", str, StorageConfig.url)
    if not url.startswith(("sqlite:///", "postgresql://", "postgres://", "postgresql+")):
        raise s.fail("url", f"{url!r} is not sqlite:///PATH or postgresql://...")
    s.done()
    return StorageConfig(url)


def _alerts(s: _Section) -> AlertsConfig:
    kinds = s.get("kinds", list, list(AlertsConfig.kinds))
    for i, kind in enumerate(kinds):
        if kind in OLD_NAMES:
            kinds[i] = OLD_NAMES[kind].value  # the name older configs used
        elif kind not in ALERT_KINDS:
            raise s.fail("kinds", f"{kind!r} is not an alert kind ({', '.join(ALERT_KINDS)})")
    regions_raw = s.get("uncorroborated_after_by_region", dict, {})
    regions = {}
    for region, value in regions_raw.items():
        try:
            regions[str(region)] = parse_duration(str(value))
        except ValueError as exc:
            raise s.fail(f"uncorroborated_after_by_region.{region}", str(exc)) from exc
    config = AlertsConfig(
        kinds=tuple(kinds),
        uncorroborated_after=s.duration("uncorroborated_after", AlertsConfig.uncorroborated_after)
        or AlertsConfig.uncorroborated_after,
        front_group_dormant_after=s.duration("front_group_dormant_after", AlertsConfig.front_group_dormant_after)
        or AlertsConfig.front_group_dormant_after,
        uncorroborated_after_by_region=regions,
    )
    s.done()
    return config


def _bot(s: _Section) -> BotConfig:
    admins = s.get("admins", list, [])
    if not all(isinstance(a, int) and not isinstance(a, bool) for a in admins):
        raise s.fail("admins", "must be a list of numeric Telegram user ids")
    if "token" in s.data:
        raise s.fail("token", "the token never goes in the file; put it in the environment variable "
                     "named by token_env")
    chat_id = _chat_id(s, "chat_id", None)
    routes = []
    seen: set[int] = {chat_id} if chat_id is not None else set()
    for index, item in enumerate(s.get("routes", list, [])):
        route = _route(_Section(item, s.path, f"{s.prefix}.routes[{index}]"))
        if route.chat_id in seen:
            raise ConfigError(f"chat {route.chat_id} has two routes; give it one with every filter it needs",
                              path=s.path, key=f"{s.prefix}.routes[{index}].chat_id")
        seen.add(route.chat_id)
        routes.append(route)
    config = BotConfig(
        token_env=s.get("token_env", str, BotConfig.token_env),
        chat_id=chat_id,
        api_base=_url(s, "api_base", BotConfig.api_base),
        admins=tuple(admins),
        message_thread_id=s.get("message_thread_id", int, None),
        per_chat_per_minute=s.get("per_chat_per_minute", int, BotConfig.per_chat_per_minute),
        per_second=float(s.get("per_second", (int, float), BotConfig.per_second)),
        commands=s.get("commands", bool, True),
        routes=tuple(routes),
    )
    s.done()
    return config


def _chat_id(s: _Section, name: str, default: int | None) -> int | None:
    chat_id = s.get(name, (int, str), default)
    if isinstance(chat_id, str):
        try:
            chat_id = int(chat_id)
        except ValueError as exc:
            raise s.fail(name, f"{chat_id!r} is not a numeric chat id") from exc
    return None if chat_id is None else int(chat_id)


def _strings(s: _Section, name: str, choices: tuple[str, ...] | None = None) -> tuple[str, ...]:
    values = s.get(name, list, [])
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise s.fail(name, "must be a list of strings")
    for value in values:
        if choices is not None and value not in choices:
            raise s.fail(name, f"{value!r} is not one of {', '.join(choices)}")
    return tuple(v.strip() for v in values)


def _route(s: _Section) -> RouteConfig:
    chat_id = _chat_id(s, "chat_id", None)
    if chat_id is None:
        raise s.fail("chat_id", "every route needs the chat_id it sends to")
    route = RouteConfig(chat_id=chat_id, kinds=_strings(s, "kinds", ALERT_KINDS), actors=_strings(s, "actors"),
                        regions=_strings(s, "regions"), sources=_strings(s, "sources"),
                        message_thread_id=s.get("message_thread_id", int, None))
    s.done()
    return route


def _telegram(s: _Section) -> TelegramConfig:
    if "api_hash" in s.data or "api_id" in s.data:
        raise s.fail("api_hash" if "api_hash" in s.data else "api_id",
                     "secrets never go in the file; name the environment variables with api_id_env/api_hash_env")
    config = TelegramConfig(
        api_id_env=s.get("api_id_env", str, TelegramConfig.api_id_env),
        api_hash_env=s.get("api_hash_env", str, TelegramConfig.api_hash_env),
        session=s.get("session", str, TelegramConfig.session),
        join=s.get("join", bool, False),
        backfill=s.duration("backfill", TelegramConfig.backfill) or TelegramConfig.backfill,
    )
    s.done()
    return config


def _source(s: _Section) -> SourceConfig:
    handle = s.get("handle", str, None)
    if not handle:
        raise s.fail("handle", "every source needs a handle (t.me/NAME, x.com/NAME or a feed URL)")
    watch = s.choice("watch", WATCHES, "none") or "none"
    url = s.get("url", str, "")
    if watch == "rss" and not url.startswith(("http://", "https://")):
        raise s.fail("url", "watch = \"rss\" needs the feed's http(s) URL")
    if watch in ("telegram", "tme") and not handle.startswith("t.me/"):
        raise s.fail("handle", f"watch = {watch!r} needs a handle of the form t.me/NAME")
    config = SourceConfig(
        handle=handle.strip(),
        watch=watch,
        url=url,
        role=s.choice("role", ROLES, None),
        network=s.get("network", str, None),
        poll=s.duration("poll", SourceConfig.poll, minimum=MIN_POLL) or SourceConfig.poll,
        uncorroborated_after=s.duration("uncorroborated_after", None),
        instance=s.get("instance", str, None),
    )
    s.done()
    return config
