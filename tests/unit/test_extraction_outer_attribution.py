"""Quoted words whose own attribution lies inside another one's content carry the outer
cue and its speaker, as PolNeAR's annotators read them (issue 14). The sentences are ours."""

from articles.extraction import extract_quotes


def _readings(text):
    return [(q.speaker, text[q.cue_start : q.cue_end], q.text) for q in extract_quotes(text)]


def test_a_speech_verb_over_a_belief_gives_the_quote_its_speaker_and_cue():
    # The quote took 'believes', the inner verb, for its cue.
    text = "Mireille Castel says she believes the port has “the wind at its back” this year."
    assert _readings(text) == [("Mireille Castel", "says", "the wind at its back")]


def test_a_speech_verb_over_another_speakers_verb_keeps_the_outer_speaker():
    # Holt, the subject of the inner 'called', was taken for the speaker.
    text = "Dag Berg said Holt called the new levy “a disgrace to the harbour.”"
    assert _readings(text) == [("Dag Berg", "said", "a disgrace to the harbour.")]


def test_according_to_over_a_speech_verb_gives_the_source():
    text = "According to the Harbour Ledger, Okafor said the plan was “dead on arrival.”"
    assert _readings(text) == [("Harbour Ledger", "According to", "dead on arrival.")]


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


def test_according_to_after_a_quotes_attribution_gives_the_source():
    # Berg, whose 'said' follows the quote, was the speaker; the source is the Ledger's.
    text = "“We will not stage a protest on the floor,” Berg said, according to the Harbour Ledger."
    assert _readings(text) == [
        ("Harbour Ledger", "according to", "We will not stage a protest on the floor")
    ]


def test_a_quotes_attribution_without_according_to_keeps_its_speaker():
    text = "“We will not stage a protest on the floor,” Berg said on Monday in Tromsø."
    assert _readings(text) == [("Berg", "said", "We will not stage a protest on the floor")]
