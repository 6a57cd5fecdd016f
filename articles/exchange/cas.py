"""INCEpTION's and WebAnno's UIMA CAS XMI, both ways, through dkpro-cassis. Pure Python.

newsannot's type system (``TYPE_SYSTEM_XML``, written as ``TypeSystem.xml`` beside the
documents, as INCEpTION's own export does) holds custom layers INCEpTION loads:

- ``webanno.custom.Quote`` (span): ``kind`` (direct, indirect, mixed), ``speaker`` (the
  catalog's name), ``annotator``, ``origin``;
- ``webanno.custom.SpeakerMention`` (span, ``name``) and ``webanno.custom.Cue`` (span);
- ``webanno.custom.QuoteSpeaker`` and ``webanno.custom.QuoteCue``: relations in
  INCEpTION's form (``Governor`` the quote, ``Dependent`` the mention or the cue, the
  relation over the dependent's span);
- ``webanno.custom.Stance`` (span over its quote's): ``target``, ``label``, ``annotator``;
- the title and id in DKPro Core's ``DocumentMetaData``.

A CAS counts offsets in UTF-16 code units (Java's strings); cassis turns them into code
points on reading and back on writing, so this module, like the rest of newsannot, sees
code points only.

Reading takes a folder (or the files of a ZIP, unpacked) of ``.xmi`` files with the
``TypeSystem.xml`` beside them or above them. Other type systems' layers map to roles by
type name (``--label-map webanno.custom.Quotation=quote``, or its short name
``Quotation``); a relation type is any with ``Governor`` and ``Dependent`` features. A
layer without a role is listed with its count and refused, except the segmentation and
metadata INCEpTION writes into every document.
"""

from __future__ import annotations

import functools
import io
import itertools
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

from cassis import Cas, TypeSystem, load_cas_from_xmi, load_typesystem

from articles.exchange.records import (
    ArticleRecord,
    InvalidRecord,
    RecordError,
    record_from_mapping,
)
from articles.exchange.spans import (
    QUOTE_ROLES,
    FormatError,
    Roles,
    Span,
    check_span,
    quote_spans,
    quotes_from_spans,
)

CUSTOM = "webanno.custom."
QUOTE, MENTION, CUE, STANCE = (CUSTOM + n for n in ("Quote", "SpeakerMention", "Cue", "Stance"))
QUOTE_SPEAKER, QUOTE_CUE = CUSTOM + "QuoteSpeaker", CUSTOM + "QuoteCue"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
TYPE_SYSTEM_FILE = "TypeSystem.xml"
# What every INCEpTION document holds beside the annotations: no quote is in them.
UNRELATED = frozenset(
    {
        "uima.tcas.DocumentAnnotation",
        METADATA,
        "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token",
        "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence",
        "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Paragraph",
        "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Lemma",
        "de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS",
    }
)
STRING, ANNOTATION = "uima.cas.String", "uima.tcas.Annotation"


def _type_system() -> TypeSystem:
    types = TypeSystem()
    meta = types.create_type(METADATA, "uima.tcas.DocumentAnnotation")
    for name in ("documentTitle", "documentId", "documentUri", "collectionId", "documentBaseUri"):
        types.create_feature(meta, name, STRING)
    types.create_feature(meta, "isLastSegment", "uima.cas.Boolean")
    quote = types.create_type(QUOTE, ANNOTATION)
    for name in ("kind", "speaker", "annotator", "origin"):
        types.create_feature(quote, name, STRING)
    types.create_feature(types.create_type(MENTION, ANNOTATION), "name", STRING)
    types.create_type(CUE, ANNOTATION)
    stance = types.create_type(STANCE, ANNOTATION)
    for name in ("target", "label", "annotator"):
        types.create_feature(stance, name, STRING)
    for relation, dependent in ((QUOTE_SPEAKER, MENTION), (QUOTE_CUE, CUE)):
        link = types.create_type(relation, ANNOTATION)
        types.create_feature(link, "Governor", QUOTE)
        types.create_feature(link, "Dependent", dependent)
    return types


TYPE_SYSTEM_XML = _type_system().to_xml()


@functools.cache
def _types() -> TypeSystem:
    """The type system as a CAS reads it, parsed once for every document written."""
    return load_typesystem(TYPE_SYSTEM_XML)


