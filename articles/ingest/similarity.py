"""Near-duplicate texts by MinHash over word shingles. No Django imports.

The same story from two outlets, or a wire copy with a sentence changed, shares most of
its five-word sequences. A text's signature is 64 minima of hashed shingles; the share
of equal minima between two signatures estimates their Jaccard similarity. Sixteen bands
of four minima each index the signatures: two texts with a similarity of 0.8 share at
least one band with a probability of 0.9996, so candidates are found by equal band
values and only those are compared.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

SHINGLE_WORDS = 5
PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
_PRIME = (1 << 61) - 1  # a Mersenne prime above every 60-bit shingle hash
_WORDS = re.compile(r"\w+")


def _coefficients() -> list[tuple[int, int]]:
    # Fixed, so signatures stored today compare with tomorrow's.
    pairs = []
    for index in range(PERMUTATIONS):
        digest = hashlib.blake2b(f"newsannot-minhash-{index}".encode(), digest_size=16).digest()
        a = int.from_bytes(digest[:8], "big") % (_PRIME - 1) + 1
        b = int.from_bytes(digest[8:], "big") % _PRIME
        pairs.append((a, b))
    return pairs


_COEFFICIENTS = _coefficients()


def shingles(text: str) -> set[int]:
    """The hashes of the text's five-word sequences (lower-cased words; a shorter text
    is one shingle)."""
    words = [w.lower() for w in _WORDS.findall(text)]
    if len(words) < SHINGLE_WORDS:
        grams = [" ".join(words)] if words else []
    else:
        grams = (" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - 4))
    return {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") >> 4
        for g in grams
    }


def signature(text: str) -> list[int]:
    """The text's MinHash signature: ``PERMUTATIONS`` integers below 2**61."""
    hashed = shingles(text)
    if not hashed:
        return [_PRIME] * PERMUTATIONS
    return [min((a * h + b) % _PRIME for h in hashed) for a, b in _COEFFICIENTS]


def bands(sig: Sequence[int]) -> list[int]:
    """One value per band of ``sig``, as a signed 63-bit integer (a database bigint)."""
    values = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr((band, *rows)).encode(), digest_size=8).digest()
        values.append(int.from_bytes(digest, "big", signed=True) >> 1)
    return values


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The estimated Jaccard similarity of the texts behind two signatures."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / PERMUTATIONS
