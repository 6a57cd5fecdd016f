"""Roles are auth groups with model permissions; the groups are created by a migration."""

from django.db import models, transaction


class Role(models.TextChoices):
    ANNOTATOR = "annotator", "Annotator"
    REVIEWER = "reviewer", "Reviewer"
    RESEARCHER = "researcher", "Researcher"


def oversees(user) -> bool:
    """Reviewers and researchers read their projects' work beyond their own (staff
    read everything on their own account)."""
    return getattr(user, "role", "") in (Role.REVIEWER, Role.RESEARCHER)


def reviews(user) -> bool:
    """Reviewers and admins review their projects' work: they adjudicate gold sets, read
    the team dashboard and post model suggestions."""
    return user.is_staff or getattr(user, "role", "") == Role.REVIEWER


def suggests(user, project=None) -> bool:
    """Whether the user may post model suggestions into the annotators' sets of
    ``project``: reviewers and admins anywhere, researchers where the project allows it
    (``Project.researchers_suggest``); without a project, in any project of theirs."""
    if reviews(user):
        return True
    if getattr(user, "role", "") != Role.RESEARCHER:
        return False
    if project is not None:
        return project.researchers_suggest
    return user.projects.filter(researchers_suggest=True).exists()


def set_role(*, user, role: str) -> None:
    """Make ``role`` (a ``Role`` value, or ``""`` for none) the user's only role group."""
    from django.contrib.auth.models import Group

    if role and role not in Role.values:
        raise ValueError(f"unknown role {role!r}; choose one of {', '.join(Role.values)}")
    with transaction.atomic():
        user.groups.remove(*Group.objects.filter(name__in=Role.values))
        if role:
            user.groups.add(Group.objects.get(name=role))
