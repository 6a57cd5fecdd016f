"""``GET /api/v1/``: where everything is. Open to anyone, signed in or not: it names only
URLs, which the OpenAPI schema (also open) describes in full; each endpoint checks its own
permissions."""

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

# Stand-ins reversed into the URLs, then shown as the placeholders the schema uses.
SLUG, ID = "slug-placeholder", 987654321987
ENDPOINTS = {
    "auth-token": ("api:auth-token", {}),
    "projects": ("api:project-list", {}),
    "project": ("api:project-detail", {"slug": SLUG}),
    "members": ("api:members", {"slug": SLUG}),
    "targets": ("api:targets", {"slug": SLUG}),
    "assignments": ("api:assignments", {"slug": SLUG}),
    "article-import": ("api:article-import", {"slug": SLUG}),
    "export": ("api:export", {"slug": SLUG}),
    "manifest": ("api:manifest", {"slug": SLUG}),
    "agreement": ("api:agreement", {"slug": SLUG}),
    "history": ("api:history", {"slug": SLUG}),
    "flags": ("api:flags", {"slug": SLUG}),
    "speaker-quotes": ("api:speaker-quotes", {"slug": SLUG, "speaker_id": ID}),
    "target-stances": ("api:target-stances", {"slug": SLUG, "target_id": ID}),
    "pages": ("api:pages", {"slug": SLUG}),
    "articles": ("api:article-list", {}),
    "article": ("api:article-detail", {"pk": ID}),
    "article-quotes": ("api:article-quotes", {"article_id": ID}),
    "article-status": ("api:article-status", {"article_id": ID}),
    "article-adjudication": ("api:article-adjudication", {"article_id": ID}),
    "suggestions-judge": ("api:suggestions-judge", {"article_id": ID}),
    "quotes": ("api:quote-list", {}),
    "speakers": ("api:speaker-list", {}),
    "target-list": ("api:target-list", {}),
    "users": ("api:users", {}),
    "users-bulk": ("api:users-bulk", {}),
    "user": ("api:user", {"user_id": ID}),
}


class IndexView(APIView):
    """The API's endpoints by name, as absolute URLs ({slug} and {id} to fill in), with
    the OpenAPI schema and its documentation."""

    authentication_classes = []  # the same answer for everyone; a bad token is no matter
    permission_classes = [AllowAny]

    @extend_schema(auth=[], responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        def absolute(name, kwargs):
            # Filled in after build_absolute_uri, which would escape the braces.
            url = request.build_absolute_uri(reverse(name, kwargs=kwargs))
            return url.replace(SLUG, "{slug}").replace(str(ID), "{id}")

        return Response(
            {
                "endpoints": {key: absolute(*where) for key, where in ENDPOINTS.items()},
                "schema": request.build_absolute_uri(reverse("schema")),
                "docs": request.build_absolute_uri(reverse("api-docs")),
                "authentication": _(
                    'Send "Authorization: Token <token>". Make a token at %(page)s, or from '
                    "a username and password with POST auth-token."
                )
                % {"page": request.build_absolute_uri(reverse("accounts:tokens"))},
            }
        )
