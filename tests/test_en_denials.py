"""English denials as wire copy, official statements and militant channels word them: every
inflection of the denial verbs, headline forms ("Iran denies role in ..."), the denier after the
words ("..., the army said", "according to X"), the adverbs and dates between verb and object, and
each kind of denial (responsibility, event, figures, location). The same words about something
that is no attack (bail, visas, access, prices, a ceasefire, a sacked commander) stay none.
Sentences written for these tests by the project."""

from __future__ import annotations

from typing import Any

import pytest

from classifiers.classify import Classifier

from .helpers import denials

ANY = object()  # any value is right


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(learned=False)


def stance_set(classifier: Classifier, text: str) -> set[str]:
    return {st.stance for st in classifier.classify(text, None, None, None, learned=False).statements}


def check(got: list[tuple[Any, ...]], expected: tuple[Any, ...]) -> None:
    assert len(got) == 1, got
    assert all(e is ANY or g == e for g, e in zip(got[0], expected, strict=True)), got


# -- its own role denied: every inflection, headline and reported -------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Iran denies role in drone strike on US outpost in Syria", "iran-government"),
    ("Hezbollah denies involvement in rocket fire on northern Israel", "hezbollah"),
    ("US denies carrying out air strike on militia base near Qaim", "united-states"),
    ("Turkey denies responsibility for drone attack on Kurdish convoy", "turkey"),
    ("Houthis deny attacking commercial ship in the Red Sea", "houthis"),
    ("Russia denied bombing the maternity hospital in Mariupol.", "russia"),
    ("Kataib Hezbollah denied on Monday any involvement in the rocket attack on the embassy.", "kataib-hezbollah"),
    ("Iran on Sunday strongly denied any involvement in the attack on the tanker.", "iran-government"),
    ("The Houthis have denied targeting the tanker off Aden.", "houthis"),
    ("Israel is denying responsibility for the strike on the aid convoy.", "israel"),
    ("Iran's foreign ministry denied that Tehran had any role in the attack on the base.", "iran-government"),
    ("Hamas said on Tuesday it had nothing to do with the shooting attack in Tel Aviv.", "hamas"),
    ("Hamas: we have nothing to do with the shooting attack in Tel Aviv", "hamas"),
    ("Hezbollah was not behind the rocket launches on Kiryat Shmona, the group said in a statement.", "hezbollah"),
    ("Qatar says it played no role in the Hamas attack on Israel", "qatar"),
    ("The Islamic Resistance in Iraq played no part in the drone attack on the Jordan base, according to "
     "a statement by the group.", "islamic-resistance-in-iraq"),
    ("Kataib Hezbollah did not carry out the strike on Ain al-Asad, the group's spokesman said.", "kataib-hezbollah"),
    ("Hamas distanced itself from the shooting attack in Tel Aviv.", "hamas"),
    ("The Taliban distanced themselves from the suicide bombing in Kabul.", "taliban"),
    ("Iran rejected claims that it supplied the drones used in the attack on the base.", "iran-government"),
    ("Hezbollah refuted allegations that its fighters fired on the UN patrol.", "hezbollah"),
    ("Tehran dismissed US accusations that it was behind the attack on the tanker.", "iran-government"),
    ("The Pentagon dismissed reports that American jets had bombed the village.", "united-states"),
    ("The US military said it was not responsible for the explosion at the Baghdad depot.", "united-states"),
    ("Israel said it was not responsible for the blast at the hospital in Gaza.", "israel"),
    ("Israel said it wasn't responsible for the deadly blast at the hospital in Gaza.", "israel"),
    ("The Israeli military said it did not strike the school in Khan Younis.", "israel"),
    ("Hezbollah insisted that it had no role in the assassination in Beirut.", "hezbollah"),
    ("Iran's mission to the United Nations rejected the accusation of a role in the attack on the tanker.",
     "iran-government"),
    ("Iran denied having any role in the attack on the convoy.", "iran-government"),
    ("Hezbollah denies it fired the rockets at Metula", "hezbollah"),
    ("Hezbollah has denied firing rockets at Metula.", "hezbollah"),
    ("Denying any role in the attack, Iran said it respected the sovereignty of Iraq.", "iran-government"),
    ("Iran, which denies involvement in the attack, has called for restraint.", "iran-government"),
    ("Kataib Hezbollah rejected accusations that it was behind the drone attack on Tower 22.", "kataib-hezbollah"),
    ("Russia denies its jets struck the market", "russia"),
    ("Moscow denied that its forces had targeted the railway station.", "russia"),
    ("The Saudi-led coalition denied carrying out the air strike on the wedding party.", "saudi-led-coalition"),
    ("Israel said it had nothing to do with the explosion in Isfahan.", "israel"),
    ("Iran was not involved in the attack, its foreign minister said.", "iran-government"),
    ("We were not behind this attack, a Hezbollah official said.", "hezbollah"),
    ("It was not behind the attack on the patrol, Hezbollah said.", "hezbollah"),
    ("Hamas officials insisted the group played no role in the bombing.", "hamas"),
    ("The Taliban said they were not responsible for the blast at the mosque.", "taliban"),
    ("ISIS was not behind the Kilis rocket attack, a source close to the group said.", "islamic-state"),
    ("Houthis deny they attacked the tanker", "houthis"),
    ("The Houthis rejected as false US claims that they attacked the tanker.", "houthis"),
    ("Israel denies IDF struck church in Gaza", "israel"),
    ("Iran disavowed the attack on the tanker.", "iran-government"),
    ("Hezbollah disowned the rocket attack on Kiryat Shmona.", "hezbollah"),
    ("Hezbollah disavowed any link to the rocket attack on Kiryat Shmona.", "hezbollah"),
    ("Iran said it was in no way involved in the attack on the tanker.", "iran-government"),
    ("The US military has not conducted any strikes in the area, a spokesman said.", "united-states"),
    ("Russia rubbished Ukrainian claims that its missiles hit the mall.", "russia"),
    ("Moscow slammed as 'slander' Kyiv's claims that Russian missiles struck the mall.", "russia"),
    ("The group denied, in a statement on Telegram, any involvement in the attack by Hamas.", ANY),
    ("Hezbollah late Sunday denied any role in the attack on the patrol.", "hezbollah"),
    ("Kataib Hezbollah, in a statement, denied responsibility for the attack.", "kataib-hezbollah"),
    ("In a statement, Kataib Hezbollah denied responsibility for the attack.", "kataib-hezbollah"),
    ("Iran has nothing to do with the attack, according to the foreign ministry in Tehran.", "iran-government"),
    ("Iranian Foreign Ministry spokesman Nasser Kanaani denied Tehran's involvement in the attack.",
     "iran-government"),
    ('"We had nothing to do with it," a Kataib Hezbollah spokesman told AFP of the drone attack.',
     "kataib-hezbollah"),
    ("The Houthis said they had not attacked any ship in the Red Sea on Tuesday.", "houthis"),
    ("Turkey blamed the PKK for the Ankara bombing, but the group denied involvement.", "pkk"),
    ("#Nusra official: we have no relation to the bombing in #Damascus", "jabhat-al-nusra"),
    ("#Ahrar spokesman: the news about our fighters attacking the checkpoint is fabricated", "ahrar-al-sham"),
    ("Rebels deny regime claims they used chemical weapons in #Aleppo", "rebels"),
    ("Hezbollah chief Nasrallah denied prior knowledge of the Hamas attack.", "hezbollah"),
    ("No Iranian role in attack on US base, Tehran says", "iran-government"),
    ("Tehran said there was no Iranian involvement in the attack.", "iran-government"),
    ("The Pentagon said there was no US role in the strike.", "united-states"),
    ("Israel says it didn't strike Gaza hospital", "israel"),
    ("The US said Iran was behind the attack, which Tehran denied.", "iran-government"),
    ("Hezbollah: 'We did not fire at Israel'", "hezbollah"),
    ("Nasser Kanaani, the Iranian foreign ministry spokesman, denied any involvement in the attack.",
     "iran-government"),
    ("A spokesman for the Houthis, Mohammed Abdulsalam, denied that the group had targeted the ship.", "houthis"),
    ("Pentagon spokesman John Kirby denied that US aircraft had struck the convoy.", "united-states"),
    ("Speaking to reporters, Israeli military spokesman Daniel Hagari said the army did not strike the hospital.",
     "israel"),
    # the base form after "did not", and a cleft
    ("The Houthis did not target any ship on Sunday, a spokesman for the group said.", "houthis"),
    ("Hezbollah never attacked the convoy near Tyre, the group said in a statement.", "hezbollah"),
    ("It was not us who attacked the convoy near Tyre, Hezbollah said.", "hezbollah"),
    ("No member of the group took part in the attack, Hamas said.", "hamas"),
])
def test_its_own_role_denied(classifier: Classifier, text: str, speaker: str) -> None:
    check(denials(classifier, text), (speaker, speaker, "responsibility"))


