"""The speaker catalog's writes and look-ups: the speaker a quote names (found by name
or alias in any script's case, or created), and merging a duplicate into the right one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from articles.history.record import record
from articles.models import Speaker, SpeakerAlias

if TYPE_CHECKING:
    from articles.types import QuoteInput


def speaker_for(project, data: QuoteInput) -> Speaker | None:
    """The chosen speaker, or the one a typed name means, created if the catalog lacks it."""
    if data.speaker is not None or not data.new_speaker_name:
        return data.speaker
    name = data.new_speaker_name
    existing = find_speaker(project, name)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():  # a savepoint: a rival's insert must not end ours
            return Speaker.objects.create(
                project=project, name=name, description=data.new_speaker_description
            )
    except IntegrityError:
        # Someone created the same name since we looked (the unique constraint waited for
        # their commit): both quotes name that one speaker.
        existing = find_speaker(project, name)
        if existing is None:
            raise
        return existing


def find_speaker(project, name: str) -> Speaker | None:
    """The project's speaker that ``name`` (or an alias) means, ignoring case in every
    script, or None."""
    found = Speaker.objects.filter(project_id=project.pk).matching(name).order_by("pk").first()
    if found is None:
        found = Speaker.objects.filter(project=project).casefold_match(name)
    return found


def merge_speakers(*, source: Speaker, target: Speaker, actor=None) -> Speaker:
    """Move ``source``'s quotes and the engine's suggestions to ``target``, keep its names
    as aliases, delete it. The history names ``actor`` (None: a command)."""
    if source.pk == target.pk:
        raise ValidationError(gettext("A speaker cannot be merged into itself."))
    if source.project_id != target.project_id:
        raise ValidationError(
            f"“{source}” and “{target}” belong to different projects and cannot be merged."
        )
    with transaction.atomic():
        # Lock both rows so that two merges of the same pair cannot interleave.
        locked = Speaker.objects.select_for_update().in_bulk([source.pk, target.pk])
        if len(locked) != 2:
            raise ValidationError(gettext("One of the speakers no longer exists."))
        source, target = locked[source.pk], locked[target.pk]
        known = {target.name.casefold()}
        known.update(name.casefold() for name in target.aliases.values_list("name", flat=True))
        new_aliases = []
        for name in [source.name, *source.aliases.values_list("name", flat=True)]:
            if name.casefold() not in known:
                known.add(name.casefold())
                new_aliases.append(SpeakerAlias(speaker=target, name=name))
        source_aliases = list(source.aliases.values_list("name", flat=True))
        moved = source.quotes.update(speaker=target)
        # Else SET_NULL would strip the speaker from the copies later annotators get.
        source.suggestions.update(speaker=target)
        record(
            kind="speaker.merged",
            project_id=target.project_id,
            actor_id=actor and actor.pk,
            agent="" if actor else "command",
            payload={
                "source": {"id": source.pk, "name": source.name, "aliases": source_aliases},
                "target": {"id": target.pk, "name": target.name},
                "quotes": moved,
            },
        )
        source.delete()
        SpeakerAlias.objects.bulk_create(new_aliases)
        changed = []
        if not target.description and source.description:
            target.description = source.description
            changed.append("description")
        if not target.external_id and source.external_id:
            target.external_id = source.external_id
            changed.append("external_id")
        if changed:
            target.save(update_fields=changed)
    return target


def rename_speaker(*, speaker: Speaker, name: str, actor) -> Speaker:
    """Give the catalog entry a new name (the admin's change form saves the rest); the
    history keeps the old one. Returns the speaker, saved."""
    with transaction.atomic():
        before = (
            Speaker.objects.select_for_update().values_list("name", flat=True).get(pk=speaker.pk)
        )
        speaker.name = name
        speaker.save(update_fields=["name"])
        if before != name:
            record(
                kind="speaker.renamed",
                project_id=speaker.project_id,
                actor_id=actor and actor.pk,
                agent="" if actor else "command",
                payload={"speaker": speaker.pk, "name": [before, name]},
            )
    return speaker
