"""The built gazetteer and the compiled tables read back from disk: the same gazetteer and tables,
and never a stale or broken file."""

from __future__ import annotations

import io
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.gazetteer_cache import _PatternPickler, cache_dir, cached, source_key
from classifiers.classify import Classifier
from classifiers.gazetteer import Gazetteer
from classifiers.gazetteer_data import build_builtin
from classifiers.tables import Tables, build_tables, tables, use_loader

PACKAGE = Path(__file__).resolve().parent.parent / "classifiers"
SENTENCES = [
    "The Islamic Resistance in Iraq claimed a drone attack on Ain al-Asad air base in Anbar.",
    "Iran denied any role in the attack on the US base in Jordan.",
    "نفت إيران أي دور لها في الهجوم على القاعدة الأمريكية في الأردن",
]


class Counting:
    def __init__(self, value: object = None) -> None:
        self.calls, self.value = 0, value

    def __call__(self) -> object:
        self.calls += 1
        return self.value if self.value is not None else build_builtin()


def _answers(gz: Gazetteer) -> list[dict[str, object]]:
    classifier = Classifier(gz)
    return [classifier.classify(s).contract_dict(str(i)) for i, s in enumerate(SENTENCES)]


def test_a_cached_gazetteer_classifies_as_the_built_one(tmp_path: Path) -> None:
    build = Counting()
    first = cached(build, Gazetteer, tmp_path, key="k")
    again = cached(build, Gazetteer, tmp_path, key="k")
    assert build.calls == 1 and [p.name for p in tmp_path.iterdir()] == ["gazetteer-k.pickle"]
    assert again is not first and again.actors == first.actors and again.places == first.places
    assert _answers(again.view()) == _answers(build_builtin())


@pytest.mark.parametrize("content", [b"", b"\x80\x05garbage", pickle.dumps({"not": "a gazetteer"})])
def test_a_broken_file_is_built_again_and_replaced(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "gazetteer-k.pickle").write_bytes(content)
    small = Gazetteer()
    build = Counting(small)
    assert cached(build, Gazetteer, tmp_path, key="k") is small and build.calls == 1
    assert isinstance(cached(Counting(), Gazetteer, tmp_path, key="k"), Gazetteer)  # rewritten: read back
    assert not list(tmp_path.glob(".gazetteer-*"))  # no temporary file left


