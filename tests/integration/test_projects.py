"""Projects run in the app: the services of ``articles.projects`` and the pages of
``articles.manage`` (create and edit with the guidelines' preview, targets, members)."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from articles.extraction import Scope
from articles.history.models import HistoryEvent
from articles.models import Assignment, AttributionScope, Project, Quote, StanceLabel, StanceTarget
from articles.projects import (
    ProjectInvalid,
    add_members,
    add_target,
    create_project,
    edit_project,
    remove_member,
    remove_target,
)
from tests.factories import ArticleFactory, ProjectFactory, UserFactory
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss():
    return UserFactory(username="boss", is_staff=True)


@pytest.fixture
def admin_client(client, boss):
    force_verified_login(client, boss)
    return client


# Services


def test_create_project_with_targets_records_its_history(boss):
    project = create_project(
        actor=boss,
        slug="kyst",
        name="Kyst",
        guidelines="# Rules",
        stance_labels=["for", "against"],
        annotators_per_article=2,
        blind=False,
        targets=["Wind power", "Tolls"],
    )
    assert project.stance_labels == ["for", "against"]
    assert sorted(project.targets.values_list("name", flat=True)) == ["Tolls", "Wind power"]
    [event] = HistoryEvent.objects.filter(project=project)
    assert event.kind == "project.created"
    assert event.actor == boss
    assert event.payload["settings"]["annotators_per_article"] == 2


def test_create_project_names_each_field_at_fault_and_writes_nothing(boss):
    ProjectFactory(slug="kyst")
    with pytest.raises(ProjectInvalid) as caught:
        create_project(
            actor=boss,
            slug="kyst",
            name="",
            stance_labels=["only"],
            annotators_per_article=0,
            attribution_scope="parc",
            targets=["Tolls", "tolls"],
        )
    errors = caught.value.errors
    assert {"slug", "name", "stance_labels", "targets", "attribution_scope"} <= set(errors)
    assert Project.objects.count() == 1
    assert not HistoryEvent.objects.exists()


def test_edit_project_records_each_change_before_and_after(boss):
    project = ProjectFactory(slug="kyst", name="Kyst")
    edit_project(project=project, actor=boss, name="Kyst 2", blind=True, guidelines="Be kind.")
    project.refresh_from_db()
    assert project.name == "Kyst 2"
    [event] = HistoryEvent.objects.filter(project=project, kind="project.edited")
    assert event.payload["changes"] == {"name": ["Kyst", "Kyst 2"], "guidelines": ["", "Be kind."]}


def test_the_database_refuses_an_attribution_scope_the_engine_does_not_know(boss):
    project = ProjectFactory(slug="kyst")
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(attribution_scope="parc")


def test_the_project_scopes_are_the_engines():
    assert AttributionScope.values == [scope.value for scope in Scope]


def test_edit_project_without_a_change_records_nothing(boss):
    project = ProjectFactory(slug="kyst", name="Kyst")
    edit_project(project=project, actor=boss, name="Kyst")
    assert not HistoryEvent.objects.exists()


def test_a_stance_label_in_use_cannot_be_taken_away(boss):
    project = ProjectFactory(slug="kyst")
    target = StanceTarget.objects.create(project=project, name="Tolls")
    article = ArticleFactory(project=project, text="Tolls rise, she said.")
    quote = Quote.objects.create(
        article=article, annotator=boss, start=0, end=10, text=article.text[:10]
    )
    StanceLabel.objects.create(quote=quote, target=target, label="favor")
    with pytest.raises(ProjectInvalid) as caught:
        edit_project(project=project, actor=boss, stance_labels=["against", "neutral"])
    assert "“favor” (1)" in caught.value.errors["stance_labels"][0]
    project.refresh_from_db()
    assert project.stance_labels == ["favor", "against", "neutral"]
    edit_project(project=project, actor=boss, stance_labels=["favor", "against"])


def test_members_are_added_once_and_removed_with_their_work_kept(boss):
    project = ProjectFactory(slug="kyst")
    ann = UserFactory(username="ann", role="annotator")
    rev = UserFactory(username="rev", role="reviewer")
    assert add_members(project=project, users=[ann, rev], actor=boss) == [ann, rev]
    assert add_members(project=project, users=[ann], actor=boss) == []
    article = ArticleFactory(project=project)
    Assignment.objects.create(article=article, annotator=ann)
    Quote.objects.create(article=article, annotator=ann, start=0, end=3, text=article.text[:3])
    assert remove_member(project=project, user=ann, actor=boss) == 1
    assert list(project.members.all()) == [rev]
    assert Quote.objects.filter(annotator=ann).count() == 1
    kinds = list(HistoryEvent.objects.values_list("kind", "payload"))
    assert kinds == [
        ("member.added", {"user": ann.pk}),
        ("member.added", {"user": rev.pk}),
        ("member.removed", {"user": ann.pk}),
    ]
    with pytest.raises(ProjectInvalid):
        remove_member(project=project, user=ann, actor=boss)


def test_an_inactive_person_is_not_added(boss):
    project = ProjectFactory(slug="kyst")
    gone = UserFactory(username="gone", is_active=False)
    with pytest.raises(ProjectInvalid) as caught:
        add_members(project=project, users=[gone], actor=boss)
    assert caught.value.errors == {"users": ["Not active: gone."]}


def test_targets_are_added_once_and_removed_only_when_unused(boss):
    project = ProjectFactory(slug="kyst")
    target = add_target(project=project, name=" Tolls ", actor=boss)
    assert target.name == "Tolls"
    with pytest.raises(ProjectInvalid) as caught:
        add_target(project=project, name="TOLLS", actor=boss)
    assert "name" in caught.value.errors
    article = ArticleFactory(project=project, text="Tolls rise, she said.")
    quote = Quote.objects.create(
        article=article, annotator=boss, start=0, end=10, text=article.text[:10]
    )
    stance = StanceLabel.objects.create(quote=quote, target=target, label="favor")
    with pytest.raises(ProjectInvalid):
        remove_target(target=target, actor=boss)
    stance.delete()
    remove_target(target=target, actor=boss)
    assert not project.targets.exists()
    assert list(HistoryEvent.objects.values_list("kind", flat=True)) == [
        "target.added",
        "target.removed",
    ]


# Pages


def test_an_admin_makes_a_project_in_the_page(admin_client):
    page = admin_client.get(reverse("articles:project-create"))
    assert page.status_code == 200
    response = admin_client.post(
        reverse("articles:project-create"),
        {
            "name": "Kyst",
            "slug": "kyst",
            "guidelines": "*Quote* carefully",
            "stance_labels": "for, against, unclear",
            "annotators_per_article": 2,
            "blind": "on",
            "targets": "Tolls\nWind power\n",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("articles:members", args=["kyst"])
    project = Project.objects.get(slug="kyst")
    assert project.stance_labels == ["for", "against", "unclear"]
    assert project.blind
    assert not project.suggest_on_import
    assert project.targets.count() == 2


def test_the_project_page_names_the_fields_at_fault(admin_client):
    ProjectFactory(slug="kyst")
    response = admin_client.post(
        reverse("articles:project-create"),
        {"name": "X", "slug": "kyst", "stance_labels": "one", "annotators_per_article": 1},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "slug: Project with this Slug already exists." in page
    assert "stance_labels: Give at least two stance labels" in page


def test_the_guidelines_preview_renders_markdown_safely(admin_client):
    response = admin_client.post(
        reverse("articles:guidelines-preview"),
        {"guidelines": "**Bold** <script>alert(1)</script>"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert '<div id="guidelines-preview"' in body
    assert "<strong>Bold</strong>" in body
    assert "<script>" not in body


def test_an_admin_edits_settings_and_targets(admin_client):
    project = ProjectFactory(slug="kyst", name="Kyst")
    url = reverse("articles:project-edit", args=["kyst"])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert 'id="targets"' in page.content.decode()
    response = admin_client.post(
        url,
        {
            "name": "Kysten",
            "stance_labels": "favor, against",
            "annotators_per_article": 3,
            "attribution_scope": "wide",
        },
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.name, project.annotators_per_article, project.blind) == ("Kysten", 3, False)
    assert project.attribution_scope == "wide"
    added = admin_client.post(
        reverse("articles:target-add", args=["kyst"]),
        {"name": "Tolls"},
        headers={"HX-Request": "true"},
    )
    assert added.status_code == 200
    assert "Tolls" in added.content.decode()
    assert added["Vary"]
    assert "HX-Request" in added["Vary"]
    target = project.targets.get()
    removed = admin_client.post(
        reverse("articles:target-remove", args=["kyst", target.pk]),
        headers={"HX-Request": "true"},
    )
    assert removed.status_code == 200
    assert not project.targets.exists()


def test_the_members_page_adds_and_removes(admin_client, django_assert_max_num_queries):
    project = ProjectFactory(slug="kyst")
    people = [UserFactory(username=f"p{n}", role="annotator") for n in range(5)]
    project.members.add(*people[:3])
    for person in people[:3]:
        Assignment.objects.create(article=ArticleFactory(project=project), annotator=person)
    url = reverse("articles:members", args=["kyst"])
    admin_client.get(url)  # warm the session and the content types
    with django_assert_max_num_queries(12):
        page = admin_client.get(url)
    assert page.status_code == 200
    assert page.content.decode().count('data-testid="member"') == 3
    response = admin_client.post(url, {"users": ["p3", "p4"]})
    assert response.status_code == 302
    assert project.members.count() == 5
    response = admin_client.post(
        reverse("articles:member-remove", args=["kyst", people[0].pk]), follow=True
    )
    assert "their work stays" in response.content.decode()
    assert project.members.count() == 4


def test_the_members_page_refuses_someone_unknown(admin_client):
    ProjectFactory(slug="kyst")
    response = admin_client.post(reverse("articles:members", args=["kyst"]), {"users": ["nobody"]})
    assert response.status_code == 400
    assert "users: Select a valid choice" in response.content.decode()


def test_the_project_list_links_the_admins_pages(admin_client):
    ProjectFactory(slug="kyst")
    page = admin_client.get(reverse("articles:project-list")).content.decode()
    for url in (
        reverse("articles:project-create"),
        reverse("accounts:people"),
        reverse("articles:project-edit", args=["kyst"]),
        reverse("articles:members", args=["kyst"]),
    ):
        assert f'href="{url}"' in page


ADMIN_PAGES = [
    ("get", "articles:project-create", []),
    ("post", "articles:project-create", []),
    ("post", "articles:guidelines-preview", []),
    ("get", "articles:project-edit", ["kyst"]),
    ("post", "articles:project-edit", ["kyst"]),
    ("post", "articles:target-add", ["kyst"]),
    ("post", "articles:target-remove", ["kyst", 1]),
    ("get", "articles:members", ["kyst"]),
    ("post", "articles:members", ["kyst"]),
    ("post", "articles:member-remove", ["kyst", 1]),
]


@pytest.mark.parametrize(("method", "name", "args"), ADMIN_PAGES)
def test_no_one_but_admins_opens_the_project_pages(client, method, name, args):
    project = ProjectFactory(slug="kyst")
    reviewer = UserFactory(username="rev", role="reviewer")
    project.members.add(reviewer)
    client.force_login(reviewer)
    response = getattr(client, method)(reverse(name, args=args), {"name": "Taken over"})
    assert response.status_code == 403
    project.refresh_from_db()
    assert project.name != "Taken over"
    assert not HistoryEvent.objects.exists()
