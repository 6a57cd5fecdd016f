"""A sentence's subject that lower-case adjectives and a role open before the name
('Presumptive Democratic presidential nominee Kari Holt'): the whole phrase is the
subject, so a later verb of the same sentence ('and said', ', claiming') is the name's."""

import pytest

from articles.extraction import Scope, extract_quotes


def _speaker(text, content):
    return next(q for q in extract_quotes(text) if content in q.text).speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The levy rose again.  Presumptive Liberal mayoral nominee Kari Holt called on "
            "the council to pass a budget and said funding is needed.",
            "funding is needed",
            "Kari Holt",
        ),
        (
            "The ferry was late.  Liberal incumbent Ola Berg attacked his rival by reminding "
            "voters that the merger cost the port 300 jobs.",
            "the merger cost the port 300 jobs",
            "Ola Berg",
        ),
        (
            "9:55 p.m.  Liberal presidential front-runner Tom Lund is insisting that he has "
            "“grown the party,” claiming that he is responsible for the higher turnout.",
            "he is responsible for the higher turnout",
            "Tom Lund",
        ),
    ],
)
def test_role_and_its_adjectives_open_the_subject(text, content, speaker):
    assert _speaker(text, content) == speaker


def test_a_verb_before_a_role_ends_the_subject():
    text = "The vote was close. Holt hit candidate Berg on trade and said he was weak."
    assert _speaker(text, "he was weak") == "Holt"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The levy rose again.  Holt campaign manager Ivar Lund rejected the charge, "
            "saying the figures were old.",
            "the figures were old",
            "Ivar Lund",
        ),
        (
            "The ferry was late.  Berg communications director Jane Fells waved off the "
            "report, saying the timetable would change.",
            "the timetable would change",
            "Jane Fells",
        ),
        (
            "The ferry was late.  Berg aide Tor Nes dismissed the report, saying it was "
            "pure fiction.",
            "it was pure fiction",
            "Tor Nes",
        ),
        (
            "The talks stalled.  Dahl chief of staff Eva Lie rejected the offer, saying "
            "the union had asked too much.",
            "the union had asked too much",
            "Eva Lie",
        ),
        (
            "The talks stalled.  Dahl deputy campaign manager Per Moe attacked the offer, "
            "saying the union had asked too much.",
            "the union had asked too much",
            "Per Moe",
        ),
    ],
)
def test_a_name_before_a_role_only_qualifies_it(text, content, speaker):
    """'Holt campaign manager Ivar Lund': the first name says whose manager he is; the name
    after the role speaks."""
    assert _speaker(text, content) == speaker


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_a_verb_before_a_role_and_a_name_is_no_qualifier_of_the_role(scope):
    # 'field' is the verb here, not a role's qualifier as in 'field director': Unions speak.
    text = "Unions field candidate Berg in the north and said the vote is close."
    assert [q.speaker or q.speaker_description for q in extract_quotes(text, scope=scope)] == [
        "Unions"
    ]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_two_offices_joined_by_and_before_the_name_after_a_quote(scope):
    """'said former Vestland Gov. and party Chairman Siv Aasen': the title's stop before
    'and' ends no name; the speaker is the name after both offices."""
    text = (
        "Bergen, Friday.\n\n“The harbour deal came too late for the fishermen,” said former "
        "Vestland Gov. and Coast Party Chairman Siv Aasen. “We warned them twice.”"
    )
    speakers = {q.speaker for q in extract_quotes(text, scope=scope)}
    assert speakers == {"Siv Aasen"}


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
def test_two_offices_joined_by_and_a_lower_case_word_before_the_name(scope):
    """'said former Vestland Gov. and party Chairman Ola Lund': a lower-case word between
    'and' and the second office still leaves the name after both."""
    text = (
        "Bergen, Friday.\n\n“The ferry cuts will empty the islands,” said former "
        "Vestland Gov. and party Chairman Ola Lund. “We told the ministry so.”"
    )
    speakers = {q.speaker for q in extract_quotes(text, scope=scope)}
    assert speakers == {"Ola Lund"}


def test_an_office_stop_before_and_reads_in_linear_time():
    """The office-stop lookahead is bounded: 200,000 characters of near-misses stay fast."""
    import time

    from articles.extraction.patterns import CUE_THEN_SPEAKER

    for unit in ("Gov. and party chairman and ", "Sen. and ", "Gov. and a b c "):
        text = ("said " + unit * 25000)[:200_000]
        begun = time.perf_counter()
        CUE_THEN_SPEAKER.search(text)
        assert time.perf_counter() - begun < 1