def test_any_changed_file_of_the_package_names_another_cache_file(tmp_path: Path) -> None:
    copy = tmp_path / "classifiers"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    key = source_key(copy)
    assert key == source_key(copy) == source_key(PACKAGE)
    (copy / "__pycache__").mkdir(exist_ok=True)
    (copy / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    assert source_key(copy) == key  # compiled files are not what the build reads
    places = copy / "data" / "places.toml"
    places.write_text(places.read_text("utf-8") + "\n# one more line\n", "utf-8")
    changed = source_key(copy)
    assert changed != key
    code = copy / "gazetteer.py"
    code.write_text(code.read_text("utf-8") + "\n", "utf-8")
    assert source_key(copy) not in (key, changed)


def test_the_cache_can_be_off_and_a_read_only_place_only_costs_the_build(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWATCH_CACHE_DIR", "off")
    assert cache_dir() is None
    build = Counting(Gazetteer())
    cached(build, Gazetteer)
    cached(build, Gazetteer)
    assert build.calls == 2
    monkeypatch.setenv("CLAIMWATCH_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("CLAIMWATCH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "claimwatch"
    monkeypatch.delenv("XDG_CACHE_HOME")

    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", homeless)
    assert cache_dir() is None  # a service's user without a home: built every time, never an error
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    small = Gazetteer()
    assert cached(Counting(small), Gazetteer, blocked / "sub", key="k") is small


def test_a_file_others_may_write_is_never_unpickled(tmp_path: Path) -> None:
    # a pickle runs code as whoever loads it: in a directory others can write to, it is built instead
    shared = tmp_path / "shared"
    shared.mkdir()
    planted = Gazetteer()
    (shared / "gazetteer-k.pickle").write_bytes(pickle.dumps(planted))
    shared.chmod(0o777)
    small = Gazetteer()
    build = Counting(small)
    assert cached(build, Gazetteer, shared, key="k") is small and build.calls == 1
    shared.chmod(0o700)
    (shared / "gazetteer-k.pickle").chmod(0o666)
    assert cached(Counting(small), Gazetteer, shared, key="k") is small


def test_the_cli_keeps_the_gazetteer_on_disk_and_the_classifier_alone_writes_nothing(tmp_path: Path) -> None:
    # classifiers/ does no I/O of its own: only the command line (bot/) installs the disk cache
    root = PACKAGE.parent
    line = json.dumps({"id": "a", "text": "The Islamic Resistance in Iraq claimed a drone attack on Ain al-Asad."})
    cli, alone = tmp_path / "cli", tmp_path / "alone"
    env = {**os.environ, "PYTHONPATH": str(root), "CLAIMWATCH_CACHE_DIR": str(cli)}
    done = subprocess.run([sys.executable, "-c", "from bot.cli import main; main(['classify'])"], input=line + "\n",
                          capture_output=True, text=True, env=env)
    assert json.loads(done.stdout)["stances"] == ["claim"]
    assert sorted(p.name.split("-")[0] for p in cli.iterdir()) == ["gazetteer", "tables"]
    env["CLAIMWATCH_CACHE_DIR"] = str(alone)
    script = "from classifiers.classify import Classifier; print(Classifier().classify('x').lang)"
    assert subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env).returncode == 0
    assert not alone.exists()


def _patterns(value: Any) -> Iterator[re.Pattern[str]]:
    """Every compiled pattern held by ``value`` (dataclasses, slots, dicts, sequences), in order."""
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _patterns(item)
    elif hasattr(type(value), "__slots__") and type(value).__module__.startswith("classifiers"):
        for name in type(value).__slots__:
            yield from _patterns(getattr(value, name, None))


def test_cached_tables_hold_the_same_patterns_and_classify_as_the_built_ones(tmp_path: Path) -> None:
    build = Counting(build_tables())
    first = cached(build, Tables, tmp_path, key="k", name="tables")
    again = cached(build, Tables, tmp_path, key="k", name="tables")
    assert build.calls == 1 and [p.name for p in tmp_path.iterdir()] == ["tables-k.pickle"]
    built, read = list(_patterns(first)), list(_patterns(again))
    assert len(read) == len(built) > 400
    # equal patterns: the same source, flags and compiled code
    assert all(a == b and a.groupindex == b.groupindex for a, b in zip(read, built, strict=True))
    expected = _answers(build_builtin())
    use_loader(lambda _build: again)
    try:
        assert tables() is again
        assert _answers(build_builtin()) == expected
    finally:
        use_loader(None)


@pytest.mark.parametrize("pattern", [re.compile(r"(?<!\w)(?P<n>\d+) (?:killed|dead)(?!\w)"),
                                     re.compile(r"(?i)claims? (?:the )?(attack|strike)"),
                                     re.compile(r"(?:«[^»]+»|\w+)+?$", re.M), re.compile(rb"\x00(?P<x>b)")])
def test_a_pattern_is_kept_as_its_compiled_code_and_matches_as_before(pattern: re.Pattern[Any]) -> None:
    buffer = io.BytesIO()
    _PatternPickler(buffer).dump([pattern, pattern])
    assert b"_compiled" in buffer.getvalue()
    back, same = pickle.loads(buffer.getvalue())
    assert back is same and back == pattern and back is not pattern and back.groupindex == pattern.groupindex
    text: Any = b"a\x00b" if isinstance(pattern.pattern, bytes) else "Hamas CLAIMS the attack; 12 killed\n«x»"
    assert [m.span() for m in back.finditer(text)] == [m.span() for m in pattern.finditer(text)]
