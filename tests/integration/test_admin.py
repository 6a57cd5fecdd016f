import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from accounts.models import User
from articles.assignments import assign_articles
from articles.models import Adjudication, Article, Assignment, Speaker, StanceLabel
from tests.admin_forms import change_form_data
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    QuoteFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db

MODELS = [
    "project",
    "article",
    "speaker",
    "speakeralias",
    "stancetarget",
    "assignment",
    "quote",
    "stancelabel",
]


@pytest.fixture
def annotated():
    """One of everything, linked together."""
    quote = QuoteFactory()
    project = quote.article.project
    quote.speaker = SpeakerFactory(project=project)
    quote.speaker.aliases.create(name="Alias")
    quote.save()
    StanceLabel.objects.create(
        quote=quote, target=StanceTargetFactory(project=project), label="favor"
    )
    Assignment.objects.create(article=quote.article, annotator=quote.annotator)
    return quote


def article_form(article, *, text=None, **inlines):
    """What the admin's article page posts: the article's fields (``text`` changed, if
    given) and no inline rows unless ``inlines`` gives them."""
    return {
        "project": article.project_id,
        "title": article.title,
        "text": article.text if text is None else text,
        "metadata": "{}",
        "assignments-TOTAL_FORMS": 0,
        "assignments-INITIAL_FORMS": 0,
        "quotes-TOTAL_FORMS": 0,
        "quotes-INITIAL_FORMS": 0,
        **inlines,
    }


def suggested_article():
    """An article with one suggestion of the engine's and nobody assigned yet."""
    article = ArticleFactory(text="Vik says: “The harbour stays open.” That is all.")
    start, end = article.text.index("The harbour"), article.text.index("”")
    article.suggestions.create(
        start=start, end=end, text=article.text[start:end], kind="direct", confidence=0.9
    )
    return article


@pytest.mark.parametrize("model", MODELS)
def test_admin_pages_answer_for_an_admin(client, admin_user, annotated, model):
    force_verified_login(client, admin_user)
    app = "accounts" if model == "user" else "articles"
    changelist = client.get(reverse(f"admin:{app}_{model}_changelist"))
    assert changelist.status_code == 200
    obj = changelist.context["cl"].result_list[0]
    assert client.get(reverse(f"admin:{app}_{model}_change", args=[obj.pk])).status_code == 200
    searched = client.get(reverse(f"admin:{app}_{model}_changelist"), {"q": "x"})
    assert searched.status_code == 200


def test_user_admin_pages_answer_for_an_admin(client, admin_user, annotator):
    force_verified_login(client, admin_user)
    page = client.get(reverse("admin:accounts_user_changelist"))
    assert page.status_code == 200
    assert "annotator" in page.content.decode()
    assert client.get(reverse("admin:accounts_user_change", args=[annotator.pk])).status_code == 200


@pytest.mark.parametrize("role", ["annotator", "reviewer", "researcher"])
def test_admin_refuses_non_staff(client, annotated, role):
    client.force_login(UserFactory(role=role))
    for model in MODELS:
        response = client.get(reverse(f"admin:articles_{model}_changelist"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_admin_refuses_anonymous(client, annotated):
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 302


def test_admin_changes_a_users_role(client, admin_user, annotator):
    force_verified_login(client, admin_user)
    url = reverse("admin:accounts_user_change", args=[annotator.pk])
    form = client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "username": annotator.username,
            "role": "reviewer",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
            "groups": [],
            "user_permissions": [],
        }
    )
    data.pop("password", None)
    data.pop("last_login", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert User.objects.get(pk=annotator.pk).role == "reviewer"


def test_article_text_edit_is_refused_in_admin_once_quoted(client, admin_user, annotated):
    force_verified_login(client, admin_user)
    article = annotated.article
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.post(
        url,
        article_form(article, text=article.text + " more"),
    )
    assert response.status_code == 200
    assert "quotes point into it" in response.content.decode()
    assert Article.objects.get(pk=article.pk).text == article.text


def test_article_text_edit_is_refused_in_admin_while_suggestions_point_into_it(client, admin_user):
    """The engine's suggestions (made on import, before anyone is assigned) point into the
    text too: a changed text would leave them on the wrong words, and the annotators
    assigned later would get copies that do not match it."""
    article = suggested_article()
    force_verified_login(client, admin_user)
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(article, text="Edited: " + article.text),
    )
    assert response.status_code == 200
    assert "suggestions point into it" in response.content.decode()
    assert Article.objects.get(pk=article.pk).text == article.text
    annotator = UserFactory(role="annotator")
    assign_articles(articles=[article], annotators=[annotator])
    (copy,) = article.quotes.filter(annotator=annotator)
    assert article.text[copy.start : copy.end] == copy.text == "The harbour stays open."


