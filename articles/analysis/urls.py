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
    path(
        "projects/<slug:slug>/analysis/targets/<id:target_id>/",
        views.target_page,
        name="target-page",
    ),
    path("projects/<slug:slug>/analysis/quotes/", views.quote_search, name="quote-search"),
    path(
        "projects/<slug:slug>/analysis/quotes/export/",
        views.quote_search_export,
        name="quote-search-export",
    ),
]