@pytest.mark.parametrize("text", [
    "Pentagon: no US forces involved in strike near Qaim",
    "No US or coalition aircraft carried out strikes in the area, a CENTCOM spokesman said.",
    "US officials said no American aircraft conducted the strike on the convoy.",
    "The Pentagon said American forces were not involved in the strike on the militia headquarters.",
    "A US defense official said that American troops took no part in the raid.",
])
def test_no_us_forces_involved(classifier: Classifier, text: str) -> None:
    check(denials(classifier, text), ("united-states", "united-states", "responsibility"))


def test_none_of_its_aircraft_struck(classifier: Classifier) -> None:
    check(denials(classifier, "The Israeli military said none of its aircraft had struck the school."),
          ("israel", "israel", "responsibility"))


@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ("Israel 'not responsible' for hospital strike, US says", "united-states", "israel"),
    ("The Pentagon said Israel was not responsible for the strike on the hospital.", "united-states", "israel"),
    ("Israel was not responsible for the strike on the hospital, the Pentagon said.", "united-states", "israel"),
    ("US officials say Iran was not behind the attack on the tanker.", "united-states", "iran-government"),
    ("The Pentagon said the attackers who seized the tanker were most likely pirates and not Houthis.",
     "united-states", "houthis"),
    ("The attack was carried out by Islamic State, not Hezbollah, Lebanese officials said.", "lebanon", "hezbollah"),
])
def test_another_partys_role_denied_names_it(classifier: Classifier, text: str, speaker: str, subject: str) -> None:
    check(denials(classifier, text), (speaker, subject, "responsibility"))


