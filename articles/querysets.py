"""Reads: every list the app shows starts from one of these QuerySet methods."""

from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from accounts.roles import oversees


def sees_whole_team(user) -> bool:
    """Staff, reviewers and researchers: their figures hold every annotator's work."""
    return user.is_staff or oversees(user)


def counts_only_own(user, project) -> bool:
    """Whether the user's figures for the project must leave out everyone else's work:
    they annotate and the project is blind. ``QuoteQuerySet.counted_for`` is the same
    rule in SQL, for many projects at once."""
    return project.blind and not sees_whole_team(user)


class ProjectQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Projects the user may open: all for staff, else the ones they are a member of."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        return self.filter(members=user)

    def with_counts(self, user=None):
        """Annotate ``article_count`` and ``quote_count``, each counted in its own subquery;
        ``quote_count`` holds only the quotes whose figures ``user`` may see (``None``: all)."""
        from articles.models import Article, Quote

        # Two Count() joins on the same row would multiply each other; subqueries don't.
        articles = Article.objects.filter(project=OuterRef("pk")).order_by().values("project")
        quotes = Quote.objects.annotations()
        if user is not None:
            quotes = quotes.counted_for(user)
        quotes = quotes.filter(article__project=OuterRef("pk")).order_by()
        quotes = quotes.values("article__project")
        return self.annotate(
            article_count=Coalesce(Subquery(articles.annotate(n=Count("pk")).values("n")), 0),
            quote_count=Coalesce(Subquery(quotes.annotate(n=Count("pk")).values("n")), 0),
        )


class ArticleQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Articles the user may see: staff all; reviewers and researchers their
        projects'; annotators what is assigned to them; anonymous visitors nothing."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        if oversees(user):
            return self.filter(project__members=user)
        return self.filter(assignments__annotator=user)

    def with_quotes(self, present: bool, *, user):
        """Articles with (``present``) or without quotes that the user may read."""
        from articles.models import Quote

        quotes = Quote.objects.visible_to(user).filter(article=OuterRef("pk"))
        return self.filter(Exists(quotes)) if present else self.exclude(Exists(quotes))

    def with_status(self, status: str, *, user):
        """Articles with an assignment in ``status``: the user's own if they annotate (a
        colleague's progress is not theirs to see), anyone's if they see the whole team."""
        from articles.models import Assignment

        assignments = Assignment.objects.filter(article=OuterRef("pk"), status=status)
        if not sees_whole_team(user):
            assignments = assignments.filter(annotator=user)
        return self.filter(Exists(assignments))

    def adjudicated(self):
        """Articles whose gold set a reviewer has finished."""
        return self.filter(adjudication__status="done")

    def waiting_for_adjudication(self, project):
        """Articles that two or more annotators have all finished and that are not
        adjudicated yet, in id order."""
        active = ~Q(assignments__status="skipped")
        return (
            self.filter(project=project)
            .exclude(adjudication__status="done")
            .annotate(
                people=Count("assignments", filter=active),
                finished=Count("assignments", filter=Q(assignments__status="done")),
            )
            .filter(people__gte=2, finished=F("people"))
            .order_by("pk")
        )


class AssignmentQuerySet(models.QuerySet):
    def queue(self, user, project):
        """The user's assignments in a project, in assignment order, with their quote counts."""
        from articles.models import Quote

        quotes = (
            Quote.objects.annotations()
            .filter(article=OuterRef("article"), annotator=OuterRef("annotator"))
            .order_by()
            .values("article")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            self.filter(annotator=user, article__project=project)
            .select_related("article")
            .annotate(quote_count=Coalesce(Subquery(quotes), 0))
            .order_by("created_at", "id")
        )

    def open_in(self, user, project):
        """The user's assignments in the project that are not done or skipped, in order."""
        # Said as a filter: as an exclude() it costs far more to build, above all in a subquery.
        return self.filter(
            annotator=user, article__project=project, status__in=["todo", "in_progress"]
        ).order_by("created_at", "id")

    def next_open(self, user, project):
        """The first of the user's assignments in the project that is not done or skipped."""
        return self.open_in(user, project).first()

    def with_next_open(self):
        """Annotate ``next_open_article_id``: the article ``next_open`` would give each
        assignment's annotator in its project, in the same query."""
        first = self.model.objects.open_in(OuterRef("annotator"), OuterRef("article__project"))
        return self.annotate(next_open_article_id=Subquery(first.values("article_id")[:1]))


