import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from articles.assignments import assign_articles
from articles.models import Quote, RejectedSuggestion, Speaker, Suggestion
from articles.quotes import accept_suggestion, delete_quote, update_quote
from articles.suggestions import suggest_quotes
from articles.types import QuoteInput
from tests.factories import ArticleFactory, ProjectFactory, SpeakerFactory, UserFactory
from tests.logins import force_verified_login

pytestmark = pytest.mark.django_db

TEXT = (
    "The ferry to Holmøy will stop in May, the county has decided.\n\n"
    "– We cannot run a boat with no passengers, says harbour master Tove Lindquist "
    "to Kystavisen.\n\n"
    "– It breaks my heart.\n\n"
    "Fisherman Arne Bakke believes that the island will empty within ten years.\n\n"
    "– Every winter is harder than the last, says Lindqvist."
)


@pytest.fixture
def article():
    project = ProjectFactory(slug="kyst")
    return ArticleFactory(project=project, text=TEXT)


@pytest.fixture
def annotators(article):
    people = [UserFactory(role="annotator") for _ in range(2)]
    assign_articles(articles=[article], annotators=people)
    return people


def test_suggestions_are_stored_once_and_copied_to_each_annotator(article, annotators):
    first = suggest_quotes(articles=[article])
    assert first.suggestions == Suggestion.objects.count() == 4
    assert first.copies == 8
    for annotator in annotators:
        mine = Quote.objects.filter(article=article, annotator=annotator)
        assert set(mine.values_list("origin", flat=True)) == {"suggested"}
        assert all(TEXT[q.start : q.end] == q.text for q in mine)
    again = suggest_quotes(articles=[article])
    assert (again.suggestions, again.copies, again.new_speakers) == (0, 0, 0)
    assert Quote.objects.count() == 8


def test_speakers_are_matched_to_the_catalog_or_proposed(article, annotators):
    known = SpeakerFactory(project=article.project, name="Tove Lindquist")
    known.aliases.create(name="Lindqvist")
    result = suggest_quotes(articles=[article])
    assert result.new_speakers == 1
    by_text = {s.text: s.speaker for s in Suggestion.objects.all()}
    assert by_text["We cannot run a boat with no passengers"] == known
    assert by_text["Every winter is harder than the last"] == known
    proposed = Speaker.objects.get(proposed=True)
    assert proposed.name == "Arne Bakke"
    assert proposed.description == "Fisherman"  # as the text introduces him


def test_each_copy_starts_with_where_the_engine_found_the_speaker_named(article, annotators):
    suggest_quotes(articles=[article])
    stored = Suggestion.objects.get(text="We cannot run a boat with no passengers")
    assert TEXT[stored.speaker_start : stored.speaker_end] == "Tove Lindquist"
    for copy in Quote.objects.filter(text=stored.text):
        assert copy.speaker_mention == "Tove Lindquist"
    # Accepted, the annotator's quote keeps it.
    quote = Quote.objects.filter(text=stored.text).first()
    accepted = accept_suggestion(quote=quote, version=quote.version)
    assert accepted.speaker_mention == "Tove Lindquist"


def test_human_work_is_never_touched(article, annotators):
    human = annotators[0]
    start = TEXT.index("It breaks")
    mine = Quote.objects.create(
        article=article,
        annotator=human,
        start=start,
        end=start + 11,
        text=TEXT[start : start + 11],
        kind="mixed",
    )
    suggest_quotes(articles=[article])
    mine.refresh_from_db()
    assert (mine.kind, mine.origin, mine.version) == ("mixed", "human", 1)
    overlapping = Quote.objects.filter(annotator=human, start__lt=mine.end, end__gt=mine.start)
    assert list(overlapping) == [mine]
    assert Quote.objects.filter(annotator=annotators[1]).count() == 4


def test_a_rejected_suggestion_is_remembered_and_not_offered_again(article, annotators):
    suggest_quotes(articles=[article])
    annotator = annotators[0]
    quote = Quote.objects.filter(annotator=annotator).first()
    delete_quote(quote=quote, version=quote.version)
    assert RejectedSuggestion.objects.filter(annotator=annotator, start=quote.start).exists()
    suggest_quotes(articles=[article])
    assert not Quote.objects.filter(annotator=annotator, start=quote.start).exists()
    outcomes = Quote.objects.suggestion_outcomes(article.project)
    assert outcomes == {"waiting": 7, "accepted": 0, "corrected": 0, "rejected": 1}


@pytest.mark.parametrize("changed", ["accepted", "corrected"])
def test_a_suggestion_accepted_then_deleted_is_rejected_and_not_offered_again(
    article, annotators, changed
):
    # Deleting the quote is the annotator's last word on the span; a new run of the engine
    # must not bring it back as waiting (it would hold off Done until rejected again).
    suggest_quotes(articles=[article])
    annotator = annotators[0]
    quote = Quote.objects.filter(annotator=annotator, text__startswith="It breaks").get()
    if changed == "accepted":
        quote = accept_suggestion(quote=quote, version=quote.version)
    else:
        data = QuoteInput(start=quote.start, end=quote.end, text=quote.text, kind="mixed")
        quote = update_quote(quote=quote, version=quote.version, data=data)
    assert quote.origin == changed
    delete_quote(quote=quote, version=quote.version)
    suggest_quotes(articles=[article])
    assert not Quote.objects.filter(annotator=annotator, text__startswith="It breaks").exists()
    outcomes = Quote.objects.suggestion_outcomes(article.project)
    assert outcomes == {"waiting": 7, "accepted": 0, "corrected": 0, "rejected": 1}