# -- the event denied ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ("The Iraqi army said no such attack took place at the airport.", "iraq-government", ANY),
    ("Reports of an attack on the US embassy in Baghdad are untrue, the Iraqi government said.", "iraq-government",
     ANY),
    ("The Pentagon called Houthi claims of a hit on the aircraft carrier fabricated.", "united-states", "houthis"),
    ("Hezbollah described the Israeli account of the border clash as lies.", "hezbollah", "israel"),
    ("The Syrian army denied that any attack had taken place on the air base.", ANY, ANY),
    ("Russia says it seized the town of Avdiivka; Kyiv denies the claim", "ukraine", "russia"),
    ("The Islamic State denied that rebels had taken over the border crossing.", "islamic-state", ANY),
    ("Amaq denies the border crossing fell to rebel fighters, says IS still holds it", "islamic-state", ANY),
    ("The IRGC said reports of an explosion at the missile base were fake news.", "irgc", ANY),
    ("The Pentagon rejected the Houthi claim that it had struck the destroyer with missiles.", "united-states", "houthis"),
    ("The Houthi claims of a strike on the carrier are baseless, the Pentagon said.", "united-states", "houthis"),
    ("Pentagon dismisses Houthi claims of hitting US warship", "united-states", "houthis"),
    ("Houthi claim of attack on US carrier is 'baseless', Pentagon says", "united-states", "houthis"),
    ("Reports of a rocket attack on Balad are untrue, the Iraqi military said.", "iraq-government", ANY),
    ("There was no attack on the base, a coalition spokesman said.", "cjtf-oir", ANY),
    ("The US military denied that the drone had been shot down by the Houthis.", "united-states", "houthis"),
    ("Kyiv denies Russian troops captured Avdiivka", "ukraine", "russia"),
    ("CENTCOM denied that any US warship was hit.", "united-states", ANY),
    ("The Syrian Observatory for Human Rights said reports of a massacre in the village were untrue.", "sohr", ANY),
    ("Ukraine's military denied Russian claims that it had lost control of the town.", "ukraine", "russia"),
    ("The Iraqi Joint Operations Command denied reports of a drone attack on the airport.", "iraq-government", ANY),
    ('"This is a lie," the IRGC said of the report of an attack on its base.', "irgc", ANY),
    ('"That is false," Hezbollah said of Israeli claims about the border attack.', "hezbollah", "israel"),
    ('"These reports about the attack are completely false," said a Hezbollah official.', "hezbollah", ANY),
    ('"There was no attack," the Iraqi army said.', "iraq-government", ANY),
    ("The Pentagon said no attack on US forces took place in Syria on Monday.", "united-states", ANY),
    ("Russia denied Ukrainian drones hit the refinery", "russia", "ukraine"),
    ("Even pro-regime sources are denying ISIS abducted 300 people in Deir Ezzor", ANY, "islamic-state"),
    ("Amaq denies the Tanf crossing fell to tribal fighters, says IS still holds it", "islamic-state", ANY),
    ("Assad media denies mortars hit Latakia", ANY, ANY),
    ("The army said the video of the strike on the school was fake.", ANY, ANY),
    ("Reports by regime media that the army now controls Khanasir in south Aleppo, an IS held town, are untrue.",
     ANY, ANY),
])
def test_the_event_denied(classifier: Classifier, text: str, speaker: Any, subject: Any) -> None:
    check(denials(classifier, text), (speaker, subject, "event"))


