"""A project chooses what its quote suggestions count as attributed
(``Project.attribution_scope``): clauses, as newsannot's guideline, or also what a verb
attributes without one, as PARC (and PolNeAR). Existing projects keep clauses."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0023_cheaper_bulk_writes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="project",
            name="attribution_scope",
            field=models.CharField(
                choices=[
                    ("clauses", "Quotes and reported speech with a clause (“said that …”)"),
                    (
                        "wide",
                        "Also what a verb attributes without a clause (“urged voters to …”), as PARC",
                    ),
                ],
                default="clauses",
                help_text="What the quote suggestions count as attributed: quotes and reported speech with a clause (newsannot's guideline), or also what a verb attributes without one ('urged voters to …', 'defended the plan'), as PARC and PolNeAR do.",
                max_length=16,
            ),
        ),
        migrations.AddConstraint(
            model_name="project",
            constraint=models.CheckConstraint(
                condition=models.Q(("attribution_scope__in", ["clauses", "wide"])),
                name="project_attribution_scope_valid",
            ),
        ),
    ]
