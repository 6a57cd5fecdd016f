"""``ProjectJob``: what a background job of a project did, does and found. django-tasks'
own rows are the queue; this record is what the pages show, and it survives a reload."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from articles.models import Project


class ProjectJobQuerySet(models.QuerySet):
    def recent(self, project, kind: str, limit: int = 10):
        """The project's latest jobs of ``kind``, newest first, with who started them."""
        return (
            self.filter(project=project, kind=kind)
            .select_related("started_by")
            .order_by("-created_at", "-pk")[:limit]
        )

    def expired(self, now=None):
        """Jobs whose file is past its time: exports past ``expires_at``, and uploads
        checked but never imported (``expires_at`` set by the dry run)."""
        now = now or timezone.now()
        return self.exclude(file="").filter(expires_at__lt=now)


class ProjectJob(models.Model):
    class Kind(models.TextChoices):
        IMPORT = "import", "Import"
        EXPORT = "export", "Export"
        SUGGEST = "suggest", "Suggestions"
        FETCH = "fetch", "Pages fetched"

    class Status(models.TextChoices):
        # An uploaded file whose dry run is done: it waits for "Import" (or expires).
        CHECKED = "checked", "Checked"
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    ACTIVE = (Status.QUEUED, Status.RUNNING)
    FINISHED = (Status.DONE, Status.FAILED, Status.CANCELLED)

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    # What the job is asked to do (an export's format, annotations, unannotated or not).
    options = models.JSONField(default=dict, blank=True)
    # Progress: ``done`` of ``total`` (None: not known), and what it is doing now.
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    phase = models.CharField(max_length=100, blank=True)
    # What it found or made: counts, the dry run's report, an export's file and manifest.
    result = models.JSONField(default=dict, blank=True)
    file = models.FileField(upload_to="jobs/%Y/%m/", max_length=300, blank=True)
    file_name = models.CharField(max_length=255, blank=True)  # as uploaded or offered
    manifest = models.JSONField(null=True, blank=True)
    # Why it failed: a summary, and each problem with its file, line and field.
    error = models.TextField(blank=True)
    errors = models.JSONField(default=list, blank=True)
    cancel_requested = models.BooleanField(default=False)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # The running task's last sign of life (each progress report): a job whose worker
    # died stops beating, and is failed after JOB_STALE_AFTER seconds (lifecycle).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    objects = ProjectJobQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["project", "kind", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(total__isnull=True) | Q(done__lte=models.F("total")),
                name="projectjob_done_within_total",
            ),
            models.CheckConstraint(
                condition=Q(finished_at__isnull=True)
                | Q(status__in=["done", "failed", "cancelled"]),
                name="projectjob_finished_only_when_over",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} of {self.project_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        """Queued or running: the page polls it."""
        return self.status in self.ACTIVE

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))

    @property
    def has_file(self) -> bool:
        return bool(self.file) and self.status == self.Status.DONE
