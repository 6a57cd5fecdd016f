"""The demo project: sample articles, a speaker catalog, stance targets, one user per role."""

import json
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.roles import set_role
from articles.assignments import assign_articles, set_assignment_status
from articles.exchange.importing import import_articles
from articles.exchange.records import read_records, record_from_mapping, split_valid
from articles.models import Article, Project, Speaker, SpeakerAlias, StanceTarget
from articles.quotes import accept_suggestion, delete_quote, update_quote
from articles.suggestions import suggest_quotes
from articles.types import QuoteInput

DEMO_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    created: bool


@dataclass(frozen=True)
class DemoResult:
    project: Project
    articles_created: int
    logins: list[DemoLogin]


def load_demo() -> DemoResult:
    """Create or complete the demo project; running it again changes nothing."""
    catalog = json.loads((DEMO_DIR / "catalog.json").read_text(encoding="utf-8"))
    records, errors = split_valid(read_records(DEMO_DIR / "articles"))
    if errors:
        raise ValueError("the demo articles are invalid:\n" + "\n".join(map(str, errors)))
    records = [_with_source_fields(record, catalog["articles"]) for record in records]

    with transaction.atomic():
        fields = dict(catalog["project"])
        project, _ = Project.objects.update_or_create(slug=fields.pop("slug"), defaults=fields)
        for target in catalog["targets"]:
            StanceTarget.objects.update_or_create(
                project=project,
                name=target["name"],
                defaults={"description": target["description"]},
            )
        for entry in catalog["speakers"]:
            speaker, _ = Speaker.objects.update_or_create(
                project=project,
                name=entry["name"],
                defaults={"description": entry["description"]},
            )
            for alias in entry["aliases"]:
                SpeakerAlias.objects.get_or_create(speaker=speaker, name=alias)
        result = import_articles(project=project, records=records)
        logins = [_demo_user(entry) for entry in catalog["users"]]
        users = get_user_model().objects.filter(username__in=[u.username for u in logins])
        users = users.prefetch_related("groups")
        project.members.add(*users)
        annotators = [user for user in users if user.role == "annotator"]
        articles = list(Article.objects.filter(project=project).select_related("project"))
        assign_articles(articles=articles, annotators=annotators)
        # The engine's suggestions, waiting in both annotators' sets (idempotent).
        suggest_quotes(articles=articles)
        _finished_examples(articles[:2], sorted(annotators, key=lambda u: u.username))
    return DemoResult(project=project, articles_created=result.created, logins=logins)


def _finished_examples(articles, annotators) -> None:
    """Two articles both annotators have finished, differently, so that the dashboard
    and the adjudication board have something to show. Only untouched work is done."""
    for article in articles:
        for turn, annotator in enumerate(annotators):
            assignment = article.assignments.filter(annotator=annotator, status="todo").first()
            if assignment is None:
                continue
            suggested = list(article.quotes.filter(annotator=annotator, origin="suggested"))
            for index, quote in enumerate(suggested):
                if turn == 1 and index == len(suggested) - 1:
                    delete_quote(quote=quote, version=quote.version)  # rejected
                elif turn == 1 and index == 0:
                    data = QuoteInput(
                        start=quote.start,
                        end=quote.end,
                        text=quote.text,
                        kind="mixed" if quote.kind == "direct" else "direct",
                        speaker=quote.speaker,
                        cue_start=quote.cue_start,
                        cue_end=quote.cue_end,
                    )
                    update_quote(quote=quote, version=quote.version, data=data)
                else:
                    accept_suggestion(quote=quote, version=quote.version)
            assignment.refresh_from_db()
            set_assignment_status(assignment=assignment, status="done")


def _with_source_fields(record, sources: dict):
    source = sources.get(Path(record.path).name, {})
    # Validate the catalog's fields exactly as an import would.
    return record_from_mapping(
        {"title": record.title, "text": record.text, **source}, path=record.path, line=1
    )


def _demo_user(entry: dict) -> DemoLogin:
    User = get_user_model()
    user, created = User.objects.get_or_create(username=entry["username"])
    if created:
        user.set_password(entry["password"])
        user.email = f"{entry['username']}@example.org"
    is_admin = entry["role"] == "admin"
    user.is_staff = user.is_superuser = is_admin
    user.save()
    set_role(user=user, role="" if is_admin else entry["role"])
    return DemoLogin(entry["username"], entry["password"], entry["role"], created)
