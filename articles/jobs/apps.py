from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "articles.jobs"
    label = "jobs"
    verbose_name = "Background jobs"
