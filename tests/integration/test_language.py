"""The interface's language: the user's choice, else the browser's, else English; dates
and numbers follow it."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from articles.models import Assignment
from tests.factories import ArticleFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def annotator():
    user = UserFactory(username="kari", role="annotator")
    project = ProjectFactory(slug="kyst", name="Kyst")
    project.members.add(user)
    article = ArticleFactory(
        project=project, title="Brua", published_at=datetime(2026, 12, 5, tzinfo=UTC)
    )
    Assignment.objects.create(article=article, annotator=user)
    return user


def test_english_by_default(client, annotator):
    client.force_login(annotator)
    page = client.get(reverse("articles:queue", args=["kyst"])).content.decode()
    assert '<html lang="en">' in page
    assert "Next article" in page


def test_a_user_who_chose_norwegian_gets_it_whatever_the_browser_says(client, annotator):
    annotator.language = "nb"
    annotator.save()
    client.force_login(annotator)
    response = client.get(reverse("articles:queue", args=["kyst"]), HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert '<html lang="nb">' in page
    assert "Neste artikkel" in page
    assert "Logg ut" in page
    assert response["Content-Language"] == "nb"


def test_the_browser_decides_for_people_who_did_not_choose(client):
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="nb,en;q=0.5").content.decode()
    assert "Glemt passordet?" in page
    assert client.get(reverse("login")).content.decode().count("Forgot your password?") == 1


def test_the_language_page_saves_the_choice(client, annotator):
    client.force_login(annotator)
    page = client.get(reverse("accounts:language"))
    assert page.status_code == 200
    response = client.post(reverse("accounts:language"), {"language": "nb"}, follow=True)
    annotator.refresh_from_db()
    assert annotator.language == "nb"
    assert "Språket ditt er lagret." in response.content.decode()
    client.post(reverse("accounts:language"), {"language": ""})
    annotator.refresh_from_db()
    assert annotator.language == ""


def test_an_unknown_language_is_a_400_naming_the_field(client, annotator):
    client.force_login(annotator)
    response = client.post(reverse("accounts:language"), {"language": "xx"})
    assert response.status_code == 400
    assert "Language:" in response.content.decode()
    annotator.refresh_from_db()
    assert annotator.language == ""


def test_dates_and_plurals_follow_the_language(client, annotator):
    from accounts.models import ApiToken

    token, _ = ApiToken.objects.create(user=annotator, expiry=None, name="laptop", scope="read")
    ApiToken.objects.filter(pk=token.pk).update(created=datetime(2026, 12, 5, 12, tzinfo=UTC))
    client.force_login(annotator)
    assert "5 Dec 2026" in client.get(reverse("accounts:tokens")).content.decode()
    annotator.language = "nb"
    annotator.save()
    assert "5 Des 2026" in client.get(reverse("accounts:tokens")).content.decode()
    page = client.get(reverse("articles:project-list")).content.decode()
    assert "1 artikkel" in page
    # The script catalogue for the page's language is loaded, and gives Norwegian.
    assert "/jsi18n/?language=nb" in page
    catalogue = client.get("/jsi18n/?language=nb").content.decode()
    assert "Kopiert til utklippstavlen." in catalogue


def test_a_password_link_mail_speaks_the_recipients_language(django_capture_on_commit_callbacks):
    from django.core import mail

    from accounts import people

    admin = UserFactory(username="boss", is_staff=True)
    kari = UserFactory(username="kari", role="annotator", email="kari@example.org")
    kari.language = "nb"
    kari.save()
    link = people.LinkPlace(domain="annot.example.org", use_https=True)
    with django_capture_on_commit_callbacks(execute=True):
        people.send_password_link(user=kari, actor=admin, link=link)
    (sent,) = mail.outbox
    assert sent.subject == "Sett et nytt passord i newsannot"
    assert "Åpne denne lenken for å sette det" in sent.body
    assert "https://annot.example.org/" in sent.body
