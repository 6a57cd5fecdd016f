"""The admins' API: make and change projects, their members and stance targets, and
people (one, or many from a CSV text). What the Project, Members and People pages do,
by the same services (``articles.projects``, ``accounts.people``), all or nothing.

Admins are staff; a token writes here if its scope is ``write`` (a ``read`` token only
reads, as everywhere: ``scopes.TokenScopePermission``).
"""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import people
from accounts.models import User
from articles.api import views
from articles.api.admin_serializers import (
    MemberRemovedSerializer,
    MembersAddSerializer,
    MembersChangedSerializer,
    PasswordLinkSentSerializer,
    PeopleCsvResultSerializer,
    PeopleCsvSerializer,
    PersonChangeSerializer,
    PersonCreateSerializer,
    PersonSerializer,
    ProjectChangeSerializer,
    ProjectCreateSerializer,
    ProjectSettingsSerializer,
    TargetCreateSerializer,
)
from articles.api.serializers import TargetSerializer
from articles.api.writes import validated_data
from articles.models import Assignment, Project
from articles.projects import (
    SETTINGS,
    ProjectInvalid,
    add_members,
    add_target,
    create_project,
    edit_project,
    remove_member,
)


class IsAdmin(BasePermission):
    message = "This is for admins."

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_staff)


def _invalid(errors: dict[str, list[str]]) -> ValidationError:
    return ValidationError(errors)


class ProjectViewSet(views.ProjectViewSet):
    """The projects' reads, and admins' ``POST projects/`` and ``PATCH projects/{slug}/``."""

    def get_permissions(self):
        extra = [IsAdmin()] if self.action in ("create", "partial_update") else []
        return [*super().get_permissions(), *extra]

    @extend_schema(request=ProjectCreateSerializer, responses={201: ProjectSettingsSerializer})
    def create(self, request):
        """A new project (admins)."""
        data = validated_data(ProjectCreateSerializer, request.data)
        settings = {name: data[name] for name in SETTINGS if name in data}
        try:
            project = create_project(
                actor=request.user, slug=data["slug"], targets=data.get("targets", []), **settings
            )
        except ProjectInvalid as invalid:
            raise _invalid(invalid.errors) from None
        return Response(self._settings(project), status=status.HTTP_201_CREATED)

    @extend_schema(request=ProjectChangeSerializer, responses={200: ProjectSettingsSerializer})
    def partial_update(self, request, slug=None):
        """Change a project's settings (admins); each change goes into its history."""
        project = self.get_object()
        data = validated_data(ProjectChangeSerializer, request.data)
        try:
            edit_project(project=project, actor=request.user, **data)
        except ProjectInvalid as invalid:
            raise _invalid(invalid.errors) from None
        return Response(self._settings(project))

    def _settings(self, project):
        fresh = self.get_queryset().get(pk=project.pk)
        return ProjectSettingsSerializer(fresh).data


def _admins_project(request, slug) -> Project:
    return get_object_or_404(Project, slug=slug)


def _members(project):
    open_work = Q(
        assignments__article__project=project, assignments__status__in=list(Assignment.OPEN)
    )
    return (
        project.members.with_role()
        .annotate(open_assignments=Count("assignments", filter=open_work))
        .order_by("username")
    )


class MembersView(APIView):
    """A project's members (admins): list, add by username, remove one (their work stays).
    Roles are global: a member works in the project in their role."""

    permission_classes = [*APIView.permission_classes, IsAdmin]

    @extend_schema(responses={200: PersonSerializer(many=True)})
    def get(self, request, slug):
        project = _admins_project(request, slug)
        return Response(PersonSerializer(_members(project), many=True).data)

    @extend_schema(request=MembersAddSerializer, responses={200: MembersChangedSerializer})
    def post(self, request, slug):
        project = _admins_project(request, slug)
        names = validated_data(MembersAddSerializer, request.data)["users"]
        found = {user.username: user for user in User.objects.filter(username__in=names)}
        unknown = {
            f"users[{i}]": ["no such user"] for i, name in enumerate(names) if name not in found
        }
        if unknown:
            raise _invalid(unknown)
        try:
            added = add_members(
                project=project, users=[found[name] for name in names], actor=request.user
            )
        except ProjectInvalid as invalid:
            raise _invalid(invalid.errors) from None
        body = {
            "added": [user.username for user in added],
            "members": PersonSerializer(_members(project), many=True).data,
        }
        return Response(body)

    @extend_schema(
        parameters=[OpenApiParameter("username", str, required=True)],
        responses={200: MemberRemovedSerializer},
    )
    def delete(self, request, slug):
        project = _admins_project(request, slug)
        username = request.query_params.get("username")
        if not username:
            raise ValidationError({"username": "is required: whom to remove"})
        user = User.objects.filter(username=username).first()
        if user is None:
            raise ValidationError({"username": "no such user"})
        try:
            still_open = remove_member(project=project, user=user, actor=request.user)
        except ProjectInvalid as invalid:
            raise ValidationError({"username": invalid.errors["user"]}) from None
        return Response({"removed": user.username, "open_assignments": still_open})


