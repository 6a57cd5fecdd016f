"""A passive cue's agent with an abbreviated title before the name: the agent runs on
past the title's full stop to the name. The test fails with the rules as they were
before the fix (issue 14); the sentences are ours, in the style of news copy."""

from articles.extraction import Scope, extract_quotes


def test_agent_after_an_abbreviated_title_is_the_named_person():
    text = "The ferry plan was described as reckless by former Vestby Gov. Kari Holt."
    speakers = {q.speaker for q in extract_quotes(text, scope=Scope.WIDE)}
    assert speakers == {"Kari Holt"}


def test_the_agents_titles_are_the_names_abbreviations_that_are_titles():
    # One list: every title ends no sentence, and no abbreviation of a company, a saint
    # or a number runs an agent on past its stop.
    from articles.extraction import clause_shapes, names

    assert clause_shapes.TITLE_ABBREVIATIONS is names.TITLE_ABBREVIATIONS
    assert names.TITLE_ABBREVIATIONS < names.ABBREVIATIONS
    assert not {"inc", "st", "no", "co", "jr"} & names.TITLE_ABBREVIATIONS
