"""Arabic and Persian wording as whole paradigms: every inflection, clitic and word order of a
claim, a blame and a denial, the state bodies that speak for their state, and speakers carried
from a headline or the sentence before. Fixes written from single real errors did not carry over
to text nobody had read; paradigms did, so the battery states them whole. The sentences are the
project's own, written in news and communiqué style from the domain reference's formulas."""

from __future__ import annotations

from itertools import product

import pytest

from classifiers.classify import Classifier

Row = tuple[str, str | None, str | None]


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier()


def _rows(classifier: Classifier, text: str, source_actor: str | None = None) -> list[Row]:
    result = classifier.classify(text, source_actor=source_actor)
    return [(st.stance, st.speaker.name if st.speaker else None, st.subject.name if st.subject else None)
            for st in result.statements]


def _one(classifier: Classifier, text: str) -> tuple[str, str | None, str | None, str | None, str | None]:
    result = classifier.classify(text)
    assert len(result.statements) == 1, (text, [s.stance for s in result.statements])
    st = result.statements[0]
    return (st.stance, st.speaker.name if st.speaker else None, st.subject.name if st.subject else None,
            st.denial_of, st.place.name if st.place else None)


# --- claims ------------------------------------------------------------------------------------

IS, HTS, IRI, KH = "Islamic State", "Hayat Tahrir al-Sham", "Islamic Resistance in Iraq", "Kataib Hezbollah"
# a masculine and a feminine claimant, so that each verb form agrees with its subject
MASC = [("تنظيم الدولة الإسلامية", IS), ("تنظيم داعش", IS)]
FEM = [("هيئة تحرير الشام", HTS), ("المقاومة الإسلامية في العراق", IRI), ("كتائب حزب الله", KH)]


@pytest.mark.parametrize(("clitic", "verb", "actor"), [
    *product(["", "و", "ف"], ["تبنى", "يتبنى"], MASC),
    *product(["", "و", "ف"], ["تبنت", "تتبنى"], FEM),
])
def test_tabanna_in_every_person_and_clitic_verb_first(classifier: Classifier, clitic: str, verb: str,
                                                        actor: tuple[str, str]) -> None:
    text = f"{clitic}{verb} {actor[0]} الهجوم على حاجز للجيش في مدينة الرقة."
    assert _one(classifier, text) == ("claim", actor[1], actor[1], None, "Raqqa")


@pytest.mark.parametrize(("verb", "actor"), [*product(["يتبنى", "تبنى"], MASC), *product(["تتبنى", "تبنت"], FEM)])
def test_tabanna_subject_first_as_in_a_headline(classifier: Classifier, verb: str, actor: tuple[str, str]) -> None:
    text = f"{actor[0]} {verb} التفجير الذي استهدف سوقا في مدينة دير الزور"
    assert _one(classifier, text)[:3] == ("claim", actor[1], actor[1])


@pytest.mark.parametrize(("verb", "actor"), [*product(["يتبنى", "تبنى"], MASC), *product(["تتبنى", "تبنت"], FEM)])
@pytest.mark.parametrize("deed", ["هجوما مزدوجا", "تفجيرا انتحاريا", "قصفا صاروخيا"])
def test_tabanna_an_indefinite_deed_in_the_accusative(classifier: Classifier, verb: str, actor: tuple[str, str],
                                                      deed: str) -> None:
    # a headline's «يتبنى هجوما»: the accusative's alif on the bare noun
    text = f"{actor[0]} {verb} {deed} في مدينة الرقة"
    assert _one(classifier, text) == ("claim", actor[1], actor[1], None, "Raqqa")


@pytest.mark.parametrize(("lead", "actor"), [
    *product(["أعلن", "وأعلن", "يعلن"], [("تنظيم الدولة الإسلامية مسؤوليته", IS)]),
    *product(["أعلنت", "وأعلنت", "تعلن"], [("المقاومة الإسلامية في العراق مسؤوليتها", IRI),
                                            ("كتائب حزب الله مسؤوليتها الكاملة", KH)]),
])
def test_responsibility_announced_with_its_pronoun_suffix(classifier: Classifier, lead: str,
                                                          actor: tuple[str, str]) -> None:
    text = f"{lead} {actor[0]} عن استهداف قاعدة عين الأسد بطائرة مسيرة."
    assert _one(classifier, text) == ("claim", actor[1], actor[1], None, "Ain al-Asad Air Base")


@pytest.mark.parametrize("text", [
    "استهدف مجاهدونا قاعدة الاحتلال الأمريكي في حقل العمر بطائرة مسيرة.",
    "استهدف أبطالنا رتلا للاحتلال الأمريكي قرب مدينة الناصرية.",
    "مجاهدونا استهدفوا قاعدة عين الأسد برشقة صاروخية.",
])
def test_first_person_fighters_are_the_channels_own_group(classifier: Classifier, text: str) -> None:
    """«أبطالنا»: no one is named, so the speaker is the channel's group, never the occupier hit."""
    assert _rows(classifier, text) == [("claim", None, None)]
    assert _rows(classifier, text, source_actor="islamic-resistance-in-iraq") == [("claim", IRI, IRI)]


@pytest.mark.parametrize(("verb", "fighters"), list(product(["استهدف", "يستهدف", "قصف", "هاجم"], ["مجاهدو", "أبطال"])))
def test_fighters_of_a_named_group(classifier: Classifier, verb: str, fighters: str) -> None:
    text = f"{verb} {fighters} المقاومة الإسلامية في العراق قاعدة حرير بطائرتين مسيرتين."
    assert _rows(classifier, text) == [("claim", IRI, IRI)]


@pytest.mark.parametrize(("speech", "actor", "forces", "verb"), [
    ("وقال", ("التنظيم عبر وكالة أعماق", IS), "مقاتليه", "هاجموا"),
    ("وذكر بيان", ("لحركة حماس", "Hamas"), "مقاتليها", "استهدفوا"),
    ("وقالت", ("حركة حماس في بيان", "Hamas"), "مقاتليها", "يستهدفون"),
    ("وأكد", ("حزب الله", "Hezbollah"), "مقاتليه", "قصفوا"),
    ("وقالت", ("كتائب حزب الله", KH), "عناصرها", "أطلقوا صواريخ على"),
])
def test_a_group_reporting_its_own_fighters_attack(classifier: Classifier, speech: str, actor: tuple[str, str],
                                                   forces: str, verb: str) -> None:
    """The verb agrees with the plural fighters («استهدفوا», «يستهدفون»); the Israeli tank they hit
    («دبابة إسرائيلية») is the object, not the doer."""
    text = f"{speech} {actor[0]} إن {forces} {verb} دبابة إسرائيلية قرب الحدود."
    assert _rows(classifier, text) == [("claim", actor[1], actor[1])]


def test_an_amaq_headline_relays_the_groups_claim(classifier: Classifier) -> None:
    text = "وكالة أعماق: مقاتلو الدولة الإسلامية يستهدفون تجمعا لقوات سوريا الديمقراطية في ريف دير الزور."
    assert _one(classifier, text) == ("claim", IS, IS, None, "Deir ez-Zor countryside")


@pytest.mark.parametrize(("speaker", "state", "own", "place"), [
    ("قالت وزارة الدفاع الروسية إن", "Russia", "طائراتها قصفت", "Idlib countryside"),
    ("أعلن الجيش السوري أن", "Syria", "وحداته قصفت", "Idlib countryside"),
    ("أعلن الجيش الإسرائيلي أن", "Israel", "طائراته قصفت", "Idlib countryside"),
    ("أعلن التحالف الدولي أنه", "US-led coalition", "نفذ غارة جوية على", "Idlib countryside"),
])
def test_a_state_body_announcing_its_own_strike_is_the_states_claim(classifier: Classifier, speaker: str, state: str,
                                                                    own: str, place: str) -> None:
    text = f"{speaker} {own} مواقع للمسلحين في ريف إدلب الجنوبي."
    assert _one(classifier, text) == ("claim", state, state, None, place)


# --- attributions ------------------------------------------------------------------------------

@pytest.mark.parametrize(("verb", "speaker"), [
    *product(["اتهم", "واتهم", "يتهم"], [("الجيش السوري", "Syria")]),
    *product(["اتهمت", "واتهمت", "تتهم", "وتتهم"], [("وزارة الخارجية السورية", "Syria"), ("الحكومة السورية", "Syria")]),
])
def test_ittaham_in_every_person(classifier: Classifier, verb: str, speaker: tuple[str, str]) -> None:
    text = f"{verb} {speaker[0]} التحالف الدولي بقصف بلدة هجين في ريف دير الزور."
    assert _one(classifier, text) == ("attribution", speaker[1], "US-led coalition", None, "Hajin")


@pytest.mark.parametrize(("verb", "blamed", "responsibility"), list(product(
    ["حمّل", "وحمّل", "حمل", "يحمل"], [("هيئة تحرير الشام", HTS), ("تنظيم داعش", IS)],
    ["المسؤولية عن", "مسؤولية", "المسؤولية الكاملة عن"])))
def test_hammala_al_masuliya(classifier: Classifier, verb: str, blamed: tuple[str, str], responsibility: str) -> None:
    text = f"{verb} الجيش السوري {blamed[0]} {responsibility} الهجوم على بلدة محردة."
    assert _one(classifier, text)[:3] == ("attribution", "Syria", blamed[1])


@pytest.mark.parametrize(("verb", "speaker"), [
    *product(["نسب", "ونسب", "ينسب"], [("الجيش الأمريكي", "United States")]),
    *product(["نسبت", "ونسبت", "تنسب", "عزت"], [("وزارة الدفاع الأمريكية", "United States")]),
])
def test_nasaba_the_attack_to(classifier: Classifier, verb: str, speaker: tuple[str, str]) -> None:
    text = f"{verb} {speaker[0]} الهجوم على قاعدة التنف إلى كتائب حزب الله."
    assert _one(classifier, text) == ("attribution", speaker[1], KH, None, "Al-Tanf Garrison")


@pytest.mark.parametrize(("speech", "speaker"), [("قال المتحدث باسم البنتاغون", "United States"),
                                                 ("وقال مسؤول أمريكي", "United States"),
                                                 ("وقالت الحكومة العراقية", "Iraq")])
@pytest.mark.parametrize("behind", ["تقف وراء", "تقف خلف"])
def test_said_that_y_stands_behind(classifier: Classifier, speech: str, speaker: str, behind: str) -> None:
    text = f"{speech} إن كتائب حزب الله {behind} الهجوم على قاعدة عين الأسد."
    assert _one(classifier, text)[:3] == ("attribution", speaker, KH)


def test_a_backer_named_in_the_blame_is_not_the_speaker(classifier: Classifier) -> None:
    text = "وقال مسؤول أمريكي إن ميليشيات مدعومة من إيران تقف وراء الهجوم على قاعدة عين الأسد."
    assert _one(classifier, text)[:2] == ("attribution", "United States")


@pytest.mark.parametrize(("planes", "state"), [
    ("الطائرات الروسية", "Russia"), ("طائرات روسية", "Russia"), ("الطيران الروسي", "Russia"),
    ("المقاتلات التركية", "Turkey"), ("الطيران التركي", "Turkey"), ("القوات الإيرانية", "Iran"),
    ("القوات السورية", "Syria"), ("الطائرات الإسرائيلية", "Israel"), ("طائرات أمريكية", "United States"),
    ("الطائرات الحربية الروسية", "Russia"),
])
def test_said_that_a_states_planes_struck_in_every_agreement(classifier: Classifier, planes: str, state: str) -> None:
    """The adjective agrees with its noun (feminine plural of things, masculine «الطيران»), with or
    without the article: each form names the state."""
    text = f"وقال المرصد السوري لحقوق الإنسان إن {planes} قصفت بلدة كفرنبل في ريف إدلب الجنوبي."
    assert _one(classifier, text) == ("attribution", "Syrian Observatory for Human Rights", state, None, "Kafranbel")


def test_a_group_hit_is_the_target_not_the_claimant(classifier: Classifier) -> None:
    """«قصفت مقرا لكتائب حزب الله»: Kataib Hezbollah was hit; the Iraqi sources blame the US."""
    text = "وقالت مصادر أمنية عراقية إن القوات الأمريكية قصفت مقرا لكتائب حزب الله في القائم."
    assert _rows(classifier, text) == [("attribution", "Iraq", "United States")]


def test_a_state_adjective_on_the_object_is_not_the_doer(classifier: Classifier) -> None:
    text = "وقالت وزارة الدفاع التركية إن مسلحي حزب العمال الكردستاني هاجموا قاعدة في شمال العراق."
    assert _rows(classifier, text) == [("attribution", "Turkey", "PKK")]


@pytest.mark.parametrize("killed", ["قتلوا", "قتل"])
def test_killed_spelled_as_the_passive_names_no_doer_before_it(classifier: Classifier, killed: str) -> None:
    """«جنود من الجيش العراقي قتلوا»: were killed (the same letters as «they killed»); only the
    passive's agent («على أيدي») is a doer."""
    text = f"وقالت وزارة الدفاع العراقية إن جنودا من الجيش العراقي {killed} في هجوم قرب بلدة الصقلاوية."
    assert [s for s in classifier.classify(text).statements if s.stance == "claim"] == []
    text = f"وقالت وزارة الدفاع العراقية إن الضحايا الذين {killed} على أيدي مسلحي تنظيم الدولة الإسلامية في الصقلاوية."
    assert _rows(classifier, text) == [("attribution", "Iraq", IS)]


# --- denials -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("verb", "speaker"), [
    *product(["نفى", "ونفى", "فنفى", "ينفي", "وينفي"], [("الجيش الأمريكي", "United States"),
                                                      ("التحالف الدولي", "US-led coalition")]),
    *product(["نفت", "ونفت", "تنفي", "وتنفي"], [("وزارة الدفاع الروسية", "Russia"), ("الولايات المتحدة", "United States")]),
])
def test_nafa_its_own_strike_in_every_person(classifier: Classifier, verb: str, speaker: tuple[str, str]) -> None:
    text = f"{verb} {speaker[0]} شن أي غارة على مدينة البوكمال."
    assert _one(classifier, text) == ("denial", speaker[1], speaker[1], "responsibility", "Al-Bukamal")


@pytest.mark.parametrize(("speaker", "words"), [
    ("وقال التحالف الدولي إنه", "لم يشن أي غارات على"),
    ("وقالت الولايات المتحدة إن قواتها", "لم تنفذ أي ضربة في"),
    ("ونفت حركة حماس", "أي علاقة لها بالهجوم على"),
    ("وقالت كتائب حزب الله في بيان:", "لا علاقة لنا بالهجوم على"),
    ("نفى حزب الله نفيا قاطعا", "مسؤوليته عن إطلاق الصواريخ على"),
])
def test_own_role_denied_in_its_wordings(classifier: Classifier, speaker: str, words: str) -> None:
    stance, who, subject, kind, _ = _one(classifier, f"{speaker} {words} مدينة البوكمال.")
    assert (stance, kind) == ("denial", "responsibility")
    assert who == subject is not None


@pytest.mark.parametrize("false", ["عارية عن الصحة", "عار عن الصحة", "لا أساس لها من الصحة", "كاذبة"])
def test_reports_of_its_own_strike_called_false_deny_its_role(classifier: Classifier, false: str) -> None:
    """The denial ends the sentence, so it denies what came before: «قصف طائراتها», its own strike."""
    text = f"وأكدت وزارة الدفاع الروسية أن الأنباء عن قصف طائراتها لسوق في مدينة إدلب {false}."
    assert _one(classifier, text) == ("denial", "Russia", "Russia", "responsibility", "Idlib")


def test_rejecting_claims_that_it_was_behind_denies_its_role(classifier: Classifier) -> None:
    rows = classifier.classify("ورفضت إيران مزاعم واشنطن بأنها تقف وراء الهجوم على ناقلات النفط.").statements
    assert [(s.stance, s.speaker.name if s.speaker else None, s.denial_of) for s in rows if s.stance == "denial"] == [
        ("denial", "Iran", "responsibility")]


@pytest.mark.parametrize(("text", "denier", "denied"), [
    # another party's role denied: the one named before «وراء», or the one the blame would fall on
    ("ونفت الحكومة العراقية أن تكون الولايات المتحدة وراء الهجوم على مدينة البوكمال.", "Iraq", "United States"),
    ("ورفضت إيران تحميل الولايات المتحدة مسؤولية الهجوم على مدينة البوكمال.", "Iran", "United States"),
    # and one's own, the pronoun on the verbal noun
    ("ورفضت روسيا تحميلها مسؤولية قصف السوق في مدينة البوكمال.", "Russia", "Russia"),
])
def test_a_role_denied_names_whose_role(classifier: Classifier, text: str, denier: str, denied: str) -> None:
    assert _one(classifier, text) == ("denial", denier, denied, "responsibility", "Al-Bukamal")


@pytest.mark.parametrize(("text", "kind"), [
    ("وقال الجيش العراقي إنه لا صحة للأنباء عن سقوط صواريخ على قاعدة عين الأسد.", "event"),
    ("وقال الجيش العراقي إن الأنباء عن هجوم على قاعدة عين الأسد عارية عن الصحة.", "event"),
    ("وقال الجيش العراقي إن الأرقام التي أعلنها التنظيم عن قتلى الهجوم على قاعدة عين الأسد مبالغ فيها.", "figures"),
])
def test_the_kind_comes_from_the_denials_own_words(classifier: Classifier, text: str, kind: str) -> None:
    stance, speaker, _, denial_of, place = _one(classifier, text)
    assert (stance, speaker, denial_of, place) == ("denial", "Iraq", kind, "Ain al-Asad Air Base")


@pytest.mark.parametrize("verb", ["وكذّب", "فكذّب", "كذّب", "فنّد", "وفند", "دحض", "يكذّب", "رفض"])
def test_a_partys_claim_rejected_is_its_event_denied(classifier: Classifier, verb: str) -> None:
    text = f"{verb} الجيش الإسرائيلي مزاعم حزب الله بإسقاط طائرة مسيرة فوق جنوب لبنان."
    assert _one(classifier, text) == ("denial", "Israel", "Hezbollah", "event", "southern Lebanon")


def test_the_noun_lie_is_no_denial(classifier: Classifier) -> None:
    # «كذب» inside a sentence is the noun: "whoever belied the army's claims" denies nothing itself
    assert not [st for st in classifier.classify("وقال إن من كذب ادعاءات الجيش بشأن القصف سيحاسب.").statements
                if st.stance == "denial"]