# -- the figures denied --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("The US military said there were no casualties in the drone attack on the base.", "united-states"),
    ("The Israeli army said the toll given by the Hamas health ministry was inflated.", "israel"),
    ("Russia's defence ministry said Ukrainian figures for the strike were exaggerated.", "russia"),
    ("Hezbollah denied that any of its fighters were killed in the Israeli strike.", "hezbollah"),
    ("The Nigerian army denied that any soldiers were killed in the ambush.", "nigeria"),
    ("The Pentagon said no American troops were hurt in the attack the militia claimed.", "united-states"),
    ("Amaq denied that the commander had been killed in the air strike.", "islamic-state"),
    ("Israel disputed the death toll given by the health ministry in Gaza.", "israel"),
    ("Russia said the Ukrainian death toll figures were inflated.", "russia"),
    ("Hezbollah denied Israeli claims that five of its fighters were killed in the strike.", "hezbollah"),
    ("IS sources deny Baghdadi was wounded in the air strike", "islamic-state"),
    ("Amaq: news of the death of the IS commander in Raqqa is false", "islamic-state"),
    ("Pentagon: Reports that US troops were killed in Syria are 'false'", "united-states"),
    ("IS says reports of leader's death 'lies'", "islamic-state"),
    ("Hezbollah said none of its fighters were killed in the strike.", "hezbollah"),
    ("Iraq's defence ministry said the death toll claimed by the rebels was inflated.", "iraq-government"),
])
def test_the_figures_denied(classifier: Classifier, text: str, speaker: str) -> None:
    check(denials(classifier, text), (speaker, ANY, "figures"))


# -- the place denied ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Jordan said the attack happened in Syria, not in Jordan.", "jordan-government"),
    ("The Jordanian government said the drone strike took place outside its territory.", "jordan-government"),
    ("Jordan denied that the strike took place on Jordanian soil.", "jordan-government"),
    ("The attack took place in Syria, not Jordan, a Jordanian government spokesman said.", "jordan-government"),
    ("Jordan insisted the strike hit a post outside the kingdom, across the border in Syria, not on Jordanian soil.",
     "jordan-government"),
])
def test_the_place_denied(classifier: Classifier, text: str, speaker: str) -> None:
    check(denials(classifier, text), (speaker, ANY, "location"))


# -- other speech verbs and word orders ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Iran rejected as baseless the US allegations about the attack on the tanker.",
    "Iran called the US allegations about the tanker attack absurd.",
    "Iran called the US accusations over the tanker attack baseless.",
    "The US allegations about the tanker attack are lies, Iran said.",
    "According to Iran, the US allegations about the tanker attack are baseless.",
    "Iran's foreign ministry branded the claims of its role in the attack as propaganda.",
    "Tehran categorically rejected on Monday the allegations of a role in the tanker attack.",
])
def test_iran_denies_in_many_orders(classifier: Classifier, text: str) -> None:
    check(denials(classifier, text), ("iran-government", ANY, ANY))


