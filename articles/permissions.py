"""Who may see and change what on an article: the one place views (and the API) ask."""

from dataclasses import dataclass

from django.http import Http404

from accounts.roles import Role, oversees, reviews
from articles.models import Article, Assignment


@dataclass(frozen=True)
class ArticleAccess:
    """What one user may do with one article, worked out once per request."""

    can_view: bool
    can_see_others: bool
    assignment: Assignment | None
    read_only_role: bool

    @property
    def is_assigned(self) -> bool:
        """The article is in the user's queue and their role annotates: they may mark it
        done or reopen it, and write to their own set while it is open."""
        return self.assignment is not None and not self.read_only_role

    @property
    def can_annotate(self) -> bool:
        """Only the people an article is assigned to write, only into their own set, and
        only while their assignment is open (done and skipped sets are read-only). The
        writes check it again under a lock (``assignments.hold_open_assignment``)."""
        return self.is_assigned and self.assignment.is_open


def assignment_of(user, article_id: int, *, with_next=False) -> Assignment | None:
    """The user's assignment of the article, with the article and its project (and
    ``next_open_article_id`` if ``with_next``), in one query; None if it has none."""
    if not user.is_authenticated:
        return None
    # Every workspace request and API quote post starts here. Unique per article and
    # annotator: no ORDER BY, which would join tables for nothing.
    assignments = Assignment.objects.with_next_open() if with_next else Assignment.objects
    own = assignments.select_related("article__project").filter(
        article_id=article_id, annotator_id=user.pk
    )
    return next(iter(own.order_by()[:1]), None)


def article_access(user, article, *, assignment: Assignment | None) -> ArticleAccess:
    """Staff see everything; reviewers and researchers their projects' articles; anyone
    else only articles assigned to them. Blind projects hide other annotators' quotes
    from annotators. ``assignment`` is the user's of the article (``assignment_of``) or
    None; reviewers and researchers without one cost a query."""
    if not user.is_authenticated:
        return ArticleAccess(False, False, None, True)
    overseer = user.is_staff or oversees(user)
    can_view = (
        assignment is not None
        or user.is_staff
        or (overseer and article.project.members.filter(pk=user.pk).exists())
    )
    return ArticleAccess(
        can_view=can_view,
        can_see_others=can_view and (overseer or not article.project.blind),
        assignment=assignment,
        read_only_role=reads_only(user),
    )


def reads_only(user) -> bool:
    """Researchers read and export; they change no quote, not even one they made in an
    earlier role. Staff may do anything."""
    return user.role == Role.RESEARCHER and not user.is_staff


def can_adjudicate(user, project) -> bool:
    """Staff, and reviewers who are members of the project, build its gold set."""
    if not user.is_authenticated or not reviews(user):
        return False
    return user.is_staff or project.members.filter(pk=user.pk).exists()


def viewable_article(user, article_id: int, *, with_next=False) -> tuple[Article, ArticleAccess]:
    """The article and the user's access to it, or ``Http404`` when they may not view it.
    Annotators, the common case, get their assignment and the article in one query (and,
    ``with_next``, the next article's id for the page)."""
    assignment = assignment_of(user, article_id, with_next=with_next)
    if assignment is not None:
        article = assignment.article
    else:
        article = Article.objects.select_related("project").filter(pk=article_id).first()
        if article is None:
            raise Http404("No such article among yours.")
    access = article_access(user, article, assignment=assignment)
    if not access.can_view:
        raise Http404("No such article among yours.")
    return article, access
