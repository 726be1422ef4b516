"""English claims, one wording family per test: a party saying it carried out an attack (first
person, a state or army on its own strike, a relay of a group's communiqué, a report that a party
claimed it) and the look-alikes that claim nothing (a party named in a headline's head or tail, an
attack a party suffered, a forecast, a feed's footer). Every sentence is written for this test by
the project; none is copied from a corpus."""

from __future__ import annotations

import pytest

from classifiers.classify import Classifier

from .helpers import stances


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(learned=False)


def claims(classifier: Classifier, text: str, source_actor: str | None = None) -> set[str | None]:
    return {who for stance, who, _ in stances(classifier, text, None, source_actor) if stance == "claim"}


# --- a party named in a headline's head or tail is not the doer of the attack the headline tells

@pytest.mark.parametrize("text", [
    "Lebanon: Drone strike on a wedding hall kills at least 40 guests",
    "Yemen — Missile attack on a fuel depot kills nine workers",
    "Jordan: Rocket attack on border post wounds four",
])
def test_a_country_before_a_headline_colon_is_not_the_attacker(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


@pytest.mark.parametrize("text", [
    "Tehran court ruling: ‘Justice at last’ for Iranian missile strike survivors",
    "Ten years on: what the families of Syrian barrel bomb attack victims still wait for",
])
def test_a_party_deep_in_a_headline_tail_does_not_speak(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


@pytest.mark.parametrize(("text", "who"), [
    ("Turkey hits PKK hideouts in northern Iraq: defence ministry", "turkey"),
    ("US jets strike weapons depot in eastern Syria - Pentagon", "united-states"),
    ("US drone strike killed senior al-Shabaab commander in Somalia: Pentagon - AFP", "united-states"),
])
def test_a_state_in_a_short_headline_tail_claims_its_own_strike(classifier: Classifier, text: str, who: str) -> None:
    assert who in claims(classifier, text)


# --- a party before its attack noun names the attack, not who speaks

@pytest.mark.parametrize("text", [
    "Houthi leader hails Hamas raid, says more fronts could open against Israel",
    "Iraqi cleric condemns Hezbollah strike, says the region cannot bear a new war",
])
def test_a_party_before_an_attack_noun_is_not_the_speaker(classifier: Classifier, text: str) -> None:
    got = claims(classifier, text)
    assert "hamas" not in got and "hezbollah" not in got


# --- an attack the claimant suffered, a forecast, another party's deed

@pytest.mark.parametrize("text", [
    "Pentagon admits more attacks on US bases in Syria",
    "Pentagon acknowledges fresh drone attacks on US troops in Iraq",
])
def test_admitting_attacks_on_ones_own_forces_is_no_claim(classifier: Classifier, text: str) -> None:
    assert "united-states" not in claims(classifier, text)


def test_a_forecast_that_someone_claims_is_no_claim(classifier: Classifier) -> None:
    text = "The president will bomb the rebels if the talks fail, a former Pentagon chief claims"
    assert not claims(classifier, text)


def test_a_claim_verb_still_reports_the_speakers_own_attack(classifier: Classifier) -> None:
    assert "united-states" in claims(classifier, "The Pentagon admits its drone struck a wedding convoy in Yemen")
    assert "houthis" in claims(classifier, "Pentagon aware of attacks claimed by Houthis on ships in the Red Sea")


# --- a feed's footer is not part of the story

def test_a_feed_footer_repeating_the_headline_adds_no_statement(classifier: Classifier) -> None:
    text = ("Israel pounding Gaza at record pace, analysts find\nAnalysts compared the tonnage with past wars. "
            "The post Israel pounding Gaza at record pace, analysts find appeared first on Example Daily .")
    assert not claims(classifier, text)


# --- a relayed communiqué (Amaq, a Wilayat's media office) telling an attack in its own words

@pytest.mark.parametrize("text", [
    "#WilayatKirkuk\nPounding the apostate Peshmerga positions near Daquq with 82 mm mortar rounds",
    "#WilayatSalahuddin 📷| Pounded the Rafidi army barracks south of Samarra with Grad rockets",
    "RT @someone: Amaq Agency reports that yesterday #IS blew up an oil pipeline of the regime near Homs",
    "#AmaqAgency Explosion of three booby-trapped houses hits Kurdish units west of Tal Abyad",
    "#WilayatAnbar\nDeaths and injuries among the Rafidi army in a failed push towards Karma",
    "#AmaqAgency #IslamicState fighters advance in the Jafra district of Deir Ezzor",
    # the Safavid epithet for Iraq's army, and a common spelling of the martyrdom operation
    "#IS shot down a Safavid army helicopter west of Tikrit",
    "An ishtihadi brother detonated his truck at the army checkpoint south of Ramadi",
])
def test_a_relayed_communique_reporting_an_attack_is_the_groups_claim(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text) == {"islamic-state"}


@pytest.mark.parametrize("text", [
    "#WilayatKirkuk\nLiquidation of two Peshmerga members in the centre of Kirkuk",
    "#IslamicState\n#WilayatAnbar\nFiring rockets at the Rafidi army barracks near Rutba",
    "#AmaqAgency\n#IslamicState fighters fire at regime positions east of Palmyra",
    "#WilayatFurat 📷| Photo report: Beheading two spies of the crusader coalition in Mayadin",
    "#AmaqAgency\nA Sahwat commander eliminated in the countryside of Azaz",
    "#AmaqAgency Destruction of an Iraqi army Humvee with a guided missile north of Baiji",
    "Dawlah shooting Grad rockets at the Rafidi army camp near Tuz",
])
def test_a_communique_titled_with_a_deed_is_the_groups_claim(classifier: Classifier, text: str) -> None:
    # a province's photo report and Amaq's flash name the deed as a noun or a bare participle
    assert claims(classifier, text) == {"islamic-state"}


@pytest.mark.parametrize("text", [
    "When #IS kills the kuffar they cry terror, when the crusaders kill Muslims they call it freedom",
    "#Amaq\nAirstrikes kill six civilians near Manbij",
    "Five martyred in the bombing of Crusader warplanes that struck a bakery in Mosul.",
])
def test_a_supporters_argument_or_an_air_raid_relayed_is_not_the_groups_claim(classifier: Classifier,
                                                                               text: str) -> None:
    assert "islamic-state" not in claims(classifier, text)


def test_a_pious_phrase_in_arabic_leaves_an_english_relay_english(classifier: Classifier) -> None:
    # the script decides Latin; the Arabic words must not sway the character model to Arabic
    text = "Amaq: More than 20 dead regime troops in clashes east of Palmyra\n\nالله اكبر https://t.co/abc"
    assert classifier.classify(text, learned=False).lang == "en"
    assert claims(classifier, text) == {"islamic-state"}


def test_arabic_with_a_latin_name_stays_arabic(classifier: Classifier) -> None:
    assert classifier.classify("مقتل عشرين جنديا في هجوم على قاعدة التنف Tanf", learned=False).lang == "ar"


@pytest.mark.parametrize(("text", "who"), [
    ("#AmaqAgency Aftermath of US airstrikes on the town of Qaim", "united-states"),
    ("Aamaq Agency:\nRussian airstrike on the city of Tabqa kills four civilians", "russia"),
    ("#AmaqAgency #Breaking Airstrikes by US warplanes on the village of Maskanah", "united-states"),
    ("#AmaqAgency 4 civilians killed during Russian midnight airstrikes on the town of Tabqa", "russia"),
])
def test_a_relayed_airstrike_by_a_named_party_is_the_groups_blame(classifier: Classifier, text: str,
                                                                   who: str) -> None:
    assert ("attribution", "islamic-state", who) in stances(classifier, text)


@pytest.mark.parametrize("text", [
    "#Amaq: the Zakat office hands out 30 million Syrian pounds to poor families in Mayadin",
    "#WilayatBarqah 🌄 Sunset over the harbour of Sirte",
])
def test_a_communique_about_civil_business_claims_nothing(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


# --- a party saying "they have attacked", showing footage of its own strikes

@pytest.mark.parametrize(("text", "who"), [
    ("In reply, Iran-aligned groups say they have attacked US bases in eastern Syria.", "iran-backed-militias"),
    ("The Houthis said they had also fired drones at the port of Eilat.", "houthis"),
])
def test_a_pronoun_with_an_auxiliary_after_the_speech_verb_is_the_speaker(classifier: Classifier, text: str,
                                                                         who: str) -> None:
    assert who in claims(classifier, text)


@pytest.mark.parametrize(("text", "who"), [
    ("The Israeli army released footage on Tuesday that it said showed strikes on rocket launchers in Lebanon.", "israel"),
    ("The Pentagon published two videos of its airstrikes on militia depots near Abu Kamal.", "united-states"),
    ("The Houthis posted a clip purporting to show the attack on the cargo ship.", "houthis"),
])
def test_a_party_releasing_footage_of_its_own_strikes_claims_them(classifier: Classifier, text: str, who: str) -> None:
    assert who in claims(classifier, text)


@pytest.mark.parametrize("text", [
    "Hamas released a video showing Israeli strikes on a school in Rafah.",
    "The ministry released photos of the damage after the strikes.",
    "Washington also announced it had ordered non-essential staff to leave its embassy in Baghdad.",
])
def test_footage_of_anothers_attack_or_an_order_is_no_claim(classifier: Classifier, text: str) -> None:
    got = claims(classifier, text)
    assert "hamas" not in got and "united-states" not in got


@pytest.mark.parametrize("text", [
    "#AmaqAgency #IslamicState fighters retake the village of Tal Malid north of Aleppo",
    "#Amaaq claim #IS shoot down a regime helicopter south of Deir Ezzor",
    "#AmaqAgency\nSyrian regime warplane shot down over the eastern countryside of Homs",
    "#AmaqAgency Downing of a US reconnaissance drone north of Ramadi",
])
def test_a_communique_retaking_ground_or_downing_aircraft_is_the_groups_claim(classifier: Classifier,
                                                                               text: str) -> None:
    assert claims(classifier, text) == {"islamic-state"}


def test_a_group_claiming_it_brought_down_a_plane_claims_it(classifier: Classifier) -> None:
    text = "Ansar al-Sharia claims having brought down the plane that had been bombing Sirte for days"
    assert claims(classifier, text) == {"ansar-al-sharia-libya"}


def test_a_claim_that_another_party_is_preparing_an_attack_is_no_claim(classifier: Classifier) -> None:
    assert not claims(classifier, "Russia claims Syria is preparing to recapture Palmyra from ISIS")


def test_planes_are_not_plans(classifier: Classifier) -> None:
    # "planes" is no modal "plan": the relayed report blames Russia for the strike
    got = stances(classifier, "#AmaqAgency Russian planes strike the road between Sukhnah and Arak with cluster bombs")
    assert ("attribution", "islamic-state", "russia") in got


# --- who claims: not the party attacked

def test_the_party_attacked_does_not_claim(classifier: Classifier) -> None:
    text = "Reports on #SDF Raqqa operations against #ISIS claim they have taken 30 villages since Monday"
    assert claims(classifier, text) == {"sdf"}


def test_a_party_after_against_before_claiming_is_a_target(classifier: Classifier) -> None:
    text = "A campaign against Israel claiming a 2013 gas attack photo shows Gaza draws criticism"
    assert "israel" not in claims(classifier, text)


# --- an attack a state's forces suffered, told in a headline's participle

@pytest.mark.parametrize("text", [
    "US destroyer attacked – Pentagon",
    "US troops in Syria attacked 9 times this month: Pentagon",
    "British patrol boat targeted — Ministry of Defence",
])
def test_a_headline_participle_with_no_object_is_an_attack_suffered(classifier: Classifier, text: str) -> None:
    got = claims(classifier, text)
    assert "united-states" not in got and "united-kingdom" not in got


# (the state speaks after the headline: a victim's own casualty count is not a claim)
@pytest.mark.parametrize("text", [
    "Dozens hurt as Syrian army academy hit in drone attack || The drones struck as a parade was ending, Syria's army says.",
    "Iraqi army base hit in rocket attack || The strike wounded three soldiers, Iraq's defence ministry said.",
    "US forces in Syria hit in drone attack || The Pentagon said two soldiers were wounded.",
])
def test_an_attack_noun_after_a_preposition_is_an_attack_suffered(classifier: Classifier, text: str) -> None:
    got = claims(classifier, text)
    assert not {"syria-government", "iraq-government", "united-states"} & {g for g in got if g}


def test_a_state_before_its_own_attack_verb_still_claims(classifier: Classifier) -> None:
    assert "united-states" in claims(classifier, "US forces attack militia depot in Syria || The Pentagon said the depot was destroyed.")


def test_an_active_verb_before_a_dash_tail_still_claims(classifier: Classifier) -> None:
    assert "israel" in claims(classifier, "Israeli jets struck Hezbollah launchers overnight – army")


def test_a_news_story_naming_isis_fighters_relays_no_communique(classifier: Classifier) -> None:
    text = ("Did militants use stimulants before the raid? || Several gunmen involved in the assault on the town were "
            "under the influence of a synthetic amphetamine, investigators believe. The drug became notorious in "
            "2015 when it was found to be used by ISIS fighters in Syria and Iraq, and smuggling networks across the "
            "region have grown since then, with seizures reported in ports from Jeddah to Piraeus and in several "
            "European capitals over the past year, officials and analysts told reporters at a briefing on Tuesday.")
    assert not claims(classifier, text)


# --- an army's own channel: its tank, its forces beginning to operate

def army(classifier: Classifier, text: str) -> set[str | None]:
    return {who for stance, who, _ in stances(classifier, text, "t.me/idfofficial", "idf") if stance == "claim"}


@pytest.mark.parametrize("text", [
    "A short while ago, terrorists fired at an IDF post near Shlomi. In response, the tank fired toward the cell.",
    "Following intelligence that terrorists were hiding in a school in Beit Lahia, IDF troops have begun operating in the area.",
    "IDF soldiers spotted two armed terrorists near the fence. An IDF tank responded by firing toward them.",
])
def test_an_armys_channel_telling_its_own_action_claims_it(classifier: Classifier, text: str) -> None:
    assert army(classifier, text) == {"israel"}


@pytest.mark.parametrize("text", [
    "A report was received regarding anti-tank missile fire toward an IDF post along the border.",
    "A report was received regarding anti-tank missile launches toward the IDF post near Zarit.",
])
def test_an_armys_channel_reporting_an_attack_on_it_claims_nothing(classifier: Classifier, text: str) -> None:
    assert not army(classifier, text)


def test_a_spec_op_is_an_operation(classifier: Classifier) -> None:
    assert "islamic-state" in claims(classifier, "#ISIS announces it conducted a spec op against #US forces near Makhmour")


def test_a_claimed_noun_is_not_the_start_of_a_verb(classifier: Classifier) -> None:
    # "claimed that he attacked ... in self-defence": a defendant's account, no claim of an attack noun
    text = "The accused claimed that he attacked the cashier in self-defence, his lawyer told the court."
    assert not claims(classifier, text)
    assert "hezbollah" in claims(classifier, "Hezbollah claimed two attacks on Israeli posts near the border")



@pytest.mark.parametrize("text", [
    "Deadly US raids in Iraq\nUS air strikes targeting pro-Iranian militias south of Baghdad claimed at least two "
    "lives on Tuesday.",
    "US air strikes targeting pro-Iranian militias in Iraq claimed 10 lives on Tuesday.",
    "The shelling claimed more than 20 lives in the old city, rescuers said.",
])
def test_a_toll_after_its_count_is_no_claim(classifier: Classifier, text: str) -> None:
    # "the strikes claimed at least two lives": what the strikes cost, nobody's claim of them
    assert not claims(classifier, text)
    assert "islamic-state" in claims(classifier, "Islamic State claimed two attacks on army posts near Tikrit")

@pytest.mark.parametrize("text", [
    "@someuser I hope the hospitals have room for the wounded of the rafidi militias tonight",
    "@abc @xyz Allahuakbar, maybe the same brothers who sniped the crusader patrol last year lol",
])
def test_a_replys_chatter_relays_no_communique(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


def test_a_quoted_relay_with_a_colon_still_relays(classifier: Classifier) -> None:
    text = "@relay_acc:\n#WilayatAnbar Detonating an explosive device on an army vehicle south of Rutba"
    assert claims(classifier, text) == {"islamic-state"}


@pytest.mark.parametrize("text", [
    "#Aamaq: Two army helicopters crossed the border and bombed #ISIS positions south of Rafah",
    "Footage by Amaq: heavy regime aerial bombardment on #ISIS positions east of Palmyra",
    "#AmaqAgency\n#Warplane carried out 6 raids on the town of Mayadin",
    "#AmaqAgency U.S. aircraft bomb 2 water stations in #Raqqa",
    "#Nusayri warplanes conducted 9 air raids this morning on the #Caliphate's villages near Tabqa",
    "#Amaq\nCrusader jets pound a water station in the south of #Mosul",
])
def test_a_relayed_air_attack_on_the_group_is_not_its_claim(classifier: Classifier, text: str) -> None:
    assert "islamic-state" not in claims(classifier, text)


def test_a_relayed_downing_of_a_warplane_is_still_the_groups_claim(classifier: Classifier) -> None:
    assert claims(classifier, "#AmaqAgency a regime warplane is shot down east of Deir Ezzor") == {"islamic-state"}


@pytest.mark.parametrize("text", [
    "#AmaqAgency Syrian opposition factions backed by Turkish tanks capture the village of Tal Hajar north of #Aleppo",
    "#AmaqAgency 📰| Kurdish YPG militias and the regime army take control of #Tal_Rifaat",
])
def test_a_relay_telling_another_side_taking_ground_is_not_the_groups_claim(classifier: Classifier, text: str) -> None:
    assert "islamic-state" not in claims(classifier, text)


@pytest.mark.parametrize("text", [
    "#AmaqAgency #IslamicState fighters capture two positions of the opposition factions near Marea",
    "#AmaqAgency 20 regime soldiers killed and 3 captured in clashes near Palmyra",
])
def test_a_relay_telling_the_group_taking_ground_or_captives_still_claims(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text) == {"islamic-state"}


def test_a_relayed_attack_on_warplanes_is_still_the_groups_claim(classifier: Classifier) -> None:
    # the jets are the object of the group's deed, not the subject of a raid
    text = "#AmaqAgency #IslamicState fighters shell the regime's warplanes at the Tiyas airbase"
    assert claims(classifier, text) == {"islamic-state"}


def test_a_name_read_across_the_headline_colon_still_heads_it(classifier: Classifier) -> None:
    # "Amaq: news ..." is read as the alias "Amaq News": the relay still speaks for the group
    got = stances(classifier, "Amaq: news of the capture of the IS emir in Mosul is false")
    assert any(stance == "denial" and who == "islamic-state" for stance, who, _ in got)


# --- a war monitor reports the deed of another; it never attacks

@pytest.mark.parametrize("text", [
    "According to the SOHR, JKM carried out the massacre in Tal Rifaat.",
    "According to the Syrian Observatory, unidentified gunmen carried out the shooting in Salamiyah.",
])
def test_a_monitor_reporting_an_unnamed_doer_claims_nothing(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


# --- the party an attack is fought against is not its doer

@pytest.mark.parametrize("text", [
    "The coalition against the Houthis struck the port of Hodeidah again.",
    "Kurdish forces fighting ISIS struck the group near Hawija, the ministry said.",
    "The Western coalition against ISIS attacks Tabqa dam for a third time, killing 4 workers.",
])
def test_the_party_fought_does_not_claim_the_attack_on_it(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text) & {"houthis", "islamic-state"}


# --- a claim told with an abbreviation or a bare pronoun

@pytest.mark.parametrize("text, who", [
    ("#AmaqAgency The #IslamicState claims the other 3 Inghimasi Ops in #Tarmiyah and #Taji", "islamic-state"),
    ("Debris of an #Iraqi army helicopter #ISIS claimed it shot it down near #Baiji", "islamic-state"),
    ("al-Shabaab claimed they shot them down over the airstrip at Baledogle", "al-shabaab"),
])
def test_a_claim_with_ops_or_a_bare_pronoun(classifier: Classifier, text: str, who: str) -> None:
    assert claims(classifier, text) == {who}


# --- an army's own channel: an attack under way, the enemy it killed, its brigades

@pytest.mark.parametrize("text", [
    "09:10 Troops continue to eliminate terrorists and locate weapons in Beit Lahia as ground operations continue.",
    "The soldiers of the 213th and 740th Brigades eliminated terrorists and destroyed launch posts.",
    "Earlier today, observation soldiers spotted a terrorist cell approaching the border fence. Three terrorists were killed.",
    "08:15The IDF and ISA Eliminate Two Senior Hamas Commanders in Jabalia",
    "During the activity in Tubas, IDF troops eliminated three terrorists.",
])
def test_an_army_channel_claims_its_own_operations(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text, source_actor="israel") == {"israel"}


@pytest.mark.parametrize("text", [
    "Earlier today, two soldiers were killed during operational activity in the northern Gaza Strip.",
    "The army is calling up two reserve brigades for operational activities on the northern front.",
    "Hamas vowed to eliminate the soldiers who entered the camp.",
    "During routine IDF activity near Tubas, an explosive device detonated, injuring two soldiers lightly.",
])
def test_an_army_channel_s_own_dead_plans_and_threats_claim_nothing(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text, source_actor="israel")


@pytest.mark.parametrize("text", [
    "A short while ago, two anti-tank missiles were launched toward an IDF post near Metula. No injuries were reported.",
    "Earlier today, several rockets were fired toward Kibbutz Sasa in northern Israel.",
    "A mortar shell was fired at IDF soldiers operating near the fence.",
    "Since Monday, 40 rockets have been fired from the school compound toward the State of Israel.",
    "This morning, dozens of rockets were launched from southern Lebanon into Israeli territory.",
])
def test_an_army_channel_s_report_of_fire_at_its_own_side_claims_nothing(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text, source_actor="israel")


@pytest.mark.parametrize("text", [
    "The Chief of the General Staff is conducting a situational assessment in the Southern Command.",
    "This morning, an IAF helicopter carried out an emergency landing in an open area near Beersheba.",
    "Following the shooting near Ariel, IDF soldiers are continuing to carry out searches in the area.",
    "The drill was conducted together with the Home Front Command in the Galilee.",
])
def test_an_army_channel_conducting_no_attack_claims_nothing(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text, source_actor="israel")


@pytest.mark.parametrize("text", [
    "IDF troops conducted a targeted raid on a Hamas compound in Beit Hanoun.",
    "The troops are continuing the precise operation against Hamas in the Rantisi hospital, in which they are "
    "conducting searches for weapons.",
])
def test_an_army_channel_conducting_an_attack_claims_it(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text, source_actor="israel") == {"israel"}


@pytest.mark.parametrize("text", [
    "In response, artillery shells were fired toward the sources of the launches in Lebanon.",
    "Overnight, interceptors were launched at the hostile aircraft over the sea.",
])
def test_an_army_channel_s_own_fire_told_in_the_passive_is_its_claim(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text, source_actor="israel") == {"israel"}


def test_the_second_verb_of_a_group_s_raid_is_still_the_group_s(classifier: Classifier) -> None:
    text = "#AmaqAgency Islamic State fighters killed 23 Iraqi soldiers and destroyed 6 vehicles near Baiji"
    result = classifier.classify(text, None, None, None, learned=False)
    assert [(s.stance, s.speaker.id if s.speaker else None) for s in result.statements] == [("claim", "islamic-state")]


# --- a claim verb with a subject of its own after it reports another's deed

def test_a_state_claiming_suspects_planned_attacks_claims_no_attack(classifier: Classifier) -> None:
    text = "Egypt arrests cell members || Cairo claims suspects planned attacks on churches and a police station."
    assert not claims(classifier, text)


@pytest.mark.parametrize("text, who", [
    ("Russia Claims Killed 40 in Syrian Air Strikes near Idlib", "russia"),
    ("ISIS claims it killed 20 soldiers near Raqqa.", "islamic-state"),
])
def test_a_claim_verb_right_before_the_deed_is_the_claimant_s(classifier: Classifier, text: str, who: str) -> None:
    assert who in claims(classifier, text)


# --- a second party speaking in the outlet's aside claims its own deed

@pytest.mark.parametrize(("text", "first", "second"), [
    ("Kyiv Says It Shot Down Three Russian Jets, as Moscow Claims It Captured a Village", "ukraine", "russia"),
    ("Israel says it struck Hezbollah launchers, while Hezbollah claims it hit an Israeli tank", "israel", "hezbollah"),
])
def test_a_second_party_in_the_aside_claims_too(classifier: Classifier, text: str, first: str, second: str) -> None:
    assert {first, second} <= claims(classifier, text)


# --- a group's communiqué telling an attack it repelled: its own battle, its claim

@pytest.mark.parametrize("text", [
    "Footage shows Dawlah repelling an assault by Iraqi army units near Karmah",
    "#AmaqAgency Islamic State fighters thwart an assault by regime forces on the Shaer field",
])
def test_a_repelled_attack_in_a_communique_is_the_groups_claim(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text) == {"islamic-state"}


# --- a jihadist group named as the object of an infinitive attack is not claiming

@pytest.mark.parametrize("text", [
    "The rival faction sent its men from the coast to attack the Islamic State mujahideen in the hills",
    "Their plan was to go and attack the Islamic State mujahideen near the border",
])
def test_a_group_someone_set_out_to_attack_claims_nothing(classifier: Classifier, text: str) -> None:
    assert "islamic-state" not in claims(classifier, text)


# --- "struck X and Y targets": the second party is an object, not a doer of "targets"

def test_a_second_party_joined_to_a_struck_object_is_no_doer(classifier: Classifier) -> None:
    text = "Loyalist sources: Israeli warplanes struck Hezbollah and SAA targets west of Homs"
    assert not claims(classifier, text)


# --- a headline's present tense: "X says it seizes/strikes ..."

@pytest.mark.parametrize(("text", "who"), [
    ("Russia says it captures village near Avdiivka; Ukraine denies it", "russia"),
    ("Houthis say they target Israel-bound tanker in Bab al-Mandab", "houthis"),
])
def test_says_it_with_a_present_verb_is_a_claim(classifier: Classifier, text: str, who: str) -> None:
    assert who in claims(classifier, text)


# --- a country heading a headline ("Yemen war: ...") before the colon does not do the attack after it

@pytest.mark.parametrize("text", [
    "Yemen war: Drone attack on army parade kills 30, medics say\nThe army says 'terrorist' drones hit the parade ground.",
    "Iraq war: Drone attack on army academy kills 40, monitor says\nThe military says terrorist drones targeted a ceremony.",
])
def test_a_country_and_a_word_before_a_headline_colon_is_not_the_attacker(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


def test_a_head_that_claims_before_its_colon_still_claims(classifier: Classifier) -> None:
    assert "iraq-government" in claims(classifier, "#Iraqi Army claims: Repelled #ISIS attack on Garma and killed 20 militants")


# --- "..., health officials said": the civil authority where the strike fell does not speak for the striker

def test_health_officials_do_not_make_the_strikers_claim(classifier: Classifier) -> None:
    text = "Israeli jets struck a school in Deir al-Balah, killing 14 people, health officials said."
    assert "israel" not in claims(classifier, text)


def test_a_feeds_what_we_know_is_no_speaker(classifier: Classifier) -> None:
    text = ("Blinken lands in Ankara\nThe US envoy arrives as talks continue Israel and Hamas at war: what we know "
            "on day 40 On Monday Israeli jets struck a school in Deir al-Balah, killing 14 people, health officials said.")
    assert "united-states" not in claims(classifier, text)
    assert not any(st.speaker is not None and st.speaker.id == "united-states"
                   for st in classifier.classify(text, learned=False).statements)


@pytest.mark.parametrize("text", [
    # an army's own posts: its forces and where they are, its boats, its headlines in the participle
    "IDF soldiers operating in the area killed the terrorist.",
    "During the last hours, a missile boat struck three rocket launchers.",
    "Terrorist Infrastructure and Military Compounds Eliminated in Lebanon",
    "Hezbollah Military Compounds Struck in Southern Lebanon",
])
def test_an_armys_own_post_claims_its_forces_deeds(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text, "israel") == {"israel"}


@pytest.mark.parametrize("text", [
    "A rocket launched from Gaza struck in Ashkelon.",  # the enemy's projectile, not the army's deed
    "Three IDF soldiers killed in southern Gaza",  # the army's own dead
])
def test_an_armys_own_post_of_what_hit_it_claims_nothing(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text, "israel") == set()


def test_forces_placed_by_a_participle_still_do_the_deed(classifier: Classifier) -> None:
    assert claims(classifier, "US forces stationed in Syria struck a militia convoy, the Pentagon said.") == {
        "united-states"}


# --- a party's word of its own battle: clashes, fighting, an assault repelled

@pytest.mark.parametrize(("text", "who"), [
    ("Hamas confirmed it was engaged in fierce fighting with Israeli troops east of Khan Younis on Monday.", "hamas"),
    ("Hezbollah said its fighters clashed with an Israeli unit near the border village overnight.", "hezbollah"),
    ("The Houthis said they had repelled an attack by Saudi-led forces in Marib.", "houthis"),
    ("#Alshabaab says its fighters fought off a raid by Somali commandos near Jilib.", "al-shabaab"),
    # a leader's "his" militia or fighters are his party's own, past two adjectives
    ("Houthi leader Abdul-Malik al-Houthi says his armed movement is engaged in fierce naval fighting with the US.",
     "houthis"),
    ("Nasrallah said his fighters struck an Israeli tank near the border.", "hezbollah"),
    # wire copy's bare weekday between the verb and its clause
    ("Hezbollah said Thursday that its fighters attacked Israeli troops near Metula.", "hezbollah"),
    ("Hamas said late Sunday its fighters ambushed an Israeli force in Khan Younis.", "hamas"),
])
def test_a_party_telling_its_own_battle_claims_it(classifier: Classifier, text: str, who: str) -> None:
    assert who in claims(classifier, text)


@pytest.mark.parametrize("text", [
    "The army said it had not clashed with the protesters in the capital.",
    "Hamas said Israeli troops clashed with residents near the hospital.",
    "A shopkeeper said his house was hit by shelling overnight.",  # no party's own forces
])
def test_a_battle_denied_or_fought_by_others_is_no_claim(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


# --- an unnamed speaker's strike: never the claim of the group it hit

def test_the_group_an_army_struck_is_not_the_claimant_of_the_strike(classifier: Classifier) -> None:
    text = "The army said its jets struck Hezbollah targets near Khiam overnight."
    assert "hezbollah" not in claims(classifier, text)
    assert claims(classifier, text, source_actor="israel") == {"israel"}


# --- a headline's tail without an article: "..., official says"

@pytest.mark.parametrize("text", [
    "US carries out three air strikes on Iran-aligned militia depots in Syria, official says",
    "US carries out strikes on Iran-aligned militia depots near Mayadin, defense official says",
])
def test_an_official_at_a_headline_tail_speaks_for_the_state_that_struck(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text) == {"united-states"}


def test_an_official_opening_a_headline_is_not_its_tail(classifier: Classifier) -> None:
    got = stances(classifier, "Years Later, Official Admits Tehran Aided Bombing Of Barracks In Beirut", None, None)
    assert not any(stance == "attribution" and who == "lebanon-government" for stance, who, _ in got)
    assert not any(stance == "attribution" and who == "lebanon" for stance, who, _ in got)


# --- a relay in a group's idiom telling a fight it is no side of; the ones hit are not who claims

def test_a_fight_between_two_others_is_no_claim_of_the_group_whose_idiom_tells_it(classifier: Classifier) -> None:
    assert not claims(classifier, "Video of the clashes between the Kurdish murtaddeen and the rafidi gangs in Kirkuk")
    assert "islamic-state" in claims(classifier,
                                     "Video of the clashes between soldiers of the Khilafah and the rafidi gangs in Baiji")


def test_the_ones_claimed_to_be_killed_do_not_speak(classifier: Classifier) -> None:
    got = stances(classifier, "7 Iranian advisers claimed to be killed by #ISIS near #Aleppo today", None, None)
    assert not any(who == "iran" for _, who, _ in got), got


def test_air_strikes_told_in_a_groups_idiom_are_no_claim_of_a_group_without_jets(classifier: Classifier) -> None:
    assert not claims(classifier, "Crusader favourite: destroying hospitals with their precision airstrikes in #Raqqa")


# --- the group named before ", the group said" speaks; a weapon's noun is no deed; raw HTML is no text

@pytest.mark.parametrize("text", [
    "Hezbollah fired rockets at Israeli positions near the border, the group said.",
    "Hezbollah fired dozens of rockets and artillery shells at Israeli positions, the group said.",
])
def test_the_group_said_after_its_deed_is_its_claim(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text) == {"hezbollah"}
    assert not any(stance == "attribution" for stance, _, _ in stances(classifier, text, None, None))


def test_shells_after_of_are_the_weapon_not_a_deed(classifier: Classifier) -> None:
    text = "The Pentagon will supply Israel with tens of thousands of artillery shells first meant for Ukraine, Politico has reported"
    assert not stances(classifier, text, None, None)


# --- a communique's attacker from a country, and what a party lost, are no blame of that state

def test_an_attackers_nationality_is_no_state_doer(classifier: Classifier) -> None:
    text = "#IS martyrdom attack carried out by a Saudi istishhadi hit #PMU barracks near #Baiji, killing 15 militiamen"
    got = stances(classifier, text, None, None)
    assert ("claim", "islamic-state") in {(st, who) for st, who, _ in got}
    assert not any(st == "attribution" for st, _, _ in got), got


def test_the_vehicles_a_party_lost_are_no_deed_of_that_party(classifier: Classifier) -> None:
    text = "Fierce clashes near #Baiji. Amaq reporting 6 humvees of Iraqi Army destroyed https://t.co/abc"
    got = stances(classifier, text, None, None)
    assert not any(st == "attribution" for st, _, _ in got), got


# -- a warship named by its hull or class, control taken, a group's photo report ---------------

@pytest.mark.parametrize("text", [
    "The USS Carney shot down three drones over the Red Sea, the Pentagon said.",
    "A Navy destroyer in the Red Sea also took down a salvo of cruise missiles and drones launched toward Israel "
    "from Yemen, the Pentagon said.",
])
def test_a_warship_downing_drones_is_its_states_claim(classifier: Classifier, text: str) -> None:
    assert ("claim", "united-states", "united-states") in stances(classifier, text)


@pytest.mark.parametrize("verb", ["took control of", "have taken control of", "have gained operational control of"])
def test_control_taken_on_an_armys_channel_is_its_claim(classifier: Classifier, verb: str) -> None:
    text = f"Soldiers of the 188th Brigade and Flotilla 13 {verb} the Gaza harbor."
    assert stances(classifier, text, "t.me/idfofficial", "israel") == {("claim", "israel", "israel")}


def test_a_groups_photo_report_of_an_attack_is_its_claim(classifier: Classifier) -> None:
    got = stances(classifier, "ISIS release report showing an attack on Haftar's militia and their allies near Derna")
    assert ("claim", "islamic-state", "islamic-state") in got
    # a report by the UN tells others' attacks
    assert stances(classifier, "The UN released a report showing an attack on a school in Gaza by Israeli forces.") == set()


@pytest.mark.parametrize(("text", "who"), [
    ("#ISIS announced 5 #Russia|n soldiers killed the last two days in battles west #Palmyra", "islamic-state"),
    ("The Syrian army announced the killing of 40 terrorists near Palmyra.", "syria-government"),
])
def test_a_party_announcing_the_enemy_it_killed_claims_it(classifier: Classifier, text: str, who: str) -> None:
    assert claims(classifier, text) == {who}


def test_a_ministry_announcing_its_own_dead_claims_nothing(classifier: Classifier) -> None:
    assert not claims(classifier, "The ministry announced that five soldiers were killed in the attack.")


def test_a_post_closing_on_a_group_that_claims_is_its_claim(classifier: Classifier) -> None:
    assert claims(classifier, "Car bomb hits army checkpoint near Tikrit, 12 killed. #ISIS claims") == {"islamic-state"}
    # a broadcaster "claims" at the end of a report is no group's claim
    assert not claims(classifier, "The minister warned that a war could break out with Lebanon-based Hezbollah, "
                                  "Channel 12 claims")


def test_claiming_to_have_repelled_an_offensive(classifier: Classifier) -> None:
    assert claims(classifier, "Rebels claims to have repelled IS offensive on Marea...") == {"rebels"}
    # a party the gazetteer does not know claims nothing for the group it fought
    assert not claims(classifier, "Shiite Militants claims to have Repelled IS Assault on Makhmour and killed 14 "
                                  "#ISIS Militants.")


def test_the_strikes_in_response_on_an_armys_own_channel_are_its_claim(classifier: Classifier) -> None:
    text = "The strikes are in response to the launch of a surface-to-air missile at an IDF UAV earlier today."
    assert claims(classifier, text, "israel") == {"israel"}


# --- an army's own post: its force striking with no object named

@pytest.mark.parametrize("text", [
    "Furthermore, IDF artillery struck in southern Lebanon.",
    "In response, the IDF is currently striking in Lebanese territory.",
    "IDF helicopters are currently striking in the area of Aitaroun.",
    "IDF tanks also fired in the area of Kfar Kila in order to remove a threat.",
])
def test_the_armys_force_striking_in_an_area_is_its_claim(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text, "idf") == {"israel"}


@pytest.mark.parametrize("text", [
    "Hezbollah launchers struck in the barrage were found near the border.",
    "Two rockets fired in the morning fell in open areas.",
])
def test_what_was_struck_or_fired_in_an_area_is_no_claim(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


@pytest.mark.parametrize("text", [
    "IDF soldiers identified a terrorist cell near the school and struck it.",
    "The soldiers of the Nahal Brigade located and destroyed a weapons storage facility.",
    "IDF troops have spotted armed terrorists approaching the forces in Jabalia and eliminated them.",
])
def test_the_forces_that_found_the_enemy_and_struck_it_claim(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text, "idf") == {"israel"}


def test_finding_a_cell_that_struck_is_no_claim(classifier: Classifier) -> None:
    # the terrorists struck, not the troops who found them: a relative clause between
    assert not claims(classifier, "Israeli troops located the terrorists who fired and struck the post.")


def test_is_the_group_is_no_auxiliary(classifier: Classifier) -> None:
    # "IS attacked": the group's name, not the passive's "is"
    assert claims(classifier, "ISIS says IS attacked a mine sweeper near Jarablus") == {"islamic-state"}


def test_gulf_states_afraid_of_an_attack_blame_no_one(classifier: Classifier) -> None:
    got = stances(classifier, "Columnist says the Gulf states are afraid that Islamic State (#IS) target #Jordan")
    assert not any(stance == "attribution" for stance, _, _ in got)


# --- a party announcing the start of its own offensive; the party a town is taken "from" is no doer

@pytest.mark.parametrize(("text", "who"), [
    ("The Iraqi army announced the start of a military operation to retake Tal Afar from ISIS", "iraq-government"),
    ("SDF announced start of operation to liberate Tabqa from #ISIS", "sdf"),
])
def test_announcing_the_start_of_an_operation_claims_it(classifier: Classifier, text: str, who: str) -> None:
    got = stances(classifier, text)
    assert {w for st, w, _ in got if st == "claim"} == {who}
    assert not any(st == "attribution" for st, _, _ in got)


@pytest.mark.parametrize("text", [
    "The UN announced the start of an evacuation operation in eastern Aleppo",
    "The health ministry announced the launch of a vaccination campaign in Idlib",
])
def test_announcing_a_process_that_is_no_fighting_claims_nothing(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


# --- a state's word on what its warship did; a party's word that it has begun or kept up its attacks

@pytest.mark.parametrize(("text", "who"), [
    ("Central Command announced on Sunday that its guided-missile destroyer shot down 12 drones over the Red Sea.",
     "united-states"),
    ("The Pentagon said its warship struck two radar sites near Hodeidah.", "united-states"),
])
def test_a_state_saying_its_warship_struck_claims_it(classifier: Classifier, text: str, who: str) -> None:
    assert who in claims(classifier, text)


@pytest.mark.parametrize(("text", "who"), [
    ("Hezbollah said on Tuesday it has started destroying the cameras on Israeli army posts along the border.",
     "hezbollah"),
    ("The Houthis said they have begun targeting ships bound for Eilat.", "houthis"),
    ("Hamas said it continued to fire at Israeli troops advancing on Khan Younis.", "hamas"),
])
def test_a_party_saying_it_has_begun_or_kept_up_its_attacks_claims_them(classifier: Classifier, text: str,
                                                                         who: str) -> None:
    assert claims(classifier, text) == {who}


@pytest.mark.parametrize("text", [
    "Hamas said it has begun talks with Egyptian mediators.",
    "The army said it started evacuating residents from the border villages.",
    "The ministry said its jets would continue to strike militant hideouts.",
])
def test_a_party_beginning_something_that_is_no_attack_claims_nothing(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


# --- a video a party released of its own attack; a province's report of its raid ("foray")

def test_a_video_released_by_a_group_showing_its_attack_is_its_claim(classifier: Classifier) -> None:
    text = "BREAKING: New video released by #AlShabaab shows gunmen who carried out an attack on an army camp in Kolbio"
    assert claims(classifier, text) == {"al-shabaab"}
    # footage released by a relief society shows others' attacks: no claim
    assert not claims(classifier, "Footage released by the Red Crescent shows strikes near the hospital in Khan Younis")


@pytest.mark.parametrize("text", [
    "#WilayatDiyala The Death or Injury of Dozens of #Rafida Soldiers in a Foray by the Caliphate Soldiers north of Baqubah",
    "#IslamicState / #WilayatKirkuk / Photos from the Soldiers of Khilafah's Foray on the Rafidi army barracks near Hawija",
    "#AmaqAgency death toll of Nusayri soldiers east of Homs rises to 30",
])
def test_a_provinces_report_of_a_foray_is_the_groups_claim(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text) == {"islamic-state"}


@pytest.mark.parametrize("text", [
    "#WilayatKirkuk / Distribution of zakat to the poor in Hawija",
    "These mujahideen have pledged to fight to the death, they will not return until victory.",
])
def test_a_provinces_civil_report_or_a_supporters_praise_claims_nothing(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


# --- a relay's words for the group's fighters, in the plural and as a hashtag

@pytest.mark.parametrize("text", [
    "A group of #IS inghimasis stormed the airbase west of Tadmur, heavy clashes ongoing",
    "Breaking! Two istishhadis detonate their vests at a checkpoint south of Samarra",
    "The soldiers of the #Khilafah captured two tanks during the battles near Palmyra",
])
def test_a_relays_plural_and_hashtag_fighters_are_the_groups_claim(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text) == {"islamic-state"}


def test_the_awakening_councils_named_by_the_news_are_no_relay(classifier: Classifier) -> None:
    # "Sahwa" is also the councils' own name in the news, not only the group's insult
    assert not claims(classifier, "#Anbar: a Sahwa commander died of wounds from a roadside bomb in central Ramadi")


# --- a province's photo report: "[Full album]", "photo report shows ..."

@pytest.mark.parametrize("text", [
    "Ongoing battles near the Tishrin Dam against the PKK [Full album] https://t.co/abc123",
    "photo report shows #IS forces clashing with the YPG south of Hasakah",
])
def test_a_provinces_photo_report_of_battles_is_the_groups_claim(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text) == {"islamic-state"}


@pytest.mark.parametrize("text", [
    "Our new holiday pictures from the coast [Full album] https://t.co/abc123",
    "#ISIS photo report showing new medical equipment arriving in Raqqa",
])
def test_a_photo_report_of_no_fighting_claims_nothing(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


@pytest.mark.parametrize("text", [
    "Jordan arrests men who fired rockets at Israeli border post\nJordan said on Monday it had arrested three of the "
    "attackers. The rockets were fired late on Saturday.",
    "Iraq detains gunmen who attacked Turkish base\nIraq said Sunday it had detained the attackers.",
])
def test_a_state_arresting_the_men_who_fired_claims_no_attack(classifier: Classifier, text: str) -> None:
    """The relative clause's subject ("men who fired") is the object of the state's own verb, not the state."""
    assert not [st for st in classifier.classify(text, None, None, None, learned=False).statements if st.stance == "claim"]


@pytest.mark.parametrize("text", [
    "#IS soldiers storm the checkpoint, burn down barracks of the Rafidi army and destroy 2 Humvees near Baiji",
    "#WilayatAnbar fighters raid positions belonging to the Iraqi army and destroy a tank near Rutba",
])
def test_the_owner_of_the_barracks_hit_is_not_the_doer_of_the_next_verb(classifier: Classifier, text: str) -> None:
    got = stances(classifier, text)
    assert ("claim", "islamic-state", "islamic-state") in got
    assert not any(stance == "attribution" for stance, _, _ in got)


@pytest.mark.parametrize(("text", "who"), [
    ("The Houthis claimed Tuesday to have fired drones at a container ship in the Red Sea.", "houthis"),
    ("Hezbollah claimed on Sunday that it shelled an Israeli post near Metula.", "hezbollah"),
    ("Al-Shabaab claimed to have bombed an army base near Baidoa.", "al-shabaab"),
])
def test_a_claim_to_have_fired_or_shelled_after_a_day_named(classifier: Classifier, text: str, who: str) -> None:
    assert claims(classifier, text) == {who}


@pytest.mark.parametrize("text", [
    "CENTCOM said its strike killed a senior militia commander in Baghdad.",
    "The Pentagon said its airstrikes in Qaim destroyed weapons depots.",
])
def test_a_state_saying_its_strike_killed_claims_it(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text) == {"united-states"}


def test_its_strike_in_another_partys_mouth_stays_a_blame(classifier: Classifier) -> None:
    got = stances(classifier, "Iraq condemned the US, saying its strike killed two civilians in Baghdad.")
    assert ("attribution", "iraq-government", "united-states") in got
    assert not any(stance == "claim" for stance, _, _ in got)


def test_a_pro_iran_group_claiming_is_the_iran_backed_militias(classifier: Classifier) -> None:
    assert claims(classifier, "Pro-Iran group claims drone attack on US troops at Harir base") == {"iran-backed-militias"}
    # named, the group speaks for itself, its description aside
    assert claims(classifier, "Kataib Hezbollah, a pro-Iran group, claimed the attack on the base.") == {"kataib-hezbollah"}


@pytest.mark.parametrize("text", [
    "The Navy said it had fired lethal munitions from an unmanned vessel in the Gulf in an exercise.",
    "Iran's army said it test-fired a new cruise missile near Jask.",
    "The IDF said its jets struck mock targets in the Negev during a live-fire drill.",
])
def test_a_drill_or_a_test_is_no_attack(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


def test_an_armys_activity_under_its_own_head_is_no_attack(classifier: Classifier) -> None:
    text = ("IDF: Overnight, during IDF activity near the northern border, two soldiers were lightly injured by an "
            "explosion of an unknown source. The incident is under review.")
    assert not claims(classifier, text)


@pytest.mark.parametrize(("text", "who"), [
    ("Hezbollah fires rockets at Israel, says it is responding to strikes on south Lebanon", "hezbollah"),
    ("Houthis fire missile at tanker in Red Sea, say it was bound for Israel", "houthis"),
])
def test_a_headlines_second_verb_says_in_the_subjects_voice(classifier: Classifier, text: str, who: str) -> None:
    # ", says it ..." has the headline's subject, not the party fired at, for its speaker
    assert claims(classifier, text) == {who}


def test_a_name_between_commas_before_said_is_not_the_headlines_subject(classifier: Classifier) -> None:
    text = ("Yemeni journalists protest as Houthis shut radio station. Yemeni activists, including the station's "
            "head, said that armed Houthis raided the station in Sanaa.")
    assert "houthis" not in claims(classifier, text)


# --- the weapon a doer used, before the infinitive of the deed: the doer stands further back

def test_a_weapon_used_to_attack_is_the_deed(classifier: Classifier) -> None:
    text = "IDF naval vessels used precise munitions to target several posts of the Hamas naval force."
    assert army(classifier, text) == {"israel"}


@pytest.mark.parametrize("text", [
    "Israeli troops found rockets used by Hamas to target towns in the south.",
    "Police said the weapons were used to attack a checkpoint last year.",
])
def test_a_weapon_used_by_someone_else_is_no_claim(classifier: Classifier, text: str) -> None:
    assert "israel" not in claims(classifier, text) and "hamas" not in claims(classifier, text)


@pytest.mark.parametrize("text", [
    "Following sirens in the area of Metula, interceptors were launched toward two suspicious aerial targets.",
    "Earlier this evening, an interceptor was launched following a suspicious identification over southern Israel.",
])
def test_interceptors_launched_on_the_army_channel_are_no_attack(classifier: Classifier, text: str) -> None:
    assert not army(classifier, text)


def test_a_group_claiming_it_set_fire_to_depots_claims_an_attack(classifier: Classifier) -> None:
    assert "hasm" in claims(classifier, "Hasm claims setting fire to two police depots in Giza.")


@pytest.mark.parametrize("text", [
    "US to triple shells production – Pentagon chief",
    "Russia to double shells output – defence ministry",
])
def test_a_weapon_that_is_made_or_stored_is_no_attack(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


def test_own_troops_on_the_ground_in_the_air_and_at_sea_still_strike(classifier: Classifier) -> None:
    text = "Over the last day, our troops on the ground, in the air, and at sea continued to strike terror targets."
    assert army(classifier, text) == {"israel"}


@pytest.mark.parametrize("text", [
    "The Pentagon deployed the USS Florida attack submarine to the Persian Gulf, US officials said.",
    "The Pentagon deployed two carrier strike groups to the eastern Mediterranean, US officials said.",
])
def test_an_attack_submarine_or_a_strike_group_is_a_vessel_not_an_attack(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


def test_a_capital_after_in_central_is_where_not_who(classifier: Classifier) -> None:
    text = "Ankara governor reports at least 5 killed after a suspected car bomb in central Ankara hit a bus."
    assert not claims(classifier, text)


def test_a_partys_vehicle_destroyed_in_a_province_post_is_what_it_lost(classifier: Classifier) -> None:
    text = "#WilayatDiyala Iraqi army humvee destroyed & 4 Iraqi soldiers killed during clashes near Muqdadiyah"
    assert stances(classifier, text, None, None) == {("claim", "islamic-state", "islamic-state")}


@pytest.mark.parametrize("text", [
    "#AmaqAgency #IslamicState fighters take the villages of Tal Jabin and Harbal north of Aleppo",
    "#AmaqAgency #Breaking fighters take positions in the Jubaila district of Deir Ezzor",
])
def test_a_relay_in_the_present_taking_villages_or_positions_is_the_groups_claim(classifier: Classifier,
                                                                                text: str) -> None:
    assert claims(classifier, text) == {"islamic-state"}


@pytest.mark.parametrize("text", [
    "Targeting the apostate Iraqi army's positions near Baiji with 120mm mortar rounds",
    "Detonating an explosive device on a patrol of the apostate Kurds west of Tal Abyad",
    "Huge losses: 12 of the Egyptian apostate army killed in an ambush near Arish",
])
def test_a_supporters_post_calling_its_target_apostate_is_the_groups_claim(classifier: Classifier, text: str) -> None:
    assert claims(classifier, text) == {"islamic-state"}


@pytest.mark.parametrize("text", [
    "Any cleric who takes a salary from the government is an apostate, and killing him is permitted",
    "When your local apostate imam condemns the ISIS attack on Friday: https://t.co/xyz",
])
def test_apostate_as_an_insult_alone_is_no_communique(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


@pytest.mark.parametrize("text", [
    "Hamas releases three more hostages seized in its October 7 attack on Israel",
    "Hamas released two American captives taken during the October 7 attack, the army said",
])
def test_a_group_releasing_hostages_relays_no_claim(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


def test_a_group_releasing_a_statement_about_its_attack_still_claims(classifier: Classifier) -> None:
    assert claims(classifier, "#IS releases: soldiers of the caliphate killed five apostates near Baiji") == {
        "islamic-state"}


def test_another_sides_strikes_after_and_are_the_outlets_clause_not_the_speakers_blame(classifier: Classifier) -> None:
    text = ("Hezbollah said it had fired guided missiles at an Israeli army post on Monday and Israeli air strikes "
            "hit villages in south Lebanon.")
    assert stances(classifier, text) == {("claim", "hezbollah", "hezbollah")}


def test_another_sides_strikes_after_and_that_are_still_reported(classifier: Classifier) -> None:
    text = "Hezbollah said it had fired guided missiles at an Israeli army post and that Israeli air strikes hit its fighters."
    assert ("attribution", "hezbollah", "israel") in stances(classifier, text)


def test_officials_far_from_the_speech_verb_do_not_stand_for_the_headlines_party(classifier: Classifier) -> None:
    text = ("Iran steps up cyber campaign against Gulf states, analysts warn\n"
            "Security was tightened by officials after Hamas attacked Israel and analysts told reporters more "
            "attacks may follow.")
    assert not any(who == "iran-government" for _, who, _ in stances(classifier, text))


def test_a_pronoun_right_before_the_speech_verb_still_stands_for_the_party_named_before(classifier: Classifier) -> None:
    text = "Kataib Hezbollah issued a statement on Monday.\nIt said its fighters attacked a US base near Erbil with drones."
    assert ("claim", "kataib-hezbollah", "kataib-hezbollah") in stances(classifier, text)


@pytest.mark.parametrize("text", [
    "Drone footage shows the US and its allies battling al Qaeda and Islamic State fighters across the Sahel's parks",
    "US jets keep tracking and killing high-value ISIS fighters by tracing their phones",
    "Saudi security operation against Islamic State fighters in Riyadh: state TV",
])
def test_a_short_post_naming_is_fighters_as_the_ones_fought_relays_no_communique(classifier: Classifier,
                                                                                 text: str) -> None:
    assert "islamic-state" not in claims(classifier, text) and "al-qaeda" not in claims(classifier, text)


@pytest.mark.parametrize("text", [
    "#Breaking Iraqi army helicopter shot down by Islamic State fighters east of Ramadi",
    "2 Kurdish fighters killed as Islamic State fighters infiltrate the village of Tal Hamis",
    "Clashes between IS fighters and regime forces around the Kweires airbase",
])
def test_a_short_post_with_is_fighters_doing_the_deed_is_still_the_groups_claim(classifier: Classifier,
                                                                                text: str) -> None:
    assert claims(classifier, text) == {"islamic-state"}


@pytest.mark.parametrize("text", [
    "US 'deeply concerned' about attack on Egyptian aid workers near Rafah crossing: White House",
    "UK condemns Houthis over attacks on shipping, says foreign secretary",
])
def test_an_attack_noun_after_a_preposition_has_no_doer_before_it(classifier: Classifier, text: str) -> None:
    assert not any(who in ("united-states", "united-kingdom") for who in claims(classifier, text))


@pytest.mark.parametrize("text", [
    "US targets Iran missile and drone programs as UN measures lapse\n"
    "Washington announced the new sanctions on Wednesday, the State Department said.",
    "Treasury targets Hezbollah financiers and their networks with new sanctions, US says",
])
def test_targeting_programs_or_funds_with_sanctions_is_no_attack(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


def test_targeting_sites_is_still_an_attack(classifier: Classifier) -> None:
    assert claims(classifier, "US targets Iran-backed militia sites in eastern Syria, Pentagon says") == {"united-states"}


@pytest.mark.parametrize("text, who", [
    ("Israel strikes Syria, Lebanon after rocket fire, military says", "israel"),
    ("Israel strikes Lebanon, military says", "israel"),
    ("Turkey strikes PKK targets in northern Iraq, army says", "turkey"),
])
def test_a_headline_tail_military_says_is_the_striking_states_forces(classifier: Classifier, text: str,
                                                                      who: str) -> None:
    assert stances(classifier, text) == {("claim", who, who)}


def test_a_named_states_military_in_the_tail_still_speaks_for_that_state(classifier: Classifier) -> None:
    text = "Russia strikes Ukraine's energy grid overnight, Ukrainian military says"
    assert ("attribution", "ukraine", "russia") in stances(classifier, text)


@pytest.mark.parametrize("text, who", [
    ("US says it has wiped out an ISIS cell in the Hamrin mountains", "united-states"),
    ("Iraq says its forces wiped out an ISIS cell near Kirkuk", "iraq-government"),
])
def test_a_party_saying_it_wiped_out_fighters_claims_it(classifier: Classifier, text: str, who: str) -> None:
    assert claims(classifier, text) == {who}


def test_a_state_repelling_an_assault_claims_its_battle_without_blaming(classifier: Classifier) -> None:
    text = "#Iraqi Army claims: Repelled IS assault in northern Tikrit and killed 40 militants."
    assert stances(classifier, text) == {("claim", "iraq-government", "iraq-government")}


def test_a_state_thwarting_a_plot_claims_no_attack(classifier: Classifier) -> None:
    assert "israel" not in claims(classifier, "Israel's Mossad says it helped Brazilian police thwart a Hezbollah attack")


def test_an_attack_word_after_in_is_the_noun_and_claims_nothing_for_the_tails_state(classifier: Classifier) -> None:
    text = ("Israel cripples Syria's two main airports in strikes: Syrian state media\n"
            "Damascus and Aleppo airports knocked out of service in Israeli attacks, state news agency SANA says.")
    assert stances(classifier, text) == {("attribution", "syria-government", "israel")}


def test_a_states_strike_told_beside_its_announcement_is_its_claim(classifier: Classifier) -> None:
    text = ("U.S. strikes weapons depot in eastern Syria amid attacks on American troops\n"
            "The Pentagon announcement came hours after another drone attack on a base in the region.")
    assert claims(classifier, text) == {"united-states"}


def test_a_claim_takes_neither_a_drone_shot_down_elsewhere_nor_the_attacks_it_is_told_among() -> None:
    from classifiers.classify import Classifier as Rules

    text = ("U.S. strikes weapons depot in eastern Syria amid attacks on American troops\n"
            "The Pentagon announcement coincided with a separate disclosure that a U.S. MQ-9 Reaper drone had been "
            "shot down off the coast of Yemen.")
    [claim] = [st for st in Rules(learned=False).classify(text).statements if st.stance == "claim"]
    assert (claim.speaker and claim.speaker.id, claim.weapon, claim.target) == ("united-states", None, None)


# --- the other verbs of a claim of responsibility: "took credit", "announced responsibility" (the
# wire's rendering of «أعلن مسؤوليته»), "is taking responsibility", "acknowledged carrying out"

@pytest.mark.parametrize("text, who", [
    ("Al-Shabaab took credit for the attack on the hotel in Mogadishu.", "al-shabaab"),
    ("Hamas announced responsibility for the shooting attack at the checkpoint.", "hamas"),
    ("The Islamic State has announced responsibility for the twin bombings in Baghdad.", "islamic-state"),
    ("Hezbollah is taking responsibility for the drone strike on the army post.", "hezbollah"),
    ("Al-Shabaab acknowledged carrying out the attack on the base.", "al-shabaab"),
    ("The Islamic State took ownership of the bombing in Kabul.", "islamic-state"),
    ("The Israeli military acknowledged responsibility for the strike that killed seven aid workers.", "israel"),
])
def test_other_verbs_of_responsibility_claim(classifier: Classifier, text: str, who: str) -> None:
    assert who in claims(classifier, text)


@pytest.mark.parametrize("text", [
    "The minister announced responsibility for the new budget plan.",
    "Germany's chancellor is taking responsibility for the energy crisis.",
    "Netanyahu said he takes responsibility for the security failures of October 7.",
    "The company admitted launching the product too early.",
])
def test_responsibility_for_no_attack_is_no_claim(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)



def test_a_word_inside_a_longer_word_is_no_cue(classifier: Classifier) -> None:
    # "Filipi|no group claimed" is no "no group claimed" that would block the claim
    assert "abu-sayyaf" in claims(classifier, "Abu Sayyaf, the Filipino group claimed responsibility for the bombing in Jolo.")


# --- a state's own channel telling another state's strike: its blame, not its claim

@pytest.mark.parametrize(("text", "source", "actor"), [
    ("US forces conducted a precision strike in Baghdad killing a Kataib Hezbollah commander.", "x.com/SecMedCell",
     "iraq-security-media-cell"),
    ("US forces conducted a precision strike in Baghdad, killing a commander.", "t.me/idfofficial", "idf"),
])
def test_another_states_strike_on_a_states_channel_is_no_claim(classifier: Classifier, text: str, source: str,
                                                                actor: str) -> None:
    result = classifier.classify(text, None, source, actor, learned=False)
    assert [(s.stance, s.subject.id if s.subject else None) for s in result.statements] == [("attribution", "united-states")]


def test_the_channels_own_strike_killing_is_its_claim(classifier: Classifier) -> None:
    result = classifier.classify("Iraqi forces conducted a strike on an IS hideout killing five militants.", None,
                                 "x.com/SecMedCell", "iraq-security-media-cell", learned=False)
    assert [s.stance for s in result.statements] == ["claim"]


# --- a threat or a condition in a relayed communiqué tells no attack

@pytest.mark.parametrize("text", [
    "Wilayat Nineveh vowed to attack US bases in Iraq.",
    "Wilayat Khorasan warned it would target US forces.",
    "If Wilayat Sinai attacks the base, the army will respond.",
    "RT @someone: American crusaders in the Tabuk airbase getting ready to bomb Muslims in Syria and Iraq.",
])
def test_a_communiques_threat_is_no_claim(classifier: Classifier, text: str) -> None:
    assert not claims(classifier, text)


def test_a_communiques_deed_stays_its_claim(classifier: Classifier) -> None:
    assert "islamic-state" in claims(classifier, "Wilayat Nineveh: the soldiers of the Caliphate targeted a Rafidi gathering with a car bomb")
