"""Event dates: explicit dates and relative words resolved against the message date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from classifiers.normalize import normalize
from classifiers.prefilter import word_start

_MONTHS: dict[str, int] = {}
for number, words in enumerate([
    "january jan janvier يناير كانون الثاني ژانويه", "february feb fevrier فبراير شباط فوريه",
    "march mar mars مارس اذار مارس", "april apr avril ابريل نيسان اوريل", "may mai مايو ايار مه",
    "june jun juin يونيو حزيران ژوين", "july jul juillet يوليو تموز ژوييه", "august aug aout اغسطس اب اوت",
    "september sep sept septembre سبتمبر ايلول سپتامبر", "october oct octobre اكتوبر تشرين الاول اكتبر",
    "november nov novembre نوفمبر تشرين الثاني نوامبر", "december dec decembre ديسمبر كانون الاول دسامبر",
], start=1):
    for word in normalize(words).split():
        _MONTHS.setdefault(word, number)

_WEEKDAYS: dict[str, int] = {}
for number, words in enumerate([
    "monday lundi الاثنين دوشنبه", "tuesday mardi الثلاثاء سه شنبه", "wednesday mercredi الاربعاء چهارشنبه",
    "thursday jeudi الخميس پنجشنبه", "friday vendredi الجمعه جمعه", "saturday samedi السبت شنبه",
    "sunday dimanche الاحد يكشنبه",
]):
    for word in normalize(words).split():
        if word not in ("سه",):
            _WEEKDAYS.setdefault(word, number)

_MONTH_RE = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_EXPLICIT = [
    re.compile(r"\b(?P<y>20\d\d)[- ](?P<m>\d\d)[- ](?P<d>\d\d)\b"),
    # a month may be cut short with a full stop, as wire copy writes it: "on Nov. 8", "8 Nov. 2023"
    re.compile(rf"(?<!\w)(?P<d>\d{{1,2}})(?:st|nd|rd|th|er)? (?:of )?(?P<mon>{_MONTH_RE})(?:\.?(?: (?P<y>20\d\d))|(?!\w))"),
    re.compile(rf"(?<!\w)(?P<mon>{_MONTH_RE})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>20\d\d))?(?!\w)"),
]
# whole words, written to open on their letters (``word_start``: these are searched in every sentence
# that makes a statement)
_YESTERDAY = re.compile(word_start("yesterday", "hier", "امس", "البارحه", "ديروز", end=r"(?!\w)"))
_LAST_NIGHT = re.compile(word_start("last night", "overnight", "la nuit derniere", "cette nuit", end=r"(?!\w)",
                                    bare=("الليله الماضيه", "ليله امس", "ديشب")))
_TODAY = re.compile(word_start("today", "this morning", "this evening", "tonight", "aujourdhui", "ce matin",
                               "اليوم", "فجر اليوم", "صباح اليوم", "مساء اليوم", "امروز", end=r"(?!\w)"))
_WEEKDAY_RE = re.compile(rf"(?<!\w)(?:on |le |يوم |روز )?(?P<w>{'|'.join(sorted(map(re.escape, _WEEKDAYS), key=len, reverse=True))})(?!\w)")


# "Iraq said Thursday it had arrested the men who fired rockets ... early Friday": the day named
# after a verb of saying is the day of the saying, not of the event (the event's own day wins)
_SAID = re.compile(r"(?:\b(?:said|says|announced|stated|confirmed|told reporters)|\ba (?:declare|annonce|affirme|indique)) $")
_DIGIT = re.compile(r"\d")
# "after the drone attack on Tuesday", "in response to Tuesday's attack", «ردا على هجوم الثلاثاء», "in
# response to the attack ... yesterday (Saturday)": the day of the attack another one answers, not of the answer
_ATTACK_WORDS = ("attack|attacks|strike|strikes|airstrike|airstrikes|raid|raids|bombing|bombings|shelling|fire|rocket|rockets|"
                 "drone|drones|missile|missiles|assault|ambush|هجوم|الهجوم|هجمات|الهجمات|قصف|القصف|غاره|الغاره|غارات|الغارات")
ANSWERED = re.compile(r"(?:\b(?:in response to|in retaliation for|retaliation for|in revenge for|in reprisal for|to avenge)"
                      r"|(?<!\w)(?:ردا على|ردا علي|ردا عل[يى]))(?: [^\s.;!?]+){0,2} \(?$"
                      rf"|\b(?:after|following|in the wake of|in response to|in retaliation for|retaliation for|in revenge for)"
                      rf"(?: [^\s.;!?]+){{0,5}} (?:{_ATTACK_WORDS})\b(?: [^\s.;!?]+){{0,5}} \(?$")
# "... against US troops, which happened Tuesday", "the bombing, which took place on Jan. 28": the day
# of an event the message names in passing (another event than a statement's that does not name it)
_PASSING = re.compile(r"\b(?:which|that) (?:happened|took place|occurred)(?: [^\s.;!?]+){0,1} $")
OTHER_EVENT = (ANSWERED, _PASSING)

# "since Oct. 17", "the war, which began on Oct. 7": the start of a span, not the event's day
_SINCE = re.compile(r"(?:\bsince|\bdepuis|(?<!\w)منذ|\b(?:began|begun|started|erupted|broke out)(?: on)?) (?:the |le |la )?$")


def resolve_event_date(normalized: str, message_date: datetime | None,
                       other: tuple[re.Pattern[str], ...] = ()) -> date | None:
    """The date an event happened, as stated; None when the text does not say. A date right after
    one of ``other`` is another event's (``ANSWERED``: the attack answered; ``OTHER_EVENT``: that
    one and an event named in passing, "which happened Tuesday"), left out."""
    def own(m: re.Match[str]) -> bool:
        return not any(o.search(normalized, 0, m.start()) for o in other)

    # each explicit date holds a digit (most sentences have none: three searches saved)
    for regex in _EXPLICIT if _DIGIT.search(normalized) else ():
        # "attacks since October 17" starts a span: its date is not the event's
        match = next((m for m in regex.finditer(normalized) if not _SINCE.search(normalized, 0, m.start()) and own(m)), None)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["m"]) if groups.get("m") else _MONTHS.get(groups.get("mon") or "", 0)
        year = int(groups["y"]) if groups.get("y") else (message_date.year if message_date else None)
        if not year or not month:
            continue
        try:
            found = date(year, month, int(groups["d"]))
        except ValueError:
            continue
        if message_date and not groups.get("y") and found > message_date.date() + timedelta(days=1):
            found = found.replace(year=found.year - 1)  # "on 30 December" read on 2 January
        return found
    if message_date is None:
        return None
    day = message_date.date()
    if any(own(m) for m in _LAST_NIGHT.finditer(normalized)):
        return day - timedelta(days=1) if message_date.hour < 14 else day
    if any(own(m) for m in _YESTERDAY.finditer(normalized)):
        return day - timedelta(days=1)
    if any(own(m) for m in _TODAY.finditer(normalized)):
        return day
    days = [m for m in _WEEKDAY_RE.finditer(normalized) if own(m)]
    match = next((m for m in days if not _SAID.search(normalized, 0, m.start())), days[0] if days else None)
    if match:
        back = (day.weekday() - _WEEKDAYS[match.group("w")]) % 7
        return day - timedelta(days=back)
    return None
