import json
import subprocess
import sys
from pathlib import Path

import pytest

from articles.extraction import extract_quotes, extract_speakers
from articles.extraction.attribution import closing_dash_quote
from articles.extraction.evaluation import evaluate, same_speaker
from articles.extraction.names import find_names
from articles.extraction.registry import Registry
from articles.extraction.reported import reported_speech

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "gold.jsonl"
# Our own held-out articles: 8 (89 quotes) written by a separate author without sight of
# the engine and never used to tune it (tests/data/heldout_src/).
HELDOUT = ROOT / "tests" / "data" / "heldout.jsonl"


def quotes(text):
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(text)]


def test_dash_quotes_with_attribution_continuation_and_misspelling():
    text = (
        "The ferry will stop in May.\n\n"
        "– We cannot run a boat with no passengers, says harbour master Tove Lindquist "
        "to Kystavisen.\n\n"
        "– It breaks my heart.\n\n"
        "– Too late\n\n"
        "WAITING: Harbour master Tove Lindquist believes the boat is doomed. Photo: Kari\n\n"
        "WAITING: Harbour master Tove Lindquist believes the boat is doomed. Photo: Kari\n\n"
        "– Every winter is harder than the last, says Lindqvist."
    )
    found = extract_quotes(text)
    assert [(q.kind, q.speaker, q.text) for q in found] == [
        ("direct", "Tove Lindquist", "We cannot run a boat with no passengers"),
        ("direct", "Tove Lindquist", "It breaks my heart."),
        ("direct", "Tove Lindquist", "Every winter is harder than the last"),
    ]
    assert text[found[0].cue_start : found[0].cue_end] == "says"
    assert found[1].cue_start is None
    speaker = extract_speakers(text)[0]
    assert speaker.name == "Tove Lindquist"
    assert "Lindqvist" in speaker.aliases
    assert speaker.description == "harbour master"


def test_us_quotes_broken_by_attribution_and_pronouns():
    text = (
        "Dana Whitfield, the county attorney, spoke after the vote.\n\n"
        "“We will appeal,” Whitfield said. “The ruling ignores the council’s own rules.”\n\n"
        "“It is not over,” she said."
    )
    assert quotes(text) == [
        ("direct", "Dana Whitfield", "We will appeal"),
        ("direct", "Dana Whitfield", "The ruling ignores the council’s own rules."),
        ("direct", "Dana Whitfield", "It is not over"),
    ]


def test_apostrophes_scare_quotes_and_titles_are_not_quotes():
    text = (
        "The council’s so-called “green” buses date from the ’90s, and the report "
        "“Roads to Nowhere” says the residents’ group was right."
    )
    assert [q for q in quotes(text) if q[0] != "indirect"] == []


def test_british_single_quotes_with_apostrophes_inside():
    text = "‘We don’t want the council’s money, we want the bus back,’ said Ruth Ames."
    assert quotes(text) == [
        ("direct", "Ruth Ames", "We don’t want the council’s money, we want the bus back")
    ]


def test_guillemets_and_low_high_quotes():
    assert quotes("« We are ready », said Zoé Lefèvre, the mayor.") == [
        ("direct", "Zoé Lefèvre", "We are ready")
    ]
    assert quotes("„Die Fähre bleibt“, sagte... „We stay“, said Jürgen Äström.")[-1] == (
        "direct",
        "Jürgen Äström",
        "We stay",
    )


def test_indirect_speech_and_according_to():
    text = (
        "Energy researcher Ola Nygaard believes that the grid will fail in a cold winter. "
        "According to the Ministry of Energy, the prices will fall next year."
    )
    assert quotes(text) == [
        ("indirect", "Ola Nygaard", "the grid will fail in a cold winter"),
        ("indirect", "Ministry of Energy", "the prices will fall next year"),
    ]


def test_a_name_inside_a_quote_is_not_the_speaker():
    text = "Mayor Anne Lunde answered the critics.\n\n“Ask Per Holm what he promised us,” she said."
    assert quotes(text) == [("direct", "Anne Lunde", "Ask Per Holm what he promised us")]


def test_every_suggestion_points_at_its_text():
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        for q in extract_quotes(text):
            assert text[q.start : q.end] == q.text
            assert 0 <= q.start < q.end <= len(text)
            assert 0 <= q.confidence <= 1
            if q.cue_start is not None:
                assert 0 <= q.cue_start < q.cue_end <= len(text)


def test_the_engine_meets_its_targets_on_the_gold_set():
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 30
    report = evaluate(records, extract_quotes)
    assert report.overlap["direct"].f1 >= 0.95
    assert report.overlap["indirect"].f1 >= 0.75
    assert report.speaker_accuracy >= 0.92


def test_the_engine_holds_its_level_on_the_held_out_articles():
    # The gold set above is what the rules were tuned on; these articles are our own
    # held-out ones (see HELDOUT), so they show whether the rules generalise. Asserted at
    # today's level less about one quote: direct 0.983, indirect 0.918, speaker 0.918
    # (78 of 85, below the 0.92 target the gold set meets), cue 1.000 (57 of 57).
    records = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 8
    report = evaluate(records, extract_quotes)
    assert report.overlap["direct"].f1 >= 0.96
    assert report.overlap["indirect"].f1 >= 0.88
    assert report.speaker_accuracy >= 0.90
    assert report.cue_accuracy >= 0.95


