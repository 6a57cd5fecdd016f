"""Names of laws, wars, movements, agreements and the like ('the Patriot Act', 'the Cold
War', 'the Paris Agreement'): they may be a sentence's subject, but no 'he' or 'she'
means them."""

from __future__ import annotations

from articles.extraction import gender as genders

# The last word of such a name: what kind of thing it is.
_THING_HEADS = frozenset(
    """act acts amendment effect war world republic movement program programme matter
    matters doctrine treaty accord accords agreement agreements pact deal plan convention
    bill law initiative""".split()
)


def names_a_thing(name: str) -> bool:
    """Whether ``name`` ends in a word naming a kind of thing and opens with no first
    name ('Ferguson Effect', but 'Ivar Act' could be a man's)."""
    words = name.split()
    return (
        len(words) >= 2
        and words[-1].casefold() in _THING_HEADS
        and not genders.of_first_name(words[0])
    )
