"""Speakers named after their cue: a passive's described agent ('opposed by unions'), a
noun's source after 'from' or 'among'. Each test fails with the rules before its fix
(issue 14, round 25). The sentences are ours."""

from articles.extraction import Scope, extract_quotes


def _agents(text):
    return {
        text[q.speaker_start : q.speaker_end]
        for q in extract_quotes(text, scope=Scope.WIDE)
        if q.speaker_start is not None
    }


def test_a_passive_agent_no_registry_knows_is_the_source_described():
    # '64 percent of the electorate' names nobody, so the rejection had no one's.
    text = "Ivar Lund spoke first. The harbour levy was rejected by 64 percent of the electorate."
    assert _agents(text) == {"64 percent of the electorate"}


def test_a_described_passive_agent_ends_where_its_phrase_does():
    text = (
        "Ivar Lund spoke first. Berg was supported by 42 percent of the farmers surveyed in "
        "the county poll."
    )
    assert _agents(text) == {"42 percent of the farmers surveyed"}


def test_a_source_after_from_says_what_its_noun_attributes():
    # The subject suffers the criticism; whoever voices it was left unnamed.
    text = "Ivar Lund spoke first. Berg has faced criticism from rivals that the levy is unsafe."
    assert _agents(text) == {"rivals"}


def test_a_source_after_among_outranks_a_described_subject():
    # 'There' was read as a described subject; the recognition is the members'.
    text = (
        "Ivar Lund spoke first. There is considerable recognition among some harbour board "
        "members that Sigrid Holt deserves the post."
    )
    assert "some harbour board members" in _agents(text)


def test_a_source_within_a_body_holds_its_concern():
    text = (
        "Ivar Lund spoke first. The concern within the harbour board is that the levy will "
        "drive the ferries away."
    )
    assert _agents(text) == {"the harbour board"}


def test_within_a_span_of_time_names_no_source():
    # Guards the rule above: 'within hours' says when, not who.
    text = "Ivar Lund spoke first. Berg faced criticism within hours that the levy was too high."
    assert _agents(text) == set()


def test_a_passive_by_a_time_names_no_agent():
    # 'by Friday' says when the levy fell, not who rejected it.
    text = "Ivar Lund spoke first. The harbour levy was rejected by Friday."
    assert _agents(text) == set()


def test_a_passive_by_a_means_or_margin_names_no_agent():
    for means in ("phone", "mistake", "default", "40 votes", "a wide margin"):
        text = f"Ivar Lund spoke first. The harbour levy was rejected by {means}."
        assert _agents(text) == set(), means


def test_a_passive_agent_after_a_share_of_people_is_still_the_source():
    # Guards the rule above: 'percent' before 'of' is a share of voters, not a margin.
    text = "Ivar Lund spoke first. The harbour levy was opposed by 30 percent of the unions."
    assert _agents(text) == {"30 percent of the unions"}


def test_from_a_starting_point_names_no_source():
    for start in ("the start", "the outset", "Monday", "abroad", "both sides", "Oslo"):
        text = (
            f"Ivar Lund spoke first. Berg has faced criticism from {start} that the levy is unsafe."
        )
        assert _agents(text) == set(), start
