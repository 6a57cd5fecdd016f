"""Check quote inserts on PostgreSQL once per statement (see ``_triggers``)."""

from django.db import migrations

from articles.migrations._triggers import install, install_before_0008


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_article_project_id_index")]

    operations = [migrations.RunPython(install, install_before_0008)]
