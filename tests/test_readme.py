"""The README's commands are the program's: each shell block's claimwatch command parses with the
real command line, the read-only ones run as written after what `make demo` does, and every flag of
the commands table exists. README and CLI cannot drift apart."""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
from pathlib import Path

import pytest

from bot.cli import _parser, main

from .helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# the commands that read and change nothing outside the working directory: run them
RUNNABLE = {"incidents", "groups", "messages", "check", "db", "classify"}
# what else a block may show; `make` targets are checked against the Makefile
OTHER_TOOLS = {"cp", "export", "install", "python3", "systemctl", "make", "docker", "."}


def _blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def _commands() -> list[list[str]]:
    found: list[list[str]] = []
    for block in _blocks():
        for line in block.splitlines():
            for part in line.split("&&"):
                words = shlex.split(part, comments=True)
                if words:
                    found.append(words)
    return found


def _claimwatch(words: list[str]) -> list[str] | None:
    if words[0].endswith("/claimwatch") or words[0] == "claimwatch":
        return words[1:]
    return None


def test_every_block_command_is_one_the_reader_can_run() -> None:
    commands = _commands()
    assert len([c for c in commands if _claimwatch(c) is not None]) >= 8
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), flags=re.M))
    for words in commands:
        if words[0] == "claimwatch":
            pytest.fail(f"README runs bare 'claimwatch' (not on PATH after make demo): {' '.join(words)}")
        argv = _claimwatch(words)
        if argv is not None:
            assert words[0] in (".venv/bin/claimwatch", "/opt/claimwatch/.venv/bin/claimwatch"), words
            try:
                _parser().parse_args(argv)
            except SystemExit:
                pytest.fail(f"README command does not parse: {' '.join(words)}")
        elif words[0] == "make":
            assert set(words[1:]) <= targets, words
        elif words[0].endswith("/pip"):
            assert words[1] == "install", words
        elif words[0] in (".venv/bin/python", "python3") and words[1] != "-m":
            # a script of the repository, or the scorer of the labelled set beside it (../shared)
            script = words[1]
            assert script.startswith("../shared/") or (ROOT / script).is_file(), words
        else:
            assert words[0] in OTHER_TOOLS, f"README shows a tool this test does not know: {' '.join(words)}"


def test_read_only_commands_run_as_written_after_make_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # make demo: its own claimwatch line, run from a copy of the repository's examples
    recipe = re.search(r"^demo:.*?\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), flags=re.M)
    assert recipe
    demo = next(shlex.split(line) for line in recipe.group(1).splitlines() if "claimwatch" in line)
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copy(ROOT / "config.example.toml", tmp_path / "config.example.toml")
    monkeypatch.chdir(tmp_path)
    assert run_cli(capsys, *demo[1:]).code == 0
    ran = 0
    for words in _commands():
        argv = _claimwatch(words)
        if words[0] == "cp" and words[1] == "config.example.toml":
            shutil.copy(words[1], words[2])
        elif words[0] == "export":
            name, _, value = words[1].partition("=")
            monkeypatch.setenv(name, value)
        elif argv and argv[0] in RUNNABLE and not any(a.startswith("/etc/") for a in argv):
            r = run_cli(capsys, *argv)
            assert r.code == 0, f"{' '.join(words)}: exit {r.code}: {r.err}"
            assert r.out.strip(), f"{' '.join(words)} printed nothing"
            ran += 1
    assert ran >= 6


def _command(words: list[str]) -> tuple[str, set[str]]:
    """Follow ``words`` down the subcommands; the command reached and every option it takes."""
    parser, name = _parser(), "claimwatch"
    options = {o for a in parser._actions for o in a.option_strings}
    for word in words:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction) and word in a.choices]
        if not subs:
            break
        parser, name = subs[0].choices[word], f"{name} {word}"
        options |= {o for a in parser._actions for o in a.option_strings}
    return name, options


def test_commands_table_names_only_real_commands_and_flags() -> None:
    rows = re.findall(r"^\| `claimwatch ([^`]+)` \|", README, flags=re.M)
    assert len(rows) >= 10
    for row in rows:
        name, options = _command(row.split())
        assert name != "claimwatch", f"README names a command the CLI does not have: claimwatch {row}"
        flags = set(re.findall(r"--[a-z-]+", row))
        assert flags <= options, f"claimwatch {row}: {sorted(flags - options)} not options of {name}"


def test_version_as_the_readme_says(capsys: pytest.CaptureFixture[str]) -> None:
    assert "`claimwatch --version`" in README
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("claimwatch ")
