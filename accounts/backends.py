from django.contrib.auth.backends import ModelBackend

from accounts.models import User
from accounts.two_factor import enrolled_annotation


class RoleAwareBackend(ModelBackend):
    """Django's model backend, loading each request's user with their role (and whether
    they use two-factor authentication) in the same query: every page asks, so this
    saves queries on every request."""

    def get_user(self, user_id):
        # No ORDER BY (``first()`` would add one): the primary key finds one row.
        users = list(
            User.objects.with_role()
            .annotate(two_factor_enrolled=enrolled_annotation())
            .order_by()
            .filter(pk=user_id)[:1]
        )
        return users[0] if users and self.user_can_authenticate(users[0]) else None
