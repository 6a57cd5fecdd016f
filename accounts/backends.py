from django.contrib.auth.backends import ModelBackend

from accounts.models import User
from accounts.two_factor import enrolled_annotation
from newsannot.prepared import PreparedQuery

# Every request runs this query, its role subquery included: compiled once per process.
# It also tells whether the user set up two-factor authentication, which every page asks.
_user_with_role = PreparedQuery(
    lambda pk: (
        User.objects.with_role()
        .annotate(two_factor_enrolled=enrolled_annotation())
        .order_by()
        .filter(pk=pk)[:1]
    )
)


class RoleAwareBackend(ModelBackend):
    """Django's model backend, loading each request's user with their role (and whether
    they use two-factor authentication) in the same query: every page asks, so this
    saves queries on every request."""

    def get_user(self, user_id):
        user = _user_with_role.first(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
