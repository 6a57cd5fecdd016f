"""Shapes issue 14 lists as misread: a first name that is also a modal verb after an
inverted cue."""

from articles.extraction import extract_quotes


def test_a_first_name_that_is_a_modal_after_the_cue_names_the_speaker():
    text = "The ferry to Brindle Isle runs twice a day, said Will Danvers, the harbour master."
    (quote,) = extract_quotes(text)
    assert quote.text == "The ferry to Brindle Isle runs twice a day"
    assert quote.speaker == "Will Danvers"


def test_a_modal_first_name_after_a_relative_aside_names_the_speaker():
    text = "Tolls on the old bridge will stay, said Can Oduya, who chairs the board."
    (quote,) = extract_quotes(text)
    assert quote.text == "Tolls on the old bridge will stay"
    assert quote.speaker == "Can Oduya"

