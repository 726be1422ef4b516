"""Development view of the labelled real messages: folds 0-3 only, gold next to predicted.

    .venv/bin/python bench/dev_errors.py [--pool P] [--only fn|fp|speaker|place|denial|all]
                                         [--stance S] [--limit N] [--grep WORD] [--quiet]
                                         [--folds 0,1,2] [--rules]

``--folds 0,1,2`` reads the errors of three folds only, so that fold 3 (scored with ``--folds 3
--quiet``) stays an inner check of rules written from the others; ``--rules`` leaves the learned
layer out (it was trained on folds 0-3, so its figures on them are in-sample).

Classifies folds 0-3 of ../shared/labelled in-process (the source registry gives the actor of a
known source, as `claimwatch classify` does), prints the score.py figures for them and then, per
message that is wrong in the chosen way, the text, the gold statements and the predicted ones.
Fold 4 is the scoring fold: this script refuses to read it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.real_corpora import _shared

LABELLED = _shared() / "labelled"
DEV_FOLDS = (0, 1, 2, 3)


def _score_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("labelled_score", LABELLED / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load(folds: tuple[int, ...] = DEV_FOLDS) -> list[tuple[dict, dict]]:  # type: ignore[type-arg]
    assert 4 not in folds, "fold 4 is for scoring only"
    gold = [json.loads(line) for line in (LABELLED / "gold.jsonl").open(encoding="utf-8") if line.strip()]
    keep = {g["id"] for g in gold if g.get("fold") in folds}
    msgs = [json.loads(line) for line in (LABELLED / "messages.jsonl").open(encoding="utf-8") if line.strip()]
    by_id = {m["id"]: m for m in msgs if m["id"] in keep}
    return [(by_id[g["id"]], g) for g in gold if g["id"] in keep]


def predict(pairs: list[tuple[dict, dict]], learned: bool = True) -> list[dict]:  # type: ignore[type-arg]
    from bot.registry import Registry
    from classifiers.classify import Classifier

    classifier = Classifier(learned=learned)
    registry = Registry.builtin()
    out = []
    for m, _ in pairs:
        text = f"{m['title']}\n{m['text']}" if m.get("title") and m.get("text") else (m.get("title") or m.get("text") or "")
        date = datetime.fromisoformat(m["date"].replace("Z", "+00:00")) if m.get("date") else None
        actor = registry.lookup(m["source"]).actor if m.get("source") else None
        out.append(classifier.classify(text, date, m.get("source"), actor).contract_dict(m["id"]))
    return out


def _fmt(st: dict) -> str:  # type: ignore[type-arg]
    def first(v: object) -> object:
        return v[0] if isinstance(v, list) and v else v
    return (f"{st['stance']:<11} spk={first(st.get('speaker'))!s:<22.22} subj={first(st.get('subject'))!s:<18.18} "
            f"den={st.get('denial_of') or '-':<14} place={first(st.get('place'))}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pool")
    ap.add_argument("--only", default="all", choices=["all", "fn", "fp", "speaker", "place", "denial", "stance"])
    ap.add_argument("--stance")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--grep")
    ap.add_argument("--quiet", action="store_true", help="figures only")
    ap.add_argument("--folds", default="0,1,2,3", help="comma-separated development folds (never 4)")
    ap.add_argument("--rules", action="store_true", help="rules alone, without the learned layer")
    a = ap.parse_args()
    folds = tuple(int(f) for f in a.folds.split(","))
    if 4 in folds:
        sys.exit("dev_errors: fold 4 is for scoring only")
    score = _score_module()
    pairs = load(folds)
    preds = predict(pairs, learned=not a.rules)
    gp = [(g, p) for (_, g), p in zip(pairs, preds, strict=True)]
    name = "folds " + ",".join(map(str, folds))
    score.table(f"{name} all", score.metrics(gp))
    score.table(f"{name} firm", score.metrics([(g, p) for g, p in gp if not g.get("doubtful")]))
    if a.quiet:
        return
    shown = 0
    for (m, g), p in zip(pairs, preds, strict=True):
        if a.pool and g["pool"] != a.pool:
            continue
        gs, ps = set(g["stances"]), set(p["stances"])
        if a.stance and a.stance not in gs | ps:
            continue
        wrong = {
            "all": gs != ps, "stance": gs != ps,
            "fn": bool(gs - ps) and (not a.stance or a.stance in gs - ps),
            "fp": bool(ps - gs) and (not a.stance or a.stance in ps - gs),
            "speaker": any(s["speaker"] and not any(score.name_match(x.get("speaker"), s["speaker"])
                                                     for x in p["statements"] if x["stance"] == s["stance"])
                           for s in g["statements"]) and gs & ps,
            "place": any(s.get("place") and not any(score.place_match(x.get("place"), s["place"])
                                                    for x in p["statements"] if x["stance"] == s["stance"])
                         for s in g["statements"]) and gs & ps,
            "denial": any(s["stance"] == "denial" for s in g["statements"] + p["statements"]),
        }[a.only]
        text = f"{m.get('title') or ''} || {m.get('text') or ''}" if m.get("title") else m.get("text", "")
        if not wrong or (a.grep and a.grep.lower() not in text.lower()):
            continue
        shown += 1
        if shown > a.limit:
            break
        print(f"\n## {g['id']} pool={g['pool']} src={m.get('source')} doubtful={g.get('doubtful')} {g.get('note') or ''}")
        print("   " + text[:900].replace("\n", " / "))
        for s in g["statements"]:
            print("   GOLD " + _fmt(s) + f"   ev={s.get('evidence', '')[:90]!r}")
        for s in p["statements"]:
            print("   PRED " + _fmt(s))



def by_pool() -> None:
    """Macro-F1 per pool of folds 0-3 (``python bench/dev_errors.py --pools``)."""
    score = _score_module()
    pairs = load()
    preds = predict(pairs)
    pools = sorted({g["pool"] for _, g in pairs})
    for pool in pools:
        gp = [(g, p) for (_, g), p in zip(pairs, preds, strict=True) if g["pool"] == pool]
        r = score.metrics(gp)
        cls = " ".join(f"{c[:5]} P{r[c][0]:.2f} R{r[c][1]:.2f} n{r[c][3]}" for c in score.CLASSES)
        print(f"{pool:7} n={r['n']:4} macro {r['macro']:.2f}  {cls}  spk {r['speaker'][0]}/{r['speaker'][1]}")


if __name__ == "__main__":
    if "--pools" in sys.argv:
        by_pool()
    else:
        main()
