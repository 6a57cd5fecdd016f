"""API writes: articles in bulk (admins), quotes in bulk (annotators into their own set;
reviewers and admins as model suggestions), and one quote's change or removal under its
version. Validation is the workspace's and the importer's; every write is all or nothing.
"""

import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import (
    APIException,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.api import tool_imports
from articles.api.parsers import JSONLinesParser, JSONParser, ZipParser
from articles.api.scopes import may_annotate, may_suggest
from articles.api.serializers import (
    ArticleRecordSerializer,
    ArticlesImportedSerializer,
    AssignmentStatusSerializer,
    DetailSerializer,
    JudgeSuggestionsSerializer,
    QuoteBatchSerializer,
    QuoteChangeSerializer,
    QuoteConflictSerializer,
    QuotesCreatedSerializer,
    QuoteSerializer,
    QuoteStateSerializer,
    QuoteWriteSerializer,
    StatusChangeSerializer,
    SuggestionsJudgedSerializer,
    SuggestionsWaitingSerializer,
)
from articles.assignments import set_assignment_status
from articles.exchange.importing import ImportProblem, import_articles
from articles.exchange.records import InvalidRecord, record_from_mapping
from articles.models import Article, Assignment, Project, Quote
from articles.permissions import article_access, assignment_of, reads_only
from articles.quote_checks import QuoteInvalid, stance_targets
from articles.quotes import (
    add_suggestions,
    create_quotes,
    delete_quote,
    judge_waiting_suggestions,
    update_quote,
)
from articles.types import (
    AssignmentClosed,
    DuplicateSpan,
    QuoteConflict,
    ReopenRefused,
    SuggestionsWaiting,
)

_CONFLICT = OpenApiResponse(
    QuoteConflictSerializer,
    description="The quote changed since you read it ('current' shows it) or is gone "
    "('current' null); nothing was saved.",
)
_REFUSED = OpenApiResponse(
    DetailSerializer,
    description="The article's state forbids it (your set is done or skipped, or a listed "
    "suggestion no longer waits); nothing was saved.",
)


class Refused(APIException):
    """The request is valid, but the article's state forbids it (a done or skipped set,
    suggestions still waiting, an adjudication under way): 409, nothing written."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class ArticleImportView(APIView):
    """Admins add articles: a JSON array or JSONL, validated like ``import_articles``; or,
    with ``?format=``, another tool's file (doccano JSONL, Label Studio JSON; brat or CAS
    XMI files in a ZIP body), its labels mapped by ``label_map=NAME=ROLE`` and its quotes
    given to ``annotator`` (by default the admin who sends them)."""

    parser_classes = [JSONParser, JSONLinesParser, ZipParser]
    # The body is read only after the staff check below (request.data), up to this cap.
    body_limit_setting = "ARTICLE_IMPORT_MAX_BYTES"

    @extend_schema(
        parameters=[
            OpenApiParameter("format", str, enum=tool_imports.FORMATS),
            OpenApiParameter("label_map", str, many=True, description="NAME=ROLE"),
            OpenApiParameter("annotator", str, description="a username"),
        ],
        request=ArticleRecordSerializer(many=True),
        responses={201: ArticlesImportedSerializer},
    )
    def post(self, request, slug):
        project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
        if not request.user.is_staff:
            raise PermissionDenied("Only admins add articles.")
        format = request.query_params.get("format", "newsannot")
        if format not in tool_imports.FORMATS:
            raise ValidationError({"format": f"must be one of {', '.join(tool_imports.FORMATS)}"})
        if format != "newsannot":
            return self._import_from_tool(request, project, format)
        items = request.data
        if not isinstance(items, list):
            raise ValidationError({"body": "must be a JSON array or JSON lines of articles"})
        records, errors = [], {}
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                errors[f"[{number - 1}]"] = ["must be a JSON object"]
                continue
            try:
                records.append(record_from_mapping(item, path="body", line=number, exported=True))
            except InvalidRecord as error:
                errors[f"[{number - 1}].{error.field or 'record'}"] = [error.message]
        if errors:
            raise ValidationError(errors)
        return self._import(request, project, records)

    def _import_from_tool(self, request, project, format):
        username = request.query_params.get("annotator")
        annotator = request.user
        if username is not None:
            annotator = get_user_model().objects.filter(username=username).first()
            if annotator is None:
                raise ValidationError({"annotator": f"no user {username!r}"})
        with tempfile.TemporaryDirectory() as folder:
            records = tool_imports.tool_records(
                format,
                request.data,
                label_map=request.query_params.getlist("label_map"),
                folder=Path(folder),
            )
        return self._import(request, project, records, annotator=annotator)

    def _import(self, request, project, records, annotator=None):
        try:
            result = import_articles(
                project=project, records=records, actor=request.user, annotator=annotator
            )
        except ImportProblem as problem:
            named: dict[str, list[str]] = {}
            for error in problem.errors:  # each record's line is its place in the body, from 1
                named.setdefault(f"[{error.line - 1}].{error.field}", []).append(error.message)
            raise ValidationError(named) from None
        return Response({**result.counts(), "errors": 0}, status=status.HTTP_201_CREATED)


class ArticleQuotesView(APIView):
    """Add several quotes to an article in one request, all or nothing."""

    takes_suggestions = True  # a token of scope "suggest" may post here

    @extend_schema(
        request=QuoteBatchSerializer,
        responses={201: QuotesCreatedSerializer, 409: _REFUSED},
    )
    def post(self, request, article_id):
        # An annotator's assignment brings the article: one query on the common path.
        assignment = assignment_of(request.user, article_id)
        if assignment is not None:
            article = assignment.article
        else:
            article = get_object_or_404(
                Article.objects.visible_to(request.user).select_related("project"),
                pk=article_id,
            )
        body = request.data
        items = body.get("quotes") if isinstance(body, dict) else body
        if not isinstance(items, list) or not items:
            raise ValidationError({"quotes": "give a non-empty list of quotes"})
        limit = settings.API_MAX_QUOTES_PER_REQUEST
        if len(items) > limit:  # before any quote is validated: each costs a form
            raise ValidationError(
                {"quotes": f"at most {limit:,} a request, not {len(items):,}: send the rest after"}
            )
        origin = body.get("origin", "human") if isinstance(body, dict) else "human"
        if origin not in (Quote.Origin.HUMAN, Quote.Origin.SUGGESTED):
            raise ValidationError({"origin": "must be human or suggested"})
        if isinstance(body, dict) and not isinstance(body.get("model") or "", str):
            raise ValidationError({"model": "must be a string: the model's name"})
        # Before any validation work: a suggestion lands in every annotator's set.
        if origin == Quote.Origin.SUGGESTED and not may_suggest(request, article.project):
            raise PermissionDenied(
                "Only reviewers and admins post suggestions, and researchers where the project "
                "allows it; a token's scope never adds to its owner's role."
            )
        targets = stance_targets(article.project)
        inputs = [
            _quote_input(article, targets, item, f"quotes[{i}]") for i, item in enumerate(items)
        ]
        if origin == Quote.Origin.SUGGESTED:
            return self._suggest(request, article, inputs, body.get("model") or "api")
        if origin != Quote.Origin.HUMAN:
            raise ValidationError({"origin": "must be human or suggested"})
        if not may_annotate(request):
            raise PermissionDenied('This token may only post suggestions ("origin": "suggested").')
        access = article_access(request.user, article, assignment=assignment)
        if not access.is_assigned:
            raise PermissionDenied("This article is not assigned to you for annotation.")
        try:
            made = create_quotes(article=article, annotator=request.user, items=inputs)
        except AssignmentClosed as closed:
            raise Refused(str(closed)) from None
        except QuoteInvalid as invalid:  # a stance's label taken away meanwhile
            raise ValidationError(invalid.errors) from None
        except DuplicateSpan as duplicate:
            raise ValidationError(
                {
                    "quotes": f"you already have a quote at {duplicate.existing.start}–"
                    f"{duplicate.existing.end}, or the batch repeats it"
                }
            ) from None
        return Response({"created": [q.pk for q in made]}, status=status.HTTP_201_CREATED)

    def _suggest(self, request, article, inputs, model):
        """Call after ``may_suggest``: ``post`` asks it before validating anything."""
        stored, copies = add_suggestions(
            article=article, items=inputs, source=str(model), actor=request.user
        )
        return Response({"suggestions": stored, "copies": copies}, status=status.HTTP_201_CREATED)


class QuoteChanges:
    """Change or remove one of your quotes, naming the version you read (409 if stale).
    Mixed into the quotes viewset as PATCH and DELETE on ``quotes/{id}/``."""

    @extend_schema(request=QuoteChangeSerializer, responses={200: QuoteSerializer, 409: _CONFLICT})
    def partial_update(self, request, pk=None):
        quote = self._own(request, pk)
        if quote is None:
            return _conflict(QuoteConflict(None))
        body = request.data if isinstance(request.data, dict) else {}
        if not isinstance(body.get("version"), int):
            raise ValidationError({"version": "is required (the version you read)"})
        merged = {
            "start": quote.start,
            "end": quote.end,
            "text": quote.text,
            "kind": quote.kind,
            "speaker": quote.speaker_id,
            "cue": (
                {"start": quote.cue_start, "end": quote.cue_end}
                if quote.cue_start is not None
                else None
            ),
            "speaker_mention": (
                {"start": quote.speaker_start, "end": quote.speaker_end}
                if quote.speaker_start is not None
                else None
            ),
            "stances": [
                {"target": t.target.name, "label": t.label}
                for t in quote.stances.select_related("target")
            ],
            **{k: v for k, v in body.items() if k != "version"},
        }
        data = _quote_input(quote.article, stance_targets(quote.article.project), merged, "quote")
        try:
            updated = update_quote(quote=quote, version=body["version"], data=data)
        except QuoteConflict as conflict:
            return _conflict(conflict)
        except AssignmentClosed as closed:
            raise Refused(str(closed)) from None
        except QuoteInvalid as invalid:  # a stance's label taken away meanwhile
            raise ValidationError(invalid.errors) from None
        prefetch_related_objects([updated], "stances__target")
        return Response(QuoteSerializer(updated).data)

    @extend_schema(
        parameters=[OpenApiParameter("version", int, required=True)],
        responses={204: None, 409: _CONFLICT},
    )
    def destroy(self, request, pk=None):
        quote = self._own(request, pk)
        if quote is None:
            return _conflict(QuoteConflict(None))
        try:
            version = int(request.query_params["version"])
        except (KeyError, ValueError):
            raise ValidationError({"version": "is required (the version you read)"}) from None
        try:
            delete_quote(quote=quote, version=version)
        except QuoteConflict as conflict:
            return _conflict(conflict)
        except AssignmentClosed as closed:
            raise Refused(str(closed)) from None
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _own(self, request, quote_id) -> Quote | None:
        """The user's quote, or None: deleted by a rival request, or never theirs (one
        answer for both, a 409, so it tells nobody whether another's quote exists). A
        gold quote is the adjudication's, not the reviewer's own: the board changes it.
        Researchers read only (``article_access``), whatever quotes they made before."""
        if reads_only(request.user):
            raise PermissionDenied("Researchers read only: quotes are changed by their annotators.")
        quote = (
            Quote.objects.annotations()
            .filter(pk=quote_id, annotator=request.user)
            .select_related("article__project", "speaker")
            .first()
        )
        if quote is not None:
            quote.annotator = request.user
        return quote


class ArticleStatusView(APIView):
    """Your assignment of an article: GET its status; POST ``{"status": "done"}`` to mark
    it done (refused while suggestions wait) or ``"in_progress"`` to reopen it (refused
    once a reviewer has started adjudicating). The workspace's rules, to the letter."""

    @extend_schema(responses={200: AssignmentStatusSerializer})
    def get(self, request, article_id):
        return Response(_status_body(self._assignment(request, article_id)))

    @extend_schema(
        request=StatusChangeSerializer,
        responses={
            200: AssignmentStatusSerializer,
            409: OpenApiResponse(
                SuggestionsWaitingSerializer,
                description="Suggestions still wait (waiting_suggestions: how many), or "
                "the article is being adjudicated, or not yours to change.",
            ),
        },
    )
    def post(self, request, article_id):
        assignment = self._assignment(request, article_id)
        if not may_annotate(request):
            raise PermissionDenied("This token may only post suggestions.")
        wanted = validated_data(StatusChangeSerializer, request.data)["status"]
        try:
            assignment = set_assignment_status(assignment=assignment, status=wanted)
        except SuggestionsWaiting as waiting:
            return Response(
                {"detail": str(waiting), "waiting_suggestions": waiting.count},
                status=status.HTTP_409_CONFLICT,
            )
        except (ReopenRefused, AssignmentClosed) as refused:
            raise Refused(str(refused)) from None
        return Response(_status_body(assignment))

    def _assignment(self, request, article_id) -> Assignment:
        assignment = assignment_of(request.user, article_id)
        access = (
            article_access(request.user, assignment.article, assignment=assignment)
            if assignment is not None
            else None
        )
        if access is None or not access.is_assigned:
            raise NotFound(f"No article {article_id} assigned to you.")
        return assignment


