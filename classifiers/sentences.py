"""Stage 1: a message cut into sentences, each prepared once (normal forms, tokens, gazetteer
mentions), with the parts that are not the story removed first: a news dateline ("BEIRUT
(Reuters) —"), a photo caption, a channel's "IDF:" prefix. Pure: no I/O.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Hashable
from itertools import accumulate
from typing import Any

from classifiers.gazetteer import PARTICLES, Gazetteer, Mention
from classifiers.names import as_written
from classifiers.normalize import normalize_cased, tokens
from classifiers.tables import tables


class Written:
    """The original spelling of a mention, found only when a statement or alias needs it (a
    regex search per mention is too dear to pay for every word of every message)."""

    def __init__(self, original: str, cased: list[str]) -> None:
        self._original, self._cased = original, cased
        self._found: dict[tuple[int, int], str] = {}
        # where each mention's spelling is in the sentence (places.py asks several times a mention)
        self.located: dict[tuple[int, int], tuple[str, int]] = {}

    def get(self, span: tuple[int, int], default: str) -> str:
        if span not in self._found:
            self._found[span] = as_written(" ".join(self._cased[span[0]:span[1]]), self._original)
        return self._found.get(span, default)

    def __contains__(self, span: tuple[int, int]) -> bool:
        return 0 <= span[0] < span[1] <= len(self._cased)

    def __getitem__(self, span: tuple[int, int]) -> str:
        return self.get(span, "")


class Sentence:
    """A sentence prepared once: its normal forms, tokens and gazetteer mentions."""

    __slots__ = ("_starts", "cased", "cased_norm", "derived", "headline", "mentions", "norm", "norm_punct", "original",
                 "toks", "written")

    def __init__(self, original: str, norm: str, norm_punct: str, cased_norm: str, toks: list[str],
                 mentions: list[Mention], written: Written, cased: list[str] | None = None) -> None:
        self.original = original
        self.norm = norm  # lower-case tokens joined by single spaces
        self.norm_punct = norm_punct  # normalised with punctuation, for figures
        self.cased_norm = cased_norm
        self.toks = toks
        self.cased = cased if cased is not None else toks
        self.mentions = mentions
        self.written = written
        self.headline = False  # the title of a feed item (set by the caller)
        self._starts: list[int] | None = None
        # what the later stages derive from the sentence alone and ask for again and again (its
        # parties, the names it marks as places): kept here on first use, gone with the sentence
        self.derived: dict[Hashable, Any] = {}

    @property
    def starts(self) -> list[int]:
        """The offset in ``norm`` of every token (only sentences with a cue need them)."""
        if self._starts is None:
            toks = self.toks
            self._starts = list(accumulate((len(t) + 1 for t in toks[:-1]), initial=0)) if toks else []
        return self._starts

    @property
    def gaps(self) -> list[str]:
        """What stands between the words (runs of ``\\w``) of ``norm_punct``: ``gaps[i]`` before word
        ``i``, the last one after the last word. Several stages look for a comma or a colon before a
        word: the text is split once, in C (a match object per word cost several times more)."""
        found: list[str] | None = self.derived.get("gaps")
        if found is None:
            found = self.derived["gaps"] = _WORD.split(self.norm_punct)
        return found

    @property
    def punct_aligned(self) -> bool:
        """Whether the words of ``norm_punct`` are the sentence's tokens one for one, so that ``gaps[i]``
        stands before token ``i`` (``\\w`` also holds "_" and other scripts' letters, the tokens do not)."""
        return len(self.gaps) - 1 == len(self.toks)

    def gap(self, i: int) -> str | None:
        """The characters between token ``i - 1`` and token ``i``; None at the edges, or when the
        punctuated text does not split into the sentence's tokens (``punct_aligned``)."""
        if i <= 0 or i >= len(self.toks) or not self.punct_aligned:
            return None
        return self.gaps[i]

    def token_at(self, offset: int) -> int:
        """The index of the token that holds character ``offset`` of ``norm``."""
        return max(bisect_right(self.starts, offset) - 1, 0)


_WORD = re.compile(r"\w+")


# "Rep. Jim Jordan", "Sen. Chad Foster", "Mr Jordan": a person's name that is also a country's
_PERSON_TITLES = frozenset({"rep", "sen", "senator", "representative", "congressman", "congresswoman", "governor",
                            "mr", "mrs", "ms", "dr", "lawmaker"})


def _surname(toks: list[str], cased: list[str], mentions: list[Mention], m: Mention, lines: frozenset[int]) -> bool:
    """A one-word name right after a person's title, or after a title and a capitalised first name (on
    one line: not a headline's "... – governor" and the body's "Ukraine has ...", at ``lines``' starts)."""
    i = m.start
    if m.end != i + 1 or i == 0 or i in lines or (i - 1 in lines and i >= 2 and toks[i - 2] in _PERSON_TITLES):
        return False
    if toks[i - 1] in _PERSON_TITLES:
        return True
    return i >= 2 and toks[i - 2] in _PERSON_TITLES and cased[i - 1][:1].isupper() and not any(
        o.start <= i - 1 < o.end for o in mentions)


# capitalised words that may stand before a particle without being a name's first word ("Near al-Qaim")
_NOT_NAME = frozenset("in near at inside outside around across into towards toward the a an on of from to by for and "
                      "or with strike strikes attack attacks raid raids drone drones rocket rockets base town city "
                      "village district province area".split())


def _name_tail(gz: Gazetteer, toks: list[str], cased: list[str], cased_norm: str, m: Mention,
               mentions: list[Mention]) -> bool:
    """A GeoNames town matched on the last word of a longer name the gazetteer lacks: "Shaab" in
    "Aita al-Shaab" (a Lebanese border village, not the Galilee town Sha'ab), "Numan" in "Maarat
    al-Numan". A capitalised word and a particle written before it, with nothing between them (not
    "Mount Makour - #AlHawija": the hashtag opens the name), and the word no name of its own (not
    "rockets from Lebanon at Kiryat Shmona": "at" is the English preposition after a place)."""
    i = m.start
    return (m.kind == "place" and i >= 2 and toks[i - 1] in PARTICLES and cased[i - 2][:1].isupper()
            and toks[i - 2] not in _NOT_NAME and gz.generated(m.id)
            and f"{cased[i - 2]} {cased[i - 1]} {cased[i]}" in cased_norm
            and not any(o.end == i - 1 for o in mentions))


def _line_starts(text: str) -> frozenset[int]:
    """The tokens that open a line of a text read whole (the title and the body of a news item)."""
    starts, at = set(), 0
    for line in text.split("\n"):
        starts.add(at)
        at += len(tokens(normalize_cased(line)))
    return frozenset(starts)


def prepare(gz: Gazetteer, text: str) -> Sentence:
    cased_norm = normalize_cased(text)
    cased = tokens(cased_norm)
    # the tokens lower-cased as one string (tokens hold no space; the lower case of each of their
    # letters depends on no neighbour), which is also the sentence's ``norm``
    norm = " ".join(cased).lower()
    toks = norm.split(" ") if cased else []
    # «frappe à Bagdad»: the place, not the government (the French auxiliary «a» never stands before a name)
    mentions = gz.scan(toks, cased, grave_a="à" in text or "À" in text or "\u0300" in text)
    if not _PERSON_TITLES.isdisjoint(toks):  # one set test in C: every sentence of every message passes here
        lines = _line_starts(text) if "\n" in text else frozenset()
        mentions = [m for m in mentions if not _surname(toks, cased, mentions, m, lines)]
    if not PARTICLES.isdisjoint(toks):
        mentions = [m for m in mentions if not _name_tail(gz, toks, cased, cased_norm, m, mentions)]
    written = Written(text, cased)
    return Sentence(text, norm, cased_norm.lower(), cased_norm, toks, mentions, written, cased)


_ABBREVIATIONS = {"col", "gen", "maj", "lt", "brig", "capt", "cpt", "sgt", "dr", "mr", "mrs", "ms", "st", "no", "vs",
                  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
                  "gov", "sen", "rep", "adm", "cmdr", "mt"}
# a sentence ends at . ! ? ; (Latin or Arabic) before a capital, a digit-free word or Arabic, or at a
# newline; an ellipsis ("...", "…") is a pause inside a sentence, not its end
_SENTENCE = re.compile(r"(?<=[.!?؟;؛])(?<![.…]\.)\s+(?=[^\s\da-z])|[\n\t]+|(?<=[.!?؟])(?<![.…]\.)(?=[\u0600-\u06ff])"
                       r"|(?<=[a-z0-9)”\"’])\.(?=[A-Z][a-z])"
                       # paragraphs run together by a feed: a run of spaces or tabs before a capital
                       r"|[ \t]{3,}(?=[A-Z\u0600-\u06ff])")
# the same ends in a text without Arabic letters (the third, before an Arabic letter, cannot occur
# there), each written to open on the space or full stop it reads first: the pattern then opens on
# that set of characters and the regex engine skips to them, where one opening on a lookbehind is
# tried at every position (2-3 times faster, the same splits)
_SENTENCE_LATIN = re.compile(r"[\s.](?:(?<=[.!?؟;؛]\s)(?<![.…]\.\s)\s*(?=[^\s\da-z])|(?<=[\n\t])[\n\t]*"
                             r"|(?<=[a-z0-9)”\"’]\.)(?=[A-Z][a-z])|(?<=[ \t])[ \t]{2,}(?=[A-Z\u0600-\u06ff]))")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")


def split_sentences(text: str) -> list[str]:
    """Sentences, not split after titles and abbreviations ("Col. Joel Harper", "Jan. 28"), nor at
    an ellipsis; "...strike.The IDF" (a feed that lost its spaces) is two sentences."""
    arabic = not text.isascii() and _ARABIC_LETTER.search(text) is not None
    parts = [p for p in (_SENTENCE if arabic else _SENTENCE_LATIN).split(text) if p and p.strip()]
    out: list[str] = []
    for part in parts:
        part = part.strip()
        if out:
            last = out[-1].rsplit(None, 1)[-1].rstrip(".").lower() if out[-1].endswith(".") else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                out[-1] = f"{out[-1]} {part}"
                continue
        out.append(part)
    return out


# "BEIRUT (Reuters) -", "WASHINGTON:", "GAZA CITY, Nov 3 (AP) —", "Jerusalem, 5 Nov (AFP) -"
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’\- ]{2,30}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}| ?, \d{1,2} [A-Z][a-z]+)?"
    r"(?: ?\((?:Reuters|AP|AFP|UPI|Anadolu|dpa|IANS|ANI|Xinhua|TASS|WAFA|SANA|IRNA|AA)\))? ?[:—–-]+ +(?=\S)")
