"""A participle after the main clause ('…, saying it was unfair') says what the
sentence's subject says. Where that subject is a place or a group's name before a role
and a name ('Vestby farmer Ivar Lund'), the person named speaks, not the place. Each
test fails with the rules as they were before its fix (issue 14); the sentences are ours."""

import pytest

from articles.extraction import Scope, extract_quotes


def _speaker_of(text: str, start: str, scope: Scope) -> str | None:
    return next(q for q in extract_quotes(text, scope=scope) if q.text.startswith(start)).speaker


@pytest.mark.parametrize("scope", [Scope.CLAUSES, Scope.WIDE])
@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        # An opening date and an apposition: read right before the fix too.
        (
            "On March 3, 2019, Ivar Lund, a farmer from Vestby, denounced the levy, "
            "saying it was unfair.",
            "it was unfair",
            "Ivar Lund",
        ),
        # 'Vestby', the place before the role, was taken for the whole subject.
        (
            "On March 3, 2019, Vestby farmer Ivar Lund denounced the levy, saying it was unfair.",
            "it was unfair",
            "Ivar Lund",
        ),
        (
            "Bergen teacher Kari Holt criticised the cuts, arguing that they would hurt "
            "the pupils.",
            "they would hurt",
            "Kari Holt",
        ),
        (
            "On Monday, Tromsø historian Sigrid Dahl questioned the plan, warning that the "
            "old harbour would be lost.",
            "the old harbour",
            "Sigrid Dahl",
        ),
    ],
)
def test_the_person_a_role_names_says_what_the_participle_says(text, start, speaker, scope):
    assert _speaker_of(text, start, scope) == speaker


def test_a_plural_subject_and_its_verb_are_not_read_as_a_role():
    # 'Farmers order' is a subject and its verb: the farmers speak, not Holt.
    text = "Vestby Farmers order Kari Holt to resign, saying she failed them."
    speakers = [q.speaker for q in extract_quotes(text, scope=Scope.CLAUSES)]
    assert "Kari Holt" not in speakers
