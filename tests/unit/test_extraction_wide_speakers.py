"""Who speaks the contents only the wide scope (Scope.WIDE) takes."""

from articles.extraction import Scope, extract_quotes


def _by_cue(text, cue):
    return next(
        q
        for q in extract_quotes(text, scope=Scope.WIDE)
        if q.cue_start is not None and text[q.cue_start : q.cue_end].startswith(cue)
    )


def test_a_sentence_s_subject_after_an_opening_adverb_and_its_comma_speaks_for_its_verbs():
    # 'Instead,' had been read as the sentence's subject, which named no one: what the
    # second of two joined participles attributes had no speaker.
    text = (
        "Mayor Anna Holt spoke to reporters in Oslo on Monday. Instead, she was back to "
        "boasting about winning and pledging to make the city great again."
    )
    quote = _by_cue(text, "pledging")
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == ("Anna Holt", "she")


def test_a_predicate_before_a_cue_is_no_source_its_subject_is():
    # 'also had strong' had been kept as the source described, the phrase back to the
    # parenthesis; the subject of 'had' is the speaker.
    text = "Councillor Ruth Okafor (Labour) also had strong views on the harbour levy."
    quote = _by_cue(text, "views")
    assert quote.speaker == "Ruth Okafor"
    assert text[quote.speaker_start : quote.speaker_end] == "Ruth Okafor"


def test_a_relative_before_a_gated_cue_stands_for_the_noun_phrase_before_it():
    # The phrase back to the clause boundary ended at 'that', which opens it: no source.
    text = (
        "The survey comes in the wake of polls by Lund University that showed Berg making "
        "a strong showing in three counties."
    )
    quote = _by_cue(text, "showed")
    assert text[quote.speaker_start : quote.speaker_end] == "that"
    assert quote.speaker_description == "Lund University"


def test_a_clause_before_a_gated_cue_gives_its_subject_as_the_source():
    # 'Okafor notably had strong' had been kept whole as the source described, and 'he
    # still had strong' was no source at all (a pronoun opens it).
    text = (
        "Ruth Okafor spoke on Monday. It was clear that Okafor notably had strong views on "
        "the harbour levy."
    )
    quote = _by_cue(text, "views")
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == (
        "Ruth Okafor",
        "Okafor",
    )
    text = "Tom Berg spoke on Monday. It was clear that he still had strong views on the levy."
    quote = _by_cue(text, "views")
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == ("Tom Berg", "he")


def test_the_subject_of_a_state_of_mind_is_its_source_not_a_raised_piece():
    # 'was startled', 'were angered' had been read as passives, whose subject is what
    # is said of it and whose 'by' names the speaker: the content had no speaker, or
    # the stimulus after 'by' for one. The one startled or angered holds the view.
    text = "Councillor Ruth Okafor was startled by the size of the harbour levy."
    quote = _by_cue(text, "startled")
    assert quote.speaker == "Ruth Okafor"
    assert text[quote.speaker_start : quote.speaker_end] == "Ruth Okafor"
    text = "Dockworkers in Vestby were angered by the new rota."
    quote = _by_cue(text, "angered")
    assert text[quote.speaker_start : quote.speaker_end] == "Dockworkers"


def test_a_relative_after_a_comma_stands_for_the_noun_phrase_before_the_comma():
    # The phrase back to the clause boundary stopped at the comma before 'which': the
    # content had no source at all.
    text = (
        "After decades of use, the county ended straight-ticket voting, which allows a "
        "person to vote for a whole party at once."
    )
    quote = _by_cue(text, "allows")
    assert text[quote.speaker_start : quote.speaker_end] == "which"
    assert quote.speaker_description == "straight-ticket voting"


def test_a_relative_is_the_subject_of_both_verbs_its_clause_joins():
    # The verb after 'and' took the sentence's subject ('The new'), or the person who
    # interviewed, not whom the relative stands for.
    text = (
        "The new plan has won over Ines Marrow, who came out and endorsed Mayor Holt "
        "during a call with reporters."
    )
    quote = _by_cue(text, "endorsed")
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == (
        "Ines Marrow",
        "who",
    )
    text = (
        "Lund interviewed Ledger reporter Oskar Brandt, who saw the fire and described it in print."
    )
    quote = _by_cue(text, "described")
    assert quote.speaker == "Oskar Brandt"


def test_whoever_faces_criticism_is_not_its_source():
    # 'came under criticism', 'has faced questions about': the subject is whom the
    # criticism is aimed at, and had been named as its source.
    text = "Mayor Tom Holt came under heavy criticism for the harbour levy in March."
    quote = _by_cue(text, "criticism")
    assert quote.speaker is None
    assert quote.speaker_start is None


def test_a_verb_in_a_list_of_predicates_takes_the_sentence_s_subject():
    # The phrase back to the comma before 'declined' was empty: no speaker; so was an
    # apposition with 'and' in it before the cue.
    text = (
        "Per Lund joked about the weather, declined to confirm his support for the new "
        "pier, and told the crowd they would regret it."
    )
    assert _by_cue(text, "declined").speaker == "Per Lund"
    text = (
        "In her speech at the rally, Berg, a nurse from Vestby and longtime union "
        "activist, accused the council of ignoring the harbour workers."
    )
    assert _by_cue(text, "accused").speaker == "Berg"
