"""Where a statement's attack happened, as a user reads it in the statement's place: the place of
the attack's own clause, the most precise one, a village the gazetteer does not know as written,
never the reporter's city, the branch in a party's name, a ship's flag or an answered attack.
Sentences written for these tests by the project."""

from __future__ import annotations

import pytest

from classifiers.classify import Classifier
from classifiers.sentences import clean_body


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier()


def places(classifier: Classifier, text: str, source_actor: str | None = None) -> list[str | None]:
    """The place each statement shows (the contract's ``place``), rules alone."""
    result = classifier.classify(text, None, None, source_actor, learned=False)
    return [st.contract_dict()["place"] for st in result.statements]


# -- a village named in the body, not the headline's country ---------------------------------------

@pytest.mark.parametrize("text", [
    "Israel pounds Hezbollah\nIDF fighter jets struck a Hezbollah weapons depot in the area of Wadi Hamoul overnight.",
    "Israel pounds Hezbollah\nThe army said its jets struck a Hezbollah launcher near Wadi Hamoul overnight.",
    "Israel pounds Hezbollah\nIDF fighter jets struck a Hezbollah weapons depot in the village of Wadi Hamoul.",
])
def test_a_village_of_the_body_wins_over_the_headline_country(classifier: Classifier, text: str) -> None:
    assert places(classifier, text, source_actor="israel") == ["Wadi Hamoul"]


def test_an_arabic_village_after_a_word_of_place_is_given_as_written(classifier: Classifier) -> None:
    text = "تبنى تنظيم الدولة الإسلامية الهجوم على حاجز للجيش في قرية الزهيرات ."
    assert places(classifier, text) == ["الزهيرات"]


def test_a_compound_arabic_name_keeps_both_words(classifier: Classifier) -> None:
    text = "تبنى تنظيم الدولة الإسلامية الهجوم على حاجز للجيش في بلدة عين الزهرة ."
    assert places(classifier, text) == ["عين الزهرة"]


def test_a_village_with_a_name_particle_is_whole(classifier: Classifier) -> None:
    text = "IDF fighter jets struck a Hezbollah compound in the area of Tallat ash Shuhada in southern Lebanon."
    assert places(classifier, text, source_actor="israel") == ["Tallat ash Shuhada"]


@pytest.mark.parametrize(("text", "place"), [
    # the last word alone is another country's town (Sha'ab, in the Galilee): the whole name stands
    ("IDF fighter jets struck a Hezbollah launch post in the area of Ayta ash-Shab overnight.", "Ayta ash-Shab"),
    ("The army said its jets struck a Hezbollah cell in Aita al-Shaab.", "Aita al-Shaab"),
])
def test_a_town_is_not_read_in_the_last_word_of_a_longer_name(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text, source_actor="israel") == [place]


def test_a_hashtag_after_a_name_opens_a_new_name(classifier: Classifier) -> None:
    text = "Soldiers of the Caliphate shelled the apostate Peshmerga in Mount Qarachogh - #AlHawija with mortars."
    assert places(classifier, text, source_actor="islamic-state") == ["Hawija"]


# -- a known town as the text spells it; the gazetteer's entry still links ---------------------------

def test_a_known_town_is_shown_as_the_text_spells_it(classifier: Classifier) -> None:
    result = classifier.classify("IDF fighter jets struck Hamas targets in Beit Hanoun overnight.", None, None,
                                 "israel", learned=False)
    (st,) = result.statements
    assert st.place is not None and st.place.id == "bayt-hanun"  # what links incidents
    assert st.contract_dict()["place"] == "Beit Hanoun"


def test_an_arabic_town_keeps_the_gazetteers_english_name(classifier: Classifier) -> None:
    text = "وأعلن تنظيم الدولة الإسلامية مسؤوليته عن التفجير في الصقلاوية ."
    assert places(classifier, text) == ["Saqlawiyah"]


# -- what is not the place -------------------------------------------------------------------------

def test_a_dateline_opening_the_body_is_not_the_place(classifier: Classifier) -> None:
    text = ("Houthis claim drone attack\nSANAA: The Houthis said on Sunday they had launched drones "
            "toward the Israeli city of Eilat.")
    assert "SANAA" not in clean_body(text)
    assert places(classifier, text) == ["Eilat"]


@pytest.mark.parametrize("text", [
    "The Houthis said they struck a Liberia-flagged tanker off Yemen with a missile.",
    "The Houthis said they struck a Greece-bound tanker off Yemen with a missile.",
])
def test_a_ships_flag_or_destination_is_not_the_place(classifier: Classifier, text: str) -> None:
    assert places(classifier, text) == ["Yemen"]


def test_a_ships_name_is_not_a_town(classifier: Classifier) -> None:
    text = "The Houthis claimed a missile attack on the tanker MV Ningbo in the Gulf of Aden."
    assert places(classifier, text) == ["Gulf of Aden"]


def test_the_branch_of_a_party_is_not_where_it_attacked(classifier: Classifier) -> None:
    text = "Ansar al-Sharia in #Tunisia claims to have shot down an army helicopter over Kasserine."
    assert places(classifier, text) == ["Kasserine"]


def test_the_attack_answered_is_not_the_place_of_the_answer(classifier: Classifier) -> None:
    text = ("In response to the rocket fire toward Metula earlier today, IDF fighter jets struck "
            "Hezbollah launchers in Khiam.")
    assert places(classifier, text, source_actor="israel") == ["Khiam"]



def outlet_place(classifier: Classifier, text: str) -> str | None:
    report = classifier.classify(text, None, None, None, learned=False).outlet_report
    return report.place.name if report is not None and report.place is not None else None


def test_the_event_a_report_follows_is_not_its_place(classifier: Classifier) -> None:
    # "following a deadly explosion in Gaza": what the news follows, not where this one happened;
    # "killed following an air strike on a camp in central Gaza" is the strike's own toll
    assert outlet_place(classifier, "US strikes militia sites in Iraq following a drone attack on Erbil air base") == "Iraq"
    assert outlet_place(classifier, "Dozens of Palestinians 'killed by Israeli strike on camp'\nAt least 30 "
                                    "Palestinians were killed following an Israeli air strike that hit a camp in "
                                    "central Gaza, the health ministry has said.") == "central Gaza Strip"

def test_a_retaliation_headline_is_not_the_place_of_the_strikes(classifier: Classifier) -> None:
    text = ("US strikes militias in Syria in retaliation for attack on Ain al-Asad\n"
            "The Pentagon said the strikes killed several fighters.")
    assert all(p != "Ain al-Asad Air Base" for p in places(classifier, text))


# -- a state's name after words of attack is where ---------------------------------------------------

def test_a_state_named_after_an_attack_on_is_the_place(classifier: Classifier) -> None:
    text = "US officials said Iran helped plan the missile attack on Israel."
    assert places(classifier, text) == ["Israel"]


def test_a_state_blamed_for_strikes_on_is_not_the_place(classifier: Classifier) -> None:
    text = "Syrian state media blamed the airstrikes on Israel, saying missiles hit the airport of the city of Damascus."
    assert "Israel" not in places(classifier, text)


def test_a_capital_over_which_a_missile_was_downed_is_the_place(classifier: Classifier) -> None:
    text = "وأعلنت السعودية أن دفاعاتها الجوية اعترضت صاروخا فوق الرياض أطلقه الحوثيون ."
    assert "Riyadh" in places(classifier, text)


def test_a_border_is_the_place(classifier: Classifier) -> None:
    text = "Israel accuses Iran of directing the Hezbollah attacks along the Lebanon border."
    assert places(classifier, text) == ["Lebanon border"]


# -- the place nearest the attack's words ------------------------------------------------------------

def test_a_named_site_nearer_the_attack_than_a_known_town_is_shown(classifier: Classifier) -> None:
    # (a site the gazetteer does not know: Zar'it, where the Zarit barracks stand, is a gazetteer town now)
    text = ("Hezbollah said it struck the Israeli army's Ramim barracks with rockets and also targeted "
            "positions in the hills near Kfar Shouba.")
    assert places(classifier, text) == ["Ramim barracks"]


def test_a_war_named_after_a_place_is_not_where(classifier: Classifier) -> None:
    text = ("Since the start of the Gaza war, the Houthis have claimed attacks on ships; on Monday they said they "
            "fired a missile at a tanker in the Red Sea.")
    assert places(classifier, text) == ["Red Sea"]


def test_the_sources_of_the_fire_are_where_the_fire_came_from(classifier: Classifier) -> None:
    text = ("A number of launches from Lebanon toward northern Israel were identified.\n"
            "IDF artillery is striking the sources of the fire.")
    assert places(classifier, text, source_actor="israel") == ["Lebanon"]


