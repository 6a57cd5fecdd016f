"""Which quotes a corpus view counts, and the reads behind the analysis pages.

The corpus is each article's best labels: the gold set where the article's adjudication
is finished, elsewhere the annotators' confirmed quotes (one annotator's, if chosen).
Suggestions nobody accepted are never counted.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.db.models.functions import TruncMonth

from articles.analysis.figures import CorpusFigures, corpus_figures
from articles.models import Adjudication, Quote, Speaker, StanceLabel


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


def project_figures(project, source: Source = Source()) -> tuple[CorpusFigures, dict]:
    """The corpus figures and the top speakers by id; four queries whatever the size."""
    quotes = corpus_quotes(project, source).order_by()
    per_article = quotes.values("article_id").annotate(n=Count("pk")).values_list("n", flat=True)
    per_speaker = dict(quotes.values_list("speaker_id").annotate(n=Count("pk")))
    figures = corpus_figures(
        articles=project.articles.count(),
        quotes_per_article=list(per_article),
        quotes_per_speaker=per_speaker,
    )
    speakers = Speaker.objects.in_bulk([share.speaker for share in figures.top_speakers])
    return figures, speakers


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
