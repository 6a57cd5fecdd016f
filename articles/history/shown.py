"""An event in words, for the history pages: who, what, and each change before → after."""

from __future__ import annotations

from dataclasses import dataclass, field

from articles.history.models import HistoryEvent
from articles.models import Speaker, StanceTarget

KIND_LABELS = {
    "quote.created": "Quote created",
    "quote.edited": "Quote edited",
    "quote.deleted": "Quote deleted",
    "quote.restored": "Quote restored (undo)",
    "suggestion.accepted": "Suggestion accepted",
    "suggestion.corrected": "Suggestion corrected",
    "suggestion.rejected": "Suggestion rejected",
    "gold.taken": "Gold version taken",
    "gold.added": "Gold quote added",
    "gold.edited": "Gold quote edited",
    "gold.removed": "Gold quote removed",
    "gold.dropped": "Group dropped (not a quote)",
    "gold.reset": "Group decision undone",
    "assignment.created": "Assigned",
    "assignment.status": "Assignment status",
    "suggestions.added": "Suggestions added",
    "adjudication.finished": "Adjudication finished",
    "adjudication.reopened": "Adjudication reopened",
    "adjudication.deleted": "Adjudication deleted (admin)",
    "assignment.deleted": "Assignment deleted (admin)",
    "speaker.merged": "Speakers merged",
    "speaker.renamed": "Speaker renamed",
    "speaker.edited": "Speaker described",
    "speaker.confirmed": "Speaker confirmed",
    "speaker.alias_added": "Alias added",
    "speaker.alias_removed": "Alias removed",
    "flag.raised": "Flag raised",
    "flag.answered": "Flag answered",
    "flag.resolved": "Flag resolved",
    "articles.imported": "Articles imported",
    "project.created": "Project created",
    "project.edited": "Project settings changed",
    "member.added": "Member added",
    "member.removed": "Member removed",
    "target.added": "Stance target added",
    "target.removed": "Stance target removed",
}


@dataclass
class Change:
    name: str
    before: str
    after: str


@dataclass
class ShownEvent:
    event: HistoryEvent
    label: str
    who: str
    via: str  # the token, request or job it came from
    changes: list[Change] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)


def shown_page(events: list[HistoryEvent]) -> list[ShownEvent]:
    """The events for a template (their actors read already: ``reads.with_actors``), the
    speakers and targets they name by id looked up in two queries."""
    speakers, targets = set(), set()
    for event in events:
        for state in _states(event.payload):
            if state.get("speaker"):
                speakers.add(state["speaker"])
            targets.update(int(target) for target in state.get("stances") or {})
    names = {
        "speaker": dict(Speaker.objects.filter(pk__in=speakers).values_list("pk", "name"))
        if speakers
        else {},
        "stances": dict(StanceTarget.objects.filter(pk__in=targets).values_list("pk", "name"))
        if targets
        else {},
    }
    return [_shown(event, names) for event in events]


def _states(payload: dict) -> list[dict]:
    """The quote states an event's payload holds, whole or as one changed field each."""
    states = [payload["quote"]] if isinstance(payload.get("quote"), dict) else []
    for name, values in (payload.get("changes") or {}).items():
        states += [{name: value} for value in values]
    return states


def _shown(event: HistoryEvent, names: dict) -> ShownEvent:
    payload = event.payload
    changes = [
        Change(name, _plain(name, before, names), _plain(name, after, names))
        for name, (before, after) in payload.get("changes", {}).items()
    ]
    if "status" in payload:
        changes.append(Change("status", *payload["status"]))
    if "name" in payload:
        changes.append(Change("name", *payload["name"]))
    details = [
        (name, _plain(name, value, names))
        for name, value in (payload.get("quote") or {}).items()
        if name in ("text", "kind", "speaker", "stances", "origin") and value not in (None, {})
    ]
    via = [
        f"token “{event.token}”" if event.token else "",
        f"job {event.job_id}" if event.job_id else "",
        f"request {event.request_id[:12]}" if event.request_id else "",
    ]
    return ShownEvent(
        event=event,
        label=KIND_LABELS.get(event.kind, event.kind),
        who=event.actor_name,
        via=", ".join(part for part in via if part),
        changes=changes,
        details=details,
    )


def _plain(name: str, value, names: dict) -> str:
    if value is None:
        return "—"
    if name == "speaker":
        # A speaker merged away since: its merge event has its name.
        return names["speaker"].get(value, f"speaker #{value}")
    if name == "stances" and isinstance(value, dict):
        return (
            ", ".join(
                f"{names['stances'].get(int(target), f'target #{target}')}: {label}"
                for target, label in value.items()
            )
            or "—"
        )
    if name == "cue" and isinstance(value, list):
        return f"{value[0]}–{value[1]}"
    return str(value)
