"""Open an uploaded file or ZIP archive safely, with no Django imports.

Whatever a file is called, its content decides what it is: a ZIP archive by its magic
bytes, HTML or SVG markup by the patterns browsers sniff, text only when it is UTF-8 with
no NUL. Sizes are capped before anything is read whole, an archive's declared sizes are
checked before any member is decompressed and the bytes that come out are counted again
(headers can lie), and member names that could point outside a folder are refused. Each
refusal is an ``UploadRefused`` naming the file (``archive.zip:member``) and the rule.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePosixPath
from typing import BinaryIO

MiB = 1024 * 1024
CHUNK = 64 * 1024
# Enough to see past leading white space to the first tag, as browsers do (WHATWG: 1445).
HEAD = 1445


@dataclass(frozen=True)
class Limits:
    """Caps on one upload; the defaults suit the command line's imports."""

    max_bytes: int = 512 * MiB  # the file as it arrives (an archive: compressed)
    max_members: int = 10_000  # entries in an archive, folders included
    max_member_bytes: int = 256 * MiB  # one member, uncompressed
    max_total_bytes: int = 512 * MiB  # all members, uncompressed
    max_ratio: int = 100  # uncompressed / compressed, per member and for the archive
    # Below this a member may compress better (a page of spaces) without being a bomb;
    # the total cap bounds what many such members add up to.
    ratio_floor: int = MiB


LIMITS = Limits()


class Kind(StrEnum):
    ZIP = "zip"
    HTML = "HTML"
    SVG = "SVG"
    TEXT = "text"
    BINARY = "binary"


class UploadRefused(ValueError):
    """An upload breaks a rule: ``where`` names the file (and member, and line)."""

    def __init__(self, where: str, rule: str):
        super().__init__(f"{where}: {rule}")
        self.where = where
        self.rule = rule


@dataclass(frozen=True)
class Member:
    """One file of an upload: ``name`` is what errors call it (``batch.zip:dir/a.jsonl``),
    ``path`` its own name (``dir/a.jsonl``; for a file alone, the upload's)."""

    name: str
    path: str
    data: bytes


def open_upload(
    stream: BinaryIO, *, name: str, limits: Limits = LIMITS, xml: bool = False
) -> Iterator[Member]:
    """Yield the text files an upload holds: its members if it is a ZIP archive (by
    content), else itself. ``xml``: XML documents (CAS XMI) are text too, though never
    HTML or SVG. Raises ``UploadRefused`` at the first rule broken."""
    if stream.seekable():
        size = _size(stream, name, limits)
    else:
        stream = io.BytesIO(read_capped(stream, limit=limits.max_bytes, name=name))
        size = len(stream.getbuffer())
    if _is_zip(stream.read(4)):
        stream.seek(0)
        yield from _unpack(stream, name=name, size=size, limits=limits, xml=xml)
        return
    stream.seek(0)
    data = read_capped(stream, limit=limits.max_bytes, name=name)
    text_of(data, name=name, xml=xml)
    yield Member(name, name, data)


def check_file(stream: BinaryIO, *, name: str, limits: Limits = LIMITS) -> Kind:
    """``Kind.ZIP`` or ``Kind.TEXT`` (to be read as text) for a seekable file within the
    size limit, by its first bytes; markup is refused. The stream is left at its start."""
    _size(stream, name, limits)
    head = stream.read(HEAD + 3)
    stream.seek(0)
    if _is_zip(head):
        return Kind.ZIP
    if kind := _markup(head):
        raise UploadRefused(name, f"is {kind} markup, not plain text")
    return Kind.TEXT


def read_capped(stream: BinaryIO, *, limit: int, name: str) -> bytes:
    """Read ``stream`` in chunks, refusing it as soon as it passes ``limit`` bytes."""
    parts, total = [], 0
    while chunk := stream.read(CHUNK):
        total += len(chunk)
        if total > limit:
            raise UploadRefused(name, f"is larger than the limit of {limit:,} bytes")
        parts.append(chunk)
    return b"".join(parts)


