"""What a denial denies, read from the denial's own words (then its message's): the location,
the figures, the denier's own responsibility, or the event; and whether the denied thing is an
attack at all (a denial of a base under a hospital or of a ceasefire deal is no denial of an
attack). Whole words only: "inflation" is not "inflated", "role" is not inside "patrol".
Word lists: ``data/denials.toml`` (with the older patterns below). Pure: no I/O after loading.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from classifiers.gazetteer import Mention
from classifiers.normalize import normalize
from classifiers.sentences import Sentence
from classifiers.tables import tables
from classifiers.types import ActorRef


@dataclass(frozen=True, slots=True)
class DenialWords:
    """The lists of ``data/denials.toml``, every language merged into one pattern each."""

    attack: re.Pattern[str]
    attack_not_fa: re.Pattern[str]  # (the Persian words read only in Persian: «حمله» is «حملة», a campaign, in Arabic)
    not_attack: re.Pattern[str]
    blame: re.Pattern[str]
    event: re.Pattern[str]
    figures: re.Pattern[str]
    location: re.Pattern[str]
    occurred: re.Pattern[str]
    weapons: re.Pattern[str]
    own_deed: re.Pattern[str]
    people_hurt: re.Pattern[str]
    reports: re.Pattern[str]
    doer_links: re.Pattern[str]


def _pattern(words: list[str], article: bool = False) -> re.Pattern[str]:
    latin: list[str] = []
    other: list[str] = []
    for w in sorted(set(words), key=len, reverse=True):
        body = re.escape(normalize(w.rstrip("*"))).replace(r"\ ", " ")
        if body:
            (latin if body.isascii() else other).append(body + (r"\w*" if w.endswith("*") else ""))
    parts = []
    if latin:
        parts.append(rf"(?<!\w)(?:{'|'.join(latin)})(?!\w)")
    if other:
        # the clitics before («وبالقصف»); the Arabic article too, not the Persian words («الحملة» is
        # a campaign, not «حمله», an attack)
        prefix = r"(?:و|ف|ب|ل)?(?:ال)?" if article else r"(?:و|ف|ب|ل)?"
        parts.append(rf"(?<!\w){prefix}(?:{'|'.join(other)})(?!\w)")
        # an Arabic noun in ة takes a pronoun as ت: «زيارة» → «لزيارتها», «غارة» → «غارتهم»
        bound = [o[:-1] + "ت" for o in other if article and o.endswith("ه") and len(o) >= 4]
        if bound:
            parts.append(rf"(?<!\w)(?:و|ف|ب|ل)?(?:{'|'.join(bound)})(?:ها|ه|هم|نا|ي)(?!\w)")
    return re.compile("|".join(parts) or "(?!)")


def _people_hurt(section: dict[str, list[str]]) -> re.Pattern[str]:
    """People hurt in the denied words: "no US troops killed", "any of its members were killed",
    "reports of two soldiers killed" (``[people]`` of the data file)."""
    def alt(key: str) -> str:
        return "|".join(re.escape(normalize(w)).replace("\\ ", " ") for w in section.get(key, [])) or "(?!)"

    people, counts, hurt = alt("people"), alt("counts"), alt("hurt")
    aux = r"(?: (?:were|was|had been|have been|has been))?"
    return re.compile(rf"(?<!\w)(?:no (?:\w+ ){{0,2}}?(?:{people}|one|casualties){aux} (?:{hurt})|"
                      rf"(?:{people}) (?:\w+ )?(?:were|was|had been|have been|has been) (?:{hurt})|"
                      rf"(?:\d+|{counts}) (?:\w+ ){{0,2}}?(?:{people}){aux} (?:{hurt}|dead))(?!\w)")


def _own_deed(attack: list[str], forces: list[str]) -> re.Pattern[str]:
    """«قصف طائراتها», «غارات قواته»: an attack word, then the denier's own forces with its pronoun
    (not «هجوم على قواتها», an attack on them)."""
    deeds = sorted({normalize(w.rstrip("*")) for w in attack if not w.isascii() and " " not in w}, key=len, reverse=True)
    names = sorted({normalize(w) for w in forces if not w.isascii()}, key=len, reverse=True)
    if not deeds or not names:
        return re.compile("(?!)")
    return re.compile(rf"(?<!\w)(?:و|ف|ب|ل)?(?:ال)?(?:{'|'.join(map(re.escape, deeds))}) "
                      rf"(?:{'|'.join(map(re.escape, names))})(?!\w)")


def denial_words() -> DenialWords:
    """The denials' words (built once per process with the other tables: ``classifiers.tables``)."""
    return tables().denials


