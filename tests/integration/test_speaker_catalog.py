"""The speaker catalog page: reviewers and admins find speakers by name or alias, confirm
the engine's proposals, rename (the old name kept as an alias), describe, add and remove
spellings and merge duplicates; each change is one history event; refusals are a 400
with the reason on the speaker's row; annotators and researchers do not see the page;
and its queries do not grow with the speakers."""

import pytest
from django.urls import reverse

from articles.history.models import HistoryEvent
from articles.models import Quote, Speaker, SpeakerAlias
from tests.factories import SpeakerFactory, UserFactory
from tests.scenes import quote, team_scene

pytestmark = pytest.mark.django_db

TEXT = "– The quay is crumbling, says Jakub Godzimirksi. – The state must pay, says Siri Vold."


@pytest.fixture
def scene():
    made = team_scene(slug="havn", text=TEXT, speakers=("Jakub Godzimirski", "Siri Vold"))
    article = made.project.articles.get()
    made.misspelled = SpeakerFactory(project=made.project, name="Jakub Godzimirksi", proposed=True)
    quote(article, made.annotators[0], "The quay is crumbling", speaker=made.misspelled)
    quote(article, made.annotators[1], "The quay is crumbling", speaker=made.misspelled)
    quote(article, made.annotators[0], "The state must pay", speaker=made.speakers["Siri Vold"])
    return made


def url(name, *args):
    return reverse(f"articles:{name}", args=["havn", *args])


def page(client, scene, **query):
    client.force_login(scene.reviewer)
    response = client.get(url("speakers"), query)
    assert response.status_code == 200, response.content.decode()[:500]
    return response


def names(response):
    return [speaker.name for speaker in response.context["page"]]


def events(kind):
    return list(HistoryEvent.objects.filter(kind=kind).values_list("payload", flat=True))


def test_lists_every_speaker_with_quote_counts_and_the_total(client, scene):
    response = page(client, scene)
    counts = {s.name: s.quote_count for s in response.context["page"]}
    assert counts == {"Jakub Godzimirksi": 2, "Jakub Godzimirski": 0, "Siri Vold": 1}
    assert response.context["page"].paginator.count == 3
    assert "proposed" in response.content.decode()


def test_search_by_name_or_alias_and_filter_by_status(client, scene):
    SpeakerAlias.objects.create(speaker=scene.speakers["Siri Vold"], name="S. Vold")
    assert names(page(client, scene, q="s. vold")) == ["Siri Vold"]
    assert names(page(client, scene, q="godzimir")) == ["Jakub Godzimirksi", "Jakub Godzimirski"]
    assert names(page(client, scene, status="proposed")) == ["Jakub Godzimirksi"]
    assert names(page(client, scene, sort="-quotes"))[0] == "Jakub Godzimirksi"


def test_a_bad_filter_is_a_400_naming_it(client, scene):
    client.force_login(scene.reviewer)
    response = client.get(url("speakers"), {"status": "maybe"})
    assert response.status_code == 400
    assert "status" in response.content.decode()


def test_confirm_a_proposed_speaker(client, scene):
    client.force_login(scene.reviewer)
    response = client.post(url("speaker-confirm", scene.misspelled.pk))
    assert response.status_code == 302
    scene.misspelled.refresh_from_db()
    assert not scene.misspelled.proposed
    assert events("speaker.confirmed") == [
        {"speaker": scene.misspelled.pk, "name": "Jakub Godzimirksi"}
    ]


def test_rename_keeps_the_old_name_as_an_alias(client, scene):
    client.force_login(scene.reviewer)
    siri = scene.speakers["Siri Vold"]
    response = client.post(
        url("speaker-edit", siri.pk),
        {"name": "Siri Vold-Hansen", "description": "harbour master", "next": url("speakers")},
    )
    assert response.status_code == 302
    assert response["Location"] == url("speakers")
    siri.refresh_from_db()
    assert (siri.name, siri.description) == ("Siri Vold-Hansen", "harbour master")
    assert list(siri.aliases.values_list("name", flat=True)) == ["Siri Vold"]
    assert events("speaker.renamed") == [
        {
            "speaker": siri.pk,
            "name": ["Siri Vold", "Siri Vold-Hansen"],
            "description": ["", "harbour master"],
        }
    ]


