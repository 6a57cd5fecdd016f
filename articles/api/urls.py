from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from articles import converters  # noqa: F401 - registers the "id" converter
from articles.api import views, writes

router = SimpleRouter()
router.register("projects", views.ProjectViewSet, basename="project")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("quotes", views.QuoteViewSet, basename="quote")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("targets", views.TargetViewSet, basename="target")

app_name = "api"

urlpatterns = [
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
    path("projects/<slug:slug>/agreement/", views.AgreementView.as_view(), name="agreement"),
    *router.urls,
    # Anything else under /api/v1/ is a JSON 404, not the site's HTML page.
    re_path(r"", views.not_found),
]