def build_denial_words() -> DenialWords:
    raw = tomllib.loads(resources.files("classifiers").joinpath("data").joinpath("denials.toml").read_text("utf-8"))

    def merged(key: str, skip: str = "") -> re.Pattern[str]:
        section = raw.get(key, {})
        parts = [_pattern(words, article=lang == "ar").pattern for lang, words in section.items() if lang != skip]
        return re.compile("|".join(p for p in parts if p != "(?!)") or "(?!)")

    return DenialWords(attack=merged("attack"), attack_not_fa=merged("attack", skip="fa"),
                       not_attack=merged("not_attack"), blame=merged("blame"),
                       event=merged("event"), figures=merged("figures"), location=merged("location"),
                       occurred=merged("occurred"), weapons=merged("weapons"),
                       people_hurt=_people_hurt(raw.get("people", {})),
                       own_deed=_own_deed([w for ws in raw["attack"].values() for w in ws],
                                          [w for ws in raw.get("own_forces", {}).values() for w in ws]),
                       reports=merged("reports"),
                       doer_links=merged("doer_links"))


# letters and words Persian has and Arabic has not (after normalisation, which merges ی and ک with
# their Arabic forms; not «اين», Arabic «أين» too)
_PERSIAN = re.compile(r"[پچژگ]|(?<!\w)(?:را|است|شد|شده|كرد|كردند|مي|هاي|نيست|بود|كه|از)(?!\w)")


def persian(norm: str) -> bool:
    """Whether normalised text reads as Persian rather than Arabic."""
    return _PERSIAN.search(norm) is not None


def about_attack(window: str) -> bool | None:
    """Whether the denied words (the denial and what follows it) name an attack (True), name
    something else first ("it has a military base beneath the hospital", «الهدنة»: False), or
    say neither ("X denied the reports": None, read with the rest of the message)."""
    w = denial_words()
    attack = (w.attack if persian(window) else w.attack_not_fa).search(window)
    other = w.not_attack.search(window)
    # ("rescue operations", «عمليات الانقاذ»: the longer words that name no attack win where both start)
    if other is not None and (attack is None or other.start() <= attack.start()):
        return False
    return True if attack is not None else None


_LOCATION = re.compile(r"(?<!\w)(?:(?:its|our|their|the kingdoms|jordans|\w+(?:ian|i|ish|ese)) (?:own )?(?:territor\w*|soil)|"
                       # «نفت أن يكون الهجوم قد وقع في أراضيها»: the place denied (not «لم تسقط أي مسيرة داخل
                       # أراضي المملكة», the event)
                       r"(?:وقع|حدث|جري|يقع|تقع|وقعت|حصل)(?: \w+){0,2}? (?:في|داخل|علي) (?:ال)?اراضي\w*|inside jordan|outside jordan|(?:did not|didnt) (?:occur|happen|take place) (?:in|on|inside)|"
                       r"not (?:in|on) (?:jordan|its)|لم يقع داخل|لم يقع في الاراضي|خارج (?:الاراضي|حدود|اراضي)|"
                       r"sur son (?:sol|territoire)|eu lieu sur son|hors de (?:son|ses)|خاك اردن|داخل خاك)(?!\w)")
