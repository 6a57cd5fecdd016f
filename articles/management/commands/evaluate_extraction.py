import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.exchange.brat import BratError, attributions, read_folder
from articles.extraction import Scope, extract_quotes
from articles.extraction.evaluation import evaluate


class Command(BaseCommand):
    help = (
        "Score the quote extraction engine against a gold JSONL file, or a brat standoff "
        "folder of attributions (PolNeAR's layout: text/ and attributions/)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "gold", type=Path, help="JSONL (one {text, quotes} record a line) or a brat folder"
        )
        parser.add_argument("--verbose", action="store_true", help="list misses in context")
        parser.add_argument(
            "--scope",
            type=Scope,
            choices=list(Scope),
            default=Scope.CLAUSES,
            help="what counts as an attribution: reported clauses, or also what PARC counts",
        )

    def handle(self, *args, gold, verbose, scope=Scope.CLAUSES, **options):
        records = _brat_records(gold) if gold.is_dir() else _jsonl_records(gold)
        report = evaluate(records, lambda text: extract_quotes(text, scope=scope))
        out = self.stdout.write
        out(f"{report.articles} articles")
        s = report.all
        out(
            f"all      overlap P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
            f"({s.true_positives} of {s.gold} gold, {s.predicted} predicted; kind ignored)"
        )
        for group in ("direct", "indirect"):
            for label, scores in (("exact", report.exact), ("overlap", report.overlap)):
                s = scores[group]
                out(
                    f"{group:<8} {label:<7} P {s.precision:.3f}  R {s.recall:.3f}  "
                    f"F1 {s.f1:.3f}  ({s.true_positives} of {s.gold} gold, "
                    f"{s.predicted} predicted)"
                )
        out(
            f"speaker accuracy on matched quotes {report.speaker_accuracy:.3f} "
            f"({report.speaker_right}/{report.speaker_total})"
        )
        out(
            f"speaker resolved to the person     {report.resolved_accuracy:.3f} "
            f"({report.resolved_right}/{report.resolved_total})"
        )
        out(
            f"cue accuracy on matched quotes     {report.cue_accuracy:.3f} "
            f"({report.cue_right}/{report.cue_total})"
        )
        if verbose:
            texts = {r["id"]: r["text"] for r in records}
            for article, quote in report.misses:
                out(
                    f"MISS  {article} [{quote['kind']}] {quote['speaker']}: "
                    f"{_context(texts[article], quote['start'], quote['end'])}"
                )
            for article, quote in report.false_alarms:
                out(
                    f"FALSE {article} [{quote.kind}] {quote.speaker}: "
                    f"{_context(texts[article], quote.start, quote.end)}"
                )
            for article, gold_quote, predicted in report.wrong_speakers:
                out(
                    f"WHO   {article} gold {gold_quote['speaker']!r} got {predicted.speaker!r}: "
                    f"{gold_quote['text'][:60]}"
                )


def _jsonl_records(gold: Path) -> list[dict]:
    records = []
    try:
        lines = gold.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise CommandError(f"{gold}: {error.strerror}") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            record.setdefault("id", f"line {number}")
            record["text"], record["quotes"]
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise CommandError(f"{gold}:{number}: not a gold record ({error})") from None
        records.append(record)
    return records


def _brat_records(folder: Path) -> list[dict]:
    """One record per text; a text annotated by several people counts once (the first
    annotator's file in name order)."""
    records, seen = [], set()
    try:
        for name, document in read_folder(folder):
            text_name = name.rsplit("_", 1)[0] if (folder / "attributions").is_dir() else name
            if text_name in seen:
                continue
            seen.add(text_name)
            records.append(
                {"id": text_name, "text": document.text, "quotes": attributions(document)}
            )
    except BratError as error:
        raise CommandError(str(error)) from None
    if not records:
        raise CommandError(f"{folder}: no .ann files")
    return records


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    before = text[max(0, start - width) : start].replace("\n", " ")
    after = text[end : end + width].replace("\n", " ")
    return f"…{before}[[{text[start:end]}]]{after}…"
