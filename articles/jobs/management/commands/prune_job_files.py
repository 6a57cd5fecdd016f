from django.core.management.base import BaseCommand

from articles.jobs.lifecycle import prune_files


class Command(BaseCommand):
    help = (
        "Delete export files older than EXPORT_FILE_TTL and uploads checked but not "
        "imported within UPLOAD_FILE_TTL (the jobs stay, without their files). Run it daily."
    )

    def handle(self, *args, **options):
        pruned = prune_files()
        self.stdout.write(f"Deleted {pruned} file{'s' if pruned != 1 else ''}.")
