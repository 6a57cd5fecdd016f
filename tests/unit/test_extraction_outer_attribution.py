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


def test_an_unnamed_outer_source_keeps_the_clause_of_a_verb_and_that_inside_it():
    # The content of 'say' was read from after 'acknowledges that', as if 'she now
    # acknowledges' were a hearer ('told reporters that'); the inner reading replaced it.
    text = (
        "The mayor has dropped the toll, and aides familiar with her thinking say she now "
        "acknowledges that the ferry plan would cost far more than the board was told."
    )
    [(_, cue, content)] = _readings(text)
    assert cue == "say"
    assert content.startswith("she now acknowledges that the ferry plan")


def test_a_subject_pronoun_and_verb_before_that_open_the_reported_clause():
    # 'they think' was skipped as if it were a hearer: the content began after 'that'.
    text = "Two board members say they think that the levy will be dropped before the vote."
    assert _readings(text) == [
        (None, "say", "they think that the levy will be dropped before the vote")
    ]


def test_an_infinitive_or_a_noun_before_that_is_no_clause_of_its_own():
    # Guards the fix above: 'to insist' and 'his claim' belong to the cue's phrase.
    text = "Berg continues to insist that he will fight on until the harbour vote."
    assert [content for _, _, content in _readings(text)] == [
        "he will fight on until the harbour vote"
    ]
    text = "Holt repeated his claim that the board had misled the ferry workers."
    assert [content for _, _, content in _readings(text)] == [
        "the board had misled the ferry workers"
    ]


def test_a_belief_whose_subject_opens_a_reported_clause_is_one_attribution():
    # PolNeAR's annotators read 'said she hoped that …' as what Holt said; the rules
    # also gave the hope's clause to 'hoped', a second quote PolNeAR does not count.
    text = "Mayor Lena Holt said she hoped that the county board would settle the dispute by June."
    assert _readings(text) == [
        ("Lena Holt", "said", "she hoped that the county board would settle the dispute by June")
    ]
    text = "According to the Harbour Ledger, most of the ferry crews said they would strike in May."
    assert _readings(text) == [
        (
            "Harbour Ledger",
            "According to",
            "most of the ferry crews said they would strike in May",
        )
    ]
