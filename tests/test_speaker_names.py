"""Speakers the gazetteer has no name for, shown as the text describes them ("an official",
«مصدر عسكري», "US senator"), never as a new group and never as a claimant; a state's legislator
is not his state. The rules alone. Sentences written for these tests by the project."""

from __future__ import annotations

from typing import Any

import pytest

from classifiers.classify import Classifier
from classifiers.unnamed import UNNAMED


@pytest.fixture(scope="module")
def rules() -> Classifier:
    return Classifier(learned=False)


def speakers(classifier: Classifier, text: str, stance: str) -> list[tuple[Any, ...]]:
    """(speaker name, kind, known) of each statement of ``stance``."""
    result = classifier.classify(text)
    return [(st.speaker.name, st.speaker.kind, st.speaker.known) if st.speaker else None
            for st in result.statements if st.stance == stance]


@pytest.mark.parametrize(("text", "stance", "name"), [
    # the subject of the blame or denial verb, its article dropped, its describing words kept
    ("Bomb kills six at a market in Baquba\nA police official blamed ISIL for the blast.", "attribution",
     "police official"),
    ("Officials blamed the Islamic State for the car bomb in Tuz Khurmatu.", "attribution", "Officials"),
    ("A security source denied that any drone had struck the airport.", "denial", "security source"),
    ("Local residents accuse Boko Haram of the attack on the village of Gwoza.", "attribution", "Local residents"),
    ("Maiduguri residents accuse Boko Haram of the night raid on the market.", "attribution", "Maiduguri residents"),
    ("The broadcaster accused Israel of striking its crew in southern Lebanon.", "attribution", "broadcaster"),
    # an adverb between the subject and its verb
    ("The government has repeatedly denied that its troops shelled the camp.", "denial", "government"),
    # Arabic: the subject after its verb or before it, with its adjectives
    ("ونفت الحكومة بشدة أن تكون قواتها قد قصفت المخيم .", "denial", "الحكومة"),
    ("لكن الأجهزة الأمنية نفت وقوع أي هجوم على المطار .", "denial", "الأجهزة الأمنية"),
    ("ونفى مصدر عسكري وقوع أي قصف على القاعدة .", "denial", "مصدر عسكري"),
    ("ونفت وزارة الداخلية أن تكون الشرطة قد قتلت المحتجين .", "denial", "وزارة الداخلية"),
])
def test_an_unnamed_speaker_is_named_as_written(rules: Classifier, text: str, stance: str, name: str) -> None:
    assert speakers(rules, text, stance) == [(name, UNNAMED, False)]


def test_an_unnamed_speaker_is_no_new_group(rules: Classifier) -> None:
    result = rules.classify("An official blamed al-Shabaab for the attack on the hotel in Mogadishu.")
    assert [st.speaker.name for st in result.statements if st.speaker] == ["official"]
    assert not result.new_actor_names
    assert all(a.known for a in result.actors)


def test_a_state_body_with_its_adjective_speaks_for_the_state(rules: Classifier) -> None:
    # «التلفزيون الرسمي السوري»: the state's own television, so the state
    text = "ونفى التلفزيون الرسمي السوري أن تكون الطائرات السورية قد قصفت المستشفى ."
    assert speakers(rules, text, "denial") == [("Syria", "state", True)]


def test_a_named_party_still_wins(rules: Classifier) -> None:
    assert speakers(rules, "Officials in Baghdad said Kataib Hezbollah was behind the rocket attack.",
                    "attribution") != [("Officials", UNNAMED, False)]
    assert speakers(rules, "The Pentagon denied that US jets struck the hospital.", "denial") == [
        ("United States", "state", True)]


@pytest.mark.parametrize("text", [
    # no speaker the text describes: nothing invented
    "Reports that the bridge was blown up by the rebels are false.",
    # a paper named after its head: the head alone says nothing of who speaks
    'وقالت صحيفة "نيويورك تايمز" إن الهجوم على القاعدة يقف وراءه تنظيم داعش .',
    # a claim never takes a description as its claimant
    "Police claimed to have killed three gunmen in the raid on the farm.",
])
def test_no_description_no_speaker(rules: Classifier, text: str) -> None:
    for st in rules.classify(text).statements:
        assert st.speaker is None or st.speaker.kind != UNNAMED


