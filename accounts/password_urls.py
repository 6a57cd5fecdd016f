"""Password change and reset under Django's own URL names, which its views reverse."""

from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import passwords

urlpatterns = [
    path("password/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/changed/",
        passwords.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password/reset/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        passwords.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        passwords.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
