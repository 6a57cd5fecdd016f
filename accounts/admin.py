from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm

from accounts.models import User
from accounts.roles import Role, set_role

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
    fieldsets = [
        *BaseUserAdmin.fieldsets[:1],
        ("Role", {"fields": ["role"]}),
        *BaseUserAdmin.fieldsets[1:],
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="role")
    def role(self, user):
        return user.role or "—"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the groups field is saved, so that the role choice wins over it.
        if "role" in form.cleaned_data:
            set_role(user=form.instance, role=form.cleaned_data["role"])
