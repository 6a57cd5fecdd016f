from django.urls import path

from articles.analysis import views

urlpatterns = [
    path("projects/<slug:slug>/analysis/", views.analysis, name="analysis"),
    path("projects/<slug:slug>/analysis/figures.csv", views.analysis_csv, name="analysis-csv"),
    path(
        "projects/<slug:slug>/analysis/speakers/<id:speaker_id>/",
        views.speaker_page,
        name="speaker-page",
    ),
]
