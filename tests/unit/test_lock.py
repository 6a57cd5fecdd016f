"""The lock files against pyproject.toml: what `make install` and the Dockerfile install is
the tree pyproject.toml pins. Offline; `make check-lock` also resolves again from PyPI."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# name==version, then the environment marker or the line's continuation.
LOCKED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;]+)$")


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(*extras):
    """The direct pins of the dependencies and of `extras`, following an extra that names
    another of this project's extras (``newsannot[prod]``)."""
    found, todo, seen = {}, [None, *extras], set()
    while todo:
        extra = todo.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for requirement in (
            PROJECT["dependencies"] if extra is None else PROJECT["optional-dependencies"][extra]
        ):
            own = re.fullmatch(rf"{PROJECT['name']}\[([^\]]+)\]", requirement)
            if own:
                todo.extend(name.strip() for name in own.group(1).split(","))
                continue
            match = PIN.match(requirement)
            assert match, f"{requirement!r} is not pinned exactly (name==version)"
            found[canonical(match.group(1))] = match.group(2)
    return found


def locked(filename):
    text = (ROOT / filename).read_text(encoding="utf-8")
    return {canonical(name): version for name, version in LOCKED.findall(text)}


LOCKS = {"requirements.lock": ("prod",), "requirements-dev.lock": ("dev",)}


@pytest.mark.parametrize(("filename", "extras"), LOCKS.items())
def test_every_direct_pin_is_in_the_lock_at_its_version(filename, extras):
    wanted = pins(*extras)
    assert len(wanted) > 10  # the pattern found the pins
    lock = locked(filename)
    assert {name: lock.get(name) for name in wanted} == wanted, f"run make lock ({filename})"


def test_the_runtime_lock_holds_the_production_extras_and_not_the_tools():
    lock = locked("requirements.lock")
    assert {"gunicorn", "redis", "psycopg", "psycopg-binary"} <= lock.keys()
    assert not {"pytest", "playwright", "ruff", "uv"} & lock.keys()


def test_the_development_lock_has_the_runtime_tree_at_the_same_versions():
    # The tests run on exactly what the Docker image installs.
    runtime, development = locked("requirements.lock"), locked("requirements-dev.lock")
    assert {name: development.get(name) for name in runtime} == runtime


@pytest.mark.parametrize("filename", LOCKS)
def test_every_locked_package_carries_its_hashes(filename):
    entries = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / filename).read_text(encoding="utf-8"))
    entries = [entry for entry in entries if LOCKED.match(entry)]
    assert len(entries) == len(locked(filename))
    assert [entry.split()[0] for entry in entries if "--hash=sha256:" not in entry] == []