def sniff(data: bytes) -> Kind:
    """What ``data`` is by its content: a ZIP archive, HTML or SVG markup, UTF-8 text, or
    other bytes."""
    if _is_zip(data[:4]):
        return Kind.ZIP
    if b"\x00" in data:
        return Kind.BINARY
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return Kind.BINARY
    return _markup(data[: HEAD + 3]) or Kind.TEXT


def text_of(data: bytes, *, name: str, xml: bool = False) -> str:
    """``data`` as text, without a byte-order mark; refused, naming the line, unless it is
    UTF-8 with no NUL; markup and archives are never plain text (``xml``: an XML document
    that is neither HTML nor SVG is)."""
    if _is_zip(data[:4]):
        raise UploadRefused(name, "is a ZIP archive; archives inside archives are not read")
    if (nul := data.find(b"\x00")) != -1:
        raise UploadRefused(f"{name}:{_line(data, nul)}", "contains a NUL byte")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UploadRefused(f"{name}:{_line(data, error.start)}", "is not valid UTF-8") from None
    head = data[: HEAD + 3]
    if (kind := _markup(head)) and not (xml and _is_plain_xml(head)):
        raise UploadRefused(name, f"is {kind} markup, not plain text")
    return text.removeprefix("\ufeff")


def _is_plain_xml(head: bytes) -> bool:
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\n\f\r")
    return head[:5].lower() == b"<?xml" and not _SVG.search(head) and b"<html" not in head.lower()


def _size(stream: BinaryIO, name: str, limits: Limits) -> int:
    """A seekable stream's size, refused over the limit before anything is read."""
    size = stream.seek(0, io.SEEK_END)
    stream.seek(0)
    if size > limits.max_bytes:
        raise UploadRefused(name, f"is {size:,} bytes; the limit is {limits.max_bytes:,} bytes")
    return size