_CAPS_DATELINE = re.compile(r"^[A-Z][A-Z.'’\- ]{2,30}$")
# «بيروت ( رويترز ) -», «دمشق - سانا :», «بغداد / الأناضول -», «عمان ( أ ف ب ) -»: a city and an agency;
# «موسكو -» at the very start: a capital alone before a dash (not «المرصد السوري :», a speaker's head)
_AR_AGENCY = (r"(?:سانا|رويترز|أ ?ف ?ب|ا ?ف ?ب|فرانس برس|فرانس ?بريس|الأناضول|الاناضول|د ?ب ?أ|كونا|وام|واس|إرنا|ارنا|تاس|"
              r"سبوتنيك|شينخوا|وفا|قنا|بترا|أ ?ش ?أ|يو ?بي ?آي|الجزيرة|خاص|وكالات|متابعات|[\u0621-\u064a]+ ?نت)")
_AR_DATELINE = re.compile(
    r"^\s*(?:[\u0621-\u064a]+(?: [\u0621-\u064a]+)?)\s*(?:\(\s*" + _AR_AGENCY + r"\s*\)|[-–—/]\s*" + _AR_AGENCY
    + r")\s*[:—–-]+\s+(?=\S)"
    r"|^\s*(?:دمشق|بيروت|بغداد|موسكو|أنقرة|انقرة|القاهرة|عمان|طهران|الرياض|واشنطن|القدس|غزة|حلب|الموصل|إسطنبول|اسطنبول|"
    r"جنيف|الدوحة|أبوظبي|ابوظبي|صنعاء|عدن|كابول|طرابلس|بنغازي|نيويورك|باريس|لندن|برلين|إدلب|ادلب|الرقة|حمص|أربيل|اربيل|"
    r"دير الزور|درعا|الحسكة|القامشلي|كركوك|البصرة|الفلوجة|الرمادي|تكريت)\s+[-–—]\s+(?=\S)")