def test_responsibility_for_any_attack_to_come_is_a_warning_not_a_blame(classifier: Classifier) -> None:
    assert not _rows(classifier, "الولايات المتحدة تحمل إيران مسؤولية أي هجوم على مصالحها في العراق")
    assert _rows(classifier, "الولايات المتحدة تحمل إيران مسؤولية الهجوم على السفارة في بغداد") == [
        ("attribution", "United States", "Iran")]


def test_a_party_behind_a_comma_does_not_speak_for_the_unnamed_group_after_it(classifier: Classifier) -> None:
    rows = _rows(classifier, "اختطاف 14 من قوات الأمن الإيرانية قرب الحدود، وجماعة مسلحة تعلن مسؤوليتها عن الهجوم")
    assert [r[0] for r in rows] == ["claim"]
    assert rows[0][1] != "Iran"
    # a party set off by its own commas still speaks («حزب الله، في بيان، يعلن ...»)
    assert ("claim", "Hezbollah", "Hezbollah") in _rows(classifier, "حزب الله، في بيان، يعلن استهداف موقع إسرائيلي قرب المطلة")


@pytest.mark.parametrize("groups", ["ميليشيات موالية لإيران", "جماعات موالية لإيران", "فصائل موالية لطهران"])
def test_groups_loyal_to_iran_are_the_iran_backed_militias_not_iran(classifier: Classifier, groups: str) -> None:
    assert _rows(classifier, f"قال مسؤول أمريكي إن الهجوم نفذته {groups}") == [
        ("attribution", "United States", "Iran-backed militias")]


@pytest.mark.parametrize("weapon", ["باستخدام الأسلحة الكيماوية", "باستخدام غاز الكلور", "باستخدام قنابل عنقودية",
                                    "بإلقاء البراميل المتفجرة"])
def test_an_accusation_of_using_a_weapon_of_attack_blames(classifier: Classifier, weapon: str) -> None:
    assert _rows(classifier, f"واتهم الائتلاف السوري المعارض قوات النظام {weapon} في دوما") == [
        ("attribution", "Syrian National Coalition", "Syria")]


@pytest.mark.parametrize(("text", "who"), [
    ("الحوثيون يعلنون استهداف مطار أبها بطائرة مسيرة", "Houthis"),  # the plural verb after its subject
    ("الحوثيون يعلنون إسقاط طائرة أمريكية مسيرة فوق مأرب", "Houthis"),  # a downing announced
    ("التحالف بقيادة السعودية يعلن اعتراض صاروخ باليستي فوق جازان", "Saudi-led coalition"),  # an interception
    ("الجيش الإسرائيلي: قصفنا مواقع لحماس في غزة", "Israel"),  # "we" under a head, not the party hit
])
def test_announced_deeds_and_a_heads_first_person_are_the_speakers_claim(classifier: Classifier, text: str,
                                                                         who: str) -> None:
    assert [r for r in _rows(classifier, text) if r[0] == "claim"] == [("claim", who, who)]


def test_a_first_person_with_no_head_and_no_channel_is_not_the_party_hit(classifier: Classifier) -> None:
    assert not [r for r in _rows(classifier, "قصفنا مواقع لحماس في غزة") if r[1] == "Hamas"]


@pytest.mark.parametrize("text", [
    "الخارجية الروسية: الاتهامات البريطانية بشأن الهجوم على السفينة لا أساس لها",
    "وقالت وزارة الدفاع الروسية إن الاتهامات بقصف المستشفى في إدلب لا أساس لها",
])
def test_accusations_called_baseless_without_from_truth_deny(classifier: Classifier, text: str) -> None:
    assert [r for r in _rows(classifier, text) if r[0] == "denial"] == [("denial", "Russia", "Russia")]


# --- places and communiqués --------------------------------------------------------------------

@pytest.mark.parametrize(("where", "place"), [
    ("في ريف حلب الجنوبي", "Aleppo countryside"), ("في ريف حماة الشمالي", "Hama countryside"),
    ("قرب بلدة السخنة", "Sukhnah"), ("في محيط مدينة الميادين", "Mayadin"), ("في مدينة الرقة", "Raqqa"),
    ("في قرية الحمرات", "الحمرات"),
])
def test_the_place_after_its_marker(classifier: Classifier, where: str, place: str) -> None:
    """A place the gazetteer lacks is shown as written after «قرية», «بلدة»."""
    result = classifier.classify(f"تبنى تنظيم الدولة الإسلامية الهجوم على حاجز للجيش {where}.")
    (st,) = result.statements
    assert (st.stance, st.place.name if st.place else st.place_written) == ("claim", place)


@pytest.mark.parametrize("text", [
    "بعون الله تعالى، استهدف جنود الخلافة تجمعا للمرتدين في مدينة الرقة بعبوة ناسفة.",
    "وكالة أعماق: مقاتلو الدولة الإسلامية يستهدفون تجمعا للمرتدين في مدينة الرقة.",
    "وقال التنظيم عبر وكالة أعماق التابعة له إنه نفذ الهجوم على حاجز للجيش في مدينة الرقة.",
])
def test_the_caliphates_communique_is_its_claim(classifier: Classifier, text: str) -> None:
    assert _one(classifier, text) == ("claim", IS, IS, None, "Raqqa")


# --- speakers carried from the sentence before or from the headline ----------------------------

@pytest.mark.parametrize(("first", "second", "actor"), [
    ("أصدرت حركة حماس بيانا حول التطورات الميدانية.", "وأكدت الحركة أن مقاتليها استهدفوا", "Hamas"),
    ("أصدر تنظيم الدولة الإسلامية بيانا جديدا.", "وقال التنظيم إن مقاتليه هاجموا", IS),
    ("أصدر حزب الله بيانا مساء الأحد.", "وأكد الحزب أن مقاتليه استهدفوا", "Hezbollah"),
    ("أصدرت كتائب حزب الله بيانا.", "وأضافت الكتائب أن عناصرها قصفوا", KH),
])
def test_the_group_of_the_sentence_before(classifier: Classifier, first: str, second: str, actor: str) -> None:
    text = f"{first} {second} دبابة إسرائيلية شرق مدينة خان يونس."
    assert _one(classifier, text) == ("claim", actor, actor, None, "Khan Yunis")


def test_a_denial_by_the_brigades_named_before(classifier: Classifier) -> None:
    text = "أصدرت كتائب حزب الله بيانا. ونفت الكتائب مسؤوليتها عن الهجوم على السفارة الأمريكية في بغداد."
    assert _one(classifier, text)[:4] == ("denial", KH, KH, "responsibility")


def test_wa_adaf_anna_reports_another_party_it_does_not_make_it_speak(classifier: Classifier) -> None:
    """«وأضاف أن حزب الله أطلق»: the Israeli spokesman of the sentence before blames Hezbollah."""
    text = ("قال المتحدث باسم الجيش الإسرائيلي إن الطائرات أغارت على مواقع لحماس في رفح. "
            "وأضاف أن حزب الله أطلق صواريخ على الجليل.")
    assert _rows(classifier, text) == [("claim", "Israel", "Israel"), ("attribution", "Israel", "Hezbollah")]


@pytest.mark.parametrize("body", ["وقالت في بيان إن مقاتليها استهدفوا جنودا إسرائيليين قرب مدينة نابلس.",
                                  "وأكدت في بيانها أن عناصرها هاجموا جنودا إسرائيليين قرب مدينة نابلس."])
def test_the_speaker_of_the_headline(classifier: Classifier, body: str) -> None:
    text = f"حماس تتبنى الهجوم على الحاجز العسكري\n\n{body}"
    assert _rows(classifier, text) == [("claim", "Hamas", "Hamas")]


def test_the_ministry_speaks_for_the_state_the_sentence_names(classifier: Classifier) -> None:
    text = "وأكدت الوزارة أن الطائرات الأمريكية قصفت مواقع للجيش السوري قرب دير الزور."
    assert _rows(classifier, text) == [("attribution", "Syria", "United States")]


# --- what is none ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "اتهمت روسيا الولايات المتحدة بتأخير المفاوضات.",  # an accusation about no attack
    "نسبت الصحيفة المقال إلى كاتب مجهول.",  # «نسب» of no attack
    "لم تتبن أي جهة الهجوم على الحاجز في مدينة الرقة حتى الآن.",  # no claim
    "نفذت هيئة تحرير الشام هجوما على مواقع قوات النظام في بلدة كفرنبل.",  # the outlet's own voice
    "وتحدث الكاتب عن كذب ادعاءات الحكومة بشأن الغارة على المدينة.",  # «كذب» the noun, no one denies
])
def test_no_stance(classifier: Classifier, text: str) -> None:
    assert [s.stance for s in classifier.classify(text).statements] == []


# --- news paragraphs: the outlet's voice, relays, reported speech -------------------------------

@pytest.mark.parametrize("text", [
    "استهدف الحوثيون قاعدة للتحالف في منطقة نجران بصاروخ باليستي.",
    "وقصفت هيئة تحرير الشام مقرا لقوات النظام في بلدة مورك.",
    "تهاجم وحدات حماية الشعب مواقع للفصائل قرب مطار منغ العسكري.",
    "وأخذت تركيا تقصف بالمدفعية قوات وحدات حماية الشعب قرب بلدة تل رفعت.",
])
def test_the_outlets_voice_naming_the_attacker_is_no_claim(classifier: Classifier, text: str) -> None:
    """A news paragraph telling who struck, with no one speaking, is none (the guide's neutral voice)."""
    assert [s.stance for s in classifier.classify(text).statements] == []


@pytest.mark.parametrize(("relay", "group", "name"), [
    ("الميادين", "المقاومة الإسلامية في العراق", IRI), ("صابرين نيوز", "كتائب حزب الله", KH),
    ("وكالة أعماق", "تنظيم الدولة الإسلامية", IS),
])
@pytest.mark.parametrize("verb", ["تستهدف", "استهدفت", "تقصف", "هاجمت"])
def test_a_relay_headline_carries_the_groups_claim(classifier: Classifier, relay: str, group: str, name: str,
                                                   verb: str) -> None:
    text = f"{relay}: {group} {verb} قاعدة التنف بطائرتين مسيرتين."
    assert _rows(classifier, text) == [("claim", name, name)]


@pytest.mark.parametrize("text", [
    "مقتل شخصين وإصابة خمسة إثر إطلاق نار في مركز تجاري بولاية أريزونا الأمريكية.",
    "وقال حاكم ولاية الخرطوم إن الاشتباكات في الأحياء الجنوبية خلفت قتلى.",
    "قتل جندي في عملية استشهادية نفذها شاب فلسطيني عند حاجز عسكري قرب مدينة جنين.",
])
def test_a_state_province_or_a_martyrdom_operation_is_no_communique(classifier: Classifier, text: str) -> None:
    """«ولاية» alone is any state or province; «عملية استشهادية» in a news paragraph is the outlet's word."""
    assert [s.stance for s in classifier.classify(text).statements] == []


def test_a_caliphate_province_heads_its_communique(classifier: Classifier) -> None:
    text = "ولاية نينوى | هلاك عنصرين من الحشد الرافضي بقنص في غرب الموصل."
    assert _rows(classifier, text) == [("claim", IS, IS)]


@pytest.mark.parametrize("text", [
    "الجيش المصري يحبط هجوما من ولاية سيناء على كمين أمني في العريش",
    "مقتل أربعة جنود مصريين في هجوم من ولاية سيناء جنوب رفح",
    "تصدت قوات الأمن لهجوم شنه تنظيم ولاية سيناء على نقطة تفتيش في الشيخ زويد",
])
def test_a_province_an_outlet_names_as_the_doer_is_no_communique(classifier: Classifier, text: str) -> None:
    """«هجوم من ولاية سيناء», «تنظيم ولاية سيناء»: the outlet's own naming of the attacker, no relay's."""
    assert [s.stance for s in classifier.classify(text).statements if s.stance == "claim"] == []


@pytest.mark.parametrize("text", [
    "العراق: مقتل خمسة مدنيين في قصف تركي على قرية في دهوك",
    "ليبيا ومصر: قتلى في غارات مصرية على معسكرات في درنة",
])
def test_a_headline_filed_under_a_country_is_the_outlets_voice(classifier: Classifier, text: str) -> None:
    """«العراق: ...»: a news site's topic before the colon, not Iraq speaking."""
    assert [s.stance for s in classifier.classify(text).statements] == []


def test_a_states_army_before_a_headline_colon_still_speaks(classifier: Classifier) -> None:
    text = "الجيش السوري: غارات إسرائيلية استهدفت مواقع عسكرية قرب دمشق"
    assert _rows(classifier, text) == [("attribution", "Syria", "Israel")]


def test_a_relay_telling_the_provinces_soldiers_still_claims(classifier: Classifier) -> None:
    text = "جنود الخلافة في ولاية سيناء يستهدفون آلية للجيش المصري بعبوة ناسفة جنوب رفح."
    assert [s.stance for s in classifier.classify(text).statements] == ["claim"]


@pytest.mark.parametrize("text", [
    "قامت القوات التركية بقصف مواقع لوحدات حماية الشعب قرب الحدود.",
    "وقام النظام بقصف حي الوعر بقذائف الهاون.",
    "الهجمات التي قام بتنفيذها تسعة عشر شخصا على صلة بتنظيم القاعدة.",
    "وشنت طائرات التحالف غارات على الرقة استهدفت مقاتلي التنظيم.",
    "وقصفت المدفعية مجاهدي الفصائل المتحصنين في التلال.",
    "وقام مقاتلو التنظيم بإزالة التماثيل من المتحف.",
])
def test_qama_bi_and_fighters_as_object_in_the_outlets_voice(classifier: Classifier, text: str) -> None:
    """«قام X بقصف» told by the outlet is none; «مقاتلي/مجاهدي» after an attack verb are its object."""
    assert [s.stance for s in classifier.classify(text).statements] == []


@pytest.mark.parametrize("verb", ["قام", "وقام", "يقوم"])
@pytest.mark.parametrize("fighters", ["مجاهدو", "أبطال", "مقاتلو"])
def test_qama_fighters_of_a_named_group_bi_attack(classifier: Classifier, verb: str, fighters: str) -> None:
    text = f"{verb} {fighters} المقاومة الإسلامية في العراق باستهداف قاعدة حرير بطائرة مسيرة."
    assert _rows(classifier, text) == [("claim", IRI, IRI)]


@pytest.mark.parametrize("lead", ["قمنا", "وقمنا"])
def test_qumna_bi_is_the_channels_own_claim(classifier: Classifier, lead: str) -> None:
    text = f"{lead} بعون الله باستهداف قاعدة حرير بطائرة مسيرة."
    assert _rows(classifier, text, source_actor="islamic-resistance-in-iraq") == [("claim", IRI, IRI)]


@pytest.mark.parametrize(("lead", "group"), [
    ("أصدر فصيل", "ألوية سيف الجنوب"), ("وأصدرت", "سرايا الغضب الثوري"), ("نشرت", "كتائب درع الفرات الحرة"),
])
@pytest.mark.parametrize("claimed", ["يعلن فيه تبنيه", "أعلنت فيه مسؤوليتها عن", "تتبنى فيه"])
def test_the_group_that_issued_the_statement_claims(classifier: Classifier, lead: str, group: str, claimed: str) -> None:
    """«أصدر فصيل X بيانا يعلن فيه تبنيه»: X speaks, named as written, and not presented as a new group."""
    result = classifier.classify(f"{lead} {group} بيانا {claimed} تفجير حافلة للزوار قرب مدينة دمشق.")
    assert [(s.stance, s.speaker.name if s.speaker else None) for s in result.statements] == [("claim", group)]
    assert result.new_actor_names == ()


@pytest.mark.parametrize("lead", ["أعلن الجيش العراقي", "وأعلنت وزارة الدفاع العراقية", "يعلن الجيش العراقي"])
@pytest.mark.parametrize(("killed", "claim"), [
    ("مقتل 15 مسلحا", True), ("عن مقتل قيادي في داعش", True), ("قتل عشرين إرهابيا", True),
    ("مقتل ضابط برتبة نقيب", False), ("مقتل ثلاثة جنود", False), ("عن مقتل خمسة مدنيين", False),
    ("مقتل شخصين", False), ("مقتله", False),
])
def test_a_kill_announced_is_a_claim_a_loss_announced_is_not(classifier: Classifier, lead: str, killed: str,
                                                               claim: bool) -> None:
    """«أعلن الجيش مقتل 15 مسلحا» is its claim; the death of its officers, soldiers or of civilians is a
    loss or someone else's attack it reports."""
    stances = [s.stance for s in classifier.classify(f"{lead} {killed} قرب مدينة الموصل.").statements]
    assert ("claim" in stances) is claim


@pytest.mark.parametrize("lead", ["وأكد الجيش السوري", "أكدت وزارة الدفاع السورية", "يؤكد الجيش السوري"])
def test_a_death_confirmed_is_no_claim(classifier: Classifier, lead: str) -> None:
    assert [s.stance for s in classifier.classify(f"{lead} مقتل قائد الحملة العسكرية في دير الزور.").statements] == []


@pytest.mark.parametrize("source", ["أوضح مصدر أمني", "وقالت مصادر عسكرية", "وذكر مصدر عسكري", "وأفادت مصادر أمنية"])
@pytest.mark.parametrize("planes", ["المدفعية الإسرائيلية", "الطائرات الروسية", "طائرات أمريكية"])
def test_unnamed_sources_are_not_the_striking_states_own(classifier: Classifier, source: str, planes: str) -> None:
    """«قال مصدر أمني إن الطائرات الروسية قصفت»: no state speaks; the striking state is not its own source."""
    text = f"{source} أن {planes} استهدفت خزانا للمياه في بلدة الحمرات."
    assert [s.stance for s in classifier.classify(text).statements] == []


@pytest.mark.parametrize("coalition", ["قوات التحالف الذي تقوده المملكة العربية السعودية", "التحالف الذي تقوده السعودية",
                                       "قوات التحالف العربي", "قوات التحالف بقيادة السعودية"])
def test_the_saudi_led_coalition_in_its_descriptions(classifier: Classifier, coalition: str) -> None:
    """«قوات التحالف» alone is the US-led coalition; described as led by Saudi Arabia it is the Saudi-led one."""
    text = f"واتهمت منظمة العفو الدولية {coalition} بقصف مستشفى في مدينة صعدة."
    assert _rows(classifier, text) == [("attribution", "Amnesty International", "Saudi-led coalition")]