def test_a_statement_naming_no_place_takes_the_place_a_word_marks(classifier: Classifier) -> None:
    text = ("Tehran accuses Israel of deadly strike\n"
            "A senior adviser was killed in a missile strike by Israel on the city of Damascus on Monday.")
    assert places(classifier, text) == ["Damascus"]


def test_a_town_that_opens_a_longer_name_is_not_that_town(classifier: Classifier) -> None:
    text = "IS claimed an attack on a checkpoint manned by fighters from Rasm al-Wardiyat near the town of Khanasir."
    assert places(classifier, text) == ["Khanasir"]


def test_an_arabic_common_noun_after_a_word_of_place_is_no_name(classifier: Classifier) -> None:
    text = "وتبنى تنظيم الدولة الإسلامية تفجير عبوة ناسفة بالقرب من الطريق السريع في مدينة الرمادي ."
    assert places(classifier, text) == ["Ramadi"]


def test_the_attack_a_strike_followed_is_not_its_place(classifier: Classifier) -> None:
    text = ("The Pentagon said US forces struck militia sites in Iraq on Sunday.\n"
            "The strikes followed a drone attack on Ain al-Asad that wounded two soldiers.")
    assert places(classifier, text) == ["Iraq"]


def test_a_body_named_in_capitals_is_not_a_place(classifier: Classifier) -> None:
    text = ("Strikes on Hezbollah\nIDF fighter jets struck Hezbollah launchers overnight, in an operation run "
            "in the Aerial Control Unit.")
    found = places(classifier, text, source_actor="israel")
    assert found and "Aerial Control Unit" not in found


def test_a_hyphen_compound_alone_in_its_sentence_gives_way_to_the_messages_place(classifier: Classifier) -> None:
    text = ("US strikes Iran-linked targets\n"
            "The Pentagon said US jets struck two facilities in eastern Syria used by the militias.")
    assert "Iran" not in places(classifier, text)


def test_a_call_answered_is_no_attack_answered(classifier: Classifier) -> None:
    text = ("US downs drone launched by the Houthis\n"
            "CENTCOM said a US destroyer shot down a drone in response to a distress call from a tanker "
            "in the southern Red Sea.")
    assert set(places(classifier, text)) == {"southern Red Sea"}


def test_a_persian_village_is_given_as_written_one_word_with_its_joiner(classifier: Classifier) -> None:
    text = "مقاومت اسلامی عراق مسئولیت حمله پهپادی به پایگاه آمریکایی در روستای تل‌السمن را بر عهده گرفت."
    assert places(classifier, text) == ["تل السمن"]


def test_a_persian_common_noun_after_a_word_of_place_is_no_name(classifier: Classifier) -> None:
    text = "مقاومت اسلامی عراق مسئولیت حمله پهپادی به منطقه مرزی را بر عهده گرفت."
    assert places(classifier, text) == [None]


def test_a_word_of_area_alone_is_no_place(classifier: Classifier) -> None:
    text = "Amaq: Islamic State fighters attacked army positions at Mount outskirts."
    assert places(classifier, text) == [None]


def test_a_known_town_of_another_sentence_is_shown_as_spelled_there(classifier: Classifier) -> None:
    text = ("Heavy clashes in Beit Hanoun overnight.\n"
            "The army said its jets struck the cell.")
    assert places(classifier, text, source_actor="israel") == ["Beit Hanoun"]


def test_the_weapon_of_the_attack_a_strike_followed_is_not_the_strikes(classifier: Classifier) -> None:
    text = ("The Pentagon said US jets struck militia sites in Iraq on Sunday.\n"
            "The strikes followed a drone attack on Ain al-Asad that wounded two soldiers.")
    (claim,) = [st for st in classifier.classify(text, None, None, None, learned=False).statements
                if st.stance == "claim"]
    assert claim.weapon != "drone"


def test_the_city_of_a_press_conference_is_not_the_place(classifier: Classifier) -> None:
    text = ("Rockets hit US forces in Kirkuk on Monday; Iraqi officials told a news conference in Baghdad that "
            "Kataib Hezbollah was behind the attack.")
    assert places(classifier, text) == ["Kirkuk"]


def test_where_fire_came_from_is_not_where_it_struck(classifier: Classifier) -> None:
    text = "Hezbollah said it fired rockets from southern Lebanon toward northern Israel."
    assert places(classifier, text) == ["northern Israel"]


def test_a_place_after_the_target_forces_is_where(classifier: Classifier) -> None:
    text = "تبنت سرايا ثورة العشرين استهداف رتل للقوات الأمريكية في الديوانية ."
    assert places(classifier, text) == ["Diwaniyah"]


def test_a_state_after_an_attack_by_someone_on_is_where(classifier: Classifier) -> None:
    text = "Bahrain says a soldier died after an attack by the Houthis on Saudi Arabia's southern border."
    assert places(classifier, text) == ["Saudi Arabia's southern border"]


def test_a_ships_destination_is_no_place_as_written(classifier: Classifier) -> None:
    text = "Iran denied US allegations of a drone attack on Japan-bound tankers."
    assert "Japan-bound" not in places(classifier, text)


def test_a_province_is_shown_as_the_text_spells_it(classifier: Classifier) -> None:
    result = classifier.classify("Islamic State claimed an attack on an army checkpoint in Ninawa.", None, None, None,
                                 learned=False)
    (st,) = result.statements
    assert st.place is not None and st.place.id == "nineveh-governorate"
    assert st.contract_dict()["place"] == "Ninawa"


@pytest.mark.parametrize("text", [
    "The Houthis claimed a drone strike on a cargo ship sailing toward Israel.",
    "The Houthis claimed a missile attack on a tanker bound for Eilat.",
])
def test_a_ship_s_destination_is_not_where_it_was_hit(text: str) -> None:
    [st] = Classifier(learned=False).classify(text).statements
    assert st.stance == "claim" and st.place is None


def test_a_ship_s_destination_gives_way_to_where_it_was_hit() -> None:
    [st] = Classifier(learned=False).classify(
        "The Houthis claimed a drone strike on a tanker bound for Eilat off Hodeidah.").statements
    assert (st.place_written or (st.place.name if st.place else None)) == "Hodeidah"


@pytest.mark.parametrize(("text", "not_place"), [
    ("قالت المصادر إن العديد من المدنيين أصيبوا في القصف", "al-udeid"),    # «العديد»: many
    ("دعت الفصائل المسلحة إلى وقف الهجمات على القواعد", "fasayil"),         # «الفصائل»: the factions
    ("سقط قتلى في بلد عربي آخر جراء القصف", "balad"),                      # «بلد»: a country
])
def test_arabic_common_words_are_not_the_places_they_spell(text: str, not_place: str) -> None:
    s = Classifier(learned=False).sentence(text)
    assert not_place not in {m.id for m in s.mentions if m.kind == "place"}


# -- a capital that names its government, or the place of an attack ----------------------------------

@pytest.mark.parametrize("text", [
    "An Israeli missile hit a Damascus suburb on Tuesday, killing an adviser, Iranian state TV said.",
    "ISIS claimed the Damascus car bombing that killed nine people near a shrine.",
    "IS claims a double suicide attack on a police post in south #Damascus",
])
def test_a_capital_with_a_word_of_area_or_attack_is_where(classifier: Classifier, text: str) -> None:
    assert set(places(classifier, text)) == {"Damascus"}


def test_a_capital_that_speaks_is_still_not_the_place(classifier: Classifier) -> None:
    text = "Damascus accused Israel of striking an army radar near Quneitra on Sunday."
    assert places(classifier, text) == ["Quneitra"]


def test_an_attack_on_a_state_is_where_though_the_state_speaks_in_the_sentence(classifier: Classifier) -> None:
    text = ("Jordan's foreign minister said the Houthi drone attack on Jordan was a grave escalation and Jordan's "
            "army would respond.")
    assert places(classifier, text) == ["Jordan"]


# -- handles, links, epithets and hashtags ----------------------------------------------------------

def test_a_town_inside_a_user_handle_is_not_the_place(classifier: Classifier) -> None:
    text = "RT @Nabil_Saraqib: #Amaq: IS fighters destroyed two army tanks with guided missiles near Khanasir"
    assert places(classifier, text) == ["Khanasir"]


def test_a_user_handle_alone_gives_no_place(classifier: Classifier) -> None:
    text = "RT @Omar_Raqqa: IS claims it killed four soldiers in an ambush"
    assert places(classifier, text) == [None]


@pytest.mark.parametrize("text", [
    "#WilayatDiyala Shelling #Rafidi army barracks with mortar rounds in Umm Khanjar village",
    "#WilayatDiyala Shelling #Nusayri positions and #Sahwas with rockets in Umm Khanjar village",
    "Targeting barracks of the #Safawi army with mortars in Umm Khanjar village",
])
def test_an_epithet_hashtag_is_not_the_place(classifier: Classifier, text: str) -> None:
    assert places(classifier, text) == ["Umm Khanjar"]


