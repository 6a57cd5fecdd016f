"""Speakers named after their organisation and role, or before the place they work or
the state they are from: the person is the speaker, the rest their description."""

from articles.extraction import extract
from articles.extraction.names import names_found


def test_a_name_after_an_organisation_holding_for_and_a_role_is_the_speaker():
    text = (
        "Wages in the harbour towns stalled again this winter.\n\n"
        "“Nobody can live on this,” Fair Pay for Fishers organizing director Sigrun "
        "Aasheim said."
    )
    quotes, speakers = extract(text)
    [quote] = quotes
    assert quote.speaker == "Sigrun Aasheim"
    assert text[quote.speaker_start : quote.speaker_end] == "Sigrun Aasheim"
    [speaker] = speakers
    assert speaker.description == "Fair Pay for Fishers organizing director"


def test_the_workplace_after_of_and_lower_case_words_is_not_the_speaker():
    text = (
        "The ferry subsidy ends in May.\n\n"
        "“The islands will empty,” said Torbjorn Vik of the independent Fjordheim "
        "Policy Review.\n\n"
        "“Fares will double,” said Hedda Lie of regional consulting firm Nordkapp."
    )
    quotes, _ = extract(text)
    assert [quote.speaker for quote in quotes] == ["Torbjorn Vik", "Hedda Lie"]


def test_a_surname_that_is_also_a_first_name_stays_after_the_middle_initial():
    found = names_found("Council Speaker Erik T. Magnus of Vestland")
    assert [(f.name, f.titles) for f in found] == [("Erik T. Magnus", "Council Speaker")]
