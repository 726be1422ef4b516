"""The built-in gazetteer kept on disk between processes: building it from the data files costs
about 0.6 s of CPU at every start (``claimwatch classify``, each CLI command, the daemon), reading
it back from a pickle about 0.15 s.

The file's name is a hash of everything the build reads or runs: every file of the
``classifiers`` package (its code and ``data/``) and the Python version. A changed data file or
changed code names another file, so a stale one is never read. A file that cannot be read back
as a gazetteer (truncated, corrupt, from another build) is ignored and the gazetteer built; a
write goes to a temporary file renamed into place, so a reader never sees half of one.

Where: ``$CLAIMWATCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimwatch``, else ``~/.cache/claimwatch``;
``CLAIMWATCH_CACHE_DIR=off`` turns the cache off. A directory that cannot be written only costs
the build. The pickle is code run as the user who reads it: a file is read only when it and its
directory are the user's own and no one else may write to them. The CLI (``bot.cli.main``) installs
it; a process that only imports ``classifiers`` builds the gazetteer (``classifiers/`` does no I/O).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from classifiers.gazetteer import Gazetteer, use_builder

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


def source_key(root: Any = None) -> str:
    """A hash of every file under ``root`` (the ``classifiers`` package by default), each named by
    its path in the package, and of the Python version."""
    top = root if root is not None else resources.files("classifiers")
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


def cached(build: Callable[[], Any], kind: type, directory: Path | None = None, key: str | None = None) -> Any:
    """What ``build()`` returns, read from the cache when a file of this build is there and holds
    a ``kind``; built (and written for the next process) otherwise."""
    directory = directory if directory is not None else cache_dir()
    if directory is None:
        return build()
    path = directory / f"gazetteer-{key or source_key()}.pickle"
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
    _write(path, value)
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


def _write(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        others = sorted(path.parent.glob("gazetteer-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[_KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, RecursionError):
        pass  # a read-only or full disk: the next process builds it again


def install() -> None:
    """Have this process read the built-in gazetteer back from disk (built and written when
    absent): the classifier itself only builds it (classifiers/ does no I/O of its own)."""
    from classifiers.gazetteer_data import build_builtin

    use_builder(lambda: cached(build_builtin, Gazetteer))