def test_admin_keeps_a_stance_label_that_stances_use(client, admin_user, annotated):
    """As the project settings page and the API do: a stance that names a label the
    project lacks would be dropped by the next edit of its quote, and refused on import."""
    project = annotated.article.project
    force_verified_login(client, admin_user)
    url = reverse("admin:articles_project_change", args=[project.pk])
    data = change_form_data(client, url)
    data["members"] = list(project.members.values_list("pk", flat=True))
    data["stance_labels"] = '["against", "neutral"]'  # "favor" taken away
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Stances use “favor” (1)" in response.content.decode()
    project.refresh_from_db()
    assert project.stance_labels == ["favor", "against", "neutral"]
    data["stance_labels"] = '["favor", "against"]'  # "neutral" is used by no stance
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    project.refresh_from_db()
    assert project.stance_labels == ["favor", "against"]


def test_admin_adds_an_article_and_sets_its_hash(client, admin_user):
    project = ProjectFactory()
    force_verified_login(client, admin_user)
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "project": project.pk,
            "title": "Added",
            "text": "– Fresh words, says Ola.",
            "metadata": "{}",
            "assignments-TOTAL_FORMS": 0,
            "assignments-INITIAL_FORMS": 0,
            "quotes-TOTAL_FORMS": 0,
            "quotes-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    assert len(Article.objects.get(title="Added").text_sha256) == 64


def test_merge_action_asks_for_a_target_then_merges(client, admin_user):
    project = ProjectFactory()
    wrong = SpeakerFactory(project=project, name="Godzimirksi")
    right = SpeakerFactory(project=project, name="Jakub Godzimirski")
    force_verified_login(client, admin_user)
    url = reverse("admin:articles_speaker_changelist")
    page = client.post(url, {"action": "merge_into", ACTION_CHECKBOX_NAME: [wrong.pk]})
    assert page.status_code == 200
    assert "Merge into" in page.content.decode()
    done = client.post(
        url,
        {
            "action": "merge_into",
            ACTION_CHECKBOX_NAME: [wrong.pk],
            "apply": "Merge",
            "target": right.pk,
        },
    )
    assert done.status_code == 302
    assert list(Speaker.objects.values_list("name", flat=True)) == ["Jakub Godzimirski"]
    assert list(right.aliases.values_list("name", flat=True)) == ["Godzimirksi"]


def test_merge_action_refuses_speakers_of_two_projects(client, admin_user):
    first, second = SpeakerFactory(), SpeakerFactory()
    force_verified_login(client, admin_user)
    response = client.post(
        reverse("admin:articles_speaker_changelist"),
        {"action": "merge_into", ACTION_CHECKBOX_NAME: [first.pk, second.pk]},
        follow=True,
    )
    assert "Select speakers of one project" in response.content.decode()
    assert Speaker.objects.count() == 2


def test_assign_action_assigns_selected_articles_to_annotators(client, admin_user):
    project = ProjectFactory()
    articles = [ArticleFactory(project=project) for _ in range(2)]
    annotators = [UserFactory(role="annotator") for _ in range(2)]
    UserFactory(username="not-an-annotator", role="researcher")
    force_verified_login(client, admin_user)
    url = reverse("admin:articles_article_changelist")
    selected = [a.pk for a in articles]
    page = client.post(url, {"action": "assign_to_annotators", ACTION_CHECKBOX_NAME: selected})
    assert page.status_code == 200
    assert "not-an-annotator" not in page.content.decode()
    done = client.post(
        url,
        {
            "action": "assign_to_annotators",
            ACTION_CHECKBOX_NAME: selected,
            "apply": "Assign",
            "annotators": [u.pk for u in annotators],
        },
    )
    assert done.status_code == 302
    assert Assignment.objects.count() == 4
    assert set(project.members.all()) == set(annotators)


