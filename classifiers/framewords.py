"""The word lists of ``data/frames.toml`` compiled per language: regexes for the sentence work,
token sets for the whole-message gate. Pure: no I/O after loading."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from classifiers.normalize import normalize
from classifiers.prefilter import by_frequency
from classifiers.tables import tables

_ARABIC = re.compile(r"[\u0600-\u06ff]")


@dataclass(frozen=True, slots=True)
class FrameWords:
    """One language's structural words, compiled."""

    lang: str
    speech: re.Pattern[str]
    according: re.Pattern[str]
    attack_verb: re.Pattern[str]
    attack_noun: re.Pattern[str]
    own_forces: re.Pattern[str]
    negation: re.Pattern[str]
    modality: re.Pattern[str]
    threat: re.Pattern[str]  # a threat or a condition: no deed told after it
    communique: re.Pattern[str]
    relay_heads: re.Pattern[str]
    event: re.Pattern[str]
    claim_verb: re.Pattern[str]
    claim_not: re.Pattern[str]
    demonyms: dict[str, str]
    gate: re.Pattern[str]  # anything a frame is anchored on
    bodies: re.Pattern[str]  # a state's bodies named without their state: "the ministry said"
    others: frozenset[str]  # nouns that speak for no party named before them: "experts say"
    agents: tuple[tuple[str, ...], ...] = (("by",),)  # the passive's agent, as token tuples
    titles: frozenset[str] = frozenset()  # a state's offices after (en) or before (ar) its adjective
    armed_agents: tuple[tuple[str, ...], ...] = ()  # an agent only before an armed group: "launched from"
    backers: tuple[tuple[str, ...], ...] = ()  # "backed (by)", «المدعومه (من)», «مورد حمایت»: a backer follows
    target_nouns: frozenset[str] = frozenset()  # «مواقع ل...»: a party after these is the target
    passive_alike: frozenset[str] = frozenset()  # «قتلوا»: the active and the passive spelled alike
    doer_nouns: frozenset[str] = frozenset()  # «الطائرات» in «قصفت الطائرات الروسية»: a state's adjective after these did it
    own_after: frozenset[str] = frozenset()  # «أغار سلاح الجو»: own forces that follow their verb (one or two words)
    manner: frozenset[str] = frozenset()  # «جوية» in «غارة جوية روسية»: an attack noun's own adjectives, before its doer
    # a speaker the gazetteer has no name for, described ("an official", «الأجهزة الأمنية»): the head
    # nouns, the English words before them, the Arabic heads that govern a noun («وزارة الداخلية»)
    speaker_heads: frozenset[str] = frozenset()
    speaker_modifiers: frozenset[str] = frozenset()
    speaker_construct: frozenset[str] = frozenset()
    legislators: frozenset[str] = frozenset()  # "US senator": speaks for himself, not for his state
    unnamed_accused: frozenset[str] = frozenset()  # "militants", «مسلحين»: an accused no gazetteer names
    # the same lists as token sets, for the whole-message gate (a set lookup per word is far
    # cheaper than a regex over the text; a multi-word entry counts by its first word)
    words: dict[str, TokenSet] = field(default_factory=dict)
    # the first words of the demonyms of two words or more ("saudi led"): only after these is a
    # pair of words looked up
    demonym_heads: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class TokenSet:
    """A word list as one-word entries, "*" stems and multi-word phrases (by first word)."""

    exact: frozenset[str]
    stems: tuple[str, ...]
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    arabic: bool
    stem_rx: re.Pattern[str] | None = None
    # the phrases as one pattern over the tokens joined by spaces (not for Arabic: a phrase's first
    # word may carry a proclitic there)
    phrase_rx: re.Pattern[str] | None = None

    @classmethod
    def of(cls, words: list[str], arabic: bool) -> TokenSet:
        exact: set[str] = set()
        stems: list[str] = []
        phrases: dict[str, list[tuple[str, ...]]] = {}
        for word in words:
            toks = tuple(normalize(word.rstrip("*")).split())
            if not toks:
                continue
            if len(toks) > 1:
                phrases.setdefault(toks[0], []).append(toks)
            elif word.endswith("*"):
                stems.append(toks[0])
            else:
                exact.add(toks[0])
        stem_rx = re.compile(_stems(stems, arabic)) if stems else None
        phrase_rx = re.compile("(?<![^ ])(?:" + "|".join(re.escape(" ".join(p)) for v in phrases.values() for p in v)
                               + ")(?![^ ])") if phrases and not arabic else None
        return cls(frozenset(exact), tuple(stems), {k: tuple(v) for k, v in phrases.items()}, arabic, stem_rx,
                   phrase_rx)

    def _at(self, toks: list[str], i: int, tok: str) -> bool:
        if tok in self.exact or (self.stems and tok.startswith(self.stems)):
            return True
        for phrase in self.phrases.get(tok, ()):
            if tuple(toks[i + 1:i + len(phrase)]) == phrase[1:]:
                return True
        return False

    def any_in(self, toks: list[str], words: frozenset[str] | None = None, norm: str | None = None) -> bool:
        """Whether any entry occurs in ``toks`` (``words``: the same as a set; ``norm``: joined)."""
        words = frozenset(toks) if words is None else words
        if self.arabic:
            words = _declitic_bag(words)
        if not self.exact.isdisjoint(words):
            return True
        if self.stem_rx is not None and self.stem_rx.search(norm if norm is not None else " ".join(toks)):
            return True
        if self.phrases and not words.isdisjoint(self.phrases):
            if self.phrase_rx is not None and norm is not None:
                return self.phrase_rx.search(norm) is not None
            for i, tok in enumerate(toks):
                if self.arabic and len(tok) > 3 and tok[0] in "وفبل" and tok not in self.phrases:
                    tok = tok[1:]
                for phrase in self.phrases.get(tok, ()):
                    if tuple(toks[i + 1:i + len(phrase)]) == phrase[1:]:
                        return True
        return False