class SuggestionsJudgeView(APIView):
    """Accept or reject several of your waiting suggestions at once, all or nothing:
    ``{"action": "accept" | "reject", "quotes": [ids]}``."""

    @extend_schema(
        request=JudgeSuggestionsSerializer,
        responses={200: SuggestionsJudgedSerializer, 409: _REFUSED},
    )
    def post(self, request, article_id):
        assignment = assignment_of(request.user, article_id)
        if (
            assignment is None
            or not article_access(
                request.user, assignment.article, assignment=assignment
            ).is_assigned
        ):
            raise NotFound(f"No article {article_id} assigned to you.")
        if not may_annotate(request):
            raise PermissionDenied("This token may only post suggestions.")
        judging = validated_data(JudgeSuggestionsSerializer, request.data)
        action, ids = judging["action"], judging["quotes"]
        try:
            judged = judge_waiting_suggestions(
                article=assignment.article,
                annotator=request.user,
                accept=action == "accept",
                quote_ids=ids,
            )
        except AssignmentClosed as closed:
            raise Refused(str(closed)) from None
        except QuoteConflict:
            raise Refused(
                "quotes: some are not waiting suggestions of yours (any more); nothing was saved."
            ) from None
        return Response({"judged": judged, "action": action})


def _status_body(assignment: Assignment) -> dict:
    return AssignmentStatusSerializer(assignment).data


