import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F

from articles.models import Article, Assignment, Quote, Speaker, StanceLabel, text_sha256
from tests.factories import (
    ArticleFactory,
    ProjectFactory,
    QuoteFactory,
    SpeakerFactory,
    StanceTargetFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# An emoji outside the BMP (two UTF-16 units), a combining accent (two code points for
# one visible letter) and CRLF line endings (two code points).
TRICKY = (
    "Hei 👋 og velkommen.\r\n"
    "– Vi er ikke klare, sier Zoe\u0301 Ha\u0308kkinen.\r\n"
    "Hun mener at “planen 🚢 er for dyr”, sier hun."
)
# The guards' messages, for `pytest.raises(IntegrityError, match=...)`: the text triggers'
# own, and the constraints' names.
MISMATCH = "quote text does not match the article text at its offsets"
IMMUTABLE = "article text is immutable once a quote points into it"


def guard(name, *, sqlite=None):
    """What the IntegrityError of the constraint `name` says. PostgreSQL names the
    constraint, and so does SQLite for a CHECK constraint or an index on expressions; for a
    UNIQUE constraint on plain fields SQLite names the columns, and its text triggers run
    before its CHECK constraints: then `sqlite` is what SQLite says."""
    if sqlite is not None and connection.vendor == "sqlite":
        return sqlite
    return rf"\b{name}\b"


def quote_over(article, fragment, **fields):
    start = article.text.index(fragment)
    return Quote.objects.create(
        article=article,
        annotator=fields.pop("annotator", None) or UserFactory(),
        start=start,
        end=start + len(fragment),
        text=fragment,
        **fields,
    )


def unsaved_quote(article, fragment, annotator):
    start = article.text.index(fragment)
    return Quote(
        article=article, annotator=annotator, start=start, end=start + len(fragment), text=fragment
    )


@pytest.fixture
def tricky_article():
    return ArticleFactory(text=TRICKY)


def test_offsets_are_code_points_on_text_with_emoji_combining_accent_and_crlf(tricky_article):
    fragment = "planen 🚢 er for dyr"
    quote = quote_over(tricky_article, fragment)
    quote.refresh_from_db()
    article = Article.objects.get(pk=tricky_article.pk)
    assert article.text == TRICKY  # CRLF survives the database round trip
    assert article.text[quote.start : quote.end] == quote.text == fragment
    # The code-point offset differs from what UTF-16 (JavaScript) would count.
    assert quote.start == TRICKY.index(fragment)
    assert len(TRICKY[: quote.start].encode("utf-16-le")) // 2 == quote.start + 1


def test_quote_over_combining_accent_and_crlf_keeps_its_code_points(tricky_article):
    fragment = "sier Zoe\u0301 Ha\u0308kkinen.\r\nHun"
    quote = quote_over(tricky_article, fragment)
    quote.refresh_from_db()
    # 21 visible characters, plus two combining marks and a CR: 25 code points.
    assert quote.end - quote.start == len(fragment) == 25
    assert tricky_article.text[quote.start : quote.end] == fragment


def test_database_refuses_quote_text_that_differs_from_the_article(tricky_article):
    start = TRICKY.index("planen")
    with pytest.raises(IntegrityError, match=MISMATCH), transaction.atomic():
        Quote.objects.create(
            article=tricky_article,
            annotator=UserFactory(),
            start=start,
            end=start + 6,
            text="planet",
        )
    assert not Quote.objects.exists()


def test_database_refuses_quote_shifted_by_one_utf16_unit(tricky_article):
    fragment = "planen 🚢 er for dyr"
    start = TRICKY.index(fragment) + 1  # an offset counted in UTF-16, wrongly
    with pytest.raises(IntegrityError, match=MISMATCH), transaction.atomic():
        Quote.objects.create(
            article=tricky_article,
            annotator=UserFactory(),
            start=start,
            end=start + len(fragment),
            text=fragment,
        )


def test_database_refuses_quote_past_the_end_of_the_text(tricky_article):
    end = len(TRICKY) + 3
    with pytest.raises(IntegrityError, match=MISMATCH), transaction.atomic():
        Quote.objects.create(
            article=tricky_article,
            annotator=UserFactory(),
            start=len(TRICKY) - 2,
            end=end,
            text=TRICKY[-2:] + "xyz",
        )


@pytest.mark.parametrize(
    ("start", "end", "text", "refusal"),
    [
        (5, 5, "", guard("quote_span_not_empty")),
        # The empty text is what SQLite's trigger reads at a reversed span, so the
        # constraint refuses it on both databases.
        (6, 4, "", guard("quote_span_not_empty")),
        # SQLite's trigger reads three code points, "Hei", before its CHECK constraints
        # run; PostgreSQL checks the text after the statement, the constraint first.
        (0, 3, "Hei 👋", guard("quote_text_length_matches_span", sqlite=MISMATCH)),
    ],
    ids=["empty", "reversed", "length-mismatch"],
)
def test_check_constraints_refuse_bad_spans(tricky_article, start, end, text, refusal):
    with pytest.raises(IntegrityError, match=refusal), transaction.atomic():
        Quote.objects.create(
            article=tricky_article, annotator=UserFactory(), start=start, end=end, text=text
        )


def test_database_refuses_negative_offsets(tricky_article):
    # PostgreSQL's check on the PositiveIntegerField; SQLite's trigger comes first, and its
    # substr() from position 0 reads two code points, not "Hei".
    refusal = guard("articles_quote_start_check", sqlite=MISMATCH)
    with pytest.raises(IntegrityError, match=refusal), transaction.atomic():
        Quote.objects.create(
            article=tricky_article, annotator=UserFactory(), start=-1, end=2, text="Hei"
        )


def test_updating_a_quote_to_a_wrong_span_is_refused(tricky_article):
    quote = quote_over(tricky_article, "velkommen")
    with pytest.raises(IntegrityError, match=MISMATCH), transaction.atomic():
        Quote.objects.filter(pk=quote.pk).update(start=quote.start + 1, end=quote.end + 1)


@pytest.mark.parametrize("wrong_in", ["first", "second"])
def test_a_batch_with_one_wrong_quote_is_refused_whole(tricky_article, wrong_in):
    other = ArticleFactory(project=tricky_article.project, text="Ein annan tekst 🚢 her.")
    annotator = UserFactory()
    good = [
        unsaved_quote(tricky_article, fragment, annotator)
        for fragment in ("Hei 👋", "velkommen", "planen 🚢 er for dyr")
    ] + [unsaved_quote(other, "tekst 🚢", annotator)]
    wrong = unsaved_quote(tricky_article if wrong_in == "first" else other, "e", annotator)
    wrong.text = "x"
    with pytest.raises(IntegrityError, match=MISMATCH), transaction.atomic():
        Quote.objects.bulk_create([*good[:2], wrong, *good[2:]])
    assert not Quote.objects.exists()
    Quote.objects.bulk_create(good)
    assert Quote.objects.count() == 4


def test_updating_several_quotes_to_wrong_spans_is_refused(tricky_article):
    for fragment in ("velkommen", "planen 🚢 er for dyr"):
        quote_over(tricky_article, fragment)
    spans = list(Quote.objects.values_list("start", "end"))
    with pytest.raises(IntegrityError, match=MISMATCH), transaction.atomic():
        Quote.objects.update(start=F("start") + 1, end=F("end") + 1)
    assert list(Quote.objects.values_list("start", "end")) == spans


def test_database_refuses_quote_of_no_article():
    # The foreign key is checked only at commit: the text check refuses the quote at once.
    with pytest.raises(IntegrityError, match=MISMATCH), transaction.atomic():
        Quote.objects.create(article_id=999_999, annotator=UserFactory(), start=0, end=1, text="a")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's trigger kinds")
def test_postgresql_checks_an_insert_once_per_statement():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT event_manipulation, action_timing, action_orientation"
            " FROM information_schema.triggers WHERE event_object_table = 'articles_quote'"
            " AND trigger_name LIKE 'articles_quote_text_matches_%'"
            " ORDER BY 1"
        )
        assert cursor.fetchall() == [("INSERT", "AFTER", "STATEMENT"), ("UPDATE", "BEFORE", "ROW")]


