import tempfile
from contextlib import ExitStack
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from articles.exchange import interop
from articles.exchange.importing import ImportProblem, import_articles
from articles.exchange.records import TITLE_RULES, RecordError, read_records
from articles.exchange.spans import Roles
from articles.exchange.uploads import UploadRefused
from articles.ingest.duplicates import NearDuplicates
from articles.models import Project

MAX_ERRORS_SHOWN = 50
TITLES_SHOWN = 20


class Command(BaseCommand):
    help = (
        "Import articles from JSONL, CSV (with a header row), a .txt file, a folder of "
        ".txt files or a ZIP archive of such files. Nothing is written if any record is "
        "invalid, unless --skip-invalid. "
        "A text the project has already gets the quotes and assignments its record adds."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", type=Path, help="a .jsonl, .csv, .txt or .zip file, or a folder"
        )
        parser.add_argument("--project", required=True, help="the project's slug")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="import the valid records, list the rest"
        )
        parser.add_argument("--dry-run", action="store_true", help="validate only; write nothing")
        parser.add_argument(
            "--format",
            choices=["auto", *interop.READABLE],
            default="auto",
            help="auto: newsannot's own (by the file's suffix); or another tool's export: "
            "doccano JSONL, Label Studio JSON, a brat standoff folder",
        )
        parser.add_argument(
            "--label-map",
            action="append",
            default=[],
            metavar="LABEL=ROLE",
            help="what another tool's label or relation type stands for (ROLE: direct, "
            "indirect, mixed, quote, speaker, cue); repeat for several",
        )
        parser.add_argument(
            "--title-from",
            choices=TITLE_RULES,
            default="auto",
            help="a .txt file's title: its first line when a blank line follows it, else its "
            "file name (auto); always its first line; or always its file name",
        )
        parser.add_argument(
            "--near-duplicates",
            nargs="?",
            const="setting",
            metavar="SIMILARITY",
            help="hold back a text this similar (0-1; default NEAR_DUPLICATE_THRESHOLD) to "
            "one of the project's fingerprinted articles or to an earlier one of the file, "
            "and list it; the texts imported are fingerprinted",
        )
        parser.add_argument(
            "--annotator",
            help="give every imported quote, assignment and adjudication to this user (JSONL "
            "exports)",
        )

    def handle(self, *args, **options):
        # A ZIP of a folder's files is unpacked into a folder that lasts as long as this.
        with ExitStack() as self.scratch:
            return self._import(*args, **options)

    def _import(
        self,
        *args,
        path,
        project,
        skip_invalid,
        dry_run,
        annotator,
        title_from,
        near_duplicates,
        format,
        label_map,
        **options,
    ):
        try:
            project = Project.objects.get(slug=project)
        except Project.DoesNotExist:
            raise CommandError(f"--project: no project with the slug {project!r}") from None
        if annotator is not None:
            user = get_user_model().objects.filter(username=annotator).first()
            if user is None:
                raise CommandError(f"--annotator: no user {annotator!r}")
            annotator = user

        near = None
        if near_duplicates is not None:
            near = NearDuplicates(project=project, threshold=_threshold(near_duplicates))
        if format == "auto":
            if label_map:
                raise CommandError(
                    "--label-map: only for --format doccano, labelstudio, brat or cas"
                )
            items = read_records(path, txt_title=title_from)
        else:
            try:
                roles = Roles.with_map(label_map)
            except ValueError as error:
                raise CommandError(f"--label-map: {error}") from None
            if format in interop.FOLDERS and path.is_file():
                # A ZIP of the folder's files: unpacked, checked as an upload is.
                folder = Path(self.scratch.enter_context(tempfile.TemporaryDirectory()))
                try:
                    with path.open("rb") as stream:
                        interop.unpack(stream, name=path.name, folder=folder)
                except UploadRefused as refusal:
                    raise CommandError(f"{refusal}\nNothing was imported.") from None
                path = folder
            items = interop.read(format, path, roles)
        progress = tqdm(items, desc="reading", unit=" articles", disable=None)
        errors: list[RecordError] = []
        titles: list[str] = []  # the first ones, for a dry run to show

        def valid(items):
            # Read as the import writes, a batch at a time: memory holds one batch.
            for item in items:
                if isinstance(item, RecordError):
                    errors.append(item)
                elif skip_invalid or not errors:
                    if len(titles) < TITLES_SHOWN:
                        where = f"{item.path}:{item.line}" if item.line else item.path
                        titles.append(f"{where}: title “{item.title}”")
                    yield item

        try:
            with transaction.atomic():
                records = valid(progress)
                if near is not None:
                    records = near.filter(records)
                result = import_articles(
                    project=project, records=records, dry_run=dry_run, annotator=annotator
                )
                if near is not None and not dry_run:
                    near.fingerprint_imported()
                if errors and not skip_invalid:
                    raise ImportProblem([])  # rolls back what the valid records wrote
        except UploadRefused as refusal:
            # An archive's or a file's own rule (size, names, type): never skippable.
            raise CommandError(f"{refusal}\nThe file was refused; nothing was imported.") from None
        except ImportProblem as problem:
            if errors and not skip_invalid:
                raise CommandError(
                    self._error_list(errors)
                    + f"\n{len(errors)} invalid; nothing was imported. Fix the file, or use "
                    "--skip-invalid to import the valid records."
                ) from None
            raise CommandError(
                self._error_list(problem.errors)
                + f"\n{len(problem.errors)} problems; nothing was imported."
            ) from None
        finally:
            progress.close()
        if errors:
            self.stderr.write(self._error_list(errors))
        if near is not None and near.held_back:
            self.stdout.write("\n".join(str(held) for held in near.held_back))
        if dry_run and titles:
            self.stdout.write("\n".join(titles))
        verb = "Would import" if dry_run else "Imported"
        held = f", held back {len(near.held_back)} near-duplicates" if near is not None else ""
        summary = [
            f"{verb} {result.created} articles into {project.slug}; "
            f"skipped {result.duplicates} duplicates{held}"
            + (f" and {len(errors)} invalid records" if errors else "")
        ]
        # What duplicates carry is added to the articles there, so it is counted too.
        if result.quotes or result.quotes_present:
            summary.append(
                f"quotes: {result.quotes} added, {result.quotes_present} already present"
            )
        if result.assignments or result.assignments_present:
            summary.append(
                f"assignments: {result.assignments} added, "
                f"{result.assignments_present} already present"
            )
        if result.adjudications:
            summary.append(f"adjudications: {result.adjudications} added")
        self.stdout.write(self.style.SUCCESS("; ".join(summary) + "."))

    def _error_list(self, errors) -> str:
        shown = "\n".join(str(error) for error in errors[:MAX_ERRORS_SHOWN])
        if len(errors) > MAX_ERRORS_SHOWN:
            shown += f"\n… and {len(errors) - MAX_ERRORS_SHOWN} more"
        return shown


def _threshold(given: str) -> float:
    if given == "setting":
        return settings.NEAR_DUPLICATE_THRESHOLD
    try:
        value = float(given)
    except ValueError:
        value = -1.0
    if not 0 < value <= 1:
        raise CommandError(f"--near-duplicates: {given!r} is not a similarity above 0, at most 1")
    return value
