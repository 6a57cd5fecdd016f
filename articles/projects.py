"""Projects as admins make them: a project's settings, its members and its stance targets.

Each write is keyword-only and atomic: it validates (``ProjectInvalid`` names each field
at fault), writes, and records its history event in the same transaction. The pages
(``articles.manage``) and the API (``articles.api.admin_writes``) call these alike.

Roles stay global (``accounts.roles``): a member of a project works in it in the role they
have everywhere; membership is per project.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.db.models.functions import Lower

from articles.history.record import by, changes, record
from articles.models import Assignment, Project, StanceLabel, StanceTarget

# The settings an admin sets, on creation and after (the slug only on creation: the
# pages' and the API's URLs and every export name the project by it).
SETTINGS = (
    "name",
    "description",
    "guidelines",
    "stance_labels",
    "annotators_per_article",
    "blind",
    "suggest_on_import",
    "researchers_suggest",
    "search_language",
    "attribution_scope",
)


class ProjectInvalid(Exception):
    """Nothing was written: ``errors`` maps each field at fault to its messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


def create_project(*, actor, slug: str, targets: list[str] = (), **settings) -> Project:
    """A new project with ``settings`` (names from ``SETTINGS``) and stance targets named
    ``targets``; ``actor`` made it."""
    _known(settings)
    project = Project(slug=slug, **settings)
    errors = _model_errors(project)
    names = [name.strip() for name in targets if name.strip()]
    if len({name.casefold() for name in names}) != len(names):
        errors.setdefault("targets", []).append("Each target may be named once.")
    if errors:
        raise ProjectInvalid(errors)
    with transaction.atomic():
        try:
            with transaction.atomic():
                project.save(force_insert=True)
        except IntegrityError:  # a rival request took the slug since the check
            raise ProjectInvalid({"slug": ["A project with this slug exists."]}) from None
        made = StanceTarget.objects.bulk_create(
            [StanceTarget(project=project, name=name) for name in names]
        )
        record(
            kind="project.created",
            project_id=project.pk,
            payload={
                "settings": {name: getattr(project, name) for name in ("slug", *SETTINGS)},
                "targets": [target.name for target in made],
            },
            **by(actor),
        )
    return project


def edit_project(*, project: Project, actor, **settings) -> Project:
    """Change the project's ``settings`` (names from ``SETTINGS``). A stance label that
    stances use cannot be taken away (they would name a label the project lacks)."""
    _known(settings)
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        before = {name: getattr(locked, name) for name in SETTINGS}
        for name, value in settings.items():
            setattr(locked, name, value)
        errors = _model_errors(locked)
        if "stance_labels" not in errors:
            refusal = labels_kept(locked, before["stance_labels"], locked.stance_labels)
            if refusal:
                errors["stance_labels"] = [refusal]
        if errors:
            raise ProjectInvalid(errors)
        after = {name: getattr(locked, name) for name in SETTINGS}
        changed = changes(before, after)
        if changed:
            locked.save(update_fields=list(changed))
            record(
                kind="project.edited",
                project_id=locked.pk,
                payload={"changes": changed},
                **by(actor),
            )
    return locked


def add_members(*, project: Project, users, actor) -> list:
    """Make ``users`` members of the project (those already members stay as they are);
    the ones newly added, in the order given."""
    users = list(users)
    inactive = [user.get_username() for user in users if not user.is_active]
    if inactive:
        raise ProjectInvalid({"users": [f"Not active: {', '.join(inactive)}."]})
    with transaction.atomic():
        Project.objects.select_for_update().filter(pk=project.pk).get()
        present = set(
            project.members.filter(pk__in=[u.pk for u in users]).values_list("pk", flat=True)
        )
        added = [user for user in dict.fromkeys(users) if user.pk not in present]
        project.members.add(*added)
        for user in added:
            record(
                kind="member.added", project_id=project.pk, payload={"user": user.pk}, **by(actor)
            )
    return added


def remove_member(*, project: Project, user, actor) -> int:
    """Take ``user`` out of the project. Their quotes, assignments and adjudications stay
    (exports and agreement keep them); they no longer open the project. Returns how many
    of their assignments there are still open (hand them on from the Distribute page)."""
    with transaction.atomic():
        Project.objects.select_for_update().filter(pk=project.pk).get()
        if not project.members.filter(pk=user.pk).exists():
            raise ProjectInvalid({"user": [f"{user.get_username()} is not a member."]})
        project.members.remove(user)
        record(kind="member.removed", project_id=project.pk, payload={"user": user.pk}, **by(actor))
        return user.assignments.filter(
            article__project=project, status__in=list(Assignment.OPEN)
        ).count()


def add_target(*, project: Project, name: str, description: str = "", actor) -> StanceTarget:
    """A new stance target of the project."""
    target = StanceTarget(project=project, name=name.strip(), description=description.strip())
    errors = _model_errors(target, exclude=["project"])
    if (
        not errors
        and project.targets.annotate(lowered=Lower("name"))
        .filter(lowered=target.name.lower())
        .exists()
    ):
        errors["name"] = ["The project has a target with this name."]
    if errors:
        raise ProjectInvalid(errors)
    with transaction.atomic():
        try:
            with transaction.atomic():
                target.save(force_insert=True)
        except IntegrityError:
            raise ProjectInvalid({"name": ["The project has a target with this name."]}) from None
        record(
            kind="target.added",
            project_id=project.pk,
            payload={"target": target.pk, "name": target.name},
            **by(actor),
        )
    return target


def remove_target(*, target: StanceTarget, actor) -> None:
    """Delete a stance target no stance uses (one in use stays: its stances would go)."""
    with transaction.atomic():
        used = StanceLabel.objects.filter(target=target).count()
        if used:
            raise ProjectInvalid(
                {"target": [f"“{target.name}” has {used} stance{'s' * (used != 1)}: it stays."]}
            )
        payload = {"target": target.pk, "name": target.name}
        target.delete()
        record(kind="target.removed", project_id=target.project_id, payload=payload, **by(actor))


def _known(settings: dict) -> None:
    unknown = sorted(set(settings) - set(SETTINGS))
    if unknown:
        raise TypeError(f"not a project setting: {', '.join(unknown)}")


def _model_errors(instance, exclude=None) -> dict[str, list[str]]:
    """The model's own validation (field validators, CheckConstraints, the slug's
    uniqueness) as ``{field: messages}``."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as invalid:
        return {
            ("settings" if name == "__all__" else name): list(messages)
            for name, messages in invalid.message_dict.items()
        }
    return {}


def labels_kept(project: Project, before, after) -> str | None:
    """Why the project's stance labels cannot go from ``before`` to ``after`` (stances
    use one taken away), or None."""
    used = _labels_in_use(project, set(before) - set(after))
    if not used:
        return None
    return (
        "Stances use "
        + ", ".join(f"“{label}” ({n})" for label, n in sorted(used.items()))
        + ": keep these labels, or change those stances first."
    )


def _labels_in_use(project: Project, labels: set[str]) -> dict[str, int]:
    if not labels:
        return {}
    rows = (
        StanceLabel.objects.filter(target__project=project, label__in=labels)
        .values("label")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["label"]: row["n"] for row in rows}