@pytest.mark.parametrize(
    ("cue_start", "cue_end", "refusal"),
    [
        (3, None, guard("quote_cue_span_valid")),
        (8, 8, guard("quote_cue_span_valid")),
        (len(TRICKY), len(TRICKY) + 4, MISMATCH),  # a well-formed span past the text
    ],
    ids=["half-cue", "empty-cue", "cue-past-end"],
)
def test_invalid_cue_spans_are_refused(tricky_article, cue_start, cue_end, refusal):
    with pytest.raises(IntegrityError, match=refusal), transaction.atomic():
        quote_over(tricky_article, "velkommen", cue_start=cue_start, cue_end=cue_end)


@pytest.mark.parametrize(
    ("speaker_start", "speaker_end", "refusal"),
    [
        (3, None, guard("quote_speaker_span_valid")),
        (8, 8, guard("quote_speaker_span_valid")),
        (len(TRICKY), len(TRICKY) + 4, MISMATCH),  # a well-formed span past the text
    ],
    ids=["half-mention", "empty-mention", "mention-past-end"],
)
def test_invalid_speaker_mentions_are_refused(tricky_article, speaker_start, speaker_end, refusal):
    with pytest.raises(IntegrityError, match=refusal), transaction.atomic():
        quote_over(
            tricky_article, "velkommen", speaker_start=speaker_start, speaker_end=speaker_end
        )


