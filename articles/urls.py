from django.urls import path

from articles import (
    converters,  # noqa: F401 - registers the "id" converter
    review_views,
    views,
)

app_name = "articles"

urlpatterns = [
    path("", views.project_list, name="project-list"),
    path("projects/<slug:slug>/", views.queue, name="queue"),
    path("projects/<slug:slug>/next/", views.next_article, name="next-article"),
    path("projects/<slug:slug>/speakers/", views.speaker_catalog, name="speaker-catalog"),
    path("projects/<slug:slug>/dashboard/", review_views.dashboard, name="dashboard"),
    path("projects/<slug:slug>/distribute/", review_views.distribute_page, name="distribute"),
    path(
        "projects/<slug:slug>/adjudicate/next/",
        review_views.next_to_adjudicate,
        name="next-to-adjudicate",
    ),
    path("articles/<id:article_id>/", views.article, name="article"),
    path("articles/<id:article_id>/adjudicate/", review_views.adjudicate, name="adjudicate"),
    path(
        "articles/<id:article_id>/adjudicate/unanimous/",
        review_views.adjudicate_unanimous,
        name="adjudicate-unanimous",
    ),
    path(
        "articles/<id:article_id>/adjudicate/finish/",
        review_views.adjudicate_finish,
        name="adjudicate-finish",
    ),
    path(
        "articles/<id:article_id>/adjudicate/gold/",
        review_views.gold_create,
        name="gold-create",
    ),
    path(
        "articles/<id:article_id>/adjudicate/gold/<id:quote_id>/",
        review_views.gold_edit,
        name="gold-edit",
    ),
    path(
        "articles/<id:article_id>/adjudicate/gold/<id:quote_id>/delete/",
        review_views.gold_delete,
        name="gold-delete",
    ),
    path(
        "articles/<id:article_id>/adjudicate/<slug:action>/",
        review_views.adjudicate_group,
        name="adjudicate-group",
    ),
    path("articles/<id:article_id>/status/", views.article_status, name="article-status"),
    path(
        "articles/<id:article_id>/suggestions/judge/",
        views.suggestions_judge,
        name="suggestions-judge",
    ),
    path("articles/<id:article_id>/quotes/", views.quote_create, name="quote-create"),
    path("articles/<id:article_id>/quotes/undo/", views.quote_undo, name="quote-undo"),
    path(
        "articles/<id:article_id>/quotes/<id:quote_id>/",
        views.quote_update,
        name="quote-update",
    ),
    path(
        "articles/<id:article_id>/quotes/<id:quote_id>/delete/",
        views.quote_delete,
        name="quote-delete",
    ),
    path(
        "articles/<id:article_id>/quotes/<id:quote_id>/accept/",
        views.quote_accept,
        name="quote-accept",
    ),
]
