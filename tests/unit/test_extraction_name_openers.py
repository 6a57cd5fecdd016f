"""A speaker's canonical name is the bare name: a word that opens the sentence before it
('Neither', a participle, an adverb) is no part of it, and a man's courtesy title means
the man of a shared surname, not a woman whose first name no list knows."""

from articles.extraction import extract_quotes, extract_speakers


def _names(text: str) -> list[str]:
    return [entry.name for entry in extract_speakers(text)]


def test_neither_before_a_surname_is_no_part_of_the_name():
    text = (
        "Sigrid Dahl runs the harbour board.\n\n"
        "Neither Dahl nor the mayor has said when the quay reopens. "
        'Dahl said on Monday that the repairs "will take the whole winter."'
    )
    assert extract_quotes(text)[-1].speaker == "Sigrid Dahl"
    assert _names(text) == ["Sigrid Dahl"]


def test_an_opening_participle_is_no_part_of_the_name():
    text = (
        "Sigrid Dahl runs the harbour board.\n\n"
        "Praising Dahl, the mayor spoke of the quay.\n\n"
        'Dahl said the repairs "will take the whole winter."'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Sigrid Dahl"]
    assert _names(text) == ["Sigrid Dahl"]


def test_an_opening_adverb_and_its_preposition_are_no_part_of_the_name():
    text = (
        "Sigrid Dahl runs the harbour board.\n\n"
        "Mostly for Dahl, the winter was long. "
        'Dahl said the repairs "will take the whole winter."'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Sigrid Dahl"]
    assert _names(text) == ["Sigrid Dahl"]


def test_a_mans_title_means_the_man_of_a_shared_surname():
    text = (
        "Tormod Lie, the shipowner, spoke on Monday.\n\n"
        "Critics say he cheated his former wife, Ingvild Lie, which he denies.\n\n"
        'Mr. Lie said he was "the right man for the fleet."'
    )
    assert extract_quotes(text)[-1].speaker == "Tormod Lie"
    assert "Ingvild Lie" not in _names(text)