class SpeakerQuerySet(models.QuerySet):
    def matching(self, name: str):
        """Speakers whose name or one of whose aliases is ``name``, ignoring case."""
        return self.filter(Q(name__iexact=name) | Q(aliases__name__iexact=name)).distinct()

    def catalog(self) -> list[dict]:
        """Every speaker with aliases and description, as the type-ahead wants them."""
        entries: dict[int, dict] = {}
        rows = self.order_by("name", "id").values_list("id", "name", "description", "aliases__name")
        for pk, name, description, alias in rows:  # a row per alias, or one without
            entry = entries.setdefault(
                pk, {"id": pk, "name": name, "aliases": [], "description": description}
            )
            if alias is not None:
                entry["aliases"].append(alias)
        return list(entries.values())

    def with_quote_counts(self, user):
        """Annotate ``quote_count``: the speaker's quotes whose figures the user may see."""
        from articles.models import Quote

        quotes = Quote.objects.counted_for(user).filter(speaker=OuterRef("pk")).order_by()
        counted = quotes.values("speaker").annotate(n=Count("pk")).values("n")
        return self.annotate(quote_count=Coalesce(Subquery(counted), 0))

    def casefold_match(self, name: str):
        """The speaker whose name or an alias is ``name`` when both are case-folded in
        Python, or None: SQLite's iexact folds only ASCII ("HÄKKINEN" misses "Häkkinen")."""
        folded = name.casefold()
        speakers = list(self.prefetch_related("aliases"))
        # The speaker so named first: another may have the name as an alias.
        for speaker in speakers:
            if speaker.name.casefold() == folded:
                return speaker
        for speaker in speakers:
            if any(alias.name.casefold() == folded for alias in speaker.aliases.all()):
                return speaker
        return None


class QuoteQuerySet(models.QuerySet):
    def annotations(self):
        """The annotators' own quotes, without any adjudicated gold set."""
        return self.exclude(origin="gold")

    def gold(self):
        """The reviewers' adjudicated gold quotes."""
        return self.filter(origin="gold")

    def visible_to(self, user):
        """Quotes the user may see: staff all; reviewers and researchers their
        projects'; annotators only their own; anonymous visitors nothing."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        if oversees(user):
            return self.filter(article__project__members=user)
        return self.filter(annotator=user).annotations()

    def counted_for(self, user):
        """The quotes whose figures the user may see: all for staff, reviewers and
        researchers; for anyone else their own, and every annotator's in projects that
        are not blind (``counts_only_own``), never the gold set."""
        if sees_whole_team(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.annotations().filter(Q(annotator=user) | Q(article__project__blind=False))

    def suggestion_outcomes(self, project, user=None) -> dict[str, int]:
        """How annotators treated the engine's suggestions in a project: waiting,
        accepted, corrected, rejected; only the user's own if ``counts_only_own``."""
        from articles.models import RejectedSuggestion

        quotes = self.filter(
            article__project=project, origin__in=["suggested", "accepted", "corrected"]
        )
        rejections = RejectedSuggestion.objects.filter(article__project=project)
        if user is not None and counts_only_own(user, project):
            quotes = quotes.filter(annotator=user)
            rejections = rejections.filter(annotator=user)
        counts = dict(quotes.order_by().values_list("origin").annotate(n=Count("pk")))
        return {
            "waiting": counts.get("suggested", 0),
            "accepted": counts.get("accepted", 0),
            "corrected": counts.get("corrected", 0),
            "rejected": rejections.count(),
        }

    def for_article(self, article):
        return self.filter(article=article)

    def with_stances(self):
        return self.select_related("speaker").prefetch_related("stances__target")
