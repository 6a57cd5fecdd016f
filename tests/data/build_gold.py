"""Build tests/data/gold.jsonl from the marked-up articles in tests/data/gold_src/.

Usage: python tests/data/build_gold.py [--check]
With --check, exit 1 if gold.jsonl is not what the sources give (a test runs this).
The mark-up is described in gold_src/README.md.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "gold_src"
OUTPUT = HERE / "gold.jsonl"
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


def build() -> str:
    return "".join(
        json.dumps(parse(path), ensure_ascii=False) + "\n" for path in sorted(SOURCES.glob("*.txt"))
    )


def main() -> None:
    try:
        content = build()
    except GoldError as error:
        raise SystemExit(f"gold_src/{error}") from None
    if "--check" in sys.argv:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != content:
            raise SystemExit("tests/data/gold.jsonl is out of date: run tests/data/build_gold.py")
        return
    OUTPUT.write_text(content, encoding="utf-8")
    records = [json.loads(line) for line in content.splitlines()]
    print(
        f"{len(records)} articles, {sum(len(r['quotes']) for r in records)} quotes "
        f"-> {OUTPUT.relative_to(HERE.parent.parent)}"
    )


if __name__ == "__main__":
    main()
