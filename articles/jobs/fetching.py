"""News pages fetched from a list of URLs as a job: each page fetched safely
(``articles.ingest.fetching``), read and imported in its own transaction
(``articles.ingest.services.import_page``), so that a page that fails is listed with its
reason and the others stay; a cancel keeps the pages imported before it."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings

from articles.history import origin
from articles.ingest.fetching import FetchPolicy, HostPacing
from articles.ingest.services import NearDuplicate, PageRefused, fetch_page, import_page
from articles.jobs import lifecycle
from articles.jobs.models import ProjectJob
from articles.jobs.progress import Cancelled, Progress

MAX_URLS = 1000


class URLsRefused(ValueError):
    """A list of URLs that cannot be fetched as it is: ``errors`` are ``(line, message)``."""

    def __init__(self, errors: list[tuple[int, str]]):
        super().__init__("; ".join(f"line {line}: {message}" for line, message in errors))
        self.errors = errors


def parse_urls(text: str) -> list[str]:
    """The URLs of ``text``, one a line (blank lines and ``#`` comments left out);
    ``URLsRefused`` names each line that is no http(s) URL, or a list too long."""
    urls, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = urlsplit(line)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in line:
            errors.append((number, f"{line[:80]!r} is not an http or https URL"))
        else:
            urls.append(line)
    if not urls and not errors:
        errors.append((1, "no URL given"))
    if len(urls) > MAX_URLS:
        errors.append((1, f"{len(urls):,} URLs; at most {MAX_URLS:,} a job"))
    if errors:
        raise URLsRefused(errors)
    return list(dict.fromkeys(urls))


def start_fetch(*, project, user, urls: list[str]) -> ProjectJob:
    """A queued job fetching ``urls`` (``parse_urls``'s) into ``project``."""
    return ProjectJob.objects.create(
        project=project,
        kind=ProjectJob.Kind.FETCH,
        started_by=user,
        status=ProjectJob.Status.QUEUED,
        options={"urls": urls},
        total=len(urls),
    )


def run_fetch(job: ProjectJob) -> None:
    """The job: one page after another, politely (one request at a time per host), the
    cancel flag looked at between pages; per-URL errors on the job."""
    progress = Progress(job.pk)
    urls = job.options.get("urls", [])
    policy = FetchPolicy(
        respect_robots=settings.FETCH_RESPECT_ROBOTS,
        allowed_networks=tuple(settings.FETCH_ALLOWED_NETWORKS),
    )
    pacing = HostPacing(settings.FETCH_INTERVAL_MS / 1000)
    counts = {"imported": 0, "duplicates": 0, "near_duplicates": 0, "failed": 0}
    errors = []
    try:
        with origin.during(job_id=str(job.pk)):
            for number, url in enumerate(urls, start=1):
                progress.check()
                try:
                    page, fetched = fetch_page(url, policy=policy, pacing=pacing)
                    made = import_page(
                        project=job.project,
                        page=page,
                        html=fetched.body,
                        final_url=fetched.final_url,
                        actor=job.started_by,
                    )
                except NearDuplicate as near:
                    counts["near_duplicates"] += 1
                    errors.append({"path": url, "line": number, "message": str(near)})
                except PageRefused as refusal:
                    counts["failed"] += 1
                    errors.append({"path": url, "line": number, "message": str(refusal)})
                else:
                    counts["imported" if made.created else "duplicates"] += 1
                progress.report(number, len(urls), "fetching")
        lifecycle.succeed(job, result=counts, errors=errors[: lifecycle.MAX_ERRORS_KEPT])
    except Cancelled:
        lifecycle.stop(job)
        lifecycle.note(job, result=counts, errors=errors[: lifecycle.MAX_ERRORS_KEPT])
    except Exception as error:
        lifecycle.fail(
            job,
            f"Fetching stopped on an error ({type(error).__name__}); the pages imported "
            "before it stay.",
        )
        raise
    finally:
        progress.close()
