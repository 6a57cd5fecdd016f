"""Exports from the export page: a small one streams at once (``articles.exchange.streams``,
as the API's), a large one becomes a job that writes the file and its manifest (with the
file's size and SHA-256, and the counts and SHA-256 of the file's final line, which
``articles.exchange.trailer`` describes) from one snapshot, kept for ``EXPORT_FILE_TTL``."""

from __future__ import annotations

import hashlib
import tempfile
from contextlib import closing
from dataclasses import dataclass

from django.conf import settings
from django.core.files import File
from django.utils import timezone

from articles.exchange import interop, streams, trailer
from articles.jobs import lifecycle
from articles.jobs.models import ProjectJob
from articles.jobs.progress import Cancelled, Progress


@dataclass(frozen=True)
class ExportChoice:
    """What the export page asks for."""

    format: str
    annotations: str
    include_unannotated: bool

    @property
    def selection(self) -> streams.Selection:
        return streams.Selection.parse(self.annotations)

    def options(self) -> dict:
        return {
            "format": self.format,
            "annotations": self.annotations,
            "include_unannotated": self.include_unannotated,
        }

    def articles(self, project) -> int:
        """How many articles the export holds (one query)."""
        return streams.exported_articles(
            project, self.selection, include_unannotated=self.include_unannotated
        ).count()

    def chunks(self, project):
        return streams.chunks(
            project, self.selection, self.format, include_unannotated=self.include_unannotated
        )

    def manifest(self, project) -> dict:
        return streams.manifest(
            project, self.selection, include_unannotated=self.include_unannotated
        )

    def file_name(self, project) -> str:
        return file_name(project, self.format)


def file_name(project, format: str, *, what: str = "") -> str:
    """An export's file name: the project, ``what`` it holds, when, the format's extension."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    extension = interop.EXTENSIONS.get(format, format)
    return f"{project.slug}{f'-{what}' if what else ''}-{stamp}.{extension}"


def is_small(articles: int) -> bool:
    """Whether an export of this many articles downloads at once."""
    return articles <= settings.EXPORT_INLINE_MAX_ARTICLES


def run_export(job: ProjectJob) -> None:
    """The export job: write the file and its manifest from one snapshot (progress: lines
    written), keep them on the job; a cancel or a failure keeps nothing."""
    choice = ExportChoice(**job.options)
    project = job.project
    lifecycle.prune_files()
    progress = Progress(job.pk)
    digest, size, lines, last = hashlib.sha256(), 0, 0, b""
    # Progress counts lines: articles in JSONL (of a known total), quote rows in CSV.
    total = job.total if choice.format == "jsonl" else None
    try:
        with tempfile.TemporaryFile() as out:
            with streams.snapshot():
                with closing(choice.chunks(project)) as chunks:
                    for chunk in chunks:
                        out.write(chunk)
                        digest.update(chunk)
                        size += len(chunk)
                        lines += chunk.count(b"\n")
                        last = (last + chunk)[-4096:]  # the final line, in the end
                        # The final line is one more than the articles.
                        progress.report(min(lines, total or lines), total, "writing")
                        progress.check()
                manifest = choice.manifest(project)
            progress.check()
            manifest["file"] = {
                "name": job.file_name,
                "format": choice.format,
                "bytes": size,
                "lines": lines,
                "sha256": digest.hexdigest(),
                # What the file's final line says: the counts and the SHA-256 of every
                # byte before that line.
                "export": trailer.split(last)[1],
            }
            out.seek(0)
            job.file.save(job.file_name, File(out), save=False)
        lifecycle.succeed(
            job,
            result={
                "bytes": size,
                "lines": lines,
                "sha256": manifest["file"]["sha256"],
                **_counts(manifest),
            },
            file=job.file.name,
            manifest=manifest,
            done=total if total is not None else 0,
            phase="",
        )
    except Cancelled:
        lifecycle.stop(job)
        lifecycle.discard_file(job)
    except Exception as error:
        lifecycle.fail(
            job, f"The export stopped on an error ({type(error).__name__}); no file kept."
        )
        lifecycle.discard_file(job)
        raise
    finally:
        progress.close()


def _counts(manifest: dict) -> dict:
    counts = manifest.get("counts", {})
    return {"articles": counts.get("articles", 0), "quotes": counts.get("quotes", 0)}


def start_export(*, project, user, choice: ExportChoice, articles: int) -> ProjectJob:
    """A queued export job for ``choice`` (``articles`` of them: the progress's total)."""
    return ProjectJob.objects.create(
        project=project,
        kind=ProjectJob.Kind.EXPORT,
        started_by=user,
        status=ProjectJob.Status.QUEUED,
        options=choice.options(),
        total=articles,
        file_name=choice.file_name(project),
    )
