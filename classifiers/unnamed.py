"""Speakers the gazetteer has no entry for, named as the text names them: "An official blamed ISIL
for ...", "..., prosecutor says", «وتنفي الحكومة ...», «الأجهزة الأمنية نفت», "US senator blames
Tehran". A statement whose speaker is no gazetteer party would otherwise show no speaker at all.

Such a speaker is a description, not a party: kind ``unnamed``, not ``known``, its id a slug of its
words. It never joins a message's actors (it is no new group), claims never take one, and the
incident logic gives it no network of its own. Pure: no I/O.
"""

from __future__ import annotations

import re

from classifiers.cues import Cue
from classifiers.events import bare_ending
from classifiers.framewords import FrameWords, words_for
from classifiers.gazetteer import Gazetteer
from classifiers.names import display_name, slug
from classifiers.normalize import normalize
from classifiers.sentences import Sentence
from classifiers.types import ActorRef
from classifiers.written import title_case

UNNAMED = "unnamed"

# the words an English description of a speaker may open with, before its head ("senior US official")
_ARTICLES = frozenset({"a", "an", "the", "one", "two", "several", "some", "many"})
# words that may stand between a subject and its verb: "the government has repeatedly denied"
_BETWEEN = frozenset({"has", "have", "had", "also", "later", "again", "repeatedly", "quickly", "swiftly", "strongly",
                      "flatly", "firmly", "categorically", "reportedly", "publicly", "previously", "already", "then",
                      "باستمرار", "ايضا", "بدورها", "بدوره", "مجددا"})
_ARABIC = re.compile(r"[\u0600-\u06ff]")
# heads that stand for a name that follows them («صحيفة "وول ستريت جورنال"»), nothing alone
# (nor «الصحيفة», «الوكالة» alone: the outlet named before, whose word is news, no party's)
_NAMED_HEADS = frozenset({"صحيفه", "قناه", "وكاله", "الصحيفه", "القناه", "الوكاله", "newspaper", "channel", "agency",
                          "company"})
_RELATIVES = frozenset({"الذي", "التي", "اللذين", "اللتين", "الذين", "اللاتي", "اللواتي"})


def written_speaker(gz: Gazetteer, s: Sentence, cue: Cue, lang: str, own_verb: bool = False) -> ActorRef | None:
    """The description a sentence gives the speaker of the cue at ``cue.start``..``cue.end``, when
    no party of the gazetteer speaks: the subject right before the cue's verb ("Officials blamed",
    «الأجهزة الأمنية نفت»), in Arabic also right after it («تنفي الحكومة»), else the subject of the
    sentence's speech verb ("..., prosecutor says", "..., said a spokesman"). A description with a
    state's adjective is that state's body: the state speaks. With ``own_verb``, only the subject of
    the cue's own verb."""
    fw = words_for(s.original, lang)
    if fw is None or not fw.speaker_heads:
        return None
    arabic = bool(_ARABIC.search(s.original))
    at = cue.start
    while at > 0 and s.toks[at - 1] in _BETWEEN:
        at -= 1
    span = _ending_at(s, fw, at, arabic) if at > 0 else None
    if span is None and arabic:
        span = _starting_at(s, fw, cue.start + 1)
    if span is None and own_verb:
        return None
    if span is None:
        for said in fw.speech.finditer(s.norm):
            pos, end = s.token_at(said.start()), s.token_at(said.end() - 1) + 1
            if cue.start <= pos < cue.end:
                continue  # the cue's own verb, read above
            span = _ending_at(s, fw, pos, arabic) or _starting_at(s, fw, end)
            if span is not None:
                break
    if span is None:
        return named_person(s, fw, cue, arabic)
    if span[1] - span[0] == 1 and _bare(fw, s.toks[span[0]]) in _NAMED_HEADS:
        return None  # «صحيفة "..."»: a paper, a channel or an agency alone says nothing of who speaks
    for tok in s.toks[span[0]:span[1]]:
        state = fw.demonyms.get(tok)
        ref = gz.resolve_actor(state) if state else None
        if ref is not None:
            return ref  # «التلفزيون الرسمي السوري»: a state's body speaks for its state
    return _ref(s, *span)


