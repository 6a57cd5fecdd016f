from django.urls import path

from articles import (
    converters,  # noqa: F401 - registers the "id" converter
    views,
)

app_name = "articles"

urlpatterns = [
    path("", views.project_list, name="project-list"),
    path("projects/<slug:slug>/", views.queue, name="queue"),
    path("projects/<slug:slug>/next/", views.next_article, name="next-article"),
    path("projects/<slug:slug>/speakers/", views.speaker_catalog, name="speaker-catalog"),
    path("articles/<id:article_id>/", views.article, name="article"),
    path("articles/<id:article_id>/status/", views.article_status, name="article-status"),
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