@pytest.mark.parametrize("sdf", ["القوات السورية الديمقراطية", "قوات سوريا الديموقراطية", "قوات سورية الديمقراطية"])
def test_the_sdf_in_its_spellings(classifier: Classifier, sdf: str) -> None:
    text = f"وأفادت {sdf} بأنها أسقطت طائرة مسيرة تابعة لتنظيم الدولة الإسلامية قرب الرقة."
    assert _rows(classifier, text) == [("claim", "Syrian Democratic Forces", "Syrian Democratic Forces")]


@pytest.mark.parametrize("according", ["بحسب المرصد السوري لحقوق الإنسان ,", "وفقا للمرصد السوري لحقوق الإنسان ,",
                                       "ووفقا للمرصد السوري لحقوق الإنسان", "وبحسب المرصد السوري ,"])
@pytest.mark.parametrize(("planes", "state"), [("طائرات روسية", "Russia"), ("الطائرات التركية", "Turkey")])
def test_according_to_a_monitor_the_planes_after_the_verb_struck(classifier: Classifier, according: str, planes: str,
                                                                 state: str) -> None:
    """The source after «بحسب/وفقا ل» is no subject of the verb that follows it: the planes after it are."""
    text = f"{according} قصفت {planes} قرية في ريف إدلب الجنوبي."
    assert _rows(classifier, text) == [("attribution", "Syrian Observatory for Human Rights", state)]


@pytest.mark.parametrize("after", ["حسبما أفاد المرصد السوري لحقوق الإنسان", "وفقا للمرصد السوري لحقوق الإنسان"])
def test_according_to_a_monitor_at_the_end(classifier: Classifier, after: str) -> None:
    text = f"قصفت طائرات روسية قرية في ريف إدلب , {after}."
    assert _rows(classifier, text) == [("attribution", "Syrian Observatory for Human Rights", "Russia")]


@pytest.mark.parametrize("launched", ["أطلقت سراح ثلاثة معتقلين", "أطلقت حملة لجمع التبرعات", "أطلقت برنامجا للتدريب",
                                      "أطلقت عليه اسم الشهيد"])
def test_atlaqa_of_no_weapon_is_no_attack(classifier: Classifier, launched: str) -> None:
    text = f"وقال الجيش الإسرائيلي إن حركة حماس {launched} في غزة."
    assert [s.stance for s in classifier.classify(text).statements] == []


@pytest.mark.parametrize("launched", ["أطلقت صواريخ", "أطلقت 50 قذيفة هاون", "أطلقت النار", "أطلقت طائرة مسيرة"])
def test_atlaqa_of_a_weapon_is_an_attack(classifier: Classifier, launched: str) -> None:
    text = f"وقال الجيش الإسرائيلي إن حركة حماس {launched} على مستوطنات غلاف غزة."
    assert _rows(classifier, text) == [("attribution", "Israel", "Hamas")]


@pytest.mark.parametrize("text", [
    "في 3 نيسان / أبريل أعلنتنظيم الدولة الإسلاميةعن تنفيذ هجوم على حاجز للجيش قرب مدينة الرقة.",
    "وتبنىتنظيم الدولة الإسلاميةالمسؤولية عن تفجير عبوة ناسفة قرب مدينة الرقة.",
    "في تسجيل نشرهتنظيم الدولة الاسلاميةتبنى الهجوم على حاجز للجيش قرب مدينة الرقة.",
])
def test_the_states_name_glued_to_its_neighbours(classifier: Classifier, text: str) -> None:
    """Pages that linked the name lose the spaces around it when the links are stripped."""
    assert _rows(classifier, text) == [("claim", IS, IS)]


@pytest.mark.parametrize("duty", ["مسؤولية الحفاظ على حياة المدنيين", "المسؤولية عن حماية السكان", "مسؤولية تأمين الطريق"])
def test_a_duty_laid_on_a_party_is_no_blame(classifier: Classifier, duty: str) -> None:
    text = f"وحمل رئيس الوزراء قيادة العمليات المشتركة {duty} بعد الهجوم على الفلوجة."
    assert [s.stance for s in classifier.classify(text).statements] == []


@pytest.mark.parametrize("held", ["سيطرت عليها", "سبق وأن سيطرت عليها", "سيطر عليه"])
def test_who_holds_a_place_in_a_relative_clause_is_no_attack(classifier: Classifier, held: str) -> None:
    text = f"وقال المرصد السوري لحقوق الإنسان إن الطائرة سقطت في المنطقة التي {held} هيئة تحرير الشام ."
    assert [s.stance for s in classifier.classify(text).statements] == []


@pytest.mark.parametrize(("group", "own", "verb"), [(("حركة حزم", "Harakat Hazm"), "حركته", "استعادت"),
                                                   (("حركة حماس", "Hamas"), "مقاتليها", "استعادوا"),
                                                   (("حزب الله", "Hezbollah"), "مقاتليه", "استعادوا")])
@pytest.mark.parametrize("ground", ["السيطرة على بلدة مورك", "بعض المناطق في ريف حماة", "مواقع قرب مطار حماة"])
def test_its_own_fighters_retook_ground(classifier: Classifier, group: tuple[str, str], own: str, verb: str,
                                        ground: str) -> None:
    text = f"وقال مسؤول في {group[0]} إن {own} {verb} {ground}."
    assert _rows(classifier, text) == [("claim", group[1], group[1])]


@pytest.mark.parametrize("regained", ["استعاد عافيته", "استعادت ثقة الشارع", "يستعيد أنفاسه"])
def test_istaada_of_no_ground_is_no_attack(classifier: Classifier, regained: str) -> None:
    text = f"وقال المرصد السوري لحقوق الإنسان إن تنظيم داعش {regained} في البادية."
    assert [s.stance for s in classifier.classify(text).statements] == []


@pytest.mark.parametrize(("attack", "agent"), [
    ("الغارات التي", "نفذها"), ("الغارة التي", "شنتها"), ("الهجوم الذي", "شنه"), ("العملية التي", "قامت بها"),
    ("المجزرة التي", "ارتكبتها"), ("الضربات التي", "نفذتها"),
])
@pytest.mark.parametrize(("party", "name"), [("قوات التحالف العربي", "Saudi-led coalition"), ("الطائرات الروسية", "Russia"),
                                            ("تنظيم داعش", IS)])
def test_the_relative_clause_names_the_doer_of_an_attack(classifier: Classifier, attack: str, agent: str, party: str,
                                                          name: str) -> None:
    """«الغارات التي نفذها التحالف»: the relative clause's verb with its pronoun names who struck."""
    text = f"وقالت منظمة هيومن رايتس ووتش إن {attack} {agent} {party} قتلت عشرات المدنيين في بلدة الحمرات."
    assert _rows(classifier, text) == [("attribution", "Human Rights Watch", name)]


def test_its_own_strikes_in_a_relative_clause_hit_a_target_named_after(classifier: Classifier) -> None:
    text = "وقالت وزارة الدفاع الروسية إن الضربات التي نفذتها طائراتها دمرت مقرات لجبهة النصرة في ريف إدلب."
    assert _rows(classifier, text) == [("claim", "Russia", "Russia")]


@pytest.mark.parametrize("text", [
    "وقالت اللجنة السورية لحقوق الإنسان إن قوات النظام قصفت حي الخالدية بقذائف الهاون.",
    "وذكرت الشبكة السورية لحقوق الإنسان أن قوات النظام قصفت حي الخالدية بقذائف الهاون.",
])
def test_a_rights_organisation_named_by_a_states_adjective_is_not_the_state(classifier: Classifier, text: str) -> None:
    assert [s.stance for s in classifier.classify(text).statements if s.stance == "claim"] == []


@pytest.mark.parametrize("text", [
    "الغارات التي نفذها التحالف العربي قتلت عشرات المدنيين في صعدة.",
    "وقتل عشرات المدنيين في الهجوم الذي شنه تنظيم داعش على بلدة الحمرات.",
])
def test_the_relative_clause_in_the_outlets_voice_is_none(classifier: Classifier, text: str) -> None:
    assert [s.stance for s in classifier.classify(text).statements] == []


@pytest.mark.parametrize("text", [
    "فيما كانت هناك مجموعات شبابية لا علاقة لها بالفصائل تستعد للسفر.",
    "وهذا الاتفاق لا علاقة له باتفاق وقف إطلاق النار في الجنوب.",
    "لكن القضية الأساسية لا علاقة لها بالرئيس السابق.",
    "وهي أرض لا علاقة لهم بها ولا بتاريخها.",
    "وترى أوساط سياسية أن المخاوف من تقسيم الرقة مبالغ فيها.",
    "الرجاء تعبئة الحقول التالية: صيغة البريد الإلكتروني غير صحيحة.",
])
def test_no_tie_exaggerated_or_incorrect_about_no_attack_is_no_denial(classifier: Classifier, text: str) -> None:
    assert [s.stance for s in classifier.classify(text).statements] == []


@pytest.mark.parametrize(("speaker", "words"), [
    ("وقالت حركة حماس إنه", "لا علاقة لها بالهجوم على الحاجز"),
    ("وقال حزب الله إنه", "ليس له أي دور في التفجير الذي وقع في الضاحية"),
    ("وقالت كتائب حزب الله:", "لا علاقة لنا بما جرى في محيط السفارة"),
])
def test_no_role_in_an_attack_is_a_denial(classifier: Classifier, speaker: str, words: str) -> None:
    stance, who, subject, kind, _ = _one(classifier, f"{speaker} {words}.")
    assert (stance, kind) == ("denial", "responsibility") and who == subject is not None


@pytest.mark.parametrize("figures", ["الأرقام التي نشرها التنظيم عن قتلانا في الرقة", "حصيلة القتلى التي أعلنتها الحركة",
                                     "أعداد الضحايا"])
def test_figures_called_exaggerated(classifier: Classifier, figures: str) -> None:
    text = f"وقالت قوات سوريا الديمقراطية إن {figures} مبالغ فيها."
    assert _one(classifier, text)[3] == "figures"


@pytest.mark.parametrize("strikes", ["ضربات جوية في ليبيا", "ضربة جديدة", "تفجيرا انتحاريا", "غارات التحالف"])
def test_a_party_after_the_verb_of_an_attack_noun_is_its_object(classifier: Classifier, strikes: str) -> None:
    """«ضربات جوية استهدفت تنظيم داعش»: the strikes are the subject, the group the one hit."""
    text = f"وقال مسؤول عراقي إن {strikes} استهدفت تنظيم داعش قرب الحدود."
    assert [(s.stance, s.subject.name if s.subject else None) for s in classifier.classify(text).statements
            if s.stance == "attribution"] != [("attribution", IS)]


@pytest.mark.parametrize("text", [
    "وقالت وزارة الدفاع العراقية إن عشرة جنود قتلوا في هجوم على أيدي مسلحي داعش قرب الصقلاوية.",
    "وقالت وزارة الدفاع العراقية إن الهجوم الذي نفذه مسلحو داعش قتل عشرة جنود قرب الصقلاوية.",
])
def test_the_agent_right_after_its_marker_is_the_doer(classifier: Classifier, text: str) -> None:
    assert _rows(classifier, text) == [("attribution", "Iraq", IS)]


def test_a_party_blaming_itself_is_no_blame(classifier: Classifier) -> None:
    text = ("وأضافت الجبهة الشامية أنه للأسف فقد تورط في هذه العمليات بعض المحسوبين على الجيش الحر , "
            "بحسب تصريحات نسبت لقائد في الجيش الحر .")
    assert [s for s in classifier.classify(text).statements
            if s.stance == "attribution" and s.speaker is not None and s.speaker == s.subject] == []


@pytest.mark.parametrize(("lead", "group", "name"), [
    ("", "الدولة الإسلامية تنشر", IS), ("ونشرت", "هيئة تحرير الشام", HTS), ("وبث", "تنظيم الدولة الإسلامية", IS),
])
@pytest.mark.parametrize("pictures", ["صور المفخخات التي استهدفت", "مقطعا مصورا للهجوم على", "شريطا يظهر استهداف"])
def test_a_group_publishing_pictures_of_its_attack_claims_it(classifier: Classifier, lead: str, group: str, name: str,
                                                             pictures: str) -> None:
    text = f"{lead} {group} {pictures} مواقع قوات النظام قرب مطار كويرس.".strip()
    assert _rows(classifier, text)[:1] == [("claim", name, name)]


@pytest.mark.parametrize("text", [
    "ونشر ناشطون صورا للقصف الذي استهدف بلدة كفرنبل.",
    "ونشرت وكالة سانا صورا للهجوم الإرهابي على حي الزهراء.",
    "ونشرت وسائل إعلام صورا للدمار الذي خلفه قصف تنظيم داعش على حي الصناعة.",
])
def test_pictures_published_by_no_armed_group_or_of_the_damage_claim_nothing(classifier: Classifier, text: str) -> None:
    assert [s.stance for s in classifier.classify(text).statements if s.stance == "claim"] == []


def test_a_martyrdom_operation_with_the_group_named_is_its_communique(classifier: Classifier) -> None:
    text = "عاجل | عملية استشهادية تستهدف البوابة الرئيسية لمطار كويرس المحاصر من قبل الدولة الإسلامية"
    assert _rows(classifier, text) == [("claim", IS, IS)]


@pytest.mark.parametrize("text", [
    "العملية تبناها فيما بعد تنظيم داعش.",
    "وتبناه تنظيم داعش لاحقا.",
    "التفجير الانتحاري في السوق الذي تبناه تنظيم داعش.",
    "والهجمات التي تبناها تنظيم داعش في سيناء.",
    "انفجرت عبوة قرب حاجز في الرمادي فتبناها تنظيم داعش.",
])
def test_tabannahu_with_the_attack_before_it_or_the_group_after(classifier: Classifier, text: str) -> None:
    assert _rows(classifier, text) == [("claim", IS, IS)]


@pytest.mark.parametrize("text", [
    "خاصة وأن التنظيم معروف بعدم تبنيه لأية معايير أخلاقية في حربه.",
    "مشروع الدولة الانفصالية التي تبناها الفرع السوري لحزب العمال الكردستاني في شمال سوريا.",
    "وهي الفكرة التي تبنتها هيئة تحرير الشام منذ تأسيسها.",
])
def test_adopting_a_standard_a_project_or_an_idea_is_no_claim(classifier: Classifier, text: str) -> None:
    assert [s.stance for s in classifier.classify(text).statements] == []


# --- Persian -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("responsibility", "took"), list(product(
    ["مسئولیت", "مسؤولیت"], ["را بر عهده گرفت", "را برعهده گرفت", "را به‌عهده گرفت", "را بر عهده گرفته است",
                            "را برعهده می‌گیرد", "را برعهده میگیرد"])))
def test_persian_responsibility_taken(classifier: Classifier, responsibility: str, took: str) -> None:
    text = f"مقاومت اسلامی عراق {responsibility} حمله به پایگاه عین الاسد {took}."
    assert _one(classifier, text) == ("claim", IRI, IRI, None, "Ain al-Asad Air Base")


@pytest.mark.parametrize(("text", "want"), [
    ("حزب الله ادعا کرد که یک تانک اسرائیلی را در جنوب لبنان منهدم کرده است.", [("claim", "Hezbollah", "Hezbollah")]),
    ("انصارالله ادعا کرد که یک کشتی آمریکایی را در دریای سرخ هدف قرار داده است.", [("claim", "Houthis", "Houthis")]),
    ("آمریکا ادعا کرد که کتائب حزب الله پشت حمله به برج ۲۲ است.", [("attribution", "United States", KH)]),
    ("پنتاگون مدعی شد که کتائب حزب الله به پایگاه عین الاسد حمله کرده است.", [("attribution", "United States", KH)]),
    ("به گفته پنتاگون، کتائب حزب الله به پایگاه عین الاسد حمله کرد.", [("attribution", "United States", KH)]),
    ("به گفته سپاه، پهپادهای سپاه مواضع تروریست‌ها را در شمال عراق هدف قرار دادند.", [("claim", "IRGC", "IRGC")]),
    ("آمریکا ایران را به حمله به پایگاه عین الاسد متهم کرد.", [("attribution", "United States", "Iran")]),
    ("ایران دست داشتن در حمله به برج ۲۲ را تکذیب کرد.", [("denial", "Iran", "Iran")]),
    ("سخنگوی وزارت خارجه ایران هرگونه دخالت در حمله به نیروهای آمریکایی را رد کرد.", [("denial", "Iran", "Iran")]),
])
def test_persian_paradigms(classifier: Classifier, text: str, want: list[Row]) -> None:
    assert _rows(classifier, text) == want


@pytest.mark.parametrize("groups", ["گروه‌های", "گروههای", "گروه های"])
def test_persian_with_or_without_the_zero_width_non_joiner(classifier: Classifier, groups: str) -> None:
    text = f"سپاه پاسداران اعلام کرد که مقرهای {groups} تروریستی در اربیل را با موشک هدف قرار داد."
    assert _one(classifier, text) == ("claim", "IRGC", "IRGC", None, "Erbil")


@pytest.mark.parametrize("denied", ["را تکذیب کرد", "را تکذیب می‌کند", "را تکذیب میکند", "را رد کرد", "را رد می‌کند",
                                    "را رد کردند", "را بی‌اساس خواند"])
def test_persian_denial_verbs_in_every_tense(classifier: Classifier, denied: str) -> None:
    text = f"سپاه پاسداران هرگونه نقش در حمله به پایگاه التنف {denied}."
    assert _one(classifier, text) == ("denial", "IRGC", "IRGC", "responsibility", "Al-Tanf Garrison")


@pytest.mark.parametrize("blamed", ["را به حمله به پایگاه التنف متهم کرد", "را به حمله به پایگاه التنف متهم می‌کند",
                                    "را مسئول حمله به پایگاه التنف دانست", "را عامل حمله به پایگاه التنف دانست"])
def test_persian_blame_verbs(classifier: Classifier, blamed: str) -> None:
    assert _one(classifier, f"آمریکا سپاه پاسداران {blamed}.") == (
        "attribution", "United States", "IRGC", None, "Al-Tanf Garrison")


