from django.contrib.auth.backends import ModelBackend

from accounts.models import User
from newsannot.prepared import PreparedQuery

# Every request runs this query, its role subquery included: compiled once per process.
_user_with_role = PreparedQuery(lambda pk: User.objects.with_role().order_by().filter(pk=pk)[:1])


class RoleAwareBackend(ModelBackend):
    """Django's model backend, loading each request's user with their role in the same
    query: every page asks for the role, so this saves a query per request."""

    def get_user(self, user_id):
        user = _user_with_role.first(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
