from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.demo import load_demo


class Command(BaseCommand):
    help = "Create the demo project, its sample articles and one user per role (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="run even with DEBUG off (the demo users have published passwords)",
        )

    def handle(self, *args, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo creates users with published passwords; it runs only with "
                "DEBUG=true, or with --force if you really mean it."
            )
        result = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo project “{result.project.name}” ({result.project.slug}): "
                f"{result.project.articles.count()} articles, "
                f"{result.articles_created} new."
            )
        )
        self.stdout.write("Logins (username / password / role):")
        for login in result.logins:
            note = "" if login.created else "  (existed; password left as it was)"
            self.stdout.write(f"  {login.username:<12} {login.password:<22} {login.role}{note}")
        if settings.TWO_FACTOR_REQUIRED_FOR_STAFF:
            self.stdout.write(
                "admin is staff: at the first login it sets up an authenticator app (two-factor "
                "is required for staff; TWO_FACTOR_REQUIRED_FOR_STAFF=false turns that off)."
            )