def _line(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _is_zip(head: bytes) -> bool:
    # A local file header, or the end record of an empty archive.
    return head[:4] in (b"PK\x03\x04", b"PK\x05\x06")


# The WHATWG MIME sniffing patterns for text/html: each tag followed by a space or ">".
_HTML = re.compile(
    rb"<(?:!DOCTYPE HTML|HTML|HEAD|SCRIPT|IFRAME|H1|DIV|FONT|TABLE|A|STYLE|TITLE|B|BODY|BR|P"
    rb"|!--)[ >\t\n\f\r]",
    re.IGNORECASE,
)
_SVG = re.compile(rb"<svg[ >\t\n\f\r/]", re.IGNORECASE)


def _markup(head: bytes) -> Kind | None:
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\n\f\r")
    if _SVG.match(head):
        return Kind.SVG
    if head[:5].lower() == b"<?xml":
        # XML can be SVG or XHTML; either runs script when a browser renders it.
        return Kind.SVG if _SVG.search(head) else Kind.HTML
    return Kind.HTML if _HTML.match(head) else None


# Files that desktop archivers add beside the real ones.
def _is_metadata(name: str) -> bool:
    path = PurePosixPath(name)
    return path.parts[:1] == ("__MACOSX",) or path.name in (".DS_Store", "Thumbs.db")


def _unpack(
    stream: BinaryIO, *, name: str, size: int, limits: Limits, xml: bool = False
) -> Iterator[Member]:
    entries = _declared_entries(stream, size)
    if entries is not None and entries > limits.max_members:
        # Refused before zipfile builds an object for every entry of the directory.
        raise UploadRefused(name, f"holds {entries:,} entries; the limit is {limits.max_members:,}")
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise UploadRefused(name, f"is not a readable ZIP archive ({error})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_members:
            raise UploadRefused(
                name, f"holds {len(infos):,} entries; the limit is {limits.max_members:,}"
            )
        files = _checked_files(infos, name, limits)
        total = sum(info.file_size for info in files)
        if total > limits.max_total_bytes:
            raise UploadRefused(
                name,
                f"would expand to {total:,} bytes in all; the limit is "
                f"{limits.max_total_bytes:,} bytes",
            )
        if total >= limits.ratio_floor and total > limits.max_ratio * max(size, 1):
            raise UploadRefused(
                name,
                f"would expand {total // max(size, 1):,} times its size; the limit is "
                f"{limits.max_ratio} times",
            )
        if not files:
            raise UploadRefused(name, "holds no files")
        read = 0
        for info in files:
            where = f"{name}:{_shown(info.orig_filename)}"
            data = _read_member(archive, info, where, limits, limits.max_total_bytes - read)
            read += len(data)
            text_of(data, name=where, xml=xml)
            yield Member(where, info.orig_filename, data)


def _checked_files(infos: list[zipfile.ZipInfo], name: str, limits: Limits):
    """The archive's files (folders and desktop metadata left out), once every entry's
    name, type and declared sizes pass."""
    files, seen = [], set()
    for info in infos:
        member = info.orig_filename
        where = f"{name}:{_shown(member)}"
        if rule := _unsafe_name(member):
            raise UploadRefused(where, rule)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise UploadRefused(where, "is a symbolic link")
        if info.is_dir() or _is_metadata(member):
            continue
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise UploadRefused(where, "is not a regular file")
        if member in seen:
            raise UploadRefused(where, "appears twice in the archive")
        seen.add(member)
        if info.flag_bits & 0x1:
            raise UploadRefused(where, "is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UploadRefused(
                where,
                f"uses compression method {info.compress_type}; only stored and deflated are read",
            )
        if info.file_size > limits.max_member_bytes:
            raise UploadRefused(
                where,
                f"declares {info.file_size:,} bytes uncompressed; the limit per file is "
                f"{limits.max_member_bytes:,} bytes",
            )
        _check_ratio(where, info.file_size, info.compress_size, limits)
        files.append(info)
    return files


def _read_member(archive, info, where: str, limits: Limits, room: int) -> bytes:
    """The member's bytes, counted as they come out against its declared size and every
    cap, whatever the header said."""
    data = bytearray()
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK):
                data += chunk
                if len(data) > info.file_size:
                    raise UploadRefused(
                        where,
                        f"decompresses to more bytes than its header declares ({info.file_size:,})",
                    )
                if len(data) > min(limits.max_member_bytes, room):
                    raise UploadRefused(where, "decompresses past the size limit")
                _check_ratio(where, len(data), info.compress_size, limits)
    except UploadRefused:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as error:
        raise UploadRefused(where, f"is damaged or lies about its size ({error})") from None
    return bytes(data)


def _check_ratio(where: str, size: int, compressed: int, limits: Limits) -> None:
    if size >= limits.ratio_floor and size > limits.max_ratio * max(compressed, 1):
        raise UploadRefused(
            where,
            f"would expand {size // max(compressed, 1):,} times ({size:,} bytes from "
            f"{compressed:,}); the limit is {limits.max_ratio} times",
        )


_DRIVE = re.compile(r"^[A-Za-z]:")


def _unsafe_name(name: str) -> str | None:
    """The rule a member's name breaks, if any: it must stay inside the folder it is
    unpacked to on any system."""
    if not name:
        return "has an empty name"
    if "\x00" in name:
        return "its name holds a NUL byte"
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "its name holds a control character"
    if "\\" in name:
        return "its name holds a backslash"
    if name.startswith("/"):
        return "its name is an absolute path"
    if _DRIVE.match(name):
        return "its name starts with a drive letter"
    if ".." in name.split("/"):
        return "its name climbs out of the archive (..)"
    return None


def _shown(name: str) -> str:
    """A member's name as errors print it: control characters escaped."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in name)


def _declared_entries(stream: BinaryIO, size: int) -> int | None:
    """The number of entries the archive's end record declares (ZIP64 too), or None when
    there is no end record (zipfile then says why)."""
    tail_size = min(size, 22 + 65535)  # the end record, after a comment of at most 64 KiB
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    stream.seek(0)
    end = tail.rfind(b"PK\x05\x06")
    if end == -1 or end + 22 > len(tail):
        return None
    entries = int.from_bytes(tail[end + 10 : end + 12], "little")
    locator = end - 20
    if entries == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
        offset = int.from_bytes(tail[locator + 8 : locator + 16], "little")
        stream.seek(offset)
        record = stream.read(56)
        stream.seek(0)
        if record[:4] == b"PK\x06\x06":
            entries = int.from_bytes(record[32:40], "little")
    return entries