@pytest.mark.parametrize(("text", "name"), [
    ("US senator blames Tehran for drone strikes on American troops in Syria", "US senator"),
    ("Two US senators blamed Iran for the rocket attack on the base at Erbil.", "US senators"),
    ("اتهم سيناتور أمريكي بارز إيران بقصف القاعدة في أربيل .", "سيناتور أمريكي"),
])
def test_a_legislator_is_not_his_state(rules: Classifier, text: str, name: str) -> None:
    found = rules.classify(text).statements
    assert [(st.speaker.name, st.speaker.kind, st.speaker.parent) for st in found if st.speaker] == [
        (name, UNNAMED, "united-states")]


def test_a_legislator_title_is_carried_to_the_next_sentence(rules: Classifier) -> None:
    text = ("US senator calls for strikes on Iran\n"
            "Tom Harlan of Ohio blamed Tehran for the rocket attacks on American troops in Iraq")
    assert speakers(rules, text, "attribution") == [("US senator", UNNAMED, False)]


def test_the_state_itself_is_still_the_state(rules: Classifier) -> None:
    # "US" with an office that is no legislator's: the state speaks
    assert speakers(rules, "US officials blamed Kataib Hezbollah for the drone attack on the base.",
                    "attribution") == [("United States", "state", True)]


def pairs(classifier: Classifier, text: str, stance: str) -> set[tuple[Any, ...]]:
    """(speaker id, subject id) of each statement of ``stance``."""
    return {(st.speaker.id if st.speaker else None, st.subject.id if st.subject else None)
            for st in classifier.classify(text).statements if st.stance == stance}


@pytest.mark.parametrize(("text", "stance", "expected"), [
    # a list of parties as the subject of one verb: each speaks, one statement per party
    ("Hamas, Hezbollah say Iran helped plan the raid on the border kibbutz", "attribution",
     {("hamas", "iran-government"), ("hezbollah", "iran-government")}),
    ("The US and Britain blamed the Houthis for the missile attack on the tanker.", "attribution",
     {("united-states", "houthis"), ("united-kingdom", "houthis")}),
    # each denies its own part
    ("Hamas and Islamic Jihad denied that their fighters fired the rocket at the clinic.", "denial",
     {("hamas", "hamas"), ("palestinian-islamic-jihad", "palestinian-islamic-jihad")}),
    ("نفت حماس والجهاد الإسلامي مسؤوليتهما عن الهجوم على العيادة .", "denial",
     {("hamas", "hamas"), ("palestinian-islamic-jihad", "palestinian-islamic-jihad")}),
])
def test_every_party_of_a_listed_subject_speaks(rules: Classifier, text: str, stance: str,
                                                expected: set[tuple[Any, ...]]) -> None:
    assert pairs(rules, text, stance) == expected


@pytest.mark.parametrize(("text", "stance", "expected"), [
    # a possessive is no list
    ("Lebanon's Hezbollah says Israeli fire killed five of its fighters", "attribution", {("hezbollah", "israel")}),
    # a comma that ends a clause is no list's
    ("A US destroyer downed 9 drones that were launched from Houthi-held parts of Yemen, US Central Command said.",
     "attribution", {("united-states", "houthis")}),
    # the parties of the reported clause do not speak
    ("Israel said Hamas and Islamic Jihad were behind the rocket attack on Sderot.", "attribution",
     {("israel", "palestinian-islamic-jihad")}),
])
def test_a_party_beside_the_speaker_is_not_always_a_speaker(rules: Classifier, text: str, stance: str,
                                                            expected: set[tuple[Any, ...]]) -> None:
    assert pairs(rules, text, stance) == expected


@pytest.mark.parametrize("text", [
    "US senator says American jets struck the militia depot near Albu Kamal overnight.",
    "أعلن سيناتور أمريكي أن القوات الأمريكية قصفت مواقع كتائب حزب الله قرب القائم .",
])
def test_a_claim_is_never_a_descriptions(rules: Classifier, text: str) -> None:
    # a description is no claimant (it would read as a new group): the legislator's state, as before
    result = rules.classify(text)
    claims = [st for st in result.statements if st.stance == "claim"]
    assert claims and all(st.speaker is not None and st.speaker.known for st in claims)
    assert all(st.subject is not None and st.subject.known for st in claims)
    assert not result.new_actor_names


@pytest.mark.parametrize("text", [
    "Rep. Tom Jordan claims Iran paid for the drone attack on US troops.",
    "Sen. Jo Chad said the strike on the convoy was justified.",
    "Mr Jordan said the rocket attack on the embassy was planned in Baghdad.",
])
def test_a_person_named_like_a_country_is_not_the_country(rules: Classifier, text: str) -> None:
    result = rules.classify(text, None, None, None, learned=False)
    assert not {"jordan", "chad"} & ({a.id for a in result.actors} | {p.id for p in result.places})
    assert all(s.speaker is None or s.speaker.id not in ("jordan", "chad") for s in result.statements)


