from django.urls import path

from articles.browse import views

urlpatterns = [
    path("projects/<slug:slug>/articles/", views.articles, name="articles"),
]