class TargetsView(APIView):
    """A project's stance targets: read by whoever sees the project, added by admins."""

    @extend_schema(responses={200: TargetSerializer(many=True)})
    def get(self, request, slug):
        project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
        targets = project.targets.select_related("project").order_by("name")
        return Response(TargetSerializer(targets, many=True).data)

    @extend_schema(request=TargetCreateSerializer, responses={201: TargetSerializer})
    def post(self, request, slug):
        if not request.user.is_staff:
            self.permission_denied(request, message=IsAdmin.message)
        project = _admins_project(request, slug)
        data = validated_data(TargetCreateSerializer, request.data)
        try:
            target = add_target(project=project, actor=request.user, **data)
        except ProjectInvalid as invalid:
            raise _invalid(invalid.errors) from None
        return Response(TargetSerializer(target).data, status=status.HTTP_201_CREATED)


class UsersView(GenericAPIView):
    """Everyone (admins), a page at a time by id; add one person, who is sent a link to
    set a password."""

    permission_classes = [*GenericAPIView.permission_classes, IsAdmin]
    serializer_class = PersonSerializer
    filterset_class = None

    def get_queryset(self):
        return User.objects.with_role()

    @extend_schema(responses={200: PersonSerializer(many=True)})
    def get(self, request):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(PersonSerializer(page, many=True).data)

    @extend_schema(request=PersonCreateSerializer, responses={201: PersonSerializer})
    def post(self, request):
        data = validated_data(PersonCreateSerializer, request.data)
        try:
            [user] = people.add_people(
                people=[people.NewPerson(**data)],
                actor=request.user,
                link=people.LinkPlace.of(request),
            )
        except people.PeopleInvalid as invalid:
            raise _invalid(invalid.errors) from None
        return Response(_person(user.pk), status=status.HTTP_201_CREATED)


class UserView(APIView):
    """One person (admins): read; change the role, deactivate or reactivate."""

    permission_classes = [*APIView.permission_classes, IsAdmin]

    @extend_schema(responses={200: PersonSerializer})
    def get(self, request, user_id):
        return Response(_person(_user(user_id).pk))

    @extend_schema(request=PersonChangeSerializer, responses={200: PersonSerializer})
    def patch(self, request, user_id):
        user = _user(user_id)
        data = validated_data(PersonChangeSerializer, request.data)
        try:
            people.change_person(
                user=user, actor=request.user, role=data.get("role"), active=data.get("is_active")
            )
        except people.PeopleInvalid as invalid:
            field = "role" if "role" in data else "is_active"
            raise ValidationError(
                {field: [m for ms in invalid.errors.values() for m in ms]}
            ) from None
        return Response(_person(user.pk))


class PasswordLinkView(APIView):
    """E-mail a person a link to set a new password (admins)."""

    permission_classes = [*APIView.permission_classes, IsAdmin]

    @extend_schema(request=None, responses={202: PasswordLinkSentSerializer})
    def post(self, request, user_id):
        user = _user(user_id)
        try:
            people.send_password_link(
                user=user, actor=request.user, link=people.LinkPlace.of(request)
            )
        except people.PeopleInvalid as invalid:
            raise _invalid(invalid.errors) from None
        return Response(
            {"detail": f"A link to set a new password is on its way to {user.email}."},
            status=status.HTTP_202_ACCEPTED,
        )


class PeopleCsvView(APIView):
    """Add people from a CSV text (username, email, role): all of them or, if any line is
    at fault, nobody (400 naming each line and field). ``dry_run`` checks only."""

    permission_classes = [*APIView.permission_classes, IsAdmin]

    @extend_schema(
        request=PeopleCsvSerializer,
        responses={200: PeopleCsvResultSerializer, 201: PeopleCsvResultSerializer},
    )
    def post(self, request):
        data = validated_data(PeopleCsvSerializer, request.data)
        try:
            rows = people.read_people_csv(data["csv"])
            if data["dry_run"]:
                errors = people.check_new_people(rows)
                if errors:
                    raise people.PeopleInvalid(errors)
                created = []
            else:
                created = people.add_people(
                    people=rows, actor=request.user, link=people.LinkPlace.of(request)
                )
        except people.PeopleInvalid as invalid:
            raise _invalid(invalid.errors) from None
        fresh = User.objects.with_role().filter(pk__in=[u.pk for u in created]).order_by("id")
        body = {
            "dry_run": data["dry_run"],
            "lines": [
                {"line": r.line, "username": r.username, "email": r.email, "role": r.role}
                for r in rows
            ],
            "created": PersonSerializer(fresh, many=True).data if created else [],
        }
        return Response(body, status=status.HTTP_200_OK if data["dry_run"] else 201)


def _user(user_id) -> User:
    return get_object_or_404(User, pk=user_id)


def _person(user_id) -> dict:
    return PersonSerializer(User.objects.with_role().get(pk=user_id)).data