def statements(classifier: Classifier, text: str) -> list[tuple[str, str | None, str | None]]:
    """(stance, speaker name, subject name) of each statement."""
    return [(st.stance, st.speaker.name if st.speaker else None, st.subject.name if st.subject else None)
            for st in classifier.classify(text).statements]


@pytest.mark.parametrize("text", [
    "Two IRGC advisers were killed by an Israeli airstrike near Damascus, Iranian state media said.",
    "Iranian state media say an Israeli airstrike in a Damascus suburb killed a senior Iranian general.",
])
def test_a_states_media_blames_for_its_state(rules: Classifier, text: str) -> None:
    # the state's own media speaks for it, as SANA does for Syria: one blame, by Iran
    assert statements(rules, text) == [("attribution", "Iran", "Israel")]


def test_a_states_media_relaying_a_claim_leaves_it_to_the_group(rules: Classifier) -> None:
    text = "Tasnim: The Islamic Resistance in Iraq claimed a drone attack on the Ain al-Asad base."
    assert [(st, sp) for st, sp, _ in statements(rules, text)] == [("claim", "Islamic Resistance in Iraq")]


@pytest.mark.parametrize("text", [
    "Iraq: IS fighters attack army posts north of Baghdad",
    "#Syria: a boy in Saraqib holds a sign saying Russian jets killed his brother",
    "RT @someone: #Iraq- reports of a car bomb targeting an army checkpoint in Tarmiyah, then an #ISIS assault",
])
def test_a_country_heading_a_tweet_is_no_speaker(rules: Classifier, text: str) -> None:
    # a country alone before the colon says where the news is from, not who speaks
    assert all(sp not in ("Iraq", "Syria") for _, sp, _ in statements(rules, text))


def test_an_army_heading_a_tweet_speaks(rules: Classifier) -> None:
    text = "Iraqi army: IS fighters attacked our posts north of Baghdad and were repelled"
    assert ("attribution", "Iraq", "Islamic State") in statements(rules, text)


@pytest.mark.parametrize("text", [
    "Iraq's Kataib Hezbollah vows more attacks on US bases\n"
    "Attacks by Iraq's Kataib Hezbollah on U.S. interests will continue, a commander from the group said on Telegram.",
    "Yemen's Iran-aligned Houthi movement says it fired missiles at a tanker in the Red Sea.",
])
def test_a_groups_country_is_no_party(rules: Classifier, text: str) -> None:
    # "Iraq's Kataib Hezbollah": the group speaks, its country neither speaks nor blames
    found = statements(rules, text)
    assert found and all(st == "claim" and sp in ("Kataib Hezbollah", "Houthis") for st, sp, _ in found)


def test_a_groups_country_does_not_blame_it(rules: Classifier) -> None:
    text = ("A Greek shipping firm on Monday denied a claim by Yemen's Iran-aligned Houthi movement that the "
            "militia carried out a missile strike on its tanker.")
    assert all(sp != "Yemen" for _, sp, _ in statements(rules, text))


def test_a_state_and_a_group_in_a_list_stay_parties(rules: Classifier) -> None:
    text = "Iraq, Kataib Hezbollah deny any role in the drone attack on the Tower 22 base."
    assert ("denial", "Iraq") in [(st, sp) for st, sp, _ in statements(rules, text)]


@pytest.mark.parametrize("text", [
    'وأكد البيان إسقاط "" وحدات الحماية "" طائرة مسيرة تركية قرب عفرين .',
    "وقالت وحدات الحماية الكردية إن مقاتليها دمروا دبابة تركية في ريف عفرين .",
])
def test_the_short_arabic_name_of_the_ypg_claims(rules: Classifier, text: str) -> None:
    # «وحدات الحماية»: the YPG that claims, not the Turkish drone it downed
    assert [(st, sp) for st, sp, _ in statements(rules, text)] == [("claim", "People's Protection Units")]