def _alternation(words: list[str], arabic: bool) -> str:
    """One pattern for a word list: the words ("*": a stem), whole words only, an Arabic word with
    an optional proclitic. The words are a trie of their characters: at a position the regex engine
    follows one branch per character instead of trying every word, and the pattern opens on the set
    of first letters (the check that no letter precedes comes after the first one), so the engine
    skips to the positions where a word can start. Where several words match at one position they
    lie on one path of the trie, and the longer is tried first, as in an alternation of the words
    longest first (the proclitic first, as its optional group tries it first): the matches are the same."""
    root: dict[str, Any] = {}
    for w in set(words):
        body = normalize(w.rstrip("*"))
        if not body:
            continue
        node = root
        for ch in body:
            node = node.setdefault(ch, {})
        node["\\w*" if w.endswith("*") else ""] = {}
    return _opening(root, arabic, r"(?!\w)") if root else "(?!)"


def _stems(stems: list[str], arabic: bool) -> str:
    """A pattern for words that start with one of ``stems`` (an Arabic one after an optional
    proclitic), as a trie opening on the first letters like ``_alternation``."""
    root: dict[str, Any] = {}
    for stem in stems:
        node = root
        for ch in stem:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _opening(root, arabic, "")


_PROCLITICS = "وفبل"


def _emit(node: dict[str, Any]) -> str:
    # a longer word first, then a stem's rest of the word, then a word that ends here
    branches = [_escaped(ch) + _emit(child) for ch, child in by_frequency(node.items()) if len(ch) == 1]
    branches += [rest for rest in ("\\w*", "") if rest in node]
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _opening(root: dict[str, Any], arabic: bool, end: str) -> str:
    """The trie ``root`` at a word's start: each first letter, then the check that no letter
    precedes it (once the letter is read, so the pattern opens on the set of first letters), then
    the rest; an Arabic proclitic first reads a whole word of the trie after it."""
    heads = [ch for ch, _ in by_frequency((ch, None) for ch in {ch for ch in root if len(ch) == 1}
                                          | (set(_PROCLITICS) if arabic else set()))]
    branches = []
    for ch in heads:
        rest = []
        if arabic and ch in _PROCLITICS:
            rest.append(_emit(root))
        if ch in root:
            rest.append(_emit(root[ch]))
        body = rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")"
        branches.append(_escaped(ch) + r"(?<!\w.)" + body)
    return "(?:" + "|".join(branches) + ")" + end


