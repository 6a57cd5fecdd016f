"""The history event: one change to a project's annotation data, never altered.

Imported by ``articles.models`` so that Django finds it in the articles app.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Agent(models.TextChoices):
    """Who acted when no person did (``actor`` is then null)."""

    PERSON = "", "A person"
    ENGINE = "engine", "The suggestion engine"
    COMMAND = "command", "A management command"


class HistoryEvent(models.Model):
    """What changed (``kind`` and ``payload``: the ids it concerns, and each changed field
    before and after), who changed it, when, and where the change came from.

    Append-only: the services write events in the transaction of their change, and the
    database refuses UPDATE and DELETE on this table (migration 0010). Hence the foreign
    keys: the actor and the project are PROTECTed (a user or a project with a history
    is anonymised or kept, never deleted along with it; deleting would have to rewrite
    events), and the article and quote are kept as plain ids, which outlive them.
    """

    Agent = Agent

    at = models.DateTimeField(default=timezone.now, editable=False)
    # No index of their own on project, article and actor: the (column, id) indexes
    # below serve every lookup by them, and each index is one more write per event.
    project = models.ForeignKey(
        "articles.Project", on_delete=models.PROTECT, related_name="history", db_index=False
    )
    # No constraint: an admin may delete an article, and its history stays.
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        null=True,
        blank=True,
        related_name="+",
    )
    quote_id = models.BigIntegerField(null=True, blank=True)
    # The person; read through the user so that anonymising them reaches their history.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        db_index=False,
        null=True,
        blank=True,
        related_name="history",
    )
    agent = models.CharField(max_length=16, choices=Agent.choices, blank=True, default="")
    kind = models.CharField(max_length=40)
    payload = models.JSONField(default=dict)
    request_id = models.CharField(max_length=64, blank=True, default="")
    token = models.CharField(max_length=100, blank=True, default="")
    # A background job's id (articles/jobs), as text: no dependency on its model.
    job_id = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(actor__isnull=False, agent="") | Q(actor__isnull=True) & ~Q(agent=""),
                name="history_event_actor_or_agent",
            ),
            models.CheckConstraint(condition=~Q(kind=""), name="history_event_kind_not_empty"),
        ]
        indexes = [
            models.Index(fields=["project", "id"], name="history_project_id_idx"),
            models.Index(fields=["article", "id"], name="history_article_id_idx"),
            # Most events concern no quote, and none of a command's events has an actor:
            # entries no lookup reads (``= id`` never matches null), written with every
            # event.
            models.Index(
                fields=["quote_id"],
                condition=Q(quote_id__isnull=False),
                name="history_quote_partial_idx",
            ),
            models.Index(
                fields=["actor", "id"],
                condition=Q(actor__isnull=False),
                name="history_actor_partial_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    @property
    def actor_name(self) -> str:
        """The person's current username (a pseudonym once anonymised), or the agent."""
        if self.actor_id is not None:
            return self.actor.get_username()
        return self.get_agent_display()
