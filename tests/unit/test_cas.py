"""UIMA CAS XMI (issue 19), through dkpro-cassis: newsannot's layers round-trip on a text
with an emoji, combining marks, right-to-left script and CRLF; the file counts UTF-16
units as UIMA does; a WebAnno-style document written from the documented XMI form, with
another team's layer names, imports with every span and attribution once its layers are
mapped, and is refused naming them until then; a bad document is an error naming it."""

import io
import re
import zipfile

import pytest

from articles.exchange import cas, interop
from articles.exchange.records import ArticleRecord, RecordError
from articles.exchange.spans import Roles
from tests.unit.test_interop import EXPECTED, RECORD, TEXT, read_back


def with_stances():
    quotes = [{**q, "stances": [{"target": "Kaia", "label": "against"}]} for q in RECORD["quotes"]]
    return {**RECORD, "quotes": quotes}


def unzip(chunks, folder):
    with zipfile.ZipFile(io.BytesIO(b"".join(chunks))) as archive:
        names = archive.namelist()
        archive.extractall(folder)
    return names


def utf16(offset: int) -> int:
    return len(TEXT[:offset].encode("utf-16-le")) // 2


def test_newsannot_layers_round_trip_through_the_zip(tmp_path):
    names = unzip(interop.chunks("cas", [with_stances()]), tmp_path)
    assert names == ["TypeSystem.xml", "7.xmi"]
    assert read_back(interop.read("cas", tmp_path)) == EXPECTED
    (record,) = interop.read("cas", tmp_path)
    assert record.title == "Kaia stenges"
    assert {q.stances for q in record.quotes} == {(("Kaia", "against"),)}
    assert {q.annotator for q in record.quotes} == {"ana"}


def test_the_file_counts_utf16_units_and_newsannot_code_points(tmp_path):
    xmi = cas.to_xmi(RECORD)
    found = [
        (int(begin), int(end))
        for begin, end in re.findall(r'<custom:Quote [^>]*begin="(\d+)" end="(\d+)"', xmi)
    ]
    assert found == [(utf16(q["start"]), utf16(q["end"])) for q in RECORD["quotes"]]
    assert found[0][0] == RECORD["quotes"][0]["start"] + 2  # the flag: two code points, four units


def test_a_speaker_named_in_the_text_is_a_mention_tied_to_its_quote():
    xmi = cas.to_xmi(RECORD)
    mentions = re.findall(
        r'<custom:SpeakerMention [^>]*begin="(\d+)" end="(\d+)" name="([^"]+)"', xmi
    )
    start = TEXT.index("Odd Berg")
    assert (str(utf16(start)), str(utf16(start + len("Odd Berg"))), "Odd Berg") in mentions
    assert xmi.count("<custom:QuoteSpeaker ") == 3
    assert xmi.count("<custom:QuoteCue ") == 3


