"""A cue after 'and' or 'but' with no subject of its own shares the subject of the verb
before it: the name in that verb's object, which comes last before the cue, says nothing.
A clause that opens between the two with a subject of its own keeps that subject."""

import pytest

from articles.extraction import extract_quotes


def _speakers(text):
    return {
        q.text: (q.speaker, text[q.speaker_start : q.speaker_end] if q.speaker_start else None)
        for q in extract_quotes(text)
    }


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        (
            "As the polls opened, the Aasen campaign mailed a leaflet with a photo of Mrs. "
            "Dahl and her husband, Oddvar Dahl, at a gala, and accused Dahl allies of being "
            '"turncoats" in the ferry dispute.',
            "turncoats",
            "Aasen",
        ),
        (
            "Ingrid Solberg, who was speaking to the harbour board, did not mention Lars "
            'Moe by name, but told the members that the levy was "a quiet theft."',
            "a quiet theft.",
            "Ingrid Solberg",
        ),
        (
            "For weeks, Sondre Bakke had praised Eirik Lunde, stating there was a benefit "
            'to having the Bergen man in the race and chiding the papers for "the little '
            'games they play."',
            "the little games they play.",
            "Sondre Bakke",
        ),
        (
            "Councillor Ragnhild Vik used to back fellow islander Tore Haug, but now said "
            'the mayor had "the duty to bring us together."',
            "the duty to bring us together.",
            "Ragnhild Vik",
        ),
    ],
)
def test_a_coordinated_cue_has_the_subject_of_the_verb_before_it(text, quoted, speaker):
    found = _speakers(text)
    assert quoted in found
    name, mention = found[quoted]
    assert speaker in (name, mention)


def test_a_clause_with_its_own_subject_between_keeps_it():
    text = (
        "A circle of pastors called for a boycott of the gala, and the Fjord League "
        'firmly condemned the plan and said it would "move every meeting" elsewhere.'
    )
    found = _speakers(text)
    assert "move every meeting" in found
    assert found["move every meeting"] == ("Fjord League", "Fjord League")


def test_an_according_to_aside_before_the_conjunction_keeps_its_source():
    with_aside = (
        "Aasen's cousins, including his aunt, watched the ferry footage on Friday, "
        'according to their lawyers, and said they left with "more doubts than ever."'
    )
    found = _speakers(with_aside)
    assert "more doubts than ever." in found
    # The aside's source reports the second verb too: the lawyers, whom no name holds.
    assert found["more doubts than ever."] == (None, "their lawyers")


@pytest.mark.parametrize(
    "text",
    [
        "Kari Holt met Ivar Lund, and said the ferry was late.",
        "Kari Holt met Ivar Lund on the quay, and said the ferry was late.",
        "Kari Holt did not thank Ivar Lund but said the ferry was late again.",
    ],
)
def test_reported_speech_after_a_conjunction_shares_the_first_verbs_subject(text):
    # The reported-speech pattern took the first verb's object for the subject; the
    # quotation path already read the shared subject, and both now ask the same module.
    quotes = extract_quotes(text)
    assert [q.kind for q in quotes] == ["indirect"]
    assert quotes[0].speaker == "Kari Holt"
    quoted = text.replace("the ferry was late", 'the ferry was "late"')
    assert [q.speaker for q in extract_quotes(quoted)] == ["Kari Holt"]
