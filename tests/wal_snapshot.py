"""An export from a SQLite file in WAL mode while another connection saves, run by
``tests/integration/test_export_snapshot.py`` in a process of its own (the tests' own
SQLite database is in memory, where a writer waits for readers). Prints one JSON object.

Usage: DATABASE_URL=sqlite:////tmp/x.db python -m tests.wal_snapshot
"""

import json
import os
import threading

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


def main() -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections, transaction

    from articles.exchange import streams
    from articles.models import Quote
    from tests.factories import ArticleFactory, ProjectFactory, UserFactory

    call_command("migrate", verbosity=0)
    project = ProjectFactory(slug="wal")
    ann = UserFactory(username="ann")
    for n in range(6):
        article = ArticleFactory(project=project, text=f"– The bridge, says Kari in article {n}.")
        Quote.objects.create(article=article, annotator=ann, start=2, end=12, text="The bridge")
    streams.CHUNK = 2  # the export reads two articles a query
    streams.CHUNK_BYTES = 1  # and sends JSONL a line at a time
    ids = list(Quote.objects.order_by("article_id").values_list("pk", flat=True))
    report = {"journal_mode": connection.cursor().execute("PRAGMA journal_mode").fetchone()[0]}
    for index, format in enumerate(streams.FORMATS):
        before = b"".join(streams.chunks(project, streams.Selection(), format))
        stream = streams.chunks(project, streams.Selection(), format)
        head = next(stream)

        def save(index=index):
            # A cue given, then taken away: every format shows it ("says" is at 14-18).
            cue = (14, 18) if index % 2 == 0 else (None, None)
            with transaction.atomic():
                Quote.objects.filter(pk__in=[ids[0], ids[4]]).update(
                    cue_start=cue[0], cue_end=cue[1]
                )
            connections.close_all()

        writer = threading.Thread(target=save)
        writer.start()
        writer.join(10)
        got = head + b"".join(stream)
        after = b"".join(streams.chunks(project, streams.Selection(), format))
        report[format] = {
            "writer_waited": writer.is_alive(),
            "one_state": got == before,
            "saved": after != before,
        }
    report["autocommit"] = connection.get_autocommit()
    return report


if __name__ == "__main__":
    print(json.dumps(main()))