def _escaped(ch: str) -> str:
    return re.escape(ch).replace(r"\ ", " ")


def _merged(base: Any, own: Any) -> Any:
    """A word list (or a demonym table) of a language section over the one it inherits."""
    if base is None or own is None:
        return own if base is None else base
    return {**base, **own} if isinstance(base, dict) else [*base, *own]


def load_frames() -> dict[str, FrameWords]:
    """The frames' words of every language (built once per process with the other tables:
    ``classifiers.tables``)."""
    return tables().frames


def build_frames() -> dict[str, FrameWords]:
    raw = tomllib.loads(resources.files("classifiers").joinpath("data").joinpath("frames.toml").read_text("utf-8"))
    out: dict[str, FrameWords] = {}
    for lang, section in raw.items():
        base = raw.get(section.get("inherit", ""), {})
        if base:
            # short Latin text is often detected as French: French frames keep the English words
            section = {key: _merged(base.get(key), section.get(key)) for key in set(base) | set(section)
                       if key != "inherit"}
        arabic = lang in ("ar", "fa")
        # «كثفت قصفها»: each verb of carrying on with each attack it carries on, an attack's verb
        section = {**section, "attack_verbs": section.get("attack_verbs", []) + [
            f"{verb} {noun}" for verb in section.get("continuing_verbs", []) for noun in section.get("continued_attacks", [])] + [
            # «تمكنت قواتنا من تدمير ...»: a verb of managing before the deed it managed
            f"{verb} {deed}" for verb in section.get("managing_verbs", []) for deed in section.get("managed_deeds", [])]}

        def rx(key: str, section: dict[str, list[str]] = section, arabic: bool = arabic) -> re.Pattern[str]:
            return re.compile(_alternation(section.get(key, []), arabic))

        # «كثفت من قصفها», «واصلت صباح أمس قصف ...»: the same with a preposition or a time between, one more
        # alternative of the attack verbs' pattern (each verb with each gap and noun as words of the trie would
        # be thousands of them, and seconds more to compile)
        gapped = "|" + _gapped(section, arabic) if section.get("continuing_gaps") else ""
        # for the gates, which look words up: the verb with the gap after it could open such an attack
        gapped_words = [f"{verb} {gap}" for verb in section.get("continuing_verbs", [])
                        for gap in section.get("continuing_gaps", [])]
        gate_words = (section.get("attack_verbs", []) + section.get("communique", [])
                      + section.get("claim_verbs", []) + section.get("relay_heads", []))
        demonyms = {normalize(k): v for k, v in section.get("demonyms", {}).items()}
        out[lang] = FrameWords(
            lang=lang, speech=rx("speech"), according=rx("according"),
            attack_verb=re.compile(_alternation(section.get("attack_verbs", []), arabic) + gapped),
            attack_noun=rx("attack_nouns"), own_forces=rx("own_forces"), negation=rx("negation"),
            modality=rx("modality"), threat=rx("threats"), communique=rx("communique"), relay_heads=rx("relay_heads"), event=rx("event"),
            claim_verb=rx("claim_verbs"), claim_not=rx("claim_not"),
            demonyms=demonyms, demonym_heads=frozenset(k.split()[0] for k in demonyms if " " in k),
            gate=re.compile(_alternation(gate_words, arabic) + gapped),
            bodies=rx("bodies"), others=frozenset(normalize(w) for w in section.get("others", [])),
            agents=tuple(tuple(normalize(a).split()) for a in section.get("agents", ["by"])),
            titles=frozenset(normalize(t) for t in section.get("titles", [])),
            armed_agents=tuple(tuple(normalize(a).split()) for a in section.get("armed_agents", [])),
            backers=tuple(tuple(normalize(b).split()) for b in section.get("backers", [])),
            target_nouns=frozenset(normalize(w) for w in section.get("target_nouns", [])),
            doer_nouns=frozenset(normalize(w) for w in section.get("doer_nouns", [])),
            manner=frozenset(normalize(w) for w in section.get("manner", [])),
            own_after=frozenset(normalize(w) for w in section.get("own_forces_after", [])),
            passive_alike=frozenset(normalize(w) for w in section.get("passive_alike", [])),
            speaker_heads=frozenset(normalize(w) for w in section.get("speaker_heads", [])),
            speaker_modifiers=frozenset(normalize(w) for w in section.get("speaker_modifiers", [])),
            speaker_construct=frozenset(normalize(w) for w in section.get("speaker_construct", [])),
            legislators=frozenset(normalize(w) for w in section.get("legislators", [])),
            unnamed_accused=frozenset(normalize(w) for w in section.get("unnamed_accused", [])),
            words=_token_sets(section, gapped_words, arabic),
        )
    return out


