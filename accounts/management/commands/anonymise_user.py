from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.personal_data import anonymise_user


class Command(BaseCommand):
    help = (
        "Anonymise a departed user: a stable pseudonym replaces the username; names, e-mail, "
        "sign-on identity, two-factor devices and login records are cleared; the password "
        "becomes unusable, API tokens are revoked, sessions end and the account is "
        "deactivated. Their quotes, assignments and adjudications stay, under the pseudonym."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"username: no user {username!r}")
        name = anonymise_user(user=user)
        self.stdout.write(self.style.SUCCESS(f"{username} is now {name}, deactivated."))