def test_an_update_moving_the_mention_past_the_text_is_refused(tricky_article):
    quote = quote_over(tricky_article, "velkommen", speaker_start=0, speaker_end=3)
    assert quote.speaker_mention == TRICKY[:3]
    with pytest.raises(IntegrityError, match=MISMATCH), transaction.atomic():
        Quote.objects.filter(pk=quote.pk).update(speaker_end=len(TRICKY) + 1)
    # A batch goes through the statement-level check on PostgreSQL.
    with pytest.raises(IntegrityError, match=MISMATCH), transaction.atomic():
        Quote.objects.bulk_create(
            [
                Quote.spanning(quote, article=tricky_article, annotator=UserFactory()),
                Quote(
                    article=tricky_article, annotator=UserFactory(), start=quote.start,
                    end=quote.end, text=quote.text, speaker_start=1, speaker_end=len(TRICKY) + 9,
                ),
            ]
        )  # fmt: skip


def test_cue_text_reads_the_article(tricky_article):
    cue = TRICKY.index("sier hun")
    quote = quote_over(tricky_article, "planen 🚢 er for dyr", cue_start=cue, cue_end=cue + 8)
    assert quote.cue_text == "sier hun"


def test_kind_and_origin_must_be_known_values(tricky_article):
    with pytest.raises(IntegrityError, match=guard("quote_kind_valid")), transaction.atomic():
        quote_over(tricky_article, "velkommen", kind="rumour")
    with pytest.raises(IntegrityError, match=guard("quote_origin_valid")), transaction.atomic():
        quote_over(tricky_article, "velkommen", origin="oracle")


def test_text_can_change_before_any_quote_and_the_hash_follows():
    article = ArticleFactory(text="First draft.")
    article.set_text("Second draft.")
    article.save()
    article.refresh_from_db()
    assert article.text == "Second draft."
    assert article.text_sha256 == text_sha256("Second draft.")


def test_text_is_immutable_once_quoted(tricky_article):
    quote_over(tricky_article, "velkommen")
    with pytest.raises(ValidationError) as error:
        tricky_article.set_text(TRICKY + " Edited.")
    assert "quotes point into it" in error.value.message_dict["text"][0]


def test_database_refuses_text_edit_that_bypasses_the_model(tricky_article):
    quote_over(tricky_article, "velkommen")
    with pytest.raises(IntegrityError, match=IMMUTABLE), transaction.atomic():
        Article.objects.filter(pk=tricky_article.pk).update(text=TRICKY + " Edited.")
    tricky_article.refresh_from_db()
    assert tricky_article.text == TRICKY


def test_saving_a_quoted_article_unchanged_is_allowed(tricky_article):
    quote_over(tricky_article, "velkommen")
    tricky_article.title = "New title"
    tricky_article.save()
    assert Article.objects.get(pk=tricky_article.pk).title == "New title"


