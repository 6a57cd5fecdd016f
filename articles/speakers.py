"""The speaker catalog's writes and look-ups: the speaker a quote names (found by name
or alias in any script's case, or created), and merging a duplicate into the right one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, When
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
    script, or None. The speaker so named comes first: names are unique in a project, but
    another speaker may have the name as an alias."""
    by_name = Case(When(name__iexact=name, then=0), default=1)
    found = (
        Speaker.objects.filter(project_id=project.pk)
        .matching(name)
        .annotate(by_name=by_name)
        .order_by("by_name", "pk")
        .first()
    )
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


def edit_speaker(*, speaker: Speaker, name: str, description: str, actor) -> Speaker:
    """The catalog page's edit: a new name (the old one becomes an alias, so the texts
    that spell it so still find the speaker) and a description. A name another speaker
    of the project has, as name or alias, is refused on ``name``."""
    name, description = name.strip(), description.strip()
    if not name:
        raise ValidationError({"name": gettext("A speaker needs a name.")})
    with transaction.atomic():
        speaker = Speaker.objects.select_for_update().get(pk=speaker.pk)
        before = {"name": speaker.name, "description": speaker.description}
        renamed = name != speaker.name
        if renamed:
            _refuse_taken(speaker, name, field="name")
            aliases = {a.casefold(): a for a in speaker.aliases.values_list("name", flat=True)}
            own = aliases.get(name.casefold())
            if own is not None:
                speaker.aliases.filter(name=own).delete()  # the alias becomes the name
            if (
                speaker.name.casefold() not in aliases
                and speaker.name.casefold() != name.casefold()
            ):
                SpeakerAlias.objects.create(speaker=speaker, name=speaker.name)
        speaker.name, speaker.description = name, description
        speaker.save(update_fields=["name", "description"])
        after = {"name": name, "description": description}
        changed = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
        if changed:
            record(
                kind="speaker.renamed" if renamed else "speaker.edited",
                project_id=speaker.project_id,
                actor_id=actor and actor.pk,
                agent="" if actor else "command",
                payload={"speaker": speaker.pk, **changed},
            )
    return speaker


def confirm_speaker(*, speaker: Speaker, actor) -> Speaker:
    """A speaker the engine proposed, confirmed as a catalog entry."""
    with transaction.atomic():
        updated = Speaker.objects.filter(pk=speaker.pk, proposed=True).update(proposed=False)
        if updated:
            record(
                kind="speaker.confirmed",
                project_id=speaker.project_id,
                actor_id=actor and actor.pk,
                agent="" if actor else "command",
                payload={"speaker": speaker.pk, "name": speaker.name},
            )
    speaker.proposed = False
    return speaker


def add_alias(*, speaker: Speaker, name: str, actor) -> SpeakerAlias:
    """Another spelling of the speaker's name. One that names another speaker of the
    project, or this one already, is refused on ``alias``."""
    name = name.strip()
    if not name:
        raise ValidationError({"alias": gettext("Write the other spelling of the name.")})
    with transaction.atomic():
        speaker = Speaker.objects.select_for_update().get(pk=speaker.pk)
        own = [speaker.name, *speaker.aliases.values_list("name", flat=True)]
        if name.casefold() in {n.casefold() for n in own}:
            raise ValidationError(
                {"alias": gettext("“%(name)s” already names this speaker.") % {"name": name}}
            )
        _refuse_taken(speaker, name, field="alias")
        alias = SpeakerAlias.objects.create(speaker=speaker, name=name)
        record(
            kind="speaker.alias_added",
            project_id=speaker.project_id,
            actor_id=actor and actor.pk,
            agent="" if actor else "command",
            payload={"speaker": speaker.pk, "alias": name},
        )
    return alias


def remove_alias(*, alias: SpeakerAlias, actor) -> None:
    """One spelling fewer; the speaker and its quotes stay."""
    with transaction.atomic():
        deleted, _ = SpeakerAlias.objects.filter(pk=alias.pk).delete()
        if deleted:
            record(
                kind="speaker.alias_removed",
                project_id=alias.speaker.project_id,
                actor_id=actor and actor.pk,
                agent="" if actor else "command",
                payload={"speaker": alias.speaker_id, "alias": alias.name},
            )


def _refuse_taken(speaker: Speaker, name: str, *, field: str) -> None:
    """Refuse ``name`` when another speaker of the project is called so (or has it as an
    alias): merging them is the way to say they are one."""
    others = Speaker.objects.filter(project_id=speaker.project_id).exclude(pk=speaker.pk)
    taken = others.matching(name).first() or others.casefold_match(name)
    if taken is not None:
        raise ValidationError(
            {
                field: gettext(
                    "“%(name)s” already names the speaker %(other)s: merge the two instead."
                )
                % {"name": name, "other": taken.name}
            }
        )
