"""The shortcuts that spare a long text's leads a costly search say what the search
would: each against the expression it replaces or guards, on generated leads and on our
gold texts."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from articles.extraction import gap_subjects, pattern_speakers, relative_subjects
from tests.gold_texts import gold_texts

# Words the shortcuts turn on, and letters a case-insensitive search takes for ASCII ones
# ('ſ' for 's', the Kelvin sign for 'k', 'ı' and 'İ' for 'i').
_WORDS = [
    "who", "Who", "WHO", "that", "That", "that’s", "who'd", "who’ll", "spoke", "SPOKE",
    "ſpoke", "talked", "taLKed", "speaking", "SPEAKİNG", "speakıng", "talking", "Talking",
    "to", "with", "the", "a", "An", "spokeswoman", "officials", "Two", "voters", "members",
    "farmers", "traders", "Ivar", "Lund", "Kari Holt", "Sigrid", "had", "backed", "said",
    "at", "for", "of", "from", "Nils Berg’s",
]  # fmt: skip
_MARKS = [" ", "  ", "\t", "\n", ",", ".", ";", ":", "(", ")", "[", "]", "“", "”", "’", "'",
          '"', "—", "–", "-", "!", "?", "\u2028", "\xa0", "é"]  # fmt: skip
_leads = st.one_of(
    st.lists(st.sampled_from(_WORDS + _MARKS), max_size=30).map("".join),
    st.text(max_size=40),
)
_GOLD = gold_texts()

# _RELATIVE as it was before its repeats were made possessive.
_BACKTRACKING_RELATIVE = re.compile(
    r"\b(?:[Ww]ho|[Tt]hat)(?:[’'](?:d|s|ve|ll))?\s+(?P<next>[\w’'-]+)[^,;:()\[\]—–“”\"\n.!?]*$"
)


def _gold_leads(reach: int = 120):
    for text in _GOLD:
        for at in range(0, len(text), 37):
            yield text[max(0, at - reach) : at]


def _check_interviewed(lead: str) -> None:
    if not pattern_speakers._may_be_interviewed(lead):
        assert pattern_speakers._INTERVIEWED_LEAD.search(lead) is None


def _check_relative(lead: str) -> None:
    fast, slow = relative_subjects._RELATIVE.search(lead), _BACKTRACKING_RELATIVE.search(lead)
    assert (fast and (fast.span(), fast.span("next"))) == (
        slow and (slow.span(), slow.span("next"))
    )


def _check_last_word(phrase: str) -> None:
    tokens = gap_subjects._WORD.findall(phrase)
    assert gap_subjects.last_word(phrase) == (tokens[-1] if tokens else None)


@settings(max_examples=800)
@given(_leads)
@example("Two officials who spoke to the ")
@example("A source SPEAKİNG with ")
@example("one aide who  taLKed with ")
@example("a clerk ſpeaking to the ")
def test_a_lead_without_the_verbs_letters_is_no_interviewed_lead(lead):
    _check_interviewed(lead)


@settings(max_examples=800)
@given(_leads)
@example("the members who had backed Ivar Lund")
@example("the plan that’s run by Kari Holt")
@example("voters who’ll back Nils Berg\n")
@example("those that, said")
def test_the_possessive_relative_finds_what_the_backtracking_one_found(lead):
    _check_relative(lead)


@settings(max_examples=800)
@given(_leads)
@example("even the most hopeful traders")
@example("the farmers, (members)”")
@example("Sigrid Dahl’s voters\xa0 ")
@example("   ")
@example("")
def test_a_phrases_last_word_is_the_last_token(phrase):
    _check_last_word(phrase)


def test_the_gold_leads_are_told_as_the_searches_tell_them():
    for lead in _gold_leads():
        _check_interviewed(lead)
        _check_relative(lead)
        _check_last_word(lead)
