"""The word alternations written one branch per first letter (patterns.alternation)
match what the plain alternation of the same words matches, at every place and in any
case: the branching is for speed only."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from articles.extraction import (
    attribution,
    descriptions,
    noun_cues,
    patterns,
)

# Each list in the order its regular expression joins it.
_LISTS = {
    "speech": patterns.SPEECH_VERBS,
    "reporting": patterns.REPORTING_VERBS + patterns.REPORTING_TO,
    "labelling": patterns.LABELLING_VERBS,
    "saying": sorted(patterns.SAYING_VERBS),
    "plural present": attribution._PLURAL_PRESENT_VERBS,
    "roles": sorted(descriptions.PLURAL_ROLES | {"people", "friends", "allies"}),
    "noun cues": sorted(noun_cues.NOUNS, key=len, reverse=True),
}
_WORDS = sorted({w for words in _LISTS.values() for w in words if w.isalpha()})
_OTHER = ["Told", "SAYS", "ſays", "\u212aeeps", "told the Ferry board that", " ", ", ", "x"]
_texts = st.lists(st.sampled_from(_WORDS + _OTHER), max_size=8).map(" ".join)


@pytest.mark.parametrize("name", sorted(_LISTS))
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@settings(max_examples=200)
@given(text=_texts)
@example(text="Holt told the Ferry board that tolls rise; she pointed out nothing")
def test_the_branched_alternation_matches_what_the_plain_one_matches(name, flags, text):
    words = _LISTS[name]
    plain = re.compile(rf"\b(?:{'|'.join(words)})", flags)
    branched = re.compile(rf"\b(?:{patterns.alternation(words)})", flags)
    for at in range(len(text) + 1):
        expected = plain.match(text, at)
        found = branched.match(text, at)
        assert (found and found.span()) == (expected and expected.span())


def test_an_entry_that_opens_with_no_plain_letter_is_refused():
    for entry in ("Says", "s?aid", "a|b", "(?:x)"):
        with pytest.raises(ValueError, match="not a letter"):
            patterns.alternation(("said", entry))
