"""WSGI entry point, served by gunicorn in production."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsannot.settings")

application = get_wsgi_application()

# gunicorn runs no system checks: read the key now so that a missing one stops the boot
# instead of turning every request into a 500.
settings.SECRET_KEY  # noqa: B018
