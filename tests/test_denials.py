"""Denials of attacks: the wording (English, Arabic, French, Persian), who denies, whose deed or
report is denied, and what is denied (responsibility, event, figures, location); and denials of
things that are not attacks left alone. Sentences written for these tests by the project."""

from __future__ import annotations

from typing import Any

import pytest

from classifiers.classify import Classifier

from .helpers import denials


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(learned=False)


# -- English: a verb and the report it denies ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Iran dismisses US charge of drone attack on a tanker in the Arabian Sea",
    "Iran rejected Washington's accusations of a role in the rocket attack on the base.",
    "Tehran has flatly denied the latest American allegations over the drone strike.",
    "Iran is rebutting US accusations about the missile attack on the ship.",
])
def test_a_denied_charge_is_the_deniers_own_responsibility(classifier: Classifier, text: str) -> None:
    assert denials(classifier, text) == [("iran-government", "iran-government", "responsibility")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran denies role in attack on US troops in Jordan", ("iran-government", "iran-government", "responsibility")),
    ("Israel denies striking Gaza church", ("israel", "israel", "responsibility")),
    ("US denies Iranian claim it shot down American drone", ("united-states", "iran-government", "event")),
    ("Hezbollah says Israeli report of attack on border post 'a lie'", ("hezbollah", "israel", "event")),
    ("Hezbollah denied that any of its members were killed in the strike", ("hezbollah", "hezbollah", "figures")),
])
def test_headline_denials(classifier: Classifier, text: str, expected: tuple[str, str, str]) -> None:
    assert denials(classifier, text) == [expected]


def test_the_author_of_the_denied_claim_is_not_the_denier(classifier: Classifier) -> None:
    got = denials(classifier, "The Houthi claims of a hit on the destroyer are false, the Pentagon said.")
    assert got == [("united-states", "houthis", "event")]


def test_a_denied_report_names_the_doer_of_the_event(classifier: Classifier) -> None:
    got = denials(classifier, "Hayat Tahrir al-Sham denied reports that the village was captured by "
                              "Hezbollah, saying it remains under its control.")
    assert got == [("hayat-tahrir-al-sham", "hezbollah", "event")]


def test_a_denied_claim_of_another_partys_deed_is_that_partys_event(classifier: Classifier) -> None:
    got = denials(classifier, "Israel denied Hezbollah's claim that it had destroyed a tank near the border.")
    assert got == [("israel", "hezbollah", "event")]


def test_its_fighters_in_the_denied_report_are_the_deniers(classifier: Classifier) -> None:
    got = denials(classifier, "Hezbollah denies Israeli claims that its fighters fired rockets at Metula")
    assert got == [("hezbollah", "hezbollah", "responsibility")]


def test_a_report_of_own_strikes_denied_is_responsibility(classifier: Classifier) -> None:
    assert denials(classifier, "Russia denied reports of Russian strikes on the market in Idlib.") == [
        ("russia", "russia", "responsibility")]


def test_passive_denial_names_the_denier_after_by(classifier: Classifier) -> None:
    got = denials(classifier, "The claim of a drone attack on the Harir base was denied by the coalition.")
    assert [(speaker, kind) for speaker, _, kind in got] == [("cjtf-oir", "event")]


@pytest.mark.parametrize(("text", "kind"), [
    ("The Iraqi army said the report of an attack on the Balad base was completely baseless.", "event"),
    ("The ministry said the strike on the convoy never happened.", "event"),
    ("The US military said reports of two American soldiers killed at the base were false.", "figures"),
    ("Jordan denied that the drone attack took place on its territory.", "location"),
])
def test_what_the_denial_says_is_denied(classifier: Classifier, text: str, kind: str) -> None:
    got = denials(classifier, text)
    assert len(got) == 1 and got[0][2] == kind


def test_a_role_named_on_another_party_makes_it_the_subject(classifier: Classifier) -> None:
    got = denials(classifier, "The Pentagon ruled out any Houthi involvement in the ship attack.")
    assert got == [("united-states", "houthis", "responsibility")]


def test_involvement_in_another_partys_attack_is_still_the_deniers(classifier: Classifier) -> None:
    assert denials(classifier, "Iran denied involvement in the Hamas attack on Israel.") == [
        ("iran-government", "iran-government", "responsibility")]


def test_a_short_denial_at_the_end_reads_the_words_before_it(classifier: Classifier) -> None:
    result = classifier.classify("Everyone says Jabhat al-Nusra captured the crossing - Amaq denies.", learned=False)
    # the capture it denies is not also a blame of al-Nusra
    assert [(st.stance, st.speaker.id if st.speaker else None, st.subject.id if st.subject else None, st.denial_of)
            for st in result.statements] == [("denial", "islamic-state", "jabhat-al-nusra", "event")]