def to_xmi(record: dict) -> str:
    """An export record as one document's CAS XMI (UTF-16 offsets, as UIMA has them)."""
    types = _types()
    cas = Cas(typesystem=types)
    text = record["text"]
    cas.sofa_string = text
    cas.sofa_mime = "text/plain"
    Meta, Quote, Mention, Cue, Stance = (
        types.get_type(name) for name in (METADATA, QUOTE, MENTION, CUE, STANCE)
    )
    SpeakerLink, CueLink = types.get_type(QUOTE_SPEAKER), types.get_type(QUOTE_CUE)
    cas.add(
        Meta(
            begin=0,
            end=len(text),
            documentTitle=str(record.get("title") or ""),
            documentId=str(record.get("id") or ""),
            language=record.get("language") or "x-unspecified",
        )
    )
    # A mention or a cue that serves several quotes is one annotation.
    mentions, cues = {}, {}
    for quote, mention in quote_spans(record):
        speaker = quote.get("speaker") or {}
        made = Quote(
            begin=quote["start"],
            end=quote["end"],
            kind=quote["kind"],
            speaker=speaker.get("name"),
            annotator=quote.get("annotator"),
            origin=quote.get("origin"),
        )
        cas.add(made)
        if mention is not None:
            key = (*mention, speaker.get("name"))
            if key not in mentions:
                mentions[key] = Mention(begin=mention[0], end=mention[1], name=speaker["name"])
                cas.add(mentions[key])
            found = mentions[key]
            cas.add(SpeakerLink(begin=found.begin, end=found.end, Governor=made, Dependent=found))
        if quote.get("cue"):
            key = (quote["cue"]["start"], quote["cue"]["end"])
            if key not in cues:
                cues[key] = Cue(begin=key[0], end=key[1])
                cas.add(cues[key])
            found = cues[key]
            cas.add(CueLink(begin=found.begin, end=found.end, Governor=made, Dependent=found))
        for stance in quote.get("stances") or []:
            cas.add(
                Stance(
                    begin=quote["start"],
                    end=quote["end"],
                    target=stance["target"],
                    label=stance["label"],
                    annotator=quote.get("annotator"),
                )
            )
    return cas.to_xmi()


def members(records: Iterable[dict]) -> Iterator[tuple[str, bytes]]:
    """``TypeSystem.xml``, then ``ID.xmi`` per export record: the files of a ZIP that
    INCEpTION imports."""
    records = iter(records)
    # The first record is read before anything is sent: that read fixes the snapshot an
    # export is made from (``streams.snapshot``).
    first = next(records, None)
    yield TYPE_SYSTEM_FILE, TYPE_SYSTEM_XML.encode()
    if first is None:
        return
    for count, record in enumerate(itertools.chain([first], records), start=1):
        yield f"{record.get('id') or count}.xmi", to_xmi(record).encode()


def read_cas(folder: Path, roles: Roles | None = None) -> Iterator[ArticleRecord | RecordError]:
    """A record (or an error naming the file and the field) per ``.xmi`` file of a folder,
    read with the ``TypeSystem.xml`` beside it or above it; then one error listing the
    layers that have no role, with counts."""
    roles = roles or Roles()
    files = sorted(folder.rglob("*.xmi")) if folder.is_dir() else []
    if not files:
        yield RecordError(str(folder), 0, "CAS XMI is a folder (or ZIP) of .xmi files")
        return
    type_systems: dict[Path, TypeSystem] = {}
    for path in files:
        where = str(path)
        try:
            types = _type_system_for(path, folder, type_systems)
            data = _without_doctype(path.read_bytes(), "XMI")
            with warnings.catch_warnings():
                # cassis only warns of an offset outside the text, and keeps it unmapped.
                warnings.simplefilter("error")
                cas = load_cas_from_xmi(io.BytesIO(data), typesystem=types)
            mapping = _mapping(cas, roles, path.stem)
            yield record_from_mapping(mapping, path=where, line=0, exported=True)
        except FormatError as error:
            yield RecordError(where, 0, error.message, error.where)
        except InvalidRecord as error:
            yield RecordError(where, 0, error.message, error.field)
        except Exception as error:
            yield RecordError(where, 0, f"is not CAS XMI that its type system allows ({error})")
    refusal = roles.refusal()
    if refusal:
        yield RecordError(str(folder), 0, refusal.replace("label ", "layer "))