def test_user_admin_shows_the_role_and_no_groups_or_permissions_widget(
    client, admin_user, annotator
):
    force_verified_login(client, admin_user)
    page = client.get(reverse("admin:accounts_user_change", args=[annotator.pk]))
    html = page.content.decode()
    assert 'name="role"' in html
    assert 'name="groups"' not in html
    assert 'name="user_permissions"' not in html
    assert page.context["adminform"].form.initial["role"] == "annotator"


def test_admin_pages_link_the_sites_icon_so_the_browser_asks_for_no_favicon_ico(
    client, admin_user, annotated
):
    icon = '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
    assert icon in client.get(reverse("admin:login")).content.decode()
    force_verified_login(client, admin_user)
    for url in (
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[annotated.article.pk]),
        reverse("admin:accounts_user_changelist"),
    ):
        html = client.get(url).content.decode()
        assert html.count(icon) == 1, url


def _change_assignment(client, admin_user, assignment, status):
    force_verified_login(client, admin_user)
    return client.post(
        reverse("admin:articles_assignment_change", args=[assignment.pk]),
        {
            "article": assignment.article_id,
            "annotator": assignment.annotator_id,
            "status": status,
            "started_at_0": "",
            "started_at_1": "",
            "finished_at_0": "",
            "finished_at_1": "",
        },
    )


def test_admin_cannot_mark_done_an_assignment_whose_suggestions_wait(client, admin_user):
    """Done means a person judged every suggestion in the set: the admin's status field
    keeps the rule the annotator's Done button keeps."""
    article = suggested_article()
    annotator = UserFactory(role="annotator")
    assign_articles(articles=[article], annotators=[annotator])
    assignment = Assignment.objects.get(article=article, annotator=annotator)
    response = _change_assignment(client, admin_user, assignment, "done")
    assert response.status_code == 200
    assert "1 engine suggestion(s) wait for the annotator" in response.content.decode()
    assert Assignment.objects.get(pk=assignment.pk).status == "todo"
    article.quotes.filter(annotator=annotator).update(origin="accepted")
    response = _change_assignment(client, admin_user, assignment, "done")
    assert response.status_code == 302
    assert Assignment.objects.get(pk=assignment.pk).status == "done"


def test_admin_cannot_reopen_an_assignment_once_its_article_is_adjudicated(client, admin_user):
    article = ArticleFactory()
    annotator = UserFactory(role="annotator")
    assignment = Assignment.objects.create(article=article, annotator=annotator, status="done")
    Adjudication.objects.create(article=article, reviewer=UserFactory(role="reviewer"))
    response = _change_assignment(client, admin_user, assignment, "in_progress")
    assert response.status_code == 200
    assert "started adjudicating this article" in response.content.decode()
    assert Assignment.objects.get(pk=assignment.pk).status == "done"


def test_the_article_pages_assignment_rows_keep_the_done_rule_too(client, admin_user):
    article = suggested_article()
    annotator = UserFactory(role="annotator")
    assign_articles(articles=[article], annotators=[annotator])
    assignment = Assignment.objects.get(article=article, annotator=annotator)
    force_verified_login(client, admin_user)
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(
            article,
            **{
                "assignments-TOTAL_FORMS": 1,
                "assignments-INITIAL_FORMS": 1,
                "assignments-0-id": assignment.pk,
                "assignments-0-article": article.pk,
                "assignments-0-annotator": annotator.pk,
                "assignments-0-status": "done",
            },
        ),
    )
    assert response.status_code == 200
    assert "wait for the annotator" in response.content.decode()
    assert Assignment.objects.get(pk=assignment.pk).status == "todo"