def test_a_relayed_denial_of_a_death_is_no_claim(classifier: Classifier) -> None:
    result = classifier.classify("Amaq agency denies the Pentagon claim that an IS commander was killed in "
                                 "an air strike.", learned=False)
    assert [(st.stance, st.subject.id if st.subject else None, st.denial_of) for st in result.statements] == [
        ("denial", "united-states", "figures")]


# -- an army's own post ----------------------------------------------------------------------

def test_no_damage_in_an_armys_own_post_is_the_armys_figures(classifier: Classifier) -> None:
    text = ("The IDF struck Hamas terrorists in the area of Khan Yunis. The strike was precise, and no damage was "
            "caused to the school in the area.")
    assert denials(classifier, text, "israel") == [("israel", "israel", "figures")]


def test_no_injuries_after_launches_at_the_army_is_no_denial(classifier: Classifier) -> None:
    text = ("Several launches from Lebanon toward northern Israel were identified, no injuries were reported. "
            "IDF artillery is striking the sources of the fire.")
    assert denials(classifier, text, "israel") == []


@pytest.mark.parametrize("text", [
    "A preliminary review found that the IDF did not open fire at the crowd waiting for the aid trucks.",
    "Armed men were seen shooting into the crowd. We emphasize that there was no opening of fire by IDF forces "
    "at the aid convoy.",
])
def test_an_army_denies_opening_fire(classifier: Classifier, text: str) -> None:
    assert denials(classifier, text, "israel") == [("israel", "israel", "responsibility")]


def test_never_opened_fire_in_their_history_is_no_denial(classifier: Classifier) -> None:
    text = "Saudi forces, who never opened fire at the occupiers in their history, killed six youths in Hail."
    assert denials(classifier, text) == []


# -- not attacks -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Hamas denies it has a command centre beneath the hospital, as fighting rages outside it.",
    "Iraq rejected the US strikes as a violation of its sovereignty.",
    "The government rejects any attack on foreign missions.",
    "Lawyers filed a motion to dismiss charges against the man accused over the killing.",
    "Online conspiracy theorists who deny massacre at the kibbutz are spreading fast.",
    "#Russia deliberately denying the rights of people to schools and hospitals by bombing them in #Idlib",
    "نفت الحكومة العراقية التوصل الى اتفاق هدنة بعد القصف",
    "الخارجية تنفي دعوة الوزير لزيارتها الشهر المقبل, بعد يوم من اصابة جنود في القصف",
    "وتنفي الإدارة الذاتية وجود أي اعتقالات سياسية في مناطق سيطرتها .",
])
def test_a_denial_of_something_else_is_no_denial(classifier: Classifier, text: str) -> None:
    assert denials(classifier, text) == []


@pytest.mark.parametrize("text", [
    "Israel has neither confirmed nor denied carrying out the strike.",
    "The Israeli military declined to confirm or deny the strike on Damascus.",
    "Israel rarely confirms or denies its strikes in Syria.",
    "ولم تؤكد إسرائيل أو تنفي قيامها بالغارة على مطار دمشق .",
    "ولا تعلق إسرائيل عادة على الغارات في سوريا ولا تنفيها .",
])
def test_neither_confirming_nor_denying_is_no_denial(classifier: Classifier, text: str) -> None:
    assert denials(classifier, text) == []


def test_a_denial_beside_a_confirmation_stays(classifier: Classifier) -> None:
    got = denials(classifier, "Israel denied the strike on the convoy, and the army declined to comment further.")
    assert got == [("israel", "israel", "responsibility")]


# -- Arabic ----------------------------------------------------------------------------------

def test_arabic_construct_speaker_denies_claims_of_its_own_strikes(classifier: Classifier) -> None:
    got = denials(classifier, "الدفاع الروسية تنفي المزاعم عن غارات روسية على مدينة ادلب")
    assert got == [("russia", "russia", "responsibility")]


def test_arabic_verbal_noun_with_clitics(classifier: Classifier) -> None:
    got = denials(classifier, "وجاء بيان حزب الله بنفي الانباء عن هجوم على موقع للجيش الاسرائيلي")
    assert [(speaker, kind) for speaker, _, kind in got] == [("hezbollah", "event")]


def test_arabic_verbal_noun_after_a_preposition_has_its_denier_before(classifier: Classifier) -> None:
    got = denials(classifier, "واقتصر رد حزب الله على نفي حصول اي اشتباكات مع الحرس الثوري قرب الحدود")
    assert [(speaker, kind) for speaker, _, kind in got] == [("hezbollah", "event")]


