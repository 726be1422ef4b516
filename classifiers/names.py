"""Group names: pulling a name out of a claim ("a group calling itself X", «تبنت سرايا ...»),
cleaning it for display, and the cluster key that makes five spellings of one name one group.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from classifiers.normalize import edit_distance, name_tokens, normalize, skeleton

# Words that say "a group of armed men", in four languages, by their consonant skeleton, so that
# misspellings (Sayara for Saraya) still count. They are optional in a name: «سرايا ثورة العشرين»
# and "Thawrat al-Ishrin" are one group.
_GENERIC = {skeleton(t) for w in (
    "saraya sarayat sariya saryat sariyat kataib katibat liwa alwiya usbat osbat fasail tashkil harakat "
    "harakat jamaat jamaa quwat brigade brigades battalion battalions companies company group groups "
    "faction factions movement formation league front forces thani second "
    "سرايا سريه كتايب كتيبه لواء الويه عصبه فصايل تشكيل حركه جماعه مجموعه قوات ثاني الثانيه "
    "groupe brigades bataillon گروه new jadid جديد جديده جدید"
).split() for t in [normalize(w)]}
_GENERIC.discard("")

_STOP_EN = {"claimed", "claims", "claim", "said", "says", "has", "have", "had", "was", "were", "is", "are", "took",
            "announced", "which", "that", "who", "on", "in", "for", "and", "to", "after", "with", "from", "at", "by",
            "responsibility", "the", "a", "an"}
_CONNECT = {"al", "el", "ul", "of", "the", "fi", "wa", "bin", "ibn", "abu", "abi", "de", "du", "des", "la", "le", "in", "an",
            "ash", "as", "ad", "ar", "at", "az", "l", "d"}
_AR_STOP = set(normalize(
    "مسووليه مسووليتها مسووليته الهجوم هجوم عمليه استهداف قصف ضد على في عن من الى بعد اثر التي الذي وذلك و ان انها انه "
    "الاعتداء اعتداء الضربه تفجير بيان امس اليوم فجر صباح مساء اطلاق اسقاط مهاجمه "
    "مسئولیت مسؤولیت حمله را به در از که با اعلام تعلن يعلن تتبني يتبني اعلنت تبنت "
    "التفجير التفجيرات تفجيرات الهجمات هجمات العمليه العمليات عمليات الاستهداف القصف الغاره الاغتيال اغتيال "
    # the claim's own verbal noun with its pronoun («أعلنت حركة الشباب تبنيها للتفجير»)
    "تبنيه تبنيها تبنيهم تبنيهما مسووليتهم تفجير غاره ضربه يطلق تطلق يدعي تدعي يسمي تسمي"
).split())
# the clitics before a word (the conjunction, the prepositions, the article): «للتفجير» is «تفجير» after them
_AR_CLITICS = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?")
_QUOTED = re.compile(r"[\"“”«»‘’']([^\"“”«»‘’']{3,60})[\"“”«»‘’']")

# Patterns over the case-kept normalised text (see normalize_cased).
_NAME_PATTERNS = [
    re.compile(r"(?:group|faction|outfit|militia|organi[sz]ation|cell|brigade)(?:,)? (?:calling|that calls|which calls|"
               r"known as|named|called|styling) (?:itself |themselves )?(?P<q>.{3,80})", re.IGNORECASE),
    re.compile(r"(?:little known|unknown|new|previously unknown|obscure|shadowy|newly formed) (?:armed |militant |"
               r"Shiite |Shia |Iraqi )?(?:group|faction|militia|outfit)(?:,)? (?P<q>[A-Z\"“'].{2,80})"),
    re.compile(r"(?P<q>(?:[A-Z][\w']*|al|el|of|the|fi|wa|bin|abu)(?: (?:[A-Z][\w']*|al|el|of|the|fi|wa|bin|abu)){1,7}) "
               r"(?:has |have |had )?(?:claimed|claims|took|assumed) (?:full |the |an? )?(?:responsibility|credit|"
               r"(?:\w+ )?(?:attack|attacks|strike|strikes|bombing|burning|ambush|killing))"),
    re.compile(r"(?:responsibility|credit) (?:for (?:\w+ ){0,10}?)?(?:was|has been|had been) claimed by (?:a group "
               r"(?:called|named) )?(?P<q>.{3,80})", re.IGNORECASE),
    re.compile(r"(?:un groupe|une faction|un groupuscule) (?:\w+ )?(?:se faisant appeler|baptise|nomme|appele) (?P<q>.{3,80})",
               re.IGNORECASE),
    re.compile(r"(?:فصيل|جماعه|مجموعه|تنظيم|حركه|ميليشيا)(?: \w+){0,2}? (?:يطلق|تطلق) (?:علي|على) (?:نفسه|نفسها) (?:اسم )?(?P<q>.{3,80})"),
    re.compile(r"(?:فصيل|جماعه|مجموعه)(?: \w+){0,2}? (?:يدعي|تدعي|يسمي|تسمي|باسم) (?:نفسه |نفسها )?(?P<q>.{3,80})"),
    re.compile(r"(?<!\w)(?:و|ف)?(?:تبنت|تبني|اعلنت|اعلن|يتبني|تتبني)(?: فصيل| جماعه| مجموعه| مسلحه| جديده| جديد){0,3} "
               r"(?P<q>(?:سرايا|سريه|كتايب|كتيبه|لواء|الويه|عصبه|فصايل|تشكيل|حركه|جماعه|قوات|اصحاب|الثوريون|المقاومه)(?: \w+){1,6})"),
    re.compile(r"(?:گروهي|گروه) (?:ناشناس |جديد )?(?:به نام|موسوم به|با نام) (?P<q>.{3,60})"),
    re.compile(r"^(?:\w+ ?[:|] ?)?(?P<q>(?:سرايا|سريه|كتايب|كتيبه|لواء|الويه|عصبه|فصايل|تشكيل|حركه|اصحاب)(?: \w+){1,4}?) "
               r"(?:تعلن|يعلن|تتبني|يتبني|اعلنت|اعلن|تبنت|تبني|يعلنون|يتبنون)(?!\w)"),
    re.compile(r"^(?P<q>[A-Z][\w']*(?: (?:[A-Z][\w']*|al|el|of|the|fi|wa|bin|abu)){1,7}), (?:a|an|the) (?:\w+ ){0,6}?"
               r"(?:group|faction|militia|outfit|brigade)"),
]


# Names a claim gives its author without presenting the group as new: the speaker, not a new name.
_ISSUER_PATTERNS = [
    # «أصدر فصيل ألوية X بيانا يعلن فيه تبنيه ...»: the group that issued the statement
    re.compile(r"(?<!\w)(?:و|ف)?(?:اصدر|اصدرت|نشر|نشرت)(?: فصيل| جماعه| مجموعه){0,1} "
               r"(?P<q>(?:سرايا|سريه|كتايب|كتيبه|لواء|الويه|عصبه|فصايل|تشكيل|حركه|جماعه|جيش|تجمع|جبهه)(?: \w+){1,4}?) "
               r"بيانا (?:\w+ ){0,2}?(?:(?:يعلن|تعلن|اعلن|اعلنت) (?:فيه |فيها )?(?:عن )?"
               r"(?:تبنيه|تبنيها|مسووليته|مسووليتها|المسووليه)|(?:يتبني|تتبني|تبني|تبنت) (?:فيه|فيها))(?!\w)"),
]


@lru_cache(maxsize=8192)
def display_name(name: str) -> str:
    """A name as written, cleaned: no bidi marks, diacritics or tatweel; quotes and trailing
    punctuation removed; spaces collapsed."""
    text = unicodedata.normalize("NFKC", name)
    if not _latin1(text) or "\xad" in text:  # in Latin-1 only the soft hyphen is Cf or Mn
        text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Mn") or ch == "\u200c")
    text = text.replace("\u0640", "").replace("\u200c", " ")
    text = re.sub(r"\s+", " ", text).strip(" \t\"“”«»‘’'.,;:()[]-–—")
    return text


def _trim_latin(raw: str) -> str:
    words = raw.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    out: list[str] = []
    for word in words:
        bare = word.strip(",.;:()\"“”'’")
        if not bare:
            break
        if out and bare.lower() in _STOP_EN and bare.lower() not in _CONNECT:
            break
        if bare[0].isupper() or bare.lower() in _CONNECT or "-" in bare or any("\u0600" <= c <= "\u06ff" for c in bare):
            out.append(bare)
            if word != bare and word[-1] in ",.;:)\"”":
                break
        else:
            break
    while out and out[-1].lower() in _CONNECT:
        out.pop()
    return " ".join(out)


def _trim_arabic(raw: str) -> str:
    out: list[str] = []
    for word in raw.split():
        bare = word.strip("،,.;:()\"«»")
        if not bare or bare in _AR_STOP or _AR_CLITICS.sub("", bare) in _AR_STOP or (
                out and re.match(r"^(?:ب|ل|و)ال", bare) and len(out) >= 2):
            break
        out.append(bare)
        if word != bare or len(out) >= 6:
            break
    return " ".join(out)


# the letters the normaliser unifies, and the marks it drops, as found in the original text
_FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ئ": "ي", "ک": "ك", "ؤ": "و"}
_FOLD_DROP = frozenset("'’‘ʿʾ`´ʼ")
_FOLD_SPACE = frozenset("-‐‑‒–—―_")
# the characters _folded handles one by one: what it drops or joins (apostrophes and ayn marks,
# hyphens, underscores, spaces), and the capital sigma, which ``str.lower`` writes final at a
# word's end where a letter lowered alone is not; the runs between them are folded whole
_FOLD_TABLE = str.maketrans(_FOLD)
# what as_written makes of a name: apostrophes dropped, hyphens a space, the letter forms unified
_KEY_TABLE = str.maketrans({**_FOLD, **dict.fromkeys(_FOLD_SPACE, " "), **dict.fromkeys(_FOLD_DROP)})
_MARKS = re.escape("".join(sorted(_FOLD_DROP | _FOLD_SPACE)))
# (a space after a letter joins nothing: it stays in its run, and most spaces are such)
_FOLD_SPECIAL = re.compile("[\\s" + _MARKS + "\u03a3](?<![^\\s" + _MARKS + "] )")


def _latin1(text: str) -> bool:
    """Whether every character of the text is in Latin-1."""
    if text.isascii():
        return True
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=512)
def _folded(original: str, elided: bool) -> tuple[str, tuple[int, ...], str]:
    """``original`` (as cleaned by ``display_name``) folded the way names are compared, with the
    index in the cleaned text of every folded character (and the cleaned text): apostrophes and ayn marks dropped,
    hyphen and space runs one space, Latin lower case, the Arabic letter forms unified. With
    ``elided`` an apostrophe is a space instead, as the normaliser makes it after a French
    elision ("l'Euphrate" -> "l Euphrate")."""
    text = display_name(original)
    out: list[str] = []
    where: list[int] = []
    last = ""  # the last character kept
    pos = 0
    for special in (*_FOLD_SPECIAL.finditer(text), None):
        end = special.start() if special is not None else len(text)
        if end > pos:
            run = text[pos:end].translate(_FOLD_TABLE).lower()
            if len(run) == end - pos:
                out.append(run)
                where.extend(range(pos, end))
                last = run[-1]
            else:  # a letter lowers to two ("İ"): one entry of ``where`` for both
                for i in range(pos, end):
                    last = _FOLD.get(text[i], text[i]).lower()
                    out.append(last)
                    where.append(i)
        if special is None:
            break
        ch = text[end]
        pos = end + 1
        if ch in _FOLD_DROP and not elided:
            continue
        if ch.isspace() or ch in _FOLD_SPACE or ch in _FOLD_DROP:
            if last == " ":
                continue
            ch = " "
        else:
            ch = ch.lower()  # the capital sigma, alone
        out.append(ch)
        where.append(end)
        last = ch
    return "".join(out), tuple(where), text


def as_written(name: str, original: str) -> str:
    """Find ``name`` (extracted from normalised text) in the original sentence and return the
    original spelling: hyphens, hamzas and ta marbuta as the author wrote them.

    A search in a folded copy of the sentence that keeps each character's original position (a
    regex built per name cost ~2 ms to compile, more than classifying the whole message)."""
    if not original:
        return name
    if "\u03a3" in name:  # a capital sigma lowers alone, as in _folded
        key = "".join(" " if ch in _FOLD_SPACE else _FOLD.get(ch, ch).lower()
                      for ch in name if ch not in _FOLD_DROP)
    else:
        key = name.translate(_KEY_TABLE).lower()
    if not key:
        return name
    for elided in (False, True):
        folded, where, text = _folded(original, elided)
        at = folded.find(key)
        if at >= 0:
            break
    else:
        return name
    return display_name(text[where[at]:where[at + len(key) - 1] + 1])


def extract_group_names(cased_normalized: str, original: str = "", issuers: bool = False) -> list[str]:
    """Names a sentence gives to a group in a claim or self-naming pattern (as written);
    ``issuers``: instead the authors a claim names without presenting them as new."""
    found: list[str] = []
    for pattern in _ISSUER_PATTERNS if issuers else _NAME_PATTERNS:
        for match in pattern.finditer(cased_normalized):
            raw = match.group("q")
            quoted = _QUOTED.match(raw.strip())
            if quoted:
                name = quoted.group(1)
            elif any("\u0600" <= c <= "\u06ff" for c in raw[:3]):
                name = _trim_arabic(raw)
            else:
                name = _trim_latin(raw)
            name = as_written(display_name(name), original)
            if name and is_plausible_name(name) and name not in found:
                found.append(name)
    return found


def is_plausible_name(name: str) -> bool:
    """Reject fragments that are not names: one generic word, pronouns, plain descriptions."""
    toks = name_tokens(name)
    if not toks or len(toks) > 8:
        return False
    core = cluster_tokens(name)
    if not core:
        return False
    if all(len(s) < 2 for s in core):
        return False
    return normalize(name) not in {"the group", "a group", "unknown gunmen", "gunmen", "militants", "the militia", "it"}


def cluster_tokens(name: str) -> tuple[str, ...]:
    """The distinctive consonant skeletons of a name: generic words (Saraya, Kataib, «سرايا»),
    articles and 'the second' dropped."""
    return tuple(s for s in (skeleton(t) for t in name_tokens(name)) if s and s not in _GENERIC)


def same_group(a: str, b: str) -> bool:
    """Whether two spellings name one group: their distinctive skeletons match one to one
    (allowing one letter of difference in longer tokens) for every token of the shorter name."""
    ta, tb = cluster_tokens(a), cluster_tokens(b)
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) == 1 and len(short[0]) < 3:
        return False
    single = len(short) == 1
    used: set[int] = set()
    for tok in short:
        for j, other in enumerate(long_):
            if j in used:
                continue
            # a lone distinctive word must match closely; in longer names one letter may differ
            limit = 1 if min(len(tok), len(other)) >= (4 if single else 2) else 0
            if tok == other or edit_distance(tok, other, limit) <= limit:
                used.add(j)
                break
        else:
            return False
    return True


def slug(name: str) -> str:
    """A stable id for a discovered name: its normalised tokens, hyphenated, ASCII where possible."""
    text = normalize(name)
    parts = re.findall(r"[0-9a-z\u0600-\u06ff]+", text)
    return "-".join(parts)[:120] or "unnamed"
