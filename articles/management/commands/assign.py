from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from articles.models import Project
from articles.review.distribution import DistributionError, distribute, reassign_open_work


class Command(BaseCommand):
    help = (
        "Assign a project's articles to annotators, each article to --per-article different "
        "people, balancing their loads; or hand on the open work of one who left."
    )

    def add_arguments(self, parser):
        parser.add_argument("--project", required=True, help="the project's slug")
        parser.add_argument(
            "--annotators", required=True, help="comma-separated usernames, e.g. ana,ben,cai"
        )
        parser.add_argument(
            "--per-article",
            type=int,
            help="annotators per article (default: the project's setting)",
        )
        parser.add_argument(
            "--reassign-from",
            metavar="USERNAME",
            help="instead: give this annotator's unfinished articles to --annotators",
        )

    def handle(self, *args, project, annotators, per_article, reassign_from, **options):
        try:
            project = Project.objects.get(slug=project)
        except Project.DoesNotExist:
            raise CommandError(f"--project: no project with the slug {project!r}") from None
        people = self._users("--annotators", [n.strip() for n in annotators.split(",")])
        try:
            if reassign_from:
                (leaving,) = self._users("--reassign-from", [reassign_from])
                result = reassign_open_work(project=project, leaving=leaving, annotators=people)
            else:
                k = per_article if per_article is not None else project.annotators_per_article
                result = distribute(project=project, annotators=people, per_article=k)
        except DistributionError as error:
            raise CommandError(str(error).replace("per_article:", "--per-article:")) from None
        loads = ", ".join(f"{name} {n}" for name, n in result.loads.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.assigned} assignments on {result.articles} articles. "
                f"Assignments now: {loads}."
            )
        )

    def _users(self, option, names):
        names = [name for name in names if name]
        if not names:
            raise CommandError(f"{option}: give at least one username")
        users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
        missing = [name for name in names if name not in users]
        if missing:
            raise CommandError(f"{option}: no user {', '.join(missing)}")
        inactive = [name for name in names if not users[name].is_active]
        if inactive:
            raise CommandError(f"{option}: {', '.join(inactive)} is not active")
        return [users[name] for name in dict.fromkeys(names)]
