"""System checks for configuration that Django would otherwise only notice mid-request."""

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured


@register()
def secret_key_is_set(app_configs, **kwargs):
    """Refuse to start without a SECRET_KEY, instead of failing on the first login."""
    try:
        settings.SECRET_KEY  # noqa: B018 - Django raises on an empty key when it is read
    except ImproperlyConfigured:
        return [
            Error(
                "SECRET_KEY is not set (and DEBUG is off, so there is no development key).",
                hint="Set SECRET_KEY in the environment, e.g. to the output of "
                'python -c "import secrets; print(secrets.token_urlsafe(50))".',
                id="newsannot.E001",
            )
        ]
    return []
