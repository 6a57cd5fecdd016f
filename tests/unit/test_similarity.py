"""Near-duplicates: the same story with a sentence changed is close, different stories
are far, and close texts share a band (so the index finds them)."""

from articles.ingest.similarity import bands, signature, similarity

STORY = (
    "The regional ferry operator says it may cancel up to a third of its winter departures "
    "unless the county raises its subsidy before January. – We cannot run empty boats at a "
    "loss for another season, says operations director Marte Lindqvist. County councillor "
    "Per Aune believes that the operator is exaggerating the problem to win a better "
    "contract. Residents on the outer islands fear that they will be cut off on the darkest "
    "days of the year, and the harbour master expects fewer tourists next summer as well."
)
WIRE_COPY = STORY.replace(
    "and the harbour master expects fewer tourists next summer as well",
    "and the local shop owner worries about deliveries",
)
OTHER = (
    "Sundbrua stenges for all trafikk fra mandag mens veivesenet skifter ut lagrene, "
    "opplyser Statens vegvesen. – Dette er arbeid som ikke kan vente lenger, sier "
    "prosjektleder Øystein Hågård. Ordfører Liv Ødegård mener at kommunen burde vært "
    "varslet tidligere, og pendlerne må regne med lange omkjøringer i tre uker."
)


def test_a_copy_with_one_sentence_changed_is_near_and_another_story_is_far():
    story, copy, other = signature(STORY), signature(WIRE_COPY), signature(OTHER)
    assert similarity(story, story) == 1.0
    assert similarity(story, copy) >= 0.6
    assert similarity(story, other) <= 0.1


def test_case_and_punctuation_do_not_matter():
    assert similarity(signature(STORY), signature(STORY.upper().replace(",", ""))) == 1.0


def test_near_texts_share_a_band_and_far_ones_do_not():
    story, copy, other = (bands(signature(t)) for t in (STORY, WIRE_COPY, OTHER))
    assert set(story) & set(copy)
    assert not set(story) & set(other)
    assert all(-(2**62) <= value < 2**62 for value in story)  # fits a bigint


def test_signatures_are_stable_across_runs():
    # Stored signatures must compare with later ones: no per-process randomness.
    assert (
        signature("one two three four five six")[:3] == signature("one two three four five six")[:3]
    )
    assert len(signature("")) == 64
