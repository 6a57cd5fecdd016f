"""``manage.py bootstrap``: a fresh database made ready to log in, in one process.

It migrates, then creates the first admin once, so a new deployment (or compose's web
service, on every start) pays Django's start-up once instead of twice. The password
comes from ``DJANGO_SUPERUSER_PASSWORD`` or a prompt, never from the command line, and
passes the same validators as every other way of setting one.
"""

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Apply the migrations, then create the first admin unless one exists "
        "(--username or DJANGO_SUPERUSER_USERNAME; password from DJANGO_SUPERUSER_PASSWORD "
        "or a prompt)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username",
            default=os.environ.get("DJANGO_SUPERUSER_USERNAME", ""),
            help="The first admin's username (default: DJANGO_SUPERUSER_USERNAME).",
        )
        parser.add_argument(
            "--email",
            default=os.environ.get("DJANGO_SUPERUSER_EMAIL", ""),
            help="The first admin's e-mail address (default: DJANGO_SUPERUSER_EMAIL).",
        )
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Never prompt: without DJANGO_SUPERUSER_PASSWORD no admin is created.",
        )

    def handle(self, *args, username, email, interactive, verbosity, **options):
        # This command's own system checks have run; migrate need not repeat them.
        call_command("migrate", interactive=False, verbosity=verbosity, skip_checks=True)
        users = get_user_model()
        if users.objects.filter(is_superuser=True).exists():
            self._say(verbosity, "An admin exists: none created.")
            return
        if not username:
            self._say(
                verbosity, "No admin created: give --username (or DJANGO_SUPERUSER_USERNAME)."
            )
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or self._prompt(interactive)
        if not password:
            raise CommandError(
                "password: set DJANGO_SUPERUSER_PASSWORD (or run interactively) to create "
                f"the admin {username!r}; the migrations are applied."
            )
        admin = users(username=username, email=email)
        try:
            admin.full_clean(exclude=["password"])
            validate_password(password, admin)
        except ValidationError as error:
            raise CommandError(_described(error)) from None
        with transaction.atomic():
            users.objects.create_superuser(username=username, email=email, password=password)
        self._say(verbosity, f"Admin {username!r} created: log in at /accounts/login/.")

    def _prompt(self, interactive: bool) -> str:
        if not interactive or not sys.stdin.isatty():
            return ""
        password = getpass.getpass("Password for the first admin: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("password: the two passwords differ; nothing created.")
        return password

    def _say(self, verbosity: int, message: str) -> None:
        if verbosity:
            self.stdout.write(message)


def _described(error: ValidationError) -> str:
    """``field: message`` for each problem, password problems named ``password``."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return "password: " + " ".join(error.messages)
