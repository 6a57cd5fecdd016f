"""``manage.py fingerprint_articles``: signatures for the articles that have none (those
imported from files or the API), so fetched pages and feed items are checked against
them for near-duplicates."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.ingest.services import fingerprint
from articles.models import Article, Project

BATCH = 500


class Command(BaseCommand):
    help = "Fingerprint the articles that have no near-duplicate signature yet."

    def add_arguments(self, parser):
        parser.add_argument("--project", help="only this project (its slug)")

    def handle(self, *args, project, **options):
        articles = Article.objects.filter(fingerprint__isnull=True).order_by("pk")
        if project:
            if not Project.objects.filter(slug=project).exists():
                raise CommandError(f"--project: no project with the slug {project!r}")
            articles = articles.filter(project__slug=project)
        done = 0
        while batch := list(articles.only("pk", "project_id", "text")[:BATCH]):
            with transaction.atomic():
                for article in batch:
                    fingerprint(article)
            done += len(batch)
        self.stdout.write(f"Fingerprinted {done} articles.")
