"""Normalisation shared by every matcher, and the cross-script name skeleton.

``normalize`` makes text comparable without changing word boundaries: NFKC; bidi controls,
zero-width characters, tatweel and Arabic diacritics removed; alef forms, ta marbuta, alef
maqsura and the Persian ya/kaf unified; Eastern Arabic and Persian digits to ASCII; Latin lower
case without accents; apostrophes and ayn marks dropped; hyphens to spaces; glued CamelCase
names split.

``name_tokens`` goes further for names: it drops the article forms (al-, el-, ul-, as-, ash-,
Arabic ال) so "al-Ashrin", "Al Ashrin" and «العشرين» line up. ``skeleton`` reduces a token to its
consonants in one Latin alphabet (Arabic and Persian letters transliterated), which is what stays
stable across the transliteration chaos: Thawrat / Thorat / Thurat / ثورة all give ``trt``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_REMOVE = dict.fromkeys(
    [0x200B, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x061C, 0x0640,
     *range(0x202A, 0x202F), *range(0x2066, 0x206A),
     *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)],
    None,
)
_ARABIC_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ک": "ك", "ؤ": "و", "ئ": "ي",
    "٪": "%", "،": ",", "؛": ";", "؟": "?", "۔": ".",
}
_DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
_APOSTROPHES = "'’‘ʿʾ`´ʼ"
_DASHES = "-‐‑‒–—―_"
# ZWNJ separates Persian morphemes (حزب‌الله, می‌گیرد): a space keeps the words apart
_TABLE = str.maketrans({**{k: v for k, v in _ARABIC_MAP.items()}, **_DIGITS, "\u200c": " ",
                        **dict.fromkeys(_APOSTROPHES, ""), **dict.fromkeys(_DASHES, " ")})
_TABLE.update(_REMOVE)
# the characters the table changes other than the ASCII apostrophe, backtick, hyphen and underscore
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_TABLE) if k > 127) + "]")
# a capital between two small letters: the regex engine skips to each capital (few in text)
# where a pattern opening on the small letter would stop at most characters
_CAMEL = re.compile(r"([A-Z])(?<=[a-z][A-Z])(?=[a-z])")
# runs of two or more spaces, or any other space character: a lone " " is left alone
_SPACES = re.compile(r"[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]{2,}|[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]")
# the space characters of _SPACES past Latin-1
_WIDE_SPACE = re.compile(r"[\u2000-\u200A\u202F\u205F\u3000]")
_ARTICLE_LATIN = re.compile(r"^(?:al|el|ul|il|as|ash|ad|ar|at|an|az|ath|adh|the|l|d)$")


_ACCENTED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")


def _strip_latin_accents(text: str) -> str:
    if text.isascii() or not _ACCENTED.search(text):
        return text
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and out[-1] < "\u0250":
            continue  # a combining mark on a Latin letter: é → e; Arabic marks were removed already
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


# both open on the apostrophe, so the regex engine skips to the apostrophes (a pattern opening
# on a lookbehind is tried at every position); the elision's apostrophe becomes a space
_POSSESSIVE = re.compile(r"['’](?<=[A-Za-z]['’])s(?![A-Za-z])")
_ELISION = re.compile(r"['’](?:(?<=(?<![A-Za-zÀ-ÿ])[LlDdJjNnSsCcMmTt]['’])|(?<=(?<![A-Za-zÀ-ÿ])[Qq]u['’]))(?=[A-Za-zÀ-ÿ])")


def normalize_cased(text: str) -> str:
    """Everything ``normalize`` does except lower-casing (for case-sensitive abbreviations)."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if "'" in text or "’" in text:
        text = _ELISION.sub(" ", text)  # French elision: l'Iran, d'Erbil, n'a pas -> l Iran, d Erbil, n a pas
        # an English possessive is the name itself: "Hezbollah's attacks" -> "Hezbollah attacks"
        text = _POSSESSIVE.sub("", text)
    # a space before each such capital: split at the capitals (kept by the group) and joined again,
    # one scan in C where a substitution with a template would call back into Python per capital
    parts = _CAMEL.split(text)
    if len(parts) > 1:
        text = " ".join([parts[0], *map(str.__add__, parts[1::2], parts[2::2])])
    # (every character _TRANSLATED and _ACCENTED look for is past ASCII, and most text is ASCII:
    # ``isascii`` reads a flag the string carries, where a search scans it)
    if not text.isascii() and _TRANSLATED.search(text):
        text = text.translate(_TABLE)  # a dict lookup per character: only where one is needed
    else:
        text = text.replace("'", "").replace("`", "").replace("-", " ").replace("_", " ")
    if not text.isascii():
        text = _strip_latin_accents(text)
    # most text has none of what _SPACES replaces: a few substring tests in C say so
    if "  " in text or "\t" in text or "\xa0" in text or (not text.isascii() and _WIDE_SPACE.search(text)):
        text = _SPACES.sub(" ", text)
    return text.strip()


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """Comparable text with the same word boundaries (see module docstring)."""
    return normalize_cased(text).lower()


