"""One validator for a quote, whoever sends it: ``check_quote`` checks a quote, already
parsed into Python values, against the article it points into. The workspace's
``QuoteForm`` parses form strings into those values, the API's ``QuoteWriteSerializer``
parses JSON; both call this, so a quote means the same from either side.

No forms, no serializers here: errors come back as ``QuoteInvalid.errors``, field names
mapped to messages (``None`` for an error of the whole quote).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from articles.models import Project, Speaker, StanceTarget
from articles.types import QuoteInput

# Set only when the value parsed: without them no quote can be made.
REQUIRED = ("start", "end", "text", "kind")


class QuoteInvalid(ValueError):
    """The quote does not fit its article; ``errors`` maps each field (``None``: the quote
    as a whole) to its messages. Empty when only fields that failed to parse are at fault:
    the parser has named them already."""

    def __init__(self, errors: dict[str | None, list[str]]):
        super().__init__("; ".join(f"{name}: {' '.join(m)}" for name, m in errors.items()))
        self.errors = errors


# How the database refuses a stance whose label its project lacks (migration 0025): the
# writers check labels first, but an admin may take one away before the stance commits.
STANCE_LABEL_REFUSED = "stance label is not one of the project's stance labels"


def stance_label_refused(error: Exception) -> bool:
    """Whether ``error`` (an IntegrityError) is that refusal, on either database."""
    return STANCE_LABEL_REFUSED in str(error)


def stance_label_gone(project_id: int) -> QuoteInvalid:
    """The refusal as ``QuoteInvalid``, naming the project's labels as they are now."""
    labels = Project.objects.filter(pk=project_id).values_list("stance_labels", flat=True).first()
    return QuoteInvalid(
        {
            "stances": [
                "A stance's label is no longer one of the project's labels (they changed "
                f"meanwhile): choose one of {', '.join(labels or [])}."
            ]
        }
    )


def stance_targets(project) -> list[StanceTarget]:
    """The project's stance targets, by name: what ``check_quote`` takes as ``targets``."""
    # Not by the model's ordering: it starts with the project, and would join its table.
    return list(StanceTarget.objects.filter(project_id=project.pk).order_by("name"))


def check_quote(article, targets: Sequence[StanceTarget], data: Mapping) -> QuoteInput:
    """``data`` checked against ``article`` (its project's ``targets``), as a ``QuoteInput``;
    raises ``QuoteInvalid`` otherwise.

    ``data`` holds what parsed: ``start``, ``end``, ``text``, ``kind`` (a missing one is
    skipped here and makes the quote invalid), and optionally ``speaker`` (an id),
    ``speaker_name``, ``speaker_description``, ``cue_start``, ``cue_end``,
    ``speaker_start``, ``speaker_end`` (where the text names the speaker) and ``stances``
    (target id -> label; an empty label is no stance). Offsets are code points; the text
    must be the article's, never silently corrected. One query, for a speaker id.
    """
    errors: dict[str | None, list[str]] = {}

    def error(name, message):
        errors.setdefault(name, []).append(message)

    text = article.text
    start, end = data.get("start"), data.get("end")
    if start is not None and end is not None:
        if end <= start:
            error("end", f"must be greater than start ({start}).")
        elif end > len(text):
            error("end", f"{end} is past the end of the article text ({len(text)} characters).")
        elif data.get("text") is not None and text[start:end] != data["text"]:
            error(
                "text",
                f"does not match the article at {start}–{end}: the article has "
                f"“{_preview(text[start:end])}”, the request “{_preview(data['text'])}”. "
                "Reload the page and select again.",
            )

    speaker = None
    speaker_id = data.get("speaker")
    if speaker_id is not None:
        speaker = next(
            iter(
                Speaker.objects.filter(project_id=article.project_id, pk=speaker_id).order_by()[:1]
            ),
            None,
        )
        if speaker is None:
            error("speaker", f"no speaker with id {speaker_id} in this project.")

    cue_start, cue_end = data.get("cue_start"), data.get("cue_end")
    if (cue_start is None) != (cue_end is None):
        error("cue_end", "give both ends of the cue, or neither.")
    elif cue_start is not None and (cue_end <= cue_start or cue_end > len(text)):
        error("cue_end", f"the cue {cue_start}–{cue_end} is not inside the text.")
    speaker_start, speaker_end = data.get("speaker_start"), data.get("speaker_end")
    if (speaker_start is None) != (speaker_end is None):
        error("speaker_end", "give both ends of the speaker's mention, or neither.")
    elif speaker_start is not None and (speaker_end <= speaker_start or speaker_end > len(text)):
        error(
            "speaker_end",
            f"the speaker's mention {speaker_start}–{speaker_end} is not inside the text.",
        )

    by_pk = {target.pk: target for target in targets}
    labels = article.project.stance_labels
    stances = {}
    for pk, label in (data.get("stances") or {}).items():
        target = by_pk.get(pk)
        if target is None:
            error(None, f"stance-{pk}: no such stance target in this project.")
        elif label and label not in labels:
            error(
                f"stance-{pk}",
                f"Select a valid choice. {label} is not one of the available choices.",
            )
        elif label:
            stances[target] = label

    if errors or any(data.get(name) is None for name in REQUIRED):
        raise QuoteInvalid(errors)
    return QuoteInput(
        start=start,
        end=end,
        text=data["text"],
        kind=data["kind"],
        speaker=speaker,
        new_speaker_name=" ".join((data.get("speaker_name") or "").split())
        if speaker is None
        else "",
        new_speaker_description=data.get("speaker_description") or "",
        cue_start=cue_start,
        cue_end=cue_end,
        stances=stances,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
    )


def _preview(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
