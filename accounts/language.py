"""The interface language: the user's own choice where they made one, else the
browser's (Django's LocaleMiddleware, which runs before authentication)."""

from django.conf import settings
from django.utils import translation


def chosen_language(user) -> str:
    """The user's language code if they chose one we have, else ""."""
    code = getattr(user, "language", "") if user.is_authenticated else ""
    return code if code in dict(settings.LANGUAGES) else ""


class UserLanguageMiddleware:
    """Activate the logged-in user's chosen language for the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = chosen_language(request.user)
        if code:
            translation.activate(code)
            request.LANGUAGE_CODE = code
        response = self.get_response(request)
        if code:
            response.headers.setdefault("Content-Language", code)
        return response