_WORD = re.compile(r"[0-9A-Za-z\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")


def tokens(text: str) -> list[str]:
    """Words of normalised text (case is kept as given)."""
    return _WORD.findall(text)


def name_tokens(name: str) -> list[str]:
    """Tokens of a name with article forms removed (al-Ashrin → ashrin, العشرين → عشرين)."""
    out = []
    for tok in tokens(normalize(name)):
        if _ARTICLE_LATIN.match(tok):
            continue
        if tok == "الله":
            pass  # the name of God keeps its article: «حزب الله» is hizb + allah
        elif tok.startswith("ال") and len(tok) > 3:
            tok = tok[2:]
        elif tok.startswith(("وال", "بال", "لل")) and len(tok) > 4:
            tok = tok[3:] if tok[1] == "ا" else tok[2:]
        out.append(tok)
    return out


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """An exact-match key for names: normalised tokens without articles, joined by spaces."""
    return " ".join(name_tokens(name))


_AR_TO_LATIN = {
    "ا": "", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
    "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "", "و": "", "ي": "", "ء": "",
    "پ": "p", "چ": "s", "ژ": "z", "گ": "g",
}
_LATIN_DIGRAPHS = [("kh", "k"), ("gh", "g"), ("th", "t"), ("dh", "d"), ("sh", "s"), ("ch", "s"), ("ph", "f"),
                   ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks")]
_LATIN_DROP = set("aeiouyhw")


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """The consonant skeleton of one normalised token, in Latin letters, doubles collapsed."""
    if token == "الله":
        return "l"
    if any("\u0600" <= ch <= "\u06ff" for ch in token):
        # a word-final ta marbuta (normalised to ه) is pronounced t in a construct name
        body = "".join(_AR_TO_LATIN.get(ch, "") for ch in token[:-1])
        last = token[-1]
        raw = body + ("t" if last == "ه" and len(token) > 2 else _AR_TO_LATIN.get(last, ""))
    else:
        raw = token
        for a, b in _LATIN_DIGRAPHS:
            raw = raw.replace(a, b)
        raw = "".join(ch for ch in raw if ch not in _LATIN_DROP)
    out: list[str] = []
    for ch in raw:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def name_skeleton(name: str) -> tuple[str, ...]:
    return tuple(s for s in (skeleton(t) for t in name_tokens(name)) if s)


def within_one_edit(a: str, b: str) -> bool:
    """Whether ``edit_distance(a, b, 1) <= 1`` (one insertion, deletion or substitution at most), in
    one pass instead of the distance's table: strings of one length differ in one place at most; of
    lengths one apart, the longer without its character at their first difference is the shorter."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    first = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))  # (b is longer by one)
    return a[first:] == b[first + 1:]


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        best = i
        for j, cb in enumerate(b, 1):
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            cur.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]
