"""The JSONL export made by PostgreSQL and finished here, byte for byte the lines
``json.dumps(article_record(...), ensure_ascii=False)`` gives. No Django imports.

Why: formatting 100,000 quotes in Python took most of an export's time. PostgreSQL
formats each quote's JSON (speaker with aliases, stances, timestamps) in one streamed
query; Python adds what it does faster or what only it can: the article text as JSON
(orjson), the UTF-16 and UTF-8 offsets, the cue's text, and the check that each quote's
stored text is the article's text at its offsets (compared as JSON, which is escaped the
same way by both: only ``"``, ``\\`` and control characters, in lower-case hex).

A row is the article's columns, its quotes' text (below) and, in an export, the JSON of
what the record carries last (``"assignments": [...]`` or ``"adjudication": ...``, with
its leading comma). The quotes' text, if the article has quotes, is the quotes in export
order, separated by ``QUOTE_SEPARATOR``, each in five parts separated by
``PART_SEPARATOR``: ``"id start end cue_start cue_end speaker_start speaker_end"``, the
quote's text as JSON, its
fields from ``kind`` to just before ``cue``, one stance as JSON (or nothing), and its
fields from ``annotator`` on. A quote with several stances comes once per stance, one
after the other. JSON text never holds a raw control character, so the separators
cannot occur inside a part.
"""

from __future__ import annotations

import orjson

from articles.exchange.export import (
    ExportError,
    astral_count,
    has_rare_astral,
    unit_offsets,
)

QUOTE_SEPARATOR = b"\x1f"
PART_SEPARATOR = b"\x1e"

_ARTICLE = (
    b'{"id": %d, "external_id": %s, "title": %s, "url": %s, "outlet": %s, "author": %s, '
    b'"published_at": %s, "language": %s, "text": %s, "text_sha256": %s, '
    b'"offset_unit": "codepoint", "quotes": ['
)
_QUOTE = (
    b'{"id": %s, "start": %d, "end": %d, "text": %s%s, "cue": %s, "speaker_mention": %s, '
    b'"stances": [%s]%s, '
    b'"start_utf16": %d, "end_utf16": %d, "start_utf8": %d, "end_utf8": %d}'
)
_CUE = b'{"start": %d, "end": %d, "text": %s}'
_MENTION = (
    b'{"start": %d, "end": %d, "text": %s, "start_utf16": %d, "end_utf16": %d, '
    b'"start_utf8": %d, "end_utf8": %d}'
)


def _iso(column: str) -> str:
    """SQL for ``datetime.isoformat()`` of an aware UTC timestamp: microseconds only when
    not zero, and ``+00:00``."""
    return (
        f"replace(to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), "
        "'.000000', '') || '+00:00'"
    )


def _iso_or_null(column: str) -> str:
    """SQL for the JSON of a nullable timestamp, as ``_iso`` gives it, or ``null``."""
    return f"""CASE WHEN {column} IS NULL THEN 'null' ELSE concat('"', {_iso(column)}, '"') END"""


def _work_json(person: str, username: str, work: str) -> str:
    """SQL for ``export.work_record`` of the assignment or adjudication row ``work``:
    ``person`` is its key for the username, which the SQL ``username`` gives."""
    return f"""concat(
      '{{"{person}": ', to_json({username}), ', "status": ', to_json({work}.status),
      ', "started_at": ', {_iso_or_null(f"{work}.started_at")},
      ', "finished_at": ', {_iso_or_null(f"{work}.finished_at")}, '}}')"""


def _speaker_json(speaker: str) -> str:
    """SQL for the export JSON of the speaker row ``speaker``, aliases included."""
    return f"""concat(
      '{{"id": ', {speaker}.id, ', "name": ', to_json({speaker}.name), ', "aliases": ',
      coalesce((SELECT '[' || string_agg(to_json(al.name)::text, ', ' ORDER BY al.name) || ']'
                FROM articles_speakeralias al WHERE al.speaker_id = {speaker}.id), '[]'),
      '}}')"""  # noqa: S608 - a table alias of ours, no value


# A speaker's JSON for the quote ``q`` when no cheaper source has it.
_ANNOTATOR_OF_QUOTE = (
    "(SELECT to_json(u.username) FROM accounts_user u WHERE u.id = q.annotator_id)"
)
_SPEAKER_OF_QUOTE = (
    f"(SELECT {_speaker_json('other')} FROM articles_speaker other"  # noqa: S608 - no value
    " WHERE other.id = q.speaker_id)"
)
# The stances of the quote ``q``, for ``_quote_parts``: for a whole export, joined in
# bulk; for one article, looked up quote by quote (OFFSET 0 keeps PostgreSQL from turning
# that back into a join, whose plan then hangs on fresh table statistics).
_STANCES = """LEFT JOIN (
    SELECT sl.id, sl.quote_id, sl.label, t.name AS target
    FROM articles_stancelabel sl JOIN articles_stancetarget t ON t.id = sl.target_id
  ) st ON st.quote_id = q.id"""
