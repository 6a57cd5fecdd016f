"""A sentence that opens with a participle's phrase: the participle is no one, and the
subject after the phrase's comma says what it says. Each test fails with the rules as
they were before its fix (issue 14); the sentences are ours."""

from articles.extraction import Scope, extract_quotes


def test_a_long_opening_participle_is_no_speaker():
    # The comma after 'subsidy' lay too far for an opening phrase's, so 'Noting' was
    # taken for the subject and registered as someone.
    text = (
        "“We need both parties on board,” Lund said of the ferry bill on Monday. Noting "
        "that only Rep. Kari Berg (R-Ore.) voted with the Democrats on the ferry subsidy, "
        "Lund added: “That is the whole problem.”"
    )
    quote = next(q for q in extract_quotes(text, scope=Scope.WIDE) if q.text.startswith("that"))
    assert quote.speaker == "Lund"
