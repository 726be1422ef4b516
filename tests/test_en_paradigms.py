"""English wording paradigms, one family per test: every inflection and word order of a claim,
a blame and a denial as news wires, official channels and relays write them. Each sentence is
written for this test by the project (none is copied from a corpus): the paradigms transfer to
real text where single fixes did not (README, "Judgement on real text")."""

from __future__ import annotations

import pytest

from classifiers.classify import Classifier

from .helpers import stances


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(learned=False)


found = stances


@pytest.mark.parametrize(("text", "who"), [
    ("In a statement posted on Telegram, IS said its militants had ambushed an army patrol.", "islamic-state"),
    ('Turkey said it had "neutralised" 15 PKK militants in air strikes in northern Iraq.', "turkey"),
    ("Britain said its jets had joined strikes on Houthi targets in Yemen.", "united-kingdom"),
    ("Hayat Tahrir al-Sham said its fighters captured the town after a night of clashes.", "hayat-tahrir-al-sham"),
    ("The Houthis confirmed their naval forces fired missiles at the tanker.", "houthis"),
])
def test_a_party_saying_its_own_forces_struck_claims_it(classifier: Classifier, text: str, who: str) -> None:
    assert ("claim", who, who) in found(classifier, text)


def test_an_armed_groups_spokesman_naming_the_group_claims_for_it(classifier: Classifier) -> None:
    got = found(classifier, "The Houthi military spokesman, Yahya Saree, said the group targeted a US destroyer.")
    assert got == {("claim", "houthis", "houthis")}


def test_a_state_saying_the_group_attacked_blames_it(classifier: Classifier) -> None:
    # the same words from another party are no claim of that party
    got = found(classifier, "The Pentagon said the group targeted a US destroyer.")
    assert not any(stance == "claim" for stance, _, _ in got)


@pytest.mark.parametrize("text", [
    "The Lebanese health ministry said an Israeli strike on a car killed three people.",
    "Lebanon's health ministry said Israeli strikes killed three people.",
    "An Israeli strike on a car killed three people, Lebanon's health ministry said.",
])
def test_a_states_ministry_named_with_its_portfolio_speaks_for_the_state(classifier: Classifier, text: str) -> None:
    # not Israel's claim: the Lebanese ministry blames Israel
    assert found(classifier, text) == {("attribution", "lebanon", "israel")}


@pytest.mark.parametrize("text", [
    "Rescue workers said the Russian raids hit a market in Idlib.",
    "Medics said the Russian raids hit a market in Idlib.",
])
def test_a_doer_named_after_someone_elses_speech_verb_does_not_speak(classifier: Classifier, text: str) -> None:
    assert ("claim", "russia", "russia") not in found(classifier, text)


def test_said_before_its_subject_still_reads_the_speaker_after_it(classifier: Classifier) -> None:
    got = found(classifier, 'Three soldiers were killed in the attack on the base by Kataib Hezbollah, '
                            'said the Pentagon.')
    assert ("attribution", "united-states", "kataib-hezbollah") in got


@pytest.mark.parametrize(("text", "blamed"), [
    ("Iran blamed Israel for the killing of a senior Revolutionary Guards adviser in Damascus.", "israel"),
    ("Iran blamed Israel for the assassination of a senior adviser in Damascus.", "israel"),
    ("Tehran vowed revenge after accusing Israel of killing the general.", "israel"),
])
def test_a_blame_for_a_killing_of_someone_is_a_blame(classifier: Classifier, text: str, blamed: str) -> None:
    assert found(classifier, text) >= {("attribution", "iran-government", blamed)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Iraq condemned the Turkish strike in Sulaimaniya.", ("attribution", "iraq-government", "turkey")),
    ("Iraq's foreign ministry condemned a Turkish drone strike in Sulaimaniya that killed four people.",
     ("attribution", "iraq-government", "turkey")),
    ("Hamas denounced the Israeli raids on the Jenin camp.", ("attribution", "hamas", "israel")),
    ("Jordan condemned Israel's bombing of the hospital.", ("attribution", "jordan-government", "israel")),
])
def test_a_condemnation_naming_the_doer_blames_it(classifier: Classifier, text: str,
                                                  expected: tuple[str, str, str]) -> None:
    assert expected in found(classifier, text)


