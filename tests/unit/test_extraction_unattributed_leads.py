"""Quotations with no cue of their own: a long run-on before a closing attribution, and a
colon after a clause whose subject speaks."""

from articles.extraction import Scope, extract_quotes


def _speakers(text: str, scope: Scope = Scope.CLAUSES) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text, scope=scope)]


def test_a_long_run_on_after_an_opening_quotation_keeps_the_closing_attribution():
    text = (
        "Ingrid Solberg, the harbour chief, wants the new quay built by spring.\n\n"
        "“Nobody expected the vote to be so close,” given that the fishing families "
        "had campaigned against the levy in every village along the fjord for two "
        "years, said Eirik Nygaard, a historian at the university.\n"
    )
    for scope in Scope:
        quotes = _speakers(text, scope)
        assert ("Nobody expected the vote to be so close", "Eirik Nygaard") in quotes, scope


def test_a_quotation_after_a_colon_is_the_subjects_not_the_objects():
    text = (
        "Ferry operators have complained for months.\n\n"
        "Harbour chief Ingrid Solberg had a blunt message for Eirik Nygaard: “Stop "
        "blaming the weather and fix the schedule.”\n"
    )
    for scope in Scope:
        quotes = _speakers(text, scope)
        assert ("Stop blaming the weather and fix the schedule.", "Ingrid Solberg") in quotes, scope


def test_a_heading_in_capitals_before_a_colon_is_no_speaker():
    text = (
        "Eirik Nygaard counted the ballots.\n\n"
        "FERRY VOTE TOO CLOSE TO CALL - From Nygaard’s count: “Every village split "
        "almost evenly on the levy.”\n"
    )
    speakers = {speaker for _, speaker in _speakers(text)}
    assert "FERRY VOTE TOO CLOSE TO CALL" not in speakers


def test_a_signature_on_the_line_below_names_the_quotations_speaker():
    text = (
        "Ingrid Solberg and Eirik Nygaard debated the ferry levy on Tuesday.\n\n"
        "“The levy will cost every family on the islands a week’s wages.”\n\n"
        "- Nygaard.\n\n"
        "That figure is too high by half.\n\n"
        "“We cut the fares twice in the last two years.”\n\n"
        "-Mayor Ingrid Solberg, in a post after the debate.\n"
    )
    speakers = {q.text: q.speaker for q in extract_quotes(text)}
    assert speakers["The levy will cost every family on the islands a week’s wages."] == (
        "Eirik Nygaard"
    )
    assert speakers["We cut the fares twice in the last two years."] == "Ingrid Solberg"


def test_a_dashed_list_item_below_a_quotation_signs_nothing():
    text = (
        "Eirik Nygaard spoke first.\n\n"
        "“The levy will cost every family a week’s wages.”\n\n"
        "-Ingrid Solberg won most votes in the harbour towns.\n"
    )
    speakers = {q.text: q.speaker for q in extract_quotes(text)}
    assert speakers["The levy will cost every family a week’s wages."] == "Eirik Nygaard"


def test_went_on_after_a_quotation_attributes_it():
    text = (
        "Eirik Nygaard praised the harbour plan on Monday, and Ingrid Solberg did not.\n\n"
        "“We have waited twenty years for a quay that can take the big ferries,” "
        "Nygaard went on.\n"
    )
    (quote,) = extract_quotes(text)
    assert (quote.speaker, text[quote.cue_start : quote.cue_end]) == ("Eirik Nygaard", "went on")


def test_an_opening_quotation_takes_a_closing_subject_of_lower_case_words():
    text = (
        "Eirik Nygaard had argued for the levy all winter.\n\n"
        "“A levy this size would be fair” to the islands and the towns alike, harbour "
        "board chair Ingrid Solberg said after the vote.\n"
    )
    speakers = {q.text: q.speaker for q in extract_quotes(text)}
    assert speakers["A levy this size would be fair"] == "Ingrid Solberg"


def test_a_quotation_that_is_its_sentences_subject_takes_no_far_attribution():
    text = (
        "“Fair fares for all” is a motto the harbour chief Ingrid Solberg has printed on "
        "every ticket since her first term began in the autumn, said Eirik Nygaard.\n"
    )
    for scope in Scope:
        speakers = dict(_speakers(text, scope))
        assert speakers.get("Fair fares for all") != "Eirik Nygaard", scope


def test_a_weekday_below_a_quotation_signs_nothing():
    text = "Nygaard's campaign closed with a rally.\n\n“We will carry the valley.”\n- Tuesday.\n"
    for scope in Scope:
        speakers = dict(_speakers(text, scope))
        assert speakers["We will carry the valley."] is None, scope