@pytest.mark.parametrize("text", [
    "طلبت السعودية من إسرائيل ضرب لبنان",
    "دعا الحزب أنصاره إلى استهداف القوات الأمريكية",
    "تعتزم الفصائل شن هجمات على القواعد الأمريكية",
])
def test_a_request_call_or_intent_to_attack_is_no_claim(classifier: Classifier, text: str) -> None:
    assert [r for r in _rows(classifier, text) if r[0] == "claim"] == []


# --- unnamed people (witnesses, activists, residents) are no party; a named activist is ----------

@pytest.mark.parametrize(("lead", "speaker"), [
    ("قال شهود عيان إن", "شهود عيان"),
    ("وقال ناشطون إن", "ناشطون"),
    ("وأفاد ناشطون بأن", "ناشطون"),
    ("فيما ذكر سكان محليون أن", "سكان محليون"),
    ("وأكد سكان لوكالة الأنباء أن", "سكان"),
    ("وبحسب ناشطين فإن", "ناشطين"),
    ("ووفق ما أفاد مسعفون فإن", "مسعفون"),
])
@pytest.mark.parametrize(("doer", "deed", "blamed"), [
    ("طائرات روسية", "شنت غارات على بلدة كفرزيتا", "Russia"),
    ("الطائرات الحربية الروسية", "قصفت سوقا شعبيا في بلدة كفرزيتا", "Russia"),
    ("قوات النظام", "استهدفت حي الوعر بقذائف الهاون", "Syria"),
    ("مسلحي تنظيم داعش", "هاجموا حاجزا في قرية الشعفة", "Islamic State"),
])
def test_unnamed_people_telling_a_named_doer_make_no_statement(classifier: Classifier, lead: str, speaker: str,
                                                                doer: str, deed: str, blamed: str) -> None:
    # no blame by the people, and the outlet's sentence is not the doer's own claim either
    text = f"{lead} {doer} {deed} صباح اليوم."
    assert _rows(classifier, text) == []
    # the same report from a monitor that the gazetteer knows is its blame
    assert _rows(classifier, f"وقال المرصد السوري إن {doer} {deed} صباح اليوم.") == [
        ("attribution", "Syrian Observatory for Human Rights", blamed)]


@pytest.mark.parametrize("according", ["بحسب ناشطين", "وفق ما أفاد ناشطون", "حسب ما ذكر شهود عيان"])
def test_an_unnamed_report_after_the_attack_it_tells_is_no_statement(classifier: Classifier, according: str) -> None:
    text = f"شنت طائرات حربية روسية غارات على قرية البارة في جبل الزاوية، {according}."
    assert _rows(classifier, text) == []


@pytest.mark.parametrize("text", [
    # the outlet's own voice: no one speaks
    "شنت طائرات حربية روسية غارات على قرية البارة في جبل الزاوية.",
    "قصفت قوات النظام حي الوعر بقذائف الهاون صباح اليوم.",
    # unnamed people reporting no attack, or an attack with no doer named
    "وقال ناشطون إن الحكومة السورية رفضت المبادرة الأممية.",
    "وأفاد ناشطون بأن غارات جوية استهدفت قرية البارة.",
    "وقال سكان إن الأسعار ارتفعت في أسواق المدينة بعد القصف.",
])
def test_no_blame_without_a_speaker_or_without_a_named_doer(classifier: Classifier, text: str) -> None:
    assert not [r for r in _rows(classifier, text) if r[0] == "attribution"]


def test_the_state_own_sources_are_no_unnamed_people(classifier: Classifier) -> None:
    text = "وقالت مصادر عسكرية روسية إن الطائرات الروسية شنت غارات على مواقع لجبهة النصرة في إدلب."
    assert not [r for r in _rows(classifier, text) if r[0] == "attribution"]


def test_strikes_another_party_reports_are_not_the_striker_own_claim(classifier: Classifier) -> None:
    assert _rows(classifier, "قال المرصد السوري إن طائرات روسية شنت غارات على معرة النعمان.") == [
        ("attribution", "Syrian Observatory for Human Rights", "Russia")]
    assert _rows(classifier, "وقالت وزارة الدفاع الروسية إن طائراتها شنت غارات على مواقع في إدلب.") == [
        ("claim", "Russia", "Russia")]


# --- condemnations naming the doer; pronouns, word orders and verbal nouns of blame ----------------

@pytest.mark.parametrize("verb", ["أدانت", "وأدانت", "تدين", "نددت", "وتندد", "استنكرت", "تستنكر", "شجبت"])
@pytest.mark.parametrize(("attack", "blamed"), [
    ("الهجوم العسكري التركي على منطقة عفرين", "Turkey"),
    ("بالغارات الروسية على ريف إدلب", "Russia"),
    ("القصف الإسرائيلي لقطاع غزة", "Israel"),
    ("العدوان الأمريكي على مطار الشعيرات", "United States"),
])
def test_a_condemnation_naming_the_doer_by_its_adjective_blames_it(classifier: Classifier, verb: str, attack: str,
                                                                   blamed: str) -> None:
    text = f"{verb} الحكومة العراقية {attack}."
    assert _rows(classifier, text) == [("attribution", "Iraq", blamed)]


@pytest.mark.parametrize("text", [
    "أدانت الحكومة العراقية الهجوم الإرهابي على مسجد في سيناء.",
    "ونددت الحكومة العراقية بالهجوم على الجنود الأتراك قرب الحدود.",
    "أدانت الحكومة العراقية القرار التركي بإغلاق المعبر الحدودي.",
])
def test_a_condemnation_naming_no_doer_blames_no_one(classifier: Classifier, text: str) -> None:
    assert not [r for r in _rows(classifier, text) if r[0] == "attribution"]


@pytest.mark.parametrize(("verb", "deed"), [
    ("تتهمه", "بتنفيذ التفجير"), ("اتهمته", "بالوقوف وراء الهجوم"), ("يتهمونه", "بتدبير الهجمات"),
    ("تتهمه", "بقصف القرى الحدودية"),
])
def test_the_pronoun_of_an_accusation_is_the_party_named_before(classifier: Classifier, verb: str, deed: str) -> None:
    text = f"وتلاحق السلطات حزب العمال الكردستاني الذي {verb} أنقرة {deed} في إسطنبول."
    assert _rows(classifier, text) == [("attribution", "Turkey", "PKK")]


def test_a_pronoun_blame_after_a_first_one_keeps_its_speaker(classifier: Classifier) -> None:
    text = "وفي بيان لاحق اتهمت كتائب حزب الله واشنطن، وحمّلتها مسؤولية قصف مقراتها قرب القائم."
    assert _rows(classifier, text) == [("attribution", "Kataib Hezbollah", "United States")]


@pytest.mark.parametrize("text", [
    "وقالت النائبة إن فصيلا مسلحا يسيطر على المدينة، واتهمته بإثارة النعرات الطائفية.",
    "وتتهم روسيا الولايات المتحدة بعدم محاربة تنظيم داعش بجدية.",
    "وارتفعت نسبة الضحايا المدنيين إلى ثلاثين في المئة، ونسبته إلى عدد السكان مرتفعة بعد القصف.",
    "ودعا المتظاهرون إلى تحميل الحكومة المسؤولية الكاملة عن تدهور الأوضاع بعد القصف.",
])
def test_an_accusation_of_no_attack_and_the_noun_ratio_blame_no_one(classifier: Classifier, text: str) -> None:
    assert not [r for r in _rows(classifier, text) if r[0] == "attribution"]


@pytest.mark.parametrize(("text", "blamed"), [
    ("ويقف تنظيم داعش وراء الهجوم على الكنيسة.", "Islamic State"),
    ("وتقف هيئة تحرير الشام خلف التفجيرات التي ضربت المدينة.", "Hayat Tahrir al-Sham"),
    ("وأشارت التحقيقات إلى وقوف الحرس الثوري خلف تفجير السفارة.", "IRGC"),
])
def test_standing_behind_an_attack_with_the_party_between(classifier: Classifier, text: str, blamed: str) -> None:
    assert [(st, subj) for st, _, subj in _rows(classifier, text)] == [("attribution", blamed)]


def test_standing_behind_a_wall_is_no_blame(classifier: Classifier) -> None:
    assert not _rows(classifier, "وقف الجنود خلف الجدار أثناء الهجوم على الحاجز.")


@pytest.mark.parametrize("verb", ["ألقى الجيش اليمني باللوم", "وألقى الجيش اليمني باللائمة", "يلقي الجيش اليمني اللوم"])
def test_laying_the_blame_on_a_party(classifier: Classifier, verb: str) -> None:
    text = f"{verb} على الحوثيين في الهجوم على معسكر في مأرب."
    assert _rows(classifier, text) == [("attribution", "Yemen", "Houthis")]


@pytest.mark.parametrize("text", [
    "ونسبت الحكومة العراقية الهجوم على السوق إلى تنظيم داعش.",
    "وعزاه الناطق باسم الحكومة العراقية إلى تنظيم داعش بعد الهجوم على السوق.",
    "وطالبت الحكومة العراقية بتحميل تنظيم داعش المسؤولية عن الهجوم على السوق.",
])
def test_ascribing_the_attack_and_the_verbal_noun_of_blame(classifier: Classifier, text: str) -> None:
    assert [(st, subj) for st, _, subj in _rows(classifier, text)] == [("attribution", "Islamic State")]


def test_a_condemnation_with_a_long_unnamed_body_before_the_attack(classifier: Classifier) -> None:
    # the body that condemns is no party the gazetteer knows; the one blamed is still the adjective's
    text = ("واستنكرت \"الإدارة المدنية\" في مدينة تل أبيض في ريف الرقة الشمالي القصف التركي على القرى "
            "الحدودية ووصفته بالعدوان.")
    assert [(st, subj) for st, _, subj in _rows(classifier, text)] == [("attribution", "Turkey")]


# --- the regime's and the occupation's arms; carrying an attack on; opposition sources ------------

@pytest.mark.parametrize(("arms", "doer"), [
    ("طائرات النظام", "Syria"), ("طيران النظام", "Syria"), ("مروحيات النظام", "Syria"), ("مدفعية النظام", "Syria"),
    ("مدفعية الاحتلال", "Israel"), ("طائرات الاحتلال", "Israel"), ("دبابات الاحتلال", "Israel"),
])
def test_the_regime_or_occupation_arms_named_by_the_construct_are_its_state(classifier: Classifier, arms: str,
                                                                            doer: str) -> None:
    text = f"وقال المرصد السوري إن {arms} قصفت منازل المدنيين في أطراف البلدة صباح الأحد."
    assert [(st, subj) for st, _, subj in _rows(classifier, text)] == [("attribution", doer)]


@pytest.mark.parametrize("carried", ["كثفت قصفها", "جددت غاراتها", "واصلت هجماتها", "صعدت ضرباتها",
                                     "استأنفت القصف", "تواصل غاراتها"])
def test_carrying_on_an_attack_is_the_attack(classifier: Classifier, carried: str) -> None:
    text = f"وذكر المرصد السوري أن الطائرات الروسية {carried} على قرى ريف حماة الشمالي."
    assert _rows(classifier, text) == [("attribution", "Syrian Observatory for Human Rights", "Russia")]


def test_carrying_on_with_no_attack_is_none(classifier: Classifier) -> None:
    assert not _rows(classifier, "وقال المرصد السوري إن الأمم المتحدة واصلت جهودها لإيصال المساعدات إلى البلدة.")


@pytest.mark.parametrize("sources", ["مصادر بالمعارضة", "مصادر في المعارضة", "مصدر معارض", "مصدر في المعارضة"])
def test_opposition_sources_speak_for_the_rebels(classifier: Classifier, sources: str) -> None:
    text = f"وقالت {sources} إن الطائرات الروسية استهدفت سوقا شعبيا في بلدة كفرنبودة."
    assert _one(classifier, text) == ("attribution", "Rebels", "Russia", None, "Kafr Nabudah")


def test_a_party_speaking_later_does_not_report_the_attack_told_before_it(classifier: Classifier) -> None:
    # the outlet tells the shooting; the movement speaks afterwards of something else
    text = ("أطلقت قوات الاحتلال النار على ثلاثة شبان قرب السياج الفاصل شرق غزة , في وقت أعلنت حركة حماس "
            "أنها ستشارك في الانتخابات البلدية المقبلة في الضفة والقطاع .")
    assert not _rows(classifier, text)


@pytest.mark.parametrize(("where", "place"), [
    ("بلدة محيميدة في ريف دير الزور الغربي", "Muhaymidah"), ("حي جوبر شرق العاصمة", "Jobar"),
    ("مدينة دوما في الغوطة الشرقية", "Duma"), ("بلدة الشحيل", "al-Shuhayl"), ("حي الوعر في مدينة حمص", "al-Waer"),
    ("بلدة كفرزيتا بريف حماة", "Kafr Zayta"), ("مدينة الباب بريف حلب الشرقي", "al-Bab"),
    ("قضاء هيت غرب الأنبار", "Hit (Anbar)"), ("منطقة الكاظمية شمالي بغداد", "Kadhimiya"),
])
def test_towns_and_quarters_of_the_war_are_where(classifier: Classifier, where: str, place: str) -> None:
    text = f"وقال المرصد السوري إن قوات النظام قصفت {where} بالصواريخ."
    assert _one(classifier, text)[4] == place


@pytest.mark.parametrize("text", ["وقف الرجل عند الباب ثم غادر.", "تحدث الخبراء عن سلوك الناخبين في الحاضر."])
def test_a_town_name_that_is_a_common_word_needs_its_head(classifier: Classifier, text: str) -> None:
    assert not classifier.classify(text).places


@pytest.mark.parametrize(("attack", "doer"), [
    ("غارة جوية أمريكية", "United States"), ("قصف مدفعي تركي", "Turkey"), ("غارات جوية للتحالف", "US-led coalition"),
    ("ضربات صاروخية روسية", "Russia"), ("قصف صاروخي لقوات النظام", "Syria"),
])
def test_the_doer_after_the_attack_noun_own_adjectives(classifier: Classifier, attack: str, doer: str) -> None:
    text = f"وقتل سبعة مدنيين بينهم طفلان في {attack} على قرية في ريف المحافظة , بحسب الأمم المتحدة ."
    assert _rows(classifier, text) == [("attribution", "United Nations", doer)]


def test_a_place_after_the_attack_noun_own_adjectives_is_no_doer(classifier: Classifier) -> None:
    # «تفجيرات انتحارية وسط دمشق»: the capital is where, not who
    text = "أفادت وسائل إعلام بمقتل شخصين في تفجيرات انتحارية وسط دمشق صباح اليوم ."
    assert not _rows(classifier, text)


@pytest.mark.parametrize("verb_first", ["أغار سلاح الجو", "أغارت الطائرات الحربية", "قصفت المدفعية", "استهدفت المقاتلات"])
def test_own_forces_after_their_verb_are_the_speaker_own(classifier: Classifier, verb_first: str) -> None:
    text = f"وقال الجيش الإسرائيلي إنه ردا على إطلاق قذيفة من القطاع {verb_first} موقعا لحركة حماس شرق خان يونس ."
    assert _rows(classifier, text) == [("claim", "Israel", "Israel")]


def test_forces_after_a_plural_verb_are_its_object(classifier: Classifier) -> None:
    # «هاجموا الطائرات»: the verb's own subject is the plural pronoun, the aircraft were attacked
    text = "وقالت وزارة الدفاع الروسية إن مسلحين هاجموا الطائرات في قاعدة حميميم بقذائف الهاون ."
    assert ("claim", "Russia", "Russia") not in _rows(classifier, text)


@pytest.mark.parametrize(("text", "want"), [
    ("واتهمت المعارضة السورية النظام بقصف بلدة حمورية بالصواريخ .", [("attribution", "Rebels", "Syria")]),
    ("وأوضح المرصد السوري أن النظام قصف مدينة زملكا بعشرين قذيفة .",
     [("attribution", "Syrian Observatory for Human Rights", "Syria")]),
    ("وقال المرصد إن طائرات روسية قصفت بلدة الهبيط بالصواريخ .",
     [("attribution", "Syrian Observatory for Human Rights", "Russia")]),
])
def test_the_short_names_of_the_regime_and_the_observatory(classifier: Classifier, text: str, want: list[Row]) -> None:
    assert _rows(classifier, text) == want


@pytest.mark.parametrize("text", [
    "وقال المرصد الإخباري إن طائرات روسية قصفت بلدة الهبيط بالصواريخ .",
    "واتهمت المعارضة النظام العالمي بالصمت على قصف البلدة .",
])
def test_a_short_name_with_an_adjective_after_it_names_another(classifier: Classifier, text: str) -> None:
    assert not any(speaker == "Syrian Observatory for Human Rights" or subject == "Syria"
                   for _, speaker, subject in _rows(classifier, text))


def test_a_party_after_a_target_noun_is_the_target_not_the_doer(classifier: Classifier) -> None:
    text = "وقال فيلق الشام إن قصف مواقع تنظيم داعش أسفر عن تدمير دبابتين ."
    assert ("attribution", "Faylaq al-Sham", "Islamic State") not in _rows(classifier, text)


def test_a_party_after_the_colon_of_a_speech_verb_is_quoted_not_speaking(classifier: Classifier) -> None:
    text = "ونقل موقع محلي عن القائد الميداني أنه قال : \"قوات النظام اقتحمت حي البياضة بأربعين دبابة\" ."
    assert ("claim", "Syria", "Syria") not in _rows(classifier, text)


@pytest.mark.parametrize(("text", "want"), [
    ("وأعلن الجيش السوري أن وحداته قتلت عشرات المسلحين من جبهة النصرة في ريف إدلب .", [("claim", "Syria", "Syria")]),
    ("وتمكنت قوات الجيش العراقي من قتل تسعة مسلحين في الموصل , بحسب بيان لخلية الإعلام الأمني .",
     [("claim", "Iraq", "Iraq")]),
    # the group's own battle: its claim, not a blame of the attacker it repelled (as "Dawlah repelled an attack by
    # the Sahwat" in English)
    ("وأعلنت وحدات حماية الشعب أنها صدت هجوما لتنظيم داعش على قرية قرب تل تمر .",
     [("claim", "People's Protection Units", "People's Protection Units")]),
])
def test_killing_by_own_units_and_the_indefinite_attack(classifier: Classifier, text: str, want: list[Row]) -> None:
    assert _rows(classifier, text) == want


