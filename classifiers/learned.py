"""The learned layer over the stance rules.

The rules (``classifiers/classify.py``) are precise and miss most of what real streams say: wording
they never saw, reported speech, headlines. Three small linear models, trained by
``tools/build_model.py`` from independently labelled real messages and shipped as
``data/stance_model.json``, decide on the rules' output:

- **stance**: for each of claim, denial and attribution, whether the message holds one, from its
  words and word pairs (Arabic words also without their clitics), what the rules found, who the
  source is and which kinds of actor the message names;
- **speaker**: which actor named in the message (or the actor its source speaks for) makes the
  statement, ranked over every candidate by its kind, its place relative to the stance wording
  and to speech verbs ("X said", "according to X"), the headline, and the rules' own choice;
- **place**: which place the statement is about, ranked over gazetteer places and capitalised
  names after a locative preposition ("in Dovev", «في إدلب»).

Off by default (``Classifier(learned=True)`` turns it on): with today's rules the build keeps no
stance model, and cross-validated over folds 0-3 the rankers cost places, so the rules answer alone.
The layer keeps the rules' statements where both agree, and the rules' speaker and place where
they named one (the rankers fill only what they left empty; a relay is never the claimant): a
stance the rules found and the model rejects is dropped, one the model finds and the rules missed
gets a statement with the ranked speaker and place. Inference is a few dict look-ups
per word; nothing is downloaded, and without the data file the rules work alone.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from classifiers.gazetteer import Gazetteer, Mention
from classifiers.normalize import normalize, normalize_cased, tokens
from classifiers.types import STANCES, ActorRef, Classification, PlaceRef, Statement

MODEL_FILE = "stance_model.json"

# word stems that carry each stance: their distance to a candidate speaker is a feature
_CUES = {
    "claim": ("claim", "responsib", "struck", "strike", "target", "attack", "launch", "fired", "conduct",
              "carried", "killed", "destroy", "downed", "shot", "eliminat", "bomb", "hit", "raid", "ambush",
              "تبني", "تبنت", "يتبني", "اعلن", "استهدف", "استهداف", "قصف", "هاجم", "هجوم", "دمر", "قتل", "اسقط",
              "مسووليه", "revendiqu", "frappe"),
    "denial": ("deni", "deny", "reject", "dismiss", "refut", "false", "untrue", "inaccurat", "baseless", "lie",
               "rumou", "fabricat", "not", "no", "never", "نفي", "نفت", "ينفي", "تنفي", "عار", "صحه", "شايع",
               "اشاع", "كذب", "لم", "لا", "dement", "faux"),
    "attribution": ("accus", "blam", "behind", "held", "responsib", "blame", "attribut", "perpetrat", "by",
                    "اتهم", "تتهم", "يتهم", "اتهام", "حمل", "تحمل", "يحمل", "مسووليه", "وراء", "accus"),
}
_SPEECH = frozenset({
    "said", "says", "say", "saying", "told", "stated", "announced", "announces", "added", "declared", "tweeted",
    "wrote", "reported", "spokesman", "spokesperson", "spokeswoman", "statement", "confirmed", "insisted",
    "claimed", "claims", "denied", "denies", "accused", "accuses", "blamed", "blames",
    "قال", "قالت", "وقال", "وقالت", "ذكر", "ذكرت", "اعلن", "اعلنت", "واعلن", "واعلنت", "افاد", "افادت", "اكد",
    "اكدت", "واكد", "واكدت", "اضاف", "اضافت", "بيان", "المتحدث", "نفي", "نفت", "اتهم", "اتهمت",
    "گفت", "اعلام", "a", "selon",
})
_ACCORDING = frozenset({"according", "بحسب", "حسب", "وفق", "وفقا", "selon", "quoted", "citing"})
_BACKED = frozenset({"backed", "aligned", "affiliated", "linked", "supported", "sponsored", "allied", "funded",
                     "led"})
_LOCATIVE = frozenset({"in", "near", "at", "outside", "around", "from", "into", "on", "towards", "toward",
                       "في", "قرب", "بالقرب", "مدينه", "بلده", "منطقه", "ريف", "محيط", "شمال", "جنوب", "شرق",
                       "غرب", "a", "pres", "dans"})
_AR_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
_AR_SUFFIXES = ("هما", "كما", "هم", "ها", "كم", "نا", "ون", "ين", "ات", "ه")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_STOP_CAPS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We",
                        "I", "In", "On", "At", "His", "Her", "Its", "Their", "Our", "RT", "BREAKING", "Breaking",
                        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                        "January", "February", "March", "April", "May", "June", "July", "August", "September",
                        "October", "November", "December", "Read", "Full", "Article", "US", "UN"})


def _stem(tok: str) -> str:
    """An Arabic word without its common clitics and suffixes («والاستهداف» -> «استهداف»)."""
    for p in _AR_PREFIXES:
        if tok.startswith(p) and len(tok) - len(p) >= 3:
            tok = tok[len(p):]
            break
    for s in _AR_SUFFIXES:
        if tok.endswith(s) and len(tok) - len(s) >= 3:
            return tok[:-len(s)]
    return tok


_SPLIT = re.compile(r"\n+|(?<=[.!?؟])\s+|(?<=[a-z)\"'”][.!?])(?=[0-9A-Z])|(?<=[.!?])(?=[\u0600-\u06ff])|\s+[-–—]\s+(?=[A-Z])")


def segment(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences (and headline) of ``text``."""
    out, pos = [], 0
    for m in _SPLIT.finditer(text):
        if m.start() > pos and text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # character span in the message
    end: int
    toks: list[str]
    cased: list[str]
    mentions: list[Mention]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A message made ready for the models: its sentences with tokens and gazetteer mentions."""

    text: str
    sentences: list[Sentence]
    head: bool  # the first sentence is a headline (a feed item's title)
    lang: str


# a sentence's cased tokens, lower-cased tokens and gazetteer mentions when the caller has them
# already (the classifier's cache of the rules' sentences holds the same three for the same text)
Tokenised = Callable[[str], tuple[list[str], list[str], list[Mention]] | None]


def prepare(text: str, gz: Gazetteer, lang: str, titled: bool | None = None,
            known: Tokenised | None = None) -> Prepared:
    sents = []
    for a, b in segment(text):
        found = known(text[a:b]) if known is not None else None
        if found is not None:
            cased, toks, mentions = found
        else:
            cased = tokens(normalize_cased(text[a:b]))
            toks = [t.lower() for t in cased]
            mentions = gz.scan(toks, cased)
        sents.append(Sentence(a, b, toks, cased, mentions))
    head = titled if titled is not None else ("\n" in text.strip())
    return Prepared(text, sents, head, lang)


def source_kind(source: str | None) -> str:
    if not source:
        return "none"
    if source.startswith("t.me/"):
        return "telegram"
    if source.startswith(("x.com/", "twitter.com/")):
        return "x"
    if source.startswith(("http://", "https://")):
        return "feed"
    return "other"


_ARMED_KINDS = frozenset({"core", "facade", "umbrella", "jihadist", "axis"})
_STATE_KINDS = frozenset({"state", "official"})


def _placeholder(m: Mention, gz: Gazetteer) -> str:
    if m.kind == "actor":
        kind = gz.actors[m.id].kind if m.id in gz.actors else "unknown"
        return "<armed>" if kind in _ARMED_KINDS else "<state>" if kind in _STATE_KINDS else f"<{kind}>"
    return f"<{m.kind}>"


def delexicalised(s: Sentence, gz: Gazetteer) -> list[str]:
    """The tokens with every gazetteer mention replaced by its kind ("<armed> claimed the attack
    on <place>") and numbers by ``<num>``: word pairs that hold for every group and place."""
    # a number: str.isdecimal is ^\d+$ (Unicode decimal digits) on a token, which holds no newline
    if not s.mentions:
        return ["<num>" if tok.isdecimal() else tok for tok in s.toks]
    out: list[str] = []
    starts = {m.start: m for m in s.mentions}
    i = 0
    while i < len(s.toks):
        m = starts.get(i)
        if m is not None and m.end > i:
            out.append(_placeholder(m, gz))
            i = m.end
            continue
        tok = s.toks[i]
        out.append("<num>" if tok.isdecimal() else tok)
        i += 1
    return out


def rule_sentences(p: Prepared, rules: Classification) -> list[set[str]]:
    """For each sentence, the stances the rules found in it (matched by the statement's evidence)."""
    out: list[set[str]] = [set() for _ in p.sentences]
    for st in rules.statements:
        ev = st.evidence[:60].strip()
        for i, s in enumerate(p.sentences):
            chunk = p.text[s.start:s.end]
            if ev and (ev in chunk or chunk.strip()[:60] in st.evidence):
                out[i].add(st.stance)
                break
    return out


def sentence_features(p: Prepared, i: int, gz: Gazetteer, ruled: list[set[str]], context: Sequence[str]) -> list[str]:
    """The features of the stance models for sentence ``i`` of a message."""
    s = p.sentences[i]
    feats = {f"w:{t}" for t in s.toks}
    d = delexicalised(s, gz)
    feats.update([f"b:{a}_{b}" for a, b in pairwise(d)])
    marked = [k for k, t in enumerate(d) if t[0] == "<"]  # placeholders: few per sentence
    if marked:
        feats.update([f"t:{a}_{b}_{c}" for a, b, c in zip(d, d[1:], d[2:], strict=False)
                      if a[0] == "<" or b[0] == "<" or c[0] == "<"])
    if not "".join(s.toks).isascii():
        feats.update([f"s:{_stem(t)}" for t in s.toks if _ARABIC.match(t)])
    if d:
        feats.add(f"first:{d[0]}")
    feats.update(f"r:{st}" for st in ruled[i])
    if i > 0:
        feats.update(f"rp:{st}" for st in ruled[i - 1])
    feats.update(f"m:{m.kind}" for m in s.mentions)
    if i == 0:
        feats.add("pos:head" if p.head else "pos:first")
    elif i == len(p.sentences) - 1:
        feats.add("pos:last")
    if len(s.toks) < 5:
        feats.add("short")
    feats.update(context)
    return sorted(feats)


def message_context(p: Prepared, rules: Classification, source: str | None, own: ActorRef | None) -> list[str]:
    ctx = [f"src:{source_kind(source)}", f"lang:{p.lang}"]
    if own is not None:
        ctx.append(f"own:{own.kind}")
    if rules.event_report:
        ctx.append("r:report")
    ctx.extend(f"rm:{st}" for st in rules.stances)
    return ctx


def all_sentence_features(p: Prepared, rules: Classification, source: str | None, own: ActorRef | None,
                          gz: Gazetteer) -> list[list[str]]:
    ruled = rule_sentences(p, rules)
    ctx = message_context(p, rules, source, own)
    return [sentence_features(p, i, gz, ruled, ctx) for i in range(len(p.sentences))]


def _bucket(d: int | None) -> str:
    if d is None:
        return "none"
    for limit, name in ((0, "0"), (2, "1-2"), (5, "3-5"), (10, "6-10"), (20, "11-20")):
        if d <= limit:
            return name
    return "far"


def _cue_positions(toks: Sequence[str], stance: str) -> list[int]:
    stems = _CUES[stance]
    return [i for i, t in enumerate(toks) if t.startswith(stems)]


@dataclass(frozen=True, slots=True)
class Candidate:
    """An actor or place the ranker may choose, with its features."""

    ref: Any  # ActorRef | PlaceRef
    feats: tuple[str, ...]


def _speaking_ref(gz: Gazetteer, m: Mention, when: date | None, in_claim: bool, written: str) -> ActorRef:
    ref = gz.actor_ref(m.id, m.alias, when, in_claim)
    entry = gz.actors.get(ref.id)
    if entry is not None and entry.speaks_for and entry.speaks_for in gz.actors:
        return gz.actors[entry.speaks_for].ref(written)
    return replace(ref, as_written=written)


def _where(si: int, focus: int, head: bool) -> str:
    if si == focus:
        return "same"
    if head and si == 0:
        return "head"
    if si == focus - 1:
        return "prev"
    if si < focus:
        return "before"
    return "after"


def actor_candidates(p: Prepared, gz: Gazetteer, rules: Classification, stance: str, focus: int,
                     own: ActorRef | None, when: date | None, role: str = "speaker") -> list[Candidate]:
    """Every actor the message names (and the source's own actor), with the features of the
    speaker (or, with ``role="subject"``, the blamed party) ranker for a ``stance`` statement in
    sentence ``focus``."""
    picked = {getattr(st, role).id for st in rules.statements if st.stance == stance and getattr(st, role)}
    picked_any = {st.speaker.id for st in rules.statements if st.speaker}
    by_id: dict[str, tuple[ActorRef, list[tuple[int, Mention]]]] = {}
    for si, s in enumerate(p.sentences):
        for m in s.mentions:
            if m.kind == "actor":
                ref = _speaking_ref(gz, m, when, stance == "claim", " ".join(s.cased[m.start:m.end]))
                by_id.setdefault(ref.id, (ref, []))[1].append((si, m))
    out: list[Candidate] = []
    n_actors = len(by_id)
    for rank, (aid, (ref, mentions)) in enumerate(by_id.items()):
        f = {f"kind:{ref.kind}", f"count:{min(len(mentions), 3)}", f"n:{min(n_actors, 4)}"}
        if rank == 0:
            f.add("first")
        if rank == n_actors - 1:
            f.add("last")
        if own is not None and own.id == aid:
            f.add("own")
        if aid in picked:
            f.add("rule")
        elif aid in picked_any:
            f.add("rule_other")
        wheres = {_where(si, focus, p.head) for si, _ in mentions}
        f.update(f"at:{w}" for w in wheres)
        best: int | None = None
        side = "none"
        for si, m in mentions:
            if si != focus:
                continue
            toks = p.sentences[si].toks
            before = toks[m.start - 1] if m.start > 0 else ""
            after = toks[m.end] if m.end < len(toks) else ""
            if after in _BACKED:
                f.add("backed")
            if before in ("by", "par", "من"):
                f.add("by")
            if before in _ACCORDING or (m.start > 1 and toks[m.start - 2] in _ACCORDING):
                f.add("according")
            if any(t in _SPEECH for t in toks[m.end:m.end + 3]):
                f.add("speech_after")
            if any(t in _SPEECH for t in toks[max(0, m.start - 3):m.start]):
                f.add("speech_before")
            if m.start == 0:
                f.add("starts")
            for c in _cue_positions(toks, stance):
                d = c - m.end if c >= m.end else m.start - c - 1
                d = max(d, 0)
                if best is None or d < best:
                    best, side = d, ("before" if c >= m.end else "after")
        f.add(f"dist:{_bucket(best)}")
        f.add(f"side:{side}")
        f.add(f"dist:{_bucket(best)}:{ref.kind}")
        f.add(f"kind:{ref.kind}:{'same' if 'same' in wheres else 'other'}")
        out.append(Candidate(ref, tuple(sorted(f))))
    if own is not None and own.id not in by_id:
        f = {"own", "unnamed", f"kind:{own.kind}", f"n:{min(n_actors, 4)}"}
        if own.id in picked:
            f.add("rule")
        out.append(Candidate(own, tuple(sorted(f))))
    return out


_NOT_PLACES = frozenset({"ظل", "ذلك", "هذا", "هذه", "اطار", "حين", "وقت", "الوقت", "حال", "سياق", "ما", "مقابل"})


def _caps_spans(s: Sentence, taken: set[int]) -> list[tuple[int, int]]:
    """Capitalised names right after a locative word ("in Dovev", "near Kibbutz Hanita"), and
    Arabic words after «في» / «قرب», that the gazetteer does not know."""
    out = []
    toks, cased = s.toks, s.cased
    i = 0
    while i < len(toks) - 1:
        if toks[i] in _LOCATIVE and i + 1 not in taken:
            j = i + 1
            if toks[j] in ("the", "al", "el") and j + 1 < len(toks):
                j += 1
            if cased[j][:1].isupper() and cased[j] not in _STOP_CAPS:
                k = j
                while k < len(toks) and k - j < 3 and (cased[k][:1].isupper() or toks[k] in ("al", "el", "ad", "as")) \
                        and k not in taken:
                    k += 1
                if k > j:
                    out.append((j, k))
                    i = k
                    continue
            elif _ARABIC.match(toks[j]) and toks[i] in ("في", "قرب", "بالقرب", "مدينه", "بلده", "منطقه", "ريف") \
                    and len(toks[j]) > 2 and toks[j] not in _NOT_PLACES:
                out.append((j, j + 1))
        i += 1
    return out


def place_candidates(p: Prepared, gz: Gazetteer, rules: Classification, stance: str, focus: int) -> list[Candidate]:
    picked = {st.place.id for st in rules.statements if st.stance == stance and st.place}
    spans: list[tuple[int, int, int, PlaceRef]] = []
    for si, s in enumerate(p.sentences):
        taken: set[int] = set()
        for m in s.mentions:
            if m.kind == "place":
                spans.append((si, m.start, m.end, gz.places[m.id].ref(" ".join(s.cased[m.start:m.end]))))
                taken.update(range(m.start, m.end))
            elif m.kind == "actor":
                taken.update(range(m.start, m.end))
        for a, b in _caps_spans(s, taken):
            name = " ".join(s.cased[a:b])
            spans.append((si, a, b, PlaceRef("~" + name.lower(), name, None, None, "unknown", name)))
    by_id: dict[str, tuple[PlaceRef, list[tuple[int, int, int]]]] = {}
    for si, a, b, ref in spans:
        by_id.setdefault(ref.id, (ref, []))[1].append((si, a, b))
    out = []
    n = len(by_id)
    for rank, (pid, (ref, where)) in enumerate(by_id.items()):
        f = {f"kind:{ref.kind}", f"count:{min(len(where), 3)}", f"n:{min(n, 4)}"}
        if rank == 0:
            f.add("first")
        if rank == n - 1:
            f.add("last")
        if pid in picked:
            f.add("rule")
        wheres = {_where(si, focus, p.head) for si, _, _ in where}
        f.update(f"at:{w}" for w in wheres)
        f.add(f"kind:{ref.kind}:{'same' if 'same' in wheres else 'other'}")
        best: int | None = None
        for si, a, b in where:
            toks = p.sentences[si].toks
            prev = toks[a - 1] if a > 0 else ""
            if prev in _LOCATIVE:
                f.add(f"prep:{prev}" if prev in ("in", "near", "at", "on", "from", "في", "قرب") else "prep")
            if a == 0:
                f.add("starts")
            if a <= 2 and b < len(toks) and toks[b] in ("reuters", "afp", "ap", "agencies"):
                f.add("dateline")
            if si == focus:
                for c in _cue_positions(toks, stance):
                    d = abs(c - a)
                    if best is None or d < best:
                        best = d
        f.add(f"dist:{_bucket(best)}")
        out.append(Candidate(ref, tuple(sorted(f))))
    return out


@dataclass(frozen=True, slots=True)
class LinearModel:
    """A logistic model over sparse binary features."""

    weights: Mapping[str, float]
    bias: float = 0.0

    def logit(self, feats: Iterable[str]) -> float:
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in feats)

    def prob(self, feats: Iterable[str]) -> float:
        z = self.logit(feats)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> LinearModel:
        return cls({str(k): float(v) for k, v in raw["weights"].items()}, float(raw.get("bias", 0.0)))

    def to_json(self) -> dict[str, Any]:
        # weights this small change no decision by more than a rounding error: leaving them out
        # keeps the file small
        return {"bias": round(self.bias, 4),
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 0.01}}


