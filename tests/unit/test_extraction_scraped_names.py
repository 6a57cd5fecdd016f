"""Names in scraped pages, where a clock's 'AM' or 'PM' runs into the name after it when
the page's markup is stripped ('10:35 PMHalvorsen says'): the name is the word after it."""

import pytest

from articles.extraction import Scope, extract_quotes


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Updated 4:05 PMHalvorsen said the ferry would run again.", "Halvorsen"),
        ("Updated 11:50AMGreta Halvorsen said the ferry would run again.", "Greta Halvorsen"),
    ],
)
def test_a_clock_glued_to_a_name_is_no_part_of_it(scope, text, speaker):
    quotes = extract_quotes(text, scope=scope)
    assert [(q.text, q.speaker) for q in quotes] == [("the ferry would run again", speaker)]
    assert text[quotes[0].speaker_start : quotes[0].speaker_end] == speaker


def test_a_name_that_opens_with_capitals_keeps_them():
    # Only a clock's letters after a digit, or after a digit and a space, are cut:
    # 'PMVista' after a comma is a name, though a capital follows its 'PM'.
    text = "Updated on Monday, PMVista said the ferry would run again."
    assert [q.speaker for q in extract_quotes(text)] == ["PMVista"]
