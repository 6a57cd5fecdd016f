"""Build tests/data/gold.jsonl and heldout.jsonl from the marked-up articles in
tests/data/gold_src/ and tests/data/heldout_src/.

Usage: python tests/data/build_gold.py [--check]
With --check, exit 1 if a JSONL file is not what its sources give (a test runs this).
The mark-up is described in gold_src/README.md. The held-out articles were written
without sight of the engine and are never used to tune it.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = {HERE / "gold_src": HERE / "gold.jsonl", HERE / "heldout_src": HERE / "heldout.jsonl"}
MARK = re.compile(r"⟦(/?)(q|c)(\d+)(?:\|([^|⟧]*)\|([a-z]*))?⟧")
KINDS = {"direct", "indirect", "mixed"}


class GoldError(ValueError):
    pass


def parse(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise GoldError(f"{path.name}: no '---' line between the header and the body")
    header = dict(line.split(": ", 1) for line in head.strip().splitlines())
    text_parts: list[str] = []
    position = 0  # code points written so far
    last = 0
    opened: dict[str, tuple[int, str, str]] = {}
    quotes: dict[str, dict] = {}
    cues: dict[str, tuple[int, int]] = {}
    body = body.strip("\n")
    for match in MARK.finditer(body):
        chunk = body[last : match.start()]
        text_parts.append(chunk)
        position += len(chunk)
        last = match.end()
        closing, tag, number, speaker, kind = match.groups()
        key = f"{tag}{number}"
        if not closing:
            if key in opened or key in quotes or key in cues:
                raise GoldError(f"{path.name}: {key} opened twice")
            if tag == "q" and kind not in KINDS:
                raise GoldError(f"{path.name}: {key} has kind {kind!r}, not one of {KINDS}")
            opened[key] = (position, speaker or "", kind or "")
            continue
        if key not in opened:
            raise GoldError(f"{path.name}: {key} closed but never opened")
        start, speaker, kind = opened.pop(key)
        if tag == "q":
            quotes[number] = {
                "start": start,
                "end": position,
                "speaker": speaker or None,
                "kind": kind,
            }
        else:
            cues[number] = (start, position)
    text_parts.append(body[last:])
    if opened:
        raise GoldError(f"{path.name}: never closed: {', '.join(opened)}")
    text = "".join(text_parts)
    records = []
    for number, quote in quotes.items():
        span = text[quote["start"] : quote["end"]]
        if not span or span != span.strip():
            raise GoldError(f"{path.name}: q{number} is empty or has outer spaces: {span!r}")
        cue = cues.pop(number, None)
        records.append(
            {
                **quote,
                "text": span,
                "cue_start": cue[0] if cue else None,
                "cue_end": cue[1] if cue else None,
                "cue": text[cue[0] : cue[1]] if cue else None,
            }
        )
    if cues:
        raise GoldError(f"{path.name}: cues without a quote: {', '.join(cues)}")
    records.sort(key=lambda q: (q["start"], q["end"]))
    return {
        "id": path.stem,
        "title": header.get("title", ""),
        "style": header.get("style", ""),
        "text": text,
        "quotes": records,
    }


def build(sources: Path) -> str:
    return "".join(
        json.dumps(parse(path), ensure_ascii=False) + "\n" for path in sorted(sources.glob("*.txt"))
    )


def main() -> None:
    for sources, output in SETS.items():
        try:
            content = build(sources)
        except GoldError as error:
            raise SystemExit(f"{sources.name}/{error}") from None
        name = output.relative_to(HERE.parent.parent)
        if "--check" in sys.argv:
            current = output.read_text(encoding="utf-8") if output.exists() else ""
            if current != content:
                raise SystemExit(f"{name} is out of date: run tests/data/build_gold.py")
            continue
        output.write_text(content, encoding="utf-8")
        records = [json.loads(line) for line in content.splitlines()]
        quotes = sum(len(r["quotes"]) for r in records)
        print(f"{len(records)} articles, {quotes} quotes -> {name}")


if __name__ == "__main__":
    main()