def test_a_name_another_speaker_has_is_a_400_on_the_row_and_nothing_changes(client, scene):
    client.force_login(scene.reviewer)
    response = client.post(
        url("speaker-edit", scene.misspelled.pk),
        {"name": "jakub godzimirski", "description": "", "next": url("speakers") + "?q=jakub"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "merge the two instead" in body
    assert names(response) == ["Jakub Godzimirksi", "Jakub Godzimirski"]  # the page it came from
    assert Speaker.objects.get(pk=scene.misspelled.pk).name == "Jakub Godzimirksi"
    assert not HistoryEvent.objects.filter(kind__startswith="speaker.").exists()


def test_an_empty_name_is_a_400_naming_the_field(client, scene):
    client.force_login(scene.reviewer)
    response = client.post(url("speaker-edit", scene.misspelled.pk), {"name": " "})
    assert response.status_code == 400
    assert response.context["refused"]["errors"].keys() == {"name"}


def test_add_and_remove_an_alias(client, scene):
    client.force_login(scene.reviewer)
    siri = scene.speakers["Siri Vold"]
    assert client.post(url("alias-add", siri.pk), {"alias": "Vold"}).status_code == 302
    alias = siri.aliases.get()
    assert alias.name == "Vold"
    taken = client.post(url("alias-add", siri.pk), {"alias": "Jakub Godzimirski"})
    assert taken.status_code == 400
    assert "already names the speaker Jakub Godzimirski" in taken.content.decode()
    again = client.post(url("alias-add", siri.pk), {"alias": "VOLD"})
    assert again.status_code == 400
    assert client.post(url("alias-remove", siri.pk, alias.pk)).status_code == 302
    assert not siri.aliases.exists()
    assert [e["alias"] for e in events("speaker.alias_added")] == ["Vold"]
    assert [e["alias"] for e in events("speaker.alias_removed")] == ["Vold"]


def test_an_alias_of_another_speaker_cannot_be_removed_here(client, scene):
    client.force_login(scene.reviewer)
    other = SpeakerAlias.objects.create(speaker=scene.speakers["Siri Vold"], name="Vold")
    response = client.post(url("alias-remove", scene.misspelled.pk, other.pk))
    assert response.status_code == 404
    assert SpeakerAlias.objects.filter(pk=other.pk).exists()


def test_merge_moves_quotes_and_spellings(client, scene):
    client.force_login(scene.reviewer)
    right = scene.speakers["Jakub Godzimirski"]
    response = client.post(url("speaker-merge", scene.misspelled.pk), {"into": "jakub godzimirski"})
    assert response.status_code == 302
    assert not Speaker.objects.filter(pk=scene.misspelled.pk).exists()
    assert Quote.objects.filter(speaker=right).count() == 2
    assert list(right.aliases.values_list("name", flat=True)) == ["Jakub Godzimirksi"]
    assert [e["quotes"] for e in events("speaker.merged")] == [2]


def test_merge_into_nobody_or_itself_is_a_400(client, scene):
    client.force_login(scene.reviewer)
    nobody = client.post(url("speaker-merge", scene.misspelled.pk), {"into": "Ola Nordmann"})
    assert nobody.status_code == 400
    assert "No speaker of this project is called" in nobody.content.decode()
    itself = client.post(url("speaker-merge", scene.misspelled.pk), {"into": "Jakub Godzimirksi"})
    assert itself.status_code == 400
    assert Speaker.objects.filter(pk=scene.misspelled.pk).exists()


def test_annotators_and_outsiders_do_not_see_the_catalog(client, scene):
    client.force_login(scene.annotators[0])
    assert client.get(url("speakers")).status_code == 404
    assert client.post(url("speaker-confirm", scene.misspelled.pk)).status_code == 404
    stranger = UserFactory(username="stranger", role="reviewer")  # no member
    client.force_login(stranger)
    assert client.get(url("speakers")).status_code == 404
    assert Speaker.objects.get(pk=scene.misspelled.pk).proposed


def test_a_redirect_never_leaves_the_site(client, scene):
    client.force_login(scene.reviewer)
    response = client.post(
        url("speaker-confirm", scene.misspelled.pk), {"next": "https://evil.example/"}
    )
    assert response["Location"] == url("speakers")


def test_the_list_is_an_htmx_partial_for_the_filter_form(client, scene):
    client.force_login(scene.reviewer)
    response = client.get(url("speakers"), {"q": "vold"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="speaker-list">')
    assert "Siri Vold" in body
    assert response["Vary"].count("HX-Request") == 1


@pytest.mark.parametrize("extra", [0, 60])
def test_queries_do_not_grow_with_the_speakers(client, scene, extra, django_assert_max_num_queries):
    for n in range(extra):
        speaker = SpeakerFactory(project=scene.project, name=f"Person {n:03}")
        SpeakerAlias.objects.create(speaker=speaker, name=f"P. {n:03}")
    client.force_login(scene.reviewer)
    with django_assert_max_num_queries(9):
        response = client.get(url("speakers"))
    assert response.status_code == 200


def test_a_search_that_finds_nobody_says_so(client, scene):
    assert "No speaker matches." in page(client, scene, q="zebra").content.decode()