@pytest.mark.parametrize("text", [
    "Iraq condemned the attack on Turkish soldiers.",
    "The UN condemned the attack.",
    "Turkey condemned the PKK's recruitment of children.",
])
def test_a_condemnation_naming_a_victim_or_no_one_blames_no_one(classifier: Classifier, text: str) -> None:
    assert found(classifier, text) == set()


@pytest.mark.parametrize("text", [
    "US officials said American forces played no part in the strike.",
    "The Pentagon said US forces had no part in the strike.",
    "The Pentagon said US forces took no part in the air strike on the village.",
])
def test_no_part_in_an_attack_denies_responsibility(classifier: Classifier, text: str) -> None:
    result = classifier.classify(text, None, None, None, learned=False)
    assert [(st.stance, st.speaker and st.speaker.id, st.denial_of) for st in result.statements] == [
        ("denial", "united-states", "responsibility")]


@pytest.mark.parametrize("text", [
    "The Iraqi government said no drone attack took place on the airport.",
    "Iraq's military said no rockets hit the base.",
])
def test_no_attack_took_place_denies_the_event(classifier: Classifier, text: str) -> None:
    result = classifier.classify(text, None, None, None, learned=False)
    assert [(st.stance, st.speaker and st.speaker.id, st.denial_of) for st in result.statements] == [
        ("denial", "iraq-government", "event")]


def test_no_casualties_in_the_attack_denies_the_figures(classifier: Classifier) -> None:
    result = classifier.classify("A Pentagon spokesman said there were no US casualties in the attack.",
                                 None, None, None, learned=False)
    assert [(st.stance, st.denial_of) for st in result.statements] == [("denial", "figures")]


@pytest.mark.parametrize("text", [
    "No group has claimed responsibility for the attack so far.",
    "A car bomb killed 12 people in a market in Baghdad on Sunday.",
    "The minister denied that fuel prices would rise next month.",
    "Hezbollah vowed to respond to the killing of its commander.",
    "Officials blamed the heavy rain for the collapse of the bridge.",
    "The attack claimed the lives of 15 civilians.",
    "Israeli strikes killed 10 people in Rafah, medics said.",
    "There were no casualties, and the road reopened at noon.",
])
def test_what_is_no_statement_stays_none(classifier: Classifier, text: str) -> None:
    assert found(classifier, text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("US charges alleged Hezbollah member over 1994 Buenos Aires bombing", ("attribution", "united-states", "hezbollah")),
    ("French prosecutors charged a suspected Islamic State member for his role in the attack on the concert hall.",
     ("attribution", "france", "islamic-state")),
])
def test_a_states_charge_for_an_attack_blames_the_one_charged(classifier: Classifier, text: str,
                                                               expected: tuple[str, str, str]) -> None:
    assert expected in found(classifier, text)


def test_a_charge_for_no_attack_blames_no_one(classifier: Classifier) -> None:
    assert found(classifier, "Prosecutors charged a Hezbollah financier over money laundering.") == set()


def test_an_attack_credited_to_a_group_described_by_its_backer_blames_the_group(classifier: Classifier) -> None:
    got = found(classifier, "Three US service members were wounded in an attack credited to a militia group "
                            "backed by Iran, the White House said.")
    assert got == {("attribution", "united-states", "iran-backed-militias")}