def test_a_hashtag_that_glues_a_city_to_its_attack_names_the_city(classifier: Classifier) -> None:
    text = "The Kurdistan Freedom Falcons claimed the #AnkaraBlast in a statement online"
    assert places(classifier, text) == ["Ankara"]


def test_a_lower_case_hashtag_after_near_is_a_name(classifier: Classifier) -> None:
    text = "#WilayatSinai Blowing up an IED on an army patrol near #bir_lahfan_road"
    assert places(classifier, text) == ["bir lahfan road"]


def test_a_groups_province_gives_way_to_the_village_it_names(classifier: Classifier) -> None:
    text = "#WilayatHalab Soldiers of the Caliphate attacked regime positions in #Tal_Jibbin"
    assert places(classifier, text) == ["Tal Jibbin"]


def test_a_groups_province_alone_is_still_the_place(classifier: Classifier) -> None:
    text = "#WilayatRaqqah Soldiers of the Caliphate repelled an attack by the apostates"
    assert places(classifier, text) == ["Raqqah"]


def test_a_name_after_in_goes_before_a_hashtag_word(classifier: Classifier) -> None:
    text = "#AmaqAgency Dozens of #Murtaddin #Killed in a #Martyrdom operation in as-Sufiyah Region of #Ramadi"
    assert places(classifier, text) == ["as-Sufiyah"]


# -- a longer name is not its first word ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "place"), [
    ("#Amaq: IS repelled an attack by the Lebanese army on its positions in Ras #Baalbek", "Ras Baalbek"),
    ("Video shows IS fighters shelling regime positions in Rasm Al Sahrij with mortars", "Rasm Al Sahrij"),
])
def test_a_town_that_is_the_first_word_of_a_longer_name_is_not_the_place(classifier: Classifier, text: str,
                                                                        place: str) -> None:
    assert places(classifier, text) == [place]


# -- not where the attack was ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "US Navy sinks Houthi boats in Red Sea\nThe Navy said it was answering Houthi attacks on merchant ships during "
    "the war in Gaza.",
    "The Houthis said they fired a missile at a tanker in the Red Sea in solidarity with Gaza.",
])
def test_a_place_named_for_a_war_or_a_cause_is_not_where(classifier: Classifier, text: str) -> None:
    assert "Gaza Strip" not in places(classifier, text) and "Gaza" not in places(classifier, text)


def test_where_a_speaker_was_born_is_not_the_place(classifier: Classifier) -> None:
    text = ("Queen says Hamas raid was provoked\nThe queen, who was born in Kuwait, said the Hamas raid on Israel "
            "followed years of occupation.")
    assert "Kuwait" not in places(classifier, text)


def test_a_meeting_that_was_attacked_is_where(classifier: Classifier) -> None:
    text = "Ahrar al-Sham claimed it targeted a meeting of Russian officers in Jableh with rockets."
    assert places(classifier, text) == ["Jableh"]


def test_an_attack_claimed_in_revenge_is_not_where_the_revenge_points(classifier: Classifier) -> None:
    text = "The PKK claimed the #Ankara car bombing in revenge for Turkish shelling in #Afrin"
    assert places(classifier, text)[0] == "Ankara"


# -- Arabic -------------------------------------------------------------------------------------------------

def test_arabic_pictures_are_not_tyre(classifier: Classifier) -> None:
    text = "- صور : تنظيم الدولة الإسلامية يتبنى تفجير سيارة مفخخة استهدف دورية للجيش ."
    assert places(classifier, text) == [None]


def test_tyre_after_a_word_of_place_is_tyre(classifier: Classifier) -> None:
    s = Classifier(learned=False).sentence("وتبنى حزب الله قصف موقع إسرائيلي قرب مدينة صور .")
    assert "tyre" in {m.id for m in s.mentions if m.kind == "place"}
    text = "أعلن الجيش الإسرائيلي أنه قصف مواقع لحزب الله في مدينة صور ."
    assert set(places(classifier, text, source_actor="israel")) == {"Tyre"}


def test_an_arabic_base_after_near_is_named_by_its_own_word(classifier: Classifier) -> None:
    text = "تبنت وحدات حماية الشعب قصف مواقع للفصائل قرب قاعدة الزيتونة الجوية ."
    assert places(classifier, text) == ["الزيتونة"]


def test_an_arabic_strip_keeps_its_name(classifier: Classifier) -> None:
    text = "وأعلن الجيش الإسرائيلي أنه قصف مواقع في شمال قطاع كرمشين ."
    assert places(classifier, text, source_actor="israel") == ["قطاع كرمشين"]


def test_the_border_a_message_names_is_the_place_of_fire_across_the_border(classifier: Classifier) -> None:
    text = ("Shelling escalates on the boundary with Lebanon\n"
            "Israeli security sources said Hezbollah fired forty rockets on Monday, the most since clashes across the "
            "border began.")
    assert places(classifier, text) == ["boundary with Lebanon"]


def test_a_border_elsewhere_is_not_the_place_of_a_sentence_that_names_none(classifier: Classifier) -> None:
    text = ("Shelling escalates on the boundary with Lebanon\n"
            "Israeli security sources said Hezbollah fired forty rockets at the town of Shlomi on Monday.")
    assert places(classifier, text) == ["Shlomi"]


def test_an_adjective_of_a_country_before_a_word_of_place_names_the_country(classifier: Classifier) -> None:
    text = "#AmaqAgency: A martyrdom operation hit a gathering of officials in a Nigerian city."
    assert places(classifier, text) == ["Nigeria"]


@pytest.mark.parametrize("text", [
    "#AmaqAgency: Soldiers of the Caliphate attacked the apostates next to the Turkish border, killing five.",
    "#AmaqAgency: IS fighters destroyed a Russian tank with a guided missile.",
])
def test_an_adjective_of_a_party_or_of_a_border_is_not_where(classifier: Classifier, text: str) -> None:
    found = places(classifier, text)
    assert found and set(found) == {None}


def test_a_city_that_says_is_its_government_not_where(classifier: Classifier) -> None:
    text = "Tel Aviv says its jets hit Hezbollah depots in Lebanon overnight."
    assert places(classifier, text) == ["Lebanon"]


@pytest.mark.parametrize("text", [
    "Jordan Strikes Syria After Drone Attack on Ruwaished\nThe army said its jets hit smugglers' depots.",
    "US hits militia sites in Iraq after rocket attack on Harir base\nThe Pentagon said the strikes killed two.",
])
def test_a_strike_after_an_attack_elsewhere_is_not_there(classifier: Classifier, text: str) -> None:
    found = places(classifier, text)
    assert found and found[0] in ("Syria", "Iraq")


def test_a_claim_made_after_the_bombing_keeps_the_bombings_place(classifier: Classifier) -> None:
    text = "IS claimed responsibility a day after the bombing in Kabul that killed twelve people."
    assert places(classifier, text) == ["Kabul"]


