"""Finding quotes: reported speech around learned cues, unlisted verbs before quotation
marks, titles that are not quotes, mixed quotes that share a cue (issue 14)."""

import json
import subprocess
import sys

from articles.extraction import extract_quotes
from articles.extraction.cues import MODEL_PATH, load, tokens
from articles.extraction.paragraphs import SENTENCE_END


def _only(text: str, kind: str | None = None):
    quotes = [q for q in extract_quotes(text) if kind is None or q.kind == kind]
    assert len(quotes) == 1, quotes
    return quotes[0]


def _cue(text: str, quote) -> str:
    return text[quote.cue_start : quote.cue_end]


def test_a_lower_case_subject_after_the_clause_is_reported_speech():
    text = "The old ferry quay will need new pilings within two years, harbour engineers say."
    quote = _only(text, "indirect")
    assert quote.text == "The old ferry quay will need new pilings within two years"
    assert _cue(text, quote) == "say"


def test_an_auxiliary_between_subject_and_cue():
    text = "Mayor Lena Hartvik has denied that the council sold the fishing rights in secret."
    quote = _only(text, "indirect")
    assert "the council sold the fishing rights in secret" in quote.text
    assert _cue(text, quote) == "denied"
    assert quote.speaker == "Lena Hartvik"


def test_a_leading_phrase_does_not_hide_the_speaker():
    text = "On Monday, Hartvik said the harbour would close for two weeks in March."
    quote = _only(text, "indirect")
    assert "the harbour would close for two weeks in March" in quote.text
    assert quote.speaker == "Hartvik"


def test_a_participle_introduces_a_reported_clause():
    text = (
        "Councillor Petra Lund praised the repair crews on Tuesday, adding that the "
        "new pier would open a month early."
    )
    quote = _only(text, "indirect")
    assert "the new pier would open a month early" in quote.text
    assert _cue(text, quote) == "adding"


def test_an_attitude_without_a_clause_is_no_quote():
    assert extract_quotes("The district board defended its plan to close the night school.") == []


def test_a_title_stop_ends_no_sentence():
    text = "Mr. Hartvik said the ferry would stop running in May."
    quote = _only(text, "indirect")
    assert quote.text.startswith("the ferry would stop")
    assert [m.end() for m in SENTENCE_END.finditer(text)] == [len(text)]


def test_an_unlisted_verb_before_a_colon_introduces_a_direct_quote():
    text = "Lund tweeted: “We will rebuild the pier before the summer.”"
    quote = _only(text, "direct")
    assert quote.text == "We will rebuild the pier before the summer."
    assert quote.speaker == "Lund"
    assert _cue(text, quote) == "tweeted"


def test_a_show_title_after_of_is_no_quote():
    text = "On Sunday’s episode of “Harbour Talk Tonight,” the mayor spoke about ferries."
    assert [q for q in extract_quotes(text) if q.kind != "indirect"] == []


def test_quoted_words_sharing_a_cue_form_one_mixed_quote():
    text = "Lund tweeted that the ferry plan was “a disgrace” and “a waste of money”."
    quote = _only(text, "mixed")
    assert quote.text == "a disgrace” and “a waste of money"
    assert _cue(text, quote) == "tweeted"


def test_the_cue_model_is_plain_json_with_its_provenance():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert len(data["trained_on"]["sha256"]) == 64
    assert data["parameters"]["seed"] == 14
    model = load()
    sentence = tokens("Hartvik said the ferry would stop.", 0, 34)
    assert [sentence[i][2] for i, _ in model.cues(sentence)] == ["said"]


def test_the_engine_runs_without_scikit_learn_or_numpy():
    code = (
        "import sys; from articles.extraction import extract_quotes; "
        "extract_quotes('Hartvik said the ferry would stop in May.'); "
        "print(any(m.split('.')[0] in ('sklearn', 'numpy', 'scipy') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_two_apostrophes_quote_like_double_marks():
    text = "''We will appeal the ruling,'' Hartvik said. ''It is not over.''"
    quotes = extract_quotes(text)
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [
        ("direct", "We will appeal the ruling", "Hartvik"),
        ("direct", "It is not over.", "Hartvik"),
    ]


def test_an_all_caps_label_does_not_make_a_paragraph_a_caption():
    text = "UPDATE: Mayor Lena Hartvik said the ferry would stop running in May."
    quote = _only(text, "indirect")
    assert quote.text.startswith("the ferry would stop")


def test_a_named_speaker_and_a_colon_introduce_a_quote():
    text = "Harbour economist Petra Lund: “The tolls will drive the ships to Nordvik.”"
    quote = _only(text, "direct")
    assert quote.speaker == "Petra Lund"
    assert _cue(text, quote) == ":"


def test_a_clause_broken_by_its_attribution_gives_both_pieces():
    text = "The new pier, Hartvik said, will be finished before the autumn storms arrive."
    assert [q.text for q in extract_quotes(text)] == [
        "The new pier",
        "will be finished before the autumn storms arrive",
    ]
