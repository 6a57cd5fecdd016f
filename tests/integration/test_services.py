import pytest
from django.core.exceptions import ValidationError

from articles.assignments import assign_articles
from articles.models import Assignment, Quote, Speaker, SpeakerAlias
from articles.quotes import accept_suggestion, update_quote
from articles.speakers import find_speaker, merge_speakers
from articles.types import QuoteInput
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


def test_assign_articles_is_idempotent_and_adds_membership():
    project = ProjectFactory()
    articles = [ArticleFactory(project=project) for _ in range(3)]
    annotators = [UserFactory(role="annotator") for _ in range(2)]
    assert assign_articles(articles=articles, annotators=annotators) == 6
    assert assign_articles(articles=articles, annotators=annotators) == 0
    assert Assignment.objects.count() == 6
    assert set(project.members.all()) == set(annotators)
    assert all(a.status == Assignment.Status.TODO for a in Assignment.objects.all())


def _row(quote):
    return {field.attname: getattr(quote, field.attname) for field in Quote._meta.concrete_fields}


def test_update_and_accept_return_the_quote_as_stored():
    article = ArticleFactory(text="– Vi er klare, sier Ola Berg. Han mener at det går.")
    target = article.project.targets.create(name="Planen")
    speaker = SpeakerFactory(project=article.project)
    annotator = UserFactory()
    Assignment.objects.create(article=article, annotator=annotator)
    suggestion = Quote.objects.create(
        article=article, annotator=annotator, start=2, end=13, text="Vi er klare",
        origin="suggested",
    )  # fmt: skip
    data = QuoteInput(
        start=2, end=13, text="Vi er klare", kind="mixed", speaker=speaker,
        cue_start=15, cue_end=19, stances={target: "favor"},
    )  # fmt: skip
    updated = update_quote(quote=suggestion, version=1, data=data)
    assert _row(updated) == _row(Quote.objects.get(pk=suggestion.pk))
    assert (updated.origin, updated.version, updated.kind) == ("corrected", 2, "mixed")
    assert list(updated.stances.values_list("label", flat=True)) == ["favor"]

    other = Quote.objects.create(
        article=article, annotator=suggestion.annotator, start=30, end=51,
        text=article.text[30:51], origin="suggested",
    )  # fmt: skip
    accepted = accept_suggestion(quote=other, version=1)
    assert _row(accepted) == _row(Quote.objects.get(pk=other.pk))
    assert (accepted.origin, accepted.version) == ("accepted", 2)