@pytest.mark.parametrize(("text", "place"), [
    ("IDF jets struck a Hamas launch post in Deir al-Balah overnight.", "Deir al-Balah"),
    ("Amaq: Soldiers of the Caliphate destroyed an army tank in Deir ez-Zour.", "Deir ez-Zour"),
    ("IDF troops struck a cell adjacent to the town of Silat ad-Dhahr.", "Silat ad-Dhahr"),
])
def test_a_name_with_an_article_inside_is_whole(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text, source_actor="israel" if "IDF" in text else None) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Amaq: Shuhada Yarmouk fighters blew up an army bulldozer with a mine near Kuwayya.", "Kuwayya"),
    ("Amaq: Liwa Shuhada al-Quds fighters destroyed two regime tanks near the Sahem Dam.", "Sahem Dam"),
])
def test_a_brigades_name_is_not_where_it_attacked(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


@pytest.mark.parametrize("text", [
    "#Infographic #Amaq: 40 #ISIS suicide attacks in #Iraq during March",
    "#AmaqAgency #BreakingNews IS fighters attacked army posts in #Iraq",
])
def test_a_hashtag_of_a_post_s_kind_is_not_the_place(classifier: Classifier, text: str) -> None:
    assert places(classifier, text) == ["Iraq"]


def test_a_month_abbreviated_is_not_a_place(classifier: Classifier) -> None:
    text = "Israel's army chief said Hamas' attack on Oct. 7 was a failure of the army he commands."
    assert "Oct" not in places(classifier, text)


def test_an_arabic_verb_after_a_word_of_place_is_no_name(classifier: Classifier) -> None:
    text = "وقال المرصد إن تنظيم الدولة أسقط الطائرة فوق منطقة يسيطر عليها التنظيم في ريف حلب ."
    assert all(p not in ("يسيطر", "عليها") for p in places(classifier, text))


# -- "the missiles" of an earlier sentence: that sentence's place, not the headline's ----------------

@pytest.mark.parametrize(("text", "place"), [
    ("Rockets hit US base in Iraq as tensions rise\nEarlier, a US destroyer sailing in the Red Sea shot down three "
     "drones launched from Yemen. A Pentagon official said the drones were fired by the Houthis.", "Red Sea"),
    ("Militia rockets strike American base in Iraq\nA British frigate on patrol in the Gulf of Aden intercepted several "
     "missiles launched from Yemen on Friday. A US official says these missiles were launched by the Houthi movement.",
     "Gulf of Aden"),
    ("Drones target US troops in Syria\nA US warship in the Red Sea downed two cruise missiles heading north. American "
     "officials said the two missiles were fired by the Houthis.", "Red Sea"),
])
def test_a_weapon_told_before_is_where_the_sentence_that_told_it_says(classifier: Classifier, text: str,
                                                                       place: str) -> None:
    assert places(classifier, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    # the headline told of the drones: a finer place the body names after it still wins
    ("Drones hit US base in Syria\nTwo drones struck the Conoco base overnight, causing minor damage. A US official "
     "said the drones were launched by Iran-backed militias.", "Conoco gas field"),
    # the sentence that told of them names no place: the message's place, as before
    ("Rockets hit US base in Iraq\nA US warship shot down three drones on Friday. A Pentagon official said the "
     "drones were fired by the Houthis.", "Iraq"),
    # the rockets blamed are the headline's, not the ones named after the blame
    ("Rockets hit US base in Iraq\nA Pentagon official said the rockets were fired by Kataib Hezbollah. Separately, "
     "a US destroyer in the Red Sea shot down three rockets.", "Iraq"),
])
def test_a_weapon_told_in_the_headline_or_nowhere_keeps_the_message_s_place(classifier: Classifier, text: str,
                                                                           place: str) -> None:
    assert places(classifier, text)[0] == place


# -- a photo caption and a capital standing for its government are not where ---------------------

def message_places(classifier: Classifier, text: str) -> list[str]:
    return [p.name for p in classifier.classify(text, None, None, None, learned=False).places]


@pytest.mark.parametrize("caption", [
    "Defence Secretary Jane Marsh at a news conference in Oslo on Oct. 3, 2023. (Per Olsen/AFP via Getty Images)",
    "The Pentagon in Arlington, Va., on March 9, 2022. (Tom Reed/Reuters)",
    "A minister speaks in Madrid on Nov. 2, 2023. (Ana Ruiz/(AP Photo)",
])
def test_a_photo_caption_names_no_place(classifier: Classifier, caption: str) -> None:
    text = "US Conducts More Strikes on Militia Sites in Eastern Syria\n" + caption
    assert message_places(classifier, text) == ["eastern Syria"]


def test_the_story_after_a_caption_is_kept() -> None:
    text = ("Militia attacks continue\nSoldiers on patrol near Hasakah on May 4, 2021. (AP Photo/Sam Lee) "
            "A drone struck the Green Village base on Tuesday, officials said.")
    assert clean_body(text) == "Militia attacks continue\nA drone struck the Green Village base on Tuesday, officials said."


def test_a_parenthesis_inside_a_sentence_is_no_caption() -> None:
    text = "Title\nThe faction (Kataib Sayyid al-Shuhada/KSS) said it attacked the base."
    assert clean_body(text) == text


@pytest.mark.parametrize("text, expected", [
    ("Militia Strikes on US Troops Test Moscow's Patience and Washington's Resolve\n"
     "A drone struck a base in Iraq on Monday.", ["Iraq"]),
    ("Rocket fire risks a Washington, Tehran confrontation\nRockets hit a base in Syria.", ["Syria"]),
    ("The Houthis threatened to hit warships if Yemen is targeted by Washington.", ["Yemen"]),
    # marked as a place, a capital is one
    ("A drone attack in Moscow damaged two office towers overnight.", ["Moscow"]),
    ("Russian missiles struck Kyiv before dawn.", ["Kyiv"]),
])
def test_a_capital_is_a_place_only_where_a_word_marks_it(classifier: Classifier, text: str,
                                                         expected: list[str]) -> None:
    assert message_places(classifier, text) == expected


# -- relays' ways of writing a village: names the gazetteer does not know, as written ----------------