@pytest.mark.parametrize(("text", "hit"), [
    # the party after "on" was hit, by the attack before it or the verb after it
    ("The strike by US jets on Kataib Hezbollah positions killed 3 fighters, the Pentagon said.", "Kataib Hezbollah"),
    ("Israeli strikes on Lebanon kill eight, including two journalists, Lebanese state media said.", "Lebanon"),
    ("Islamic State / Wilayat al-Baraka / Martyrdom operation by Syrian inghimasi on PKK convoy north of Hasakah.",
     "PKK"),
    # "#Iraq|i army soldiers": a tweet's adjective split by a bar still counts the dead
    ("#Aamaq: 12 #Iraq|i army soldiers killed, 2 humvees destroyed in #ISIS attack near Baiji", "Iraq"),
])
def test_the_party_hit_is_not_blamed(rules: Classifier, text: str, hit: str) -> None:
    found = statements(rules, text)
    assert found and all(sj != hit for st, _, sj in found if st in ("attribution", "claim"))


def test_the_doer_before_on_is_still_blamed(rules: Classifier) -> None:
    text = "A rocket attack by Hezbollah on Kiryat Shmona wounded two people, the Israeli military said."
    assert ("attribution", "Israel", "Hezbollah") in statements(rules, text)


def test_a_headline_toll_names_no_killer(rules: Classifier) -> None:
    # "Lebanese soldier killed, 9 others wounded": the toll of the group's battle, its claim
    text = "Amaq Agency: Lebanese soldier killed, 9 others wounded in a failed advance on Islamic State positions near Arsal"
    assert [(st, sp, sj) for st, sp, sj in statements(rules, text)] == [("claim", "Islamic State", "Islamic State")]


@pytest.mark.parametrize("text", [
    "#ISIS claims #Baghdad suicide bombing attack near a crowded market in Sadr City",
    "Islamic State accepts responsibility for today's #Damascus blast near the Sayyida Zeinab shrine",
])
def test_a_capital_before_the_attack_is_where_not_who(rules: Classifier, text: str) -> None:
    assert [(st, sp, sj) for st, sp, sj in statements(rules, text)] == [("claim", "Islamic State", "Islamic State")]


def test_a_capital_before_its_verb_is_its_state(rules: Classifier) -> None:
    text = "Moscow strikes Kyiv with missiles overnight, Ukraine says."
    assert ("attribution", "Ukraine", "Russia") in statements(rules, text)


def test_the_country_of_a_place_does_not_claim(rules: Classifier) -> None:
    text = "#ISIS cell in N. #Sinai #Egypt claimed credit for a roadside bomb that hit an army patrol near Rafah"
    assert [(st, sp) for st, sp, _ in statements(rules, text)] == [("claim", "Islamic State")]


def test_a_state_after_a_place_elsewhere_still_speaks(rules: Classifier) -> None:
    # Tower 22 is in Jordan: the Iran after it is no address but the party that denies
    text = "Kataib Hezbollah claimed the drone strike on Tower 22, Iran denied any role in it, and the US blamed Tehran."
    assert ("denial", "Iran", "Iran") in statements(rules, text)


def test_a_group_claiming_the_capitals_blast_claims(rules: Classifier) -> None:
    # "the Ankara blast": where the blast was, so the group's claim and no blame of Turkey
    text = "TAK claimed the Ankara blast in a statement posted on its website"
    assert statements(rules, text) == [("claim", "Kurdistan Freedom Falcons", "Kurdistan Freedom Falcons")]


# -- a person named who speaks for no party of the gazetteer ---------------------------------------

@pytest.mark.parametrize(("text", "stance", "name"), [
    # the capitalised name right before the blame's verb, with the links of an Arabic name kept
    ("Moqtada al-Sadr accused Kataib Hezbollah of the rocket attack on the Green Zone.", "attribution",
     "Moqtada al-Sadr"),
    ("Former Syrian vice president Abdul Halim Khaddam accused Syria of the car bombing in Beirut.", "attribution",
     "Abdul Halim Khaddam"),
    # before the speech verb of a reported blame
    ("Senator Lindsey Graham said Iran was behind the drone attack on the base in Jordan.", "attribution",
     "Lindsey Graham"),
    ("Analyst Charles Lister said the Islamic State was behind the bombing in Qamishli.", "attribution",
     "Charles Lister"),
    # Arabic: the name right after the verb, up to the party blamed or the clause
    ("واتهم مقتدى الصدر كتائب حزب الله بتنفيذ الهجوم الصاروخي على المنطقة الخضراء .", "attribution", "مقتدى الصدر"),
    ("وقال خدام إن داعش مسؤول عن التفجير في درعا .", "attribution", "خدام"),
])
def test_a_named_person_speaks_as_written(rules: Classifier, text: str, stance: str, name: str) -> None:
    assert speakers(rules, text, stance) == [(name, UNNAMED, False)]


