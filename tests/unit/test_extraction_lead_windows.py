"""The searches anchored at the end of a cue's lead read a bounded window of it, so that
a run-on sentence with a cue in each clause costs time linear in its length: counted in
characters handed to the searches, not in seconds, which a busy machine would blur."""

import pytest

from articles.extraction import attribution, coordinated_subjects, extract_quotes, lead_subjects
from articles.extraction.paragraphs import LEAD_TAIL_CHARS, tail_start

# The searches of a lead for a pattern that ends at the lead's end.
_LEAD_SEARCHES = (
    (lead_subjects, "_RELATIVE_SUBJECT"),
    (lead_subjects, "_CUE_BEFORE_COMMA"),
    (lead_subjects, "_WITH_SUBJECT"),
    (lead_subjects, "_COORDINATED_CUE"),
    (lead_subjects, "_AND_AT_END"),
    (lead_subjects, "_QUOTE_AND_AT_END"),
    (lead_subjects, "_SUBJECT_AT_END"),
    (lead_subjects, "_PLACE_AT_END"),
    (lead_subjects, "_DESCRIBED_AFTER_OPENER"),
    (coordinated_subjects, "_CONJUNCTION_AT_END"),
    # The reads after the lead's relative clauses are blanked: the clauses themselves,
    # a pronoun opening the last clause, a body's noun at the end, and the marks and
    # verbs that tell a lead with one clause.
    (lead_subjects, "RELATIVE_CLAUSE"),
    (lead_subjects, "_CLAUSE_PRONOUN"),
    (lead_subjects, "ORG_AT_END"),
    (lead_subjects, "CLAUSE_MARKS"),
    (lead_subjects, "_VERB_PHRASE"),
)


class _Counting:
    """A compiled pattern that records how many characters each search or match is
    given to read."""

    def __init__(self, pattern, read):
        self.pattern, self.read = pattern, read

    def _reads(self, string, pos, endpos):
        end = len(string) if endpos is None else min(endpos, len(string))
        self.read.append(end - pos)
        return pos, end

    def search(self, string, pos=0, endpos=None):
        return self.pattern.search(string, *self._reads(string, pos, endpos))

    def match(self, string, pos=0, endpos=None):
        return self.pattern.match(string, *self._reads(string, pos, endpos))

    def finditer(self, string, pos=0, endpos=None):
        return self.pattern.finditer(string, *self._reads(string, pos, endpos))

    def split(self, string):
        self.read.append(len(string))
        return self.pattern.split(string)


def _run_on(clauses):
    return "Kari Holt spoke" + clauses * ' with Ivar Lund, and said the ferry was "late"' + "."


def _characters_read(monkeypatch, text):
    read = []
    names_found = lead_subjects.names_found

    def counted_names(phrase):
        read.append(len(phrase))
        return names_found(phrase)

    with monkeypatch.context() as patched:
        for module, name in _LEAD_SEARCHES:
            patched.setattr(module, name, _Counting(getattr(module, name), read))
        # The last name that may speak, the lead's fallback, is read there too.
        patched.setattr(lead_subjects, "names_found", counted_names)
        quotes = extract_quotes(text)
    return read, quotes


def test_searches_at_a_leads_end_read_a_bounded_window(monkeypatch):
    read, quotes = _characters_read(monkeypatch, _run_on(60))
    assert len(quotes) == 60
    assert read
    # The whole lead of the last cue runs to some 2,800 characters.
    assert max(read) <= LEAD_TAIL_CHARS


@pytest.mark.parametrize("clauses", [30, 40])
def test_a_run_on_sentence_is_read_in_linear_time(monkeypatch, clauses):
    # Twice the clauses, twice the characters read (a whole lead each: four times).
    short, _ = _characters_read(monkeypatch, _run_on(clauses))
    long, _ = _characters_read(monkeypatch, _run_on(2 * clauses))
    assert sum(long) <= 2.2 * sum(short)


def test_the_window_keeps_a_match_that_opens_the_sentence():
    # A lead shorter than the window is searched whole, its start ('^') included.
    assert lead_subjects._at_end(lead_subjects._SUBJECT_AT_END, "The senator ") is not None
    long_lead = "and then " * 120 + "it rained, the senator "
    found = lead_subjects._at_end(lead_subjects._SUBJECT_AT_END, long_lead)
    assert found is not None
    assert found.group("subject") == "the senator"


def test_the_last_cue_before_a_quotation_is_sought_near_it(monkeypatch):
    read = []
    monkeypatch.setattr(attribution, "CUE_WORD", _Counting(attribution.CUE_WORD, read))
    quotes = extract_quotes(_run_on(60))
    assert [q.speaker for q in quotes] == ["Kari Holt"] * 60
    assert read
    assert max(read) <= LEAD_TAIL_CHARS


def test_a_cue_used_as_a_noun_near_the_quotation_gives_way_to_a_verb_before_it():
    lead = "Kari Holt said" + " and waited" * 60 + " after the statement "
    assert attribution.cue_in(lead, 0, len(lead)) == (10, 14)


def test_the_leads_last_characters_start_at_a_word():
    text = "Kari Holt " + "spoke again " * 50
    start = tail_start(text, 0, len(text))
    assert len(text) - start <= LEAD_TAIL_CHARS
    assert text[start - 1] == " "
    assert text[start] != " "
    # A short stretch, or one with no space to start a word at, is read whole.
    assert tail_start(text, 0, 30) == 0
    assert tail_start("x" * 1000, 0, 1000) == 0
