from functools import cached_property

from django.contrib.auth.models import AbstractUser

from accounts.roles import Role


class User(AbstractUser):
    """A person who annotates, reviews, researches or administers.

    Roles are auth groups (see ``accounts.roles``); admins are staff.
    """

    class Meta:
        ordering = ["username"]

    @cached_property
    def role(self) -> str:
        """The user's role name: ``admin`` for staff, else their role group, else ``""``."""
        if self.is_staff:
            return "admin"
        # Iterating .all() uses a prefetch when the caller made one.
        names = {group.name for group in self.groups.all()}
        return next((role.value for role in Role if role.value in names), "")