_FIGURES = re.compile(r"(?<!\w)(?:exaggerat\w*|inflated|overstated|figures?|tolls?|death toll|death of|"
                      r"(?:reports?|news|rumou?rs?|claims?) (?:of |about |on )?(?:\w+ ){0,3}?(?:death|killing)|"
                      r"casualt\w*|number of|numbers|no damage|"
                      r"direct hit|مبالغ\w*|ارقام|حصيله|اعداد|civilians? (?:deaths|casualties|were killed|killed)|"
                      r"killed (?:any )?civilians|(?:قتلت|قتل|مقتل|سقوط) (?:\w+ )?مدنيين|"
                      r"chiffres?|bilan|exager\w*|(?:la )?mort de|morts|tues|blesses|"
                      r"(?:reports?|claims?|allegations?|deny|denies|denied|denying) (?:that )?(?:\w+ ){0,5}?(?:(?:was|were|been|being) (?:killed|wounded|injured)|dead|deaths)|(?:was|were) not (?:killed|injured|wounded)|"
                      # the denier's own people killed, in the active voice ("reports that the strikes killed
                      # dozens of its fighters"; not "reports that it killed civilians", its own deed)
                      r"(?:killed|wounded|injured) (?:\w+ ){0,3}?(?:its|their|our) (?:\w+ )?(?:fighters|soldiers|troops|members|men|personnel|commanders?|officers|leaders?|advisers|advisors|crew|sailors)|(?:تقارير|انباء|اخبار|الانباء) (?:عن )?"
                      r"(?:مقتل|اصابه|سقوط قتلي|قتلي|جرحي)|كشته|زخمي|تلفات|اغراق|"
                      # a death denied ("the news about X killed are false", «نفى التنظيم مقتل قائده»), not
                      # a part in one («نفى مسؤوليته عن مقتل»)
                      r"(?:news|reports?|rumou?rs?|claims?) (?:about|of|that) (?:\w+ ){1,3}?(?:(?:was|were|had been|has been) )?"
                      r"(?:killed|dead)(?= (?:are|is|was|were|in|by)(?!\w)| ?$)|"
                      r"(?:و|ف)?(?:نفي|نفت|ينفي|تنفي|نفوا|ينفون|نفيه|نفيها)(?: (?!عن|مسووليت?\w*|علاقت?\w*|ضلوع\w*|تورط\w*|دور\w*)\w+){0,5}? "
                      r"(?:مقتل|استشهاد|سقوط قتلي|سقوط ضحايا))(?!\w)")
_AIRSTRIKE = re.compile(r"(?<!\w)(?:airstrikes?|air strikes?|air raids?|غاره|غارات|ضربه جويه|ضربات جويه|حمله هوايي|حملات هوايي|"
                        r"frappe aerienne|frappes aeriennes|raid aerien|carried out any|conducted|conduct)(?!\w)")
_EVENT = re.compile(r"(?<!\w)(?:no (?:reports? of (?:an? )?)?(?:attack|explosion|strike)|did not (?:take place|happen|occur)|never happened|"
                    r"no such|rumou?rs?|fabricat\w*|controlled detonation|accident|(?:reports?|claims?) (?:of|about) (?:an? |the )?"
                    r"(?:attack|strike|drone|rocket|clashes|fighting|explosions?|massacre|bombing|raid|shelling|ambush|airstrike)|شايعات|اشاعات|لم ترد انباء|لا صحه لانباء|انباء عن|مزاعم|شايعه|"
                    r"انجام نشده|fausses|informations|تعرض (?:\w+ ){0,3}?(?:لاي|لهجوم|لقصف)|الانباء|الاخبار|سقوط اي|لم تسقط|"
                    r"خبر حمله|كنترل شده|toute attaque|aucune attaque|took place|no attack|came under|مجرد شايعات|"
                    r"(?:media|news|the|all) reports?|reports? that|story|made up|fall|fell|captured|seiz\w*|took over|taken over|"
                    r"(?:rockets?|missiles?|drones?|mortars?|shells?|projectiles?) (?:had )?(?:hit|struck|landed)|"
                    r"now controls?|(?:took|taken|seized|gained) control|"
                    # what was published or said, read after the blame words («كل ما نشر عار من الصحة» after
                    # «الحديث عن اشتباكات»; not «نفى ما نشر عن تورطه»)
                    r"لا صحه لما|ما نشر|ما ينشر|ما نشرته|ما تم نشره|ما يتم نشره|الحديث عن)(?!\w)")
