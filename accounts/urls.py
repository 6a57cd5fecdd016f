from django.urls import path

from accounts import two_factor_views, views

app_name = "accounts"

urlpatterns = [
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<str:token_key>/revoke/", views.revoke_token, name="revoke-token"),
    path("two-factor/", two_factor_views.overview, name="two-factor"),
    path("two-factor/enrol/", two_factor_views.enrol, name="two-factor-enrol"),
    path("two-factor/verify/", two_factor_views.verify, name="two-factor-verify"),
    path(
        "two-factor/recovery-codes/",
        two_factor_views.regenerate_codes,
        name="two-factor-recovery-codes",
    ),
    path("two-factor/disable/", two_factor_views.turn_off, name="two-factor-disable"),
]
