"""Create the role groups with their model permissions."""

from django.apps import apps as installed_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "annotator": [
        "view_project", "view_article", "view_speaker", "add_speaker", "view_speakeralias",
        "add_speakeralias", "view_stancetarget", "view_assignment", "change_assignment",
        "view_quote", "add_quote", "change_quote", "delete_quote",
        "view_stancelabel", "add_stancelabel", "change_stancelabel", "delete_stancelabel",
    ],
    "reviewer": [
        "view_project", "view_article", "view_speaker", "add_speaker", "change_speaker",
        "view_speakeralias", "add_speakeralias", "change_speakeralias", "delete_speakeralias",
        "view_stancetarget", "view_assignment", "change_assignment",
        "view_quote", "add_quote", "change_quote", "delete_quote",
        "view_stancelabel", "add_stancelabel", "change_stancelabel", "delete_stancelabel",
    ],
    "researcher": [
        "view_project", "view_article", "view_speaker", "view_speakeralias",
        "view_stancetarget", "view_assignment", "view_quote", "view_stancelabel",
    ],
}


def create_role_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; make the articles app's now.
    create_permissions(installed_apps.get_app_config("articles"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        permissions = Permission.objects.filter(
            content_type__app_label="articles", codename__in=codenames
        )
        if permissions.count() != len(codenames):
            raise RuntimeError(f"missing permissions for role {role}")
        group.permissions.set(permissions)


def delete_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role_groups, delete_role_groups)]
