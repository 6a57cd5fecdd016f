"""'Since last spring, according to the union, the ferry company has cut forty jobs': an
'according to' set between commas after a lead with no verb of its own attributes the
clause that goes on after it, not the lead, which is only when or where it holds."""

from __future__ import annotations

from articles.extraction.clause_shapes import FINITE, Token, zero_that_clause
from articles.extraction.cues import QUOTE_MARKS


def clause_after_according(sentence: list[Token], first: int, comma: int | None) -> bool:
    """Whether the clause after the comma closing 'according to X' (``comma``) is what the
    cue at ``first`` attributes: its lead has no verb and a clause follows the comma."""
    if comma is None or comma + 1 >= len(sentence) or first < 2:
        return False
    if sentence[first - 1][2] != ",":
        return False
    lead = [w for _, _, w in sentence[: first - 1]]
    if any(w.lower() in FINITE or w.endswith(_VERB_ENDINGS) for w in lead):
        return False  # 'Holt voted no, according to …': the lead is the clause
    if any(_named_subjects_verb(lead[j - 1], lead[j]) for j in range(1, len(lead))):
        return False  # 'Holt leads in Iowa, according to …'
    if any(w in QUOTE_MARKS for _, _, w in sentence[comma + 1 :]):
        return False  # a quotation after it is the marks' rules' own, and the lead a piece
    return sentence[comma + 1][2].lower() in FINITE or zero_that_clause(sentence, comma)


# The endings of a verb in the lead that make it a clause of its own: 'voted', 'don't'.
_VERB_ENDINGS = ("ed", "n't", "n’t")


def _named_subjects_verb(before: str, word: str) -> bool:
    """Whether ``word`` reads as a verb in the present after a name: 'Holt [leads]'."""
    return (
        before[:1].isupper()
        and len(word) > _SHORTEST_VERB
        and word.isalpha()
        and word.islower()
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
    )


_SHORTEST_VERB = 3  # 'Holt [says]', not 'Holt [is]' (FINITE) or 'Holt [as]'
