"""Whom a speaker mention is resolved to: the name a closing description is set off from
before a mixed quote's cue, not a body named inside the description; a body's name with
'of' in it whole; no 'he' or 'she' for the name of a law, an effect, an agreement or a
plan; no person called 'Retired General' (issue 14). The sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes
from articles.extraction.apposed_leads import apposed_lead_subject
from articles.extraction.registry import Registry


def _speakers(text, scope=Scope.CLAUSES):
    return [(q.speaker, text[q.start : q.end]) for q in extract_quotes(text, scope=scope)]


def _assert_only_lund_speaks(paragraph):
    """After Lund has spoken, every speaker of ``paragraph`` (wide scope) is Lund."""
    text = "Ivar Lund spoke in Bergen on Monday.\n\n“We need the reform,” Lund said.\n\n"
    speakers = [speaker for speaker, _ in _speakers(text + paragraph, Scope.WIDE)]
    assert speakers
    assert all(speaker == "Ivar Lund" for speaker in speakers)


def test_a_description_naming_a_party_leaves_the_speaker_its_leader():
    text = (
        "Voters met on Tuesday.\n\nSigrid Holt, leader of the anti-tax Nordic Freedom "
        'Party, says such votes are preludes to the "critical" referendum in June.'
    )
    assert _speakers(text) == [("Sigrid Holt", "critical")]


def test_a_relative_clause_and_a_second_description_stay_out_of_the_subject():
    text = (
        "Voters met on Tuesday.\n\nIvar Lund, a Liberal pollster who is working with "
        "Nordic Futures, a pro-Berg super PAC, said the primaries showed the senator as "
        '"strong and smart" to voters.'
    )
    assert _speakers(text) == [("Ivar Lund", "strong and smart")]


def test_a_description_with_a_clause_about_a_body_names_the_senator():
    text = (
        "Voters met on Tuesday.\n\nSenator Ivar Lund, the Bergen Liberal who heads the "
        "Senate Fishing Committee, which oversees the Board, said the plan would "
        '"call into question" the fund.'
    )
    assert _speakers(text) == [("Ivar Lund", "call into question")]


def test_a_participle_after_an_object_in_apposition_keeps_the_sentence_subject():
    text = (
        "Voters met on Tuesday.\n\nSigrid Holt attacked Ivar Lund, the mayor, saying his "
        'plan was "a disgrace" to the city.'
    )
    assert _speakers(text) == [("Sigrid Holt", "a disgrace")]


def test_the_name_of_a_law_is_no_one_a_pronoun_means():
    _assert_only_lund_speaks(
        "The Harbour Safety Act, he argued, failed the fishermen. The Harbour Safety Act "
        "was passed in 1998. He said the law had to go."
    )


def test_a_description_left_open_before_the_verb_names_the_person_opening_it():
    text = (
        "Voters met on Tuesday.\n\nSigrid Holt, a former Coast Guard officer for Mayor Ivar "
        "Lund has written a book on the “reckless and costly” harbour plan."
    )
    assert _speakers(text) == [("Sigrid Holt", "reckless and costly")]


@pytest.mark.parametrize(
    ("lead", "name"),
    [
        # 20,000 characters of short comma parts before the name and its description.
        (
            "Fares rose at " + "quays, " * 2900 + "Sigrid Holt, leader of the harbour board,",
            "Sigrid Holt",
        ),
        # Names and descriptions in turn, the last part no description: none to read.
        ("Ivar Lund, an aide, " * 1000 + "Berg; the mayor,", None),
        ("Ivar Lund, an aide, " * 1000 + "Sigrid Holt, the mayor,", "Sigrid Holt"),
    ],
)
def test_a_long_lead_is_read_at_its_end_only(lead, name):
    text = lead + " said on Monday that fares would rise."
    speaker = apposed_lead_subject(Registry(), text, 0, lead)
    found = None if speaker is None else text[speaker.mention[0] : speaker.mention[1]]
    assert found == name


@pytest.mark.parametrize("thing", ["North Sea Fishing Agreement", "Harbour Clean Air Plan"])
def test_the_name_of_an_agreement_or_a_plan_is_no_one_a_pronoun_means(thing):
    _assert_only_lund_speaks(
        f"His dislike of the {thing} is deeply felt. The {thing} was signed in 1998. "
        "But he said the fleet had to live with it."
    )


def test_a_body_named_with_of_is_named_whole_by_a_participle_after_its_clause():
    # 'citing' gave 'Association': the subject stopped at the lower-case 'of'.
    text = (
        "In a statement announcing the pick, the Association of Harbour Pilots called "
        "Holt a “champion” for its members, citing her work after the storm."
    )
    for scope in Scope:
        assert {speaker for speaker, _ in _speakers(text, scope)} == {
            "Association of Harbour Pilots"
        }


def test_a_retired_general_is_a_title_not_a_name():
    # A headline's 'Retired General' was a person, whom the later 'he' meant.
    text = (
        "Retired General Reveals ‘Grim’ Years Under Berg.\n\n"
        "Retired Air Force Gen. Ivar Lund is speaking out about the problems he has with "
        "the board — and why he believes Kari Holt has the best plan."
    )
    for scope in Scope:
        quotes = extract_quotes(text, scope=scope)
        assert "Retired General" not in {q.speaker for q in quotes}
        [believed] = [q for q in quotes if q.text.startswith("Kari Holt")]
        assert believed.speaker == "Ivar Lund"