# described speakers that are no party (the guide: witnesses', residents' and activists' reports give no stance),
# and the civil bodies where an attack fell ("health officials", "hospital sources")
_NO_PARTY = frozenset({"residents", "activists", "witnesses"})
_CIVIL = frozenset({"health", "medical", "hospital", "municipal", "civil", "rescue", "emergency", "news", "television",
                    "tv", "shipping", "oil", "company", "newspaper", "channel", "agency"})


def reported_description(gz: Gazetteer, s: Sentence, fw: FrameWords, state_acts: bool) -> ActorRef | None:
    """The description that speaks an English sentence's report when no party of the gazetteer does:
    "..., a local governor said", "Church officials said ...", "..., said a provincial official", a
    headline's "– church officials". Not people who are no party (witnesses, residents, activists), not a
    civil body where the attack fell ("health officials"), not a paper, channel or agency alone, and not a
    description that would fit any side's official when a state's own attack is told (``state_acts``)."""
    spans: list[tuple[int, int]] = []
    # (a claim verb reports too: "Kurdish sources claim that the Turkish army destroyed ...")
    from classifiers.frames import not_claimed  # (frames imports this module)

    claims = [m for m in fw.claim_verb.finditer(s.norm) if not not_claimed(fw, s.norm[m.end():])]
    for said in [*fw.speech.finditer(s.norm), *claims]:
        pos, end = s.token_at(said.start()), s.token_at(said.end() - 1) + 1
        span = _ending_at(s, fw, pos, False) or (_starting_at(s, fw, end) if said.group(0) in ("said", "says") else None)
        if span is not None:
            spans.append(span)
    for marker in fw.according.finditer(s.norm):
        span = _described_after(s, fw, s.token_at(marker.end() - 1) + 1)  # "according to Kurdish officials"
        if span is not None:
            spans.append(span)
    tail = _TAIL.search(s.original.rstrip(" .…"))
    if not spans and tail is not None:
        size = len(normalize(tail.group(1)).split())
        if 1 <= size <= 4 and s.toks[-1] in fw.speaker_heads:
            spans.append((len(s.toks) - size, len(s.toks)))
    for start, end in spans:
        words = s.toks[start:end]
        if words[-1] in _NO_PARTY or _CIVIL.intersection(words) or (end - start == 1 and words[0] in _NAMED_HEADS):
            continue
        if state_acts and all(w in _ANY_SIDE or w in _ARTICLES for w in words[:-1]):
            continue  # "US strikes ..., a defense official said": whose official the text leaves to the state named
        for tok in words:
            state = fw.demonyms.get(tok)
            ref = gz.resolve_actor(state) if state else None
            if ref is not None:
                return ref
        owner = start - 1 if start > 0 and bare_ending(s, start - 1) else start  # "#Iraq|i army claims"
        for m in s.mentions:
            entry = gz.actors.get(m.id) if m.kind == "actor" and m.end == owner else None
            if entry is not None and entry.kind == "state" and words[-1] in _FORCES_HEADS:
                return entry.ref()  # "Iraq army claims", "Syria army says": the state's own forces
        return _ref(s, start, end)
    return None


_FORCES_HEADS = frozenset({"army", "military", "forces", "troops", "police", "navy"})


def _described_after(s: Sentence, fw: FrameWords, at: int) -> tuple[int, int] | None:
    """The English description right after token ``at`` ("according to [local security officials]"): its
    head within four words, every word before it describing it."""
    while at < len(s.toks) and s.toks[at] in _ARTICLES:
        at += 1
    for head in range(at, min(at + 4, len(s.toks))):
        if s.toks[head] in fw.speaker_heads:
            span = _ending_at(s, fw, head + 1, False)
            return span if span is not None and span[0] <= at else None
    return None


_TAIL = re.compile(r"(?::\s|\s[–—-]\s|(?<=[’'”\"])[–—]\s?)([^:–—|-]{2,40})$")  # (also "‘Israeli strike’– officials")
# the words that describe an official of any side ("a senior defense official")
_ANY_SIDE = frozenset({"senior", "top", "defense", "defence", "military", "security", "intelligence", "government",
                       "state", "federal", "foreign", "interior", "army", "navy", "counterterrorism", "official",
                       "administration", "anonymous", "unnamed", "diplomatic", "western"})