def test_a_state_reporting_a_suicide_fighter_killed_relays_no_communique(classifier: Classifier) -> None:
    text = "وقال الناطق باسم وزارة الداخلية العراقية إن الشرطة تمكنت من قتل انغماسي من تنظيم داعش قرب الموصل ."
    assert ("claim", "Islamic State", "Islamic State") not in _rows(classifier, text)
    assert ("attribution", "Iraq", "Islamic State") not in _rows(classifier, text)


@pytest.mark.parametrize(("text", "want"), [
    ("ووجهت الحكومة الأفغانية أصابع الاتهام إلى حركة طالبان بعد الهجوم على الفندق .",
     [("attribution", "Afghanistan", "Taliban")]),
    ("ويوجه الجيش العراقي الاتهام لتنظيم داعش بالوقوف وراء تفجير السوق .", [("attribution", "Iraq", "Islamic State")]),
    ("وأشارت الشرطة التركية إلى ضلوع حزب العمال الكردستاني في الهجوم على الحافلة .", [("attribution", "Turkey", "PKK")]),
])
def test_pointing_the_finger_and_pointing_to_involvement(classifier: Classifier, text: str, want: list[Row]) -> None:
    assert _rows(classifier, text) == want


@pytest.mark.parametrize("text", ["ووجه الوزير الاتهام إلى الحكومة بالفشل في ملف الكهرباء .",
                                  "وأشار التقرير إلى تورط مسؤولين في الفساد المالي ."])
def test_pointing_the_finger_at_no_party_or_no_attack_is_no_blame(classifier: Classifier, text: str) -> None:
    assert not _rows(classifier, text)


@pytest.mark.parametrize(("speaker", "name"), [
    ("الائتلاف السوري المعارض", "Syrian National Coalition"), ("الائتلاف الوطني السوري", "Syrian National Coalition"),
    ("وكالة الأنباء السورية", "Syria"), ("خلية الإعلام الحربي", "Iraq"), ("الإعلام الحربي المركزي", "Hezbollah"),
])
def test_bodies_of_the_syrian_and_iraqi_war_that_speak(classifier: Classifier, speaker: str, name: str) -> None:
    text = f"وقال {speaker} إن تنظيم داعش قصف قرية قرب الحدود بقذائف الهاون ."
    assert _rows(classifier, text) == [("attribution", name, "Islamic State")]


def _place_shown(classifier: Classifier, text: str) -> str | None:
    result = classifier.classify(text)
    assert len(result.statements) == 1, (text, [s.stance for s in result.statements])
    place: str | None = result.statements[0].contract_dict()["place"]
    return place


@pytest.mark.parametrize(("where", "shown"), [
    ("بلدة كفرعويد بريف إدلب الجنوبي", "كفرعويد"), ("قرية أبو حبة في ريف حماة الشرقي", "أبو حبة"),
])
def test_an_unknown_town_is_shown_before_the_countryside_around_it(classifier: Classifier, where: str,
                                                                   shown: str) -> None:
    text = f"وقال المرصد السوري إن الطائرات الروسية قصفت {where} صباح اليوم ."
    assert _place_shown(classifier, text) == shown


@pytest.mark.parametrize(("where", "shown"), [
    ("حي القصور المحاصر في المدينة", "القصور"), ("قرية الزيارة التابعة لمنطقة الغاب", "الزيارة"),
    ("بلدة كيرشهايم الألمانية", "كيرشهايم"),
])
def test_a_participle_or_a_country_after_a_written_town_is_not_its_name(classifier: Classifier, where: str,
                                                                          shown: str) -> None:
    text = f"وقال المرصد السوري إن تنظيم داعش قصف {where} بقذائف الهاون ."
    assert _place_shown(classifier, text) == shown


@pytest.mark.parametrize("dateline", ["بيروت ( رويترز ) -", "عمان ( أ ف ب ) -", "بغداد / الأناضول -", "دمشق - سانا :"])
def test_an_arabic_dateline_is_not_where_nor_who(classifier: Classifier, dateline: str) -> None:
    text = f"{dateline} قال المرصد السوري إن الطائرات الروسية قصفت سوقا شعبيا صباح اليوم ."
    result = classifier.classify(text)
    assert [(st.stance, st.speaker.name if st.speaker else None) for st in result.statements] == [
        ("attribution", "Syrian Observatory for Human Rights")]
    assert result.statements[0].contract_dict()["place"] is None


def test_a_capital_alone_before_a_dash_opens_the_story(classifier: Classifier) -> None:
    text = "موسكو - قالت وزارة الدفاع الروسية إن طائراتها دمرت مستودعا للأسلحة ."
    assert _rows(classifier, text) == [("claim", "Russia", "Russia")]
    assert classifier.classify(text).statements[0].contract_dict()["place"] is None


@pytest.mark.parametrize(("text", "want"), [
    ("وقتل أربعة مدنيين على يد عناصر تنظيم داعش في قرية قرب البوكمال , بحسب ناشطين .", []),
    ("وقتل سبعة أشخاص على يد قوات النظام , وفقا لما ذكره نشطاء اليوم الخميس .", []),
    ("وقتل سبعة أشخاص على يد قوات النظام , وفقا لما ذكره مركز حماة الإعلامي اليوم الخميس .",
     [("attribution", "مركز حماة الإعلامي", "Syria")]),
    ("وقتل خمسة مدنيين من قبل الطيران الروسي في ريف حلب بحسب المرصد السوري .",
     [("attribution", "Syrian Observatory for Human Rights", "Russia")]),
])
def test_killed_at_the_hands_of_a_party_after_the_count_of_the_dead(classifier: Classifier, text: str,
                                                                      want: list[Row]) -> None:
    assert _rows(classifier, text) == want


def test_the_one_reporting_after_the_attack_noun_is_not_its_doer(classifier: Classifier) -> None:
    assert not _rows(classifier, "وقتل جنديان في هجوم , بحسب المرصد السوري .")


def test_an_adjective_after_a_word_of_place_is_no_name(classifier: Classifier) -> None:
    text = "وقال المرصد السوري إن تنظيم داعش قصف بلدة صغيرة في ريف حمص بقذائف الهاون ."
    assert classifier.classify(text).statements[0].contract_dict()["place"] != "صغيرة"


@pytest.mark.parametrize(("text", "want"), [
    ("ونقلت وكالة رويترز عن مسؤول أمريكي قوله إن الحوثيين أطلقوا صاروخين على سفينة تجارية .",
     [("attribution", "United States", "Houthis")]),
    ("ونقلت وكالة فرانس برس عن المرصد السوري أن الطائرات الروسية قصفت بلدة معرشورين .",
     [("attribution", "Syrian Observatory for Human Rights", "Russia")]),
    ("ونقلت قناة محلية عن وزارة الدفاع الروسية أن طائراتها دمرت مستودعا للذخيرة .", [("claim", "Russia", "Russia")]),
])
def test_the_one_an_agency_quotes_speaks_not_the_agency(classifier: Classifier, text: str, want: list[Row]) -> None:
    assert _rows(classifier, text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("وأشار المرصد إلى قصف الطائرات الروسية بلدة كفرنبودة .",
     [("attribution", "Syrian Observatory for Human Rights", "Russia")]),
    ("وأشار المرصد السوري إلى استهداف المقاتلات التركية قرى في ريف عفرين .",
     [("attribution", "Syrian Observatory for Human Rights", "Turkey")]),
])
def test_the_state_adjective_after_the_forces_of_an_attack_noun(classifier: Classifier, text: str,
                                                                want: list[Row]) -> None:
    assert _rows(classifier, text) == want


def test_the_relative_after_a_bare_regime_names_any_system(classifier: Classifier) -> None:
    text = "ويحمل الباحثون الحكومة مسؤولية هذا النظام الذي يحرم الأطفال من التعليم ."
    assert not any(subject == "Syria" for _, _, subject in _rows(classifier, text))


@pytest.mark.parametrize(("text", "want"), [
    ("وأفاد ناشطون بغارات روسية على بلدة الهبيط .", []),
    ("وأفاد شهود بهجوم لتنظيم داعش على قرية قرب البوكمال .", []),
    ("وأفاد المرصد السوري بقصف مدفعي لقوات النظام على بلدة اللطامنة .",
     [("attribution", "Syrian Observatory for Human Rights", "Syria")]),
])
def test_an_attack_told_by_its_verbal_noun_is_not_the_doers_claim(classifier: Classifier, text: str,
                                                                   want: list[Row]) -> None:
    # the party of the attack after «ب» + noun is not the one who speaks (no Russian or IS claim); unnamed
    # people who tell it are no party, a monitor is
    assert _rows(classifier, text) == want


def test_telling_no_attack_by_a_verbal_noun_is_none(classifier: Classifier) -> None:
    assert not _rows(classifier, "وأفاد ناشطون بوصول تعزيزات إلى المدينة .")


# --- reported speech: officials of a state, plural and revealing speech verbs -------------------

@pytest.mark.parametrize(("officials", "state"), [
    ("مسؤولون أمريكيون", "United States"), ("مسؤولون أميركيون", "United States"), ("مسؤولون عراقيون", "Iraq"),
    ("مسؤولون إسرائيليون", "Israel"), ("مسؤولون سعوديون", "Saudi Arabia"), ("مسؤولون لبنانيون", "Lebanon"),
])
@pytest.mark.parametrize("verb", ["قال", "أكد", "ذكر"])
def test_officials_with_their_states_plural_adjective_speak_for_it(classifier: Classifier, officials: str,
                                                                    state: str, verb: str) -> None:
    text = f"و{verb} {officials} أن كتائب حزب الله نفذت الهجوم الصاروخي على القاعدة أمس."
    assert ("attribution", state, KH) in _rows(classifier, text)


@pytest.mark.parametrize(("lead", "speaker"), [
    ("المسؤولون العراقيون قالوا", "Iraq"), ("ووزراء الحكومة التركية يقولون", "Turkey"),
    ("والقادة الأمريكيون أكدوا", "United States"), ("وكشفت وزارة الدفاع الأمريكية", "United States"),
    ("واعتبرت الحكومة العراقية", "Iraq"), ("وكشف الجيش العراقي", "Iraq"),
])
def test_plural_and_revealing_speech_verbs_report_a_blame(classifier: Classifier, lead: str, speaker: str) -> None:
    text = f"{lead} إن تنظيم داعش شن الهجوم على نقطة التفتيش في كركوك."
    assert _one(classifier, text) == ("attribution", speaker, IS, None, "Kirkuk")


def test_a_states_security_sources_stay_the_states(classifier: Classifier) -> None:
    text = "وقالت مصادر أمنية عراقية إن تنظيم داعش فجر سيارة مفخخة في سوق بمدينة كركوك."
    assert _one(classifier, text)[:3] == ("attribution", "Iraq", IS)


# --- habits are no claim of one attack ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وكثيرا ما تعلن حركة حسم مسؤوليتها عن الهجمات على الشرطة , غير أنها صمتت عن هجوم الأمس.",
    "وعادة ما يعلن تنظيم داعش مسؤوليته عن الهجمات في شمال سيناء عبر وكالته.",
    "ودائما ما تتبنى هيئة تحرير الشام عمليات التفجير في ريف حلب.",
    "ويتبنى التنظيم عادة الهجمات على نقاط الجيش في الصحراء.",
])
def test_a_groups_habit_of_claiming_is_no_claim(classifier: Classifier, text: str) -> None:
    assert [r for r in _rows(classifier, text) if r[0] == "claim"] == []


def test_a_claim_of_one_attack_still_stands_beside_the_habit(classifier: Classifier) -> None:
    text = "وتبنت حركة حسم الهجوم على كمين الشرطة في الجيزة."
    assert _rows(classifier, text)[0][:2] == ("claim", "Hasm Movement")


# --- a denial of something other than an attack ------------------------------------------------

@pytest.mark.parametrize("text", [
    "ونفت الشرطة الأنباء عن اعتقال قيادي في حركة حماس بعد الهجوم .",
    "ونفت وزارة الداخلية الأنباء عن وفاة المتهم بتفجير الكنيسة داخل السجن .",
    "ونفى التحالف الدولي امتلاك أي معلومات عن مكان زعيم تنظيم داعش بعد المعارك في البوكمال .",
    "ونفى الموقوفون الطابع الإرهابي للهجوم الذي خططوا له .",
    "ونفت السلطات التركية تسليم عناصر من تنظيم داعش إلى العراق بعد التفجير .",
    "ونفى الجيش فرار سجناء من تنظيم الدولة خلال القصف على السجن .",
])
def test_denying_an_arrest_a_death_in_custody_or_a_whereabouts_is_no_denial(classifier: Classifier,
                                                                           text: str) -> None:
    assert [r for r in _rows(classifier, text) if r[0] == "denial"] == []


@pytest.mark.parametrize(("text", "want"), [
    ("ونفى حزب الله مشاركته في المعارك في القلمون .", ("denial", "Hezbollah", "Hezbollah")),
    ("ونفت كتائب حزب الله ضلوعها في الهجوم على قاعدة التاجي .", ("denial", KH, KH)),
])
def test_a_denied_role_in_an_attack_stays_a_denial(classifier: Classifier, text: str, want: Row) -> None:
    assert _rows(classifier, text) == [want]


# --- places as written: an adjective of kind, a second direction, «باب» --------------------------

def _where(classifier: Classifier, text: str) -> tuple[str, str | None, str | None]:
    """The one statement's stance and speaker, and its place as shown (as written when finer)."""
    result = classifier.classify(text)
    assert len(result.statements) == 1, (text, [s.stance for s in result.statements])
    st = result.statements[0]
    return st.stance, st.speaker.name if st.speaker else None, st.place_written or (st.place.name if st.place else None)


@pytest.mark.parametrize("where", ["شمال ووسط سيناء", "جنوب وشرق سيناء"])
def test_a_second_direction_joined_to_the_first_is_no_name(classifier: Classifier, where: str) -> None:
    text = f"وأعلن الجيش المصري تدمير عشرة أوكار للمسلحين في {where} ."
    assert _where(classifier, text) == ("claim", "Egypt", "Sinai")


@pytest.mark.parametrize("kind", ["قاعدة خلفية", "منطقة عازلة", "منطقة آمنة", "قاعدة عسكرية"])
def test_a_zone_or_base_of_a_kind_is_no_place_name(classifier: Classifier, kind: str) -> None:
    text = f"وقال الجيش التركي إن مقاتلاته قصفت مواقع لحزب العمال الكردستاني يستخدمها {kind} لتهريب السلاح ."
    assert _where(classifier, text) == ("claim", "Turkey", None)


def test_a_kind_of_zone_leaves_the_place_the_sentence_names(classifier: Classifier) -> None:
    text = "وقصفت المدفعية الإسرائيلية مواقع في شمال قطاع غزة بعد أن أعلنت إسرائيل منطقة عازلة على طول السياج ."
    assert _where(classifier, text) == ("claim", "Israel", "North Gaza")


def test_bab_opens_a_compound_place_name(classifier: Classifier) -> None:
    text = "وأعلن تنظيم داعش مسؤوليته عن تفجير سيارة مفخخة في منطقة باب توما وسط العاصمة ."
    assert _where(classifier, text) == ("claim", IS, "باب توما")


# --- a group the gazetteer does not know, named by its claim ---------------------------------------

@pytest.mark.parametrize("clitic", ["", "و", "ف"])
@pytest.mark.parametrize(("name", "attack"), [
    ("ألوية درع الفرات الجديدة", "التفجير"), ("كتائب صقور البادية", "الهجمات"), ("سرايا الثأر الأولى", "العمليات"),
])
def test_an_unknown_group_claiming_after_a_clitic_is_named_without_the_attack(classifier: Classifier, clitic: str,
                                                                            name: str, attack: str) -> None:
    text = f"{clitic}تبنت {name} {attack} على حواجز الجيش قرب مدينة تدمر ."
    stance, speaker, subject = _rows(classifier, text)[0]
    assert (stance, speaker, subject) == ("claim", name, name)


@pytest.mark.parametrize("calling", ["تطلق على نفسها", "تطلق على نفسها اسم", "تسمي نفسها"])
def test_a_group_calling_itself_by_a_name_claims(classifier: Classifier, calling: str) -> None:
    text = f"وتبنت جماعة مسلحة مجهولة {calling} سرايا غضب الرافدين الهجوم بالعبوات على رتل للدعم اللوجستي جنوب بغداد ."
    assert _rows(classifier, text) == [("claim", "سرايا غضب الرافدين", "سرايا غضب الرافدين")]


# --- the doer named by planning, ordering or responsibility ------------------------------------

@pytest.mark.parametrize("deed", [
    "خطط للهجوم على القاعدة", "دبر الهجوم على القاعدة", "أمر بتنفيذ الهجوم على القاعدة",
    "أشرف على تنفيذ الهجوم على القاعدة", "مسؤول عن الهجوم على القاعدة",
])
def test_a_party_that_planned_ordered_or_is_responsible_is_blamed(classifier: Classifier, deed: str) -> None:
    text = f"وقال البنتاغون إن الحرس الثوري الإيراني {deed} في شرق سوريا ."
    assert ("attribution", "United States", "IRGC") in _rows(classifier, text)


@pytest.mark.parametrize("work", ["من تنفيذ", "من تدبير", "بتخطيط من"])
def test_an_attack_that_is_the_work_of_a_party(classifier: Classifier, work: str) -> None:
    text = f"وقالت وزارة الداخلية التركية إن التفجير في محطة الحافلات {work} حزب العمال الكردستاني ."
    assert _rows(classifier, text) == [("attribution", "Turkey", "PKK")]


def test_a_party_plotting_an_attack_is_no_blame_of_one(classifier: Classifier) -> None:
    text = "وقالت الحكومة الألمانية إن تنظيم داعش يخطط لهجوم على محطات القطارات ."
    assert [r for r in _rows(classifier, text) if r[0] == "attribution"] == []


@pytest.mark.parametrize(("agent", "member"), list(product(
    ["نفذه", "شنه", "على يد", "من قبل"], ["انتحاري من", "مسلحون من", "عناصر من", "خلية من"])))
def test_a_member_of_a_party_after_the_agent_is_the_party(classifier: Classifier, agent: str, member: str) -> None:
    text = f"وقالت وزارة الداخلية العراقية إن الهجوم على السوق {agent} {member} تنظيم داعش ."
    assert ("attribution", "Iraq", IS) in _rows(classifier, text)


# --- a capture announced by its noun -------------------------------------------------------------

