"""Subjects the engine missed or misplaced when an aside stands between them and the cue:
words quoted inside a dash aside, and the like. Each test fails with the rules as they were
before its fix (issue 14, round 15). The sentences are ours."""

from articles.extraction import Scope, extract_quotes


def _speaker_of(text, cue):
    quotes = [q for q in extract_quotes(text) if text[q.cue_start : q.cue_end] == cue]
    assert quotes, extract_quotes(text)
    return quotes[-1].speaker


def test_words_quoted_inside_a_dash_aside_leave_the_subject_before_it():
    # The quotation marks inside the aside stopped the search for its opening dash.
    text = (
        'Harbour vote. Party favourite Dana Whitfield - who once vowed to "cut the fat" - '
        "said at a rally in Lenmark that the county should close two offices."
    )
    assert _speaker_of(text, "said") == "Dana Whitfield"


def test_a_name_that_ends_an_apposition_names_what_it_describes():
    # The paper's name, last before the cue, was taken for the subject.
    text = (
        "Harbour vote. Marisol Quenby, the editor of the town's weekly paper, the Harbour "
        "Ledger, said every mayor was both civic and political."
    )
    assert _speaker_of(text, "said") == "Marisol Quenby"


def test_an_aside_that_picks_out_part_of_a_group_leaves_the_group_the_subject():
    # 'Lutherans', inside the aside, was taken for the subject.
    text = (
        "Harbour vote. His critics in the valley, many of them conservative Lutherans, "
        "argue that Dunmore is a partisan mayor."
    )
    quotes = [q for q in extract_quotes(text) if text[q.cue_start : q.cue_end] == "argue"]
    assert quotes[0].speaker is None
    assert quotes[0].speaker_description == "His critics in the valley"


def test_a_time_of_three_words_before_the_cue_leaves_the_subject_before_the_apposition():
    # 'this past week' was taken for the subject.
    text = (
        "Harbour vote. Orvel Brantley, the party chairman, this past week announced that "
        "the convention would move to Lenmark."
    )
    assert _speaker_of(text, "announced") == "Orvel Brantley"


def test_earlier_before_the_cue_is_no_subject():
    # 'earlier' was taken for the subject.
    text = (
        "Harbour vote. Reyl and Sen. Ola Brandt (R-Keswick), for example, earlier asked the "
        "county attorney whether the mayor had lied."
    )
    assert _speaker_of(text, "asked") == "Ola Brandt"


def test_an_opening_participle_before_a_quotation_is_no_name():
    # The participle's capital made 'Reflecting' the speaker.
    text = (
        "Harbour vote. Reflecting on his years as a ferry pilot, the council leader said, "
        '"I never knew what the tide would bring."'
    )
    quote = next(q for q in extract_quotes(text) if q.kind == "direct")
    assert quote.speaker != "Reflecting"
    assert text[quote.speaker_start : quote.speaker_end] == "the council leader"


def test_then_after_a_comma_opens_a_second_verb_of_the_sentence_subject():
    text = (
        "Holt praised the crews. Lund paused, then revealed why the rescue had moved her so much."
    )
    assert _speaker_of(text, "revealed") == "Lund"


def test_a_dateline_cut_at_the_state_leaves_its_agency_out_of_the_subject():
    # The sentence, cut at 'Minn.', opened with '(Ledger) -', where no subject was found.
    text = (
        "VESTBY, Minn. (Ledger) - Mayor Ola Dunmore met survivors of the flood on Thursday "
        "and said the county must act to rebuild the dikes."
    )
    assert _speaker_of(text, "said") == "Ola Dunmore"


def test_a_second_verb_after_a_dash_aside_has_the_subject_after_the_aside():
    text = (
        "In a victory speech in Vestby -- which holds its caucus on Saturday -- Lund claimed "
        "momentum and argued she is a stronger candidate than Holt."
    )
    assert _speaker_of(text, "argued") == "Lund"


def test_while_and_a_participle_after_a_quotation_are_its_speaker_s():
    text = (
        '"Where I sit right now, I think it would make things worse," Lund said, while '
        "arguing the county should hire more wardens."
    )
    assert _speaker_of(text, "arguing") == "Lund"


def test_a_name_after_an_opening_time_with_no_comma_is_the_subject():
    text = (
        "On Sunday morning Mr. Dunmore made a third attempt to deflect Ms. Lund's "
        "criticism, writing on his blog that the real issue was the harbour."
    )
    assert _speaker_of(text, "writing") == "Dunmore"


def test_an_aside_of_time_between_the_auxiliary_and_the_cue_keeps_the_subject():
    # ', so far,' after 'has' hid the pronoun before it, so the refusal was no one's.
    text = (
        "Ivar Lund won the vote in Vestby.\n\n"
        "The council called for a new levy, a decision which he has, so far, refused to "
        "consider."
    )
    quote = next(q for q in extract_quotes(text, scope=Scope.WIDE) if q.text.startswith("to "))
    assert quote.speaker == "Ivar Lund"
