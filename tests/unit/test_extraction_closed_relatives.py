"""'The report, which the council wrote last year, said the levy was unfair': the verb of
a relative clause before the main verb is the cue of neither the noun the clause
describes nor the main clause's content; the main verb is."""

import pytest

from articles.extraction import Scope, extract_quotes


def _cued(text, scope):
    """Each content with the words of its cue."""
    return [
        (q.text, text[q.cue_start : q.cue_end] if q.cue_start is not None else None)
        for q in extract_quotes(text, scope=scope)
    ]


SENTENCES = [
    (
        "The memo, which the county board drafted in March, said the ferry would stop.",
        "the ferry would stop",
        "said",
    ),
    (
        "The letter, which Kari Holt wrote last week, argued that the school should stay open.",
        "the school should stay open",
        "argued",
    ),
    (
        "The review, which Ivar Lund wrote, says the bridge is unsafe.",
        "the bridge is unsafe",
        "says",
    ),
    (
        "The memo which the county board wrote in March said the ferry would stop.",
        "the ferry would stop",
        "said",
    ),
    (
        "The letter that Sigrid Dahl wrote last week said the school would close.",
        "the school would close",
        "said",
    ),
    (
        "A report which Nils Berg wrote says the harbour fees will rise.",
        "the harbour fees will rise",
        "says",
    ),
]


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(("text", "content", "cue"), SENTENCES)
def test_the_main_verb_not_the_relative_clauses_is_the_cue(text, content, cue, scope):
    cued = _cued(text, scope)
    assert (content, cue) in cued
    relative_verb = next(w for w in ("drafted", "wrote") if w in text)
    # Neither the noun the clause describes nor the main clause is the relative verb's.
    assert [c for c, by in cued if by == relative_verb and c != "which"] == []


def test_a_clause_after_a_relative_cue_stays_its_content():
    # 'which critics said was unfair': the clause after the cue is the relative's own.
    text = "Kari Holt defended the levy, which critics said was unfair to farmers."
    assert ("was unfair to farmers", "said") in _cued(text, Scope.CLAUSES)


def test_a_trailing_attribution_still_owns_its_lead():
    text = "The levy was unfair to farmers, the county board wrote last year."
    assert ("The levy was unfair to farmers", "wrote") in _cued(text, Scope.CLAUSES)
