"""A closing 'according to' names the source of a reported clause that no one named says
in its sentence (issue 14). Each test fails with the rules as they were before its fix;
the sentences are ours."""

from articles.extraction import Scope, extract_quotes


def test_a_closing_according_to_names_the_source_of_a_described_groups_clause():
    # The farmers, described and not named, were taken for no one at all.
    text = (
        "Several farmers backed the levy and won’t vote for Nils Berg, according to "
        "Sigrid Dahl, the county chair."
    )
    quote = next(q for q in extract_quotes(text, scope=Scope.WIDE) if q.text.startswith("the levy"))
    assert quote.speaker == "Sigrid Dahl"


def test_the_source_after_a_clause_stays_with_a_named_speakers_quotation():
    # Words in quotation marks keep the speaker their own attribution names.
    text = "“The levy is unfair,” Ivar Lund said, according to Kari Holt."
    quote = next(q for q in extract_quotes(text, scope=Scope.WIDE) if q.text.startswith("The levy"))
    assert quote.speaker == "Ivar Lund"
