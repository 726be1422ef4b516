"""English blames in news items and in an army's own posts: who blames whom, in the wording
families of real feeds (the agent of an attack noun behind its target, object relative clauses,
conjoined verbs, coordinated speakers, the outlet's asides). Positives with speaker and subject,
and the non-blaming uses of the same words. The rules alone; sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from classifiers.classify import Classifier

from .helpers import stances

ARMY = ("t.me/idfofficial", "idf")  # an army's own channel: the army speaks in every post


@pytest.fixture(scope="module")
def rules() -> Classifier:
    return Classifier(learned=False)


def read(classifier: Classifier, text: str, source: tuple[str, str] | None = None) -> set[tuple[Any, ...]]:
    """(stance, speaker id, subject id) per statement; ``source`` is (source, its actor)."""
    return stances(classifier, text, *(source or (None, None)))


def blames(classifier: Classifier, text: str, source: tuple[str, str] | None = None) -> set[tuple[Any, ...]]:
    return {x for x in read(classifier, text, source) if x[0] == "attribution"}


# -- the agent of an attack noun behind its target --------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("It comes after a wave of drone attacks on US bases in Syria and Iraq by Iranian-backed militias, officials say.",
     ("united-states", "iran-backed-militias")),
    ("The Pentagon said the raids answered rocket attacks against American personnel and facilities in eastern "
     "Syria by Kataib Hezbollah.", ("united-states", "kataib-hezbollah")),
    ("Israel's army said the latest attack on commercial shipping in the Red Sea by the Houthis hit a tanker.",
     ("israel", "houthis")),
])
def test_an_attack_nouns_agent_may_stand_behind_its_target(rules: Classifier, text: str,
                                                          expected: tuple[str, str]) -> None:
    assert ("attribution", *expected) in blames(rules, text)


def test_a_participle_in_the_target_phrase_keeps_its_own_agent(rules: Classifier) -> None:
    # the depots were run by the Iraqi army; nobody says the army attacked
    got = blames(rules, "US officials said the drones were launched from depots near Basra used by the Iraqi army.")
    assert not any(subject == "iraq-government" for _, _, subject in got)


@pytest.mark.parametrize("text", [
    "The Pentagon said US jets struck an arms depot near Abu Kamal, in a raid denounced by Damascus.",
    "The IDF said it struck Hamas targets in Gaza City overnight, an attack condemned by Qatar.",
    "US officials said the strikes on the militia's depots, slammed by Baghdad as a violation, were defensive.",
])
def test_who_condemns_a_raid_is_not_its_raider(rules: Classifier, text: str) -> None:
    # the agent of a reaction ("denounced by Damascus") reacts; the striker stays the only doer
    assert blames(rules, text) == set()


def test_a_comma_ends_the_agent_and_the_speakers_office(rules: Classifier) -> None:
    text = "The strikes follow attacks on US forces in Iraq by Iranian-backed militia, US officials said."
    assert blames(rules, text) == {("attribution", "united-states", "iran-backed-militias")}
    # "militia, officials say": the officials are not the militia's
    got = read(rules, "It follows a spate of attacks on US bases in Syria by Iranian-backed militia, officials say.")
    assert ("claim", "iran-backed-militias", "iran-backed-militias") not in got


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkish officials said Russian aerial bombardment on the villages north of Latakia killed six.",
     ("turkey", "russia")),
    ("Iraqi officials said the Turkish aircraft shelling on Sinjar wounded nine civilians.",
     ("iraq-government", "turkey")),
    ("Footage by Amaq shows Syrian aerial bombardment on the town of Maskanah", ("islamic-state", "syria-government")),
])
def test_the_aircraft_between_a_party_and_its_attack_noun(rules: Classifier, text: str,
                                                          expected: tuple[str, str]) -> None:
    assert ("attribution", *expected) in blames(rules, text)


def test_aircraft_with_no_party_before_them_blame_no_one(rules: Classifier) -> None:
    assert not blames(rules, "Turkish officials said aerial bombardment on villages north of Latakia killed six.")


# -- object relative clauses ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Who is Palestinian Islamic Jihad, the group Israel blamed for the blast at the Gaza hospital?",
     ("israel", "palestinian-islamic-jihad")),
    ("Kataib Hezbollah, which US officials blamed for the drone strike on Tower 22, announced a pause.",
     ("united-states", "kataib-hezbollah")),
    ("The raid was claimed by the Islamic Resistance in Iraq, which the US blames for dozens of attacks.",
     ("united-states", "islamic-resistance-in-iraq")),
    ("Tehran arms Kataib Hezbollah, a group that Washington has accused of a series of rocket attacks.",
     ("united-states", "kataib-hezbollah")),
    ("The Houthis, whom the Pentagon accuses of firing on merchant ships, vowed to go on.",
     ("united-states", "houthis")),
])
def test_the_party_before_an_object_relative_is_the_one_blamed(rules: Classifier, text: str,
                                                              expected: tuple[str, str]) -> None:
    assert ("attribution", *expected) in blames(rules, text)


@pytest.mark.parametrize("text", [
    "Hamas blamed for deadly attack on border kibbutz",  # a headline's passive: no one blames
    "Kataib Hezbollah, which was blamed for the drone strike on Tower 22, announced a pause.",
])
def test_a_passive_blame_names_no_blamer(rules: Classifier, text: str) -> None:
    assert not any(speaker is not None for _, speaker, _ in blames(rules, text))


# -- the outlet's own voice -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Early on Friday a destroyer shot down two cruise missiles, apparently launched by Houthi rebels in Yemen.",
    "A strike likely carried out by Jordan's air force hit a smugglers' house in southern Syria, reports say.",
    # a party investigating reports blames no one yet
    "The Pentagon said it was looking into reports that a US destroyer came under a drone attack apparently launched "
    "by the Houthis.",
    # the aside after a report is the outlet's, not the reporter's
    "Israel and the US warned of a wider conflict, as Hezbollah and the Israeli army step up cross-border attacks "
    "on each other.",
])
def test_the_outlets_voice_blames_no_one(rules: Classifier, text: str) -> None:
    assert blames(rules, text) == set()


def test_a_party_speaking_in_the_aside_still_blames(rules: Classifier) -> None:
    text = ("Biden said a pause in the fighting was needed, as Hamas said 40 people had been killed in Israeli strikes "
            "on the Nuseirat camp.")
    assert ("attribution", "hamas", "israel") in blames(rules, text)


def test_a_blame_with_no_one_named_needs_an_attack(rules: Classifier) -> None:
    # "blaming a collapse in tourist spending": no attack is blamed on anyone
    text = ("Gaza conflict to tip Jordan into recession: IMF\nAMMAN: The fallout of the Israel-Hamas war will push "
            "Jordan's economy into recession, the IMF said on Monday, blaming mainly a collapse in tourist spending.")
    assert blames(rules, text) == set()
    # a blame of an unnamed group for an attack stands
    got = blames(rules, "Syria's defence ministry blamed terrorist organisations for the drone strike on the academy.")
    assert got == {("attribution", "syria-government", None)}


@pytest.mark.parametrize("text", [
    "The Pentagon blamed Iranian-backed forces for the rocket fire on the base.",
    "The Pentagon blamed Iranian-aligned groups for the rocket fire on the base.",
    "The Pentagon blamed pro-Iranian militants for the rocket fire on the base.",
])
def test_spellings_of_the_iran_backed_militias(rules: Classifier, text: str) -> None:
    assert blames(rules, text) == {("attribution", "united-states", "iran-backed-militias")}


# -- conjoined verbs and intrusions -----------------------------------------------------------

def test_a_second_verb_has_the_first_verbs_subject(rules: Classifier) -> None:
    text = "On 7 October Hamas gunmen invaded Israel and carried out a massacre in the border towns."
    assert read(rules, text, ARMY) == {("attribution", "israel", "hamas")}
    got = read(rules, "The Pentagon said Iran-backed militias targeted US troops and fired rockets at the base.")
    assert got == {("attribution", "united-states", "iran-backed-militias")}


def test_the_armys_own_forces_joined_by_and_stay_its_claim(rules: Classifier) -> None:
    assert read(rules, "IDF troops struck Hamas and eliminated a number of gunmen.", ARMY) == {
        ("claim", "israel", "israel")}


def test_only_a_named_party_intrudes(rules: Classifier) -> None:
    assert read(rules, "This morning several Hezbollah terrorists infiltrated into Israel near Metula.", ARMY) == {
        ("attribution", "israel", "hezbollah")}
    assert read(rules, "A short while ago, a hostile aircraft infiltrated into Israeli territory.", ARMY) == set()


# -- involvement and participation ----------------------------------------------------------

def test_a_party_involved_in_attacks_is_blamed_by_its_reporter(rules: Classifier) -> None:
    text = "The White House said Iran was directly involved in planning the drone attacks on US troops."
    assert ("attribution", "united-states", "iran-government") in blames(rules, text)


@pytest.mark.parametrize("text", [
    "Iran denied it was involved in the attacks on US troops.",
    "Hezbollah is not involved in the attacks, its deputy leader said.",
    "Two officers were involved in the raid, the police said.",
    "New reports suggest Iran may have been involved in the attack.",  # no one reports it
])
def test_involvement_that_blames_no_party(rules: Classifier, text: str) -> None:
    assert not any(subject is not None and speaker is not None and speaker != subject
                   for _, speaker, subject in blames(rules, text))


def test_taking_part_in_an_attack_is_a_blame(rules: Classifier) -> None:
    got = read(rules, "A Hamas operative who took part in the massacre at Kibbutz Be'eri was eliminated.", ARMY)
    assert ("attribution", "israel", "hamas") in got
    got = blames(rules, "A Hezbollah commander who advanced attacks against northern Israel was killed.", ARMY)
    assert got == {("attribution", "israel", "hezbollah")}
    got = blames(rules, "The Pentagon said Kataib Hezbollah fighters took part in the attack on the base.")
    assert got == {("attribution", "united-states", "kataib-hezbollah")}


@pytest.mark.parametrize("text", [
    "Hezbollah denied taking part in the attack on the convoy.",
    "Iran took part in the talks in Doha, officials said.",
])
def test_taking_part_that_blames_no_one(rules: Classifier, text: str) -> None:
    assert blames(rules, text) == set()


# -- speakers ---------------------------------------------------------------------------------

def test_a_headline_tail_that_is_a_clause_names_no_source(rules: Classifier) -> None:
    got = read(rules, "The drones were intercepted — and Iran's attack on Israel failed.", ARMY)
    assert got == {("attribution", "israel", "iran-government")}


def test_parties_joined_before_one_speech_verb_each_speak(rules: Classifier) -> None:
    assert blames(rules, "Hamas, Hezbollah say Iran helped plan the attack on Israel") == {
        ("attribution", "hamas", "iran-government"), ("attribution", "hezbollah", "iran-government")}
    got = read(rules, "Hamas and Islamic Jihad said they fired rockets at Ashkelon.")
    assert got == {("claim", "hamas", "hamas"), ("claim", "palestinian-islamic-jihad", "palestinian-islamic-jihad")}


@pytest.mark.parametrize("text", [
    "YEMEN: Houthis claim to have hit a tanker off Hodeidah",  # a dateline, not a speaker
    "The strike hit Israel and Hezbollah said it fired rockets at the post.",  # Israel is the object
])
def test_no_second_speaker_where_none_speaks(rules: Classifier, text: str) -> None:
    assert not any(speaker in ("yemen-government", "israel") for _, speaker, _ in read(rules, text))


def test_a_state_named_as_a_place_is_not_the_officials_state(rules: Classifier) -> None:
    text = ("The strikes were the first reply to what officials said were attacks on US personnel in Iraq and Syria "
            "by Iranian-backed militias.")
    assert not any(speaker == "syria-government" for _, speaker, _ in read(rules, text))


def test_a_response_to_attacks_suffered_from_a_party(rules: Classifier) -> None:
    text = ("The Defense Department released video of strikes on depots in Syria in response to the attacks that US "
            "troops have suffered in the region from Iran's proxy forces.")
    assert ("attribution", "united-states", "iran-backed-militias") in blames(rules, text)


def test_a_condemned_attack_may_carry_a_longer_party(rules: Classifier) -> None:
    text = "The Iraqi government condemned the Iranian-backed militia attacks on the coalition base."
    assert ("attribution", "iraq-government", "iran-backed-militias") in blames(rules, text)


@pytest.mark.parametrize("text", [
    # the users of what was struck are not the strike's doers
    "The Pentagon said it carried out strikes on depots used by the IRGC and allied groups near Abu Kamal.",
    # a headline's passive with a list of places: Jordan is where, not who
    "US Soldiers in Syria, Jordan Attacked 9 Times This Month, Pentagon Says",
])
def test_places_and_users_are_not_doers(rules: Classifier, text: str) -> None:
    assert blames(rules, text) == set()


def test_the_owner_of_a_place_from_which_fire_came_is_blamed(rules: Classifier) -> None:
    text = ("Jabalia serves as a base for the Hamas terrorist organization in northern Gaza, from which dozens of "
            "rockets toward Sderot were launched.")
    assert ("attribution", "israel", "hamas") in blames(rules, text, ARMY)


def test_fingerprints_on_an_attack_blame_the_party_they_name(rules: Classifier) -> None:
    text = "Defense officials told reporters that the drone attacks on the base have Iranian fingerprints all over them."
    assert blames(rules, text) == {("attribution", "united-states", "iran-government")}
    assert blames(rules, "Police said the burglar's fingerprints were found on the window of the shop.") == set()


@pytest.mark.parametrize("text", [
    # "targets" after a party the army struck is a noun, not the party's deed
    "Sirens sounded after a rocket attack on Kiryat Shmona. Attached is video of the strikes on Hezbollah terror "
    "targets: https://bit.ly/xyz789",
    "Sirens sounded in Ashkelon. The IDF is continuing to strike Hamas military targets",
    # the country fire came from is a place, not a party blamed
    "Sirens sounded after a rocket attack on Shlomi. In response to the launches from Lebanon earlier today, IDF "
    "jets struck a military compound.",
])
def test_the_armys_targets_and_the_origin_of_fire_are_no_blame(rules: Classifier, text: str) -> None:
    assert blames(rules, text, ARMY) == set()


@pytest.mark.parametrize(("text", "source", "expected"), [
    ("In response to Hezbollah fire toward the Galilee over the past day, IDF jets struck sites in Lebanon.", ARMY,
     ("israel", "hezbollah")),
    ("The army ordered residents to leave the area in response to Hamas' brutal terrorist attacks.", ARMY,
     ("israel", "hamas")),
    ("Houthi drone hits tanker in Gulf of Aden – Pentagon", None, ("united-states", "houthis")),
])
def test_a_partys_attack_noun_and_a_weapon_as_subject(rules: Classifier, text: str, source: tuple[str, str] | None,
                                                      expected: tuple[str, str]) -> None:
    assert ("attribution", *expected) in blames(rules, text, source)


def test_a_pronoun_before_the_speech_verb_is_its_subject(rules: Classifier) -> None:
    # the facilities are Syrian; "it" (the US military) says, Syria says nothing
    text = ("US Army Hits Two Syrian Compounds It Says Tied to Iran\nUS troops carried out strikes on two compounds in "
            "eastern Syria it thinks were used by the Quds Force and allied groups, in response to attacks on American "
            "forces in the area.")
    assert not any(speaker == "syria-government" for _, speaker, _ in read(rules, text))


@pytest.mark.parametrize("text", [
    # the party struck is the object; the second verb is still the army's
    "Sirens sounded in Sderot. IDF jets struck Hamas terrorist organization headquarters and killed a Hamas "
    "military operative.",
    # a list of the army's own actions after a comma: no doer of their own
    "The rockets were fired from Gaza. A heavy blow to Hamas, dismantling Hamas, killing Hamas commanders, striking "
    "its operatives.",
])
def test_the_armys_objects_do_nothing(rules: Classifier, text: str) -> None:
    assert blames(rules, text, ARMY) == set()


def test_responsible_for_something_else_is_no_deed(rules: Classifier) -> None:
    text = ("Rockets were fired at Sderot. Hamas' internal security apparatus was responsible for setting up "
            "roadblocks that stopped residents from leaving.")
    assert blames(rules, text, ARMY) == set()
    assert blames(rules, "The Pentagon said Iran-backed militias were responsible for more than 60 attacks.") == {
        ("attribution", "united-states", "iran-backed-militias")}


@pytest.mark.parametrize("text", [
    "An IDF aircraft eliminated Hassan Nimr, the Hezbollah operative responsible for the Bint Jbeil sector, in a "
    "strike in southern Lebanon.",
    "Rockets were fired at Sderot. He was also responsible for the funding of Hamas terrorist activities in Rafah.",
    "Rockets were fired at Nahariya. The IDF identified fire from Lebanon launched toward an IDF post near Shlomi.",
])
def test_a_sector_funds_or_where_fire_came_from_are_no_blame(rules: Classifier, text: str) -> None:
    assert blames(rules, text, ARMY) == set()


def test_activities_against_civilians_are_attacks(rules: Classifier) -> None:
    text = ("Nimr was part of Hezbollah's Radwan Unit and commanded recent terrorist activities by Hezbollah against "
            "Israeli civilians, including rocket launches toward Nahariya.")
    assert ("attribution", "israel", "hezbollah") in blames(rules, text, ARMY)


# -- another state's word of a state's forces' strike is its blame, not its claim ------------------

@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ("Syrian state television: Israeli warplanes struck army and Hezbollah posts near Qusayr", "syria-government",
     "israel"),
    ("Iraqi security officials said US drones hit a militia truck near al-Qaim", "iraq-government", "united-states"),
])
def test_a_state_reporting_anothers_forces_blames_them(rules: Classifier, text: str, speaker: str,
                                                       subject: str) -> None:
    got = read(rules, text)
    assert ("attribution", speaker, subject) in got
    assert not any(x[0] == "claim" for x in got)


# -- a headline's ", says X": the present tense before its subject after a comma ------------------

@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ("Two militia commanders killed in US strike near Qaim, says Iraq", "iraq-government", "united-states"),
    ("Senior Hamas official killed by Israeli drone strike in Beirut, says Lebanon", "lebanon", "israel"),
])
def test_a_headline_ending_says_x_is_xs_blame(rules: Classifier, text: str, speaker: str, subject: str) -> None:
    assert ("attribution", speaker, subject) in read(rules, text)


def test_a_dot_of_an_abbreviation_does_not_invert_says(rules: Classifier) -> None:
    got = read(rules, "U.S. Says Houthi Missile Struck a Cargo Ship Near Aden")
    assert ("attribution", "united-states", "houthis") in got
    assert not any(x[0] == "claim" for x in got)


@pytest.mark.parametrize("text", [
    "Help arrives ahead of an anticipated ground assault into Rafah by Israel's army, says US official",
    "Medical supplies reach the city ahead of an expected offensive on Khan Younis by Israeli troops, the UN official said",
])
def test_an_attack_still_to_come_is_no_blame(rules: Classifier, text: str) -> None:
    assert not read(rules, text)


# -- "..., which rejected the accusation": the one blamed denies in a relative clause; the blame stands

def test_a_relative_clauses_denial_leaves_the_blame(rules: Classifier) -> None:
    text = ("Israel said it had no part in the blast at the clinic. It said the explosion came from a misfired "
            "rocket launched from within Gaza by Islamic Jihad, which rejected the accusation.")
    got = read(rules, text)
    assert ("attribution", "israel", "palestinian-islamic-jihad") in got
    assert any(x[0] == "denial" and x[1] == "palestinian-islamic-jihad" for x in got)


# -- "..., the military said, and/adding ...": a comma after the speech verb closes the report ------

@pytest.mark.parametrize("text", [
    "Hezbollah launched drones at a base in the Galilee, the Israeli army said, and Israeli jets hit back overnight",
    "Houthi boats fired on a container ship near Hodeidah, the US military said, adding that no one was hurt",
])
def test_a_report_closed_by_a_comma_told_what_came_before(rules: Classifier, text: str) -> None:
    got = blames(rules, text)
    assert any(x[2] in ("hezbollah", "houthis") for x in got)


# -- "X said it was attacked by Y": the passive is X's blame of Y, not X's claim ---------------------

@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ("Hezbollah said it had been hit by Israeli artillery near Khiam", "hezbollah", "israel"),
    ("Hamas said it was attacked by Israeli drones in Rafah", "hamas", "israel"),
])
def test_said_it_was_attacked_is_no_claim(rules: Classifier, text: str, speaker: str, subject: str) -> None:
    got = read(rules, text)
    assert ("attribution", speaker, subject) in got
    assert not any(x[0] == "claim" for x in got)


# -- "X believes/assesses Y did it": an assessment is a statement too --------------------------------

@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ("American officials believe Kataib Hezbollah was responsible for the drone strike on the Jordan outpost",
     "united-states", "kataib-hezbollah"),
    ("The Pentagon assesses that Iran-backed militias launched the rockets at Ain al-Asad", "united-states",
     "iran-backed-militias"),
])
def test_a_belief_or_assessment_reports_a_blame(rules: Classifier, text: str, speaker: str, subject: str) -> None:
    assert ("attribution", speaker, subject) in blames(rules, text)


# -- the target after a blame's cue is not the one blamed ------------------------------------------

def test_the_target_after_a_blame_is_not_blamed(rules: Classifier) -> None:
    text = "Biden ordered the raids to hold accountable those responsible for attacks on coalition forces"
    got = blames(rules, text)
    assert got and not any(x[2] == "cjtf-oir" for x in got)


# -- the target of a strike before the blame's cue is not the one who blames -------------------------

def test_a_struck_country_before_blamed_on_does_not_blame(rules: Classifier) -> None:
    text = ("US carries out raids on Syria after rocket attack blamed on Iran-backed militias\n"
            "The Pentagon said the raids hit two depots used by the groups.")
    got = blames(rules, text)
    assert ("attribution", "united-states", "iran-backed-militias") in got
    assert not any(x[1] == "syria-government" for x in got)


def test_a_video_of_an_attack_on_a_party_is_its_releasers_claim(rules: Classifier) -> None:
    got = read(rules, "Jaysh al-Islam released footage of a car bomb attack against #Russia|n troops, said it killed a dozen")
    assert not any(x[0] == "claim" and x[1] == "russia" for x in got)


# -- "X-based Y": the country a group is based in is a modifier, not the one blamed ---------------------

def test_the_country_a_group_is_based_in_is_not_blamed(rules: Classifier) -> None:
    got = blames(rules, "Rockets fired by Lebanon-based Hamas fighters hit Nahariya, the Israeli army said")
    assert ("attribution", "israel", "hamas") in got
    assert not any(x[2] == "lebanon" for x in got)


# -- fingerprints, and the West Bank's official news agency ---------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("US forces have endured 13 attacks in the last week, all covered with Iranian fingerprints, the Pentagon said.",
     {("attribution", "united-states", "iran-government")}),
    ("The Pentagon said the attacks bore Iran's fingerprints.", {("attribution", "united-states", "iran-government")}),
    ("Two Palestinians were killed by Israeli forces in a raid near Jenin, the official news agency WAFA said.",
     {("attribution", "palestinian-authority", "israel")}),
    # the same words about no attack
    ("The painting bears the artist's fingerprints, the museum said.", set()),
])
def test_fingerprints_and_wafa(rules: Classifier, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert blames(rules, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause's blame is the clause subject's, not a passive blame of the noun
    ("The strike, which Israel blamed on Hezbollah, killed two soldiers.", {("attribution", "israel", "hezbollah")}),
    # naming or identifying the party responsible
    ("The Israeli military said it had identified Hamas as responsible for the rocket barrage.",
     {("attribution", "israel", "hamas")}),
    ("US officials named Kataib Hezbollah as the group behind the attack on Tower 22.",
     {("attribution", "united-states", "kataib-hezbollah")}),
    ("The club named Smith as responsible for the defeat.", set()),
])
def test_seats_relatives_and_parties_named_responsible(rules: Classifier, text: str,
                                                       expected: set[tuple[str, str, str]]) -> None:
    assert read(rules, text) == expected


# -- a strike that is background: "after <strike>", "its <country> strikes" --------------------

@pytest.mark.parametrize("text", [
    "Pentagon reports three new attacks on American troops in the region after Iraq strike",
    "Pentagon confirms fresh attacks on bases in Syria and Iraq after latest US airstrikes",
    "The Pentagon said its Syria strikes were a response to attacks on US personnel.",
    "Officials said their Iraq raids came after weeks of attacks on US bases.",
])
def test_a_strike_the_news_follows_or_a_state_names_as_its_own_is_no_blame(rules: Classifier, text: str) -> None:
    """The news is the attacks; "after Iraq strike" is background, and "its Syria strikes" are the
    speaker's strikes in Syria, not Syria's."""
    assert not {x for x in read(rules, text) if x[2] in ("syria-government", "iraq-government") or x[0] == "claim"}


def test_a_strike_after_an_attack_still_blames_the_attacker(rules: Classifier) -> None:
    text = ("The president ordered the strikes after a drone attack by Kataib Hezbollah wounded two service members "
            "at Erbil air base, US officials said.")
    assert ("attribution", "united-states", "kataib-hezbollah") in blames(rules, text)


# -- an agency quoting an official; a state's strike on those who had just attacked -------------

@pytest.mark.parametrize("text", [
    "Reuters quoted a US official as saying Kataib Hezbollah carried out the attack on the base.",
    "Reuters quoted a US official as saying that Kataib Hezbollah was behind the attack on the base.",
    "AFP, citing US officials, said Kataib Hezbollah was behind the attack on the base.",
])
def test_the_official_an_agency_quotes_is_the_speaker(rules: Classifier, text: str) -> None:
    assert blames(rules, text) == {("attribution", "united-states", "kataib-hezbollah")}


def test_citing_what_is_not_a_speaker_is_no_quotation(rules: Classifier) -> None:
    text = "That goes against claims from the Israeli military, which cited potential Hamas interdiction of aid."
    assert not any(speaker == "hamas" for _, speaker, _ in read(rules, text))


@pytest.mark.parametrize(("text", "struck"), [
    ("US aircraft struck Kataib Hezbollah fighters after they launched missiles at Al Asad Air Base, the Pentagon said.",
     ("united-states", "kataib-hezbollah")),
    ("The IDF said its jets struck a Hamas cell after it fired rockets at Sderot.", ("israel", "hamas")),
])
def test_a_state_striking_those_who_had_just_attacked_blames_them(rules: Classifier, text: str,
                                                                 struck: tuple[str, str]) -> None:
    got = read(rules, text)
    assert ("claim", struck[0], struck[0]) in got
    assert ("attribution", *struck) in got


def test_the_same_strike_in_the_outlets_voice_blames_no_one(rules: Classifier) -> None:
    text = "US aircraft struck Kataib Hezbollah fighters after they launched missiles at Al Asad Air Base."
    assert blames(rules, text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("A French court has issued an international arrest warrant for the Syrian leader for complicity in war crimes "
     "linked to chemical weapon attacks on civilians in Ghouta.", ("france", None)),
    ("DOJ unseals terrorism charges against Hezbollah leader linked to 1994 Buenos Aires community center attack",
     ("united-states", "hezbollah")),
])
def test_a_warrant_or_charges_linked_to_an_attack_blame_the_one_charged(rules: Classifier, text: str,
                                                                       expected: tuple[str, str | None]) -> None:
    got = blames(rules, text)
    assert any(speaker == expected[0] and (expected[1] is None or subject == expected[1]) for _, speaker, subject in got)


def test_a_state_named_off_its_coast_is_where_not_who(rules: Classifier) -> None:
    # "off Yemen" says where the tanker was hit; the Pentagon blames Iran, not Yemen
    assert blames(rules, "Tanker ship off Yemen hit by attack drone 'fired from Iran': Pentagon") == set()
    assert blames(rules, "Tanker off Yemen hit by a drone launched by the Houthis, the Pentagon said.") == {
        ("attribution", "united-states", "houthis")}


# -- an army's word on the people it struck: their group named once, their deeds told after -----

@pytest.mark.parametrize(("text", "blamed"), [
    ("Last night, an IDF UAV eliminated Nabil Haddad, a resident of Tubas and an Islamic Jihad terrorist. Nabil had "
     "been involved in several shooting attacks targeting Israeli communities.", "palestinian-islamic-jihad"),
    ("IDF fighter jets struck Karim Abu Saleh, Commander of Hamas' Naval Forces of the Gaza City Brigade. Abu Saleh "
     "planned and commanded the naval infiltration attempt carried out last month.", "hamas"),
    ("IDF jets eliminated Samir Daher, a Hezbollah commander. Daher commanded the rocket attacks on Kiryat Shmona.",
     "hezbollah"),
])
def test_a_person_named_with_his_group_does_his_groups_deeds(rules: Classifier, text: str, blamed: str) -> None:
    assert ("attribution", "israel", blamed) in blames(rules, text, ARMY)


def test_a_person_named_without_a_group_blames_no_one(rules: Classifier) -> None:
    text = "IDF jets struck a vehicle near Tyre. Samir Daher commanded the rocket attacks on Kiryat Shmona."
    assert blames(rules, text, ARMY) == set()


@pytest.mark.parametrize("text", [
    "IDF jets struck Samir Daher, a Hamas commander who was one of the planners of the October 7 massacre.",
    "IDF jets eliminated Samir Daher, a Hamas commander who was responsible for the rocket attacks on Sderot.",
])
def test_a_planner_or_one_responsible_named_with_his_group(rules: Classifier, text: str) -> None:
    # the army speaks on its own channel: the group is blamed (not the army, by the group)
    assert blames(rules, text, ARMY) == {("attribution", "israel", "hamas")}


def test_the_party_an_army_took_ground_from_did_not_do_the_next_deed(rules: Classifier) -> None:
    # "from IS and killed": IS is the first verb's object, the army did the killing too
    text = "The Syrian army said it recaptured the district from IS and killed at least 75 IS militants."
    assert read(rules, text) == {("claim", "syria-government", "syria-government")}


def test_a_monitors_count_of_the_dead_is_its_word_not_a_claim(rules: Classifier) -> None:
    text = "SOHR claims that 135 #Assad soldiers killed today in #ISIS offensive in #DeirEzzor."
    assert read(rules, text) == {("attribution", "sohr", "islamic-state")}


@pytest.mark.parametrize(("text", "expected"), [
    ("U.S. conducts airstrikes against Iranian-backed militias in retaliation for attack on Erbil Air Base",
     {("attribution", "united-states", "iran-backed-militias")}),
    ("Israel strikes Hezbollah targets in response to rocket fire on northern Israel",
     {("attribution", "israel", "hezbollah")}),
    # the party the targets are linked to, or a state named as where, is not the one struck
    ("U.S. launches strikes on Iranian-linked targets in Syria in retaliation for drone attacks on U.S. bases", set()),
])
def test_a_state_striking_a_party_in_retaliation_blames_it(rules: Classifier, text: str,
                                                           expected: set[tuple[str, str, str]]) -> None:
    assert blames(rules, text) == expected


# -- a hijacking of a ship, and a state's suspicion ---------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a hijacking is an attack on a ship; pirates are a category the Pentagon blamed, no group's name
    ("Washington says Somali pirates were likely behind the attempted seizure of a tanker in the Gulf of Aden.",
     ("united-states", "pirates")),
    ("Israeli officials said the Houthis hijacked a car carrier in the southern Red Sea.", ("israel", "houthis")),
    # "suspects" reports what the party believes, as "believes" does
    ("Pentagon suspects Somali pirates attacked a chemical tanker off Yemen", ("united-states", "pirates")),
    ("US officials suspect Kataib Hezbollah launched the one-way drones at the base.",
     ("united-states", "kataib-hezbollah")),
])
def test_a_hijacking_and_a_suspicion_are_blames(rules: Classifier, text: str, expected: tuple[str, str]) -> None:
    assert ("attribution", *expected) in blames(rules, text)


@pytest.mark.parametrize("text", [
    "Police arrest two ISIS suspects over a plot against a church",
    # a participle after "aboard" is the ship's adjective: the group only broadcasts the footage
    "Hezbollah Shows Crew Members Chanting Aboard Hijacked Ship",
    "Somali pirates hijacked a fishing dhow off Puntland",  # the outlet's own voice names the doer
])
def test_a_suspect_a_hijacked_ship_and_the_outlets_voice_are_no_statement(rules: Classifier, text: str) -> None:
    assert read(rules, text) == set()


def test_the_philippine_president_speaks_for_the_philippines(rules: Classifier) -> None:
    text = "Philippine President Ferdinand Marcos Jr. says Islamic State is responsible for the bombing in Marawi"
    assert blames(rules, text) == {("attribution", "philippines", "islamic-state")}
    # the bombing's adjective is where it happened, not who did it
    got = read(rules, "Islamic State claims responsibility for deadly Philippine bombing")
    assert got == {("claim", "islamic-state", "islamic-state")}


@pytest.mark.parametrize(("text", "expected"), [
    # wounding by a party named after "by" is its attack, as killing is
    ("Defense Secretary Lloyd J. Austin said two American sailors were injured by Houthi militants in the attack.",
     {("attribution", "united-states", "houthis")}),
    ("The group said four of its members were wounded by Turkish drones near Qamishli.",
     {("attribution", "sdf", "turkey")}),
])
def test_the_wounded_by_a_party_are_its_attack(rules: Classifier, text: str,
                                               expected: set[tuple[str, str, str]]) -> None:
    assert expected <= blames(rules, text, None if "Austin" in text else ("t.me/sdfpress", "sdf"))


@pytest.mark.parametrize("text", [
    # the wounded with no doer named: no deed of the army that reports them
    "During the battle, a sergeant and two other soldiers were injured and evacuated to hospital.",
    "Two reservists were moderately wounded near the border earlier today.",
])
def test_the_wounded_without_an_agent_are_no_claim(rules: Classifier, text: str) -> None:
    assert read(rules, text, ARMY) == set()


# -- the army's posts on the commanders it struck ----------------------------------------------

@pytest.mark.parametrize("text", [
    "IDF and ISA Forces Neutralize Nukhba Commander Responsible for the Massacre in Kibbutz Be'eri",
    "IAF jets eliminated Omar Salem, a Nukhba platoon commander who planned the attack on Kibbutz Nahal Oz.",
])
def test_the_nukhba_force_is_hamas(rules: Classifier, text: str) -> None:
    assert read(rules, text, ARMY) == {("claim", "israel", "israel"), ("attribution", "israel", "hamas")}


def test_a_purpose_to_neutralize_a_threat_is_no_attribution(rules: Classifier) -> None:
    text = "The tools were developed to channel water into the Nukhba tunnels and neutralize the threat they pose."
    assert not blames(rules, text, ARMY)


@pytest.mark.parametrize("text", [
    "Shujaiya is used as a terror hub by the Hamas terrorist organization, from which Hamas directs a large number "
    "of terror attacks against Israel.",
    "Khaled Nasser, a Hamas battalion commander, led a number of raids against Israeli communities.",
])
def test_directing_or_leading_attacks_in_the_present_or_the_past(rules: Classifier, text: str) -> None:
    assert ("attribution", "israel", "hamas") in blames(rules, text, ARMY)


@pytest.mark.parametrize("text", [
    "The IDF directs the residents of Shujaiya to move south for their safety.",
    "Hamas plans to hold a rally in Gaza City on Friday.",
])
def test_directing_civilians_or_planning_a_rally_blames_no_one(rules: Classifier, text: str) -> None:
    assert not blames(rules, text, ARMY)


def test_opening_fire_is_an_attack_for_a_blame(rules: Classifier) -> None:
    # "opened fire" is the message's only word of violence: it still makes the blame about an attack
    assert blames(rules, "YPG says the Turkish army opened fire towards its positions in Kobani.") == {
        ("attribution", "ypg", "turkey")}


def test_opening_a_border_crossing_is_no_attack(rules: Classifier) -> None:
    assert not blames(rules, "YPG says the Turkish army opened the border crossing near Kobani.")


@pytest.mark.parametrize("text", [
    "The rockets were fired from Lebanon by Hezbollah.",
    "The UAV was most likely launched toward the Galilee by the Hezbollah terrorist organization.",
])
def test_the_agent_after_where_the_launch_came_from_is_blamed(rules: Classifier, text: str) -> None:
    assert read(rules, text, ARMY) == {("attribution", "israel", "hezbollah")}


def test_the_armys_own_strike_with_its_agent_after_the_place_stays_its_claim(rules: Classifier) -> None:
    assert read(rules, "Hezbollah launchers were struck in southern Lebanon by IAF fighter jets.", ARMY) == {
        ("claim", "israel", "israel")}


# -- the subject of a phrasal verb's conjunct ------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Houthis said they shot down a US MQ-9 drone and fired missiles at a tanker.",
    "Hezbollah claimed to have shot down an Israeli Hermes drone and launched five other attacks.",
])
def test_the_second_verb_after_shot_down_is_the_claimants_own(rules: Classifier, text: str) -> None:
    # the party named inside the first verb's object (the drone's owner) did not fire
    assert not blames(rules, text)


def test_a_party_that_opens_its_own_clause_after_and_is_still_blamed(rules: Classifier) -> None:
    assert blames(rules, "Hezbollah said it shot down an Israeli drone and Israel launched strikes on its positions.") == {
        ("attribution", "hezbollah", "israel")}


# -- an operative's past deeds in an army's post ---------------------------------------------------

@pytest.mark.parametrize(("text", "group"), [
    ("IAF jets struck and eliminated Khaled Mahmoud Said Abu Zeid Rantawi, a senior operative of Hamas' naval "
     "force. Khaled was responsible for planning and executing shooting attacks in Israeli territory.", "hamas"),
    # the sentence between names the group again (it is carried, yet the army blames it)
    ("An IAF aircraft eliminated Hussein Ali Tarhini, the commander of Hezbollah's western sector. Hussein served "
     "in several positions of Hezbollah's military wing. Hussein was involved in the promotion and planning of "
     "rocket and anti-tank missile launches toward Israel.", "hezbollah"),
])
def test_an_operatives_charge_of_attacks_is_his_groups_blame(rules: Classifier, text: str, group: str) -> None:
    assert blames(rules, text, ARMY) == {("attribution", "israel", group)}


def test_an_operatives_charge_of_no_attack_blames_no_one(rules: Classifier) -> None:
    text = ("IAF jets eliminated Khaled Rantawi, a senior operative of Hamas' naval force. Khaled was responsible "
            "for funding the naval force's weapons purchases.")
    assert not blames(rules, text, ARMY)


# -- a state reporting a group's strike claims nothing -----------------------------------------------

@pytest.mark.parametrize("text", [
    "According to the Pentagon, Kataib Hezbollah carried out the drone strike on the base near the border.",
    "The Pentagon said Kataib Hezbollah carried out the drone strike on Tower 22.",
    "US officials said the Houthis launched a wave of strikes on shipping in the Red Sea.",
])
def test_a_state_telling_a_groups_strikes_blames_it_and_claims_nothing(rules: Classifier, text: str) -> None:
    assert not [x for x in read(rules, text) if x[0] == "claim"]
    assert blames(rules, text)


@pytest.mark.parametrize("text", [
    "The Pentagon said it carried out a drone strike in Baghdad that killed a Kataib Hezbollah commander.",
    "The Pentagon said US forces carried out strikes on two facilities used by Kataib Hezbollah.",
])
def test_a_state_telling_its_own_strike_still_claims_it(rules: Classifier, text: str) -> None:
    assert ("claim", "united-states", "united-states") in read(rules, text)


# -- "in <place> attack" ends a headline: the noun, not a verb whose subject is the party before ------

@pytest.mark.parametrize("text", [
    "Ukraine claims to have sunk Russian patrol boat in Sevastopol attack",
    "Israel says it killed Hezbollah commander in Nabatieh strike",
])
def test_a_place_before_a_final_attack_word_makes_it_a_noun(rules: Classifier, text: str) -> None:
    # the party before the place owns the boat or is the target, it did not attack
    assert not blames(rules, text)


def test_a_verb_with_its_object_after_a_place_keeps_its_subject(rules: Classifier) -> None:
    text = "Ukraine says Russian troops in Kherson attack its positions near the river"
    assert blames(rules, text) == {("attribution", "ukraine", "russia")}


# -- what a party's sites and arms were used for ---------------------------------------------------

@pytest.mark.parametrize(("text", "subject"), [
    ("Jets struck Hamas rocket launchers hidden in an orchard in Deir al-Balah that were used to fire rockets at "
     "Ashdod.", "hamas"),
    ("The strike hit a Hezbollah command post in Aitaroun used for directing terrorist activities against Israel.",
     "hezbollah"),
    ("Troops raided a school compound used by Islamic Jihad commanders for planning and directing terror attacks.",
     "palestinian-islamic-jihad"),
    ("The launchers of Hamas in Bani Suheila were used to carry out launches toward Beersheba during the war.", "hamas"),
])
def test_what_a_partys_sites_were_used_for_is_its_blame(rules: Classifier, text: str, subject: str) -> None:
    assert ("attribution", "israel", subject) in read(rules, text, ARMY)


@pytest.mark.parametrize("text", [
    "The Pentagon said Israel's F-35 jets were used to attack Hamas tunnels in Gaza.",  # an attack verb with its target
    "Troops located Hezbollah weapons used for training in a village near the border.",  # no attack named
    "Jets struck a launcher used to fire toward Kiryat Shmona.",  # no party's launcher
])
def test_a_use_without_a_partys_attack_blames_no_one(rules: Classifier, text: str) -> None:
    assert not blames(rules, text, ARMY)


# -- an operative's part in attacks, in the wordings beside "was involved in" ----------------------

@pytest.mark.parametrize(("text", "subject"), [
    ("Jets eliminated Samir Haddad, a senior operative in Islamic Jihad's rocket unit and involved in directing "
     "numerous rocket attacks on Sderot.", "palestinian-islamic-jihad"),
    ("The Hamas naval commando unit took a significant part in the attack on the coastal communities.", "hamas"),
    ("Hezbollah's Radwan force played a central role in the infiltrations into the Galilee.", "hezbollah"),
])
def test_a_part_in_attacks_is_the_groups_blame(rules: Classifier, text: str, subject: str) -> None:
    assert ("attribution", "israel", subject) in read(rules, text, ARMY)


def test_a_part_denied_or_in_no_attack_is_no_blame(rules: Classifier) -> None:
    assert not blames(rules, "Hamas denied it took any part in the attack on the convoy.", ARMY)
    assert not blames(rules, "Qatar played a central role in the talks on the hostages held by Hamas.", ARMY)


# -- a relative clause's subject past its tense: "boats that had been attacking" -------------------

def test_a_relative_clause_in_the_progressive_names_its_doer(rules: Classifier) -> None:
    text = ("US Navy helicopters sank two Houthi speedboats that had been attacking a container ship in the Gulf of "
            "Aden, according to the Pentagon.")
    assert read(rules, text) == {("claim", "united-states", "united-states"), ("attribution", "united-states", "houthis")}
    text = ("During the battle in Beit Lahia, soldiers engaged Hamas terrorists who had opened fire toward a "
            "Golani force.")
    assert ("attribution", "israel", "hamas") in read(rules, text, ARMY)


def test_the_armys_own_troops_in_the_progressive_stay_its_claim(rules: Classifier) -> None:
    text = "Over the past week the troops have been targeting terrorist infrastructure in the Zeitoun neighbourhood."
    assert read(rules, text, ARMY) == {("claim", "israel", "israel")}


# -- "..., X claimed" after another party's attack ----------------------------------------------

def test_a_claim_verb_closing_a_report_of_anothers_strike_is_a_blame(rules: Classifier) -> None:
    text = ("On Sunday a Turkish drone strike on a car near Qamishli killed three people, the SDF claimed, while a "
            "local doctor gave a toll of four.")
    assert read(rules, text) == {("attribution", "sdf", "turkey")}


def test_a_claim_verb_closing_the_partys_own_attack_stays_its_claim(rules: Classifier) -> None:
    text = "Hezbollah fighters destroyed two tanks near Metula, Hezbollah claimed, while the army gave no toll."
    assert read(rules, text) == {("claim", "hezbollah", "hezbollah")}


# -- a headline's tail naming a state's body ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Israel strikes Syria's Aleppo airport again – state media",
    "Israeli jets hit Syrian army posts near Homs - state media",
])
def test_a_headlines_tail_of_state_media_speaks_for_the_state_hit(rules: Classifier, text: str) -> None:
    assert read(rules, text) == {("attribution", "syria-government", "israel")}


def test_a_headlines_tail_with_no_partys_attack_speaks_for_no_one(rules: Classifier) -> None:
    assert read(rules, "Israel 'cripples' Syria's airports – state media") == set()
    assert not blames(rules, "Turkish drone kills two in Qamishli: health officials")


# -- a described speaker the gazetteer has no name for ----------------------------------------------

@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ("Ukraine has carried out a drone attack on the port of Sevastopol, a local governor said on Monday.",
     "unnamed:local-governor", "ukraine"),
    ("Kurdish officials said Turkish drones struck a car near Amuda.", "unnamed:kurdish-officials", "turkey"),
    ("Historic monastery near Jenin damaged by ‘Israeli strike’– church officials", "unnamed:church-officials",
     "israel"),
    ("Old mosque in Khan Yunis hit by Israeli shelling – local officials", "unnamed:local-officials", "israel"),
])
def test_a_described_speaker_blames_the_party_it_reports(rules: Classifier, text: str, speaker: str,
                                                         subject: str) -> None:
    assert blames(rules, text) == {("attribution", speaker, subject)}


@pytest.mark.parametrize("text", [
    "Turkish drones struck a car near Amuda, residents said.",  # witnesses and residents are no party
    "An Israeli strike killed six people in Deir al-Balah, health officials said.",  # the civil body where it fell
    "US jets struck an Iran-backed militia depot near Qaim, a senior defense official said.",  # whose official?
])
def test_no_party_described_speaks_for_a_blame(rules: Classifier, text: str) -> None:
    assert not blames(rules, text)


def test_a_headlines_title_word_does_not_swallow_the_bodys_first_name(rules: Classifier) -> None:
    # "governor" ends the headline; "Ukraine" opens the body: a country, not the governor's surname
    text = ("Blast hits port in Crimea – governor\n"
            "Ukraine has carried out a missile attack on the port of Kerch, a local governor said on Friday")
    assert blames(rules, text) == {("attribution", "unnamed:local-governor", "ukraine")}
    assert not read(rules, "Governor Jordan said the state would send help after the floods.")


def test_a_headlines_tail_names_a_body_without_its_article(rules: Classifier) -> None:
    assert read(rules, "Hezbollah fired anti-tank missiles at Israeli posts – defense minister") == {
        ("attribution", "israel", "hezbollah")}


# -- abduction and murder ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "subject"), [
    ("The body of the hostage Dan Levi, who according to intelligence was murdered in captivity by the Islamic Jihad "
     "terrorist organization, was recovered overnight from Rafah.", "palestinian-islamic-jihad"),
    ("During the massacre, Dan Levi was abducted by the Hamas terrorist organization from Kibbutz Beeri.", "hamas"),
    ("On that morning Hamas terrorists murdered and abducted civilians in Kfar Aza.", "hamas"),
])
def test_abducting_and_murdering_are_deeds_a_party_is_blamed_for(rules: Classifier, text: str, subject: str) -> None:
    assert read(rules, text, ARMY) == {("attribution", "israel", subject)}


@pytest.mark.parametrize("text", [
    "The body of the hostage Dan Levi, who was murdered in captivity, was recovered overnight.",
    "Three hostages abducted on that morning were rescued by special forces.",
])
def test_the_murdered_and_the_taken_with_no_doer_are_no_ones_deed(rules: Classifier, text: str) -> None:
    # not the army's claim either: no agent, and the army did not take or kill them
    assert read(rules, text, ARMY) == set()


# -- a monitor in a headline's tail with its country's name ------------------------------------------

def test_a_monitor_named_with_its_country_in_a_headlines_tail_speaks(rules: Classifier) -> None:
    text = "Assad forces shell crowded bakery in Atarib, kill four: Syria’s White Helmets"
    assert read(rules, text) == {("attribution", "white-helmets", "syria-government")}
    assert read(rules, "Syria's White Helmets said Russian jets struck a hospital in Idlib.") == {
        ("attribution", "white-helmets", "russia")}


def test_an_aggression_named_by_its_doer_is_an_attack(rules: Classifier) -> None:
    assert blames(rules, "Syria says 9 soldiers killed in ‘new Israeli aggression’ near Homs") == {
        ("attribution", "syria-government", "israel")}
    assert not blames(rules, "Lawmakers debated how to answer the growing aggression in the region.")


@pytest.mark.parametrize("text", [
    "Israel said its agents helped foil a Hezbollah bomb plot in Brazil, blaming Iran for directing the attack.",
    "Israel has claimed its spies stopped a Hezbollah attack in Cyprus while accusing Iran of ordering it.",
])
def test_a_participle_clause_blames_in_the_sentences_own_voice(rules: Classifier, text: str) -> None:
    # the party named last before ", blaming" is the plot's author, not the one who blames
    got = blames(rules, text)
    assert ("attribution", "israel", "iran-government") in got
    assert not any(speaker == "hezbollah" for _, speaker, _ in got)


@pytest.mark.parametrize("text", [
    "Russia's defence ministry rejected blame for the strike on the market in Idlib.",
    "Tehran refused to blame Washington for the bombing of the parade in Ahvaz.",
    "The army denied any blame for the shelling of the school in Rafah.",
])
def test_a_blame_turned_down_is_not_a_blame(rules: Classifier, text: str) -> None:
    assert not blames(rules, text)


def test_rejecting_blame_for_an_attack_denies_ones_own_part(rules: Classifier) -> None:
    got = read(rules, "Russia's defence ministry rejected blame for the strike on the market in Idlib.")
    assert ("denial", "russia", "russia") in got


def test_a_name_the_gazetteer_lacks_speaks_not_the_party_before_its_comma(rules: Classifier) -> None:
    # "Smith" is nobody the gazetteer knows: the militias named before the comma do not become the speaker
    got = read(rules, "US jets struck two depots in eastern Syria in response to attacks by Iran-backed militias, "
                      "Smith said.")
    assert ("attribution", "united-states", "iran-backed-militias") in got
    assert not any(speaker == "iran-backed-militias" for _, speaker, _ in got)


@pytest.mark.parametrize("second", ["The group denied any involvement.", "The militia denied it.",
                                    "But the group denied any role in the attack."])
def test_the_group_of_the_next_sentence_is_the_group_blamed_not_the_blamer(rules: Classifier, second: str) -> None:
    got = read(rules, f"The Pentagon blamed Kataib Hezbollah for the drone attack on Tower 22. {second}")
    assert ("attribution", "united-states", "kataib-hezbollah") in got
    assert ("denial", "kataib-hezbollah", "kataib-hezbollah") in got


def test_the_group_of_the_next_sentence_claims_its_own_attack(rules: Classifier) -> None:
    got = read(rules, "The IDF said Hezbollah fired rockets at Metula. The group said it targeted an army post.")
    assert ("claim", "hezbollah", "hezbollah") in got
    assert not any(stance == "claim" and speaker == "israel" for stance, speaker, _ in got)


@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ("The bombing in Ankara was blamed on the PKK by Turkish officials.", "turkey", "pkk"),
    ("The strike on the airport was attributed to Israel by Syrian state media.", "syria-government", "israel"),
])
def test_a_passive_blames_agent_is_the_one_who_blames(rules: Classifier, text: str, speaker: str, subject: str) -> None:
    assert blames(rules, text) == {("attribution", speaker, subject)}


def test_a_passive_denials_agent_is_the_one_who_denies(rules: Classifier) -> None:
    got = read(rules, "Accusations by Iraq that US jets struck its forces near Qaim were rejected by the Pentagon.")
    assert ("attribution", "iraq-government", "united-states") in got
    assert ("denial", "united-states", "united-states") in got
    assert not any(stance == "denial" and speaker == "iraq-government" for stance, speaker, _ in got)


@pytest.mark.parametrize("text", [
    "The United States will hold Iran responsible for any attack on its interests in Iraq.",
    "Washington warned it would hold Tehran accountable for any future attacks on its troops.",
])
def test_a_warning_about_attacks_to_come_blames_no_one(rules: Classifier, text: str) -> None:
    assert not blames(rules, text)


def test_an_alliance_before_its_member_names_the_member(rules: Classifier) -> None:
    got = blames(rules, "US officials said the armed drone shot down over Hasakah was flown by NATO ally Turkey.")
    assert got == {("attribution", "united-states", "turkey")}


def test_launches_counted_by_the_army_are_the_enemys_not_its_own(rules: Classifier) -> None:
    # "550 failed launches" is a noun, not the army launching anything
    text = "Since the war began, the IDF has identified about 400 failed launches fired by Hamas that fell inside Gaza."
    assert read(rules, text, ARMY) == {("attribution", "israel", "hamas")}


@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ("The Syrian opposition accused regime forces of using chlorine gas in Douma.", "syrian-national-coalition",
     "syria-government"),
    ("Rebels accused Syrian regime forces of dropping barrel bombs on a market in Douma.", "rebels", "syria-government"),
])
def test_the_weapons_of_an_attack_make_an_accusation_about_one(rules: Classifier, text: str, speaker: str,
                                                               subject: str) -> None:
    # chlorine, sarin, barrel and cluster bombs name an attack as much as "attack" does
    assert ("attribution", speaker, subject) in blames(rules, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel strikes Gaza, says it targeted Hamas commanders", {("claim", "israel", "israel")}),
    ("US strikes militia sites in Iraq, says Kataib Hezbollah launched the drone",
     {("claim", "united-states", "united-states"), ("attribution", "united-states", "kataib-hezbollah")}),
    # a party after ", says" that ends the headline is the speaker
    ("Israeli jets hit Damascus airport, says Syria", {("attribution", "syria-government", "israel")}),
])
def test_a_party_after_says_that_opens_a_clause_is_not_the_speaker(rules: Classifier, text: str,
                                                                 expected: set[tuple[str, str, str]]) -> None:
    assert read(rules, text) == expected


# -- a blame for an airstrike, a present-tense bombing, the regime's aircraft --------------------------

@pytest.mark.parametrize("text", [
    "Iraq blamed the United States for the airstrike in Mosul.",
    "Iraq blamed the United States for the airstrikes on its territory.",
])
def test_a_blame_for_an_airstrike_is_about_an_attack(rules: Classifier, text: str) -> None:
    assert blames(rules, text) == {("attribution", "iraq-government", "united-states")}


def test_a_relay_of_the_group_telling_enemy_aircraft_bomb_blames_the_enemy(rules: Classifier) -> None:
    assert blames(rules, "Amaq: US aircraft bomb four fuel stations in Mosul.") == {
        ("attribution", "islamic-state", "united-states")}


@pytest.mark.parametrize("text", [
    "Pentagon to develop nuclear bomb far more powerful than the one dropped on Hiroshima",
    "US to modernize its main nuclear bomb",
])
def test_a_bomb_that_is_built_is_no_attack(rules: Classifier, text: str) -> None:
    assert not read(rules, text)


def test_the_regimes_aircraft_are_the_syrian_state(rules: Classifier) -> None:
    assert blames(rules, "Syrian rebels said regime aircraft bombed Khan Shaykhun.") == {
        ("attribution", "rebels", "syria-government")}


@pytest.mark.parametrize("text", [
    "Amaq releases an English statement about Damascus attacks targeting Shia militias",
    "Turkish gov spokesman and deputy PM to hold a press briefing on Ankara attack at 9:00PM local time.",
])
def test_a_capitals_attacks_are_the_citys_not_the_states(rules: Classifier, text: str) -> None:
    assert not any(x[2] in ("syria-government", "turkey") for x in read(rules, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Syrian rebels said Russian jets bombed a market in Maarat al-Numan.", ("rebels", "russia")),
    ("Hezbollah said Israeli warplanes bombed a vegetable market in Nabatieh.", ("hezbollah", "israel")),
])
def test_a_market_bombed_is_where_the_attack_fell_not_a_civil_business(rules: Classifier, text: str,
                                                                       expected: tuple[str, str]) -> None:
    assert ("attribution", *expected) in read(rules, text)


def test_a_hashtag_before_reports_of_does_not_speak(rules: Classifier) -> None:
    text = "#Syria Reports of massacre by Russian airstrike on market in al-Bab, more than 100 people killed"
    assert not any(speaker == "syria-government" for _, speaker, _ in read(rules, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Kurdish sources claim that the Turkish army destroyed a mosque with tank fire in Cizre.",
     ("unnamed:kurdish-sources", "turkey")),
    ("Local sources claim that regime forces recaptured the grain silos east of Palmyra from ISIS.",
     ("unnamed:local-sources", "syria-government")),
])
def test_a_described_source_that_claims_another_partys_deed_blames_it(rules: Classifier, text: str,
                                                                     expected: tuple[str, str]) -> None:
    assert ("attribution", *expected) in read(rules, text)


def test_soldiers_claimed_to_be_killed_by_a_group_have_no_speaker(rules: Classifier) -> None:
    assert not blames(rules, "5 Russian military advisers claimed to be killed by ISIS near Palmyra")


def test_a_states_army_named_as_a_description_speaks_for_the_state(rules: Classifier) -> None:
    text = "Heavy clashes west of Baghdad although Iraq army claims ISIS attacks were repelled"
    assert ("attribution", "iraq-government", "islamic-state") in read(rules, text)


def test_as_holding_x_responsible_is_said_by_the_sentences_subject(rules: Classifier) -> None:
    text = ("The White House praised the strikes that hit two depots in eastern Syria used by Iran's Islamic "
            "Revolutionary Guard Corps (IRGC) on Friday as holding Iran responsible for recent attacks on US troops.")
    assert ("attribution", "united-states", "iran-government") in read(rules, text)


def test_a_country_after_into_is_where_the_aircraft_went_not_who_bombed(rules: Classifier) -> None:
    text = "#Aamaq: Israeli drones crossed into Egyptian airspace and bombed an ISIS position south of Rafah"
    assert not any(subject == "egypt" for _, _, subject in blames(rules, text))


# -- a speaker whose name ends in "an" ("Iran", "Jordan", "spokesman") before "accused": the block for
# "an accused" (the noun) read "Ir|an accused" and took the blame away

@pytest.mark.parametrize(("text", "expected"), [
    ("Iran accused Israel of carrying out the drone attack.", ("iran-government", "israel")),
    ("Jordan accused Israel of carrying out the drone attack.", ("jordan-government", "israel")),
    ("Pakistan accused the Taliban of carrying out the attack on the border post.", ("pakistan", "taliban")),
    ("Erdogan accused the PKK of carrying out the bombing in Ankara.", ("turkey", "pkk")),
    ("Sudan accused the Rapid Support Forces of shelling the market in El Fasher.", ("sudan-government", "rapid-support-forces")),
])
def test_a_speaker_ending_in_an_accuses(rules: Classifier, text: str, expected: tuple[str, str]) -> None:
    assert ("attribution", *expected) in blames(rules, text)


@pytest.mark.parametrize("text", ["He was accused of planning the attack.", "An accused man said he planned the attack."])
def test_the_accused_speaks_no_blame(rules: Classifier, text: str) -> None:
    assert not blames(rules, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Iraqi Counter-Terrorism Service said Hezbollah carried out the drone attack on the base.",
     ("iraq-government", "hezbollah")),
    ("The Kurdistan Region Counter Terrorism Directorate said the PKK carried out the drone attack on the base.",
     ("kurdistan-ctd", "pkk")),
])
def test_a_counter_terrorism_body_is_no_purpose(rules: Classifier, text: str, expected: tuple[str, str]) -> None:
    # "counter" reads as a purpose ("warships sent to counter Houthi attacks"), not in a body's name
    assert ("attribution", *expected) in blames(rules, text)


def test_to_counter_attacks_is_still_a_purpose(rules: Classifier) -> None:
    assert not blames(rules, "The US sent warships to counter Houthi attacks on shipping.")


@pytest.mark.parametrize(("text", "expected"), [
    ("The U.S. said Hezbollah carried out the drone attack on the base.", ("united-states", "hezbollah")),
    ("The U.N. said Russian missiles struck the hospital in Kyiv.", ("united-nations", "russia")),
])
def test_an_initialisms_full_stop_opens_no_clause(rules: Classifier, text: str, expected: tuple[str, str]) -> None:
    # "The U.N. said Russian missiles struck ..." was read as "said Russia", inverted, and made Russia's claim
    assert read(rules, text) == {("attribution", *expected)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel held Hamas accountable for the rocket attack on Sderot.", ("israel", "hamas")),
    ("The Pentagon pointed to Kataib Hezbollah as the likely culprit of the rocket attack.", ("united-states", "kataib-hezbollah")),
])
def test_accountable_and_the_likely_culprit_blame(rules: Classifier, text: str, expected: tuple[str, str]) -> None:
    assert ("attribution", *expected) in blames(rules, text)


@pytest.mark.parametrize("text", ["Israel vowed to hold Hamas accountable for any attack.",
                                  "The court held the company accountable for the losses."])
def test_accountable_for_no_attack_or_a_future_one_is_no_blame(rules: Classifier, text: str) -> None:
    assert not blames(rules, text)


# -- the passive: who blames is the agent, a party the sentence reports, or no one named -------

@pytest.mark.parametrize(("text", "expected"), [
    # no accuser named: the blame is reported, its speaker unknown
    ("Hezbollah has been blamed for the rocket attack on Metula.", (None, "hezbollah")),
    ("Kataib Hezbollah is widely blamed for the drone attack on Tower 22.", (None, "kataib-hezbollah")),
    ("Hezbollah is accused of carrying out the rocket attack on Metula.", (None, "hezbollah")),
    # the agent blames the party before the verb, not the other way round
    ("Kataib Hezbollah has been blamed by US officials for the drone attack.", ("united-states", "kataib-hezbollah")),
    ("Hezbollah was accused by Israel of firing the rockets.", ("israel", "hezbollah")),
    # a party the sentence reports blames
    ("Hezbollah has been blamed for the attack, Israeli officials said.", ("israel", "hezbollah")),
])
def test_a_passive_blame_is_read_with_its_accuser(rules: Classifier, text: str,
                                                  expected: tuple[str | None, str]) -> None:
    assert blames(rules, text) == {("attribution", *expected)}


@pytest.mark.parametrize("text", [
    "Hamas was accused of lying about the death toll.",
    "The minister has been accused of corruption.",
    "A man was accused of killing his wife.",  # no party of the conflict is named
])
def test_a_passive_blame_of_no_attack_blames_no_one(rules: Classifier, text: str) -> None:
    assert not blames(rules, text)


# -- a blame between two descriptions: "An official blamed militants" --------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("An official blamed militants for the attack on the checkpoint.", "official"),
    ("Government blames armed groups for attack on military academy in Homs.", "Government"),
    ("اتهم مصدر أمني مسلحين بتنفيذ الهجوم على حاجز للجيش في الموصل", "مصدر أمني"),
    ("واتهمت الحكومة جماعات مسلحة بالوقوف وراء التفجير", "الحكومة"),
])
def test_a_described_speaker_blames_a_described_accused(rules: Classifier, text: str, speaker: str) -> None:
    got = Classifier.classify(rules, text).statements
    assert [(s.stance, s.speaker.as_written if s.speaker else None, s.subject) for s in got] == [
        ("attribution", speaker, None)]


@pytest.mark.parametrize("text", [
    "Police blamed a faulty gas cylinder for the explosion.",
    "Officials blamed the weather for the crash.",
])
def test_a_described_speaker_blaming_a_thing_blames_no_party(rules: Classifier, text: str) -> None:
    assert not blames(rules, text)


# -- "according to" a described speaker: the description reports, the party after it did the deed --

@pytest.mark.parametrize(("text", "speaker"), [
    ("According to Kurdish officials, Kataib Hezbollah fired rockets at Erbil.", "Kurdish officials"),
    ("Kataib Hezbollah fired rockets at Erbil, according to Kurdish officials.", "Kurdish officials"),
    ("Hezbollah fired rockets at Kiryat Shmona, according to a security source.", "security source"),
])
def test_according_to_a_description_reports_the_groups_attack(rules: Classifier, text: str, speaker: str) -> None:
    got = rules.classify(text, learned=False).statements
    assert [(s.stance, s.speaker.as_written if s.speaker else None) for s in got] == [("attribution", speaker)]
    assert got[0].subject is not None and got[0].subject.kind in ("core", "axis")


@pytest.mark.parametrize("text", [
    # a group named after a description and a comma is inside the report, never its reporter
    "According to Kurdish officials, Kataib Hezbollah fired rockets at Erbil.",
    # witnesses are no party: their word is no one's statement, and no state claims its jets' strike
    "According to witnesses, Russian jets struck the market in Idlib.",
])
def test_according_to_a_description_is_no_claim_of_the_party_after_it(rules: Classifier, text: str) -> None:
    assert not any(st == "claim" for st, _, _ in read(rules, text))


def test_a_parenthesis_after_the_speaker_does_not_turn_the_verb_around(rules: Classifier) -> None:
    # "Coalition (CJTF-OIR) said ...": the closing parenthesis ends an aside, it opens no ", said X" clause
    got = blames(rules, "Coalition (CJTF-OIR) said Kataib Hezbollah fired rockets at Ain al-Asad.")
    assert got == {("attribution", "cjtf-oir", "kataib-hezbollah")}
