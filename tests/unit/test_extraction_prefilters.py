"""The plain-string tests the extraction engine makes before (or instead of) a regular
expression say what the expression would: each against the expression alone, on
generated text and on our gold texts."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from articles.extraction import (
    attribution,
    clause_shapes,
    marks,
    name_shapes,
    names,
    paragraphs,
    patterns,
    quoted,
    relative_subjects,
    reported,
)
from tests.gold_texts import gold_texts

# Words and marks the shortcuts turn on, with letters a case-insensitive search takes for
# ASCII ones ('ſ' for 's', the Kelvin sign for 'k', 'ı' and 'İ' for 'i').
_WORDS = [
    "Brand", "branded", "LABEL", "caſe", "blaſted", "called", "Calls", "call", "Called",
    "dubbed", "the", "The", "book", "BOOK", "Show", "aſ", "as", "title", "named", "an",
    "refer to", "went after", "hailed", "mocKing", "crİticized", "crıticized", "praise",
    "Photo", "Photos", "Foto", "Illustration", "By", "By Lena", "Q", "A", "Q:", "A.",
    "U.S.", "J.", "J", "A.B", "Lund’s", "Jones'", "O'Neil", "she’ll", "we're", "they",
    "HOLT", "MS. BERG", "’90s", "'90", "‘07", "1990", "Mr.", "Vestby", "Ann", "Lee",
    "said", "as a", "being", "Ørsted", "Über",
]  # fmt: skip
_MARKS = [" ", "  ", "\t", "\n", ",", ".", ":", ": ", "“", "”", "‘", "’", "'", '"', "—", "–",
          "―", "-", "|", "s", "é", "1", "\u2028", "\x1c"]  # fmt: skip
_WORDS += ["said", "says", "told", "he", "He", "which", "WHICH", "Whom", "wHo", "ẉhich",
           "what", "tho", "Whitfield", "added", "according", "in", "to", "at"]  # fmt: skip
_pieces = st.lists(st.sampled_from(_WORDS + _MARKS), max_size=24).map("".join)
_texts = st.one_of(_pieces, st.text(max_size=30))


_GOLD = gold_texts()
_GOLD_WORDS = sorted({word for text in _GOLD for word in text.split()})
_GOLD_PARAGRAPHS = sorted({p for text in _GOLD for p in text.split("\n")})


def _check_words(word: str) -> None:
    assert names.without_possessive(word) == names.POSSESSIVE.sub("", word)
    assert names._initials(word) == (names._INITIAL.fullmatch(word) is not None)
    split = clause_shapes._APOSTROPHE.split(word, maxsplit=1)[0]
    assert clause_shapes._before_apostrophe(word) == split


@settings(max_examples=500)
@given(_texts)
@example("Lund’s\n")
@example("U.S.")
@example("we’re'")
def test_a_words_possessive_initials_and_apostrophe_are_the_patterns(word):
    _check_words(word)


def test_the_gold_words_possessives_initials_and_apostrophes_are_the_patterns():
    for word in _GOLD_WORDS:
        _check_words(word)


def _check_paragraph(body: str) -> None:
    caption = paragraphs.CAPTION.search(body)
    assert paragraphs._may_be_caption(body) or caption is None
    assert body.startswith("By ") or paragraphs.BYLINE.match(body) is None
    fast, slow = paragraphs.qa_label(body), paragraphs.QA.match(body)
    assert (fast and (fast.span(), fast.group(1))) == (slow and (slow.span(), slow.group(1)))
    assert ":" in body or quoted._TRANSCRIPT_LABEL.match(body) is None
    assert attribution._dash_first(body) or attribution.SIGNATURE.match(body) is None


@settings(max_examples=500)
@given(_texts)
@example("Photos: Ann Lee")
@example("By Lena Holt, Vestby Post")
@example("Q: Why?")
@example("HOLT: Yes. ")
@example(" \u2028— Ann Lee")
def test_a_paragraphs_caption_byline_label_and_signature_are_the_patterns(body):
    _check_paragraph(body)


def test_the_gold_paragraphs_captions_bylines_labels_and_signatures_are_the_patterns():
    for body in _GOLD_PARAGRAPHS:
        _check_paragraph(body)
        for at in range(0, len(body), 7):
            _check_paragraph(body[at:])


@settings(max_examples=500)
@given(_texts, st.integers(0, 30), st.integers(0, 30))
@example("said as “", 4, 9)
@example("said\u2028as ‘", 4, 9)
def test_an_as_label_and_a_year_are_the_patterns(text, start, end):
    expected = reported._AS_LABEL.fullmatch(text, start, end) is not None
    assert reported._as_label(text, start, end) == expected
    if start < len(text):
        expected = marks._YEAR.match(text, start, end) is not None
        assert marks._year(text[start], text, start, end) == expected


# SCARE_LAST as it was written before its words were listed for the plain test.
_SCARE_LAST_AS_WRITTEN = re.compile(
    r"(?:called|dubbed|nicknamed|as|the|a|an|title|name|headline|motto|banner|(?:report|book|"
    r"film|novel|song|album|play|series|show|documentary|campaign|project|programme|program|"
    r"plan|strategy|slogan|law|bill|act|article|column|study|exhibition|festival|podcast)|"
    r"titled|book|film|novel|song|album|documentary|podcast|anthem|memoir|poem|essay|show|"
    r"series|named|word|term|phrase|label)\Z",
    re.IGNORECASE,
)


def _check_scare_end(tail: str) -> None:
    start = max(0, len(tail) - patterns._SCARE_LAST_REACH)
    expected = _SCARE_LAST_AS_WRITTEN.search(tail, start) is not None
    assert patterns._ends_on_scare_word(tail) == expected
    assert (patterns._SCARE_LAST.search(tail, start) is not None) == expected


@settings(max_examples=500)
@given(_texts)
@example("the famous BOOK")
@example("in the plaſ")
@example("a long way down the documentary")
def test_a_lead_ends_on_a_scare_word_as_the_search_finds(tail):
    _check_scare_end(tail)


def test_the_scare_words_are_short_ascii_words():
    words = patterns._SCARE_LAST_WORDS
    assert all(w.isascii() and w.islower() for w in words)
    assert max(map(len, words)) <= patterns._SCARE_LAST_REACH


def _check_labelling(text: str, start: int, end: int) -> None:
    if not patterns.may_label(text, start, end):
        assert patterns.LABELLING_LEAD.search(text, start, end) is None
        assert patterns.NAME_CALLING_LEAD.search(text, start, end) is None


@settings(max_examples=1000)
@given(_texts, st.integers(0, 30), st.integers(0, 30))
@example("they blaſted the “", 0, 30)
@example("Officials CALLED him a “", 0, 30)
@example("who crİticized the “", 0, 30)
def test_a_lead_without_a_labelling_verbs_letters_holds_no_labelling_verb(text, start, end):
    _check_labelling(text, start, end)


def test_each_labelling_verb_holds_a_lower_case_stem():
    assert all(stem.islower() and stem.isascii() for stem in patterns.LABELLING_STEMS)
    for verb in patterns.LABELLING_VERBS:
        assert any(stem in verb for stem in patterns.LABELLING_STEMS), verb
    assert "call" in patterns.LABELLING_STEMS


def test_the_gold_leads_are_told_labelling_and_scare_words_as_the_searches_tell_them():
    for body in _GOLD_PARAGRAPHS:
        for at in range(0, len(body), 5):
            lead = body[max(0, at - 80) : at]
            _check_labelling(lead, 0, len(lead))
            _check_scare_end(lead.rstrip().removesuffix(","))


def _check_tail(tail: str) -> None:
    if not attribution._cue_may_open(tail):
        assert attribution.CUE_THEN_SPEAKER.match(tail) is None
        assert attribution.CUE_THEN_PHRASE.match(tail) is None


def _check_relative(text: str, start: int, end: int) -> None:
    if not reported._may_hold_relative(text, start, end):
        assert reported._RELATIVE_BEFORE.search(text, start, end) is None
        assert reported._RELATIVE_THEN_SUBJECT.search(text, start, end) is None


@settings(max_examples=1000)
@given(_texts, st.integers(0, 30), st.integers(0, 30))
@example(" , said he", 0, 30)
@example("\u2028: told the council the plan", 0, 30)
@example("a levy WHICH the mayor ", 0, 30)
@example("the levy in which Lena Holt ", 0, 30)
def test_a_cue_opening_a_tail_and_a_relative_are_found_where_the_patterns_find_them(
    text, start, end
):
    _check_tail(text[start:])
    _check_relative(text, start, end)


def test_the_gold_tails_and_relatives_are_told_as_the_patterns_tell_them():
    for body in _GOLD_PARAGRAPHS:
        for at in range(0, len(body), 3):
            _check_tail(body[at : at + 120])
            _check_relative(body, max(0, at - 60), at)


def _trailing_by_search(text: str, start: int, end: int) -> tuple[int, int]:
    reach = max(start, end - patterns._TRAILING_REACH)
    match = patterns._TRAILING_ATTRIBUTION.search(text, reach, end)
    return (start, match.start()) if match and match.start() > start else (start, end)


def _check_openings(text: str, start: int, end: int) -> None:
    fast, slow = paragraphs.dash_opening(text), paragraphs.DASH.match(text)
    assert (fast and fast.span()) == (slow and slow.span())
    expected = _trailing_by_search(text, start, end)
    assert patterns.before_trailing_attribution(text, start, end) == expected
    assert text.startswith(",", start) or names._APPOSITION_VERB.match(text, start) is None
    assert text[1:2] == "-" or names._PARTY_AND_STATE.match(text) is None
    contracted = clause_shapes._CONTRACTED_SUBJECT.match(text) is not None
    assert clause_shapes._contracted_subject(text) == contracted


@settings(max_examples=1000)
@given(_texts, st.integers(0, 30), st.integers(0, 30))
@example("– We will stay, Holt says.", 0, 30)
@example("the ferry is late, sources said on Monday.", 0, 60)
@example(", he said", 0, 9)
@example("R-Ore.", 0, 6)
@example("it’s", 0, 4)
def test_the_openings_and_commas_told_first_are_those_the_patterns_need(text, start, end):
    _check_openings(text, start, end)


def test_the_gold_openings_and_commas_are_told_as_the_patterns_tell_them():
    for body in _GOLD_PARAGRAPHS:
        for at in range(0, len(body), 9):
            _check_openings(body[at : at + 200], 0, min(200, len(body) - at))
    for word in _GOLD_WORDS:
        _check_openings(word, 0, len(word))


def _check_particle_lead(text: str) -> None:
    # particle_lead asks its search only where the two letters before the space before
    # the name end a particle: wherever else the search finds a lead, the test fails.
    for start in range(3, len(text) + 1):
        lead = name_shapes._PARTICLES_BEFORE.search(text, max(0, start - 40), start)
        if lead is not None and text[start - 3 : start - 1].isalpha():
            assert text[start - 3 : start - 1] in name_shapes._PARTICLE_ENDINGS


_PARTICLE_PIECES = ["de", "van", "der", "della", "del", "dos", "al", "Al", "le", "Vos",
                    "Mr.", "Anna", "the", "Ivan", "Lund", "Odd-Arne", "O’Neil"]  # fmt: skip
_particle_texts = st.lists(st.sampled_from(_PARTICLE_PIECES + _MARKS), max_size=16).map("".join)


@settings(max_examples=500)
@given(st.one_of(_particle_texts, _texts))
@example("Mr. de Vos")
@example("Anna van der  Berg")
@example("Ivan Lund")
def test_a_particle_lead_is_searched_for_wherever_the_pattern_finds_one(text):
    _check_particle_lead(text)


def test_the_gold_particle_leads_are_searched_for_wherever_the_pattern_finds_one():
    for body in _GOLD_PARAGRAPHS:
        _check_particle_lead(body)


_RELATIVE_PIECES = ["who", "Who", "WHO", "that", "That", "that’s", "who'd", "what", "hat",
                    "Whoa", "whose", "thatch", "backed", "Kari", "Holt", "had", "the"]  # fmt: skip
_relative_texts = st.lists(st.sampled_from(_RELATIVE_PIECES + _MARKS), max_size=16).map("".join)


def _check_relative_lead(lead: str) -> None:
    if relative_subjects._RELATIVE.search(lead) is not None:
        assert relative_subjects.may_hold_relative(lead)


@settings(max_examples=500)
@given(st.one_of(_relative_texts, _texts))
@example("members who backed Kari Holt")
@example("the group That’s run by")
def test_a_lead_with_a_relative_is_searched_wherever_the_pattern_finds_one(lead):
    _check_relative_lead(lead)


def test_the_gold_relative_leads_are_searched_wherever_the_pattern_finds_one():
    for body in _GOLD_PARAGRAPHS:
        for at in range(0, len(body), 40):
            _check_relative_lead(body[max(0, at - 120) : at])
