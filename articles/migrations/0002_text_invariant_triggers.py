"""Install the triggers that guard the text invariants (see ``_triggers``)."""

from django.db import migrations

from articles.migrations._triggers import install, uninstall


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
