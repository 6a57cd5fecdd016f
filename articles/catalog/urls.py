"""Included by ``articles.urls``: the names live in its ``articles`` namespace."""

from django.urls import path

from articles.catalog import views

urlpatterns = [
    path("projects/<slug:slug>/catalog/", views.speakers, name="speakers"),
    path(
        "projects/<slug:slug>/catalog/<id:speaker_id>/edit/",
        views.speaker_edit,
        name="speaker-edit",
    ),
    path(
        "projects/<slug:slug>/catalog/<id:speaker_id>/confirm/",
        views.speaker_confirm,
        name="speaker-confirm",
    ),
    path(
        "projects/<slug:slug>/catalog/<id:speaker_id>/merge/",
        views.speaker_merge,
        name="speaker-merge",
    ),
    path(
        "projects/<slug:slug>/catalog/<id:speaker_id>/aliases/",
        views.alias_add,
        name="alias-add",
    ),
    path(
        "projects/<slug:slug>/catalog/<id:speaker_id>/aliases/<id:alias_id>/remove/",
        views.alias_remove,
        name="alias-remove",
    ),
]
