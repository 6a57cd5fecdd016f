"""Nested attributions (issue 14): a reported clause over another attribution is the outer
speaker's, as PolNeAR's annotators read it, while words in quotation marks stay with the
person who said them. The sentences are ours."""

from articles.extraction import extract_quotes


def _readings(text):
    return [(q.speaker, text[q.cue_start : q.cue_end], q.text) for q in extract_quotes(text)]


def test_words_in_marks_stay_with_whoever_said_them_inside_a_report():
    # PolNeAR gives these to the outer attribution (Berg; the Ledger); our annotators
    # would be told that Berg or a newspaper said what Holt and Okafor said.
    text = "Dag Berg said Holt called the new levy “a disgrace to the harbour.”"
    assert _readings(text) == [("Holt", "called", "a disgrace to the harbour.")]
    text = "According to the Harbour Ledger, Okafor said the plan was “dead on arrival.”"
    assert _readings(text) == [("Okafor", "said", "dead on arrival.")]
    text = "“We will not stage a protest on the floor,” Berg said, according to the Harbour Ledger."
    assert _readings(text) == [("Berg", "said", "We will not stage a protest on the floor")]


def test_two_coordinated_attributions_keep_their_own_speakers():
    # The second verb's subject opens no clause of the first verb: two attributions.
    text = "Lund said he would make the bay “glow at night,” and Haugen vowed to “fight on.”"
    assert [speaker for speaker, _, _ in _readings(text)] == ["Lund", "Haugen"]


def test_a_speech_verb_and_that_over_another_speakers_clause_keep_the_outer_speaker():
    # The rules read the inner 'said' and took Okafor for the speaker.
    text = "The Harbour Ledger reported that Okafor said he was gathering material for a book."
    assert _readings(text) == [
        ("Harbour Ledger", "reported", "Okafor said he was gathering material for a book")
    ]


def test_a_hearer_between_the_speech_verb_and_that_keeps_the_outer_speaker():
    # After an aside the rules read the inner 'believes' and took Holt for the speaker.
    text = (
        "Lund's press secretary, Per Berg, told the Ledger that Holt believes the new levy "
        "was a costly mistake."
    )
    assert _readings(text) == [
        ("Per Berg", "told", "Holt believes the new levy was a costly mistake")
    ]


def test_a_quotes_attribution_without_according_to_keeps_its_speaker():
    text = "“We will not stage a protest on the floor,” Berg said on Monday in Tromsø."
    assert _readings(text) == [("Berg", "said", "We will not stage a protest on the floor")]
