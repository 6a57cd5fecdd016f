"""Speakers the text describes without naming: a relative clause after the description,
and a description with its cue set off inside the quoted sentence. The speaker span
points at the description, not at a name or a relative nearby."""

import pytest

from articles.extraction import extract_quotes


def _quote(text, content):
    return next(q for q in extract_quotes(text) if content in q.text)


def _mention(text, content):
    quote = _quote(text, content)
    assert quote.speaker_start is not None
    return text[quote.speaker_start : quote.speaker_end]


@pytest.mark.parametrize(
    ("text", "content", "described"),
    [
        (
            "The ferry plan was approved. Several of the local board members who had "
            "backed Ina Berg or Tom Holt said they would now support the plan.",
            "they would now support the plan",
            "Several of the local board members",
        ),
        (
            "The ferry plan was approved. But local groups that have endorsed Holt say "
            "they believe the levy is too high.",
            "the levy is too high",
            "local groups",
        ),
        (
            "The toll rose in May. The farmers who met Holt said the levy is too high.",
            "the levy is too high",
            "The farmers",
        ),
    ],
)
def test_described_people_before_a_relative_clause_speak(text, content, described):
    quote = _quote(text, content)
    assert quote.speaker is None
    assert _mention(text, content) == described


# A verb that takes a quotation ('called the plan “…”') is read from its sentence's
# characters, not from a pattern: the name in the relative clause there is its object too.
@pytest.mark.parametrize(
    "text",
    [
        "The ferry board met. Residents who met Ivar Lund called the plan “too costly,” "
        "saying the ferry was late.",
        "The ferry board met. Residents who met Ivar Lund called the plan “too costly.”",
    ],
)
def test_described_people_before_a_relative_clause_call_a_quotation(text):
    quote = _quote(text, "too costly")
    assert quote.speaker is None
    assert _mention(text, "too costly") == "Residents"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # The relative is the object ('that Holt said'), or the name is a clause's own
        # subject after a comma or a conjunction: the name speaks.
        ("It was the levy that Holt said would pass next year.", "would pass", "Holt"),
        (
            "The board chose a man who sided with Holt, who believes the levy is too high.",
            "the levy is too high",
            "Holt",
        ),
        (
            "The board met. There is chatter that may fade now that Holt has said the "
            "levy will pass.",
            "the levy will pass",
            "Holt",
        ),
        (
            "The board met. Those who backed Berg were calm when Holt said the levy will pass.",
            "the levy will pass",
            "Holt",
        ),
    ],
)
def test_a_name_that_is_its_own_clauses_subject_still_speaks(text, content, speaker):
    assert _quote(text, content).speaker == speaker


def test_relative_after_a_description_points_at_the_description():
    text = "The plan echoed some local farmers who have argued that the levy is too high."
    quote = _quote(text, "the levy is too high")
    assert quote.speaker is None
    assert quote.speaker_description == "some local farmers"
    # The mention runs from the description through the relative that stands for it.
    assert _mention(text, "the levy is too high") == "some local farmers who"


@pytest.mark.parametrize(
    ("text", "content", "described"),
    [
        ("The levy, a senior aide said, “is going to pass.”", "is going to pass", "a senior aide"),
        (
            "Marrow, a top aide said, “is very confident in the plan.”",
            "is very confident",
            "a top aide",
        ),
        (
            "These and other rulings, the lawyers said, “all point one way.”",
            "all point one way",
            "the lawyers",
        ),
    ],
)
def test_a_description_and_its_cue_inside_the_quoted_sentence_speak(text, content, described):
    quote = _quote(text, content)
    assert quote.speaker is None
    assert _mention(text, content) == described


@pytest.mark.parametrize(
    "text",
    [
        # An apposition closed by its comma describes the name before it.
        "Tom Holt, the mayor, said, “It will pass.”",
        # An opening phrase before the comma: the attribution may be the quotation's
        # before it, whose own cue names the speaker.
        "Berg spoke first. Tom Holt said, “It will pass.” At the same time, the person "
        "added, “you saw the votes.”",
    ],
)
def test_an_apposition_or_an_opening_phrase_keeps_the_name(text):
    assert _quote(text, "It will pass").speaker == "Tom Holt"