@pytest.mark.parametrize(("text", "blamed"), [
    ("IDF aircraft struck Hezbollah launch posts from which rockets were fired toward northern Israel earlier today.",
     "hezbollah"),
    ("IDF fighter jets struck a Hezbollah terrorist cell that launched anti-tank missiles at Metula.", "hezbollah"),
    ("The IDF eliminated the Hamas commander who planned the infiltration into Kibbutz Be'eri.", "hamas"),
])
def test_an_armys_post_names_whom_its_strike_answers_in_a_relative_clause(classifier: Classifier, text: str,
                                                                          blamed: str) -> None:
    got = stances(classifier, text, "t.me/idfofficial", "idf")
    assert got == {("claim", "israel", "israel"), ("attribution", "israel", blamed)}


def test_rockets_fired_from_posts_of_nobody_named_are_the_armys_report_only(classifier: Classifier) -> None:
    result = classifier.classify("IDF aircraft struck the posts from which rockets were fired toward Israel.",
                                 None, "t.me/idfofficial", "idf", learned=False)
    assert [st.stance for st in result.statements] == ["claim"]


@pytest.mark.parametrize("text", [
    "#WilayatDijlah Control &amp; Inspection Office confiscates &amp; destroys expired food products.",
    "#WilayatRaqqa: Hisba men burn confiscated cigarettes in the city square",
])
def test_a_provinces_civil_business_is_no_attack(classifier: Classifier, text: str) -> None:
    assert found(classifier, text) == set()


def test_a_participle_with_a_weapon_for_agent_names_the_victim_not_the_doer(classifier: Classifier) -> None:
    # Amaq relays the group's deed; the Iraqi forces own the trucks
    got = found(classifier, "#AmaqNewsAgency #Video shows trucks belonging Iraqi forces destroyed by explosive "
                            "device near Baiji")
    assert got == {("claim", "islamic-state", "islamic-state")}


def test_by_mistake_is_no_agent(classifier: Classifier) -> None:
    got = found(classifier, "An Iraqi army helicopter attacked by mistake a group of Iraqi soldiers north of "
                            "Ramadi, Amaq reported.")
    assert ("attribution", "islamic-state", "iraq-government") in got


def test_a_commanders_first_person_headline_is_his_groups_claim(classifier: Classifier) -> None:
    got = found(classifier, '#FSA commander: "We captured Al-Ra\'i from daesh" after heavy clashes')
    assert got == {("claim", "free-syrian-army", "free-syrian-army")}


def test_an_escaped_ampersand_does_not_cut_a_sentence(classifier: Classifier) -> None:
    # cut at the entity's ";", "Iran &amp" was a sentence of its own naming the place Iran
    result = classifier.classify("Iran &amp; Syria denied any role in the attack.", None, None, None, learned=False)
    assert [(st.stance, st.place) for st in result.statements] == [("denial", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Pentagon spoke to reporters on Monday. It blamed Kataib Hezbollah for the drone attack.",
     {("attribution", "united-states", "kataib-hezbollah")}),
    ("The Israeli military said it struck Hezbollah targets. It added that its jets also hit a weapons depot.",
     {("claim", "israel", "israel")}),
    ("Hezbollah issued a statement on Monday. It said its fighters targeted an Israeli position near Metula.",
     {("claim", "hezbollah", "hezbollah")}),
])
def test_a_pronoun_points_back_to_the_party_that_opened_the_sentence_before(classifier: Classifier, text: str,
                                                                             expected: set[tuple[str, str, str]]) -> None:
    assert found(classifier, text) == expected


def test_the_passives_agent_stands_right_after_by(classifier: Classifier) -> None:
    # "by two car bombs" names no party; the hashtag at the end is no agent
    got = found(classifier, "#ISIS raids on army lines south of Kirkuk were carried out by two car bombs "
                            "and a dozen fighters on foot #Iraq")
    assert not any(stance == "attribution" for stance, _, _ in got)
    assert found(classifier, "The missiles fired by Yemen's Houthi rebels were intercepted, the Pentagon said.") >= {
        ("attribution", "united-states", "houthis")}


def test_executives_are_not_executions(classifier: Classifier) -> None:
    text = ("Regulator ends its suit against a crypto firm\nThe agency agreed to dismiss the allegations against "
            "the firm's executives after losing part of its case")
    assert found(classifier, text) == set()
