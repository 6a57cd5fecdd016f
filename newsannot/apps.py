from django.apps import AppConfig


class NewsannotConfig(AppConfig):
    name = "newsannot"
    verbose_name = "newsannot"

    def ready(self):
        from newsannot import checks  # noqa: F401 - registers the checks
