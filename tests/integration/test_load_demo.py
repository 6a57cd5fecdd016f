import unicodedata
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import override_settings

from accounts.models import User
from articles.models import Article, Assignment, Project, Quote, Speaker

pytestmark = pytest.mark.django_db

DEMO_TABLES = [
    "articles.Suggestion",
    "articles.Quote",
    "articles.Project",
    "articles.Article",
    "articles.Speaker",
    "articles.SpeakerAlias",
    "articles.StanceTarget",
    "articles.Assignment",
    "accounts.User",
]


def snapshot():
    rows = {}
    for label in DEMO_TABLES:
        model = apps.get_model(label)
        # Password hashes are salted, and set only when a user is first created.
        rows[label] = sorted(tuple(sorted(row.items())) for row in model.objects.values())
    rows["members"] = sorted(Project.members.through.objects.values_list("project_id", "user_id"))
    rows["groups"] = sorted(User.groups.through.objects.values_list("user_id", "group_id"))
    return rows


@override_settings(DEBUG=True)
def test_load_demo_twice_gives_the_same_rows():
    out = StringIO()
    call_command("load_demo", stdout=out)
    first = snapshot()
    call_command("load_demo", stdout=StringIO())
    assert snapshot() == first
    assert "annotator1   demo-annotator1-pass" in out.getvalue()


@override_settings(DEBUG=True)
def test_demo_has_what_the_issue_asks_for(client):
    call_command("load_demo", stdout=StringIO())
    project = Project.objects.get(slug="nordic-energy-demo")
    texts = list(Article.objects.filter(project=project).values_list("text", flat=True))
    assert len(texts) >= 6
    everything = "\n".join(texts)
    assert "\n– " in everything  # dash-led quote paragraphs
    assert ", says " in everything
    assert "believes that" in everything  # indirect speech
    assert "“" in everything
    assert "”" in everything
    assert any(ord(ch) > 0xFFFF for ch in everything)  # an emoji
    assert any(unicodedata.name(ch, "").startswith(("CJK", "ARABIC")) for ch in everything)
    # A caption printed twice, back to back.
    assert any(
        para and para == nxt and "Photo:" in para
        for text in texts
        for para, nxt in zip(text.split("\n\n"), text.split("\n\n")[1:], strict=False)
    )
    # The misspelling in the text is an alias in the catalog.
    assert "Falkenburg" in everything
    assert Speaker.objects.filter(project=project).matching("Falkenburg").get().name == (
        "Ingrid Falkenberg"
    )
    roles = {user.username: user.role for user in User.objects.all()}
    assert roles == {
        "admin": "admin",
        "annotator1": "annotator",
        "annotator2": "annotator",
        "reviewer": "reviewer",
        "researcher": "researcher",
    }
    assert Assignment.objects.filter(annotator__username="annotator1").count() == len(texts)
    # Through the login form, as a person (and django-axes, which wants the request) would.
    answer = client.post(
        "/accounts/login/", {"username": "annotator1", "password": "demo-annotator1-pass"}
    )
    assert answer.status_code == 302
    # The engine's suggestions wait in both annotators' sets.
    suggested = Quote.objects.filter(origin="suggested", annotator__username="annotator1")
    assert suggested.count() >= 20


def test_load_demo_refuses_with_debug_off():
    with pytest.raises(CommandError, match="DEBUG=true, or with --force"):
        call_command("load_demo", stdout=StringIO())
    assert not Project.objects.exists()


def test_load_demo_runs_with_force():
    call_command("load_demo", "--force", stdout=StringIO())
    assert Project.objects.filter(slug="nordic-energy-demo").exists()
