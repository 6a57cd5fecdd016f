from django.urls import path

from accounts import people_views, two_factor_views, views
from articles import converters  # noqa: F401 - registers the "id" converter

app_name = "accounts"

urlpatterns = [
    path("language/", views.language, name="language"),
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
    path("people/", people_views.people_page, name="people"),
    path("people/add/", people_views.person_add, name="person-add"),
    path("people/bulk/", people_views.people_bulk, name="people-bulk"),
    path("people/<id:user_id>/role/", people_views.person_role, name="person-role"),
    path("people/<id:user_id>/active/", people_views.person_active, name="person-active"),
    path("people/<id:user_id>/password/", people_views.person_password, name="person-password"),
]
