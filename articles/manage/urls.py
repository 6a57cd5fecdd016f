"""Included by ``articles.urls``: the names live in its ``articles`` namespace."""

from django.urls import path

from articles.manage import views

urlpatterns = [
    path("manage/projects/new/", views.project_create, name="project-create"),
    path("manage/guidelines/preview/", views.guidelines_preview, name="guidelines-preview"),
    path("projects/<slug:slug>/edit/", views.project_edit, name="project-edit"),
    path("projects/<slug:slug>/targets/", views.target_add, name="target-add"),
    path(
        "projects/<slug:slug>/targets/<id:target_id>/remove/",
        views.target_remove,
        name="target-remove",
    ),
    path("projects/<slug:slug>/members/", views.members, name="members"),
    path(
        "projects/<slug:slug>/members/<id:user_id>/remove/",
        views.member_remove,
        name="member-remove",
    ),
]
