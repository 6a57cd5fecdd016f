"""A description that the subject a clause gives stops at a comma, with the person's name
in apposition after it ('the chair of the ferry board, Ina Solheim,'): the speaker is the
person named, not the description (issue 14). The sentences are ours."""

from articles.extraction import extract_quotes


def _speakers(text):
    return [(q.speaker, q.speaker_description) for q in extract_quotes(text)]


def test_a_description_before_a_name_in_apposition_names_the_person():
    text = (
        "The ferry plan was shelved.\n\nThe director of the Vestfjord Centre, Ina Solheim, "
        "told reporters her group had never worked with the operator."
    )
    assert _speakers(text) == [("Ina Solheim", "")]


def test_an_inverted_attribution_with_a_name_after_the_description():
    text = (
        "The ferry plan was shelved.\n\n“We are worried,” said another forum user, "
        "Johanna Vikstad. “It keeps getting closer.”"
    )
    assert {speaker for speaker, _ in _speakers(text)} == {"Johanna Vikstad"}


def test_the_person_named_is_who_a_later_surname_means():
    text = (
        "The ferry plan was shelved.\n\n“It is over,” wrote the harbour master at the time, "
        "Per Heggdal. Heggdal said the board would meet again in May."
    )
    assert [speaker for speaker, _ in _speakers(text)] == ["Per Heggdal", "Per Heggdal"]


def test_a_description_followed_by_a_clause_keeps_its_description():
    # No comma closes the description, so the rule does not reach it: a name that opens
    # the next clause stays out of the speaker (as on main before the rule).
    text = (
        "The ferry plan was shelved.\n\nA spokeswoman for the operator said, Ina Solheim "
        "will decide by May."
    )
    assert all(speaker != "Ina Solheim" for speaker, _ in _speakers(text))


def test_a_name_after_a_source_given_by_according_to_opens_the_next_clause():
    # Guards the rule: the source stays the report, and the name is the next subject.
    text = (
        "The ferry plan was shelved.\n\nAccording to a county summary of its review, "
        "Ina Solheim, a board member, sent the operator a letter weeks before."
    )
    assert all(speaker != "Ina Solheim" for speaker, _ in _speakers(text))