@dataclass(frozen=True, slots=True)
class StanceModel:
    """The models and thresholds of the layer (the contents of ``data/stance_model.json``)."""

    stance: Mapping[str, LinearModel]  # per sentence
    message: Mapping[str, LinearModel]  # per message (every sentence's features together)
    # per stance: the probability that keeps it alone, and the one that keeps it where the rules found it
    thresholds: Mapping[str, tuple[float, float]]
    speaker: LinearModel
    subject: LinearModel
    place: LinearModel
    place_min: float = -1.0  # a ranked place below this logit is left out
    # every stance weight of a feature in one tuple (sentence models, then message models): one
    # look-up per feature instead of six
    table: Mapping[str, tuple[float, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.table:
            models = [self.stance[s] for s in STANCES] + [self.message[s] for s in STANCES]
            keys = {k for m in models for k in m.weights}
            object.__setattr__(self, "table", {k: tuple(m.weights.get(k, 0.0) for m in models) for k in keys})

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> StanceModel:
        return cls(
            stance={s: LinearModel.from_json(raw["stance"][s]) for s in STANCES},
            message={s: LinearModel.from_json(raw["message"][s]) for s in STANCES},
            thresholds={s: (float(raw["thresholds"][s][0]), float(raw["thresholds"][s][1])) for s in STANCES},
            speaker=LinearModel.from_json(raw["speaker"]),
            subject=LinearModel.from_json(raw["subject"]),
            place=LinearModel.from_json(raw["place"]),
            place_min=float(raw.get("place_min", -1.0)),

        )

    def to_json(self) -> dict[str, Any]:
        return {
            "format": 1,
            "stance": {s: self.stance[s].to_json() for s in STANCES},
            "message": {s: self.message[s].to_json() for s in STANCES},
            "thresholds": {s: [round(t, 4) for t in self.thresholds[s]] for s in STANCES},
            "speaker": self.speaker.to_json(),
            "subject": self.subject.to_json(),
            "place": self.place.to_json(),
            "place_min": self.place_min,

        }


@lru_cache(maxsize=1)
def load_model() -> StanceModel | None:
    """The shipped model, or None when the package has no model file (the rules then work alone)."""
    path = resources.files("classifiers").joinpath("data").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    return StanceModel.from_json(json.loads(path.read_text("utf-8")))


def _best(model: LinearModel, cands: Sequence[Candidate], stance: str,
          exclude: set[str] | None = None) -> tuple[Any, float] | None:
    scored = [(model.logit(ranker_features(c, stance)), i, c.ref) for i, c in enumerate(cands)
              if not exclude or c.ref.id not in exclude]
    if not scored:
        return None
    z, _, ref = max(scored, key=lambda x: (x[0], -x[1]))
    return ref, z


def ranker_features(c: Candidate, stance: str) -> list[str]:
    """A candidate's features, plain and crossed with the stance of the statement."""
    return [f"{stance}:{f}" for f in c.feats] + list(c.feats)


def message_features(feats: Sequence[Sequence[str]]) -> list[str]:
    return sorted({f for sentence in feats for f in sentence})


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


def stance_scores(model: StanceModel, feats: Sequence[Sequence[str]]) -> dict[str, tuple[float, int]]:
    """For each stance, the mean of the message model's probability and of the best sentence's,
    and the index of that sentence (where the statement's speaker and place are looked for)."""
    table = model.table
    get = table.get
    n = len(STANCES)
    per_sentence: list[list[float]] = []
    whole: set[str] = set()
    for sentence in feats:
        found = [w for w in map(get, sentence) if w is not None]
        if n == 3:
            # the same additions in the same order as the loop below, without its index arithmetic
            a0 = a1 = a2 = 0.0
            for w in found:
                a0 += w[0]
                a1 += w[1]
                a2 += w[2]
            acc = [a0, a1, a2]
        else:
            acc = [0.0] * n
            for w in found:
                for k in range(n):
                    acc[k] += w[k]
        per_sentence.append(acc)
        whole.update(sentence)
    msg = [0.0] * n
    for weights in map(get, whole):
        if weights is not None:
            for k in range(n):
                msg[k] += weights[n + k]
    out = {}
    for k, stance in enumerate(STANCES):
        logits = [acc[k] + model.stance[stance].bias for acc in per_sentence]
        best = max(range(len(logits)), key=lambda i: (logits[i], -i)) if logits else -1
        p_sentence = _sigmoid(logits[best]) if logits else 0.0
        out[stance] = ((p_sentence + _sigmoid(msg[k] + model.message[stance].bias)) / 2, best)
    return out


# words of violence and of statements about it (prefixes, normalised): a message with none of them,
# or naming no actor, holds no claim, denial or attribution the models could find
_VIOLENCE = re.compile(
    r"(?<!\w)(?:kill|attack|strik|struck|bomb|shell|raid|ambush|target|eliminat|destroy|launch|fire|shot|explo|"
    r"blast|assassinat|downed|clash|fight|battle|operation|hit|claim|responsib|deni|deny|accus|blam|"
    r"قتل|مقتل|هجوم|هاجم|استهدف|استهداف|قصف|غار|انفجار|تفجير|اغتيال|اشتباك|معارك|عمليه|تبن|نفي|نفت|اتهم|مسووليه|"
    r"ضرب|اسقاط|كشته|حمله|attaqu|frapp|tue|revendiqu|dement|accus)")


def passes_gate(norm: str, rules: Classification, own: ActorRef | None) -> bool:
    """Whether the message may hold a stance: the rules found one, or it speaks of violence and
    names an actor (or comes from a source that speaks for one). Three messages in four of a real
    stream stop here, at the cost of one regular expression."""
    if rules.statements:
        return True
    return (bool(rules.actors) or own is not None) and _VIOLENCE.search(norm) is not None


def refine(model: StanceModel, gz: Gazetteer, text: str, rules: Classification, source: str | None,
           own: ActorRef | None, when: date | None, denial_kind: Any = None,
           prepared: Prepared | None = None, norm: str | None = None,
           known: Tokenised | None = None) -> Classification:
    """The rules' classification, corrected by the models (see the module docstring). ``norm``,
    the normalised message when the caller has it, saves the gate a normalisation; ``known``
    gives the sentences the caller has tokenised already (a one-sentence message, most often)."""
    if not text.strip():
        return rules
    if not passes_gate(norm if norm is not None else normalize(text), rules, own):
        return rules
    p = prepared or prepare(text, gz, rules.lang, known=known)
    if not p.sentences:
        return rules
    scores = stance_scores(model, all_sentence_features(p, rules, source, own, gz))
    statements: list[Statement] = []
    for stance in STANCES:
        prob, focus = scores[stance]
        found = [st for st in rules.statements if st.stance == stance]
        alone, with_rules = model.thresholds[stance]
        if prob < alone and not (found and prob >= with_rules):
            continue
        speakers = actor_candidates(p, gz, rules, stance, focus, own, when)
        # a relay (a news agency of a network) is not who claims: the rules find the group behind it
        relays = {c.ref.id for c in speakers if c.ref.kind == "relay"} if stance == "claim" else None
        best = _best(model.speaker, speakers, stance, relays)
        pick = _best(model.place, place_candidates(p, gz, rules, stance, focus), stance)
        place = pick[0] if pick is not None and pick[1] > model.place_min else None
        speaker = best[0] if best is not None else None
        if found:
            first = found[0]
            if first.speaker is None and speaker is not None:
                # the rules' own speaker stands: the ranker only names one they could not find
                first = replace(first, speaker=speaker, subject=first.subject or (speaker if stance == "claim" else None))
            if place is not None and first.place is None and first.place_written is None:
                first = replace(first, place=place)
            statements.append(first)
            statements.extend(st for st in found[1:] if st.speaker and st.speaker != first.speaker)
            continue
        subject: ActorRef | None = speaker if stance == "claim" else None
        if stance == "attribution":
            subj = _best(model.subject, actor_candidates(p, gz, rules, stance, focus, None, when, "subject"), stance,
                         {speaker.id} if speaker else None)
            subject = subj[0] if subj else None
        kind = None
        if stance == "denial":
            sent = p.sentences[focus]
            kind = denial_kind(sent.toks) if denial_kind else "responsibility"
            if kind == "responsibility":
                subject = speaker
        sent = p.sentences[focus]
        statements.append(Statement(stance=stance, speaker=speaker, subject=subject, denial_of=kind, place=place,
                                    evidence=text[sent.start:sent.end][:200]))
    return replace(rules, statements=tuple(statements))
