"""Opening uploaded files and ZIP archives: every attack is refused, naming the member and
the rule; the archives are built here, byte by byte where zipfile would not write them."""

import io
import stat
import struct
import warnings
import zipfile

import pytest

from articles.exchange import uploads
from articles.exchange.uploads import Kind, Limits, UploadRefused

MiB = 1024 * 1024


def archive(*members, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP holding ``members``: (name, bytes) pairs or ready ``ZipInfo``, bytes pairs."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name; we want one
        with zipfile.ZipFile(buffer, "w", compression) as zf:
            for name, data in members:
                zf.writestr(name, data)
    return buffer.getvalue()


def members(data: bytes, name="batch.zip", limits=uploads.LIMITS) -> list[tuple[str, bytes]]:
    return [
        (m.name, m.data) for m in uploads.open_upload(io.BytesIO(data), name=name, limits=limits)
    ]


def refusal(data: bytes, name="batch.zip", limits=uploads.LIMITS) -> str:
    with pytest.raises(UploadRefused) as error:
        members(data, name, limits)
    return str(error.value)


def patch_headers(data: bytes, *, offset_local: int, offset_central: int, fmt: str, value):
    """Write ``value`` into every local and central header at the given field offsets."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", offset_local), (b"PK\x01\x02", offset_central)):
        start = out.find(signature)
        while start != -1:
            struct.pack_into(fmt, out, start + offset, value)
            start = out.find(signature, start + 4)
    return bytes(out)


JSONL = b'{"title": "A", "text": "Hello."}\n'


# Files that are fine.


def test_a_plain_text_file_is_one_member_named_as_uploaded():
    assert members(JSONL, name="a.jsonl") == [("a.jsonl", JSONL)]


def test_an_archive_yields_its_files_in_order_named_archive_colon_member():
    data = archive(("2026/a.jsonl", JSONL), ("b.csv", b"title,text\nB,b\n"), ("c.txt", b"C\nc"))
    assert members(data) == [
        ("batch.zip:2026/a.jsonl", JSONL),
        ("batch.zip:b.csv", b"title,text\nB,b\n"),
        ("batch.zip:c.txt", b"C\nc"),
    ]


def test_folders_and_macos_metadata_in_an_archive_are_passed_over():
    data = archive(
        ("dir/", b""),
        ("dir/a.txt", b"A\na"),
        ("__MACOSX/dir/._a.txt", b"\x00\x05\x16\x07binary"),
        ("dir/.DS_Store", b"\x00\x00\x00\x01Bud1"),
    )
    assert members(data) == [("batch.zip:dir/a.txt", b"A\na")]


def test_type_is_decided_by_content_so_a_zip_named_jsonl_is_read_as_an_archive():
    data = archive(("a.jsonl", JSONL))
    assert members(data, name="upload.jsonl") == [("upload.jsonl:a.jsonl", JSONL)]


def test_a_well_compressed_small_member_is_not_taken_for_a_bomb():
    text = b"A\n" + b" " * 200_000  # compresses ~500 times, but is small
    assert members(archive(("a.txt", text))) == [("batch.zip:a.txt", text)]


# Size: refused before the whole body is read.


class Trickle(io.RawIOBase):
    """A stream that cannot seek, counting what was read from it."""

    def __init__(self, size: int):
        self.left = size
        self.read_bytes = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = min(len(buffer), self.left)
        buffer[:n] = b"x" * n
        self.left -= n
        self.read_bytes += n
        return n


def test_an_unseekable_stream_over_the_limit_is_refused_after_reading_at_most_one_chunk_more():
    stream = Trickle(50 * MiB)
    with pytest.raises(
        UploadRefused, match=r"^big\.txt: is larger than the limit of 1,048,576 bytes$"
    ):
        list(uploads.open_upload(stream, name="big.txt", limits=Limits(max_bytes=MiB)))
    assert stream.read_bytes <= MiB + uploads.CHUNK


def test_a_seekable_file_over_the_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_bytes(JSONL * 40_000)
    with path.open("rb") as stream:
        with pytest.raises(UploadRefused, match=r"big\.jsonl: is 1,320,000 bytes; the limit is"):
            list(uploads.open_upload(stream, name="big.jsonl", limits=Limits(max_bytes=MiB)))
        assert stream.tell() == 0


class Unseekable(io.BytesIO):
    def seekable(self):
        return False


def test_an_archive_from_a_stream_that_cannot_seek_is_read_within_the_cap():
    data = archive(("a.txt", b"A\na"))
    stream = Unseekable(data)
    assert [m.name for m in uploads.open_upload(stream, name="up.zip")] == ["up.zip:a.txt"]
    with pytest.raises(UploadRefused, match=r"^up\.zip: is larger than the limit of 100 bytes$"):
        list(uploads.open_upload(Unseekable(data), name="up.zip", limits=Limits(max_bytes=100)))


def test_read_capped_reads_in_chunks_and_stops_beyond_the_cap():
    assert uploads.read_capped(io.BytesIO(b"x" * 10), limit=10, name="f") == b"x" * 10
    with pytest.raises(UploadRefused, match=r"^f: is larger than the limit of 9 bytes$"):
        uploads.read_capped(io.BytesIO(b"x" * 10), limit=9, name="f")


# ZIP bombs.


def test_a_member_that_would_expand_too_many_times_is_refused():
    data = archive(("bomb.txt", b"a" * (10 * MiB)))
    message = refusal(data)
    assert message.startswith("batch.zip:bomb.txt: would expand ")
    assert "the limit is 100 times" in message


def test_a_member_declaring_more_than_the_per_file_limit_is_refused():
    data = archive(("a.txt", bytes(range(32, 127)) * 100))
    assert refusal(data, limits=Limits(max_member_bytes=1000)) == (
        "batch.zip:a.txt: declares 9,500 bytes uncompressed; the limit per file is 1,000 bytes"
    )


def test_members_together_over_the_total_limit_are_refused_before_any_is_read():
    chunk = bytes(range(32, 127)) * 10
    data = archive(*((f"{i}.txt", chunk) for i in range(5)))
    assert refusal(data, limits=Limits(max_total_bytes=3000)) == (
        "batch.zip: would expand to 4,750 bytes in all; the limit is 3,000 bytes"
    )


def test_too_many_members_are_refused():
    data = archive(*((f"{i}.txt", b"T\nt") for i in range(4)))
    assert refusal(data, limits=Limits(max_members=3)) == (
        "batch.zip: holds 4 entries; the limit is 3"
    )


def test_many_entries_sharing_one_compressed_body_are_refused_by_their_declared_total():
    # An overlapping bomb: every central entry points at the same local data.
    data = bytearray(archive(("a.txt", b"a" * (512 * 1024))))
    start = data.find(b"PK\x01\x02")
    end = data.find(b"PK\x05\x06")
    entry = bytes(data[start:end])
    copies = 400
    entries = b"".join(entry.replace(b"a.txt", b"%05d" % i) for i in range(copies))
    eocd = bytearray(data[end:])
    struct.pack_into("<HHI", eocd, 8, copies, copies, len(entries))
    bomb = bytes(data[:start]) + entries + bytes(eocd)
    assert refusal(bomb, limits=Limits(max_total_bytes=100 * MiB)) == (
        "batch.zip: would expand to 209,715,200 bytes in all; the limit is 104,857,600 bytes"
    )


def test_small_members_that_together_expand_too_many_times_are_refused():
    data = archive(*((f"{i}.txt", b"T\n" + b" " * (512 * 1024)) for i in range(20)))
    message = refusal(data)
    assert message.startswith("batch.zip: would expand ")
    assert message.endswith(" times its size; the limit is 100 times")


def test_a_header_that_understates_the_size_is_caught_when_reading():
    data = archive(("a.txt", b"T\n" + b"lies " * 10_000))
    lying = patch_headers(data, offset_local=22, offset_central=24, fmt="<I", value=100)
    message = refusal(lying)
    assert message.startswith("batch.zip:a.txt: is damaged or lies about its size")


def test_decompressed_bytes_are_counted_against_the_declared_ratio(monkeypatch):
    # Whatever zipfile trusts, the bytes that come out are counted and capped.
    data = archive(("a.txt", b"T\n" + bytes(range(32, 127)) * 100))
    real_open = zipfile.ZipFile.open

    def generous_open(self, name, *args, **kwargs):
        stream = real_open(self, name, *args, **kwargs)
        stream.read = lambda n=-1, _read=stream.read: _read(n) + b"x" * 10_000
        return stream

    monkeypatch.setattr(zipfile.ZipFile, "open", generous_open)
    assert refusal(data) == (
        "batch.zip:a.txt: decompresses to more bytes than its header declares (9,502)"
    )


# Path traversal and other names that must never reach a disk.


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("../evil.txt", "its name climbs out of the archive (..)"),
        ("dir/../../evil.txt", "its name climbs out of the archive (..)"),
        ("/etc/cron.d/evil.txt", "its name is an absolute path"),
        ("C:/evil.txt", "its name starts with a drive letter"),
        ("c:evil.txt", "its name starts with a drive letter"),
        ("..\\evil.txt", "its name holds a backslash"),
        ("dir\\evil.txt", "its name holds a backslash"),
        ("a\x01.txt", "its name holds a control character"),
    ],
)
def test_unsafe_member_names_are_refused(name, rule):
    message = refusal(archive((name, b"T\nt")))
    assert message.startswith("batch.zip:")
    assert message.endswith(rule)


def test_a_nul_byte_in_a_member_name_is_refused():
    data = archive(("a.txtX.jsonl", b"T\nt")).replace(b"a.txtX.jsonl", b"a.txt\x00.jsonl")
    assert refusal(data) == "batch.zip:a.txt\\x00.jsonl: its name holds a NUL byte"


def test_a_symbolic_link_is_refused():
    info = zipfile.ZipInfo("link.txt")
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    assert refusal(archive((info, b"/etc/passwd"))) == "batch.zip:link.txt: is a symbolic link"


def test_a_name_twice_is_refused():
    data = archive(("a.txt", b"A\na"), ("a.txt", b"B\nb"))
    assert refusal(data) == "batch.zip:a.txt: appears twice in the archive"


def test_an_encrypted_member_is_refused():
    data = patch_headers(
        archive(("a.txt", b"T\nt")), offset_local=6, offset_central=8, fmt="<H", value=1
    )
    assert refusal(data) == "batch.zip:a.txt: is encrypted"


def test_an_unusual_compression_method_is_refused():
    data = archive(("a.txt", b"T\nt"), compression=zipfile.ZIP_BZIP2)
    assert refusal(data) == (
        "batch.zip:a.txt: uses compression method 12; only stored and deflated are read"
    )


def test_a_damaged_archive_is_refused_by_name():
    data = archive(("a.txt", b"T\nt"))[:-30]
    assert refusal(data).startswith("batch.zip: is not a readable ZIP archive")


def test_an_archive_without_files_is_refused():
    assert refusal(archive(("dir/", b""))) == "batch.zip: holds no files"


# Type by content.


def test_a_zip_inside_the_zip_is_refused():
    data = archive(("inner.txt", archive(("a.txt", b"A\na"))))
    assert (
        refusal(data)
        == "batch.zip:inner.txt: is a ZIP archive; archives inside archives are not read"
    )


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"<!DOCTYPE html><p>hi", "HTML"),
        (b"\xef\xbb\xbf  \n<HTML>", "HTML"),
        (b"<script>alert(1)</script>", "HTML"),
        (b"<!-- a comment -->", "HTML"),
        (b"\t<body onload=x>", "HTML"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", "SVG"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg onload="x"/>', "SVG"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>', "HTML"),
    ],
)
def test_html_and_svg_are_recognised_by_content_and_refused_as_text(content, kind):
    assert refusal(archive(("article.txt", content))) == (
        f"batch.zip:article.txt: is {kind} markup, not plain text"
    )
    with pytest.raises(UploadRefused, match=f"^a.txt: is {kind} markup"):
        uploads.text_of(content, name="a.txt")


def test_text_that_only_starts_with_a_less_than_sign_is_text():
    assert uploads.sniff(b"<3 the harbour\n") is Kind.TEXT
    assert uploads.sniff(b"<bold claim> says Vik") is Kind.TEXT
    assert uploads.sniff(b'{"title": "<script>"}') is Kind.TEXT


def test_binary_and_invalid_utf8_members_are_refused_naming_the_line():
    data = archive(("a.txt", b"Title\nfine\nK\xf8benhavn\n"))
    assert refusal(data) == "batch.zip:a.txt:3: is not valid UTF-8"
    data = archive(("img.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert refusal(data) == "batch.zip:img.jsonl:3: contains a NUL byte"


def test_text_of_decodes_utf8_without_its_byte_order_mark():
    assert uploads.text_of("\ufeffÅse, 🐟".encode(), name="a.txt") == "Åse, 🐟"
    with pytest.raises(UploadRefused, match=r"^a\.csv:2: contains a NUL byte$"):
        uploads.text_of(b"a\nb\x00", name="a.csv")


def test_sniff_knows_a_zip_by_its_magic_bytes_whatever_its_name():
    assert uploads.sniff(archive(("a.txt", b"a"))) is Kind.ZIP
    assert uploads.sniff(b"PK\x05\x06" + bytes(18)) is Kind.ZIP
    assert uploads.sniff(b"plain") is Kind.TEXT
    assert uploads.sniff(b"a\x00b") is Kind.BINARY
    assert uploads.sniff(b"\xff\xfe") is Kind.BINARY
