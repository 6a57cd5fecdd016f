"""``projects/{slug}/assignments/``: who annotates which article, read a page at a time,
and changed as the Distribute page and the admin's assign do, by the same services
(``articles.review.distribution``, ``articles.assignments``) and the same choice of people
(``articles.review.forms``), all or nothing.

Changes are for admins, like the Distribute page. Reading: admins, reviewers and
researchers see the project's assignments; an annotator sees only their own.
"""

import django_filters
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from accounts.roles import oversees
from articles.api.admin_writes import IsAdmin
from articles.api.assignment_serializers import (
    ACTIONS,
    ASSIGNMENTS_REQUEST,
    AssignmentsChangedSerializer,
    AssignmentSerializer,
)
from articles.api.filters import FilterSet, IdFilter
from articles.api.writes import validated_data
from articles.assignments import assign_articles
from articles.models import Assignment, Project
from articles.review.distribution import DistributionError, distribute, reassign_open_work
from articles.review.forms import AssignAnnotatorsForm, DistributeForm, ReassignForm

# Distribute and reassign choose among the project's active annotators, as the page does.
NOT_HERE = gettext_lazy("%(name)s is not an active annotator of this project")


class AssignmentFilter(FilterSet):
    annotator = django_filters.CharFilter(field_name="annotator__username")
    status = django_filters.ChoiceFilter(
        choices=[(status, status) for status in Assignment.Status.values]
    )
    article = IdFilter(field_name="article_id")

    class Meta:
        model = Assignment
        fields = []


class AssignmentsView(GenericAPIView):
    """A project's assignments, and the admins' distribute, assign and reassign."""

    queryset = Assignment.objects.none()  # for the schema; get_queryset is what serves
    serializer_class = AssignmentSerializer
    filterset_class = AssignmentFilter

    def get_queryset(self):
        project = self._project()
        assignments = Assignment.objects.filter(article__project=project)
        user = self.request.user
        if not (user.is_staff or oversees(user)):
            assignments = assignments.filter(annotator=user)
        # Not the article's text: a page of assignments needs only its title.
        return assignments.select_related("article", "annotator").only(
            "id",
            "article__title",
            "annotator__username",
            "status",
            "created_at",
            "started_at",
            "finished_at",
        )

    @extend_schema(responses={200: AssignmentSerializer(many=True)})
    def get(self, request, slug):
        """The assignments, a page at a time by id (``count=true`` adds the total)."""
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(AssignmentSerializer(page, many=True).data)

    @extend_schema(request=ASSIGNMENTS_REQUEST, responses={200: AssignmentsChangedSerializer})
    def post(self, request, slug):
        """Distribute, assign or reassign (admins), chosen by ``action``."""
        if not IsAdmin().has_permission(request, self):
            raise PermissionDenied(IsAdmin.message)
        project = self._project()
        body = request.data if isinstance(request.data, dict) else {}
        action = body.get("action")
        if not isinstance(action, str) or action not in ACTIONS:
            choices = ", ".join(ACTIONS)
            raise ValidationError(
                {"action": _("must be one of %(choices)s") % {"choices": choices}}
            )
        data = validated_data(ACTIONS[action], body)
        with transaction.atomic():
            try:
                result = getattr(self, f"_{action}")(project, data)
            except DistributionError as error:
                field, _sep, message = str(error).partition(": ")
                raise ValidationError({field if message else "detail": message or field}) from None
        return Response({"action": action, **result})

    def _project(self) -> Project:
        return get_object_or_404(
            Project.objects.visible_to(self.request.user), slug=self.kwargs["slug"]
        )

    def _distribute(self, project, data) -> dict:
        people = _people(
            DistributeForm(project=project), "annotators", data["annotators"], NOT_HERE
        )
        result = distribute(
            project=project,
            annotators=people,
            per_article=data["per_article"],
            actor=self.request.user,
        )
        return {"assigned": result.assigned, "articles": result.articles, "loads": result.loads}

    def _reassign(self, project, data) -> dict:
        form = ReassignForm(project=project)
        [leaving] = _people(
            form, "leaving", [data["leaving"]], _("%(name)s has no assignments in this project")
        )
        people = _people(form, "annotators", data["annotators"], NOT_HERE)
        result = reassign_open_work(
            project=project, leaving=leaving, annotators=people, actor=self.request.user
        )
        return {"assigned": result.assigned, "articles": result.articles, "loads": result.loads}

    def _assign(self, project, data) -> dict:
        people = _people(
            AssignAnnotatorsForm(),
            "annotators",
            data["annotators"],
            _("%(name)s is not an active annotator"),
        )
        ids = data["articles"]
        found = {a.pk: a for a in project.articles.filter(pk__in=ids).only("id", "project_id")}
        unknown = {f"articles[{i}]": [_("no such article in this project")] for i, pk in
                   enumerate(ids) if pk not in found}  # fmt: skip
        if unknown:
            raise ValidationError(unknown)
        made = assign_articles(
            articles=list(found.values()), annotators=people, actor=self.request.user
        )
        active = dict(
            Assignment.objects.filter(article__project=project, annotator__in=people)
            .exclude(status=Assignment.Status.SKIPPED)
            .values_list("annotator__username")
            .annotate(n=Count("id"))
            .order_by()
        )
        return {"assigned": made, "loads": {p.username: active.get(p.username, 0) for p in people}}


def _people(form, field: str, names: list[str], refusal: str) -> list:
    """The users named, in the order given, from those the page's ``form`` offers in
    ``field``; a 400 saying ``refusal`` of each name it does not offer."""
    offered = {u.username: u for u in form.fields[field].queryset.filter(username__in=names)}
    many = field == "annotators"
    unknown = {
        f"{field}[{i}]" if many else field: [refusal % {"name": name}]
        for i, name in enumerate(names)
        if name not in offered
    }
    if unknown:
        raise ValidationError(unknown)
    return list(dict.fromkeys(offered[name] for name in names))
