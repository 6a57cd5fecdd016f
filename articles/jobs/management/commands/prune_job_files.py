from django.core.management.base import BaseCommand

from articles.jobs.lifecycle import fail_stale, prune_files


class Command(BaseCommand):
    help = (
        "Delete export files older than EXPORT_FILE_TTL and uploads checked but not "
        "imported within UPLOAD_FILE_TTL (the jobs stay, without their files), and fail "
        "the running jobs whose worker died (silent for JOB_STALE_AFTER). Run it daily."
    )

    def handle(self, *args, **options):
        stale = fail_stale()
        pruned = prune_files()
        self.stdout.write(f"Deleted {pruned} file{'s' if pruned != 1 else ''}.")
        if stale:
            self.stdout.write(f"Failed {stale} job{'s' if stale != 1 else ''} whose worker died.")