# -- none: the same words about something else ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Israel denied entry to a UN envoy after the strike on the school.",
    "The court denied bail to the man accused of the bombing.",
    "Residents were denied access to the bombed neighbourhood for three days.",
    "The ministry denied rumours of a rise in bread prices.",
    "The palace denied reports that the minister would be appointed ambassador.",
    "No group has claimed responsibility for the blast.",
    "The Pentagon did not immediately respond to a request for comment on the strike.",
    "Iran did not immediately comment on the attack on the tanker.",
    "Israel rejected calls for a ceasefire after the strikes on Gaza.",
    "Netanyahu rejected international pressure to halt the offensive in Rafah.",
    "The US denied visas to Iranian officials after the attack.",
    "Aid groups said Israel was denying food and fuel to civilians in Gaza.",
    "Hezbollah rejected the ceasefire proposal on Sunday.",
    "The minister dismissed the army chief after the attack on the barracks.",
    "Iraq's prime minister dismissed the commander of the base after the rocket attack.",
    "Kyiv denied that talks with Moscow were planned.",
    "The company denied that its software was used in the hack.",
    "Officials did not deny that the drone that hit the base was American.",
    "Nobody disputes that the strike killed civilians.",
    "The minister said the reports of a cabinet reshuffle were false.",
    "Rebels denied the government's request to hand over the prisoners.",
    "The Ahrar al-Sham spokesman denied any alliance with al-Nusra near Damascus.",
    "The claim that the missile was fired from Yemen could not be independently verified.",
    "The rocket fell in an open area and not in a residential neighbourhood, the army said.",
    "Civilians not involved in the fighting were killed in the strike.",
    "wonder why Assad dont bomb the IS areas, he would kill many civilians",
    "The army wishes it never launched that campaign, too late now after the attacks",
    "The victims were civilians, not Hamas fighters, the ministry said.",
    "The missile hit a building in the north of the city, not far from the port, witnesses said.",
    "The gunmen were not wearing uniforms, witnesses said.",
    "The news of the ceasefire is false, the minister said.",
    "The chief executive denied prior knowledge of the accounting fraud.",
    "There was no US involvement in the talks, the official said.",
    "It was a lie, he said of the price rise after the strikes.",
    "It is hard to deny that the drone attack was a turning point.",
    "There is no denying that the strikes killed civilians.",
    "Families were denied the chance to bury victims of the strike.",
    "Israel denied entry to journalists who were killed trying to reach the border.",
    "The minister denied that fuel prices had hit a record after the strikes.",
    "Israel denied journalists access to the bombed hospital.",
    "Israel denied the UN access to the site of the strike.",
    "Hamas denied the wounded hostages medical care after the raid.",
    "The company disowned the statement after the attack.",
    "China could use the tool to amplify hacking operations, which Beijing has denied.",
    "Bahrain denies the news that it is ready to send ground troops to Syria to fight ISIS",
    "Egypt goes on killing innocents, who denies that its leader is a terrorist.",
    "The row came amid a simmering dispute over allegations that agents were behind the murder of an activist.",
    "US and Iraqi officials said the rocket attack on the embassy caused minor damage but no casualties.",
    "The Foreign Office dismissed two diplomats after the embassy attack.",
])
def test_the_same_words_about_something_else_are_none(classifier: Classifier, text: str) -> None:
    assert denials(classifier, text) == []


def test_no_injuries_after_a_claim_is_its_figures_denied(classifier: Classifier) -> None:
    text = "The Houthis said they hit the ship, but the Pentagon said there were no injuries."
    assert denials(classifier, text) == [("united-states", "houthis", "figures")]


def test_disclaimed_responsibility_is_no_claim(classifier: Classifier) -> None:
    assert stance_set(classifier, "The Taliban disclaimed responsibility for the bombing.") == {"denial"}


def test_said_they_had_not_attacked_is_no_claim(classifier: Classifier) -> None:
    assert stance_set(classifier, "The Houthis said they had not attacked any ship in the Red Sea.") == {"denial"}


def test_news_of_its_own_attack_called_fabricated_is_no_claim(classifier: Classifier) -> None:
    text = "#Ahrar spokesman: the news about our fighters attacking the checkpoint is fabricated"
    assert stance_set(classifier, text) == {"denial"}


