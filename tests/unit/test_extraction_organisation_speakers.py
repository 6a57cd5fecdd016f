"""Speakers named after their organisation and role, or before the place they work: the
person is the speaker, the organisation and the role their description."""

from articles.extraction import extract


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
