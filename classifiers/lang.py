"""Language detection: the script decides where it can; py3langid next; langdetect last.

Measured on this project's machines: py3langid limited to a language set ~21 µs a message,
langdetect ~1.9 ms (bench/classify_speed.py), so langdetect is only the fallback for Latin-script
text py3langid is unsure of. langdetect is seeded so every process gives the same answer.
Results are cached by text.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

_PERSIAN = set("پچژگیک")
_KURDISH = set("ێۆڕڵە")
_LANGS = ["en", "fr", "de", "es", "it", "pt", "nl", "tr", "id", "ar", "fa", "ru", "uk", "he", "ku", "ur", "sv", "pl", "ro"]
_lock = threading.Lock()
_py3: Any = None
_langdetect_ready = False


def _identifier() -> Any:
    global _py3
    if _py3 is None:
        with _lock:
            if _py3 is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                # the model file ships inside the wheel: nothing is downloaded
                ident = LanguageIdentifier.from_modelpath(_model_path(MODEL_FILE), norm_probs=True)
                ident.set_languages(_LANGS)
                _py3 = ident
    return _py3


def _model_path(name: str) -> str:
    from pathlib import Path

    import py3langid

    return str(Path(py3langid.__file__).parent / name)


def _langdetect(text: str) -> str:
    global _langdetect_ready
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    if not _langdetect_ready:
        DetectorFactory.seed = 0
        _langdetect_ready = True
    try:
        code: str = detect(text)
    except LangDetectException:
        return "und"
    return code.split("-")[0]


def script_counts(text: str) -> dict[str, int]:
    counts = {"arabic": 0, "persian": 0, "kurdish": 0, "latin": 0, "cyrillic": 0, "hebrew": 0, "greek": 0, "ukr": 0}
    for ch in text:
        o = ord(ch)
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
            if ch.isalpha():
                counts["arabic"] += 1
                if ch in _PERSIAN:
                    counts["persian"] += 1
                elif ch in _KURDISH:
                    counts["kurdish"] += 1
        elif ch.isascii():
            if ch.isalpha():
                counts["latin"] += 1
        elif 0x0400 <= o <= 0x04FF:
            counts["cyrillic"] += 1
            if ch in "іїєґІЇЄҐ":
                counts["ukr"] += 1
        elif 0x0590 <= o <= 0x05FF:
            counts["hebrew"] += 1
        elif 0x0370 <= o <= 0x03FF:
            counts["greek"] += 1
        elif ch.isalpha():
            counts["latin"] += 1  # accented Latin letters
    return counts


@lru_cache(maxsize=32768)
def detect_language(text: str) -> str:
    """ISO 639-1 code, or ``und`` when the text is too short or unclear."""
    counts = script_counts(text)
    letters = sum(counts[k] for k in ("arabic", "latin", "cyrillic", "hebrew", "greek"))
    if letters < 3:
        return "und"
    top = max(("arabic", "latin", "cyrillic", "hebrew", "greek"), key=lambda k: counts[k])
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
    if counts["latin"] < 12:
        # too short for statistics to mean much; py3langid still beats a guess when sure
        code, prob = _identifier().classify(text)
        return str(code) if prob >= 0.9 else "und"
    code, prob = _identifier().classify(text)
    if prob >= 0.6:
        return str(code)
    return _langdetect(text)