def test_no_strikes_conducted_is_no_claim(classifier: Classifier) -> None:
    text = "The US military has not conducted any strikes in the area, a spokesman said."
    assert stance_set(classifier, text) == {"denial"}


def test_a_claim_inside_a_denial_is_no_claim(classifier: Classifier) -> None:
    assert stance_set(classifier, "The Houthis rejected as false US claims that they attacked the tanker.") == {
        "denial"}


def test_an_unverified_claim_stays_a_claim(classifier: Classifier) -> None:
    text = "The Islamic State claimed the bombing in Kabul, a claim that could not be independently verified."
    assert stance_set(classifier, text) == {"claim"}


def test_a_neutral_report_of_no_injuries_is_none(classifier: Classifier) -> None:
    assert denials(classifier, "Two rockets struck near the base on Sunday, causing no injuries.") == []


# --- "X denies Y claim it bombed the hospital": the strike Y reports is X's, a claimant does not claim a hospital

@pytest.mark.parametrize("text, denier", [
    ("Israel refutes Hamas claim it shelled the Nasser hospital.", "israel"),
    ("Russia denies Ukrainian claim that it bombed a school in Kherson.", "russia"),
])
def test_it_after_a_claim_about_a_spared_target_is_the_denier(classifier: Classifier, text: str, denier: str) -> None:
    [(speaker, subject, _)] = denials(classifier, text)
    assert (speaker, subject) == (denier, denier)


def test_it_after_a_claim_about_a_military_target_is_the_claimant(classifier: Classifier) -> None:
    [(speaker, subject, _)] = denials(classifier, "Israel denied Hezbollah's claim that it destroyed a tank near Metula.")
    assert (speaker, subject) == ("israel", "hezbollah")


def test_rejecting_a_claim_about_partnerships_struck_is_no_denial(classifier: Classifier) -> None:
    text = ("China's assertiveness is pushing other countries to strike new partnerships with the US, the Pentagon's "
            "No. 2 official said, rejecting Beijing's claim that the US push to deepen ties is destabilizing the region.")
    assert denials(classifier, text) == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Iran said UK interests could be affected, but denied any role in the attack on the tanker.", "iran-government"),
    ("The Pentagon said Iraq had been informed, but denied that US jets struck the hospital.", "united-states"),
])
def test_the_subject_of_said_denies_not_the_party_inside_its_clause(classifier: Classifier, text: str,
                                                                   speaker: str) -> None:
    assert [d[0] for d in denials(classifier, text)] == [speaker]


@pytest.mark.parametrize(("text", "who"), [
    ("US downs armed drone near its troops in Syria\nTurkey's defence ministry says the device did not belong to the "
     "country's armed forces.", "turkey"),
    ("Hezbollah said the drone that struck the convoy did not belong to the group.", "hezbollah"),
])
def test_a_weapon_that_did_not_belong_to_its_forces_is_a_denial(classifier: Classifier, text: str, who: str) -> None:
    assert denials(classifier, text) == [(who, who, "responsibility")]


@pytest.mark.parametrize(("text", "expected"), [
    # the passive's agent denied: the party after "by" is cleared, the reporter denies (no blame of it)
    ("The raid on the cargo ship off Aden was not carried out by the Houthis, the Pentagon said on Monday.",
     [("united-states", "houthis", "responsibility")]),
    ("US officials said the rockets were never fired by Kataib Hezbollah.",
     [("united-states", "kataib-hezbollah", "responsibility")]),
    # no party after "by": nothing is denied
    ("The strikes were not carried out by drones, the ministry said.", []),
])
def test_an_agent_denied_after_not_carried_out_by(classifier: Classifier, text: str,
                                                  expected: list[tuple[str, str, str]]) -> None:
    assert denials(classifier, text) == expected
    assert "attribution" not in stance_set(classifier, text)


# --- "denied a claim by X that the group carried out ...": the claimant's own deed is denied, the event