@pytest.mark.parametrize(("lead", "actor"), [
    ("وأعلنت قوات سوريا الديمقراطية سيطرتها على", "Syrian Democratic Forces"),
    ("وأعلنت قوات سوريا الديمقراطية السيطرة الكاملة على", "Syrian Democratic Forces"),
    ("وأعلن الجيش العراقي سيطرته على", "Iraq"), ("وأعلن الجيش العراقي تحرير", "Iraq"),
    ("وأعلنت هيئة تحرير الشام استعادة", HTS), ("وأكدت هيئة تحرير الشام اقتحام", HTS),
])
def test_a_capture_announced_by_its_noun_is_a_claim(classifier: Classifier, lead: str, actor: str) -> None:
    text = f"{lead} بلدة الحويجة بعد معارك استمرت ثلاثة أيام ."
    assert _rows(classifier, text) == [("claim", actor, actor)]


@pytest.mark.parametrize("what", ["الوضع الأمني", "الحريق"])
def test_control_of_a_situation_or_a_fire_is_no_capture(classifier: Classifier, what: str) -> None:
    text = f"وأعلن الجيش العراقي سيطرته على {what} في كركوك بعد الاشتباكات ."
    assert [r for r in _rows(classifier, text) if r[0] == "claim"] == []


@pytest.mark.parametrize(("text", "want"), [
    ("رئيس الوزراء العراقي حيدر العبادي يعلن تحرير مدينة الفلوجة من سيطرة تنظيم داعش .", [("claim", "Iraq", "Iraq")]),
    ("رئيس الوزراء العراقي حيدر العبادي يعلن تحرير الفلوجة من قبضة تنظيم داعش", [("claim", "Iraq", "Iraq")]),
    ("وكانت القوات أعلنت سيطرتها على البلدة بعد شهرين من القتال ضد تنظيم داعش .", []),
])
def test_the_party_fought_or_driven_out_does_not_speak(classifier: Classifier, text: str, want: list[Row]) -> None:
    assert _rows(classifier, text) == want


@pytest.mark.parametrize(("carry", "noun"), list(product(["جددت", "واصلت", "كثفت"], ["استهداف", "ضرب", "مهاجمة"])))
def test_carrying_on_an_attack_by_its_verbal_noun(classifier: Classifier, carry: str, noun: str) -> None:
    text = f"وقال الجيش الإسرائيلي إن طائراته {carry} {noun} مواقع حركة حماس في رفح ."
    assert _rows(classifier, text) == [("claim", "Israel", "Israel")]


@pytest.mark.parametrize("activist", ["الناشط", "الناشطة", "الناشط الإعلامي"])
def test_one_named_activist_reports_a_strike(classifier: Classifier, activist: str) -> None:
    text = f"وقال {activist} سامر الإدلبي إن قوات النظام قصفت بالمدفعية أحياء في مدينة جسر الشغور ."
    stance, speaker, subject = _rows(classifier, text)[0]
    assert (stance, subject) == ("attribution", "Syria")
    assert speaker is not None and speaker.startswith("الناشط")


# --- a group's own fighters, offices of several words, reports relayed by an agency -------------

@pytest.mark.parametrize(("group", "fighters", "name"), [
    ("تنظيم الدولة الإسلامية", "مقاتليه", IS), ("هيئة تحرير الشام", "مقاتليها", HTS), ("هيئة تحرير الشام", "عناصرها", HTS)])
def test_its_fighters_killed_with_an_object_is_the_groups_deed(classifier: Classifier, group: str, fighters: str,
                                                              name: str) -> None:
    # «قتلوا» is spelled alike in the active and the passive: with its object it is their deed ...
    text = f"وقال {group} إن {fighters} قتلوا ثلاثة جنود في هجوم على حاجز قرب حماة ."
    assert _rows(classifier, text) == [("claim", name, name)]


@pytest.mark.parametrize("after", ["في غارة أمريكية قرب الرقة", "خلال الاشتباكات مع الجيش"])
def test_its_fighters_killed_in_a_strike_are_its_dead(classifier: Classifier, after: str) -> None:
    # ... and followed by where or how, it is the passive: its men were killed, it claims nothing
    text = f"وقال تنظيم الدولة الإسلامية إن مقاتليه قتلوا {after} ."
    assert ("claim", IS, IS) not in _rows(classifier, text)


@pytest.mark.parametrize(("speaker", "state"), [
    ("قائد سلاح الجو العراقي", "Iraq"), ("قائد القوات الجوية العراقية", "Iraq"), ("وزير الدفاع العراقي", "Iraq")])
def test_an_office_of_several_words_before_its_states_adjective(classifier: Classifier, speaker: str,
                                                                state: str) -> None:
    text = f"وقال {speaker} إن القوات العراقية شنت غارة جوية على مواقع داعش في منطقة القائم ."
    assert _rows(classifier, text) == [("claim", state, state)]


@pytest.mark.parametrize(("office", "party", "forces", "name"), [
    ("قائد عسكري في", "قوات سوريا الديمقراطية", "قواته", "Syrian Democratic Forces"),
    ("قائد ميداني في", "هيئة تحرير الشام", "مقاتليها", HTS),
    ("المتحدث الرسمي باسم", "التحالف الدولي", "طائراته", "US-led coalition"),
])
def test_an_office_in_or_for_a_party_speaks_for_it(classifier: Classifier, office: str, party: str, forces: str,
                                                   name: str) -> None:
    text = f"وقال {office} {party} إن {forces} استهدفت مواقع داعش في ريف دير الزور ."
    assert _rows(classifier, text) == [("claim", name, name)]


@pytest.mark.parametrize(("blamed", "name"), [("فصائل مدعومة من إيران", "Iran-backed militias"), ("كتائب حزب الله", KH)])
def test_an_agency_quoting_an_official_the_official_speaks(classifier: Classifier, blamed: str, name: str) -> None:
    text = f"ونقلت وكالة رويترز عن مسؤول أمريكي قوله إن {blamed} تقف وراء الهجوم على القاعدة ."
    assert _rows(classifier, text) == [("attribution", "United States", name)]


def test_responsibility_for_a_failed_truce_is_no_blame(classifier: Classifier) -> None:
    # a message that names no deed of violence at all: responsibility alone is not an attack's
    text = "الحكومة تحمل مليشيات الحوثي مسؤولية إيصال جهود تمديد الهدنة الإنسانية إلى طريق مسدود"
    assert _rows(classifier, text) == []
    text = "الحكومة تحمل مليشيات الحوثي مسؤولية قصف الأحياء السكنية في تعز"
    assert _rows(classifier, text) == [("attribution", "الحكومة", "Houthis")]


# --- a pronoun object blamed by a description, an accusation as a verbal noun ----------------------

@pytest.mark.parametrize(("accuser", "name"), [("المعارضة", "المعارضة"), ("الحكومة", "الحكومة"),
                                               ("الجيش الإسرائيلي", "Israel")])
def test_a_pronoun_object_is_blamed_by_the_one_after_the_verb(classifier: Classifier, accuser: str, name: str) -> None:
    # «حمّلتها»: the party named before is the pronoun, the one blamed, never its own accuser
    text = f"ووضع التفجير حركة حماس في موقف صعب بعدما حملتها {accuser} مسؤولية الهجوم على الحافلة ."
    assert _rows(classifier, text) == [("attribution", name, "Hamas")]


def test_a_description_blaming_a_pronoun_with_no_party_named_is_none(classifier: Classifier) -> None:
    text = "ويعتبره المؤيدون ضابطا ناجحا , في حين تتهمه المعارضة بارتكاب مجزرة في الحي ."
    assert _rows(classifier, text) == []


@pytest.mark.parametrize(("lead", "accuser", "accused", "want"), [
    ("وتصاعد التوتر بعد", "الحكومة العراقية", "لتنظيم داعش بتنفيذ التفجير في سوق ببغداد", ("Iraq", IS)),
    ("وجاء ذلك إثر", "الجيش الإسرائيلي", "لحركة حماس بإطلاق صواريخ على عسقلان", ("Israel", "Hamas")),
    ("وتبادل الطرفان الاتهامات عقب", "الجيش", "للمتمردين بشن الهجوم على بلدة بور", ("الجيش", "Rebels")),
])
def test_an_accusation_as_a_verbal_noun_with_its_accuser_after_it(classifier: Classifier, lead: str, accuser: str,
                                                                  accused: str, want: tuple[str, str]) -> None:
    text = f"{lead} اتهام {accuser} {accused} ."
    assert _rows(classifier, text) == [("attribution", *want)]


def test_an_accusation_of_no_attack_as_a_verbal_noun_is_none(classifier: Classifier) -> None:
    text = "وتساءل الكاتب عن صحة اتهامات الحكومة لحماس بتأسيس قاعدة في جنوب لبنان ."
    assert _rows(classifier, text) == []


# --- a deed managed, a clitic written apart, a local media office ----------------------------------

@pytest.mark.parametrize(("managed", "deed"), [("تمكنوا من", "السيطرة على"), ("نجحوا في", "اقتحام"),
                                               ("استطاعوا", "تدمير دبابتين في")])
def test_a_deed_the_groups_fighters_managed_is_its_claim(classifier: Classifier, managed: str, deed: str) -> None:
    text = f"وأعلنت قوات سوريا الديمقراطية أن مقاتليها {managed} {deed} قرية الحمرات شرق الرقة ."
    assert _rows(classifier, text) == [("claim", "Syrian Democratic Forces", "Syrian Democratic Forces")]


def test_a_deed_not_managed_is_no_claim(classifier: Classifier) -> None:
    text = "ولم تتمكن قوات النظام من السيطرة على البلدة رغم القصف المتواصل ."
    assert _rows(classifier, text) == []


@pytest.mark.parametrize("clitic", ["ل - ", "ل "])
def test_the_office_of_a_quoted_party_with_its_clitic_apart(classifier: Classifier, clitic: str) -> None:
    text = f'وقال المكتب الإعلامي {clitic}"" جيش الإسلام "" إن قوات النظام قصفت مدينة دوما بالمدفعية .'
    assert _rows(classifier, text) == [("attribution", "Jaysh al-Islam", "Syria")]


@pytest.mark.parametrize("text", [
    'قصفت طائرات النظام بلدة معرة حرمة في ريف إدلب , بحسب ما أفاد به "" مركز إدلب الإعلامي "" .',
    "وقال مركز حمص الإعلامي إن قوات النظام قصفت حي الوعر بالصواريخ .",
    "شنت طائرات النظام غارات على مدينة سراقب , وفق مكتب سراقب الإعلامي .",
])
def test_a_local_media_office_reporting_a_strike_blames_as_written(classifier: Classifier, text: str) -> None:
    stance, speaker, subject = _rows(classifier, text)[0]
    assert (stance, subject) == ("attribution", "Syria")
    assert speaker is not None and speaker.endswith("الإعلامي")


def test_a_media_office_of_no_fighting_says_nothing(classifier: Classifier) -> None:
    assert _rows(classifier, "وأعلن المركز الإعلامي بنادي الاتحاد عن تجديد عقد اللاعب لثلاثة مواسم .") == []


# --- spokeswomen, witnesses an agency relays, a state's spokesman, a committee's finding ----------

@pytest.mark.parametrize(("spokesman", "want"), [
    ("وقالت المتحدثة باسم الخارجية الأمريكية إن طائرات أمريكية", ("claim", "United States", "United States")),
    ("وقال الناطق باسم الجيش العراقي إن طائراته", ("claim", "Iraq", "Iraq")),
    ("وقالت الناطقة باسم الخارجية الروسية إن الطائرات الأمريكية", ("attribution", "Russia", "United States")),
])
def test_a_spokeswoman_and_the_other_word_for_a_spokesman(classifier: Classifier, spokesman: str,
                                                         want: Row) -> None:
    assert _rows(classifier, f"{spokesman} قصفت مواقع لداعش قرب مدينة القائم .") == [want]


@pytest.mark.parametrize(("agency", "people"), [("الوكالة", "شهود عيان القول ,"), ("وكالة الأناضول", "شهود عيان"),
                                                ("شبكة شام", "ناشطين")])
def test_the_witnesses_an_agency_relays_speak_not_the_agency(classifier: Classifier, agency: str, people: str) -> None:
    # neither the agency (it relays) nor the witnesses (no party) blames Israel, and Israel claims nothing
    text = f"ونقلت {agency} عن {people} إن طائرات حربية إسرائيلية قصفت موقعا في بلدة بيت لاهيا ."
    assert _rows(classifier, text) == []


def test_a_state_spokesman_telling_a_suicide_fighter_killed_relays_no_communique(classifier: Classifier) -> None:
    text = ("وقال الناطق باسم الداخلية العميد خالد الراوي في بيان , إن فوج الطوارئ تمكن من قتل "
            "\"\" انغماسي \"\" من تنظيم \"\" داعش \"\" قرب الموصل .")
    assert ("claim", IS, IS) not in _rows(classifier, text)


@pytest.mark.parametrize(("finding", "want"), [
    ("وخلصت اللجنة التي تحقق في الهجوم إلى أن", "اللجنة"), ("وقالت اللجنة إن", "اللجنة"),
    ("وأكدت الحكومة اليمنية أن", "Yemen")])
def test_a_finding_that_a_party_ordered_an_attack_blames_it(classifier: Classifier, finding: str, want: str) -> None:
    text = f"{finding} تنظيم القاعدة أمر بتنفيذ التفجير في عدن ."
    assert _rows(classifier, text) == [("attribution", want, "al-Qaeda")]


def test_a_paper_alone_telling_who_planned_an_attack_is_the_news_voice(classifier: Classifier) -> None:
    text = "وأشارت الصحيفة إلى أن تنظيم القاعدة دبر الهجمات بعد أيام من اتفاق المصالحة ."
    assert _rows(classifier, text) == []


# --- a claim announced by the verbal noun ------------------------------------------------------------

@pytest.mark.parametrize(("lead", "claimant", "name"), [
    ("وقصفت الطائرات الإسرائيلية مواقع في القطاع إثر إعلان", "حركة حماس مسؤوليتها", "Hamas"),
    ("وتصاعد التوتر في المدينة بعد إعلان", "تنظيم داعش مسؤوليته", IS),
])
def test_responsibility_announced_as_a_verbal_noun(classifier: Classifier, lead: str, claimant: str,
                                                   name: str) -> None:
    text = f"{lead} {claimant} عن الهجوم على الحاجز ."
    assert _rows(classifier, text) == [("claim", name, name)]


@pytest.mark.parametrize("text", [
    "وقتل خمسة جنود في هجوم لتنظيم داعش دون إعلان أي جهة مسؤوليتها عن الهجوم .",
    "وقتل خمسة جنود في هجوم شمال سيناء , ولم يتم إعلان مسؤولية أي جهة عن الهجوم .",
    "وطالبت الحكومة بإعلان حركة حماس مسؤوليتها عن حماية المدنيين .",
])
def test_no_responsibility_announced_or_none_for_an_attack(classifier: Classifier, text: str) -> None:
    assert all(stance != "claim" for stance, _, _ in _rows(classifier, text))


# --- a deed a party announces, the day or the date between, and the pronoun of its own deed ----------

@pytest.mark.parametrize(("text", "name"), [
    ("أعلنت وزارة الدفاع الروسية , الأحد , عن مقتل 20 مسلحا في ريف حماة .", "Russia"),
    ("أعلن الجيش العراقي , اليوم الأربعاء , 4 آذار , 2017 , استعادة السيطرة على حي الزنجيلي في الموصل .", "Iraq"),
    ("أعلنت وزارة الدفاع الروسية عن تصفية 12 قياديا من المسلحين في ريف إدلب .", "Russia"),
    ("وأعلنت السلطات المصرية في وقت لاحق قتل قيادي مسلح في شمال سيناء .", "Egypt"),
    ("أعلنت قوات سوريا الديمقراطية تحرر بلدة الطبقة من التنظيم .", "Syrian Democratic Forces"),
    ("وبرغم إعلان الجيش السوري استعادة السيطرة على حي القابون , فإن الاشتباكات مستمرة .", "Syria"),
    ("وقال التحالف إن مئات من مقاتلي التنظيم لا يزالون في العراق وسوريا , بينما أعلنت وزارة الدفاع الروسية "
     "أمس الأربعاء تحرير مدينة البوكمال من مسلحي داعش .", "Russia"),
])
def test_a_kill_or_capture_announced_with_the_day_between(classifier: Classifier, text: str, name: str) -> None:
    assert ("claim", name, name) in _rows(classifier, text)
    assert all(stance != "claim" or speaker == name for stance, speaker, _ in _rows(classifier, text))


@pytest.mark.parametrize("text", [
    "أعلنت الداخلية الأفغانية , الأحد , مقتل خمسة أشخاص في هجوم على فندق في كابول .",
    "أعلنت كتائب القسام مقتل 7 من أفرادها جراء انهيار نفق شرق غزة .",
    "وأكدت مصادر ميدانية , أن هناك اتفاقا بين هيئة تحرير الشام والجيش التركي .",
])
def test_an_announced_toll_of_ones_own_or_of_civilians_is_no_claim(classifier: Classifier, text: str) -> None:
    assert all(stance != "claim" for stance, _, _ in _rows(classifier, text))


@pytest.mark.parametrize(("text", "name"), [
    ("وأفاد تنظيم داعش أنه قتل 12 جنديا عراقيا في منطقة الميدان غرب الموصل .", IS),
    ("وقال الجيش السوري إنه قتل عشرات المسلحين في ريف حماة .", "Syria"),
    ("وذكرت حركة الشباب أنها قتلت 15 جنديا صوماليا قرب مقديشو .", "al-Shabaab"),
    ("وقالت حركة أحرار الشام إنها تمكنت من الاستيلاء على حواجز للنظام في حي جوبر .", "Ahrar al-Sham"),
])
def test_the_speakers_pronoun_killing_fighters_is_its_claim(classifier: Classifier, text: str, name: str) -> None:
    assert _rows(classifier, text) == [("claim", name, name)]


@pytest.mark.parametrize("text", [
    "وذكرت وزارة الداخلية العراقية أنه قتل 5 أشخاص في انفجار عبوة ببغداد .",
    "وقالت الحركة إنه قتل في غارة إسرائيلية على رفح .",
    "ويبدو أنه قتل عشرات المسلحين في المعارك الأخيرة .",
])
def test_the_passive_after_the_pronoun_stays_no_claim(classifier: Classifier, text: str) -> None:
    assert all(stance != "claim" for stance, _, _ in _rows(classifier, text))


