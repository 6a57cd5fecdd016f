"""A quotation that an aside opens ('The levy, Holt said, “was …”') is the aside speaker's,
in both scopes, even when a cue follows it; the clauses scope takes no piece of the lead.
Each test fails with the rules as they were before its fix (issue 14, rounds 19 and 20). The
sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes

SCOPES = [Scope.CLAUSES, Scope.WIDE]


def _direct(text, scope):
    return [(q.text, q.speaker) for q in extract_quotes(text, scope=scope) if q.kind == "direct"]


@pytest.mark.parametrize("scope", SCOPES)
def test_a_quotation_an_aside_opens_is_the_aside_speakers(scope):
    # The cue of the next sentence ('Marta Solheim agreed') took the quotation.
    text = (
        "Dock crews gathered at noon. The plan for the night shifts, Kari Holt said, "
        "“would leave us short.” Marta Solheim agreed."
    )
    assert _direct(text, scope) == [("would leave us short.", "Kari Holt")]


@pytest.mark.parametrize("scope", SCOPES)
def test_an_aside_with_its_cue_before_the_name_opens_the_quotation_too(scope):
    text = (
        "Dock crews gathered at noon. The plan for the night shifts, said Kari Holt, "
        "“would leave us short.” Marta Solheim agreed."
    )
    assert _direct(text, scope) == [("would leave us short.", "Kari Holt")]


def test_the_clauses_scope_takes_no_piece_of_the_lead_before_the_aside():
    text = (
        "Dock crews gathered at noon. The plan for the night shifts, Kari Holt said, "
        "“would leave us short.” Marta Solheim agreed."
    )
    quotes = extract_quotes(text, scope=Scope.CLAUSES)
    assert [q.kind for q in quotes] == ["direct"]


@pytest.mark.parametrize("scope", SCOPES)
def test_a_later_quotation_with_its_own_cue_stays_with_its_speaker(scope):
    text = (
        "Dock crews gathered at noon. The plan for the night shifts, Kari Holt said, "
        "“would leave us short.” Marta Solheim agreed. “We will manage,” Marta Solheim said."
    )
    assert _direct(text, scope) == [
        ("would leave us short.", "Kari Holt"),
        ("We will manage", "Marta Solheim"),
    ]


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("addressee", ["reporters", "the Vestby Harbour Gazette"])
def test_a_told_aside_with_its_addressee_opens_the_quotation_too(scope, addressee):
    # The one aside rule (asides.quotation_aside) took no addressee after 'told': the
    # clauses scope gave the quotation to the next sentence's cue, and the wide scope's
    # own reading, from its lead piece, took 'told' and the addressee for the cue.
    text = (
        f"Dock crews gathered at noon. The plan for the night shifts, Kari Holt told "
        f"{addressee}, “would leave us short.” Marta Solheim agreed."
    )
    quotes = [q for q in extract_quotes(text, scope=scope) if q.kind == "direct"]
    assert [(q.text, q.speaker, text[q.cue_start : q.cue_end]) for q in quotes] == [
        ("would leave us short.", "Kari Holt", "told")
    ]
