"""The speaker registry's shortcuts keep what it remembers as the plain code did: the
recent entities a pronoun may mean, in order, after any sequence of touches."""

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.extraction import registry as registries
from articles.extraction.entities import Entity

_PEOPLE = [Entity(name) for name in ("Ivar Lund", "Kari Holt", "Sigrid Dahl", "Nils Berg")]


def _touched_plainly(recent: list[Entity], entity: Entity) -> None:
    """The registry's touch before its shortcut: moved to the end, the oldest dropped."""
    if entity in recent:
        recent.remove(entity)
    recent.append(entity)
    if len(recent) > registries._RECENT:
        del recent[0]


@settings(max_examples=300)
@given(st.lists(st.integers(0, 80), max_size=400))
def test_touching_keeps_the_recent_entities_as_the_plain_code_did(touches):
    people = _PEOPLE + [Entity(f"Ivar Lund {i}") for i in range(77)]
    registry = registries.Registry()
    expected: list[Entity] = []
    for i in touches:
        registry._touch(people[i])
        _touched_plainly(expected, people[i])
        assert registry._recent == expected
        assert all(a is b for a, b in zip(registry._recent, expected, strict=True))


def test_touching_the_latest_entity_again_keeps_one_of_it():
    registry = registries.Registry()
    lund, holt = _PEOPLE[:2]
    for entity in (lund, holt, holt, lund, lund):
        registry._touch(entity)
    assert registry._recent == [holt, lund]