def validated_data(serializer_class, data) -> dict:
    """``data`` parsed by ``serializer_class``, or a 400 naming each field."""
    if not isinstance(data, dict):
        data = {}
    serializer = serializer_class(data=data)
    if not serializer.is_valid():
        # One message a field, as a string (the shape these answers have always had).
        raise ValidationError(
            {
                name: messages[0] if len(messages) == 1 else messages
                for name, messages in _flat(serializer.errors, "")
            }
        )
    return serializer.validated_data


def _conflict(conflict):
    if conflict.current is None:
        detail = "The quote is not among yours any more (deleted elsewhere); nothing was saved."
        current = None
    else:
        detail = "The quote changed since you read it; nothing was saved."
        current = QuoteStateSerializer(conflict.current).data
    return Response({"detail": detail, "current": current}, status=status.HTTP_409_CONFLICT)


def _quote_input(article, targets, item, where):
    """An API quote (JSON) parsed by ``QuoteWriteSerializer`` and checked by the workspace's
    own validator (``check_quote``), or a 400 naming the field: ``quotes[0].cue.start``."""
    if not isinstance(item, dict):
        raise ValidationError({where: "must be a JSON object"})
    serializer = QuoteWriteSerializer(data=item, context={"article": article, "targets": targets})
    if not serializer.is_valid():
        raise ValidationError(dict(_flat(serializer.errors, where)))
    return serializer.validated_data


def _flat(errors, where):
    """DRF's nested errors as ``(path, messages)``: ``{"cue": {"start": [m]}}`` under
    ``quotes[0]`` is ``("quotes[0].cue.start", [m])``; an object's own errors are its path's."""
    if isinstance(errors, dict):
        for key, value in errors.items():
            if key == "non_field_errors":
                yield from _flat(value, where)
            elif isinstance(key, int):
                yield from _flat(value, f"{where}[{key}]")
            else:
                yield from _flat(value, f"{where}.{key}" if where else key)
    elif errors and all(isinstance(e, dict | list) for e in errors):
        for index, value in enumerate(errors):
            if value:
                yield from _flat(value, f"{where}[{index}]")
    else:
        yield where, [str(error) for error in errors]