def test_gold_set_is_built_from_its_sources():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "data" / "build_gold.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


class _Found:
    def __init__(self, start, end, kind, speaker=None):
        self.start, self.end, self.kind, self.speaker = start, end, kind, speaker
        self.cue_start = self.cue_end = None


def test_evaluation_counts_exact_and_overlap_matches():
    record = {
        "id": "x",
        "text": "x" * 100,
        "quotes": [
            {"start": 0, "end": 10, "kind": "direct", "speaker": "Ola Vik"},
            {"start": 20, "end": 40, "kind": "indirect", "speaker": None},
            {"start": 50, "end": 60, "kind": "direct", "speaker": "Kari Lie"},
        ],
    }
    report = evaluate(
        [record],
        lambda text: [
            _Found(0, 10, "direct", "Vik"),  # exact, surname counts as the speaker
            _Found(22, 38, "indirect"),  # overlap only
            _Found(70, 80, "mixed", "Kari Lie"),  # false alarm; gold 50-60 missed
        ],
    )
    assert (report.exact["direct"].true_positives, report.overlap["direct"].true_positives) == (
        1,
        1,
    )
    assert report.overlap["indirect"].f1 == 1.0
    assert report.exact["indirect"].true_positives == 0
    assert report.overlap["direct"].precision == pytest.approx(0.5)
    assert report.speaker_accuracy == 1.0
    assert len(report.misses) == 1
    assert len(report.false_alarms) == 1


def test_same_speaker_accepts_surnames_only():
    assert same_speaker("Lie", "Tormod Lie")
    assert same_speaker("tormod lie", "Tormod Lie")
    assert not same_speaker("Tormod", "Tormod Lie")
    assert not same_speaker("Ola Lie", "Tormod Lie")


def test_speaker_mention_and_cue_spans_point_at_the_attribution():
    text = (
        "– We cannot run a boat, says harbour master Tove Lindquist to Kystavisen.\n\n"
        "– It breaks my heart.\n\n"
        "“Fine,” she said."
    )
    first, second, third = extract_quotes(text)
    assert text[first.speaker_start : first.speaker_end] == "Tove Lindquist"
    assert text[first.cue_start : first.cue_end] == "says"
    # A continuation is attributed where its speaker was last named (as PARC and PolNeAR
    # annotate it), and has no cue of its own.
    assert (second.speaker_start, second.speaker_end) == (first.speaker_start, first.speaker_end)
    assert second.cue_start is None
    assert text[third.speaker_start : third.speaker_end] == "she"


def test_speaker_mentions_are_inside_the_text_on_the_gold_set():
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        for q in extract_quotes(text):
            if q.speaker_start is not None:
                mention = text[q.speaker_start : q.speaker_end]
                assert mention
                assert (
                    mention[0].isupper()
                    or mention in {"he", "she", "they"}
                    or (mention.lower().startswith("the "))
                    or mention == q.speaker_description  # "a letter sent to …"
                ), mention


def test_names_are_found_with_their_offsets_and_role_words_dropped():
    assert find_names("Belarus expert Arve Hansen to TV 2") == [
        ("Belarus", 0),
        ("Arve Hansen", 15),
        ("TV", 30),
    ]
    assert find_names("Harbourmaster Ola Vik said") == [("Ola Vik", 14)]


def test_reported_speech_returns_the_clause_its_cue_and_who_said_it():
    text = "Energy researcher Ola Nygaard believes that the grid will fail in a cold winter."
    registry = Registry()
    quote = reported_speech(registry, text, 0, len(text))
    assert text[quote.start : quote.end] == "the grid will fail in a cold winter"
    assert text[slice(*quote.cue)] == "believes"
    assert text[slice(*quote.mention)] == "Ola Nygaard"
    assert registry.last_speaker is quote.entity


def test_a_dash_quote_ends_where_its_closing_attribution_starts():
    text = "– We have no choice, says port director Sigrun Haldorsen to Vesterhavn Posten."
    quote_end, attribution = closing_dash_quote(Registry(), text, 2, len(text))
    assert text[2:quote_end] == "We have no choice"
    assert text[slice(*attribution.cue)] == "says"
    assert text[slice(*attribution.mention)] == "Sigrun Haldorsen"
    assert attribution.entity.description == "port director"


def test_a_speaker_mention_belongs_to_its_own_attribution():
    # "He" names no one the article has met yet; the next quote must not borrow it.
    text = (
        "He warned that as many as 200 boats could be laid up.\n\n"
        "According to the association, the average family boat earns less than in 2015."
    )
    warned, quote = extract_quotes(text)
    # "He warned that …" is reported speech by someone the text has not named yet: an
    # unnamed speaker at its own "He".
    assert warned.text.endswith("200 boats could be laid up")
    assert warned.speaker is None
    assert text[warned.speaker_start : warned.speaker_end] == "He"
    # No association is named: an unnamed one, not a speaker called "Association".
    assert (quote.speaker, quote.speaker_description) == (None, "the association")
    assert text[quote.speaker_start : quote.speaker_end] == "the association"


def test_same_speaker_ignores_stops_and_middle_initials():
    assert same_speaker("Victor J. Berg", "Victor Berg")
    assert same_speaker("G.K. Lindqvist", "G.K Lindqvist")
    assert same_speaker("Leonard E Holt", "Leonard E. Holt")
    assert not same_speaker("Ted Okafor", "Rafael Okafor")