# A WebAnno/INCEpTION document as their XMI export writes one (documented forms: the
# CAS XMI of UIMA, custom layers under webanno.custom, relations with Governor and
# Dependent over the dependent's span, Token and Sentence from segmentation). Written by
# hand for this test; offsets in UTF-16 units: the emoji before the quote is two.
WEBANNO_TEXT = "🙂 «Vi stenger kaia», sier Zoe\u0301 Lie."
TYPE_SYSTEM = """<?xml version="1.0" encoding="UTF-8"?>
<typeSystemDescription xmlns="http://uima.apache.org/resourceSpecifier">
  <types>
    <typeDescription><name>webanno.custom.Quotation</name><supertypeName>uima.tcas.Annotation</supertypeName></typeDescription>
    <typeDescription><name>webanno.custom.Source</name><supertypeName>uima.tcas.Annotation</supertypeName></typeDescription>
    <typeDescription><name>webanno.custom.Attribution</name><supertypeName>uima.tcas.Annotation</supertypeName>
      <features>
        <featureDescription><name>Governor</name><rangeTypeName>webanno.custom.Quotation</rangeTypeName></featureDescription>
        <featureDescription><name>Dependent</name><rangeTypeName>webanno.custom.Source</rangeTypeName></featureDescription>
      </features>
    </typeDescription>
    <typeDescription><name>de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence</name><supertypeName>uima.tcas.Annotation</supertypeName></typeDescription>
  </types>
</typeSystemDescription>
"""
XMI = f"""<?xml version="1.0" encoding="UTF-8"?>
<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore"
  xmlns:custom="http:///webanno/custom.ecore"
  xmlns:type="http:///de/tudarmstadt/ukp/dkpro/core/api/segmentation/type.ecore" xmi:version="2.0">
  <cas:NULL xmi:id="0"/>
  <cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text"
    sofaString="{WEBANNO_TEXT}"/>
  <type:Sentence xmi:id="2" sofa="1" begin="0" end="{len(WEBANNO_TEXT.encode("utf-16-le")) // 2}"/>
  <custom:Quotation xmi:id="3" sofa="1" begin="3" end="20"/>
  <custom:Source xmi:id="4" sofa="1" begin="27" end="35"/>
  <custom:Attribution xmi:id="5" sofa="1" begin="27" end="35" Governor="3" Dependent="4"/>
  <cas:View sofa="1" members="2 3 4 5"/>
</xmi:XMI>
"""


def webanno_folder(tmp_path, xmi=XMI):
    (tmp_path / "annotation" / "kaia.txt").mkdir(parents=True)
    (tmp_path / "annotation" / "kaia.txt" / "kim.xmi").write_text(xmi, encoding="utf-8")
    (tmp_path / "TypeSystem.xml").write_text(TYPE_SYSTEM, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("prefix", ["webanno.custom.", ""])
def test_another_teams_layers_import_once_mapped(tmp_path, prefix):
    names = ("Quotation=quote", "Source=speaker", "Attribution=speaker")
    roles = Roles.with_map(prefix + name for name in names)
    (record,) = interop.read("cas", webanno_folder(tmp_path), roles)
    assert isinstance(record, ArticleRecord)
    assert record.text == WEBANNO_TEXT
    (quote,) = record.quotes
    assert WEBANNO_TEXT[quote.start : quote.end] == "«Vi stenger kaia»"
    assert (quote.kind, quote.speaker) == ("direct", "Zoe\u0301 Lie")


def test_unmapped_layers_are_listed_with_counts_and_refused(tmp_path):
    items = list(interop.read("cas", webanno_folder(tmp_path)))
    refusal = items[-1]
    assert isinstance(refusal, RecordError)
    for layer in ("layer webanno.custom.Quotation (1)", "layer webanno.custom.Source (1)"):
        assert layer in refusal.message
    assert "relation webanno.custom.Attribution (1)" in refusal.message


@pytest.mark.parametrize(
    ("xmi", "message"),
    [
        (XMI.replace('begin="3" end="20"', 'begin="3" end="99"'),
         "offset [99]"),
        (XMI.replace('<?xml version="1.0" encoding="UTF-8"?>',
                     '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'),
         "declares a DOCTYPE"),
        ("<xmi:XMI", "is not CAS XMI"),
    ],
)  # fmt: skip
def test_a_bad_document_is_an_error_naming_its_file(tmp_path, xmi, message):
    roles = Roles.with_map(["webanno.custom.Quotation=quote", "webanno.custom.Source=speaker"])
    items = list(interop.read("cas", webanno_folder(tmp_path, xmi), roles))
    errors = [item for item in items if isinstance(item, RecordError)]
    assert errors
    assert errors[0].path.endswith("kim.xmi")
    assert message in errors[0].message


def test_a_folder_without_a_type_system_is_refused(tmp_path):
    (tmp_path / "a.xmi").write_text(XMI, encoding="utf-8")
    (error,) = interop.read("cas", tmp_path)
    assert "no TypeSystem.xml" in error.message
