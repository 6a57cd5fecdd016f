from functools import cached_property

from django.contrib.auth.models import AbstractUser, Group
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from knox.models import AbstractAuthToken

from accounts.roles import Role, reviews, suggests


def role_name_of(user: models.OuterRef) -> models.Subquery:
    """The name of the role group of the user ``user`` refers to, as a subquery."""
    groups = Group.objects.filter(user=user, name__in=Role.values)
    return models.Subquery(groups.values("name")[:1])


class UserQuerySet(models.QuerySet):
    def with_role(self):
        """Annotate ``role_name``, the user's role group, read by ``User.role``."""
        return self.annotate(role_name=role_name_of(models.OuterRef("pk")))


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    """A person who annotates, reviews, researches or administers.

    Roles are auth groups (see ``accounts.roles``); admins are staff.
    """

    # Who the OpenID Connect provider says this is: its issuer and the user's subject
    # there, the one stable claim (accounts.oidc). Both empty for local-only accounts.
    oidc_issuer = models.CharField("single sign-on issuer", max_length=255, blank=True)
    oidc_subject = models.CharField("single sign-on subject", max_length=255, blank=True)

    # The interface language the user chose (a code of settings.LANGUAGES); empty: the
    # browser's (accounts.language).
    language = models.CharField("language", max_length=16, blank=True, default="")

    objects = UserManager()

    class Meta:
        ordering = ["username"]
        constraints = [
            models.UniqueConstraint(
                fields=["oidc_issuer", "oidc_subject"],
                condition=~models.Q(oidc_subject=""),
                name="user_oidc_identity_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(oidc_issuer="", oidc_subject="")
                | (~models.Q(oidc_issuer="") & ~models.Q(oidc_subject="")),
                name="user_oidc_identity_whole",
            ),
        ]

    @property
    def reviews(self) -> bool:
        """See ``accounts.roles.reviews``; for templates."""
        return reviews(self)

    @cached_property
    def role(self) -> str:
        """The user's role name: ``admin`` for staff, else their role group, else ``""``."""
        if self.is_staff:
            return "admin"
        if "role_name" in self.__dict__:
            return self.role_name or ""
        # Iterating .all() uses a prefetch when the caller made one.
        names = {group.name for group in self.groups.all()}
        return next((role.value for role in Role if role.value in names), "")


class TokenScope(models.TextChoices):
    """What a token may do: never more than its owner's role allows, when it is made and
    at every request (a role taken away takes the token's use of it too)."""

    READ = "read", "Read only"
    WRITE = "write", "Read and write (what your role allows)"
    SUGGEST = "suggest", "Read, and post model predictions as suggestions"

    @classmethod
    def allowed_for(cls, user) -> list["TokenScope"]:
        """The scopes the user's role permits today: researchers write nothing; model
        suggestions come only from those who may make them (``roles.suggests``)."""
        scopes = [cls.READ]
        if user.role != Role.RESEARCHER:
            scopes.append(cls.WRITE)
        if suggests(user):
            scopes.append(cls.SUGGEST)
        return scopes


class ApiToken(AbstractAuthToken):
    """A personal API token: stored as a hash by django-rest-knox, named by its owner,
    scoped, revocable at once, and expiring unless made to last."""

    Scope = TokenScope

    name = models.CharField(max_length=100, help_text="What the token is for, e.g. 'laptop'.")
    scope = models.CharField(max_length=16, choices=TokenScope.choices, default=TokenScope.WRITE)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="api_token_name_per_user"),
            models.CheckConstraint(
                condition=models.Q(scope__in=TokenScope.values), name="api_token_scope_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.token_key}…)"