_STANCES_OF_QUOTE = """LEFT JOIN LATERAL (
    SELECT sl.id, sl.label, t.name AS target
    FROM articles_stancelabel sl JOIN articles_stancetarget t ON t.id = sl.target_id
    WHERE sl.quote_id = q.id OFFSET 0
  ) st ON true"""


def _quote_parts(speaker: str, annotator: str) -> str:
    """SQL aggregating a group of quotes ``q`` (with ``_STANCES`` or ``_STANCES_OF_QUOTE``)
    into the text that ``line`` reads; ``speaker`` and ``annotator`` are SQL for a quote's
    speaker JSON (or ``'null'``) and annotator's name as JSON."""
    # A quote with several stances comes once per stance (joining them costs far less
    # than grouping them per quote first); ``line`` puts them back together.
    return f"""string_agg(concat(
      q.id, ' ', q.start, ' ', q."end", ' ', q.cue_start, ' ', q.cue_end, ' ', q.speaker_start,
      ' ', q.speaker_end,
      E'\\x1e', to_json(q.text),
      E'\\x1e, "kind": ', to_json(q.kind), ', "speaker": ', {speaker},
      E'\\x1e', CASE WHEN st.id IS NOT NULL THEN
        concat('{{"target": ', to_json(st.target), ', "label": ', to_json(st.label), '}}') END,
      E'\\x1e, "annotator": ', {annotator}, ', "origin": ', to_json(q.origin),
      ', "created_at": "', {_iso("q.created_at")}, '", "updated_at": "', {_iso("q.updated_at")}, '"'
    ), E'\\x1f' ORDER BY q.start, q."end", q.id, st.target)"""


_ARTICLE_COLUMNS = f"""a.id, a.external_id, a.title, a.url, a.outlet, a.author,
  {_iso("a.published_at")}, a.language, a.text, a.text_sha256"""


def query(selected_quotes: str, exported_articles: str, *, selected_assignments: str | None) -> str:
    """The export query: the articles whose ids ``exported_articles`` gives (SQL), in id
    order, each with those of its quotes that ``selected_quotes`` gives (SQL giving the
    quote table's columns) and of its assignments that ``selected_assignments`` gives
    (SQL giving the assignment table's columns), or with None (a gold export) its
    adjudication. Parameters: the project's id, the quotes', the assignments', the
    articles'."""
    # Speakers are made JSON once each, not once per quote.
    speaker = f"coalesce(sp.json, {_SPEAKER_OF_QUOTE}, 'null')"
    if selected_assignments is None:
        work_table = ""
        work_join = """LEFT JOIN articles_adjudication j ON j.article_id = a.id
LEFT JOIN accounts_user r ON r.id = j.reviewer_id"""
        work = f"""concat(', "adjudication": ',
  CASE WHEN j.id IS NULL THEN 'null' ELSE {_work_json("reviewer", "r.username", "j")} END)"""
    else:
        work_table = f""", assignments AS (
  SELECT s.article_id,
    string_agg({_work_json("annotator", "u.username", "s")}, ', ' ORDER BY u.username) AS json
  FROM ({selected_assignments}) s JOIN accounts_user u ON u.id = s.annotator_id
  GROUP BY s.article_id
)"""  # noqa: S608 - SQL Django compiled; its values are parameters
        work_join = "LEFT JOIN assignments asg ON asg.article_id = a.id"
        work = """concat(', "assignments": [', asg.json, ']')"""
    return f"""
WITH speakers AS MATERIALIZED (
  SELECT s.id, {_speaker_json("s")} AS json FROM articles_speaker s WHERE s.project_id = %s
), quotes AS (
  SELECT q.article_id, {_quote_parts(speaker, "to_json(u.username)")} AS quotes
  FROM ({selected_quotes}) q
  JOIN accounts_user u ON u.id = q.annotator_id
  LEFT JOIN speakers sp ON sp.id = q.speaker_id
  {_STANCES}
  GROUP BY q.article_id
){work_table}
SELECT {_ARTICLE_COLUMNS}, qs.quotes, {work}
FROM articles_article a
LEFT JOIN quotes qs ON qs.article_id = a.id
{work_join}
WHERE a.id IN ({exported_articles})
ORDER BY a.id
"""  # noqa: S608 - the inserted parts are SQL Django compiled; their values are parameters