@pytest.mark.parametrize(("text", "expected"), [
    ("The Pentagon denied a claim by the Houthis that they carried out a drone strike on a US destroyer.",
     [("united-states", "houthis", "event")]),
    ("The Royal Navy rejected a claim by Yemen's Iran-aligned Houthi movement that the militia carried out a missile "
     "strike on a British frigate.", [("united-kingdom", "houthis", "event")]),
    ("Hapag-Lloyd on Tuesday denied a claim by the Iran-backed Houthis that the group carried out a drone attack "
     "on one of its ships.", [("hapag-lloyd", "houthis", "event")]),
    # an accusation aimed at the denier is still its own role denied
    ("The Pentagon denied accusations by Iraq that it carried out the strike on the base.",
     [("united-states", "united-states", "responsibility")]),
    # "the group" denying reports of its own deed
    ("Kataib Hezbollah denied reports that the group carried out the attack on the base.",
     [("kataib-hezbollah", "kataib-hezbollah", "responsibility")]),
])
def test_a_denied_claim_of_the_claimant_s_own_deed_is_the_event_denied(
        classifier: Classifier, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert denials(classifier, text) == expected


def test_a_claim_by_x_that_they_struck_a_us_ship_is_no_blame_of_the_us(classifier: Classifier) -> None:
    text = "The Pentagon denied a claim by the Houthis that they struck a US destroyer."
    assert denials(classifier, text) == [("united-states", "houthis", "event")]
    assert "attribution" not in stance_set(classifier, text)
    # an accusation by X that another party's jets struck stays X's blame
    assert "attribution" in stance_set(classifier, "The Pentagon dismissed claims by Kataib Hezbollah that US jets struck its base.")


# -- deeds denied with verbs of their own: kidnapping, a massacre committed, chemical weapons used ---

@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ("Jabhat al-Nusra did not kidnap any villagers in Kafr Nabl, the Syrian Observatory said.", "sohr", ANY),
    ("The Syrian Observatory said the Islamic State did not commit a massacre in the town of Sukhnah.", "sohr",
     "islamic-state"),
    ("Hezbollah said it never abducted the two soldiers near the border.", "hezbollah", "hezbollah"),
    ("The Syrian government says it has never used chemical weapons in Ghouta.", "syria-government", ANY),
])
def test_a_deed_denied_with_its_own_verb(classifier: Classifier, text: str, speaker: str, subject: Any) -> None:
    got = denials(classifier, text)
    assert len(got) == 1 and got[0][0] == speaker and (subject is ANY or got[0][1] == subject), got


# -- "contrary to reports", "despite claims", "no evidence": the reports opposed -------------------

@pytest.mark.parametrize(("text", "kind"), [
    ("Contrary to reports from the rebels, the town of Tal Rifaat has not been captured by the army.", "event"),
    ("Contrary to Houthi claims, no American warship was hit in the Red Sea, the Pentagon said.", "event"),
    ("The army said there were no casualties among its soldiers despite Houthi claims of a direct hit.", "figures"),
    ("The Kremlin said there was no evidence of a chemical attack in Saraqib.", "event"),
    ("The Pentagon said it has seen no evidence that Iran was behind the attack on the tanker.", "responsibility"),
])
def test_reports_set_against_a_negation_are_denied(classifier: Classifier, text: str, kind: str) -> None:
    got = denials(classifier, text)
    assert len(got) == 1 and got[0][2] == kind, got


def test_no_evidence_of_a_role_is_no_blame(classifier: Classifier) -> None:
    text = "US officials said there is no evidence that Iran was behind the attack on the tanker."
    assert {st.stance for st in classifier.classify(text, None, None, None, learned=False).statements} == {"denial"}


def test_no_rockets_fired_is_the_event_denied(classifier: Classifier) -> None:
    got = denials(classifier, "Hezbollah's media office said no rockets were fired from southern Lebanon.")
    assert [(g[0], g[2]) for g in got] == [("hezbollah", "event")]


def test_ukrainian_claims_of_retaking_a_village_called_false(classifier: Classifier) -> None:
    got = denials(classifier, "Moscow says Ukrainian claims of retaking Klishchiivka are false.")
    assert [(g[0], g[2]) for g in got] == [("russia", "event")]


@pytest.mark.parametrize("text", [
    "The Houthis claimed the attack on the ship but offered no evidence.",
    "The group published a video of the strike but provided no evidence of casualties.",
    "While there is no direct evidence linking Iran to the attack, officials suspect a role.",
    "Contrary to reports, the minister will attend the summit in Cairo.",
    "The court said the men did not commit the fraud they were charged with.",
])
def test_no_evidence_and_contrary_to_without_a_denial_are_none(classifier: Classifier, text: str) -> None:
    assert denials(classifier, text) == []