def _type_system_for(path: Path, root: Path, cache: dict[Path, TypeSystem]) -> TypeSystem:
    for place in (path.parent, *path.parent.parents):
        candidate = place / TYPE_SYSTEM_FILE
        if candidate.is_file():
            if candidate not in cache:
                data = _without_doctype(candidate.read_bytes(), "a type system")
                cache[candidate] = load_typesystem(io.BytesIO(data))
            return cache[candidate]
        if place == root:
            break
    raise FormatError(f"no {TYPE_SYSTEM_FILE} beside it or above it", "file")


def _without_doctype(data: bytes, what: str) -> bytes:
    """``data``, refused if it declares a DOCTYPE: XMI and type systems have none, and one
    could declare entities that read files or grow without end."""
    if b"<!DOCTYPE" in data[:4096].upper():
        raise FormatError(f"declares a DOCTYPE, which {what} never does", "file")
    return data


def _mapping(cas: Cas, roles: Roles, fallback_title: str) -> dict:
    text = cas.sofa_string or ""
    spans: list[Span] = []
    links: list[tuple[str, str, str]] = []
    own_quotes: dict[str, object] = {}  # newsannot's Quote annotations by id
    stances = []
    title = fallback_title
    for annotation in cas.select_all_annotations():
        name = annotation.type.name
        where = f"{name.rsplit('.', 1)[-1]} {annotation.xmiID}"
        if name in UNRELATED or not _is_annotation(annotation):
            if name == METADATA and annotation.get("documentTitle"):
                title = annotation.get("documentTitle")
            continue
        if name == STANCE:
            stances.append(annotation)
            continue
        if _is_relation(annotation):
            own = name in (QUOTE_SPEAKER, QUOTE_CUE)
            role = None if own else roles.relation(_mapped_name(roles.relations, name))
            role = role or {QUOTE_SPEAKER: "speaker", QUOTE_CUE: "cue"}.get(name)
            governor, dependent = annotation.get("Governor"), annotation.get("Dependent")
            if role in ("speaker", "cue") and governor is not None and dependent is not None:
                links.append((role, str(governor.xmiID), str(dependent.xmiID)))
            elif role in QUOTE_ROLES:
                raise FormatError(f"a relation cannot be a quote ({name})", where)
            continue
        if name == QUOTE:
            kind = annotation.get("kind")
            role = kind if kind in QUOTE_ROLES else "quote"
        elif name in (MENTION, CUE):
            role = "speaker" if name == MENTION else "cue"
        else:
            role = roles.label(_mapped_name(roles.labels, name))
        if role is None:
            continue
        start, end = check_span(text, annotation.begin, annotation.end, where)
        spans.append(Span(str(annotation.xmiID), role, start, end))
        if name == QUOTE:
            own_quotes[str(annotation.xmiID)] = annotation
    quotes = quotes_from_spans(text, spans, links, annotator=None, where="relations")
    _own_features(quotes, spans, own_quotes, stances)
    return {"title": str(title), "text": text, "quotes": quotes}


def _own_features(quotes: list[dict], spans: list[Span], own_quotes: dict, stances: list) -> None:
    """newsannot's own Quote layer carries more than a span: the catalog's name of the
    speaker, the annotator and, on Stance spans, the stances. ``quotes`` come in the
    order ``quotes_from_spans`` gives them: their spans' (start, end)."""
    quote_spans_in_order = sorted(
        (s for s in spans if s.role in QUOTE_ROLES), key=lambda s: (s.start, s.end)
    )
    for quote, span in zip(quotes, quote_spans_in_order, strict=True):
        annotation = own_quotes.get(span.id)
        if annotation is None:
            continue
        if annotation.get("speaker"):
            quote["speaker"] = {"name": annotation.get("speaker")}
        quote["annotator"] = annotation.get("annotator") or None
        quote["stances"] = [
            {"target": s.get("target"), "label": s.get("label")}
            for s in stances
            if (s.begin, s.end) == (annotation.begin, annotation.end)
            and (s.get("annotator") or None) == quote["annotator"]
        ]


def _mapped_name(mapped: dict, name: str) -> str:
    """A layer's short name ("Quotation") when the map has it, else its full name."""
    short = name.rsplit(".", 1)[-1]
    return short if short in mapped or short.upper() in mapped else name


def _is_annotation(annotation) -> bool:
    return hasattr(annotation, "begin") and hasattr(annotation, "end")


def _is_relation(annotation) -> bool:
    features = {feature.name for feature in annotation.type.all_features}
    return {"Governor", "Dependent"} <= features
