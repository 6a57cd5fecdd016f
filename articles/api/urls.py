from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from articles import converters  # noqa: F401 - registers the "id" converter
from articles.api import (
    adjudication,
    admin_writes,
    analysis,
    assignments,
    flags,
    history,
    index,
    pages,
    tokens,
    views,
    writes,
)

router = SimpleRouter()
router.register("projects", admin_writes.ProjectViewSet, basename="project")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("quotes", views.QuoteViewSet, basename="quote")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("targets", views.TargetViewSet, basename="target")

app_name = "api"

urlpatterns = [
    path("", index.IndexView.as_view(), name="index"),
    path("auth/token/", tokens.TokenView.as_view(), name="auth-token"),
    path(
        "projects/<slug:slug>/assignments/",
        assignments.AssignmentsView.as_view(),
        name="assignments",
    ),
    path(
        "articles/<id:article_id>/adjudication/",
        adjudication.AdjudicationView.as_view(),
        name="article-adjudication",
    ),
    path("projects/<slug:slug>/export/", views.ExportView.as_view(), name="export"),
    path(
        "projects/<slug:slug>/articles/", writes.ArticleImportView.as_view(), name="article-import"
    ),
    path(
        "articles/<id:article_id>/quotes/",
        writes.ArticleQuotesView.as_view(),
        name="article-quotes",
    ),
    path(
        "articles/<id:article_id>/status/",
        writes.ArticleStatusView.as_view(),
        name="article-status",
    ),
    path(
        "articles/<id:article_id>/suggestions/judge/",
        writes.SuggestionsJudgeView.as_view(),
        name="suggestions-judge",
    ),
    path("projects/<slug:slug>/export/manifest/", views.ManifestView.as_view(), name="manifest"),
    path("projects/<slug:slug>/history/", history.HistoryView.as_view(), name="history"),
    path("projects/<slug:slug>/flags/", flags.FlagsView.as_view(), name="flags"),
    path(
        "projects/<slug:slug>/speakers/<id:speaker_id>/quotes/",
        analysis.SpeakerQuotesView.as_view(),
        name="speaker-quotes",
    ),
    path(
        "projects/<slug:slug>/targets/<id:target_id>/stances/",
        analysis.TargetStancesView.as_view(),
        name="target-stances",
    ),
    path("projects/<slug:slug>/pages/", pages.PagesView.as_view(), name="pages"),
    path("jobs/<id:job_id>/", pages.JobView.as_view(), name="job"),
    path("projects/<slug:slug>/members/", admin_writes.MembersView.as_view(), name="members"),
    path("projects/<slug:slug>/targets/", admin_writes.TargetsView.as_view(), name="targets"),
    path("users/", admin_writes.UsersView.as_view(), name="users"),
    path("users/bulk/", admin_writes.PeopleCsvView.as_view(), name="users-bulk"),
    path("users/<id:user_id>/", admin_writes.UserView.as_view(), name="user"),
    path(
        "users/<id:user_id>/password-link/",
        admin_writes.PasswordLinkView.as_view(),
        name="user-password-link",
    ),
    path("projects/<slug:slug>/agreement/", views.AgreementView.as_view(), name="agreement"),
    *router.urls,
    # Anything else under /api/v1/ is a JSON 404, not the site's HTML page.
    re_path(r"", views.not_found),
]
