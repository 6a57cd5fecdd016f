from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.models import Article, Project
from articles.suggestions import suggest_quotes


class Command(BaseCommand):
    help = (
        "Run the quote extraction engine on a project's articles and give the suggestions "
        "to their annotators. Running it again never duplicates or touches human work."
    )

    def add_arguments(self, parser):
        parser.add_argument("--project", required=True, help="the project's slug")
        parser.add_argument(
            "--article", type=int, nargs="*", default=[], help="only these article ids"
        )

    def handle(self, *args, project, article, **options):
        try:
            project = Project.objects.get(slug=project)
        except Project.DoesNotExist:
            raise CommandError(f"--project: no project with the slug {project!r}") from None
        articles = Article.objects.filter(project=project).select_related("project")
        if article:
            articles = articles.filter(pk__in=article)
            missing = set(article) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(
                    f"--article: no article {', '.join(map(str, sorted(missing)))} in "
                    f"{project.slug}"
                )
        progress = tqdm(
            articles.order_by("pk").iterator(chunk_size=200),
            total=articles.count(),
            unit=" articles",
            disable=None,
        )
        result = suggest_quotes(articles=progress)
        progress.close()
        self.stdout.write(self.style.SUCCESS(str(result)))