# the denier's own deed named: "denies the reports to have killed civilians", "any role in"
_OWN_DEED = re.compile(r"(?<!\w)(?:(?:to have|having) (?:killed|attacked|carried out|targeted|struck|shelled|bombed|executed)|"
                       r"(?:denied|denies|deny|denying) (?:firing|launching|striking|targeting|attacking|shelling|bombing|"
                       r"carrying out|conducting|killing|sending|dispatching)|"
                       r"any (?:role|involvement|part|hand) in|(?:its|their|our) (?:forces|fighters|members|troops|aircraft|"
                       r"jets|warplanes) (?:were |was |had )?(?:involved|behind|responsible)|"
                       # «مزاعم بأنها تقف وراء الهجوم», «أنباء عن أنه قصف», «قيامها بقصف»: the denier's own role or deed
                       r"(?:ب|و)?(?:انه|انها|انهم|اننا) (?:\w+ )?(?:يقف|تقف|يقفون|نقف|كان|كانت|كانوا) ?(?:وراء|خلف)|"
                       r"(?:ب|و)?(?:انه|انها|انهم|اننا) (?:قد )?(?:نفذ|نفذت|نفذوا|شن|شنت|شنوا|قصف|قصفت|قصفوا|استهدف|استهدفت|"
                       r"استهدفوا|اطلق|اطلقت|اطلقوا|هاجم|هاجمت|هاجموا)|(?:ب)?(?:قيامه|قيامها|قيامهم|قيامنا) (?:ب\w+))(?!\w)")
_RESPONSIBILITY = re.compile(r"(?<!\w)(?:involv\w*|role|responsib\w*|connection|behind|carry|carried|took part|دور|علاقه|مسووليه|"
                             r"نقش|دخالت|implication)(?!\w)")


def denial_kind(norm: str, message_norm: str = "") -> str:
    """Location, then figures, then the denier's own strike (responsibility), then the event
    called unreal ("never happened", "still under our control"), then a blame rejected ("the
    allegations", «الاتهامات»: responsibility), then the event; a short denial ("Those reports are
    not true.") is read with the rest of its message."""
    w = denial_words()
    for text in (norm, message_norm):
        if not text:
            continue
        if _LOCATION.search(text) or w.location.search(text):
            return "location"
        if _FIGURES.search(text) or w.figures.search(text) or w.people_hurt.search(text):
            return "figures"
        if _AIRSTRIKE.search(text) or _OWN_DEED.search(text):
            return "responsibility"
        if w.event.search(text):
            return "event"
        if w.blame.search(text):
            return "responsibility"
        if _EVENT.search(text) or w.occurred.search(text):
            return "event"
        if _RESPONSIBILITY.search(text):
            return "responsibility"
    return "responsibility"


@dataclass(frozen=True, slots=True)
class Denied:
    """The parties in the words a denial denies."""

    doer: ActorRef | None  # the doer of the deed: "by X", "X was behind", "Russian strikes", "X captured"
    accuser: ActorRef | None  # the party whose report is denied: "the Pentagon claim", "allegations by X"
    own: bool  # the deed is the denier's own: "reports that it had attacked", "that its fighters fired"
    role: bool  # the doer is named with a role: "any Iranian involvement", "Hezbollah was behind"


_OWN_DEED_PRONOUN = re.compile(r"(?<!\w)(?:that |as )?(it|they|we|(?:its|their|our) \w+|the (?:group|militia|movement|rebels|militants))(?: (?:had|has|have|would have))? "
                               r"(\w+(?: out| down)?)")
# "Israel refutes Hamas claim it bombed the hospital": a claimant does not claim to have hit a
# hospital; "it" is the denier whose strike the claimant reports (not "Hezbollah's claim that it
# struck a tank", the claimant's own deed)
_SPARED = frozenset({"hospital", "hospitals", "school", "schools", "mosque", "mosques", "church", "churches", "market",
                     "civilians", "civilian", "refugee", "refugees", "camp", "shelter", "convoy", "journalists",
                     "children", "ambulance", "ambulances", "bakery", "clinic"})
_NOT_QUALIFIER = frozenset({"by", "that", "which", "who", "and", "or", "of", "to", "on", "in", "at", "for", "from", "with",
                            "was", "were", "is", "are", "the", "a", "an"})