@pytest.mark.parametrize(("text", "kind"), [
    ("فندت قيادة العمليات المشتركة ما تردد عن سقوط صواريخ على قاعدة عين الاسد", "event"),
    ("اكدت خلية الاعلام الامني ان الانباء عن استهداف مطار بغداد عارية عن الصحة", "event"),
    ("كذبت هيئة تحرير الشام الانباء عن سيطرة قوات النظام على البلدة", "event"),
    ("الحرس الثوري ينفي تورطه في الهجوم على الناقلة", "responsibility"),
    ("قالت قوات سوريا الديمقراطية ان ارقام داعش عن قتلاها مبالغ فيها", "figures"),
    ("ونفى الجيش الاردني ان يكون الهجوم قد وقع داخل الاراضي الاردنية", "location"),
])
def test_arabic_denial_wording_and_kind(classifier: Classifier, text: str, kind: str) -> None:
    got = denials(classifier, text)
    assert len(got) == 1 and got[0][0] is not None and got[0][2] == kind


def test_arabic_own_aircraft_after_the_attack_word_is_the_deniers_deed(classifier: Classifier) -> None:
    assert denials(classifier, "وزارة الدفاع التركية نفت الانباء عن قصف طائراتها لقرية في شمال العراق") == [
        ("turkey", "turkey", "responsibility")]
    got = denials(classifier, "ونفت هيئة تحرير الشام الانباء عن هجوم على قواتها قرب الحدود")
    assert [kind for _, _, kind in got] == ["event"]  # an attack on its forces, not by them


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال حزب الله إنه لا علاقة له بالهجوم على الدورية", [("hezbollah", "hezbollah", "responsibility")]),
    ("اكدت حماس انه ليس لها اي علاقة بهذا التفجير", [("hamas", "hamas", "responsibility")]),
    ("وكانت هناك مجموعات من الشبان لا علاقة لها بالفصائل تتجه الى الجبهة", []),
    ("لكن جوهر الخلاف لا علاقة له بالرئيس السابق", []),
    # a relation or a role named anywhere is no attack denied: a rumour about diplomacy, about a rescue
    ("نفى رئيس المجلس الوطني خبر الوكالة وقال لا صحة للخبر وان علاقة المجلس مع تركيا متينة", []),
    ("قيادة الجيش تنفي صحة المعلومات حول منع فريق اجنبي من المساعدة في عمليات الإنقاذ في المرفأ", []),
    ("The ministry denied reports that the navy had blocked foreign rescue operations at the port", []),
])
def test_arabic_no_relation_denies_only_a_role_in_an_attack(classifier: Classifier, text: str,
                                                             expected: list[tuple[str, str, str]]) -> None:
    assert denials(classifier, text) == expected


def test_an_arabic_campaign_is_no_attack(classifier: Classifier) -> None:
    assert denials(classifier, "وزارة الاعلام تنفي ما يتم تداوله حول الحملة الاعلامية للانتخابات") == []


def test_arabic_lie_as_a_noun_is_no_denial_verb(classifier: Classifier) -> None:
    assert denials(classifier, "كشف التقرير كذب ادعاءات الوكالة حول التعذيب في السجون السرية") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("نفى حزب الله أن يكون عناصره قد اغتالوا الضابط في بيروت .", ("hezbollah", "hezbollah", "responsibility")),
    ("دحضت وزارة الدفاع الروسية مزاعم استخدام الأسلحة الكيماوية في دوما .", ("russia", None, "event")),
])
def test_arabic_deed_as_a_verb_or_a_chemical_attack_is_an_attack(classifier: Classifier, text: str,
                                                                   expected: tuple[Any, ...]) -> None:
    assert denials(classifier, text) == [expected]


