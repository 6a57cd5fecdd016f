"""Included by ``articles.urls``: the names live in its ``articles`` namespace."""

from django.urls import path

from articles.jobs import views

urlpatterns = [
    path("projects/<slug:slug>/upload/", views.upload, name="upload"),
    path("projects/<slug:slug>/fetch/", views.fetch_pages, name="fetch-pages"),
    path("projects/<slug:slug>/export/", views.export, name="export"),
    path("projects/<slug:slug>/suggest/", views.suggest, name="suggest"),
    path("jobs/<id:job_id>/", views.job, name="job"),
    path("jobs/<id:job_id>/import/", views.job_start, name="job-start"),
    path("jobs/<id:job_id>/cancel/", views.job_cancel, name="job-cancel"),
    path("jobs/<id:job_id>/download/", views.job_download, name="job-download"),
    path("jobs/<id:job_id>/manifest/", views.job_manifest, name="job-manifest"),
]