_PASSIVE = re.compile(r"(?<!\w)(?:was|were|been|being|is|are)(?!\w)")
# «نفى الجيش أنه استهدف المستشفى», «نفى الحزب أن يكون قد شن أي هجوم»: the denier's own deed, the verb right
# after the pronoun or «أن يكون (قد)» with no other subject between
_AR_OWN_DEED = re.compile(r"(?<!\w)(?:ب|و)?(?:انه|انها|انهم|اننا|ان (?:يكون|تكون|يكونوا|نكون))(?: قد)? "
                          r"(?:نفذ|نفذت|نفذوا|شن|شنت|شنوا|قصف|قصفت|قصفوا|استهدف|استهدفت|استهدفوا|اطلق|اطلقت|"
                          r"اطلقوا|هاجم|هاجمت|هاجموا|اسقط|اسقطت|اسقطوا|ضرب|ضربت|ضربوا|دمر|دمرت|دمروا|اغتال|اغتالت|"
                          r"اغتالوا|فجر|فجرت|فجروا|اقتحم|اقتحمت|اقتحموا)(?!\w)")
# a party after these is where an attack went («أي هجوم على إسرائيل»), not its doer
_AR_TARGET_PREPS = frozenset({"علي", "ضد", "الي", "نحو", "باتجاه", "تجاه", "داخل"})


def says_responsibility(norm: str) -> bool:
    """Whether a denial's words name a role or a deed of the denier's ("any involvement", "did not
    conduct", "the accusations"), not only a report ("the claim that a warship was struck")."""
    return bool(_AIRSTRIKE.search(norm) or _OWN_DEED.search(norm) or _RESPONSIBILITY.search(norm)
                or denial_words().blame.search(norm))


def denied_span(n: int, cue_start: int, cue_end: int, toks: list[str] | None = None) -> tuple[int, int]:
    """The tokens a denial denies: the words after it, or the words before a short denial that
    ends its sentence ("... that Sahwat captured Tanf - Amaq denies", «... عارية عن الصحة») or
    that opens with «ce que» («L'EI affirme avoir tué 50 soldats, ce que dément l'armée»)."""
    if (cue_end >= n - 1 and cue_end - cue_start <= 5 and cue_start > 0) or (
            toks is not None and cue_start > 0 and toks[cue_start] == "ce"):
        return max(cue_start - 25, 0), cue_start
    return cue_start + 1, min(n, cue_end + 20)


