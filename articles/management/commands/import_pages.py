"""``manage.py import_pages``: news pages (URLs, a list of URLs, HTML files or a folder
of them) to articles, their main text extracted and checked as every import is."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.ingest.fetching import FetchPolicy, HostPacing
from articles.ingest.pages import PageError, read_page
from articles.ingest.services import PageRefused, fetch_page, import_page
from articles.models import Project


class Command(BaseCommand):
    help = (
        "Import news pages: URLs (arguments or --urls FILE, one per line) fetched safely, "
        "or saved HTML (--html FILE or FOLDER). The main text, title, author, date, outlet "
        "and language are extracted; nothing is written if a page fails, unless "
        "--skip-invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("urls", nargs="*", help="page URLs (http or https)")
        parser.add_argument("--project", required=True, help="the project's slug")
        parser.add_argument("--urls", dest="url_file", type=Path, help="a file of URLs")
        parser.add_argument("--html", type=Path, help="an .html file or a folder of them")
        parser.add_argument("--dry-run", action="store_true", help="show what would be taken")
        parser.add_argument("--skip-invalid", action="store_true", help="import the rest")
        parser.add_argument(
            "--ignore-robots", action="store_true", help="fetch pages robots.txt disallows"
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between requests to a host"
        )
        parser.add_argument(
            "--allow-near-duplicates",
            action="store_true",
            help="import a page even when the project has the same story from elsewhere",
        )

    def handle(self, *args, urls, project, url_file, html, dry_run, skip_invalid, **options):
        try:
            project = Project.objects.get(slug=project)
        except Project.DoesNotExist:
            raise CommandError(f"--project: no project with the slug {project!r}") from None
        sources = [*self._given(urls), *self._listed(url_file), *self._saved(html)]
        if not sources:
            raise CommandError("give page URLs, --urls FILE or --html PATH")
        policy = FetchPolicy(
            respect_robots=not options["ignore_robots"],
            allowed_networks=tuple(settings.FETCH_ALLOWED_NETWORKS),
        )
        pacing = HostPacing(options["interval"])
        imported = duplicates = 0
        errors = []
        with transaction.atomic():
            for where, url, raw in sources:
                try:
                    page, html, final_url = self._read(url, raw, policy, pacing)
                    made = import_page(
                        project=project,
                        page=page,
                        html=html,
                        final_url=final_url,
                        near_duplicates=1.0 if options["allow_near_duplicates"] else None,
                    )
                except PageRefused as refusal:
                    errors.append(f"{where}: {refusal}")
                    continue
                imported, duplicates = imported + made.created, duplicates + (not made.created)
                if dry_run:
                    size = f"{len(page.text):,} characters"
                    self.stdout.write(f"{where}: title {page.title!r}, {size}")
            if errors and not skip_invalid:
                # Leaving the block by an exception rolls back what the others wrote.
                raise CommandError(
                    "\n".join(errors) + f"\n{len(errors)} failed; nothing was imported."
                )
            if dry_run:
                transaction.set_rollback(True)
        for error in errors:
            self.stderr.write(error)
        verb = "Would import" if dry_run else "Imported"
        failed = f" and {len(errors)} failed" if errors else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {imported} articles into {project.slug}; skipped {duplicates} "
                f"duplicates{failed}."
            )
        )

    def _read(self, url, raw, policy, pacing):
        """``(page, html, final URL)`` from a saved page or a fetch."""
        if raw is None:
            page, fetched = fetch_page(url, policy=policy, pacing=pacing)
            return page, fetched.body, fetched.final_url
        try:
            return read_page(raw, url=url), raw, url
        except PageError as error:
            raise PageRefused(str(error)) from None

    def _given(self, urls):
        return [(url, url, None) for url in urls]

    def _listed(self, path: Path | None):
        if path is None:
            return []
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"--urls: {path}: {error}") from None
        return [
            (f"{path}:{number}", line.strip(), None)
            for number, line in enumerate(lines, start=1)
            if line.strip() and not line.lstrip().startswith("#")
        ]

    def _saved(self, path: Path | None):
        if path is None:
            return []
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".html", ".htm"))
            if not files:
                raise CommandError(f"--html: {path} holds no .html files")
        elif path.is_file():
            files = [path]
        else:
            raise CommandError(f"--html: {path}: no such file or folder")
        return [(str(file), "", file.read_bytes()) for file in files]
