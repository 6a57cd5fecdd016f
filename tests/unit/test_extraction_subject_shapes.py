"""Subjects the engine found with the right cue but the wrong phrase: a long opening
phrase before them, a subordinate clause two verbs share, a relative after an apposition.
Each test fails with the rules as they were before its fix (issue 14, round 13). The
sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes


def _speaker_of(text, cue):
    quotes = [q for q in extract_quotes(text) if text[q.cue_start : q.cue_end] == cue]
    assert len(quotes) == 1, extract_quotes(text)
    return quotes[0].speaker


def _with_cue(text, cue, scope):
    """The quotes ``scope`` finds in ``text`` whose cue is the word ``cue``."""
    return [q for q in extract_quotes(text, scope=scope) if text[q.cue_start : q.cue_end] == cue]


def test_an_opening_phrase_with_two_commas_leaves_the_subject_after_the_second():
    # The subject was looked for after the first comma only: 'during a radio interview'.
    text = (
        "Berg spoke first. In his first reply, during a radio interview, Okafor questioned "
        "the figures, implying that the board had erred."
    )
    assert _speaker_of(text, "implying") == "Okafor"


def test_a_long_subordinate_clause_opening_the_sentence_ends_at_a_later_comma():
    text = (
        "Berg spoke first. While other members of the county board called for a larger "
        "budget to repair the harbour, also known as the old port, Holt held to the mayor's "
        "plan, noting that the funds were short."
    )
    assert _speaker_of(text, "noting") == "Holt"


def test_here_and_back_open_a_phrase_before_the_subject():
    here = (
        "Berg spoke first. Here in Dunmore, Okafor stepped up her attacks on the plan, "
        "saying that it would fail."
    )
    back = (
        "Berg spoke first. Back in 1999, Okafor praised the plan, telling reporters that "
        "it would work."
    )
    assert _speaker_of(here, "saying") == "Okafor"
    assert _speaker_of(back, "telling") == "Okafor"


def test_a_short_phrase_of_time_opens_the_sentence():
    text = (
        "Berg spoke first. This year, Okafor rose to the defense of the plan, saying that "
        "it would work."
    )
    assert _speaker_of(text, "saying") == "Okafor"


def test_a_second_verb_in_a_subordinate_clause_shares_that_clause_s_subject():
    # The sentence's subject ('There') was taken; the 'when' clause names who said it.
    text = (
        "Berg spoke first. There were tense moments when Lund criticised Berg on trade and "
        "said that he was weak."
    )
    assert _speaker_of(text, "said") == "Lund"


def test_a_relative_after_an_apposition_stands_for_the_name_before_it():
    # The pattern took the apposition for the subject, and the firm inside it for whom
    # 'who' stands.
    text = (
        "Profits rose. Holt met Tom Okafor, a senior analyst at Lund Partners, who said the "
        "firm would cut costs."
    )
    assert _speaker_of(text, "said") == "Tom Okafor"


def test_a_relative_after_a_long_apposition_stands_for_the_name_before_it():
    text = (
        "Profits rose. Holt met Mireille Castel, the leader of the opposition on the county "
        "board, who said the firm would cut costs."
    )
    assert _speaker_of(text, "said") == "Mireille Castel"


def test_a_relative_right_after_a_name_still_stands_for_it():
    # Guards the fix above: with no apposition, the name before 'who' is the speaker.
    text = "Profits rose. Holt met Tom Okafor of Lund Partners, who said the firm would cut costs."
    assert _speaker_of(text, "said") == "Tom Okafor"


def test_asked_opens_a_phrase_before_the_subject_of_two_verbs():
    # 'Asked about the levy' was read as the subject of the verb after 'and'.
    text = (
        "Berg spoke first. Asked about the levy, the Holt campaign said it had paid no fees "
        "and suggested that the board act."
    )
    assert _speaker_of(text, "suggested") is not None


def test_a_name_between_an_opening_phrase_and_a_relative_clause_is_the_subject():
    # 'In the interview, Holt' was read as a name and its apposition, and no one spoke.
    text = (
        "Berg spoke first. In the interview, Holt, who backed Berg in May, reiterated "
        "those views and said the board erred."
    )
    assert _speaker_of(text, "reiterated") == "Holt"


def test_a_pronoun_after_an_opening_phrase_without_a_comma_is_the_subject():
    text = (
        "Mireille Castel had planned a rally. By Sunday afternoon she had cancelled it, "
        "citing the storm."
    )
    assert _speaker_of(text, "citing") == "Mireille Castel"


def test_a_pronoun_inside_an_opening_subordinate_clause_is_not_the_subject():
    # Guards the rule above: 'After …' opens a clause whose pronoun is its own subject.
    text = (
        "Holt met Berg. After suggesting on Monday that he regretted the insults he "
        "had thrown at Berg last month in the debate on the harbour, Holt said little."
    )
    assert _speaker_of(text, "suggesting") == "Holt"


def test_a_described_subject_before_a_when_aside_is_the_subject():
    # The name inside 'when contacted by the Ledger' was taken for the subject, as only
    # a named subject could stand before the aside.
    text = (
        "Berg spoke first. The Holt office, when contacted by the Ledger, said the former "
        "mayor could not recall the dinner."
    )
    quotes = extract_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].speaker is None
    assert quotes[0].speaker_description == "The Holt office"


def test_a_passive_cue_s_agent_may_come_after_what_the_clause_adds():
    # Wide scope: only a 'by' right after the cue named the agent; here nobody spoke.
    text = (
        "Berg spoke first. Holt was also endorsed the day before by former rival Mireille Castel."
    )
    speakers = {q.speaker for q in extract_quotes(text, scope=Scope.WIDE)}
    assert speakers == {"Mireille Castel"}


def test_a_passive_agent_ends_before_a_word_of_time():
    text = (
        "Berg spoke first. Holt was declared the winner in the three county races by the "
        "Ledger early on Tuesday."
    )
    speakers = {q.speaker for q in extract_quotes(text, scope=Scope.WIDE)}
    assert speakers == {"Ledger"}


def test_a_by_inside_a_clause_of_its_own_names_no_agent():
    # Guards the rule above: the 'by' after 'because' belongs to another verb.
    text = "Berg spoke first. Holt was criticised because the plan was drafted by Mireille Castel."
    for quote in extract_quotes(text, scope=Scope.WIDE):
        if text[quote.cue_start : quote.cue_end] == "criticised":
            assert quote.speaker != "Mireille Castel"


def test_a_passive_agent_ends_where_the_next_verb_starts():
    # 'Mayor Tom Okafor and confirmed in May' named no one, so the nomination had none.
    text = (
        "Voters met on Sunday. The approval of Holt, who was nominated by Mayor Tom Okafor "
        "and confirmed in May, was delayed."
    )
    nominated = _with_cue(text, "nominated", Scope.WIDE)
    assert nominated
    assert {q.speaker for q in nominated} == {"Tom Okafor"}


def test_a_dateline_is_no_part_of_the_sentence_s_subject():
    # Wide scope: the participle after the dateline's dash was taken for the subject of
    # the verb after 'and'; with the state's stop, the dash opened a sentence of its own.
    for dateline in ("DUNMORE, Ore. -", "DUNMORE -"):
        text = (
            f"Harbour vote.\n\n{dateline} Rallying hundreds of dock workers who are "
            "struggling to get by, Mireille Castel tried to calm their fears and promised "
            "to deliver change."
        )
        promised = _with_cue(text, "promised", Scope.WIDE)
        assert promised
        assert {q.speaker for q in promised} == {"Mireille Castel"}


def test_a_dash_ends_the_subject_before_an_aside_between_dashes():
    text = (
        "Berg spoke first. On the county side, Mrs. Lund -- whose husband signed the act "
        "into law -- has publicly derided the plan, suggesting that it would fail."
    )
    assert _speaker_of(text, "suggesting") == "Lund"


def _wide_speakers_of(text, cue):
    quotes = extract_quotes(text, scope=Scope.WIDE)
    found = [q for q in quotes if text[q.cue_start : q.cue_end] == cue]
    assert found, quotes
    return {q.speaker for q in found}


def test_a_participle_after_a_quotation_s_attribution_takes_its_speaker():
    # Wide scope: the quotation's first words were taken for the sentence's subject ('“As').
    text = (
        "Holt spoke first. “As far as the budget goes, there is nothing left,” Berg said "
        "of the cuts, mocking the plan to sell the ferry."
    )
    assert _wide_speakers_of(text, "mocking") == {"Berg"}


def test_a_participle_after_a_quotation_and_any_verb_of_a_name_takes_the_name():
    text = "Holt spoke first. “It is over,” Ms. Lund answered, referring to the vote on the port."
    assert _wide_speakers_of(text, "referring") == {"Lund"}


def test_a_participle_after_quoted_words_closing_with_a_comma_takes_the_subject():
    # The comma inside the closing mark hid the participle's comma; the name in the
    # verb's object was taken.
    text = (
        "The port closed. Lund called the idea that Berg had anything to hide a “silly "
        "notion,” adding that the person who “needs to explain himself is Berg, not me.”"
    )
    assert _wide_speakers_of(text, "adding") == {"Lund"}


def test_a_verb_after_quoted_words_and_and_shares_the_sentence_s_subject():
    text = (
        "The port closed. Okafor, speaking on Radio Vestby, called Berg a “windbag,” and "
        "said his remarks were priceless “propaganda” for the rival party."
    )
    assert _wide_speakers_of(text, "said") == {"Okafor"}


def test_a_participle_after_a_quotation_that_opens_the_sentence_is_not_its_words():
    text = (
        "The port closed. “Loud voices on the quay could easily sink the plan,” Haugen "
        "wrote this week, adding that the council would vote in May."
    )
    assert _wide_speakers_of(text, "adding") == {"Haugen"}


def test_the_subject_after_what_or_whom_is_the_cue_s():
    # 'what' and 'whom' open no clause boundary: the phrase back to the comma opened
    # with 'in', and the sentence's subject was taken.
    what = (
        "Holt should have been stopped from buying the boat used in Vestby, in what "
        "officials called a clear fraud."
    )
    whom = "Berg drew scorn from Lund, whom Mireille Castel believed was tilting the vote."
    called = _with_cue(what, "called", Scope.WIDE)
    assert [(q.speaker, q.speaker_description) for q in called] == [(None, "officials")]
    assert _wide_speakers_of(whom, "believed") == {"Mireille Castel"}


def test_a_participle_after_a_clause_that_and_or_but_opens_takes_that_clause_s_subject():
    # The sentence's first subject was taken, or none: 'Prosecutors', 'It’s a big if'.
    anded = (
        "The port closed. Prosecutors charged the clerk and Haugen fired his deputy, Tom "
        "Lund, acknowledging that trust in the office was lost."
    )
    butted = (
        "The port closed. It was a long shot, but Okafor was in Dunmore on Tuesday, well "
        "before the vote, stressing the town's importance."
    )
    assert _wide_speakers_of(anded, "acknowledging") == {"Haugen"}
    assert _wide_speakers_of(butted, "stressing") == {"Okafor"}


def test_a_clause_after_a_comma_ends_the_search_for_the_participle_s_subject():
    text = (
        "The port closed. As Lund and Berg have risen in the polls, Holt has slowly "
        "tried to stress their differences, warning that the two would sell the port."
    )
    assert _wide_speakers_of(text, "warning") == {"Holt"}


def test_the_phrase_after_with_is_the_subject_of_the_participle_before_quoted_words():
    # The sentence's subject was taken: 'Critics'.
    text = (
        "The port closed. Critics were irritated by the plan, with Sen. Ana Lund calling "
        "it a “Chinese menu.”"
    )
    quotes = [q for q in extract_quotes(text) if q.text.startswith("Chinese menu")]
    assert [q.speaker for q in quotes] == ["Ana Lund"]


def test_a_place_after_a_relative_clause_is_no_part_of_the_subjects_name():
    # The clause was blanked with spaces, and the name before it ran across the gap into
    # the place after it: 'Lund Ohio'.
    text = (
        "The vote was close. Lund, who runs a bakery in Dayton, Ohio, criticised the plan "
        "as “a disaster.”"
    )
    assert _speaker_of(text, "criticised") == "Lund"


def test_a_body_after_of_the_in_an_apposition_is_not_the_subject():
    # Only 'of Ohio' counted as an affiliation, not 'of the Vestby Harbour Committee'.
    text = (
        "The vote was close. Per Lund, chairman of the Vestby Harbour Committee, called the "
        "plan “a disaster.”"
    )
    assert _speaker_of(text, "called") == "Per Lund"


def test_an_age_before_the_apposition_leaves_the_name_the_subject():
    # The age's commas hid the name from the apposition: the employer spoke, and the
    # town in 'of Dayton' did.
    text = (
        "The vote was close. Kari Lund, 49, a ferry pilot who now is an employee of the "
        "Vestby Harbour Board, said Holt had lied."
    )
    assert _speaker_of(text, "said") == "Kari Lund"
    text = "The vote was close. Tove Haugen, 29, of Dayton, Ohio, says her rent has doubled."
    assert _speaker_of(text, "says") == "Tove Haugen"


def test_a_state_in_brackets_ends_no_sentence():
    # The stop before the bracket ended the sentence: 'said' lost its subject.
    text = "Harbour vote. Sen. Tom Okafor (Tex.) said on Monday that the harbour would close."
    assert _speaker_of(text, "said") == "Tom Okafor"


def test_a_state_before_a_lower_case_word_ends_no_sentence():
    text = (
        "Harbour vote. Mireille Castel, who grew up in Vestby, Minn. and later ran the "
        "Ledger, said the paper would close."
    )
    assert _speaker_of(text, "said") == "Mireille Castel"


def test_a_case_name_ends_no_sentence():
    text = (
        "Harbour vote. Lund, who argued Holt v. Berg before the court, said the ruling was wrong."
    )
    assert _speaker_of(text, "said") == "Lund"


def test_a_state_before_a_capital_still_ends_the_sentence():
    text = "Okafor moved to Vestby, Minn. Berg said the plan would fail."
    assert _speaker_of(text, "said") == "Berg"


def test_a_dateline_before_an_opening_phrase_is_no_subject():
    # 'At' opens no subject, so the sentence's own was looked for before it: the
    # dateline, all that stands there, had spoken.
    text = (
        "Ferry vote nears.\n\nVESTBY, N.H. - At the moment Kari Holt learned she had been "
        "bumped off the stage, she was in town."
    )
    for scope in Scope:
        learned = _with_cue(text, "learned", scope)
        assert learned
        assert all(q.speaker != "VESTBY" for q in learned)
        assert all(q.speaker_start is None or q.speaker_start > text.index("-") for q in learned)


def test_the_subject_after_a_dateline_a_pattern_took_for_it_speaks():
    # The pattern's subject was the dateline's capitals, with the region, the dash and the
    # real subject read as an aside between it and the cue.
    text = (
        "Ferry vote nears in Norway.\n\nBERGEN, Norway - Ola Kari Holt's political allies "
        "on Monday predicted an overwhelming victory in Norway's vote - a landslide."
    )
    for scope in Scope:
        predicted = _with_cue(text, "predicted", scope)
        assert [q.speaker for q in predicted] == [None]
        assert [q.speaker_description for q in predicted] == ["Ola Kari Holt's political allies"]


@pytest.mark.parametrize(
    "dateline_and_subject",
    [
        # The phrase's length is the text's, whatever spaces stand between its words.
        "BERGEN, Norway - Ola  Kari Holt's political  allies",
        "VESTBY, Norway -  Kari Holt's  closest allies",
    ],
)
def test_the_subject_after_any_dateline_a_pattern_took_keeps_its_words(dateline_and_subject):
    text = (
        f"Ferry vote nears in Norway.\n\n{dateline_and_subject} on Monday predicted an "
        "overwhelming victory in Norway's vote - a landslide."
    )
    subject = dateline_and_subject.split(" - ")[1].strip()
    for scope in Scope:
        predicted = _with_cue(text, "predicted", scope)
        assert [q.speaker for q in predicted] == [None]
        assert [q.speaker_description for q in predicted] == [subject]