@pytest.mark.parametrize(("text", "name"), [
    ("وزارة الدفاع الروسية تعلن أن قائد الهيئة في حال حرجة بعد غارة نفذتها طائراتها في ريف إدلب .", "Russia"),
    ("وقالت وزارة الدفاع الروسية إن 30 مسلحا قتلوا في الغارات التي شنتها مقاتلاتها على ريف حماة .", "Russia"),
    ("وأكد الجيش الأردني أن الضربات التي نفذتها طائراته أصابت أهدافها بدقة في جنوب سوريا .", "Jordan"),
])
def test_the_speakers_own_forces_as_the_agent_of_an_attack_noun(classifier: Classifier, text: str, name: str) -> None:
    assert _rows(classifier, text) == [("claim", name, name)]


def test_forces_as_the_agent_in_a_report_no_party_speaks(classifier: Classifier) -> None:
    text = "وقال ناشطون إن الغارات التي نفذتها طائراتها قتلت مدنيين في إدلب ."
    assert all(stance != "claim" for stance, _, _ in _rows(classifier, text))


@pytest.mark.parametrize(("text", "name"), [
    ("وأعلنت وزارة الدفاع الروسية أن قاذفاتها دمرت مقرا لتنظيم داعش قرب دير الزور .", "Russia"),
    ("وقال الجيش العراقي إن مروحياته قصفت تجمعا للمسلحين في صحراء الأنبار .", "Iraq"),
    ("وأعلنت البحرية الأمريكية أن بوارجها أطلقت صواريخ توماهوك على قاعدة الشعيرات .", "United States"),
])
def test_its_bombers_helicopters_and_warships_are_its_own_forces(classifier: Classifier, text: str,
                                                                  name: str) -> None:
    assert _rows(classifier, text) == [("claim", name, name)]


@pytest.mark.parametrize(("text", "name"), [
    ("وقالت حركة أحرار الشام إن مقاتليها صدوا هجوما لقوات النظام على بلدة اللطامنة .", "Ahrar al-Sham"),
    ("وقالت قوات سوريا الديمقراطية إن مقاتليها تصدوا لهجوم شنه داعش على بلدة الشدادي .", "Syrian Democratic Forces"),
    ("وقالت هيئة تحرير الشام إن عناصرها أفشلوا هجوما لقوات النظام على ريف حماة .", HTS),
])
def test_an_armed_group_repelling_an_attack_is_its_claim(classifier: Classifier, text: str, name: str) -> None:
    assert _rows(classifier, text) == [("claim", name, name)]


@pytest.mark.parametrize(("text", "name"), [
    ("وأعلن الجيش الأمريكي عن توجيه ضربة جوية لمواقع حركة الشباب في الصومال .", "United States"),
    ("وأعلن الحرس الثوري عن إطلاق صواريخ على مقرات لداعش في دير الزور .", "IRGC"),
    ("وأعلن الجيش الإسرائيلي عن مهاجمة أهداف لحزب الله في جنوب لبنان .", "Israel"),
    ("وأعلنت حركة الشباب عن تنفيذ هجوم على قاعدة عسكرية في مقديشو .", "al-Shabaab"),
])
def test_an_attack_announced_as_a_verbal_noun_after_wa(classifier: Classifier, text: str, name: str) -> None:
    assert _rows(classifier, text) == [("claim", name, name)]


@pytest.mark.parametrize("text", [
    "وأعلنت وزارة الدفاع العراقية أن تنظيم داعش شن هجوما على قرية قرب كركوك .",
    "وأعلن مصدر أمني عن استهداف دورية للشرطة في ديالى .",
])
def test_an_announced_attack_of_another_party_or_of_no_party(classifier: Classifier, text: str) -> None:
    assert ("claim", "Iraq", "Iraq") not in _rows(classifier, text)
    assert all(stance != "claim" or speaker == IS for stance, speaker, _ in _rows(classifier, text))


@pytest.mark.parametrize("text", [
    "وفي شريط مصور سجل تنظيم الدولة الإسلامية تصويرا لعمليتين انتحاريتين في حي الزهور .",
    "وفي شريط مصور سجلتنظيم الدولة الإسلامية تصوير لعملية انتحارية في حي الزهور .",
])
def test_a_group_recording_its_attack_on_video_claims_it(classifier: Classifier, text: str) -> None:
    assert _rows(classifier, text) == [("claim", IS, IS)]


@pytest.mark.parametrize("text", [
    "وسجلت الوزارة 5 إصابات جديدة بالفيروس في المدينة .",
    "وسجلت كاميرات المراقبة تصويرا للهجوم على المتجر .",
])
def test_a_record_of_no_party_is_no_claim(classifier: Classifier, text: str) -> None:
    assert _rows(classifier, text) == []


@pytest.mark.parametrize("text", [
    "#وكالة_أعماق إعدام ثلاثة جواسيس للحكومة العراقية في مدينة الرطبة",
    "#وكالة_أعماق إعطاب دبابة للجيش السوري بصاروخ موجه قرب مطار كويرس",
    "#ولاية_الفرات / ذبح جاسوسين للتحالف الصليبي في مدينة البوكمال",
    "#ولاية_الرقة / #غزوة_باريس / إصدار مرئي جديد",
    "#وكالة_أعماق مقاتلو الدولة يحبطون هجوما لقوات النظام على قرية تل أحمر",
])
def test_a_relayed_communiques_deed_in_its_own_titles_is_the_groups_claim(classifier: Classifier, text: str) -> None:
    """Amaq's and the provinces' titles name the deed as a verbal noun («إعدام», «إعطاب», «ذبح», «غزوة»)."""
    assert ("claim", IS, IS) in _rows(classifier, text)


@pytest.mark.parametrize("text", [
    "#ولاية_كركوك / إحراق ثلاث آليات للروافض قرب قرية البشير",
    "#ولاية_دجلة / دك تجمعات للمرتدين بقذائف الهاون جنوب الموصل",
    "#عاجل / ولاية #الجزيرة / صد محاولة تقدم للحشد الرافضي غرب #تلعفر",
    "#وكالة_أعماق هجمات انغماسية لمقاتلي الدولة الإسلامية على مواقع الجيش في مدينة بيجي",
    "#عاجل / ولاية #حلب / هلكى الصحوات قرب بلدة مارع بريف حلب الشمالي",
])
def test_more_of_a_provinces_titles_of_its_deeds_are_the_groups_claim(classifier: Classifier, text: str) -> None:
    """The provinces and Amaq also title a deed «إحراق», «دك», «صد», «هلكى», «هجمات انغماسية»."""
    assert ("claim", IS, IS) in _rows(classifier, text)


@pytest.mark.parametrize("text", [
    "قام محتجون بإحراق إطارات في شوارع ولاية الخرطوم احتجاجا على الغلاء",
    "صد حارس المرمى محاولة تقدم للفريق المنافس في الدقيقة الأخيرة",
])
def test_a_burning_or_a_parry_with_no_group_named_relays_no_communique(classifier: Classifier, text: str) -> None:
    assert _rows(classifier, text) == []


@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ("وكالة أعماق : مقتل عناصر من قوات النظام إثر قصف روسي بالخطأ على مواقعهم قرب مدينة تدمر",
     IS, "Russia"),
    ("وكالة أعماق : سقوط قتلى وجرحى في صفوف الوحدات الكردية عقب قصف أمريكي على مواقعها في ريف الحسكة",
     IS, "United States"),
    ("وقال المرصد السوري لحقوق الإنسان إن قتلى سقطوا في صفوف قوات النظام جراء قصف روسي خاطئ على مواقعها",
     "Syrian Observatory for Human Rights", "Russia"),
])
def test_the_party_before_a_preposition_and_its_strike_is_hit_not_striking(
        classifier: Classifier, text: str, speaker: str, subject: str) -> None:
    """«إثر», «جراء», «عقب» take a verbal noun: «قصف» after them is the strike, whose doer follows it («قصف
    روسي»); the party named before the preposition is the one hit."""
    assert ("attribution", speaker, subject) in _rows(classifier, text)


def test_a_verb_right_after_its_doer_is_still_the_doers_strike(classifier: Classifier) -> None:
    text = "وقال المرصد السوري لحقوق الإنسان إن قوات النظام قصفت بلدة كفرنبل بريف إدلب"
    assert ("attribution", "Syrian Observatory for Human Rights", "Syria") in _rows(classifier, text)


def test_a_surname_that_is_an_epithet_relays_no_communique(classifier: Classifier) -> None:
    """«النصيري» is also a family name: a politician's threat in a news digest is no relayed communiqué."""
    text = "هدد أسعد النصيري مدير مكتب التيار الصدري بإحراق البلاد في حال اغتيال زعيم التيار"
    assert not any(stance == "claim" for stance, _, _ in _rows(classifier, text))


@pytest.mark.parametrize("text", [
    "وكانت طائرات التحالف شنت غارات على مواقع الحوثيين في محافظة صعدة .",
    "القوات الإسرائيلية شنت غارات على مدينة خان يونس الليلة الماضية .",
    "وقال سامر يوسف وهو مدرس في البلدة إن الطائرات الروسية نفذت ثلاث غارات على السوق .",
])
def test_strikes_told_in_the_outlet_voice_or_by_a_bystander_are_no_claim(classifier: Classifier, text: str) -> None:
    # the state named before «شنت غارات» did the strikes; no one of that state says so in the sentence
    assert all(stance != "claim" for stance, _, _ in _rows(classifier, text))


@pytest.mark.parametrize(("text", "name"), [
    ("وقال الجيش الإسرائيلي إن طائراته شنت غارات على مواقع لحماس في خان يونس .", "Israel"),
    ("شنت طائرات التحالف غارات على صعدة , وقال المتحدث باسم التحالف إن الغارات أصابت مخازن سلاح .",
     "US-led coalition"),
])
def test_strikes_the_state_itself_tells_stay_its_claim(classifier: Classifier, text: str, name: str) -> None:
    assert ("claim", name, name) in _rows(classifier, text)


@pytest.mark.parametrize(("text", "name"), [
    ("وأعلنت تركيا عن بدء عملية عسكرية ضد وحدات حماية الشعب في منطقة عفرين .", "Turkey"),
    ("وأعلنت قوات سوريا الديمقراطية بدء معركة لطرد تنظيم داعش من مدينة الطبقة .", "Syrian Democratic Forces"),
    ("وأعلن الجيش العراقي انطلاق عمليات عسكرية لتحرير قضاء تلعفر .", "Iraq"),
    ("وجاء القصف بعد ساعات من إعلان السعودية بدء عملية عسكرية ضد الحوثيين في اليمن .", "Saudi Arabia"),
])
def test_a_party_announcing_the_start_of_its_offensive_claims_it(classifier: Classifier, text: str, name: str) -> None:
    assert ("claim", name, name) in _rows(classifier, text)


@pytest.mark.parametrize("text", [
    "وأعلنت الحكومة السورية بدء عملية التسوية في بلدات ريف دمشق .",
    "وأعلنت الأمم المتحدة بدء عملية إجلاء المدنيين من الأحياء الشرقية .",
    "وأعلنت تركيا بدء عملية سحب قواتها من نقطة المراقبة في مورك .",
])
def test_an_announced_process_that_is_no_fighting_is_no_claim(classifier: Classifier, text: str) -> None:
    assert all(stance != "claim" for stance, _, _ in _rows(classifier, text))


@pytest.mark.parametrize(("text", "name"), [
    ("وقال الجيش الإسرائيلي إن المدفعية واصلت صباح أمس قصف أطراف بلدة بيت حانون .", "Israel"),
    ("وقالت وزارة الدفاع التركية إن مقاتلاتها كثفت من غاراتها على مواقع حزب العمال الكردستاني في قنديل .", "Turkey"),
    ("وذكرت وزارة الدفاع الروسية أن قاذفاتها جددت اليوم ضرباتها على مقرات داعش قرب الميادين .", "Russia"),
])
def test_carrying_on_an_attack_past_a_time_or_a_preposition_is_its_claim(classifier: Classifier, text: str,
                                                                          name: str) -> None:
    assert _rows(classifier, text) == [("claim", name, name)]


@pytest.mark.parametrize("text", [
    "وقال الجيش إنه واصل من جهته تقديم المساعدات للنازحين في المخيم .",
    "وكانت قوات النظام قد كثفت من قصفها على بلدات الغوطة الشرقية .",
])
def test_carrying_on_aid_or_an_attack_no_one_tells_is_no_claim(classifier: Classifier, text: str) -> None:
    assert all(stance != "claim" for stance, _, _ in _rows(classifier, text))


@pytest.mark.parametrize("text", [
    "وأكد المبعوث الخاص للأمم المتحدة لعملية السلام أن جولة المحادثات المقبلة ستعقد في جنيف .",
    "وأعلنت وزارة الدفاع الروسية أن عملية الإجلاء من الأحياء الشرقية ستنتهي خلال يومين .",
])
def test_a_process_called_an_operation_is_no_attack(classifier: Classifier, text: str) -> None:
    assert _rows(classifier, text) == []


def test_an_operation_of_war_stays_one(classifier: Classifier) -> None:
    text = "وأعلن الجيش التركي أن قواته نفذت عملية عسكرية ضد مواقع وحدات حماية الشعب في عفرين ."
    assert ("claim", "Turkey", "Turkey") in _rows(classifier, text)


def test_a_pretext_given_for_a_killing_is_no_claim(classifier: Classifier) -> None:
    text = "استشهاد شاب فلسطيني برصاص الجيش الإسرائيلي قرب الخليل بزعم محاولته تنفيذ عملية طعن ."
    assert all(stance != "claim" for stance, _, _ in _rows(classifier, text))


def test_a_claim_with_its_verb_still_claims(classifier: Classifier) -> None:
    text = "وزعمت حركة الشباب أنها نفذت الهجوم على القاعدة العسكرية في مقديشو ."
    assert ("claim", "al-Shabaab", "al-Shabaab") in _rows(classifier, text)


@pytest.mark.parametrize("text", [
    "وقال رئيس الوزراء العراقي إن قوات التحالف موجودة لدعم عملية هزيمة داعش في الموصل .",
    "وقالت وزارة الدفاع التركية إن قواتها تشارك في عمليات مكافحة الإرهاب مع الجيش العراقي .",
])
def test_the_party_an_operation_fights_is_not_its_doer(classifier: Classifier, text: str) -> None:
    assert all(subject != IS and stance != "attribution" for stance, _, subject in _rows(classifier, text))


def test_an_attack_of_the_party_after_it_stays_a_blame(classifier: Classifier) -> None:
    text = "وقالت وزارة الدفاع العراقية إن هجوما لتنظيم داعش استهدف قرية قرب كركوك ."
    assert ("attribution", "Iraq", IS) in _rows(classifier, text)


def test_division_13_is_a_faction_of_the_free_syrian_army(classifier: Classifier) -> None:
    text = "وأعلنت الفرقة 13 مقتل ثمانية من عناصر حزب الله بصاروخ تاو في ريف حلب الجنوبي ."
    assert _rows(classifier, text) == [("claim", "Free Syrian Army", "Free Syrian Army")]


def test_another_numbered_division_is_not_it(classifier: Classifier) -> None:
    text = "وأعلنت الفرقة 15 في الجيش العراقي مقتل عشرين مسلحا من داعش قرب الموصل ."
    assert all(speaker != "Free Syrian Army" for _, speaker, _ in _rows(classifier, text))


@pytest.mark.parametrize("name", ["وحدات الحماية", "وحدات الحماية الكردية"])
def test_the_short_name_of_the_ypg(classifier: Classifier, name: str) -> None:
    text = f"وأكد بيان {name} تدمير طائرة استطلاع تركية قرب عفرين ."
    assert _rows(classifier, text) == [("claim", "People's Protection Units", "People's Protection Units")]


# --- a monitor's documentation ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وثقت منظمة هيومن رايتس ووتش 12 غارة جوية للتحالف الذي تقوده السعودية على أسواق ومصانع في صنعاء .",
    "وتحققت منظمة مواطنة لحقوق الإنسان من تسع ضربات جوية للتحالف الذي تقوده السعودية على محافظة الحديدة .",
])
def test_what_a_monitor_documented_is_its_blame(classifier: Classifier, text: str) -> None:
    rows = [r for r in _rows(classifier, text) if r[0] == "attribution"]
    assert len(rows) == 1 and rows[0][1] in ("Human Rights Watch", "Mwatana for Human Rights")
    assert rows[0][2] == "Saudi-led coalition"


def test_a_video_documenting_a_strike_is_no_report(classifier: Classifier) -> None:
    # «ويوثق» of a video: what the film shows, not a monitor's finding
    text = "وبث الجيش مقطعا مصورا يوثق قصف قوات النظام لمواقع في بلدة زاكية ."
    assert _rows(classifier, text) == []


# --- the deed disowned, the evidence and the reports denied --------------------------------------

@pytest.mark.parametrize(("text", "speaker", "kind"), [
    ("وأكدت الحكومة السورية أنها لم تستخدم السلاح الكيماوي في بلدة اللطامنة .", "Syria", "responsibility"),
    ("وأكد بيان لوزارة الدفاع الروسية أن القوات الروسية لم تشارك في الغارة على سوق معرة النعمان .", "Russia",
     "responsibility"),
    ("تبرأت حركة طالبان من التفجير الذي استهدف مسجدا في قندهار .", "Taliban", "responsibility"),
    ("وتنصل حزب الله من الهجوم الصاروخي على بلدة كريات شمونة .", "Hezbollah", "responsibility"),
    ("وأكدت هيئة تحرير الشام عدم مسؤوليتها عن اغتيال القيادي في ريف حلب .", HTS, "responsibility"),
    ("قال الكرملين إنه لا دليل على وقوع هجوم كيماوي في بلدة سراقب .", "Russia", "event"),
    ("أكدت وزارة الدفاع العراقية عدم صحة الأنباء عن هجوم صاروخي على قاعدة بلد الجوية .", "Iraq", "event"),
])
def test_disowned_deeds_and_denied_evidence(classifier: Classifier, text: str, speaker: str, kind: str) -> None:
    stance, who, _, denial_of, _ = _one(classifier, text)
    assert (stance, who, denial_of) == ("denial", speaker, kind)


