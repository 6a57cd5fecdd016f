"""``articles.speakers`` against the real database: finding a speaker by name or alias,
and merging a duplicate into the right one."""

import pytest
from django.core.exceptions import ValidationError

from articles.models import Quote, Speaker, SpeakerAlias
from articles.speakers import find_speaker, merge_speakers
from tests.factories import ArticleFactory, ProjectFactory, SpeakerFactory, UserFactory

pytestmark = pytest.mark.django_db


def quote_by(speaker, article):
    return Quote.objects.create(
        article=article,
        annotator=UserFactory(),
        start=0,
        end=len(article.text),
        text=article.text,
        speaker=speaker,
    )


def test_merge_moves_quotes_and_keeps_names_as_aliases():
    project = ProjectFactory()
    misspelled = SpeakerFactory(project=project, name="Jakob Godzimirksi", description="NUPI")
    misspelled.aliases.create(name="Godzimirksi")
    right = SpeakerFactory(project=project, name="Jakob Godzimirski", external_id="Q1")
    right.aliases.create(name="Godzimirski")
    quote = quote_by(misspelled, ArticleFactory(project=project))

    merged = merge_speakers(source=misspelled, target=right)

    assert merged.pk == right.pk
    assert not Speaker.objects.filter(pk=misspelled.pk).exists()
    quote.refresh_from_db()
    assert quote.speaker_id == right.pk
    assert sorted(right.aliases.values_list("name", flat=True)) == [
        "Godzimirksi",
        "Godzimirski",
        "Jakob Godzimirksi",
    ]
    right.refresh_from_db()
    assert right.description == "NUPI"  # taken over because the target had none
    assert right.external_id == "Q1"
    assert list(Speaker.objects.filter(project=project).matching("godzimirksi")) == [right]


def test_find_speaker_by_name_or_alias_in_any_case_and_script():
    project = ProjectFactory()
    hakkinen = SpeakerFactory(project=project, name="Zoë Häkkinen")
    hakkinen.aliases.create(name="Häkkinen")
    berg = SpeakerFactory(project=project, name="Ola_Berg")
    SpeakerFactory(name="Olav Berg")  # another project's
    assert find_speaker(project, "zoë häkkinen") == hakkinen
    assert find_speaker(project, "HÄKKINEN") == hakkinen
    assert find_speaker(project, "ola_berg") == berg
    # Names are compared, never matched as patterns.
    assert find_speaker(project, "Ola%") is None
    assert find_speaker(project, "Ola_Ber_") is None
    assert find_speaker(project, "Olav Berg") is None


@pytest.mark.parametrize("name", ["Berg", "Støre"])
def test_find_speaker_prefers_the_speaker_so_named_to_one_with_the_name_as_an_alias(name):
    """A name is one speaker's (names are unique in a project); an alias may be another's
    too. The board's gold form names the speaker by name: an edit must keep the speaker."""
    project = ProjectFactory()
    full = SpeakerFactory(project=project, name=f"Ola {name}")
    full.aliases.create(name=name)
    named = SpeakerFactory(project=project, name=name)
    assert find_speaker(project, name) == named
    assert find_speaker(project, name.upper()) == named
    assert find_speaker(project, f"ola {name}") == full


def test_merge_does_not_duplicate_an_alias_the_target_already_has():
    project = ProjectFactory()
    source = SpeakerFactory(project=project, name="Hansen")
    target = SpeakerFactory(project=project, name="Arve Hansen")
    target.aliases.create(name="HANSEN")
    merge_speakers(source=source, target=target)
    assert list(target.aliases.values_list("name", flat=True)) == ["HANSEN"]


def test_merge_refuses_speakers_of_different_projects():
    source, target = SpeakerFactory(), SpeakerFactory()
    with pytest.raises(ValidationError, match="different projects"):
        merge_speakers(source=source, target=target)
    assert Speaker.objects.count() == 2


def test_merge_refuses_a_speaker_into_itself():
    speaker = SpeakerFactory()
    with pytest.raises(ValidationError):
        merge_speakers(source=speaker, target=speaker)
    assert SpeakerAlias.objects.count() == 0
