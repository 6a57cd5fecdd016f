"""A name after 'of/for the <qualifiers>' is governed by the preposition (an employer,
a client) unless the last qualifier is a body's noun: nobody is a party or an office,
so a person's name there stands beside the whole phrase and is its holder."""

import pytest

from articles.extraction import Scope, extract_quotes


def _speaker(text, scope="clauses"):
    (quote,) = extract_quotes(text, scope=Scope(scope))
    return quote.speaker


@pytest.mark.parametrize("scope", ["clauses", "wide"])
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The leader of the opposition party Kari Holt said the ferry was late.", "Kari Holt"),
        ("The head of the regional office Ivar Lund said the ferry was late.", "Ivar Lund"),
        (
            "The head of the regional health authority Kari Holt said the ferry was late.",
            "Kari Holt",
        ),
    ],
)
def test_a_name_beside_a_body_holds_the_role(text, speaker, scope):
    assert _speaker(text, scope) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The lawyer for the jailed skipper Ivar Lund said the ferry was late.",
        "A spokesman for the county governor Kari Holt said the ferry was late.",
        "A spokeswoman for the private Nordvik Ferry Company said the ferry was late.",
    ],
)
def test_a_name_after_a_person_noun_stays_governed(text):
    assert _speaker(text) is None