def test_text_hash_is_unique_per_project_but_not_across_projects():
    article = ArticleFactory(text="Same words.")
    ArticleFactory(text="Same words.")  # another project
    refusal = guard(
        "article_unique_text_per_project",
        sqlite="articles_article.project_id, articles_article.text_sha256",
    )
    with pytest.raises(IntegrityError, match=refusal), transaction.atomic():
        ArticleFactory(project=article.project, text="Same words.")


def test_article_without_hash_is_refused():
    refusal = guard("article_text_sha256_is_set")
    with pytest.raises(IntegrityError, match=refusal), transaction.atomic():
        Article.objects.create(project=ProjectFactory(), title="t", text="Some text.")


def test_clean_reports_a_duplicate_text_by_title():
    first = ArticleFactory(text="Twice.", title="The first one")
    second = Article(project=first.project, title="copy", text="Twice.")
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "The first one" in error.value.message_dict["text"][0]


def test_speaker_names_are_unique_per_project_ignoring_case():
    speaker = SpeakerFactory(name="Ingrid Falkenberg")
    SpeakerFactory(name="ingrid falkenberg")  # another project
    refusal = guard("speaker_unique_name_per_project")
    with pytest.raises(IntegrityError, match=refusal), transaction.atomic():
        Speaker.objects.create(project=speaker.project, name="INGRID FALKENBERG")


def test_speaker_matching_finds_names_and_aliases_ignoring_case():
    speaker = SpeakerFactory(name="Tomasz Wierzbicki")
    speaker.aliases.create(name="Wierzbicky")
    project_speakers = Speaker.objects.filter(project=speaker.project)
    assert list(project_speakers.matching("wierzbicky")) == [speaker]
    assert list(project_speakers.matching("TOMASZ WIERZBICKI")) == [speaker]
    assert not project_speakers.matching("Wierzbick").exists()


def test_one_assignment_per_article_and_annotator():
    article, user = ArticleFactory(), UserFactory()
    Assignment.objects.create(article=article, annotator=user)
    refusal = guard(
        "assignment_unique_per_annotator",
        sqlite="articles_assignment.article_id, articles_assignment.annotator_id",
    )
    with pytest.raises(IntegrityError, match=refusal), transaction.atomic():
        Assignment.objects.create(article=article, annotator=user)


def test_assignment_status_must_be_known():
    refusal = guard("assignment_status_valid")
    with pytest.raises(IntegrityError, match=refusal), transaction.atomic():
        Assignment.objects.create(article=ArticleFactory(), annotator=UserFactory(), status="lost")


def test_one_stance_per_quote_and_target():
    quote = QuoteFactory()
    target = StanceTargetFactory(project=quote.article.project)
    StanceLabel.objects.create(quote=quote, target=target, label="favor")
    refusal = guard(
        "stance_unique_per_target",
        sqlite="articles_stancelabel.quote_id, articles_stancelabel.target_id",
    )
    with pytest.raises(IntegrityError, match=refusal), transaction.atomic():
        StanceLabel.objects.create(quote=quote, target=target, label="against")


def test_project_stance_labels_default_and_validation():
    project = ProjectFactory()
    assert project.stance_labels == ["favor", "against", "neutral"]
    project.stance_labels = ["favor", "Favor"]
    with pytest.raises(ValidationError):
        project.full_clean()


def test_guidelines_render_markdown_and_neutralise_html():
    project = ProjectFactory(
        guidelines="# Rules\n\n**Bold** <script>alert(1)</script> [x](javascript:alert(1))"
    )
    html = project.guidelines_html()
    assert "<h1>Rules</h1>" in html
    assert "<strong>Bold</strong>" in html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "javascript:" not in html.replace("[x](javascript:alert(1))", "")


def test_quote_overlap():
    article = ArticleFactory(text="abcdefghij")
    first = QuoteFactory(article=article, start=0, end=5)
    second = QuoteFactory(article=article, start=4, end=8)
    third = QuoteFactory(article=article, start=5, end=8)
    assert first.overlaps(second)
    assert second.overlaps(first)
    assert not first.overlaps(third)