# a time stamp glued to the start of a channel post ("14:02Dozens of operations") and "IDF:"
# (as (?<![\d:])\d{1,2}:... written to open on a digit, so the regex engine skips to the digits)
_STAMP = re.compile(r"\d(?<![\d:]\d)\d?:\d{2}(?=[A-Z\"“(])")
# a channel post's link line glued to the end of its headline ("... struck by the IDFMore details", "... in the
# northern GazaFull press release"): a sentence of its own, or the headline's last word is lost in it
_GLUED_LINK = re.compile(r"(?<=\S)(?:More [Dd]etails|Full [Pp]ress [Rr]elease|Read [Mm]ore)(?![a-z])")
# a feed's footer repeats the headline or says nothing: "The post <title> appeared first on <site>.",
# "Read Full Article at RT.com", "Continue reading..."
_FEED_TAIL = re.compile(r"\s*(?:The post (?:(?!The post ).){2,300}? appeared first on [^.\n]{1,60}\.?|"
                        r"Read Full Article at [\w.]{2,40}|Continue reading(?:\.\.\.|…)?)\s*$")
# a photo credit closing a caption: "... on Oct. 12, 2023. (Jane Doe/AFP via Getty Images)", "(AP Photo/John Roe)"
_CREDIT = re.compile(r"(?<=[.!?”\"’]) ?\((?=[^\n)]{0,120}\))(?=[^\n)]{0,60}(?:/|\bvia\b|Getty Images|AP Photo))[^\n)]{2,120}\)")