def article_query(selected_quotes: str, readable_articles: str) -> str:
    """One article, if ``readable_articles`` (SQL giving article ids) has it, with those
    of its quotes that ``selected_quotes`` gives (SQL giving the quote table's columns),
    as a row for ``line`` and then the project's slug. Parameters: the quotes', the
    article's id, the articles'."""
    return f"""
SELECT {_ARTICLE_COLUMNS}, (
  SELECT {_quote_parts(f"coalesce({_SPEAKER_OF_QUOTE}, 'null')", _ANNOTATOR_OF_QUOTE)}
  FROM ({selected_quotes}) q
  {_STANCES_OF_QUOTE}
  WHERE q.article_id = a.id
), p.slug
FROM articles_article a JOIN articles_project p ON p.id = a.project_id
WHERE a.id = %s AND a.id IN ({readable_articles})
"""  # noqa: S608 - the inserted parts are SQL Django compiled; their values are parameters


def line(row: tuple) -> bytes:
    """The JSONL line (with its newline) of one row of ``query`` (or of ``article_query``
    without its slug); ``ExportError`` if a quote's text is not the article's text at its
    offsets."""
    return line_and_quotes(row)[0]


def line_and_quotes(row: tuple) -> tuple[bytes, int]:
    """``line`` of the row, and how many quotes it holds (for the export's final line)."""
    pk, external_id, title, url, outlet, author, published_at, language, text, digest = row[:10]
    quotes, work = row[10], row[11:]
    tail = (work[0].encode() if work else b"") + b"}\n"
    dumps = orjson.dumps
    head = _ARTICLE % (
        pk,
        dumps(external_id),
        dumps(title),
        dumps(url),
        dumps(outlet),
        dumps(author),
        b"null" if published_at is None else dumps(published_at),
        dumps(language),
        dumps(text),  # also keeps the text's UTF-8 at hand for the encodes below
        dumps(digest),
    )
    if quotes is None:
        return head + b"]" + tail, 0
    ascii_only = text.isascii()
    rare = not ascii_only and has_rare_astral(text.encode())
    parts: list[list] = []
    previous = None
    position = start16 = start8 = 0
    for piece in quotes.encode().split(QUOTE_SEPARATOR):
        numbers, text_json, before_cue, stance, after = piece.split(PART_SEPARATOR)
        if numbers == previous:  # the same quote again, with its next stance
            parts[-1][7].append(stance)
            continue
        previous = numbers
        quote_id, start, end, cue_start, cue_end, speaker_start, speaker_end = numbers.split(b" ")
        start, end = int(start), int(end)
        span = text[start:end]
        if dumps(span) != text_json:
            raise ExportError(
                f"quote {quote_id.decode()}: text does not match the article at {start}–{end}"
            )
        # Quotes come by start: each start's units follow from the one before it.
        if ascii_only:
            start16 = start8 = start
            end16 = end8 = end
        else:
            gap = text[position:start].encode()
            start8 += len(gap)
            start16 += start - position + astral_count(gap, rare)
            position = start
            encoded = span.encode()
            end8 = start8 + len(encoded)
            end16 = start16 + end - start + astral_count(encoded, rare)
        if cue_start:
            cue_start, cue_end = int(cue_start), int(cue_end)
            cue = _CUE % (cue_start, cue_end, dumps(text[cue_start:cue_end]))
        else:
            cue = b"null"
        mention = b"null"
        if speaker_start:
            speaker_start, speaker_end = int(speaker_start), int(speaker_end)
            # Anywhere in the text, not in start order: counted from the start.
            units_at = unit_offsets(text, (speaker_start, speaker_end))
            mention = _MENTION % (
                speaker_start,
                speaker_end,
                dumps(text[speaker_start:speaker_end]),
                units_at[speaker_start][0],
                units_at[speaker_end][0],
                units_at[speaker_start][1],
                units_at[speaker_end][1],
            )
        stances = [stance] if stance else []
        units = (start16, end16, start8, end8)
        parts.append(
            [quote_id, start, end, text_json, before_cue, cue, mention, stances, after, units]
        )
    return (
        head
        + b", ".join(
            _QUOTE % (*values, b", ".join(stances), after, *units)
            for *values, stances, after, units in parts
        )
        + b"]"
        + tail,
        len(parts),
    )
