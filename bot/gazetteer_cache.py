"""The built-in gazetteer and the compiled tables kept on disk between processes: building the
gazetteer from the data files costs about 0.6 s of CPU at every start (``claimwatch classify``,
each CLI command, the daemon), reading it back from a pickle about 0.15 s; compiling the tables
(the stance rules, the frames', denials' and figures' patterns: ``classifiers.tables``) about
2.5 s, reading them back (``tables-KEY.pickle``) about 0.04 s. ``re`` pickles a compiled pattern
as its source, compiled again when it is loaded (the very cost to spare): the tables' patterns
are kept as their compiled code instead, checked equal to the pattern ``re`` compiled when written
(``_PatternPickler``).

A file's name is a hash of everything the build reads or runs: every file of the
``classifiers`` package (its code and ``data/``) and the Python version. A changed data file or
changed code names another file, so a stale one is never read. A file that cannot be read back
as a gazetteer (truncated, corrupt, from another build) is ignored and the gazetteer built; a
write goes to a temporary file renamed into place, so a reader never sees half of one.

Where: ``$CLAIMWATCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimwatch``, else ``~/.cache/claimwatch``;
``CLAIMWATCH_CACHE_DIR=off`` turns the cache off. A directory that cannot be written only costs
the build. The pickle is code run as the user who reads it: a file is read only when it and its
directory are the user's own and no one else may write to them. The CLI (``bot.cli.main``) installs
it; a process that only imports ``classifiers`` builds them (``classifiers/`` does no I/O).
"""

from __future__ import annotations

import _sre
import dataclasses
import gc
import hashlib
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from re import _compiler as _re_compiler  # type: ignore[attr-defined]
from re import _parser as _re_parser  # type: ignore[attr-defined]
from typing import Any

from classifiers.gazetteer import Gazetteer, use_builder
from classifiers.tables import Tables, use_loader

ENV = "CLAIMWATCH_CACHE_DIR"
_KEEP = 8  # files of other builds kept (other checkouts, other versions); older ones are removed


def cache_dir() -> Path | None:
    """The cache directory, or None when the cache is off."""
    own = os.environ.get(ENV)
    if own is not None:
        return None if own.strip().lower() in ("", "off", "0", "no") else Path(own)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):
            return None  # no home directory (a service's dynamic user): no cache
    return Path(base) / "claimwatch"


@lru_cache(maxsize=1)
def _package_key() -> str:
    return source_key(resources.files("classifiers"))


def source_key(root: Any = None) -> str:
    """A hash of every file under ``root`` (the ``classifiers`` package by default), each named by
    its path in the package, and of the Python version."""
    if root is None:
        return _package_key()
    top = root
    digest = hashlib.sha256(sys.version.encode())
    stack = [("", top)]
    files: list[tuple[str, Any]] = []
    while stack:
        prefix, node = stack.pop()
        for child in node.iterdir():
            name = f"{prefix}/{child.name}"
            if child.is_dir():
                if child.name != "__pycache__":
                    stack.append((name, child))
            elif not child.name.endswith((".pyc", ".pyo")):
                files.append((name, child))
    for name, child in sorted(files, key=lambda f: f[0]):
        data = child.read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:32]


def cached(build: Callable[[], Any], kind: type, directory: Path | None = None, key: str | None = None,
           name: str = "gazetteer") -> Any:
    """What ``build()`` returns, read from the cache (file ``name-KEY.pickle``) when a file of
    this build is there and holds a ``kind``; built (and written for the next process) otherwise."""
    directory = directory if directory is not None else cache_dir()
    if directory is None:
        return build()
    path = directory / f"{name}-{key or source_key()}.pickle"
    try:
        if not _trusted(path):
            raise PermissionError(path)  # another user's file (a shared directory): never unpickled
        with path.open("rb") as f:
            data = f.read()
        # some 150,000 objects: the cyclic collector would walk them over and over as they come in
        enabled = gc.isenabled()
        gc.disable()
        try:
            value = pickle.loads(data)
        finally:
            if enabled:
                gc.enable()
        if isinstance(value, kind):
            return value
    except Exception:  # a missing, truncated or corrupt file: built instead
        pass
    value = build()
    _write(path, value, name)
    return value