def strip_dateline(text: str) -> str:
    """A news dateline names where the reporter is, not where the event was: it is dropped."""
    # a Latin dateline opens on a capital after the spaces (``str.isspace`` is what ``\s``
    # matches): a line that does not needs no regex for it (most lines of most messages)
    first = text.lstrip()[:1]
    m = _DATELINE.match(text) if "A" <= first <= "Z" else None
    if m is None:
        ar = _AR_DATELINE.match(text) if "\u0600" <= first <= "\u06ff" else None
        return text[ar.end():] if ar is not None else text
    head = m.group(0).strip(" :—–-")
    city = re.sub(r" ?\(.*\)|,.*", "", head).strip()
    # "WASHINGTON:" and "BEIRUT (Reuters) —" are datelines; "Hezbollah: ...", "SOHR: ...", "CENTCOM: ..." speak
    if (_CAPS_DATELINE.match(city) and city not in tables().acronyms) or "(" in head:
        return text[m.end():]
    return text


def strip_captions(text: str) -> str:
    """A photo caption names where and when a picture was taken ("Lloyd Austin at a press
    conference in Brussels on Oct. 12, 2023. (Jane Doe/AFP via Getty Images)"), not the event: a
    line's text up to a photo credit is dropped. Feeds that carry only the lead picture's caption
    as the item's description are left with their headline."""
    out = []
    for line in text.split("\n"):
        credits = list(_CREDIT.finditer(line))
        m = credits[-1] if credits else None
        out.append(line[m.end():].lstrip() if m is not None else line)
    return "\n".join(out)


def clean_body(text: str) -> str:
    """The text without dateline, glued time stamps and photo captions. A feed item's body
    follows its title on a new line: its dateline opens that line, not the text."""
    if "(" in text and ("/" in text or "Getty" in text or "via" in text or "AP Photo" in text):
        text = strip_captions(text)
    if "&" in text and ";" in text:
        # "killed &amp; wounded" as tweets and feeds escape it: the entity's ";" is no sentence end
        text = html.unescape(text)
    text = "\n".join(strip_dateline(line) for line in text.split("\n")) if "\n" in text else strip_dateline(text)
    if ":" in text:
        text = _STAMP.sub("\n", text)
    if "More" in text or "Full" in text or "Read" in text:
        text = _GLUED_LINK.sub(lambda m: "\n" + m.group(0), text)
    if "تنظيم الدولة" in text:
        text = _unglue_is(text)
    if "appeared first on" in text or "Read Full Article" in text or "Continue reading" in text:
        text = _FEED_TAIL.sub("", text)
    return text


# «أعلنتنظيم الدولة الإسلاميةعن»: pages that linked the name lose the spaces around it when the links
# are stripped; a glued word before it is more than a proclitic («و», «ل», «فل»)
_IS_GLUED = re.compile(r"(?P<before>[\u0621-\u064a]+)(?=تنظيم الدولة ال[إاأ]سلامية)|(?<=تنظيم الدولة الإسلامية)(?=[\u0621-\u064a])"
                       r"|(?<=تنظيم الدولة الاسلامية)(?=[\u0621-\u064a])")
_PROCLITICS = re.compile(r"[وف]?[بلك]?|[وف]")


def _unglue_is(text: str) -> str:
    def space(m: re.Match[str]) -> str:
        before = m.group("before")
        if before is None:
            return " "
        return before if _PROCLITICS.fullmatch(before) else before + " "
    return _IS_GLUED.sub(space, text)