def legislator(s: Sentence, fw: FrameWords, start: int, end: int, state: ActorRef) -> ActorRef | None:
    """"US senator", «سيناتور أمريكي»: a state's legislator speaks for himself, not for his state,
    named as written (``start``..``end``: the adjective and the title; the state is his parent)."""
    if not any(t in fw.legislators for t in s.toks[start:end]):
        return None
    return _ref(s, start, end, state.id)


def _ref(s: Sentence, start: int, end: int, parent: str | None = None) -> ActorRef:
    name = display_name(s.written.get((start, end), " ".join(s.cased[start:end])))
    if _ARABIC.search(name) and name.startswith("و") and name[1:3] == "ال":
        name = name[1:]  # «والحكومة»: the conjunction is not the name
    return ActorRef(f"unnamed:{slug(name)}", name, False, UNNAMED, parent, name)


def _bare(fw: FrameWords, tok: str) -> str:
    """An Arabic head without the conjunction before it («والحكومة»; «وزارة» keeps its letter)."""
    return tok[1:] if tok not in fw.speaker_heads and len(tok) > 3 and tok[0] in "وف" else tok


def _head(fw: FrameWords, tok: str) -> bool:
    return _bare(fw, tok) in fw.speaker_heads


def _ending_at(s: Sentence, fw: FrameWords, at: int, arabic: bool) -> tuple[int, int] | None:
    """The description that ends right before token ``at``: an English head noun with the words
    before it that describe it ("senior Kurdish officials"); an Arabic head with its adjectives
    («الأجهزة الأمنية», «مصدر أمني»)."""
    if arabic:
        for start in (at - 1, at - 2, at - 3):
            if start >= 0 and _head(fw, s.toks[start]) and _starting_at(s, fw, start) == (start, at):
                return start, at
        return None
    head = at - 1
    if head < 0 or s.toks[head] not in fw.speaker_heads:
        return None
    start = head
    while start > 0 and head - start < 3 and _modifier(s, fw, start - 1):
        start -= 1
    return start, head + 1


def _modifier(s: Sentence, fw: FrameWords, i: int) -> bool:
    """A word that describes an English speaker's head: a listed one ("senior", "security", "local")
    or a capitalised one that is not the sentence's first word of a clause ("Kurdish sources",
    "Derna residents")."""
    tok = s.toks[i]
    from classifiers.speakers import clause_initial  # (speakers imports this module)

    if tok in _ARTICLES or tok in _BETWEEN or clause_initial(s, i + 1):
        return False
    if tok in fw.speaker_modifiers:
        return True
    return i < len(s.cased) and s.cased[i][:1].isupper() and s.cased[i].lower() == tok and tok.isalpha()


def _starting_at(s: Sentence, fw: FrameWords, at: int) -> tuple[int, int] | None:
    """The description that starts at token ``at`` (after an article in English: "said a spokesman";
    an Arabic head and its adjectives or the noun it governs: «وزارة الداخلية», «مصادر عسكرية»)."""
    toks = s.toks
    if at >= len(toks):
        return None
    if not _ARABIC.search(toks[at]):
        while at < len(toks) and toks[at] in _ARTICLES:
            at += 1
        end = at
        while end < len(toks) and end - at < 3 and toks[end] in fw.speaker_modifiers:
            end += 1
        return (at, end + 1) if end < len(toks) and toks[end] in fw.speaker_heads else None
    if not _head(fw, toks[at]):
        return None
    head = toks[at]
    end = at + 1
    definite = _bare(fw, head).startswith("ال")
    if not definite and end < len(toks) and toks[end].startswith("ال") and _bare(fw, head) in fw.speaker_construct:
        end += 1  # «وزارة الداخلية»: the ministry and what it is of
        definite = True
    while end < len(toks) and end - at < 3 and _adjective(toks[end], definite):
        end += 1
    return at, end


