import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.discussion import export as flag_export
from articles.discussion.models import Flag
from articles.exchange import interop, streams
from articles.exchange.export import ExportError
from articles.history import reads
from articles.models import HistoryEvent, Project


class Command(BaseCommand):
    help = (
        "Export a project's articles and quotes as JSONL (one article a line), CSV, doccano "
        "JSONL, Label Studio JSON, CoNLL BIO tokens, or (with --output) Parquet (a row per "
        "article, or per quote with parquet-quotes), brat standoff or UIMA CAS XMI (ZIPs)."
    )

    def add_arguments(self, parser):
        parser.add_argument("project", help="the project's slug")
        parser.add_argument("--format", choices=streams.FORMATS, default="jsonl")
        parser.add_argument(
            "--annotations",
            default="all",
            help="all (every annotator's own), gold (adjudicated) or annotator:<username>",
        )
        parser.add_argument(
            "--only-annotated", action="store_true", help="leave out articles without quotes"
        )
        parser.add_argument("--output", type=Path, help="a file (default: standard output)")
        parser.add_argument("--manifest", type=Path, help="also write the export's datasheet")
        parser.add_argument(
            "--history",
            type=Path,
            help="also write the project's history, one event a line (JSONL), oldest first",
        )
        parser.add_argument(
            "--flags",
            type=Path,
            help="also write the project's flags with their threads, one a line (JSONL)",
        )

    def handle(
        self,
        *args,
        project,
        format,
        annotations,
        only_annotated,
        output,
        manifest,
        history,
        flags,
        **options,
    ):
        try:
            project = Project.objects.get(slug=project)
        except Project.DoesNotExist:
            raise CommandError(f"project: no project with the slug {project!r}") from None
        try:
            selection = streams.Selection.parse(annotations)
        except ValueError as error:
            raise CommandError(f"--{error}") from None
        include = not only_annotated
        if format in interop.BINARY and output is None:
            raise CommandError(f"--format {format} writes a binary file: give --output")
        partial = output.with_name(output.name + ".partial") if output else None
        # The manifest describes the body: both are read from the same snapshot.
        with streams.snapshot():
            chunks = streams.chunks(project, selection, format, include_unannotated=include)
            try:
                if partial:
                    with partial.open("wb") as out:
                        out.writelines(chunks)
                else:
                    for chunk in chunks:
                        self.stdout.write(chunk.decode("utf-8"), ending="")
            except ExportError as error:
                if partial:
                    partial.unlink(missing_ok=True)
                raise CommandError(f"export stopped, nothing written: {error}") from None
            datasheet = (
                streams.manifest(project, selection, include_unannotated=include)
                if manifest
                else None
            )
            history_partial = history.with_name(history.name + ".partial") if history else None
            if history_partial:
                with history_partial.open("wb") as out:
                    out.writelines(reads.jsonl_chunks(HistoryEvent.objects.filter(project=project)))
            flags_partial = flags.with_name(flags.name + ".partial") if flags else None
            if flags_partial:
                with flags_partial.open("wb") as out:
                    out.writelines(flag_export.jsonl_chunks(Flag.objects.filter(project=project)))
        if history_partial:
            history_partial.replace(history)
        if flags_partial:
            flags_partial.replace(flags)
        if partial:
            partial.replace(output)  # never leave a truncated file under the real name
        if manifest:
            manifest.write_text(
                json.dumps(datasheet, indent=2, ensure_ascii=False), encoding="utf-8"
            )
