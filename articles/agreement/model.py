"""What the agreement engine reads: one annotator's quote on one article, as plain data."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

KINDS = frozenset({"direct", "indirect", "mixed"})


@dataclass(frozen=True, slots=True)
class Annotation:
    """One annotator's quote: code-point offsets (end exclusive), canonical speaker key
    (None = no speaker), kind, and the stance label per target (absent = not marked)."""

    id: int
    annotator: str
    start: int
    end: int
    speaker: Hashable | None
    kind: str
    stances: Mapping[str, str]

    def __post_init__(self) -> None:
        # An empty span would match nothing by overlap and everything would look missed.
        if not 0 <= self.start < self.end:
            raise ValueError(
                f"start/end: quote {self.id} spans {self.start}..{self.end}, "
                "which is not a non-empty range of the text"
            )
        if self.kind not in KINDS:
            raise ValueError(
                f"kind: quote {self.id} has kind {self.kind!r}, not direct, indirect or mixed"
            )
