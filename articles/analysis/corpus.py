"""Which quotes a corpus view counts, and the reads behind the analysis pages.

The corpus is each article's best labels: the gold set where the article's adjudication
is finished, elsewhere the annotators' confirmed quotes (one annotator's, if chosen).
Suggestions nobody accepted are never counted.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    Exists,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    Value,
)
from django.db.models.functions import TruncMonth

from articles.analysis.figures import CorpusFigures, corpus_figures
from articles.models import Adjudication, Quote, SearchLanguage, Speaker, StanceLabel


@dataclass(frozen=True)
class Source:
    """What the corpus reads: ``gold`` on adjudicated articles, and ``annotator``'s
    quotes (None: every annotator's) elsewhere."""

    gold: bool = True
    annotator: object = None  # a user


def corpus_quotes(project, source: Source = Source()):
    """The project's quotes that ``source`` counts."""
    adjudicated = Exists(
        Adjudication.objects.filter(article=OuterRef("article"), status=Adjudication.Status.DONE)
    )
    quotes = Quote.objects.filter(article__project=project)
    human = ~Q(origin__in=["gold", "suggested"])
    if source.annotator is not None:
        human &= Q(annotator=source.annotator)
    if not source.gold:
        return quotes.filter(human)
    return quotes.alias(adjudicated=adjudicated).filter(
        Q(origin="gold", adjudicated=True) | (human & Q(adjudicated=False))
    )


def project_figures(project, source: Source = Source()) -> CorpusFigures:
    """The corpus figures (the top speakers by id); three queries whatever the size."""
    quotes = corpus_quotes(project, source).order_by()
    per_article = quotes.values("article_id").annotate(n=Count("pk")).values_list("n", flat=True)
    per_speaker = dict(quotes.values_list("speaker_id").annotate(n=Count("pk")))
    return corpus_figures(
        articles=project.articles.count(),
        quotes_per_article=list(per_article),
        quotes_per_speaker=per_speaker,
    )


def speaker_quotes(project, speaker, source: Source = Source()):
    """The speaker's quotes in the corpus, newest article first, with what a row shows."""
    return (
        corpus_quotes(project, source)
        .filter(speaker=speaker)
        .select_related("article", "annotator")
        .prefetch_related(Prefetch("stances", StanceLabel.objects.select_related("target")))
        .order_by("-article__published_at", "-article_id", "start")
    )


def speaker_counts(project, speaker, source: Source = Source()) -> dict:
    """The speaker's quotes by kind and by outlet, and their stances by target and month."""
    quotes = corpus_quotes(project, source).filter(speaker=speaker).order_by()
    stances = (
        StanceLabel.objects.filter(quote__in=quotes)
        .annotate(month=TruncMonth("quote__article__published_at"))
        .order_by()
        .values_list("target__name", "month", "label")
        .annotate(n=Count("pk"))
    )
    by_target: dict[str, dict] = {}
    for target, month, label, n in stances:
        by_target.setdefault(target, {}).setdefault(month, {})[label] = n
    return {
        "kinds": sorted(quotes.values_list("kind").annotate(n=Count("pk")), key=lambda r: -r[1]),
        "outlets": sorted(
            quotes.values_list("article__outlet").annotate(n=Count("pk")), key=lambda r: -r[1]
        ),
        "stances": by_target,
    }


def target_quotes(project, target, source: Source = Source()):
    """The corpus's quotes with a stance on ``target``, newest article first."""
    return (
        corpus_quotes(project, source)
        .filter(stances__target=target)
        .select_related("article", "speaker", "annotator")
        .prefetch_related(Prefetch("stances", StanceLabel.objects.select_related("target")))
        .order_by("-article__published_at", "-article_id", "start")
    )


def target_counts(project, target, source: Source = Source(), *, speakers: int = 20) -> dict:
    """Stances on ``target``: by label, by month, by outlet and by speaker (the most
    quoted ``speakers``, by id: None is the unnamed), each ``{key: {label: count}}``. Two
    reads of the stances: by speaker; by outlet and month, the rest summed from it."""
    stances = StanceLabel.objects.filter(
        target=target, quote__in=corpus_quotes(project, source).order_by()
    ).order_by()
    labels: dict = {}
    months: dict = {}
    outlets: dict = {}
    month = TruncMonth("quote__article__published_at")
    rows = stances.values_list("quote__article__outlet", month, "label").annotate(n=Count("pk"))
    for outlet, when, label, n in rows:
        labels[label] = labels.get(label, 0) + n
        by_month = months.setdefault(when, {})
        by_month[label] = by_month.get(label, 0) + n
        by_outlet = outlets.setdefault(outlet, {})
        by_outlet[label] = by_outlet.get(label, 0) + n
    per_speaker: dict = {}
    for speaker, label, n in stances.values_list("quote__speaker_id", "label").annotate(
        n=Count("pk")
    ):
        per_speaker.setdefault(speaker, {})[label] = n
    top = sorted(per_speaker, key=lambda s: -sum(per_speaker[s].values()))[:speakers]
    return {
        "labels": labels,
        "months": months,
        "outlets": outlets,
        "speakers": [(s, per_speaker[s]) for s in top],
    }


def search_quotes(project, query: dict, source: Source = Source()):
    """The corpus's quotes matching a search form's data: words of the quote (PostgreSQL:
    its full-text search, in the project's words as written; SQLite: a substring),
    speaker (name or alias), kind, stance label, target, outlet, dates."""
    quotes = corpus_quotes(project, source)
    if words := query.get("q"):
        if connection.vendor == "postgresql":
            quotes = quotes.filter(QuoteWordsMatch(words, project.search_language))
        else:
            quotes = quotes.filter(text__icontains=words)
    if speaker := query.get("speaker"):
        named = Speaker.objects.filter(project=project).matching(speaker).values("pk")
        quotes = quotes.filter(speaker__in=named)
    if kind := query.get("kind"):
        quotes = quotes.filter(kind=kind)
    stances = StanceLabel.objects.filter(quote=OuterRef("pk"))
    if target := query.get("target"):
        stances = stances.filter(target=target)
    if label := query.get("stance"):
        stances = stances.filter(label=label)
    if query.get("target") or query.get("stance"):
        quotes = quotes.filter(Exists(stances))
    if outlet := query.get("outlet"):
        quotes = quotes.filter(article__outlet__iexact=outlet)
    if start := query.get("published_from"):
        quotes = quotes.filter(article__published_at__date__gte=start)
    if end := query.get("published_to"):
        quotes = quotes.filter(article__published_at__date__lte=end)
    return (
        quotes.select_related("article", "speaker", "annotator")
        .prefetch_related(Prefetch("stances", StanceLabel.objects.select_related("target")))
        .order_by("-article__published_at", "-article_id", "start")
    )


class QuoteWordsMatch(Func):
    """PostgreSQL: the quote's own words match a web search's ``words``, read as the
    project's ``language`` says (a ``SearchLanguage``: as written, or by stems), through
    that language's GIN index (migrations 0014 and 0022 index these expressions, word for
    word). The column goes through the compiler, so the condition holds in a subquery too,
    where Django renames the table."""

    output_field = BooleanField()

    def __init__(self, words: str, language: str = SearchLanguage.SIMPLE):
        if language not in SearchLanguage.values:  # it becomes SQL: only the known ones
            raise ValueError(f"no such search language: {language!r}")
        self.arg_joiner = f") @@ websearch_to_tsquery('{language}'::regconfig, "
        self.template = f"to_tsvector('{language}'::regconfig, %(expressions)s)"
        super().__init__(F("text"), Value(words, output_field=CharField()))


def in_its_sentence(text: str, start: int, end: int, reach: int = 160) -> tuple[str, str]:
    """The words around a quote to its sentence's edges (at most ``reach`` characters
    each side): ``(before, after)``."""
    stops = (". ", "\n", "? ", "! ")
    left = max(text.rfind(stop, max(0, start - reach), start) for stop in stops)
    before = text[left + 1 if left >= 0 else max(0, start - reach) : start].lstrip()
    rights = [found for stop in stops if (found := text.find(stop, end, end + reach)) >= 0]
    after = text[end : min(rights) + 1 if rights else min(len(text), end + reach)]
    return before, after
