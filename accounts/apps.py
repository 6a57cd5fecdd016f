from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from accounts import (  # noqa: F401
            lockout,  # connects the login log's receivers
            two_factor_guards,  # registers the schema extension
        )


class TwoFactorAdminConfig(admin_apps.AdminConfig):
    """The admin site, behind two-factor authentication (in INSTALLED_APPS in place of
    django.contrib.admin, as Django documents for replacing the default site)."""

    default = False  # "accounts" alone still means AccountsConfig
    default_site = "accounts.two_factor_guards.TwoFactorAdminSite"