WIDE = (
    "The ferry to Holmøy will stop in May.\n\n"
    "Harbour master Tove Lindquist urged the county to keep the boat running until autumn.\n\n"
    "– We cannot leave the island without a boat, says Lindquist."
)


def test_a_project_in_the_wide_scope_is_also_suggested_what_a_verb_attributes(annotators):
    article = ArticleFactory(project=ProjectFactory(slug="wide"), text=WIDE)
    assign_articles(articles=[article], annotators=annotators)
    suggest_quotes(articles=[article])
    clauses = set(Suggestion.objects.filter(article=article).values_list("text", flat=True))
    assert clauses == {"We cannot leave the island without a boat"}
    article.project.attribution_scope = "wide"
    article.project.save(update_fields=["attribution_scope"])
    again = suggest_quotes(articles=[article])  # the stored set grows; nothing is redone
    assert again.suggestions == 1
    [added] = Suggestion.objects.filter(article=article).exclude(text__in=clauses)
    assert added.text.startswith("the county to keep the boat running")
    assert (added.kind, added.speaker.name) == ("indirect", "Tove Lindquist")
    assert Quote.objects.filter(article=article, text=added.text).count() == 2


def test_new_assignments_receive_existing_suggestions(article, annotators):
    suggest_quotes(articles=[article])
    latecomer = UserFactory(role="annotator")
    assign_articles(articles=[article], annotators=[latecomer])
    assert Quote.objects.filter(annotator=latecomer, origin="suggested").count() == 4


def test_import_suggests_when_the_project_asks(tmp_path):
    project = ProjectFactory(slug="auto", suggest_on_import=True)
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"title": "Ferry", "text": TEXT}) + "\n", encoding="utf-8")
    call_command("import_articles", str(path), "--project", "auto", stdout=StringIO())
    assert Suggestion.objects.filter(article__project=project).count() == 4


def test_suggest_quotes_command(article, annotators):
    out = StringIO()
    call_command("suggest_quotes", "--project", "kyst", stdout=out)
    assert "1 articles: 4 new suggestions, 8 given to annotators" in out.getvalue()
    with pytest.raises(CommandError, match="--article: no article 999999 in kyst"):
        call_command("suggest_quotes", "--project", "kyst", "--article", "999999")
    with pytest.raises(CommandError, match="--project: no project with the slug 'nope'"):
        call_command("suggest_quotes", "--project", "nope")


def test_admin_button_suggests_for_the_project(client, admin_user, article, annotators):
    force_verified_login(client, admin_user)
    page = client.get(reverse("admin:articles_project_change", args=[article.project.pk]))
    assert "Suggest quotes" in page.content.decode()
    response = client.post(reverse("admin:articles_project_suggest", args=[article.project.pk]))
    assert response.status_code == 302
    assert Suggestion.objects.count() == 4


def test_annotators_cannot_use_the_admin_button(client, article, annotators):
    client.force_login(annotators[0])
    client.post(reverse("admin:articles_project_suggest", args=[article.project.pk]))
    assert not Suggestion.objects.exists()


def test_queue_shows_how_suggestions_fared(client, article, annotators):
    suggest_quotes(articles=[article])
    annotator = annotators[0]
    quote = Quote.objects.filter(annotator=annotator).first()
    accept_suggestion(quote=quote, version=1)
    client.force_login(annotator)
    page = client.get(reverse("articles:queue", args=["kyst"])).content.decode()
    # The project is blind: the other annotator's four waiting copies are not counted.
    assert "3 waiting, 1 accepted, 0 corrected," in page


def test_evaluate_extraction_command(tmp_path):
    out = StringIO()
    call_command("evaluate_extraction", "tests/data/gold.jsonl", "--verbose", stdout=out)
    text = out.getvalue()
    assert "direct   overlap P" in text
    assert "speaker accuracy on matched quotes" in text
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "no quotes key"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.jsonl:1: not a gold record"):
        call_command("evaluate_extraction", str(bad))


def test_a_misspelled_full_name_finds_the_catalog_speaker(article, annotators):
    known = SpeakerFactory(project=article.project, name="Tove Lindquist")
    misspelled = ArticleFactory(
        project=article.project,
        text="– The ferry is gone for good, says harbour master Tove Lindqvist.",
    )
    suggest_quotes(articles=[misspelled])
    assert Suggestion.objects.get(article=misspelled).speaker == known
    assert not Speaker.objects.filter(proposed=True).exists()


def test_api_docs_allow_inline_styles_but_never_inline_scripts(client, admin_user):
    force_verified_login(client, admin_user)
    policy = client.get(reverse("api-docs"))["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "script-src 'self';" in policy + ";"
