from django.contrib.auth.backends import ModelBackend

from accounts.models import User


class RoleAwareBackend(ModelBackend):
    """Django's model backend, loading each request's user with their role in the same
    query: every page asks for the role, so this saves a query per request."""

    def get_user(self, user_id):
        user = User.objects.with_role().filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
