"""Shapes issue 14 lists as misread: a first name that is also a modal verb after an
inverted cue, and a description that opens the sentence before the name it describes."""

from articles.extraction import extract_quotes, extract_speakers


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


def test_a_description_before_the_name_is_the_speakers_description():
    text = "A ferry operator, Greta Holmvik, said the crossing was closed all week."
    (entry,) = extract_speakers(text)
    assert entry.name == "Greta Holmvik"
    assert entry.description == "ferry operator"


def test_an_opening_time_before_the_name_is_no_description():
    text = "The next morning, Greta Holmvik said the crossing was closed all week."
    (entry,) = extract_speakers(text)
    assert entry.description == ""


def test_a_share_written_as_a_hyphenated_number_is_no_name():
    text = (
        "A harbour poll came out on Monday. Thirty-six percent said the ferry toll was "
        "unfair to the islands."
    )
    (quote,) = extract_quotes(text)
    assert quote.speaker is None
    assert quote.speaker_description == "Thirty-six percent"


def test_back_opening_a_time_phrase_is_no_speaker():
    text = (
        "Critics have pointed to the praise. Back in 2001, Mr. Holt praised Mr. Berg, "
        "telling the Courier: “I wish I could sail like that.”"
    )
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Holt"
