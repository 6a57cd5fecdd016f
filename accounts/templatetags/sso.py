"""The login page's single sign-on button."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def sso_provider_name() -> str:
    """The provider's name when single sign-on is configured, else ``""`` (no button)."""
    return settings.OIDC_PROVIDER_NAME if settings.OIDC_ENABLED else ""