@pytest.mark.parametrize(("text", "name"), [
    # a state's official speaks for his state, named or not
    ("Turkish President Recep Tayyip Erdogan blamed the PKK for the bombing in Ankara.", "Turkey"),
    ("واتهم وزير الخارجية السوري وليد المعلم التحالف بقصف مواقع الجيش في دير الزور .", "Syria"),
    # a party's leader speaks for his party
    ("Hezbollah leader Hassan Nasrallah blamed Israel for the strike on the Dahiyeh.", "Hezbollah"),
    # a head of state or a minister by his name alone, as the Arabic news of his years names him
    ("واتهم روحاني الولايات المتحدة بالوقوف وراء الهجوم على العرض العسكري في الأهواز .", "Iran"),
    ("وحمل السيسي تنظيم داعش مسؤولية التفجير الذي استهدف الكنيسة في طنطا .", "Egypt"),
    ("وقال العبادي إن تنظيم داعش نفذ التفجير في الكرادة .", "Iraq"),
    ("Sisi blamed the Islamic State for the bombing of the church in Tanta.", "Egypt"),
])
def test_an_official_named_speaks_for_his_side(rules: Classifier, text: str, name: str) -> None:
    assert [sp for sp, _, _ in speakers(rules, text, "attribution")] == [name]


@pytest.mark.parametrize("text", [
    # a body, an outlet, a description, a noun: no one's name
    "The head of the Catholic Church says Israeli strikes are behind the deaths of civilians in Gaza.",
    "Reuters said Kataib Hezbollah was behind the drone attack on the base.",
    "وقال البيان إن داعش مسؤول عن التفجير في درعا .",
    "واتهمت جماعات حقوقية قوات التحالف بقتل المدنيين في صنعاء .",
])
def test_words_that_name_no_person_do_not_speak(rules: Classifier, text: str) -> None:
    assert all(sp is None or sp[1] != UNNAMED for sp in speakers(rules, text, "attribution"))


@pytest.mark.parametrize("text", [
    "Nine soldiers killed in dawn raid by Islamic State group, reports say",
    "Two guards killed in a raid by the Houthis, reports said",
])
def test_reports_that_say_are_no_party(rules: Classifier, text: str) -> None:
    # "reports say" is a noun and its verb: the group before it did the attack, it does not claim it
    assert speakers(rules, text, "claim") == []


@pytest.mark.parametrize("text", [
    "Hezbollah attack on Israel: Washington sends a second carrier to the region",
    "Houthi strikes on Saudi Arabia: what we know about the drones",
])
def test_the_party_hit_in_a_headline_head_is_no_speaker(rules: Classifier, text: str) -> None:
    # a head before the colon that ends "... on Israel" is a topic, not the party that speaks
    result = rules.classify(text)
    assert not any(st.speaker is not None and st.speaker.id in ("israel", "saudi-arabia") for st in result.statements)



@pytest.mark.parametrize("text", [
    "Villagers vow to stay\nMARWAHIN, Lebanon: Farmers of the border village said Israeli shelling burned their "
    "olive groves but would not drive them away.",
    "Market fire\nADEN, Yemen: Residents said a Houthi drone struck the fish market overnight.",
])
def test_a_dateline_is_no_speaker(rules: Classifier, text: str) -> None:
    # "TOWN, Country:" says where the story was written; the country after the town does not speak
    result = rules.classify(text)
    assert not any(st.speaker is not None and st.speaker.kind == "state" for st in result.statements)


@pytest.mark.parametrize(("text", "speaker", "stance"), [
    ("SOHR: 35 killed in Russian airstrikes on a market in Idlib", "sohr", "attribution"),
    ("CENTCOM: US forces struck a Houthi radar site near Hodeidah", "united-states", "claim"),
    ("HRW: Saudi-led coalition jets bombed a school bus in Saada", "human-rights-watch", "attribution"),
])
def test_an_actor_written_in_capitals_before_a_colon_speaks_it_is_no_dateline(rules: Classifier, text: str,
                                                                               speaker: str, stance: str) -> None:
    result = rules.classify(text)
    assert [st.speaker.id if st.speaker else None for st in result.statements if st.stance == stance] == [speaker]


def test_a_city_in_capitals_before_a_colon_is_still_a_dateline() -> None:
    from classifiers.sentences import clean_body
    assert clean_body("BEIRUT: Israeli strikes killed three people in the south.") == (
        "Israeli strikes killed three people in the south.")
    assert clean_body("SOHR: 35 killed in airstrikes").startswith("SOHR:")