def _adjective(tok: str, definite: bool) -> bool:
    """An Arabic relational adjective agreeing with its noun («الأمنية», «عسكري», «العراقيين»)."""
    if definite != tok.startswith("ال") or tok in _RELATIVES or tok == "الي":  # «خلصت اللجنة إلى أن»: a preposition
        return False
    return tok.endswith(("ي", "يه", "يين", "يون", "يات"))


# A person the text names who speaks for no party the gazetteer knows: "Muqtada al-Sadr accused ...",
# «وقال خدام إن ...». (A state's official is his state: "Iraqi Prime Minister ..." and the named heads
# the gazetteer lists are read before this.) His name as written speaks: a person keeps his own name.
# the words a Latin name may hold uncapitalised ("Muqtada al-Sadr", "Osama bin Laden")
_NAME_LINKS = frozenset({"al", "el", "bin", "ibn", "abu", "abi", "bint", "de", "van", "von", "der", "ul", "ad", "as",
                         "ash", "ben"})
# the words before a single name that say it is a person's ("President Trump", "Senator Graham")
_PERSON_TITLES = frozenset({"president", "senator", "rep", "representative", "mr", "mrs", "ms", "dr", "sheikh",
                            "cleric", "analyst", "former", "leader", "commander", "general", "gen", "colonel", "col",
                            "activist", "journalist", "expert", "professor", "prof", "imam", "rabbi", "pope",
                            "king", "queen", "prince", "emir", "candidate", "lawmaker", "congressman", "mp"})
# capitalised words that name no one: outlets, a day or a month, the words a headline capitalises
_NOT_NAMES = frozenset({"reuters", "afp", "ap", "cnn", "bbc", "axios", "bloomberg", "politico", "haaretz", "sana",
                        "irna", "tass", "xinhua", "anadolu", "wafa", "jazeera", "arabiya", "mayadeen", "manar", "times",
                        "post", "journal", "news", "press", "tv", "television", "agency", "channel", "report", "reports",
                        "media", "statement", "video", "footage", "photos", "sources", "breaking", "update", "watch",
                        "live", "exclusive", "the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "that",
                        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                        "february", "march", "april", "may", "june", "july", "august", "september", "october",
                        "november", "december", "god", "allah", "west", "western", "international", "community",
                        "un", "nato", "eu", "congress", "senate", "house", "parliament", "state", "department"})
# «قال خدام إن»: Arabic words right after a verb that are no one's name (its time, a hedge, a pronoun)
_AR_NOT_NAMES = frozenset({"اليوم", "امس", "ايضا", "كذلك", "مجددا", "سابقا", "لاحقا", "صراحه", "علنا", "علانيه",
                           "رسميا", "كل", "بعض", "احد", "عدد", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "انه",
                           "انها", "ان", "بان", "في", "من", "علي", "الي", "عن", "مع", "بعد", "قبل", "خلال", "عبر",
                           "له", "لها", "لهم", "بيان", "تقرير", "تقارير", "موقع", "حساب", "صفحه", "مراسل", "مصدر",
                           "مصادر", "مسوول", "ناشط", "ناشطون", "شهود", "خبير", "محلل", "زعيم", "عضو", "ممثل",
                           "مندوب", "نايب", "وزير", "رييس", "قايد", "ضابط", "عنصر", "عناصر", "مقاتل", "مقاتلون",
                           "مسلحون", "جيش", "قوات", "فصيل", "فصايل", "تنظيم", "جماعه", "حركه", "حزب", "وكاله",
                           "صحيفه", "قناه", "اذاعه", "تلفزيون", "الذي", "التي", "الذين", "ما", "لا", "لم", "لن",
                           "قد", "كان", "كانت", "يوم", "صباح", "مساء", "ليل", "فجر", "الاحد", "الاثنين", "الثلاثاء",
                           "الاربعاء", "الخميس", "الجمعه", "السبت", "خلف", "وراء", "بلده", "بلاده", "نفسه",
                           "نفسها", "جماعات", "منظمات", "هييات", "جهات", "اطراف", "دول"})
_AR_WORD = re.compile(r"^[\u0621-\u064a]+$")


def person_speaker(s: Sentence, cue: Cue, lang: str) -> ActorRef | None:
    """The named person who speaks the cue (see ``named_person``), no description of one."""
    fw = words_for(s.original, lang)
    return named_person(s, fw, cue, bool(_ARABIC.search(s.original))) if fw is not None else None


