"""Speakers named right before their cue in shapes the engine once read wrong: each test
fails with the rules as they were before its fix (issue 14). The sentences are ours."""

from articles.extraction import extract_quotes


def _speakers(text):
    return [(q.speaker, text[q.cue_start : q.cue_end]) for q in extract_quotes(text)]


def test_a_name_after_which_is_the_subject_of_the_cue_not_the_noun_before():
    # 'Haugen Media', the noun 'which' stands for, was taken as the speaker.
    text = 'Haugen Media valued the firm at $2 billion, which Mr. Holt called "a disgrace."'
    assert _speakers(text) == [("Holt", "called")]


def test_a_name_after_which_speaks_a_reported_clause():
    # No speaker at all: the relative's noun, a place, names no one.
    text = "It was the speech in Bergen, which Lund claims affirmed the power of the council."
    assert _speakers(text) == [("Lund", "claims")]
