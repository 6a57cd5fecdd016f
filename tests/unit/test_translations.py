"""The interface in Norwegian Bokmål is complete: every message of the catalogues is
translated (none fuzzy, none empty), the compiled catalogues say what the sources say,
and no template shows a word that is not marked for translation."""

import ast
import gettext
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "locale" / "nb" / "LC_MESSAGES"
TEMPLATES = ROOT / "templates"


def po_entries(path: Path) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr / msgstr[n], flags."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry, key, flags = {}, None, set()
        for line in block.splitlines():
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[key] += ast.literal_eval(line)
            else:
                key, _, value = line.partition(" ")
                entry[key] = ast.literal_eval(value)
        if entry.get("msgid"):
            entry["flags"] = flags
            entries.append(entry)
    return entries


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_message_is_translated_and_none_is_fuzzy(domain):
    entries = po_entries(CATALOGUES / f"{domain}.po")
    assert len(entries) > (400 if domain == "django" else 5)
    for entry in entries:
        assert "fuzzy" not in entry["flags"], entry["msgid"]
        translations = [value for key, value in entry.items() if key.startswith("msgstr")]
        assert translations, entry["msgid"]
        assert all(translations), entry["msgid"]


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_compiled_catalogue_says_what_the_source_says(domain):
    with (CATALOGUES / f"{domain}.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    for entry in po_entries(CATALOGUES / f"{domain}.po"):
        context, msgid = entry.get("msgctxt"), entry["msgid"]
        if "msgid_plural" in entry:
            for n, form in ((1, "msgstr[0]"), (2, "msgstr[1]")):
                found = (
                    catalogue.npgettext(context, msgid, entry["msgid_plural"], n)
                    if context
                    else catalogue.ngettext(msgid, entry["msgid_plural"], n)
                )
                assert found == entry[form], msgid
        else:
            found = catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)
            assert found == entry["msgstr"], msgid


# What a template shows once its translated parts, markup and variables are gone.
_TRANSLATED = re.compile(
    r"\{% blocktranslate.*?\{% endblocktranslate %\}|\{% translate .*?%\}|\{#.*?#\}"
    r"|\{% comment %\}.*?\{% endcomment %\}"
    r"|<(script|style|code|kbd|pre)\b.*?</\1>|<!--.*?-->",
    re.S,
)
_MARKUP = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|<[^>]*>", re.S)
# Names, not words to translate.
_NOT_WORDS = {"newsannot"}


@pytest.mark.parametrize(
    "template",
    sorted(
        p
        for p in TEMPLATES.rglob("*.*")
        if "admin" not in p.parts and p.suffix in (".html", ".txt")
    ),
    ids=lambda p: str(p.relative_to(TEMPLATES)),
)
def test_no_template_shows_an_untranslated_word(template):
    source = template.read_text(encoding="utf-8")
    shown = _MARKUP.sub(" ", _TRANSLATED.sub(" ", source))
    words = {w for w in re.findall(r"[A-Za-zÀ-ÿ]{2,}", shown) if w not in _NOT_WORDS}
    assert not words, f"untranslated: {sorted(words)}"
    if _MARKUP.search(source) and "translate" in source:
        assert "{% load i18n" in source
