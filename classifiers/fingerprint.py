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
    weights = [0] * 64
    for gram in grams:
        value = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    result = 0
    for bit in range(64):
        if weights[bit] > 0:
            result |= 1 << bit
    # stored in a signed BIGINT column
    return result - (1 << 64) if result >= 1 << 63 else result


def distance(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


def near_duplicate(a: int, b: int) -> bool:
    return a != 0 and b != 0 and distance(a, b) <= NEAR
