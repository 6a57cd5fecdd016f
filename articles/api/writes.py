"""API writes: articles in bulk (admins), quotes in bulk (annotators into their own set;
reviewers and admins as model suggestions), and one quote's change or removal under its
version. Validation is the workspace's and the importer's; every write is all or nothing.
"""

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import (
    APIException,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.annotation.forms import JudgeSuggestionsForm, QuoteForm
from articles.annotation.workspace import project_targets, quote_state
from articles.api.filters import MAX_ID
from articles.api.parsers import JSONLinesParser, JSONParser
from articles.api.scopes import may_annotate, may_suggest
from articles.api.serializers import QuoteSerializer
from articles.assignments import set_assignment_status
from articles.exchange.importing import ImportProblem, import_articles
from articles.exchange.records import InvalidRecord, record_from_mapping
from articles.models import Article, Assignment, Project, Quote
from articles.permissions import article_access, assignment_of
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


class Refused(APIException):
    """The request is valid, but the article's state forbids it (a done or skipped set,
    suggestions still waiting, an adjudication under way): 409, nothing written."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class ArticleImportView(APIView):
    """Admins add articles: a JSON array or JSONL, validated like ``import_articles``."""

    parser_classes = [JSONParser, JSONLinesParser]
    # The body is read only after the staff check below (request.data), up to this cap.
    body_limit_setting = "ARTICLE_IMPORT_MAX_BYTES"

    @extend_schema(request=OpenApiTypes.OBJECT, responses={201: OpenApiTypes.OBJECT})
    def post(self, request, slug):
        project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
        if not request.user.is_staff:
            raise PermissionDenied("Only admins add articles.")
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
        try:
            result = import_articles(project=project, records=records)
        except ImportProblem as problem:
            named: dict[str, list[str]] = {}
            for error in problem.errors:  # each record's line is its place in the body, from 1
                named.setdefault(f"[{error.line - 1}].{error.field}", []).append(error.message)
            raise ValidationError(named) from None
        return Response({**result.counts(), "errors": 0}, status=status.HTTP_201_CREATED)


class ArticleQuotesView(APIView):
    """Add several quotes to an article in one request, all or nothing."""

    takes_suggestions = True  # a token of scope "suggest" may post here

    @extend_schema(request=OpenApiTypes.OBJECT, responses={201: OpenApiTypes.OBJECT})
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
        targets = project_targets(article.project)
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
        stored, copies = add_suggestions(article=article, items=inputs, source=str(model))
        return Response({"suggestions": stored, "copies": copies}, status=status.HTTP_201_CREATED)


class QuoteChanges:
    """Change or remove one of your quotes, naming the version you read (409 if stale).
    Mixed into the quotes viewset as PATCH and DELETE on ``quotes/{id}/``."""

    @extend_schema(request=OpenApiTypes.OBJECT, responses=QuoteSerializer)
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
            "stances": [
                {"target": t.target.name, "label": t.label}
                for t in quote.stances.select_related("target")
            ],
            **{k: v for k, v in body.items() if k != "version"},
        }
        data = _quote_input(quote.article, project_targets(quote.article.project), merged, "quote")
        try:
            updated = update_quote(quote=quote, version=body["version"], data=data)
        except QuoteConflict as conflict:
            return _conflict(conflict)
        except AssignmentClosed as closed:
            raise Refused(str(closed)) from None
        prefetch_related_objects([updated], "stances__target")
        return Response(QuoteSerializer(updated).data)

    @extend_schema(
        parameters=[OpenApiParameter("version", int, required=True)], responses={204: None}
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
        answer for both, a 409, so it tells nobody whether another's quote exists)."""
        quote = (
            Quote.objects.filter(pk=quote_id, annotator=request.user)
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

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request, article_id):
        return Response(_status_body(self._assignment(request, article_id)))

    @extend_schema(request=OpenApiTypes.OBJECT, responses={200: OpenApiTypes.OBJECT})
    def post(self, request, article_id):
        assignment = self._assignment(request, article_id)
        if not may_annotate(request):
            raise PermissionDenied("This token may only post suggestions.")
        wanted = request.data.get("status") if isinstance(request.data, dict) else None
        if wanted not in (Assignment.Status.DONE, Assignment.Status.IN_PROGRESS):
            raise ValidationError({"status": "must be done or in_progress"})
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

    @extend_schema(request=OpenApiTypes.OBJECT, responses={200: OpenApiTypes.OBJECT})
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
        body = request.data if isinstance(request.data, dict) else {}
        action, ids = body.get("action"), body.get("quotes")
        if action not in ("accept", "reject"):
            raise ValidationError({"action": "must be accept or reject"})
        if isinstance(ids, list) and len(ids) > JudgeSuggestionsForm.MAX_QUOTES:
            raise ValidationError(
                {"quotes": f"at most {JudgeSuggestionsForm.MAX_QUOTES:,} quotes at once"}
            )
        if (
            not isinstance(ids, list)
            or not ids
            or not all(
                isinstance(i, int) and not isinstance(i, bool) and 0 < i <= MAX_ID for i in ids
            )
        ):
            raise ValidationError({"quotes": "give a non-empty list of quote ids"})
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
    return {
        "article": assignment.article_id,
        "status": assignment.status,
        "started_at": assignment.started_at,
        "finished_at": assignment.finished_at,
    }


def _conflict(conflict):
    if conflict.current is None:
        detail = "The quote is not among yours any more (deleted elsewhere); nothing was saved."
        current = None
    else:
        detail = "The quote changed since you read it; nothing was saved."
        current = quote_state(conflict.current)
    return Response({"detail": detail, "current": current}, status=status.HTTP_409_CONFLICT)


def _quote_input(article, targets, item, where):
    """An API quote (JSON) checked by the workspace's own form, or a 400 naming the field.
    Only JSON scalars reach the form, which would take a list or an object for its repr."""
    if not isinstance(item, dict):
        raise ValidationError({where: "must be a JSON object"})
    data = {key: _scalar(item, key, kind, where) for key, kind in _QUOTE_SCALARS}
    speaker = item.get("speaker")
    if isinstance(speaker, dict):
        speaker = speaker.get("id", speaker.get("name"))
    if isinstance(speaker, int) and not isinstance(speaker, bool):
        data["speaker"] = speaker
    elif isinstance(speaker, str):
        data["speaker_name"] = speaker
        data["speaker_description"] = _scalar(item, "speaker_description", _STRING, where)
    elif speaker is not None:
        raise ValidationError({f"{where}.speaker": "give a speaker's id, a name, or null"})
    cue = item.get("cue")
    if isinstance(cue, dict):
        data["cue_start"] = _scalar(cue, "start", _NUMBER, f"{where}.cue")
        data["cue_end"] = _scalar(cue, "end", _NUMBER, f"{where}.cue")
    elif cue is not None:
        raise ValidationError({f"{where}.cue": 'give {"start": …, "end": …} or null'})
    data.update(_stances(item.get("stances"), targets, f"{where}.stances"))
    form = QuoteForm(
        {k: v for k, v in data.items() if v is not None}, article=article, targets=targets
    )
    if not form.is_valid():
        raise ValidationError(
            {
                f"{where}.{name}" if name != "__all__" else where: messages
                for name, messages in form.errors.items()
            }
        )
    return form.quote_input()


_NUMBER, _STRING = "a whole number", "a string"
_QUOTE_SCALARS = (("start", _NUMBER), ("end", _NUMBER), ("text", _STRING), ("kind", _STRING))


def _scalar(values: dict, key: str, kind: str, where: str):
    """``values[key]`` if it is missing, null or of ``kind``; else a 400 naming it."""
    value = values.get(key)
    if value is None or (
        isinstance(value, str)
        if kind == _STRING
        else isinstance(value, int) and not isinstance(value, bool)
    ):
        return value
    raise ValidationError({f"{where}.{key}": f"must be {kind}"})


def _stances(stances, targets, where) -> dict:
    """The form's ``stance-<target id>`` fields from ``[{"target": name, "label": label}]``."""
    if stances is None:
        return {}
    if not isinstance(stances, list):
        raise ValidationError({where: 'give a list of {"target": …, "label": …}'})
    by_name = {t.name.casefold(): t for t in targets}
    fields = {}
    for j, stance in enumerate(stances):
        if not isinstance(stance, dict):
            raise ValidationError({f"{where}[{j}]": "must be a JSON object"})
        name = _scalar(stance, "target", _STRING, f"{where}[{j}]")
        target = by_name.get((name or "").casefold())
        if target is None:
            raise ValidationError({f"{where}[{j}].target": "no such target here"})
        fields[f"stance-{target.pk}"] = _scalar(stance, "label", _STRING, f"{where}[{j}]") or ""
    return fields
