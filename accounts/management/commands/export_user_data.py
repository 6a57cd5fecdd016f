import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.personal_data import user_data


class Command(BaseCommand):
    help = (
        "Write everything the system holds about a user as JSON: profile, role, projects, "
        "assignments, quotes and stances, adjudications, rejected suggestions, API tokens "
        "(names, scopes, dates), sessions, two-factor devices and login attempts."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--output", type=Path, help="a file (default: standard output)")

    def handle(self, *args, username, output, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"username: no user {username!r}")
        text = json.dumps(user_data(user), ensure_ascii=False, indent=2) + "\n"
        if output is None:
            self.stdout.write(text, ending="")
            return
        # Written whole or not at all: the file appears under its name once complete.
        partial = output.with_name(output.name + ".partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(output)
        self.stdout.write(self.style.SUCCESS(f"Wrote the personal data of {username} to {output}."))
