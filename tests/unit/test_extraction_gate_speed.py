"""The gate's shortcuts give what the plain way of building and weighing its features
gave: each against a written-out reference, on made-up sentences."""

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.extraction import gate

_WORDS = st.sampled_from(
    "urged Urged said pointing denied asked The voters to stay home , “ ” . about "
    "Kari Holt she that whether 2020 - ings ed s".split()
)


def _reference_cue_features(words, first, last, shape):
    """cue_features as it was written before its shortcuts."""
    n = len(words)
    cue = " ".join(w.lower() for w in words[first : last + 1])
    head = words[last].lower()
    n1 = words[last + 1] if last + 1 < n else "</s>"
    n2 = words[last + 2].lower() if last + 2 < n else "</s>"
    p1 = words[first - 1].lower() if first > 0 else "<s>"
    n1_class = gate.word_class(n1) if last + 1 < n else "end"
    suffix = next((s for s in ("ing", "ed", "s") if head.endswith(s)), "")
    quoted = any(mark in "".join(words) for mark in '"“”‘’«»')
    before = [
        "b",
        f"shape={shape}",
        f"w={cue}",
        f"w|shape={cue}|{shape}",
        f"n1={n1.lower()}",
        f"n1c={n1_class}",
        f"w|n1c={cue}|{n1_class}",
        f"w|n1={cue}|{n1.lower()}",
        f"n1c|n2={n1_class}|{n2}",
        f"p1={p1}",
        f"suffix={suffix}",
        f"suffix|n1c={suffix}|{n1_class}",
    ]
    at = next((f"<{b}" for b in (1, 3, 6, 12) if first < b), ">=12")
    after = [f"quoted={quoted}", f"at={at}", f"upper={words[first][:1].isupper()}"]
    return before, after


def _reference_might_admit(model, cue, shape, lengths, probabilities):
    """might_admit as it was written before its shortcuts: lists of look-ups."""
    get = model.weights.get
    before, after = cue
    score = sum([get(f, 0.0) for f in before])
    score += sum([get(f, 0.0) for f in after])
    score += max(
        get(f"subject={s}", 0.0) + get(f"subject|shape={s}|{shape}", 0.0) for s in gate.SUBJECTS
    )
    score += max(get(gate._length_feature(n), 0.0) for n in lengths)
    score += max(get(f"p={min(9, int(p * 10))}", 0.0) for p in probabilities)
    return score >= model._least_score - gate._MARGIN


@st.composite
def _cues(draw):
    words = draw(st.lists(_WORDS, min_size=1, max_size=20))
    first = draw(st.integers(0, len(words) - 1))
    last = draw(st.integers(first, min(first + 2, len(words) - 1)))
    return words, first, last


@settings(max_examples=300, deadline=None)
@given(_cues(), st.sampled_from(["object", "low", "passive", "word clause"]))
def test_a_cues_features_are_those_written_out(cue, shape):
    words, first, last = cue
    assert gate.cue_features(words, first, last, shape) == _reference_cue_features(
        words, first, last, shape
    )


@settings(max_examples=300, deadline=None)
@given(
    _cues(),
    st.sampled_from(["object", "low", "passive", "word clause"]),
    st.sampled_from([gate.ANY_LENGTH, (1,), (7,), (40,)]),
    st.lists(st.floats(0.0, 1.0), min_size=1, max_size=2).map(tuple),
)
def test_the_bound_on_what_the_gate_admits_is_the_sum_written_out(cue, shape, lengths, chances):
    model = gate.load()
    features = gate.cue_features(*cue, shape)
    assert model.might_admit(
        features, shape, lengths=lengths, probabilities=chances
    ) == _reference_might_admit(model, features, shape, lengths, chances)