def test_its_own_fighters_killed_in_the_active_voice_is_the_figures(classifier: Classifier) -> None:
    text = "The Houthis said reports that the US strikes killed dozens of their fighters were false."
    assert [g[2] for g in denials(classifier, text)] == ["figures"]


def test_reports_that_its_fighters_killed_soldiers_is_not_its_toll(classifier: Classifier) -> None:
    text = "The Houthis said reports that their fighters killed five Saudi soldiers near Jizan were false."
    assert [g[2] for g in denials(classifier, text)] == ["responsibility"]


# -- an attack unknown to the denier, a town that has not fallen, a staged provocation ---------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("The IDF said it was not aware of any strike in the area of Khan Yunis at the time.", "israel"),
    ("The Israeli military said it had no record of a raid in the village that night.", "israel"),
    ("Ukraine's general staff said the town of Vuhledar has not fallen.", "ukraine"),
    ("Kyiv said Chasiv Yar has not been captured by Russian forces.", "ukraine"),
    ("Moscow called the reports of a strike on the market in Kramatorsk a staged provocation.", "russia"),
    ("The Russian defence ministry called the gas attack in the town a hoax.", "russia"),
])
def test_the_event_denied_by_other_words(classifier: Classifier, text: str, speaker: str) -> None:
    assert [(g[0], g[2]) for g in denials(classifier, text)] == [(speaker, "event")]


@pytest.mark.parametrize("text", [
    "Police said the assailant has not been captured after the stabbing attack in the city.",
    "Those who went forth have not fallen into temptation, the preacher said of the fighters.",
    "Iran called the strike on its consulate a provocation that will not go unanswered.",
    "There was no indication of who carried out the attack, the police said.",
])
def test_an_uncaught_attacker_or_a_condemnation_is_no_denial(classifier: Classifier, text: str) -> None:
    assert denials(classifier, text) == []


@pytest.mark.parametrize("text", [
    "The Houthis said they targeted a US destroyer in the Red Sea. The Pentagon said no ship was hit.",
    "Houthis say they struck a US warship, Pentagon says no ship hit",
])
def test_nothing_hit_answers_a_claim_with_a_denial_of_its_damage(classifier: Classifier, text: str) -> None:
    got = denials(classifier, text)
    check(got, ("united-states", "houthis", "figures"))


# -- the attack's agent denied: "was not caused by an Israeli strike" ---------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("Israel said the blast at the hospital was not caused by an Israeli strike.", "israel"),
    ("The Pentagon said the explosion at the depot was not the result of a US airstrike.", "united-states"),
])
def test_a_blast_not_caused_by_its_own_strike_is_its_denial_not_its_claim(
        classifier: Classifier, text: str, speaker: str) -> None:
    assert stance_set(classifier, text) == {"denial"}
    check(denials(classifier, text), (speaker, speaker, "responsibility"))


def test_no_proof_that_the_attack_took_place_denies_the_event(classifier: Classifier) -> None:
    result = classifier.classify("The Kremlin said there was no proof that a chemical attack took place in Douma.")
    assert [(s.stance, s.speaker.id if s.speaker else None, s.denial_of) for s in result.statements] == [
        ("denial", "russia", "event")]


def test_no_member_of_the_coalition_struck_is_a_denial_not_a_claim(classifier: Classifier) -> None:
    text = "No member of the US-led coalition carried out strikes near Albu Kamal, CENTCOM said."
    assert stance_set(classifier, text) == {"denial"}


@pytest.mark.parametrize(("text", "speaker", "kind"), [
    ("IS claimed the bombing in Kabul, but the Taliban said the reports were false.", "taliban", "event"),
    ("Hezbollah claimed the attack, but Israel said no soldiers were hurt.", "israel", "figures"),
])
def test_the_speaker_of_a_but_clause_denies(classifier: Classifier, text: str, speaker: str, kind: str) -> None:
    # the first speech verb of the sentence ("claimed") is not the one the denial's clause reports
    check(denials(classifier, text), (speaker, ANY, kind))
