from django.contrib.auth.backends import ModelBackend

from accounts.models import User


class RoleAwareBackend(ModelBackend):
    """Django's model backend, loading each request's user with their role in the same
    query: every page asks for the role, so this saves a query per request."""

    # Every request runs this query: its role subquery is built once per process, and it
    # has no ORDER BY (ids are unique), which would cost more to compile than to run.
    _users = User.objects.with_role().order_by()

    def get_user(self, user_id):
        user = next(iter(self._users.filter(pk=user_id)[:1]), None)
        return user if user is not None and self.user_can_authenticate(user) else None