def denied_parties(s: Sentence, cue_start: int, cue_end: int, ok: list[tuple[Mention, ActorRef]],
                   demonyms: list[tuple[int, ActorRef]], french: bool = False) -> Denied:
    """Who the words a denial denies name (``Denied``). The deed follows the denial ("X denied reports Y captured Z"), or comes before a
    denial that ends its sentence ("... that Y captured Z - X denies"). Firm: "by Y", "Y was
    behind", an adjective or noun of Y on the deed itself ("any Iranian involvement", «ضربات روسية»),
    where a loose doer is only a party with an attack word soon after it."""
    words = denial_words()
    toks = s.toks
    lo, hi = denied_span(len(toks), cue_start, cue_end, toks)
    inverted = french and toks[cue_start:cue_start + 1] == ["ce"]
    reports = words.reports
    latin = s.norm.isascii()
    doer: ActorRef | None = None
    firm = role = False
    accuser: ActorRef | None = None
    every = [(m.start, m.end, r) for m, r in ok] + [(i, i + 1, r) for i, r in demonyms]
    placed = {m.start for m, r in ok if not latin and r.kind == "state" and (
        toks[m.start] == "ب" + normalize(m.alias).split(" ")[0] or toks[m.start - 1:m.start] == ["في"])}
    found = sorted([x for x in every if lo <= x[0] < hi], key=lambda x: x[0])
    if cue_start < len(toks) and reports.fullmatch(toks[cue_start]):
        # "Israeli report of an attack on the post a lie": the party just before the report denied
        accuser = next((r for start, end, r in every if end == cue_start), None)
    for start, end, ref in found:
        if start == cue_end and toks[cue_end - 1] == "by":
            continue  # "was denied by X": the denier
        nxt = " ".join(toks[end:end + 2])
        at = start - 1 if start > 1 and toks[start - 1] == "the" else start
        if latin and at > 0 and toks[at - 1] != "by":
            # "by Yemen's Iran-aligned Houthi movement": up to three words qualify the party after "by"
            j = at
            while j > 0 and at - j < 3 and toks[j - 1] not in _NOT_QUALIFIER:
                j -= 1
            j -= 1 if j > 1 and toks[j - 1] == "the" else 0
            at = j if j < at and j > 0 and toks[j - 1] == "by" else at
        prev = toks[at - 1] if at > 0 else ""
        if reports.match(nxt) or (prev == "by" and reports.search(" ".join(toks[max(at - 3, 0):at - 1]))):
            accuser = accuser or ref
            continue
        if latin:
            # English names the doer before its deed: "Russian strikes", "Hezbollah was behind"
            nxt3 = " ".join(toks[end:end + 3])
            deed = bool(words.attack.match(nxt3)) and not (
                words.weapons.fullmatch(toks[end]) and not words.attack.match(" ".join(toks[end + 1:end + 3])))
            link = bool(words.doer_links.match(" ".join(toks[end:end + 3])))
            if french and not deed and start > 0:
                # French puts the adjective after its noun («une frappe israélienne») and says «par»
                deed = bool(words.attack.fullmatch(toks[start - 1])) or prev == "par"
        else:
            # Arabic after it: «ضربات روسية», «قصف الطائرات الروسية»; «قاعدة أمريكية لهجوم» is a target,
            # and a country with «ب» or after «في» is the place («قتلى أطفال باليمن»), not the doer
            deed = start not in placed and prev not in _AR_TARGET_PREPS and any(
                words.attack.fullmatch(t) for t in toks[max(start - 2, 0):start])
            link = bool(words.doer_links.match(" ".join(toks[end:end + 3])))
        if prev == "by" or link or deed:
            if doer is None or not firm:
                doer, firm = ref, True
                # a role named on the party ("any Iranian involvement", "Houthi role") or a link
                # ("Hezbollah was behind"); not "involvement in the Hamas attack", whose doer is
                # Hamas while the role denied is the denier's
                role = link or bool(latin and words.blame.match(" ".join(toks[end:end + 2])))
        elif doer is None and latin:
            deed_at = words.attack.search(" ".join(toks[end:end + 5]))
            if deed_at is not None and not _PASSIVE.search(" ".join(toks[end:end + 5])[:deed_at.start()]):
                doer = ref  # not "IS commander X was killed": the one killed is no doer
    # "refuted reports that it had attacked the base": the denier's own deed, or the deed of the
    # party whose claim is denied ("Hezbollah's claim that it struck a tank"); a pronoun's deed
    # comes before any party named later ("... that it shot down an American drone")
    if inverted:
        # «L'EI affirme avoir tué 50 soldats, ce que dément l'armée»: the deed before is the first
        # speaker's, never the denier's own, and what is denied is that party's word
        return Denied(doer, accuser or (found[0][2] if found else None), False, role)
    for m in _OWN_DEED_PRONOUN.finditer(" ".join(toks[lo:hi])):
        if not words.attack.match(m.group(2)):
            continue
        after = " ".join(toks[lo:hi])[m.end():].split()[:6]
        if m.group(1).startswith("the ") and accuser is not None and accuser.kind in ("state", "official"):
            continue  # "the group" is no state whose report is denied
        if accuser is not None and not m.group(1).startswith(("its ", "their ", "our ")) and not (
                m.group(1) in ("they", "we") and accuser.kind in ("state", "official")) and not (
                m.group(1) == "it" and _SPARED.intersection(after)):
            # "it" is the claimant; "its fighters" the denier's, and so is "they" when the claimant
            # is a state ("rejected US claims that they attacked the tanker")
            return Denied(accuser, accuser, False, False)
        return Denied(None, accuser, True, False)
    if doer is None and (words.own_deed.search(" ".join(toks[lo:hi])) or (
            not latin and _AR_OWN_DEED.search(" ".join(toks[lo:hi])))):
        return Denied(None, accuser, True, False)
    return Denied(doer, accuser, False, role)

