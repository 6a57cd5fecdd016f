"""What the writes take and what they raise: ``QuoteInput`` (a quote checked against its
article, from the workspace's form, the API or the adjudication board) and the refusals
the views turn into messages and the API into status codes."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext, gettext_lazy, ngettext

from articles.models import Assignment, Quote, Speaker, StanceTarget


@dataclass(frozen=True)
class QuoteInput:
    """Everything a quote form carries, already checked against the article."""

    start: int
    end: int
    text: str
    kind: str
    speaker: Speaker | None = None
    new_speaker_name: str = ""
    new_speaker_description: str = ""
    cue_start: int | None = None
    cue_end: int | None = None
    stances: dict[StanceTarget, str] = field(default_factory=dict)
    speaker_start: int | None = None
    speaker_end: int | None = None


class QuoteConflict(Exception):
    """The quote changed since the caller read it; ``current`` is how it is now."""

    def __init__(self, current: Quote | None):
        super().__init__("the quote was changed or deleted elsewhere")
        self.current = current

    @classmethod
    def reading(cls, pk: int) -> QuoteConflict:
        """The conflict over quote ``pk``, with the quote as it stands now (or None)."""
        return cls(Quote.objects.with_stances().filter(pk=pk).first())


class DuplicateSpan(Exception):
    """The annotator already has a quote on exactly this span."""

    def __init__(self, existing: Quote):
        super().__init__("a quote on exactly this span exists already")
        self.existing = existing


class AssignmentClosed(Exception):
    """The annotator's set of this article is read-only: their assignment is done,
    skipped (handed to someone else), or missing."""

    MESSAGES = {
        Assignment.Status.DONE: gettext_lazy(
            "You marked this article done, so your quotes are read-only. Reopen it to change them."
        ),
        Assignment.Status.SKIPPED: gettext_lazy(
            "This article was handed to someone else, so your quotes are read-only."
        ),
        None: gettext_lazy("This article is not assigned to you."),
    }

    def __init__(self, status: str | None):
        super().__init__(str(self.MESSAGES.get(status, self.MESSAGES[None])))
        self.status = status


class SuggestionsWaiting(Exception):
    """Done was refused: engine suggestions still wait to be accepted or rejected."""

    def __init__(self, count: int):
        super().__init__(
            ngettext(
                "%(count)s suggestion still waits for you: accept (a) or reject (x) it, or "
                "all at once (Shift+A, Shift+X), then mark the article done.",
                "%(count)s suggestions still wait for you: accept (a) or reject (x) each, or "
                "all at once (Shift+A, Shift+X), then mark the article done.",
                count,
            )
            % {"count": count}
        )
        self.count = count


class ReopenRefused(Exception):
    """Reopen was refused: a reviewer has started adjudicating the article."""

    def __init__(self):
        super().__init__(
            gettext(
                "A reviewer has started adjudicating this article, so it cannot be reopened; "
                "ask them if something needs changing."
            )
        )
