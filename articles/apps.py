from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles and annotations"

    def ready(self):
        from articles.api import schema  # noqa: F401 - registers the schema extension