def named_person(s: Sentence, fw: FrameWords, cue: Cue, arabic: bool) -> ActorRef | None:
    """The person who speaks the cue, named as written: in English the capitalised name right before
    the cue's verb or the sentence's speech verb ("Muqtada al-Sadr accused", "Lindsey Graham said"), in
    Arabic the name right after it up to the clause or the party blamed («وقال خدام إن»,
    «واتهم مقتدى الصدر كتائب حزب الله»). None when the words there may be anything but a name."""
    if not arabic and title_case(s.original):
        return None  # "Israel Lights Up Gaza": a headline's capitals name no one
    verbs = [cue.start] + [s.token_at(m.start()) for m in fw.speech.finditer(s.norm)]
    for verb in verbs:
        if arabic:
            span = _ar_name_after(s, fw, verb + 1)
        else:
            at = verb
            while at > 0 and s.toks[at - 1] in _BETWEEN:
                at -= 1
            span = _en_name_before(s, fw, at)
        if span is not None:
            return _ref(s, *span)
    return None


def _covered(s: Sentence, start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in s.mentions)


def _en_name_before(s: Sentence, fw: FrameWords, at: int) -> tuple[int, int] | None:
    """The capitalised name of a person that ends right before token ``at``: two to four words
    ("Donald Trump", "Muqtada al-Sadr"), or one after a person's title ("Senator Graham")."""
    start = at
    while start > 0 and at - start < 4:
        tok, word = s.toks[start - 1], s.cased[start - 1] if start - 1 < len(s.cased) else ""
        if tok in _NAME_LINKS and start < at:
            start -= 1
            continue
        if not (word[:1].isupper() and word.isalpha()) or tok in _NOT_NAMES or tok in _PERSON_TITLES or (
                tok in fw.titles or tok in fw.speaker_heads or tok in fw.others or tok in fw.demonyms
                or tok in fw.speaker_modifiers):
            break
        start -= 1
    while start < at and s.toks[start] in _NAME_LINKS and not s.cased[start][:1].isupper():
        start += 1  # ("Abu Izraeel" keeps its first word)
    if start == at or _covered(s, start, at) or (start and s.toks[start - 1] in ("the", "of")):
        return None  # "the head of the Catholic Church says": a body, not a name
    if start and _covered(s, start - 1, start):
        return None  # "Hamas leader Ismail Haniyeh" is the party's, read before this
    if at - start == 1 and not (start > 0 and s.toks[start - 1] in _PERSON_TITLES):
        return None  # "New reports suggest ...": one capitalised word alone may be any word
    return start, at


def _ar_name_after(s: Sentence, fw: FrameWords, at: int) -> tuple[int, int] | None:
    """The Arabic name of a person that starts at token ``at`` and runs (one to three words) up to a
    complementiser or the party the verb blames: «خدام» in «وقال خدام إن»."""
    from classifiers.speakers import COMPLEMENTISERS  # (speakers imports this module)

    toks = s.toks
    end = at
    while end < len(toks) and end - at < 3 and toks[end] not in COMPLEMENTISERS and not any(
            m.start == end for m in s.mentions):
        tok = toks[end]
        if not _AR_WORD.match(tok) or tok in _AR_NOT_NAMES or _bare(fw, tok) in _AR_NOT_NAMES or (
                _head(fw, tok) or tok in fw.titles or tok in fw.others or tok in fw.demonyms
                or fw.attack_verb.fullmatch(tok) or fw.speech.fullmatch(tok)):
            return None
        end += 1
    if end == at or end >= len(toks) or toks[at].startswith(("ال", "وال")):
        return None  # «وقال البيان إن»: a noun, not a name
    if any(not t.startswith("ال") and t.endswith("يه") for t in toks[at + 1:end]):
        return None  # «جماعات حقوقية», «مصادر محلية»: a noun and its adjective describe, they name no one
    closes = toks[end] in COMPLEMENTISERS or any(m.start == end and m.kind == "actor" for m in s.mentions)
    if not closes or _covered(s, at, end):
        return None
    return at, end
