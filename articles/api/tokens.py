"""``auth/token/``: a script logs in with a username and password and gets a named, scoped,
expiring token, made as the tokens page makes one (``ApiTokenForm``'s rules, ``ApiToken``);
``DELETE`` ends the token the request came with.

Every refusal of the credentials says the same thing (a wrong password, an unknown or
inactive user), so that no answer tells who has an account. The login lockout
(django-axes) applies as on the login page; an account whose sessions need a second
factor makes its tokens in the app, where that factor is checked.
"""

import math
from datetime import timedelta

from axes.helpers import get_cool_off
from django.contrib.auth import authenticate
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.forms import LIFETIMES, ApiTokenForm
from accounts.models import ApiToken
from accounts.two_factor import requires_verification
from articles.api.serializers import (
    DetailSerializer,
    StrictChoiceField,
    StringField,
    WholeNumberField,
)
from articles.api.throttling import TokenLoginThrottle
from articles.api.writes import validated_data

# The longest lifetime the tokens page offers short of "never", which a script's
# password login does not get: a token that never expires is made in the app.
MAX_DAYS = max(life.days for life in LIFETIMES.values() if life is not None)
REFUSED = gettext_lazy("Unable to log in with these credentials.")


class TokenRequestSerializer(serializers.Serializer):
    username = StringField(max_length=150)
    password = StringField(max_length=4096)
    name = StringField(max_length=100, help_text="What the token is for; unique among yours.")
    scope = StrictChoiceField(
        choices=ApiToken.Scope.values,
        default=ApiToken.Scope.READ,
        help_text="read (the default), write or suggest; never more than your role allows.",
    )
    expiry_days = WholeNumberField(
        min_value=1, max_value=MAX_DAYS, default=90, help_text="Days until it expires."
    )


class TokenMadeSerializer(serializers.Serializer):
    token = serializers.CharField(help_text='Shown once: send it as "Authorization: Token …".')
    name = serializers.CharField()
    scope = serializers.CharField()
    expiry = serializers.DateTimeField()


class TokenEndedSerializer(serializers.Serializer):
    detail = serializers.CharField()


class TokenView(APIView):
    """Make a token from a username and password (no authentication), or end the one
    the request came with."""

    def initialize_request(self, request, *args, **kwargs):
        self.logging_in = request.method == "POST"
        return super().initialize_request(request, *args, **kwargs)

    def get_authenticators(self):
        # A login takes no credentials but those in its body (nor a session's CSRF check).
        return [] if self.logging_in else super().get_authenticators()

    def get_permissions(self):
        # A read-only token may still end itself.
        return [AllowAny()] if self.logging_in else [IsAuthenticated()]

    def get_throttles(self):
        return [TokenLoginThrottle()] if self.logging_in else super().get_throttles()

    @extend_schema(
        auth=[],
        request=TokenRequestSerializer,
        responses={
            201: TokenMadeSerializer,
            403: OpenApiResponse(
                DetailSerializer,
                description="The account uses a second factor: make the token on the tokens page.",
            ),
            429: OpenApiResponse(
                DetailSerializer,
                description="Too many attempts, or the login is locked out; see Retry-After.",
            ),
        },
    )
    def post(self, request):
        """A named, scoped token that expires after ``expiry_days`` (at most a year)."""
        data = validated_data(TokenRequestSerializer, request.data)
        # django-axes reads the client's address and marks a lockout on the request it is
        # given; DRF's request hands it Django's attributes.
        django_request = request
        user = authenticate(django_request, username=data["username"], password=data["password"])
        if getattr(django_request, "axes_locked_out", False):
            # Answered here, in JSON; django-axes's middleware would put the HTML page.
            django_request.axes_locked_out = False
            seconds = int(get_cool_off(django_request).total_seconds())
            minutes = math.ceil(seconds / 60)
            return Response(
                {
                    "detail": _(
                        "Too many failed logins: this login is locked for up to %(minutes)s "
                        "minutes."
                    )
                    % {"minutes": minutes}
                },
                status=status.HTTP_429_TOO_MANY_REQUESTS,
                headers={"Retry-After": str(seconds)},
            )
        if user is None:
            raise ValidationError({"detail": REFUSED})
        if requires_verification(user):
            tokens_page = request.build_absolute_uri(reverse("accounts:tokens"))
            raise PermissionDenied(
                _(
                    "Your account uses two-factor authentication, which a password login "
                    "cannot check: make the token in the app, at %(page)s."
                )
                % {"page": tokens_page}
            )
        form = ApiTokenForm(
            {"name": data["name"], "scope": data["scope"], "lifetime": "never"}, user=user
        )
        if not form.is_valid():
            raise ValidationError({field: errors[0] for field, errors in form.errors.items()})
        try:
            with transaction.atomic():
                token, secret = ApiToken.objects.create(
                    user=user,
                    expiry=timedelta(days=data["expiry_days"]),
                    name=form.cleaned_data["name"],
                    scope=form.cleaned_data["scope"],
                )
        except IntegrityError:  # the same name, made by a rival request just now
            raise ValidationError({"name": _("You already have a token with this name.")}) from None
        body = {"token": secret, "name": token.name, "scope": token.scope, "expiry": token.expiry}
        return Response(TokenMadeSerializer(body).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: TokenEndedSerializer})
    def delete(self, request):
        """End the token this request came with (a log-out); its next use is a 401."""
        if not isinstance(request.auth, ApiToken):
            raise ValidationError(
                {"detail": _("Send the token to end in its header; a browser session logs out.")}
            )
        request.auth.delete()
        return Response(
            {"detail": _("The token %(name)s no longer works.") % {"name": request.auth.name}}
        )
