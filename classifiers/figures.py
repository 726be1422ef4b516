"""Casualty figures: killed, wounded, or both together, in four languages.

Numbers come as digits (Eastern Arabic and Persian digits are ASCII after normalisation),
number words, or vague words coded the ACLED way ("tens" = 10, "dozens" = 12, "hundreds" = 100).
"More than N", "at least N" and ranges give the conservative (lower) figure, as ACLED does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from classifiers.normalize import normalize
from classifiers.prefilter import any_of_words, conditions
from classifiers.tables import tables

_WORDS: dict[str, int] = {}


def _add(value: int, *words: str) -> None:
    for word in words:
        _WORDS[normalize(word)] = value


_add(1, "one", "a", "an", "un", "une", "واحد", "واحدة", "یک", "يك")
_add(2, "two", "deux", "اثنان", "اثنين", "اثنتين", "دو")
_add(3, "three", "trois", "ثلاثة", "ثلاث", "سه")
_add(4, "four", "quatre", "أربعة", "أربع", "چهار")
_add(5, "five", "cinq", "خمسة", "خمس", "پنج")
_add(6, "six", "ستة", "ست", "شش")
_add(7, "seven", "sept", "سبعة", "سبع", "هفت")
_add(8, "eight", "huit", "ثمانية", "ثماني", "هشت")
_add(9, "nine", "neuf", "تسعة", "تسع", "نه")
_add(10, "ten", "dix", "عشرة", "عشر", "ده", "tens", "dizaines", "une dizaine", "عشرات", "العشرات", "ده ها")
_add(11, "eleven", "onze")
_add(12, "twelve", "douze", "dozen", "dozens", "une douzaine", "a dozen")
_add(15, "fifteen", "quinze")
_add(20, "twenty", "vingt", "عشرين", "عشرون", "بیست", "scores")
_add(30, "thirty", "trente", "ثلاثين", "سی")
_add(40, "forty", "quarante", "أربعين")
_add(50, "fifty", "cinquante", "خمسين", "پنجاه")
_add(100, "hundred", "a hundred", "one hundred", "cent", "hundreds", "centaines", "مئة", "مائة", "المئات", "مئات", "صد", "صد ها")

_NUMWORD = "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True))
_QUAL = r"(?:more than|over|at least|some|about|around|nearly|almost|up to|plus de|au moins|environ|pres de|" \
        r"اكثر من|ما لا يقل عن|نحو|حوالي|بيش از|دست كم|حدود)"
NUM = rf"(?:{_QUAL} )?(?:(?:between|entre|بين|بين) \d+ (?:and|et|و) ?\d+|\d[\d,]*(?:\.\d+)?(?: ?(?:to|-|a|او|الي|تا) ?\d[\d,]*)?|(?:{_NUMWORD}))(?!\w)"

_PEOPLE = r"(?:(?:(?!which |that |who |and |but |while )\w+ ){0,3}?)"  # "3 US soldiers were", "two American service members"
_KILL_EN = r"(?:killed|dead|died|deaths|fatalities|martyred|slain)"
_WOUND_EN = r"(?:wounded|injured|injuries|hurt|casualties with injuries|traumatic brain injur\w*|tbi)"

# up to three French words between a number and its noun ("un soldat a été tué"), none of them
# a number or another figure's ("6 morts et 12 blessés" is not 6 wounded)
_MOTS = r"(?:(?!\d|et |morts? |tues? |blesses? )\w+ ){0,3}?"

_PATTERNS: list[tuple[str, str]] = [
    # English
    ("both", rf"(?P<n>{NUM}) {_PEOPLE}(?:were |have been )?(?:killed (?:and|or) (?:wounded|injured)|killed and injured|casualties)"),
    ("killed", rf"(?:killing|killed|kills|death of|deaths of) (?P<n>{NUM})"),
    ("killed", rf"(?P<n>{NUM}) {_PEOPLE}(?:were |have been |was )?{_KILL_EN}"),
    ("wounded", rf"(?:wounding|injuring|wounded|injured) (?P<n>{NUM})"),
    ("wounded", rf"(?P<n>{NUM}) {_PEOPLE}(?:were |have been |was )?{_WOUND_EN}"),
    # French
    # ("la frappe a fait 6 morts", "il y a eu 4 morts": the verb "a" is no English article here)
    # ("la frappe a fait 6 morts", "il y a eu 4 morts": the verb "a" is no English article here;
    # "un soldat a été tué"; the verb before its number first: "a tué 3 soldats et blessé 5 civils")
    ("killed", rf"(?:tuant|faisant|(?:a|ont|avoir) (?:\w+ )?tue) (?P<n>{NUM})"),
    ("killed", rf"(?!a )(?P<n>{NUM}) {_MOTS}(?:morts|tues|tue|mort)"),
    ("wounded", rf"(?:blessant|(?:a|ont|avoir|et) (?:\w+ )?blesse) (?P<n>{NUM})"),
    ("wounded", rf"(?!a )(?P<n>{NUM}) {_MOTS}(?:blesses|blesse)"),
    # Arabic (normalised: ة→ه, أ→ا, ى→ي)
    ("both", rf"(?P<n>{NUM}) (?:\w+ ){{0,2}}?(?:بين قتيل وجريح|قتيل وجريح|قتلي وجرحي)"),
    ("killed", rf"(?:و|ب)?(?:مقتل|قتل|استشهاد|سقوط) (?P<n>{NUM})"),
    # «أودى بحياة 25 شخصا», «راح ضحيته 25», «ذهب ضحيته 25»: the lives an attack took
    ("killed", rf"(?:و|ف)?(?:اودي|اودت) بحياه (?P<n>{NUM})"),
    ("killed", rf"(?:و|ف)?(?:راح|ذهب) ضحيته (?P<n>{NUM})"),
    ("killed", rf"(?P<n>{NUM}) (?:\w+ ){{0,2}}?(?:ال)?(?:قتلي|قتيلا|قتيل|شهداء|شهيدا)"),
    ("wounded", rf"(?:و|ب)?(?:اصابه|جرح|اصيب) (?P<n>{NUM})"),
    # «وأصاب 40 آخرين» (not «أصاب 3 أهداف», targets hit)
    ("wounded", rf"(?:و|ف)?(?:اصاب|اصابت) (?P<n>{NUM}) (?:\w+ )?(?:اخرين|اشخاص|شخصا|مدنيين|مدنيا|جنود|جنديا|عسكريين|عسكريا|عناصر|عنصرا)(?!\w)"),
    ("wounded", rf"(?P<n>{NUM}) (?:\w+ ){{0,2}}?(?:ال)?(?:جرحي|جريحا|مصابين|مصابا|اصابات)"),
    # Persian (normalised: ی→ي, ک→ك)
    ("killed", rf"(?P<n>{NUM}) (?:\w+ ){{0,2}}?(?:كشته|هلاك)"),
    ("wounded", rf"(?P<n>{NUM}) (?:\w+ ){{0,2}}?(?:زخمي|مجروح)"),
]
# each pattern compiled, with the words its matches hold one of, set by set (prefilter.conditions):
# a text without them is not searched (each search tries every position of the text)
FigurePatterns = tuple[tuple[str, re.Pattern[str], tuple[tuple[str, ...], ...]], ...]


def build_figure_patterns() -> FigurePatterns:
    compiled = [(kind, re.compile(rf"(?<!\w){pattern}")) for kind, pattern in _PATTERNS]
    return tuple((kind, regex, tuple(conditions(regex.pattern))) for kind, regex in compiled)


def figure_patterns() -> FigurePatterns:
    """The patterns (built with the other tables: ``classifiers.tables``; reading their words off
    them was most of this module's import)."""
    return tables().figures

_DUAL = re.compile(r"(?:مقتل|قتل|اصابه) (?:\w+ )?(?:جنديين|عسكريين|اثنين)")
_NO_CASUALTIES = re.compile(r"\bno (?:casualties|injuries|deaths)\b|\bno (?:\w+ ){0,4}(?:were |was )?(?:killed|wounded|injured|hurt)\b|لا اصابات|دون وقوع اصابات|بدون خسائر|aucune victime|تلفاتي نداشت")


@dataclass(frozen=True, slots=True)
class Figures:
    killed: int | None = None
    wounded: int | None = None
    casualties: int | None = None  # "killed and wounded" given as one number
    none_reported: bool = False


_NONE = Figures()


def parse_number(text: str) -> int | None:
    """The conservative integer a number phrase stands for, or None."""
    text = re.sub(_QUAL, "", text).strip()
    text = re.sub(r"^(?:between|entre|بين) ", "", text)
    match = re.match(r"(\d[\d,]*)", text)
    if match:
        try:
            return int(match.group(1).replace(",", ""))
        except ValueError:
            return None
    return _WORDS.get(text.strip())


# every pattern above, and every "no casualties" wording, holds one of these stems: text without
# any of them states no figure (most sentences; the patterns are dear on long text)
_ANY_FIGURE_WORD = re.compile(any_of_words((
    "kill|dead|died|death|fatalit|martyr|slain|wound|injur|hurt|casualt|tbi|mort|tue|tua|faisant|bless|victim|"
    "قتل|قتي|شهد|شهي|جرح|جري|اصاب|اصيب|مصاب|سقوط|بحياه|ضحيته|كشته|هلاك|زخمي|مجروح|خسائر|تلفات").split("|")))


@lru_cache(maxsize=1024)
def extract_figures(normalized: str) -> Figures:
    """Figures stated in already normalised text (first figure of each kind wins). Cached: a
    statement's sentence is read again when the message's statements are resolved."""
    if not _ANY_FIGURE_WORD.search(normalized):
        return _NONE
    killed = wounded = both = None
    for kind, regex, needs in figure_patterns():
        if (kind == "killed" and killed is not None) or (kind == "wounded" and wounded is not None):
            continue
        if kind == "both" and both is not None:
            continue
        if not all(any(word in normalized for word in words) for words in needs):
            continue
        match = regex.search(normalized)
        if not match:
            continue
        value = parse_number(match.group("n"))
        if value is None or value > 100_000:
            continue
        if kind == "killed":
            killed = value
        elif kind == "wounded":
            wounded = value
        else:
            both = value
    if killed is None and _DUAL.search(normalized):
        killed = 2
    if both is not None and (killed == both or wounded == both):
        killed = wounded = None  # "17 killed and wounded" also matched the single patterns
    none = killed is None and both is None and bool(_NO_CASUALTIES.search(normalized))
    if none:
        killed, wounded = 0, wounded or 0
    return Figures(killed, wounded, both, none)
