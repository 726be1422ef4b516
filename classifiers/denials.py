"""What a denial denies, read from the denial's own words (then its message's): the location,
the figures, the denier's own responsibility, or the event. Whole words only: "inflation" is
not "inflated", "role" is not inside "patrol". Pure: no I/O.
"""

from __future__ import annotations

import re

_LOCATION = re.compile(r"(?<!\w)(?:territor\w*|soil|inside jordan|outside jordan|(?:did not|didnt) (?:occur|happen|take place) (?:in|on|inside)|"
                       r"not (?:in|on) (?:jordan|its)|لم يقع داخل|لم يقع في الاراضي|خارج (?:الاراضي|حدود|اراضي)|"
                       r"sur son (?:sol|territoire)|eu lieu sur son|hors de (?:son|ses)|خاك اردن|داخل خاك)(?!\w)")
_FIGURES = re.compile(r"(?<!\w)(?:exaggerat\w*|inflated|overstated|figures?|tolls?|death toll|casualt\w*|number of|numbers|no damage|"
                      r"direct hit|مبالغ\w*|ارقام|حصيله|اعداد|civilians? (?:deaths|casualties|were killed|killed)|"
                      r"killed (?:any )?civilians|(?:قتلت|قتل|مقتل|سقوط) (?:\w+ )?مدنيين|"
                      r"chiffres?|bilan|exager\w*|(?:la )?mort de|morts|tues|blesses|"
                      r"reports? (?:\w+ ){0,5}?(?:(?:was|were|been|being) (?:killed|wounded|injured)|dead|deaths)|(?:was|were) not (?:killed|injured|wounded)|(?:تقارير|انباء|اخبار|الانباء) (?:عن )?"
                      r"(?:مقتل|اصابه|سقوط قتلي|قتلي|جرحي)|كشته|زخمي|تلفات|اغراق)(?!\w)")
_AIRSTRIKE = re.compile(r"(?<!\w)(?:airstrikes?|air strikes?|air raids?|غاره|غارات|ضربه جويه|ضربات جويه|حمله هوايي|حملات هوايي|"
                        r"frappe aerienne|frappes aeriennes|raid aerien|carried out any|conducted|conduct)(?!\w)")
_EVENT = re.compile(r"(?<!\w)(?:no (?:reports? of (?:an? )?)?(?:attack|explosion|strike)|did not (?:take place|happen|occur)|never happened|"
                    r"no such|rumou?rs?|fabricat\w*|controlled detonation|accident|(?:reports?|claims?) (?:of|about) (?:an? |the )?"
                    r"(?:attack|strike|drone|rocket|clashes|fighting|explosions?)|شايعات|اشاعات|لم ترد انباء|لا صحه لانباء|انباء عن|مزاعم|شايعه|"
                    r"انجام نشده|fausses|informations|تعرض (?:\w+ ){0,3}?(?:لاي|لهجوم|لقصف)|الانباء|الاخبار|سقوط اي|لم تسقط|"
                    r"خبر حمله|كنترل شده|toute attaque|aucune attaque|took place|no attack|came under|مجرد شايعات|"
                    r"(?:media|news|the|all) reports?|reports? that|story|made up|fall|fell|captured|لا صحه لما)(?!\w)")
# the denier's own deed named: "denies the reports to have killed civilians", "any role in"
_OWN_DEED = re.compile(r"(?<!\w)(?:(?:to have|having) (?:killed|attacked|carried out|targeted|struck|shelled|bombed|executed)|"
                       r"any (?:role|involvement|part|hand) in|(?:its|their|our) (?:forces|fighters|members|troops|aircraft|"
                       r"jets|warplanes) (?:were |was |had )?(?:involved|behind|responsible))(?!\w)")
_RESPONSIBILITY = re.compile(r"(?<!\w)(?:involv\w*|role|responsib\w*|connection|behind|carry|carried|took part|دور|علاقه|مسووليه|"
                             r"نقش|دخالت|implication)(?!\w)")


def denial_kind(norm: str, message_norm: str = "") -> str:
    """Location, then figures, then the denier's own strike (responsibility), then the event;
    a short denial ("Those reports are not true.") is read with the rest of its message."""
    for text in (norm, message_norm):
        if not text:
            continue
        if _LOCATION.search(text):
            return "location"
        if _FIGURES.search(text):
            return "figures"
        if _AIRSTRIKE.search(text) or _OWN_DEED.search(text):
            return "responsibility"
        if _EVENT.search(text):
            return "event"
        if _RESPONSIBILITY.search(text):
            return "responsibility"
    return "responsibility"