@pytest.mark.parametrize(("text", "place"), [
    # a word refused as a name ("the Apostates at ...") does not hide the name after it
    ("#Amaq: Islamic State fighters launch an assault on the Apostates at Jazal Oilfield", "Jazal Oilfield"),
    # "near" after a party's name is where the party was hit, not the party's branch
    ("#Amaq: a martyrdom operation hits Iraqi forces near Albu Hayat", "Albu Hayat"),
    # a direction after the village starts the words that place it
    ("#Amaq: Islamic State fighters destroy a Humvee of the Iraqi army near #Khuraiba NW of #Tikrit", "Khuraiba"),
    # a hashtag after the village is the city around it
    ("#Amaq: 12 Rafidi militiamen killed in a martyrdom operation in Zayouna #Baghdad", "Zayouna"),
    # "the city's X area": the area, not the city that owns it
    ("#Amaq: Islamic State fighters kill 9 Kurdish militiamen in #Hasakah's #Tal_Baydar area", "Tal Baydar"),
    ("#Amaq: Islamic State fighters storm regime posts in #DeirEzzor's Jubaila neighborhood", "Jubaila"),
])
def test_a_relays_village_is_the_place_as_written(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    # a capital with a direction is where, not its government speaking
    ("#Amaq: Islamic State fighters kill 8 regime soldiers in clashes south #Damascus", "Damascus"),
    # ... but "#WilayatSouthBaghdad" is the group's province: the village it names wins
    ("#WilayatSouthBaghdad Soldiers of the Caliphate targeted a gathering of the Rafidi army in #Arab_Jabour", "Arab Jabour"),
    # a city's possessive before a landmark keeps the city ("Sadr City", "the Grand Mosque" are no area)
    ("#Amaq: IS claims a suicide attack on Konya's Grand Mosque", "Konya"),
])
def test_a_city_with_a_direction_or_a_possessive(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


# -- the relays' spellings of known towns, and villages placed by a town ---------------------------

@pytest.mark.parametrize(("text", "place"), [
    # (the town of a base, as the relay spells it: a reader matches "Shadadi", not "Al-Shaddadi")
    ("Soldiers of the Caliphate destroyed a bulldozer with a guided missile south of Shadadi", "Shadadi"),
    ("#Amaq: two Egyptian soldiers killed in an IED blast near Sheikh Zuwaid", "Sheikh Zuwaid"),
    ("#Amaq: Islamic State fighters repel an attack on their positions west of Samarra'a", "Samarra'a"),
    ("#Amaq: Islamic State fighters shell regime positions in Khan Touman", "Khan Touman"),
    ("#Amaq: Islamic State fighters take full control of the Shaer gas field", "Shaer gas field"),
])
def test_a_relays_spelling_of_a_known_place(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    # a village the gazetteer does not know, placed by a direction from a known town
    ("#Amaq: two regime tanks destroyed in clashes in al-Bayarat, east of al-Qaryatain town", "al-Bayarat"),
    # a village a word marks inside a city the relay names as a hashtag
    ("#Halab Soldiers of the Caliphate targeted regime points in the village of #Tal_Shughaib", "Tal Shughaib"),
    # the known city written with something glued to it is still the city
    ("IDF troops continue to intensify their activities in the area of Khan Yunis-24hr update.", "Khan Yunis"),
    # the region a city lies in is no finer place; a site of the city is
    ("Russia's defence ministry said its forces struck Ukrainian positions in the town of Kupiansk, an area of "
     "Ukraine's Kharkiv region.", "Kupiansk"),
    ("#Amaq: a martyrdom operation hits an army convoy on the outskirts of Palmyra airport", "Palmyra airport"),
])
def test_a_village_placed_by_a_known_town_or_city(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text, source_actor="israel" if text.startswith("IDF") else None) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Ukraine says it struck a Russian warship in a Crimean port overnight", "Crimea"),
    ("#Amaq: dozens of Rafidi militiamen killed in a martyrdom operation in #central #Baghdad", "Baghdad"),
])
def test_an_adjective_or_a_direction_is_no_name(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


# -- a blame's own clause names where ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "place"), [
    # the deed the blame tells of happened in Yemen, not where the ship was sailing
    ("A Pentagon spokesman said the frigate was sailing in the northern Red Sea on Monday when it intercepted two "
     "drones fired by Houthi rebels in Yemen.", "Yemen"),
    # no place after the blame's words: the place before them stays
    ("Officials in Kandahar blamed Taliban fighters for the attack on the checkpoint.", "Kandahar"),
])
def test_a_blames_own_clause_names_where(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


# -- more of the relays' ways of writing where ---------------------------------------------------------

@pytest.mark.parametrize(("text", "place"), [
    ("#Amaq: Islamic State fighters repel an advance of the Lebanese army in the mountains of Jurud Qaa", "Jurud Qaa"),
    ("According to Amaq, the Islamic State retook Tel Bir'ah village near the Turkish border after the rebels fled.",
     "Tel Bir'ah village"),
    ("#Amaq: Islamic State fighters attack Iraqi army positions at mount Qarachogh", "mount Qarachogh"),
    ("#Amaq: an explosive device hits Kurdish units in the village of umm Rumman", "umm Rumman"),
    # a capital among the closing hashtags is where, when the tweet names no other place
    ("#Amaq: a martyrdom operation hits a gathering of the Rafidi militia #Baghdad https://t.co/abc", "Baghdad"),
    ("#Amaq: a martyrdom operation hits a gathering of the Rafidi militia in Karrada #Baghdad https://t.co/abc",
     "Karrada"),
    # an owner's apostrophe is no part of the site's name
    ("Hezbollah said it struck the Israeli army’s Branit barracks with missiles.", "Branit barracks"),
])
def test_more_ways_relays_write_where(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


@pytest.mark.parametrize("text", [
    "Over the last two hours some 25 launches were identified crossing from Lebanon into northern Israel. IDF tanks "
    "are responding with fire toward the origin of the launches.",
    "A short while ago, terrorists fired an anti-tank missile from Lebanon toward the area of Zar'it. In response, IDF "
    "artillery is firing toward the origin of the shooting.",
])
def test_fire_toward_the_origin_of_the_launches_is_where_they_came_from(classifier: Classifier, text: str) -> None:
    assert places(classifier, text, source_actor="israel") == ["Lebanon"]


def test_where_flights_were_diverted_is_not_where_the_strike_was(classifier: Classifier) -> None:
    text = "Syria blames Israel for airport strike\nSyria accused Israel of striking its main airport on Monday; flights " \
           "were diverted to Latakia."
    assert "Latakia" not in places(classifier, text)


@pytest.mark.parametrize(("text", "place"), [
    # a hashtag a word of area follows is a place, before the group's province or the city around it
    ("#WilayatHamah Taking #Control Over #Qasr_Shawi region after #battles with the #Nusayri #army", "Qasr Shawi"),
    ("#Amaq: Islamic State fighters capture #Tal_Hamis village in #Hasakah's southern countryside", "Tal Hamis"),
    # a channel's tags are no place
    ("#PhotoReport #WilayatDijlah Pounding the Rafidi army with rockets #Caliphate_News", None),
])
def test_a_hashtag_before_a_word_of_area(classifier: Classifier, text: str, place: str | None) -> None:
    assert places(classifier, text) == [place]


def test_a_village_another_sentence_marks_is_where_when_the_gazetteer_knows_none(classifier: Classifier) -> None:
    text = ("Earlier today, an IDF aircraft spotted a terrorist cell entering a Hezbollah launch post in the area of "
            "Hula. A short while later, IDF fighter jets struck the post.")
    assert places(classifier, text, source_actor="israel") == ["Hula"]


@pytest.mark.parametrize(("text", "place"), [
    # of two places a list names, the first is the statement's, not the more precise second
    ("Iran-aligned militias say they have attacked US bases in Jordan as well as eastern and southern Syria.", "Jordan"),
    # a place inside the other is a finer place of the same attack
    ("Iran-aligned militias say they have attacked US bases in Syria, in eastern Syria.", "eastern Syria"),
])
def test_the_first_of_two_listed_places(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


def test_a_mood_in_a_capital_is_its_government_not_where(classifier: Classifier) -> None:
    """"a new willingness in Washington" is the US government's, not the strike's place (still
    "explosions in Moscow" are where)."""
    text = "US jets struck two depots in Syria, showing a new willingness in Washington to respond, the Pentagon said."
    assert places(classifier, text) == ["Syria"]
    report = classifier.classify("The strikes on a depot in Syria reflect growing frustration in Washington.",
                                 None, None, None, learned=False).outlet_report
    assert report is not None and report.place is not None and report.place.name == "Syria"


# -- where an Amaq item datelines its news, whose mission, the attack a strike answers, paragraphs
#    that a feed ran together

def test_amaqs_dateline_is_where_its_news_happened(classifier: Classifier) -> None:
    # a news agency's dateline is where its reporter is (dropped); the group's own agency opens its
    # news on the place of the operation
    assert places(classifier, "Damascus - Amaq News Agency: Two Islamic State fighters carried out "
                              "martyrdom operations today") == ["Damascus"]


def test_a_states_consulate_is_not_in_that_state(classifier: Classifier) -> None:
    text = "#ISIS claims responsibility of IED attack targeted a security patrol near #Oman consulate in #Giza"
    assert places(classifier, text) == ["Giza"]


def test_an_airstrike_after_an_attack_is_where_the_airstrike_was(classifier: Classifier) -> None:
    text = ("Turkey has carried out an airstrike in northern Iraq after a suicide bombing attack in capital "
            "Ankara, its defence ministry said.")
    assert places(classifier, text) == ["northern Iraq"]


def test_paragraphs_run_together_by_a_feed_are_sentences_of_their_own(classifier: Classifier) -> None:
    text = ("Aid enters Gaza\nIDF says it attacked Hezbollah in Lebanese territory      See all our coverage     "
            "Palestinians in northern Gaza are reporting more air strikes.")
    assert places(classifier, text) == ["Lebanon"]


def test_where_the_fire_came_from_is_not_where_a_placeless_statement_is(classifier: Classifier) -> None:
    text = ("Israeli army closes area near the border to civilians\nIsrael says one person was killed in fire from "
            "Lebanon. Hezbollah claimed responsibility for the strikes.")
    assert places(classifier, text) == ["Israel"]


# -- a strike on the sources of the fire is where the fire came from, not where it landed ----------

@pytest.mark.parametrize(("text", "place"), [
    ("Earlier today, several launches from Lebanon were identified. A short while ago, IDF aircraft struck the launch "
     "posts from which the rockets were fired toward northern Israel.", "Lebanon"),
    ("Sirens sounded after launches from the Gaza Strip. IDF fighter jets later struck the launchers from which the "
     "rockets were fired into Israeli territory.", "Gaza Strip"),
    ("IDF jets struck the launch posts from which the rockets were fired toward Metula.", None),
])
def test_a_strike_on_launch_posts_is_not_where_their_fire_landed(classifier: Classifier, text: str,
                                                                  place: str | None) -> None:
    assert places(classifier, text, source_actor="israel") == [place]


# -- a base named by its town alone is shown as the text spells the town -----------------------------

@pytest.mark.parametrize(("text", "place"), [
    ("#ISIS claims a car bomb hit #YPG positions in #Shadadi", "Shadadi"),
    ("IS claims its fighters killed 12 soldiers in the mostly Shiite city of Balad.", "Balad"),
    ("Amaq: IS fighters killed 10 Kurdish militants south of #Shaddadi city.", "Shaddadi"),
    # the base's own name keeps the gazetteer's official one
    ("Kataib Hezbollah claimed a drone attack on the Harir base.", "Harir Air Base"),
])
def test_a_base_named_by_its_town_shows_the_town_as_written(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


# -- a blame's own clause names a region: the other attack's places do not make it finer -------------

@pytest.mark.parametrize("text", [
    "It is the second time this month that the US military has struck sites in Iraq it said were used by militias, "
    "which Washington blames for a wave of attacks on its troops in the Middle East.",
    "The US struck two depots in Syria on Sunday. It is the third strike on sites in Syria that the US said were used "
    "by groups which Washington blames for attacks on its forces in the Middle East.",
])
def test_a_blames_region_is_not_made_finer_by_the_strike_before_it(classifier: Classifier, text: str) -> None:
    result = classifier.classify(text, None, None, None, learned=False)
    assert [st.contract_dict()["place"] for st in result.statements if st.stance == "attribution"] == ["Middle East"]


# -- a place written in a way the patterns of place used to refuse -----------------------------------

@pytest.mark.parametrize(("text", "place"), [
    # a town whose name ends like an adjective of a people ("Rmeish", "Harabish") is still a town
    ("The IDF struck a Hezbollah cell in the area of Rmeish overnight.", "Rmeish"),
    ("Islamic State fighters shelled regime positions on the edges of Harabish.", "Harabish"),
    # "adjacent to", the army's word for near
    ("A terrorist opened fire at an IDF post adjacent to Moshav Gilboa Tefen; the soldiers neutralized him.",
     "Moshav Gilboa Tefen"),
    # a road's named point, after a bare "at"
    ("A terrorist opened fire at IDF soldiers at the Gush Tefen Junction. The soldiers responded with live fire "
     "and neutralized him.", "Gush Tefen Junction"),
])
def test_a_place_written_as_the_army_and_the_tweets_write_it(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text, source_actor="israel") == [place]


@pytest.mark.parametrize(("text", "place"), [
    # the man's home town is not where he was struck
    ("The IDF eliminated a terrorist, a resident of Tubas, in the town of Aqaba while he was on his way to an attack.",
     "Aqaba"),
    # the people's adjectives stay out: "in the Turkish area" names no town
    ("Islamic State fighters shelled positions of the Turkish army in the area of Dabiq.", "Dabiq"),
])
def test_a_home_town_or_a_peoples_adjective_is_not_where(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text, source_actor="israel") == [place]


# -- the past deeds of the man struck are another event ----------------------------------------------

@pytest.mark.parametrize(("text", "place"), [
    ("Overnight, IDF jets struck Khaled Sabri, a Hamas rocket commander, who was involved in rocket attacks "
     "against Ashkelon.", None),
    ("Overnight, an IAF aircraft struck Khaled Sabri, a senior Hamas operative. He was involved in the planning "
     "of numerous attacks against the State of Israel.", None),
    ("IDF jets eliminated a terrorist who took part in the massacre in Kibbutz Kfar Aza, in the area of Jabalia.",
     "Jabalia"),
])
def test_the_past_deeds_of_the_man_struck_are_not_where(classifier: Classifier, text: str, place: str | None) -> None:
    # (a blame of those deeds keeps their place: "rocket attacks against Ashkelon" are Hamas's)
    result = classifier.classify(text, None, None, "israel", learned=False)
    assert [st.contract_dict()["place"] for st in result.statements if st.stance == "claim"] == [place]


@pytest.mark.parametrize(("text", "place"), [
    # the fighter who carried out the attack did this one; a claim's own "responsible for" is the claim
    ("Amaq: the two fighters who carried out the attack in Baghdad were Iraqis, the Islamic State said.", "Baghdad"),
    ("The Islamic State said it was responsible for the bombing in Kabul.", "Kabul"),
])
def test_the_attackers_own_attack_keeps_its_place(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


# -- a state's own country, named where the other side's fire went, is not where the state struck ----

@pytest.mark.parametrize(("text", "place"), [
    ("IDF aircraft struck the launchers used to fire rockets at central Israel yesterday.", None),
    ("A short while ago, a terrorist cell tried to launch rockets from Lebanon toward the State of Israel. "
     "An IDF aircraft struck the cell.", "Lebanon"),
    # the other side's claim keeps the country its fire went to; a drone downed after it crossed in was there
    ("Hezbollah said it fired rockets toward northern Israel.", "northern Israel"),
    ("A short while ago, IDF soldiers identified a suspicious aerial target that crossed from Lebanon into Israeli "
     "territory. IDF fighter jets struck the target.", "Israel"),
])
def test_a_states_own_country_under_fire_is_not_where_it_struck(classifier: Classifier, text: str,
                                                                 place: str | None) -> None:
    assert places(classifier, text, source_actor="israel") == [place]


# -- Arabic words that are no place: a month, "new", "the tower", a city speaking ---------------------

@pytest.mark.parametrize(("text", "place"), [
    # «شهر» is the Persian "city" but the Arabic "month"
    ("وأعلنت وزارة الدفاع الروسية عن مقتل 20 مسلحا في غارات على إدلب في شهر تشرين الثاني .", "Idlib"),
    ("أعلنت القوات العراقية , اليوم الخميس , استعادة السيطرة على حي جديد بالجانب الأيمن من مدينة الرمادي , بعد "
     "معارك مع مسلحي تنظيم داعش .", "Ramadi"),
    # «البرج» is "the tower" unless a word of place comes before it
    ("تبنى تنظيم الدولة الإسلامية الهجوم الذي أدى إلى انهيار البرج الشمالي .", None),
])
def test_arabic_words_that_are_no_place(classifier: Classifier, text: str, place: str | None) -> None:
    assert places(classifier, text) == [place]


def test_an_arabic_capital_after_a_verb_of_saying_speaks_and_is_not_where(classifier: Classifier) -> None:
    text = "وبدأت العمليات العسكرية مطلع الشهر الماضي , قبل أن تعلن بغداد الجمعة سيطرتها على كامل القضاء والمعبر الحدودي مع سوريا ."
    assert "Baghdad" not in places(classifier, text)


# -- a capital that speaks, answers or condemns is its government, not where ------------------------

@pytest.mark.parametrize("text", [
    "Strikes hit militia depots in Iraq\nAmerican jets struck two militia depots in Iraq overnight, killing three "
    "fighters and drawing a sharp response from Baghdad on Thursday.",
    "Strikes hit militia depots in Iraq\nAmerican jets struck two militia depots in Iraq overnight. The raids were "
    "condemned by Baghdad as a breach of sovereignty.",
])
def test_a_report_is_not_placed_at_the_capital_that_answers(classifier: Classifier, text: str) -> None:
    assert outlet_place(classifier, text) == "Iraq"


@pytest.mark.parametrize("text", [
    "The Pentagon said its forces struck a drone depot used by the militia. Baghdad said the raid breached its sovereignty.",
    "The Pentagon said its forces struck a drone depot used by the militia. The raid was denounced by Damascus.",
    "The Pentagon said its forces struck a drone depot used by the militia. Beirut warned of a wider war.",
    "The US military said its jets struck a militia depot in Iraq on Friday; Baghdad denounced the strike.",
    "The US military said its jets struck a militia depot in Iraq on Friday; Baghdad slammed the raid.",
    "أعلن الجيش الأمريكي أنه قصف مستودعا للطائرات المسيرة تابعا للفصائل . بغداد تدين القصف .",
])
def test_a_capital_that_speaks_is_not_where_the_claimed_strike_was(classifier: Classifier, text: str) -> None:
    found = places(classifier, text)
    assert found and not {"Baghdad", "Damascus", "Beirut"} & set(found)


@pytest.mark.parametrize(("text", "place"), [
    ("The Pentagon said its forces struck a militia depot. A rocket attack in Baghdad had wounded two guards.", "Baghdad"),
    ("The Israeli army said its jets carried out strikes on Damascus overnight; Damascus said two soldiers died.",
     "Damascus"),
])
def test_a_capital_a_word_marks_as_where_is_still_the_place(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


def test_a_persian_city_word_still_names_a_city(classifier: Classifier) -> None:
    text = "سپاه پاسداران مسئولیت حمله به مقر تروریست‌ها در شهر اربیل را بر عهده گرفت ."
    assert places(classifier, text) == ["Erbil"]


# -- where the speaker spoke, an earlier event, a warship's name --------------------------------------

@pytest.mark.parametrize("text", [
    "At a press conference with the Israeli prime minister in Tel Aviv, the US secretary of state said Hamas "
    "carried out the massacre.",
    "Hezbollah's leader gave a speech to his followers on Friday in Lebanon in which he blamed Israel for the "
    "massacre.",
])
def test_where_the_speaker_spoke_is_no_place_of_the_attack(classifier: Classifier, text: str) -> None:
    assert places(classifier, text) == [None]


def test_a_meeting_that_was_struck_keeps_its_place(classifier: Classifier) -> None:
    text = "IDF jets struck a meeting of Hezbollah commanders in Nabatieh."
    assert places(classifier, text, source_actor="israel") == ["Nabatieh"]


def test_the_place_of_an_earlier_capture_is_not_where(classifier: Classifier) -> None:
    text = "Kyiv denied that Russian troops had taken the village, Moscow's biggest gain since the capture of Avdiivka."
    assert "Avdiivka" not in places(classifier, text)


@pytest.mark.parametrize(("text", "place"), [
    ("Ukraine said it had destroyed a Russian landing ship, the Novorossiysk, in the port of Sevastopol.",
     "Sevastopol"),
    ("Ukraine's air force claims to have struck the Novorossiysk landing ship.", None),
    # a ship named after nothing, hit near a town: the town
    ("The Houthis said they attacked a ship near Hodeidah.", "Hodeidah"),
])
def test_a_warship_named_after_a_town_is_no_place(classifier: Classifier, text: str, place: str | None) -> None:
    assert places(classifier, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    # "the village X" without "of", and a word of area written with a capital
    ("Inghimasi operation on the apostate army barracks in the village Tal Shair in Makhmur area.", "Tal Shair"),
    ("Islamic State fighters infiltrate the Village of Umm Jarad, killing 3 Kurdish fighters.", "Umm Jarad"),
])
def test_a_village_named_as_tweets_write_it(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    # "Mt." does not end the sentence; a distance from a name says a place follows
    ("Islamic State fighters destroyed 2 Peshmerga vehicles at Mt. Zartak, northeast of #Mosul.",
     "Mt. Zartak"),
    ("Islamic State fighters shot down a regime jet 20 km from Jabal Shumariyah in the eastern countryside.",
     "Jabal Shumariyah"),
])
def test_a_mountain_or_a_distance_from_a_name_says_where(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    # an Arabic name the text places by a direction from a known city is the finer place
    ("تبنى تنظيم الدولة الإسلامية تفجير عبوة ناسفة في منطقة السجر غربي بغداد .", "السجر"),
    ("وكالة أعماق : مقتل 5 جنود بهجوم في منطقة البوعلي جنوب غرب الرمادي .", "البوعلي"),
    # with no direction after it, the known city stays first
    ("تبنى تنظيم الدولة الإسلامية تفجير عبوة ناسفة في منطقة السجر في بغداد .", "Baghdad"),
])
def test_an_arabic_name_placed_by_a_direction_from_a_city(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


@pytest.mark.parametrize(("text", "place"), [
    # the hashtag in a new group's name, before its words of claiming, is not a finer place of the city
    ("Lions of #Zagros claims responsibility of #Kayseri bombing that killed 13 soldiers.", "Kayseri"),
    # a name the text places in the city stays the finer place
    ("IS fighters stormed regime positions in Tahtuh neighborhood in Deir Ezzor.", "Tahtuh"),
])
def test_a_clause_of_claiming_between_two_names_makes_neither_finer(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


def test_the_clause_before_while_is_another_deed(classifier: Classifier) -> None:
    text = "Aid trucks reached #Zabadani in Syria, while the Islamic State claimed an attack on the heart of Kirkuk city."
    assert places(classifier, text) == ["Kirkuk"]


@pytest.mark.parametrize("text", [
    "Israel and Hezbollah trade fire\nThe army says its jets hit a Hezbollah observation post in Lebanon, while "
    "Hezbollah says it fired guided missiles at three Israeli army positions.",
    "Iraqi officials said troops cleared three villages near Mosul, while the Islamic State said its fighters shot "
    "down a helicopter.",
])
def test_the_place_of_another_partys_clause_is_not_taken(classifier: Classifier, text: str) -> None:
    # the clause before "while ... says" is another party's deed: its place is not this claim's,
    # neither read in the sentence nor taken back as the message's place
    result = classifier.classify(text, None, None, None, learned=False)
    last = [st.contract_dict()["place"] for st in result.statements if st.contract_dict()["speaker"] != "Israel"]
    assert last and not {"Lebanon", "Mosul"} & set(last)


@pytest.mark.parametrize("text", [
    "Israeli jets pound south Lebanon after Hezbollah attack\nHezbollah says it fired anti-tank missiles at an "
    "Israeli patrol near the border.",
    "Israel conducted airstrikes in Gaza overnight. Hezbollah claimed it attacked two Israeli army posts with guided missiles.",
])
def test_a_place_another_party_struck_is_not_a_placeless_claims(classifier: Classifier, text: str) -> None:
    # the claim's sentence names no place: the headline's is where Israel struck, not where Hezbollah fired
    assert places(classifier, text) == [None]


@pytest.mark.parametrize(("text", "place"), [
    ("US jets strike militia sites in eastern Syria\nThe Pentagon said the strikes destroyed two weapons depots used by "
     "Iran-backed groups.", "eastern Syria"),
    ("Israeli jets pound south Lebanon after Hezbollah attack\nThe army said its jets destroyed a Hezbollah weapons "
     "depot overnight.", "southern Lebanon"),
])
def test_a_place_the_same_party_struck_is_still_taken(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


@pytest.mark.parametrize("text", [
    "A car bomb killed nine people in Kirkuk, while the Islamic State claimed responsibility for the blast in a statement.",
    "انفجرت سيارة مفخخة في كركوك , فيما أعلن تنظيم الدولة الإسلامية مسؤوليته عن التفجير .",
])
def test_a_clause_of_contrast_after_the_event_keeps_its_place(classifier: Classifier, text: str) -> None:
    # the clause before "while" tells the event, no party speaks in it: the claim is of that blast
    assert places(classifier, text) == ["Kirkuk"]


def test_an_arabic_clause_of_contrast_is_another_partys(classifier: Classifier) -> None:
    # «بينما أعلنت ...»: the places before are the coalition's words, not where Russia's strikes were
    text = ("قال التحالف الدولي إن نحو ألفي مسلح ما زالوا في العراق , بينما أعلنت وزارة الدفاع الروسية "
            "تدمير مواقع لمسلحي التنظيم .")
    assert "Iraq" not in places(classifier, text)


@pytest.mark.parametrize(("text", "place"), [
    # a tweet's hashtag after an Arabic word of place is the name («قرب منطقة #الدولاب», «مدينة #القائم»)
    ("ولاية الأنبار : هلاك 8 مرتدين وإحراق آليتين للجيش قرب منطقة #البوفراج", "البوفراج"),
    ("وكالة أعماق : مقتل قيادي في الحشد في اشتباكات على أطراف منطقة #البو_عيثة", "البو عيثة"),
])
def test_an_arabic_hashtag_after_a_word_of_place_is_the_name(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


@pytest.mark.parametrize("text", [
    "وكالة أعماق : هجوم انغماسي على ثكنة للجيش العراقي في ناحية الكرمة شمال شرقي الفلوجة .",
    "تبنى تنظيم الدولة الإسلامية تفجير عبوة ناسفة على دورية للشرطة في الكرمة .",
])
def test_karma_is_the_anbar_town_not_a_syrian_one(classifier: Classifier, text: str) -> None:
    """GeoNames gives «الكرمة» to Maharda in Hama too; the texts mean the town by Fallujah."""
    assert places(classifier, text) == ["Karma (Anbar)"]


def test_entirely_after_an_arabic_village_is_no_word_of_its_name(classifier: Classifier) -> None:
    # («خان» opens many names, «خان شيخون»: the word after it is read as the name's)
    text = "وقالت قوات سوريا الديمقراطية إن مقاتليها سيطروا على قرية خان بالكامل بعد اشتباكات مع داعش ."
    assert places(classifier, text) == ["خان"]


# -- a name holding a party's short name as letters ("IS" in "Kharidish") is still a name ---------

@pytest.mark.parametrize(("text", "place"), [
    ("IS fighters blew up a vehicle of the African Union forces in Kharidish area of #Kismayo", "Kharidish"),
    ("#AmaqAgency IS fighters destroyed a tank of the regime army in Tishrin area of #Manbij", "Tishrin"),
])
def test_a_name_containing_a_party_short_name_is_a_name(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


def test_a_name_inside_a_party_name_is_still_refused(classifier: Classifier) -> None:
    text = "The Islamic Resistance in Iraq claimed a drone attack on a US base in Syria."
    assert places(classifier, text) == ["Syria"]


# -- a village tagged before the city's hashtag written as one word ("#Dughaym, #DeirEzzor") ----------

@pytest.mark.parametrize(("text", "place"), [
    ("#AmaqAgency IS fighters advance in #Jafra, #DeirEzzor", "Jafra"),
    ("#AmaqAgency #IslamicState fighters repel an attack in #Huwayqa, #DeirEzzor", "Huwayqa"),
])
def test_a_village_before_a_one_word_city_hashtag(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


def test_an_accented_epithet_is_no_place(classifier: Classifier) -> None:
    text = "#WilayatAlKhayr Dozens of regime soldiers killed in Inghimāsī and Istishhādī operations in #DeirEzzor city."
    assert places(classifier, text) == ["Deir Ezzor"]


# -- where the other side's fire went, inside the striker's own country, is not where it struck -------

@pytest.mark.parametrize("text", [
    "IDF troops in Beit Lahia identified a post launching rockets toward the city of Ashkelon. An aircraft struck the launch post.",
    "Earlier today, fighter jets struck a launcher used to fire toward the area of Kiryat Shmona.",
    "Earlier today, fighter jets struck a launcher used to fire toward the area of Kiryat Shmona in northern Israel.",
])
def test_fire_toward_a_town_of_the_strikers_country_is_not_where_it_struck(classifier: Classifier, text: str) -> None:
    found = places(classifier, text, source_actor="israel")
    assert not {"Ashkelon", "Kiryat Shmona", "northern Israel"} & set(found)


def test_a_partys_own_fire_toward_the_city_keeps_it(classifier: Classifier) -> None:
    text = "Hezbollah said it fired a barrage of rockets toward the city of Kiryat Shmona."
    assert places(classifier, text) == ["Kiryat Shmona"]


# -- Arabic: «قرية #X بريف #Y», «بدمشق» ----------------------------------------------------------------

def test_an_arabic_village_hashtag_before_a_known_town(classifier: Classifier) -> None:
    text = "#ولاية_حلب / أسر أكثر من 20 عنصراً من عصابات الجيش النصيري وتدمير دبابة قرب قرية #الشيخ_أحمد بريف #السفيرة"
    assert places(classifier, text) == ["الشيخ أحمد"]


@pytest.mark.parametrize(("text", "place"), [
    ("قال مصدر أمريكي إن طائرات إسرائيلية قصفت مستودعا بدمشق .", "Damascus"),
    ("مقاتلات إسرائيلية تقصف مركزا عسكريا بدمشق حسب مصدر أمريكي .", "Damascus"),
    ("تحمل واشنطن طهران مسؤولية الهجوم على قواتها بالعراق .", "Iraq"),
])
def test_the_arabic_in_glued_to_a_name_says_where(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


def test_the_arabic_in_glued_to_a_common_word_is_no_place(classifier: Classifier) -> None:
    text = "أعلن تنظيم الدولة مسؤوليته عن الهجوم , وارتطمت الطائرة بالبرج الشمالي للمبنى في المدينة ."
    assert "Burj" not in places(classifier, text)


def test_a_press_conference_behind_the_arabic_in_is_where_the_speaker_spoke(classifier: Classifier) -> None:
    text = "أعلنت وزارة الدفاع العراقية في مؤتمر صحفي ببغداد مقتل عشرين من عناصر داعش بقصف جوي ."
    assert "Baghdad" not in places(classifier, text)


@pytest.mark.parametrize(("text", "place"), [
    ("Killing 9 Nusayri Soldiers and Taking Control Over Points on the Edges of al-Rahibah", "al-Rahibah"),
    ("The Villages of Tal Jabin and Kafr Naha in the Azaz District after Islamic State Fighters Capture Them", "Tal Jabin"),
])
def test_a_word_of_area_and_of_say_a_name_follows_in_a_headline_too(classifier: Classifier, text: str, place: str) -> None:
    assert places(classifier, text) == [place]


def test_a_headline_word_after_a_bare_in_is_still_no_name(classifier: Classifier) -> None:
    text = "Islamic State Fighters Capture Regime Positions in Surprise Attack South of #Aleppo"
    assert places(classifier, text) == ["Aleppo"]


@pytest.mark.parametrize("text", [
    "#IS claims an IED attack on #Qaddour army militants in #Benghazi #Libya",
    "The Islamic State group claimed an ambush on Qaddour forces in Benghazi.",
])
def test_a_name_before_army_or_forces_is_whose_forces_not_where(classifier: Classifier, text: str) -> None:
    assert places(classifier, text) == ["Benghazi"]


def test_a_report_of_a_state_retaliating_is_of_that_states_strike(classifier: Classifier) -> None:
    report = classifier.classify("US retaliates in Syria after four US troops wounded in attack", None, None, None,
                                 learned=False).outlet_report
    assert report is not None and report.subject is not None and report.subject.id == "united-states"


# -- the Arabic names of today's front towns are the gazetteer's towns ---------------------------

@pytest.mark.parametrize(("town", "place"), [
    ("خاركيف", "Kharkiv"), ("بيلغورود", "Belgorod"), ("زابوريجيا", "Zaporizhzhya"), ("باخموت", "Bakhmut"),
    ("المطلة", "Metula"), ("سديروت", "Sderot"), ("عسقلان", "Ashkelon"), ("أسدود", "Ashdod"), ("النبطية", "Nabatiye et Tahta"),
    ("كيسمايو", "Kismayo"), ("الفاشر", "El Fasher"), ("درنة", "Darnah"), ("كويتا", "Quetta"),
])
def test_arabic_names_of_front_towns(classifier: Classifier, town: str, place: str) -> None:
    assert places(classifier, f"قالت حركة حماس إن مقاتليها استهدفوا دبابة في {town}") == [place]


def test_a_common_word_is_not_read_as_a_town(classifier: Classifier) -> None:
    # «الميادين» is also the Lebanese television channel the reports cite
    assert places(classifier, "قالت قناة الميادين إن حركة حماس استهدفت دبابة إسرائيلية") != ["Mayadin"]


# -- a town named with a word English uses as a preposition ---------------------------------------

@pytest.mark.parametrize("text", [
    "Hamas said its fighters attacked a patrol in Salah al-Din.",
    "In Salah al-Din province, Islamic State fighters attacked a patrol, the group said.",
])
def test_in_salah_al_din_is_the_iraqi_province_not_an_algerian_town(classifier: Classifier, text: str) -> None:
    assert places(classifier, text) == ["Salah al-Din"]


def test_a_region_named_like_its_government_after_in_the_is_the_place(classifier: Classifier) -> None:
    # "in the Kurdistan Region": after "in" and its article the name is the place, not the regional government
    assert places(classifier, "Hamas said its fighters attacked a patrol in the Kurdistan Region.") == ["Kurdistan Region"]


# -- the target after the origin, and where a spokesman spoke ------------------------------------------

def test_an_english_at_after_a_place_is_no_particle_of_a_longer_name(classifier: Classifier) -> None:
    # "Lebanon at Kiryat" is not a name like "Aita al-Shaab": the target after the origin is the place the
    # incident is matched on (the gazetteer's town), not only the name shown
    result = classifier.classify("Hezbollah said it fired rockets from southern Lebanon at Kiryat Shmona.", learned=False)
    assert [(st.place.name if st.place else None) for st in result.statements] == ["Kiryat Shmona"]


@pytest.mark.parametrize("text", [
    "The Houthis claimed a missile attack on a ship in the Gulf of Aden, their spokesman said in Sanaa.",
    "The Houthis claimed a missile attack on a ship in the Gulf of Aden, their spokesman told reporters in Sanaa.",
])
def test_the_city_a_spokesman_spoke_in_is_not_where_the_attack_was(classifier: Classifier, text: str) -> None:
    assert places(classifier, text) == ["Gulf of Aden"]


def test_the_city_an_arabic_spokesman_spoke_in_is_not_where_the_attack_was(classifier: Classifier) -> None:
    text = "أعلنت جماعة الحوثي استهداف سفينة في خليج عدن، وقال المتحدث باسمها في صنعاء إن العملية نجحت"
    result = classifier.classify(text, learned=False)
    assert [(st.place.name if st.place else None) for st in result.statements] == ["Gulf of Aden"]


# -- the villages and communities of the 2023-24 fronts are gazetteer places ---------------------------

@pytest.mark.parametrize(("text", "source", "place"), [
    # the gazetteer's town, not only the name as written: the incident is matched on its coordinates
    ("IDF fighter jets struck Hezbollah infrastructure in the area of Aita al-Shaab.", "israel", "Aita al-Shaab"),
    ("The army said its jets struck a Hezbollah launch post in Ayta ash-Shab overnight.", "israel", "Aita al-Shaab"),
    ("قال الجيش الإسرائيلي إن طائراته أغارت على بنى تحتية لحزب الله في بلدة عيتا الشعب جنوبي لبنان", None, "Aita al-Shaab"),
    ("The IDF said its artillery struck a Hezbollah cell near Mais al-Jabal.", None, "Mais al-Jabal"),
    ("قال الجيش الإسرائيلي إن مدفعيته قصفت أطراف بلدة الخيام", None, "Khiam"),
    # the Israeli communities Hezbollah fired at
    ("Hezbollah said it fired rockets at Margaliot.", None, "Margaliot"),
    ("Hezbollah said it targeted an Israeli army position in Misgav Am with an anti-tank missile.", None, "Misgav Am"),
    ("أعلن حزب الله استهداف موقع للجيش الإسرائيلي في مستعمرة مرغليوت", None, "Margaliot"),
    ("أعلنت المقاومة الإسلامية استهداف مستعمرة المنارة بصاروخ موجه", None, "Manara"),
    # the PKK's mountains
    ("Turkish jets struck PKK targets in the Qandil Mountains, the ministry said.", None, "Qandil Mountains"),
])
def test_a_front_village_is_the_gazetteer_place(classifier: Classifier, text: str, source: str | None,
                                                place: str) -> None:
    result = classifier.classify(text, None, None, source, learned=False)
    assert [(st.place.name if st.place else None) for st in result.statements] == [place]


def test_the_border_villages_lie_in_their_province_and_country() -> None:
    from classifiers.gazetteer import load_gazetteer

    gz = load_gazetteer()
    assert gz.within("aita-al-shaab", "nabatieh-governorate") and gz.within("aita-al-shaab", "lebanon")
    assert gz.within("marwahin", "south-lebanon-governorate") and not gz.within("marwahin", "israel")
    assert gz.within("margaliot", "israel") and gz.places["margaliot"].region == "israel"
    assert gz.within("qandil", "kurdistan-region") and gz.within("qandil", "iraq")
