"""Template partials work on Django 5.2 and 6 alike: built into Django 6, builtins from
django-template-partials on 5.2 (newsannot/settings.py). A template that loads them
itself fails on Django 6, where the "partials" library is not installed."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOADS_PARTIALS = re.compile(r"{%\s*load\s[^%]*\bpartials\b[^%]*%}")


def test_no_template_loads_the_partials_library():
    templates = [
        path
        for folder in ("templates", "accounts", "articles", "newsannot")
        for path in (ROOT / folder).rglob("*.html")
    ]
    assert templates
    loading = [
        str(path.relative_to(ROOT))
        for path in templates
        if LOADS_PARTIALS.search(path.read_text(encoding="utf-8"))
    ]
    assert loading == []


def test_the_check_finds_a_load_of_partials():
    assert LOADS_PARTIALS.search("{% load partials %}")
    assert LOADS_PARTIALS.search("{% load static partials %}")
    assert not LOADS_PARTIALS.search("{% load static %}{% partialdef rows %}")
