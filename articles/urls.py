from django.urls import include, path

from articles import converters  # noqa: F401 - registers the "id" converter
from articles.annotation import views as annotation
from articles.history import views as history
from articles.review import views as review

app_name = "articles"

urlpatterns = [
    path("", annotation.project_list, name="project-list"),
    path("", include("articles.jobs.urls")),  # upload, export and their jobs
    path("", include("articles.analysis.urls")),  # corpus figures, speaker pages
    path("", include("articles.browse.urls")),  # the articles page
    path("", include("articles.manage.urls")),  # project settings, targets, members
    path("", include("articles.catalog.urls")),  # the speaker catalog page
    path("", include("articles.discussion.urls")),  # flags and their threads
    path("projects/<slug:slug>/", annotation.queue, name="queue"),
    path("projects/<slug:slug>/next/", annotation.next_article, name="next-article"),
    path("projects/<slug:slug>/speakers/", annotation.speaker_catalog, name="speaker-catalog"),
    path("projects/<slug:slug>/dashboard/", review.dashboard, name="dashboard"),
    path("projects/<slug:slug>/distribute/", review.distribute_page, name="distribute"),
    path(
        "projects/<slug:slug>/adjudicate/next/",
        review.next_to_adjudicate,
        name="next-to-adjudicate",
    ),
    path("articles/<id:article_id>/", annotation.article, name="article"),
    path("articles/<id:article_id>/history/", history.article_history, name="article-history"),
    path(
        "articles/<id:article_id>/quotes/<id:quote_id>/history/",
        history.quote_history,
        name="quote-history",
    ),
    path("articles/<id:article_id>/adjudicate/", review.adjudicate, name="adjudicate"),
    path(
        "articles/<id:article_id>/adjudicate/unanimous/",
        review.adjudicate_unanimous,
        name="adjudicate-unanimous",
    ),
    path(
        "articles/<id:article_id>/adjudicate/finish/",
        review.adjudicate_finish,
        name="adjudicate-finish",
    ),
    path(
        "articles/<id:article_id>/adjudicate/gold/",
        review.gold_create,
        name="gold-create",
    ),
    path(
        "articles/<id:article_id>/adjudicate/gold/<id:quote_id>/",
        review.gold_edit,
        name="gold-edit",
    ),
    path(
        "articles/<id:article_id>/adjudicate/gold/<id:quote_id>/delete/",
        review.gold_delete,
        name="gold-delete",
    ),
    path(
        "articles/<id:article_id>/adjudicate/<slug:action>/",
        review.adjudicate_group,
        name="adjudicate-group",
    ),
    path("articles/<id:article_id>/status/", annotation.article_status, name="article-status"),
    path(
        "articles/<id:article_id>/suggestions/judge/",
        annotation.suggestions_judge,
        name="suggestions-judge",
    ),
    path("articles/<id:article_id>/quotes/", annotation.quote_create, name="quote-create"),
    path("articles/<id:article_id>/quotes/undo/", annotation.quote_undo, name="quote-undo"),
    path(
        "articles/<id:article_id>/quotes/<id:quote_id>/",
        annotation.quote_update,
        name="quote-update",
    ),
    path(
        "articles/<id:article_id>/quotes/<id:quote_id>/delete/",
        annotation.quote_delete,
        name="quote-delete",
    ),
    path(
        "articles/<id:article_id>/quotes/<id:quote_id>/accept/",
        annotation.quote_accept,
        name="quote-accept",
    ),
]