def _trusted(path: Path) -> bool:
    """Whether a cache file may be unpickled: it and its directory belong to this user and no one
    else may write to them (a pickle runs code as whoever loads it)."""
    if not hasattr(os, "getuid"):
        return True
    uid = os.getuid()
    for p in (path, path.parent):
        st = p.stat()
        if st.st_uid != uid or st.st_mode & 0o022:
            return False
    return True


def _write(path: Path, value: Any, name: str = "gazetteer") -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                _PatternPickler(f, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        others = sorted(path.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[_KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, RecursionError):
        pass  # a read-only or full disk (or a pattern not kept as code): the next process builds it again


class _PatternPickler(pickle.Pickler):
    """Pickles a compiled pattern as its compiled code (``_compiled``), not as its source; and a
    dataclass with slots as a call of its class (``_arguments``)."""

    def reducer_override(self, obj: Any) -> Any:
        kind: type = type(obj)
        if kind is re.Pattern:
            return _compiled, _code_of(obj)
        names = _arguments(kind)
        if names is not None:
            return kind, tuple(getattr(obj, name) for name in names)
        return NotImplemented


@cache
def _arguments(kind: type) -> tuple[str, ...] | None:
    """The fields a dataclass with slots is built back from by calling its class, or None. Such a
    class pickles its fields as a list, set back one by one by a function of ``dataclasses`` that
    lists the fields again for every object: most of the time reading the gazetteer back took
    (some 45,000 aliases, buckets and places). Not for a class whose ``__init__`` does more than
    set its fields (``__post_init__``) or leaves one out."""
    params = vars(kind).get("__dataclass_params__")  # (a class made by @dataclass itself, not a subclass)
    if params is None or not params.init or "__slots__" not in vars(kind) or hasattr(kind, "__post_init__"):
        return None
    fields = dataclasses.fields(kind)
    return None if any(not f.init for f in fields) else tuple(f.name for f in fields)


def _code_of(pattern: re.Pattern[Any]) -> tuple[Any, ...]:
    """What ``re`` hands its C engine for ``pattern`` (as ``re._compiler.compile`` does), checked:
    the engine's pattern from it must equal ``pattern`` (same source, flags and code)."""
    parsed = _re_parser.parse(pattern.pattern, pattern.flags)
    state = parsed.state
    indexgroup: list[str | None] = [None] * state.groups
    for group, index in state.groupdict.items():
        indexgroup[index] = group
    code = [int(op) for op in _re_compiler._code(parsed, pattern.flags)]  # (opcodes are an int subclass)
    parts = (pattern.pattern, pattern.flags | state.flags, code,
             state.groups - 1, dict(state.groupdict), tuple(indexgroup))
    if _compiled(*parts) != pattern:
        raise pickle.PicklingError(f"pattern not kept as its code: {pattern.pattern[:60]!r}")
    return parts


def _compiled(source: Any, flags: int, code: list[int], groups: int, groupindex: dict[str, int],
              indexgroup: tuple[str | None, ...]) -> re.Pattern[Any]:
    """A compiled pattern from its code (the regex engine checks the code itself)."""
    pattern: re.Pattern[Any] = _sre.compile(source, flags, code, groups, groupindex, indexgroup)
    return pattern


def install() -> None:
    """Have this process read the built-in gazetteer and the compiled tables back from disk (built
    and written when absent): the classifier itself only builds them (classifiers/ does no I/O of
    its own)."""
    from classifiers.gazetteer_data import build_builtin

    use_builder(lambda: cached(build_builtin, Gazetteer))
    use_loader(lambda build: cached(build, Tables, name="tables"))
