import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.http import HttpResponse
from django.template.response import TemplateResponse

from accounts import personal_data
from accounts.models import User
from accounts.roles import Role, set_role
from articles.exchange.downloads import attachment

ROLE_CHOICES = [("", "No role"), *Role.choices]


class UserWithRoleForm(UserChangeForm):
    role = forms.ChoiceField(
        choices=ROLE_CHOICES,
        required=False,
        help_text="What the user does in projects. Admins are staff users.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            names = set(self.instance.groups.values_list("name", flat=True))
            self.initial["role"] = next((r for r in Role.values if r in names), "")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserWithRoleForm
    list_display = [
        "username",
        "email",
        "first_name",
        "last_name",
        "role",
        "is_active",
        "last_login",
    ]
    list_filter = ["groups", "is_staff", "is_active"]
    # The role is how a user gets permissions (its group's): no groups or per-user
    # permissions widget beside it to say otherwise.
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Role", {"fields": ["role"]}),
        ("Personal info", {"fields": ["first_name", "last_name", "email"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser"]}),
        ("Important dates", {"fields": ["last_login", "date_joined"]}),
    ]

    actions = ["export_personal_data", "deactivate_users", "anonymise_users"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.action(description="Export personal data (JSON)", permissions=["change"])
    def export_personal_data(self, request, queryset):
        users = list(queryset.order_by("username"))
        if len(users) == 1:
            data = personal_data.user_data(users[0])
            filename = f"personal-data-{users[0].username}.json"
        else:
            data = {"users": [personal_data.user_data(user) for user in users]}
            filename = "personal-data.json"
        body = json.dumps(data, ensure_ascii=False, indent=2)
        return attachment(HttpResponse(body, content_type="application/json"), filename)

    @admin.action(
        description="Deactivate (end sessions, revoke API tokens)", permissions=["change"]
    )
    def deactivate_users(self, request, queryset):
        for user in self._others(request, queryset):
            personal_data.deactivate_user(user=user)
            self.log_change(request, user, "Deactivated: sessions ended, API tokens revoked.")
            self.message_user(request, f"Deactivated {user}.", messages.SUCCESS)

    @admin.action(description="Anonymise departed users…", permissions=["change"])
    def anonymise_users(self, request, queryset):
        if "apply" not in request.POST:
            context = {
                **self.admin_site.each_context(request),
                "title": "Anonymise users",
                "opts": self.model._meta,
                "objects": queryset,
                "action": "anonymise_users",
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
                "selected": request.POST.getlist(ACTION_CHECKBOX_NAME),
            }
            return TemplateResponse(request, "admin/accounts/anonymise_users.html", context)
        for user in self._others(request, queryset):
            old = user.get_username()
            personal_data.anonymise_user(user=user)
            self.log_change(request, user, "Anonymised.")
            self.message_user(request, f"Anonymised {old}: now {user}.", messages.SUCCESS)
        return None

    def _others(self, request, queryset) -> list:
        """The selected users but the admin acting, who is told so."""
        users = list(queryset.order_by("username"))
        if any(user.pk == request.user.pk for user in users):
            self.message_user(
                request, "Left out your own account: not your own account.", messages.ERROR
            )
        return [user for user in users if user.pk != request.user.pk]

    @admin.display(description="role")
    def role(self, user):
        return user.role or "—"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the groups field is saved, so that the role choice wins over it.
        if "role" in form.cleaned_data:
            set_role(user=form.instance, role=form.cleaned_data["role"])
