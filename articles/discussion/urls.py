"""Included by ``articles.urls``: the names live in its ``articles`` namespace."""

from django.urls import path

from articles.discussion import views

urlpatterns = [
    path("articles/<id:article_id>/flags/", views.flag_create, name="flag-create"),
    path("flags/<id:flag_id>/answer/", views.flag_answer, name="flag-answer"),
    path("flags/<id:flag_id>/resolve/", views.flag_resolve, name="flag-resolve"),
]