@pytest.mark.parametrize(
    ("text", "content", "described"),
    [
        (
            "Ivar Lund won the vote. The crews began a strike that ferry managers said "
            'could "hurt the summer timetable" badly.',
            "hurt the summer timetable",
            "ferry managers",
        ),
        (
            'Kari Holt spoke. Ivar Lund runs what former tenants have called a "fraud from '
            'the start".',
            "fraud from the start",
            "former tenants",
        ),
        (
            'Marta Solheim kept a private ledger, which a county audit said was "plainly '
            'reckless" but lawful.',
            "plainly reckless",
            "a county audit",
        ),
        (
            'The mayor, Kari Holt, went through, as one Vestby banker put it, a "quiet '
            'rebirth" that Lund arranged.',
            "quiet rebirth",
            "one Vestby banker",
        ),
        (
            '"We will win," Holt said. That is why critics say she meant to "tear down" '
            "the old pier.",
            "tear down",
            "critics",
        ),
        # A word in '-ing' that modifies the next is a description's, not a verb's.
        (
            "Kari Holt spoke. She backed a levy that housing officials said would "
            '"pay for the new quay".',
            "pay for the new quay",
            "housing officials",
        ),
    ],
)
def test_a_description_between_an_opener_and_the_cue_speaks(text, content, described):
    # Not the noun the relative stands for, nor the last name before it.
    assert _mention(text, content) == described


# The relative clause ends in an object pronoun, which no cue takes for its subject; the
# cue rules pass the phrase over (it names no one) and it had been kept as 'have
# endorsed him', the relative clause itself.
@pytest.mark.parametrize(
    ("text", "content", "described"),
    [
        (
            "Ivar Lund spoke on Monday. But progressive groups that have endorsed him say "
            "they believe the levy is too high.",
            "the levy is too high",
            "progressive groups",
        ),
        (
            "Kari Holt spoke on Monday. Several ferry unions that backed her say they "
            "expect the toll to fall.",
            "expect the toll to fall",
            "Several ferry unions",
        ),
    ],
)
def test_described_people_before_a_relative_clause_ending_in_a_pronoun_speak(
    text, content, described
):
    quote = _quote(text, content)
    assert quote.speaker is None
    assert _mention(text, content) == described


# A 'who' clause that closes before the name: the name is the subject of its own verb
# ('say Ivar Lund called'), not the relative clause's object; and a 'who' in an earlier
# sentence says nothing about this one's name.
@pytest.mark.parametrize(
    "text",
    [
        "Those who know the harbour well say Ivar Lund called the plan “too costly.”",
        "Residents who met him said Ivar Lund called the plan “too costly.”",
        "Kari Holt, who grew up in Vestby, spoke on Monday. Ivar Lund called the plan "
        "“too costly.”",
        "Those who fish the fjord believe Ivar Lund called the plan “too costly.”",
    ],
)
def test_a_name_after_a_closed_who_clause_speaks(text):
    quote = _quote(text, "too costly")
    assert quote.speaker == "Ivar Lund"
    assert _mention(text, "too costly") == "Ivar Lund"


def _subject_source(text, cue):
    from articles.extraction.cues import tokens
    from articles.extraction.handoff import subject_source
    from articles.extraction.registry import Registry

    sentence = tokens(text, 0, len(text))
    first = [word for _, _, word in sentence].index(cue)
    source = subject_source(Registry(), text, sentence, first)
    return text[source.mention[0] : source.mention[1]] if source.mention else None


# A complementiser 'that' opens a clause whose subject may end in an object pronoun ('a
# group close to him'); only a relative 'that' or 'who' followed by its verb ('that have
# endorsed him') hands the source to the noun before it.
@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "Bergen officials found that a group close to him wants the toll cut.",
            "wants",
            "a group close to him",
        ),
        (
            "Voters told Kari Holt that friends of him wants the toll cut.",
            "wants",
            "friends of him",
        ),
        (
            "The mayor said that a union close to them argues the toll is high.",
            "argues",
            "a union close to them",
        ),
        (
            "But progressive groups that have endorsed him say the toll is high.",
            "say",
            "progressive groups",
        ),
    ],
)
def test_a_complementiser_that_keeps_its_clauses_subject(text, cue, source):
    assert _subject_source(text, cue) == source
