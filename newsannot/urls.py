from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("accounts.password_urls")),
    # The scripts' translations, by language (the query names it, so a browser's cached
    # copy follows a user's change of language).
    path(
        "jsi18n/",
        cache_control(max_age=3600, public=True)(JavaScriptCatalog.as_view()),
        name="javascript-catalog",
    ),
    path("api/v1/", include("articles.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI sets inline styles; its scripts still come only from our static files.
    path(
        "api/docs/",
        csp_update({"style-src": [UNSAFE_INLINE]})(
            SpectacularSwaggerSplitView.as_view(url_name="schema")
        ),
        name="api-docs",
    ),
    path("account/", include("accounts.urls")),
    path("", include("articles.urls")),
]

# A body over DATA_UPLOAD_MAX_MEMORY_SIZE, or too many fields, gets a message saying so.
handler400 = "newsannot.errors.bad_request"
# A database that cannot be reached is a 503 with Retry-After, not a 500.
handler500 = "newsannot.outages.server_error"

# Single sign-on's URLs exist only when it is configured: otherwise there is no provider to
# send anyone to, and the library's views would fail for want of its settings. Its logout
# goes first, in place of Django's: it also ends, where configured, the provider's session.
if settings.OIDC_ENABLED:
    from accounts import oidc

    urlpatterns = [
        path("accounts/logout/", oidc.LogoutView.as_view(), name="logout"),
        path("oidc/", include("mozilla_django_oidc.urls")),
        *urlpatterns,
    ]