# the lists the gates ask about together ("any of these words?"): one set each as well, as
# "communique or claim_verbs" (a set's answer is whether any of its words is there, so the union's
# is the lists' answers or-ed, in one look-up instead of one per list)
_ASKED_TOGETHER = (("communique", "claim_verbs"), ("speech", "according", "relay_heads"), ("attack_verbs", "attack_nouns"),
                   ("attack_verbs", "attack_nouns", "claim_verbs", "relay_heads", "communique"))


def _token_sets(section: dict[str, Any], gapped_words: list[str], arabic: bool) -> dict[str, TokenSet]:
    """The word lists of a language section as token sets (``FrameWords.words``)."""
    lists = {key: section.get(key, []) + (gapped_words if key == "attack_verbs" else [])
             for key in ("communique", "claim_verbs", "event", "speech", "according", "relay_heads", "attack_verbs",
                         "attack_nouns")}
    sets = {key: TokenSet.of(words, arabic) for key, words in lists.items()}
    for keys in _ASKED_TOGETHER:
        sets[" or ".join(keys)] = TokenSet.of([w for key in keys for w in lists[key]], arabic)
    return sets


def _gapped(section: dict[str, list[str]], arabic: bool) -> str:
    """A verb of carrying on, one of the words that may stand after it, and the attack it carries on."""
    gaps = "|".join(re.escape(normalize(g)) for g in section["continuing_gaps"])
    return (f"{_alternation(section.get('continuing_verbs', []), arabic)} (?:{gaps}) "
            f"{_alternation(section.get('continued_attacks', []), arabic)}")


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The one-word offices of every language ("officials", "ministry", «المتحدث»)."""
    return frozenset(w for fw in load_frames().values() for t in fw.titles for w in t.split())


@lru_cache(maxsize=1)
def other_speakers() -> frozenset[str]:
    """The nouns of every language that speak for no party named before them."""
    return frozenset(w for fw in load_frames().values() for w in fw.others)


def words_for(text: str, lang: str) -> FrameWords | None:
    frames = load_frames()
    if lang in frames:
        return frames[lang]
    if _ARABIC.search(text):
        return frames.get("ar")
    return frames.get("en")


@lru_cache(maxsize=64)
def _declitic_bag(words: frozenset[str]) -> frozenset[str]:
    """The words with each one's proclitic (و ف ب ل) peeled off added: the same set for every
    list a sentence is tested against (a frozenset keeps its hash, so the look-up is cheap)."""
    return words | {t[1:] for t in words if len(t) > 3 and t[0] in "وفبل"}