@pytest.mark.parametrize("text", [
    "تؤكد وزارة الصحة عدم صحة ما يتم تداوله عن سقوط أحد المتسوقين فاقدا الوعي في السوق .",
    "وأكد الوزير عدم صحة الأنباء عن استقالته من الحكومة .",
    "وتبرأت العائلة من ابنها بعد خلاف على الميراث .",
])
def test_untrue_reports_and_disowning_about_no_attack_are_none(classifier: Classifier, text: str) -> None:
    assert [s.stance for s in classifier.classify(text).statements] == []


@pytest.mark.parametrize(("text", "kind"), [
    ("ونفت مصادر أمنية في كردستان وقوع أي إصابات جراء القصف على مطار السليمانية .", "figures"),
    ("ونفت إسرائيل سقوط صاروخ على ميناء أسدود .", "event"),
    ("ونفى الجيش السوري سقوط مدينة السخنة بيد تنظيم الدولة .", "event"),
    ("ونفت وزارة الداخلية حدوث أي تفجير في العاصمة بغداد .", "event"),
    ("ونفت تركيا أن يكون الهجوم قد وقع في أراضيها .", "location"),
])
def test_the_kind_of_a_denied_fall_toll_or_place(classifier: Classifier, text: str, kind: str) -> None:
    assert [s.denial_of for s in classifier.classify(text).statements if s.stance == "denial"] == [kind]


@pytest.mark.parametrize(("text", "speaker"), [
    ("ووصفت موسكو الهجوم المزعوم على السوق بأنه استفزاز مدبر .", "Russia"),
    ("موسكو: الحديث عن هجوم كيماوي في سراقب فبركة", "Russia"),
    ("وقال الجيش السوري إنه خلافا لما ذكرته وسائل إعلام المعارضة لم تسقط مدينة خناصر .", "Syria"),
])
def test_a_provocation_a_fabrication_or_a_report_contradicted(classifier: Classifier, text: str, speaker: str) -> None:
    stance, who, _, kind, _ = _one(classifier, text)
    assert (stance, who, kind) == ("denial", speaker, "event")


@pytest.mark.parametrize("text", [
    "خلافا لما أعلنته الحكومة، ارتفعت الأسعار في الأسواق هذا الأسبوع .",
    "ووصف الوزير الهجوم على الحاجز بأنه عمل إرهابي جبان .",
    "وقال إن عملية الاستفتاء ما هي إلا فبركة لحماية المصالح النفطية .",
])
def test_contradicted_prices_a_condemnation_or_a_political_fabrication_are_none(classifier: Classifier,
                                                                                 text: str) -> None:
    assert [s.stance for s in classifier.classify(text).statements if s.stance == "denial"] == []


@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ('واشنطن : "" الجيش السوري "" لم يستخدم أسلحة كيماوية في اللطامنة .', "United States", "Syria"),
    ("وقال المرصد السوري إن قوات النظام لم تستخدم السلاح الكيماوي في البلدة .", "Syrian Observatory for Human Rights",
     "Syria"),
    ("وقال حزب الله إنه لم يستهدف أي مواقع مدنية في الجليل .", "Hezbollah", "Hezbollah"),
])
def test_the_denier_of_another_partys_deed_is_who_says_it(classifier: Classifier, text: str, speaker: str,
                                                          subject: str) -> None:
    assert _one(classifier, text)[:4] == ("denial", speaker, subject, "responsibility")


# --- an accuser whose accused the gazetteer does not know ------------------------------------------

@pytest.mark.parametrize(("accuser", "name"), [
    ("حركة حماس", "Hamas"), ("قوات سوريا الديمقراطية", "Syrian Democratic Forces"), ("الجيش السوري", "Syria"),
])
@pytest.mark.parametrize("accused", ["جهات مجهولة", "خلايا نائمة", "مسلحين", "عملاء مأجورين"])
@pytest.mark.parametrize("clitic", ["", "و"])
def test_the_party_after_the_verb_accuses_an_unnamed_one(classifier: Classifier, accuser: str, name: str,
                                                          accused: str, clitic: str) -> None:
    # the party right after a clause-opening «اتهم» is its subject: it blames, it is not the one blamed
    text = f"{clitic}اتهمت {accuser} {accused} بتفجير سيارة مفخخة قرب حاجز في مدينة منبج ."
    assert _rows(classifier, text) == [("attribution", name, None)]


@pytest.mark.parametrize("text", [
    # the subject before a present tense: the party after it is the accused, with a second one joined to it
    "تجمع العشائر يتهم كتائب حزب الله وفصائل أخرى بقتل مدنيين في قضاء الكرمة",
    # the verb's own pronoun subject: the party right after it, before its charge, is the accused
    "وتتهم كتائب حزب الله بالوقوف وراء القصف الذي استهدف المعسكر .",
])
def test_the_party_after_the_verb_is_still_the_accused(classifier: Classifier, text: str) -> None:
    rows = _rows(classifier, text)
    assert rows and all(r[0] == "attribution" and r[2] == "Kataib Hezbollah" for r in rows)


def test_the_turkish_state_is_turkey(classifier: Classifier) -> None:
    text = "واتهمت وحدات حماية الشعب الدولة التركية بقصف قرى حدودية في ريف عفرين ."
    assert _rows(classifier, text) == [("attribution", "People's Protection Units", "Turkey")]


# --- a spokesman named after the bare body he serves ----------------------------------------------

@pytest.mark.parametrize(("text", "party"), [
    ("وقال الناطق باسم الوزارة إيغور كوناشينكوف إن الطائرات الروسية دمرت مقرا لجبهة النصرة في ريف حماة .", "Russia"),
    ("وقال الناطق باسم الوزارة كوناشينكوف إن قاذفاتها دمرت مقرا لجبهة النصرة في ريف حماة .", "Russia"),
    ("وقال المتحدث بلسان الجيش أفيخاي أدرعي إن الجيش قصف موقعا لحركة حماس شرقي خان يونس .", "Israel"),
    ("وقال المتحدث باسم الجيش أفيخاي أدرعي إن الطائرات أغارت على موقع لحركة حماس في رفح .", "Israel"),
])
def test_the_named_spokesman_of_a_bare_body_speaks(classifier: Classifier, text: str, party: str) -> None:
    assert _rows(classifier, text) == [("claim", party, party)]


# --- the monitor by the name its opponents give it --------------------------------------------------

def test_the_opposition_observatory_is_the_sohr(classifier: Classifier) -> None:
    text = "وقال المرصد المعارض إن طائرات التحالف الدولي قصفت مدرسة تؤوي نازحين في بلدة الكرامة ."
    assert _rows(classifier, text) == [("attribution", "Syrian Observatory for Human Rights", "US-led coalition")]


# --- the description a verb has for its own subject, not the party of the sentence before -----------

def test_a_described_condemner_is_not_the_party_carried(classifier: Classifier) -> None:
    text = ("وأكد المرصد السوري سيطرة الجيش على القرية . "
            "وأدانت رئاسة المجلس المحلي في مدينة جنديرس القصف التركي على القرى الحدودية .")
    rows = [r for r in _rows(classifier, text) if r[0] == "attribution"]
    assert rows and all(r[1] != "Syrian Observatory for Human Rights" and r[2] == "Turkey" for r in rows)


# --- an attack verb joined by «و» to an earlier verb of the same subject ----------------------------

@pytest.mark.parametrize(("clause", "party"), [
    ("الطائرات الروسية تحلق فوق ريف حماة وتقصف القرى بالصواريخ", "Russia"),
    ("القوات الروسية تشارك في المعارك ميدانيا , وتنفذ غارات كثيفة على البلدة", "Russia"),
    ("هيئة تحرير الشام تقدمت نحو البلدة واستهدفت حاجزا للجيش", "Hayat Tahrir al-Sham"),
    ("عناصر من هيئة تحرير الشام اعتقلوا ناشطين واستهدفوا منازلهم", "Hayat Tahrir al-Sham"),
    ("الجيش التركي يحشد قواته على الحدود ويقصف قرى ريف عفرين", "Turkey"),
    # a party right after the first verb is its object: the subject before it does the second deed too
    ("الطائرات الروسية تساند قوات النظام وتقصف قرى ريف حماة", "Russia"),
])
def test_the_second_verb_keeps_the_subject_of_the_first(classifier: Classifier, clause: str, party: str) -> None:
    text = f"وقال المرصد السوري إن {clause} ."
    rows = [r for r in _rows(classifier, text) if r[0] == "attribution"]
    assert rows == [("attribution", "Syrian Observatory for Human Rights", party)]


@pytest.mark.parametrize("text", [
    # a second party in between that is no object of the first verb: not the first party's deed
    "وقال المرصد السوري إن الطائرات الروسية حلقت فوق البلدة حيث قوات النظام وقصفت الأحياء .",
    # the verbs do not agree: no shared subject
    "وقال المرصد السوري إن الطائرات الروسية حلقت فوق البلدة وقصفوا الأحياء .",
])
def test_no_shared_subject_past_a_clause_or_without_agreement(classifier: Classifier, text: str) -> None:
    assert all(r[2] != "Russia" for r in _rows(classifier, text))


@pytest.mark.parametrize(("occupier", "party"), [
    ("جيش الاحتلال التركي", "Turkey"), ("قوات الاحتلال التركي", "Turkey"), ("قوات الاحتلال الروسي", "Russia"),
    ("قوات الاحتلال", "Israel"),
])
def test_the_occupation_with_its_adjective(classifier: Classifier, occupier: str, party: str) -> None:
    # «قوات الاحتلال» alone is the Israeli army in Palestinian reports; with another state's adjective, that state
    text = f"وقال المرصد السوري إن {occupier} قصف قرى في ريف جرابلس ."
    assert [r[2] for r in _rows(classifier, text) if r[0] == "attribution"] == [party]


@pytest.mark.parametrize("text", [
    "أعلنت فصائل المعارضة السيطرة على حواجز للجيش النظامي في حي جوبر .",
    "أعلن الثوار السيطرة على حاجزين لقوات النظام في ريف درعا .",
])
def test_the_opposition_announcing_a_capture_claims_it(classifier: Classifier, text: str) -> None:
    assert ("claim", "Rebels", "Rebels") in _rows(classifier, text)


def test_the_alliance_of_iraqi_forces_is_a_known_speaker(classifier: Classifier) -> None:
    text = "تحالف القوى يتهم فصيلا مسلحا ب الخطف والقتل في الفلوجة بعد اتهامه كتائب حزب الله بقتل مدنيين ."
    assert ("attribution", "Alliance of Iraqi Forces", "Kataib Hezbollah") in _rows(classifier, text)


@pytest.mark.parametrize("text", [
    "أحرار الشرقية يزعمون إنهم أسقطوا طائرة حربية حكومية قرب البادية .",
    "أحرار الشرقية تزعم أنها أسقطت طائرة حربية للنظام .",
])
def test_a_claim_in_the_present_or_plural_after_its_party(classifier: Classifier, text: str) -> None:
    assert ("claim", "Ahrar al-Sharqiya", "Ahrar al-Sharqiya") in _rows(classifier, text)


def test_a_man_who_is_named_claims_nothing(classifier: Classifier) -> None:
    text = "وأعدمت السلطات 47 متهما بقضايا إرهاب بينهم مصري الجنسية يدعى محمد فتحي ."
    assert all(stance != "claim" or speaker is None for stance, speaker, _ in _rows(classifier, text))


def test_a_relay_of_the_groups_capture_in_the_present_is_its_claim(classifier: Classifier) -> None:
    text = "#وكالة_أعماق #عاجل مقاتلو الدولة الإسلامية يسيطرون على قرية تل جبين شمال حلب"
    assert ("claim", IS, IS) in _rows(classifier, text)


def test_a_relay_of_another_sides_capture_is_not_the_groups_claim(classifier: Classifier) -> None:
    text = "#وكالة_أعماق فصائل المعارضة السورية تسيطر على قرية تل جبين شمال حلب بدعم من طائرات تركية"
    assert not any(r[0] == "claim" and r[1] == IS for r in _rows(classifier, text))


def test_no_proof_of_the_attack_denies_the_event_in_the_reporters_voice(classifier: Classifier) -> None:
    """«لا يوجد إثبات على الهجوم»: the want of proof denies the event; the party whose verb opens the
    report denies it, not the party its report names."""
    text = "صرح الكرملين بأن واشنطن تختلق الذرائع إذ لا يوجد إثبات على الهجوم الكيماوي في دوما"
    assert _one(classifier, text)[:4] == ("denial", "Russia", None, "event")


@pytest.mark.parametrize("text", [
    "قالت فصائل المعارضة إنها تمكنت من الاستيلاء على حواجز للجيش في حي القابون",
    "فصائل في المعارضة المسلحة تعلن أنها تمكنت من الاستيلاء على حواجز للجيش النظامي في حي القابون",
])
def test_the_opposition_announcing_it_took_checkpoints_claims_it(classifier: Classifier, text: str) -> None:
    assert [r for r in _rows(classifier, text) if r[0] == "claim"] == [("claim", "Rebels", "Rebels")]


def test_affirming_a_capability_to_strike_is_no_claim(classifier: Classifier) -> None:
    text = ("قالت الصحيفة إن فرع التنظيم نفذ هجمات قوية في الأيام الأخيرة , وكأنه يرسل رسالة للعالم يؤكد فيها "
            "قدرته على استهداف مناطق أخرى , رغم ما يتعرض له من هزائم في سوريا والعراق .")
    assert not [r for r in _rows(classifier, text) if r[0] == "claim"]


# --- a group named in the plural speaks of «their» forces; a military spokesman's office in full

@pytest.mark.parametrize("text", [
    "قال الحوثيون إن قواتهم استهدفت سفينة في البحر الأحمر",
    "قال المتحدث باسم الحوثيين إن قواتهم استهدفت سفينة في البحر الأحمر",
    "قال المتحدث العسكري باسم الحوثيين إن قواتهم استهدفت سفينة في البحر الأحمر",
    "قال المتحدث العسكري باسم الحوثيين يحيى سريع إن قواتهم استهدفت سفينة في البحر الأحمر",
])
def test_their_forces_after_a_plural_group_are_its_claim(classifier: Classifier, text: str) -> None:
    assert ("claim", "Houthis", "Houthis") in _rows(classifier, text)


# --- a denial of the denier's own deed told with a pronoun or «أن يكون (قد)» and the verb

@pytest.mark.parametrize(("text", "who"), [
    ("نفى الجيش الإسرائيلي أنه استهدف المستشفى", "Israel"),
    ("نفى الجيش الإسرائيلي أن يكون قد استهدف المستشفى", "Israel"),
    ("نفى حزب الله أنه هاجم دورية إسرائيلية", "Hezbollah"),
    ("نفى حزب الله أن يكون قد شن أي هجوم على إسرائيل", "Hezbollah"),
    ("نفت حركة حماس أن تكون قد أطلقت الصواريخ على إسرائيل", "Hamas"),
])
def test_a_denial_of_ones_own_deed_with_a_pronoun(classifier: Classifier, text: str, who: str) -> None:
    # the party the attack went to («على إسرائيل») is not the one denied
    stance, speaker, subject, kind, _ = _one(classifier, text)
    assert (stance, speaker, subject, kind) == ("denial", who, who, "responsibility")


@pytest.mark.parametrize(("text", "who"), [
    ("أكدت المقاومة الإسلامية في العراق أن مجاهديها استهدفوا قاعدة عين الأسد بطائرة مسيرة", IRI),
    ("أصدرت المقاومة الإسلامية في العراق بيانا. وأكدت فيه أن مجاهديها استهدفوا قاعدة عين الأسد بطائرة مسيرة", IRI),
    ("قال حزب الله إن مجاهديه استهدفوا موقع المطلة", "Hezbollah"),
])
def test_its_mujahideen_are_its_forces(classifier: Classifier, text: str, who: str) -> None:
    assert ("claim", who, who) in _rows(classifier, text)


# --- a relay channel's post tells its group's attack in the group's voice

@pytest.mark.parametrize(("text", "who"), [
    ("المقاومة الإسلامية في العراق تستهدف قاعدة الاحتلال الأمريكي في الشدادي", IRI),
    ("عاجل | المقاومة الإسلامية في العراق تستهدف قاعدة الاحتلال الأمريكي في الشدادي", IRI),
    ("حزب الله يستهدف موقع المطلة بالصواريخ", "Hezbollah"),
])
def test_a_relay_channels_report_of_its_networks_attack_is_the_groups_claim(classifier: Classifier, text: str,
                                                                           who: str) -> None:
    assert ("claim", who, who) in _rows(classifier, text, source_actor="sabereen-news")


@pytest.mark.parametrize("text", [
    "داعش يهاجم نقطة للجيش العراقي في كركوك",  # the axis's relay reports IS's attack, it carries no IS claim
    "المقاومة الإسلامية في العراق تستهدف قاعدة الاحتلال الأمريكي في الشدادي",  # a news outlet's headline: its own voice
])
def test_no_relay_no_claim(classifier: Classifier, text: str) -> None:
    source = "sabereen-news" if text.startswith("داعش") else None
    assert not [r for r in _rows(classifier, text, source_actor=source) if r[0] == "claim"]


@pytest.mark.parametrize("text", ["توعدت ولاية خراسان باستهداف القواعد الأمريكية", "هددت ولاية سيناء بقصف المدن الإسرائيلية"])
def test_a_provinces_threat_is_no_claim(classifier: Classifier, text: str) -> None:
    assert not [r for r in _rows(classifier, text) if r[0] == "claim"]


# --- the accused denies: a group noun points back to the group the sentence before named ----------

@pytest.mark.parametrize(("accused", "noun", "name"), [
    ("كتائب حزب الله", "الكتائب", KH), ("حركة حماس", "الحركة", "Hamas"), ("تنظيم الدولة", "التنظيم", IS),
    ("حزب العمال الكردستاني", "الحزب", "PKK"), ("جماعة الحوثي", "الجماعة", "Houthis"),
])
@pytest.mark.parametrize("frame", ["ونفت {noun} أي علاقة لها بالهجوم", "من جهتها نفت {noun} أي علاقة لها بالهجوم",
                                   "و{noun} نفت أي علاقة لها بالهجوم"])
def test_the_group_noun_after_an_accusation_is_the_accused_denying(classifier: Classifier, accused: str, noun: str,
                                                                  name: str, frame: str) -> None:
    text = f"اتهمت واشنطن {accused} بتنفيذ الهجوم. " + frame.format(noun=noun)
    rows = _rows(classifier, text)
    assert ("attribution", "United States", name) in rows
    assert [r for r in rows if r[0] == "denial"] == [("denial", name, name)]
