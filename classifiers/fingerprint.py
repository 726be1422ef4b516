"""Near-duplicate fingerprints: one statement relayed by five channels is one source.

A 64-bit SimHash over word 3-grams of the normalised text, without links, hashtags, mentions
and emoji. Relays add a prefix ("عاجل |"), a signature or a link; the fingerprint moves by a
few bits only, while a different text lands about 32 bits away.
"""

from __future__ import annotations

import hashlib
import re

from classifiers.normalize import normalize, tokens

_NOISE = re.compile(r"https?://\S+|www\.\S+|[#@]\w+|t\.me/\S+")
NEAR = 10  # bits: at or under this distance two texts are one statement


def simhash(text: str) -> int:
    words = [w for w in tokens(normalize(_NOISE.sub(" ", text))) if len(w) > 1]
    if len(words) < 3:
        grams = words
    else:
        grams = [" ".join(words[i:i + 3]) for i in range(len(words) - 2)]
    if not grams:
        return 0
    # each gram's hash as 64 characters '0'/'1', most significant bit first; a bit of the result is
    # set where more grams have it set than not (counted per column in C, not bit by bit in Python)
    rows = [format(int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "big"), "064b")
            for gram in grams]
    half = len(rows) / 2
    result = 0
    for column in zip(*rows, strict=True):
        result = result << 1 | (column.count("1") > half)
    # stored in a signed BIGINT column
    return result - (1 << 64) if result >= 1 << 63 else result


def distance(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


def near_duplicate(a: int, b: int) -> bool:
    return a != 0 and b != 0 and distance(a, b) <= NEAR