def test_an_arabic_verb_that_is_no_attack_stays_no_denial(classifier: Classifier) -> None:
    assert denials(classifier, "نفت الصحيفة أن يكون مقالها قد أشعل الخلاف بين الطرفين .") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Rumours about the group's commander killed are false, a spokesman said.", "figures"),
    ("The reports about Abu Omar killed in the raid are untrue.", "figures"),
    ("ونفى التنظيم في بيان مقتل قائده العسكري في الغارة .", "figures"),
    # a part in a death is the denier's responsibility, not the toll
    ("ونفت الوزارة مسؤوليتها عن مقتل المدنيين في القصف .", "responsibility"),
])
def test_a_denied_death_is_the_toll(classifier: Classifier, text: str, expected: str) -> None:
    assert [kind for _, _, kind in denials(classifier, text)] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("السعودية تنفي أي أخبار عن قتلى أطفال باليمن", ("saudi-arabia", "saudi-arabia", "figures")),
    ("نفت تركيا الأنباء عن سقوط قتلى مدنيين بسوريا .", ("turkey", "turkey", "figures")),
])
def test_an_arabic_country_with_its_preposition_is_the_place_not_the_doer(classifier: Classifier, text: str,
                                                                           expected: tuple[Any, ...]) -> None:
    assert denials(classifier, text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # what was published is called false: the event denied
    ("وتحدثت صفحات المعارضة عن اشتباكات عنيفة قرب المطار , لكن مصدرا عسكريا قال إن كل ما نشر عار عن الصحة .",
     "event"),
    # the denier's deed right after it, the blame it answers, its relation to the attacks
    ("الحرس الثوري الإيراني ينفي قصف مواقع كردية في شمال العراق", "responsibility"),
    ("ويتهم المعارضون قوات النظام بالمسؤولية عن الهجوم , وهو ما ينفيه النظام .", "responsibility"),
    ("وينفي المتهم علاقته بالتفجيرات , لكنه يقر بأنه عضو في التنظيم .", "responsibility"),
    ("ونفت الحركة ما نشر عن تورطها في الهجوم على الحاجز .", "responsibility"),
])
def test_arabic_what_was_published_called_false_is_the_event(classifier: Classifier, text: str,
                                                             expected: str) -> None:
    assert [kind for _, _, kind in denials(classifier, text)] == [expected]


@pytest.mark.parametrize("text", [
    "روسيا ترفض الاعتراف بالهجوم الكيمياوي في دوما",
    "الخارجية الروسية تعرض شهادات عن الهجوم الكيمياوي في دوما وتصفه بالمسرحية",
    "موسكو تقول إن الهجوم الكيمياوي المزعوم في دوما مجرد مسرحية",
])
def test_an_attack_not_acknowledged_or_called_staged_is_denied(classifier: Classifier, text: str) -> None:
    assert denials(classifier, text) == [("russia", None, "event")]


@pytest.mark.parametrize("text", [
    "خامنئي يرفض الاعتراف بوجود أي خطأ بعد الهجوم",
    "وعرضت الفرقة مسرحية عن الحرب والقصف على المسرح الوطني",
])
def test_a_refusal_to_admit_a_mistake_or_a_play_is_no_denial(classifier: Classifier, text: str) -> None:
    assert denials(classifier, text) == []


@pytest.mark.parametrize("text", [
    "نفت وزارة الداخلية شن حملة اعتقالات في المدينة .",
    "نفت الهيئة وجود حملة لجمع التبرعات باسمها .",
    "تنفي الوزارة ما يتم تداوله حول حملة التطعيم .",
])
def test_an_arabic_campaign_is_no_persian_attack(classifier: Classifier, text: str) -> None:
    # «حملة» is spelt as the Persian «حمله» (an attack) once normalised
    assert denials(classifier, text) == []


@pytest.mark.parametrize("text", [
    "نفى الجيش السوري شن حملة عسكرية على البلدة .",
    "ونفت روسيا شن حملات جوية على المدنيين في إدلب .",
    "ونفت موسكو أن تكون الحملة الجوية الروسية قد استهدفت المدنيين .",
])
def test_a_military_or_air_campaign_is_still_an_attack(classifier: Classifier, text: str) -> None:
    assert len(denials(classifier, text)) == 1


# -- French and Persian ----------------------------------------------------------------------

def test_french_rejects_the_accusations(classifier: Classifier) -> None:
    got = denials(classifier, "Le Hezbollah rejette les accusations d'implication dans l'attaque contre la base.")
    assert got == [("hezbollah", "hezbollah", "responsibility")]


def test_persian_calls_the_report_baseless(classifier: Classifier) -> None:
    got = denials(classifier, "سپاه پاسداران گزارش حمله پهپادي به پايگاه را بي اساس خواند")
    assert len(got) == 1 and got[0][0] is not None


def test_persian_denies_an_attack_named_by_its_persian_word(classifier: Classifier) -> None:
    assert len(denials(classifier, "سپاه خبر حمله به نفتکش را تکذیب کرد")) == 1


@pytest.mark.parametrize(("text", "kind", "subject"), [
    ("The Security Media Cell denied that any rockets hit the base at Balad.", "event", None),
    ("The IRGC denied firing missiles at the ship, calling the report a lie.", "responsibility", "IRGC"),
])
def test_kind_of_a_denied_hit_and_of_a_denied_deed(classifier: Classifier, text: str, kind: str,
                                                   subject: str | None) -> None:
    [st] = [s for s in classifier.classify(text).statements if s.stance == "denial"]
    assert (st.denial_of, st.subject.name if st.subject else None) == (kind, subject)
