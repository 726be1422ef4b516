"""The structures the classifier reads before it reads words: sentences, reported speech, a
state's own voice, relayed communiqués, negation and modality, speaker carry-over, datelines and
places as written. Sentences written for these tests by the project."""

from __future__ import annotations

from typing import Any

import pytest

from classifiers.classify import Classifier
from classifiers.normalize import normalize
from classifiers.sentences import clean_body, split_sentences


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier()


def read(classifier: Classifier, text: str, source_actor: str | None = None) -> list[tuple[Any, ...]]:
    """(stance, speaker id, subject id, denial kind, place as the contract shows it) per statement."""
    result = classifier.classify(text, None, None, source_actor)
    return [(st.stance, st.speaker.id if st.speaker else None, st.subject.id if st.subject else None, st.denial_of,
             st.contract_dict()["place"]) for st in result.statements]


# -- sentences -------------------------------------------------------------------------------

def test_an_ellipsis_does_not_end_a_sentence() -> None:
    text = "The Iraqi government denied claims that its forces struck the convoy... the statement added."
    assert split_sentences(text) == [text]


def test_a_feed_that_lost_its_spaces_still_has_two_sentences() -> None:
    assert split_sentences("Jets struck a depot in the north.The army said two launchers were hit.") == [
        "Jets struck a depot in the north", "The army said two launchers were hit."]


def test_text_without_arabic_letters_is_split_where_the_general_pattern_splits_it() -> None:
    # split_sentences reads such text with a pattern written to open on a character set: the same splits
    from classifiers.sentences import _SENTENCE, _SENTENCE_LATIN
    texts = ["Jets struck.The army said.  \n\tIt fired... Then: \"more\" ... After Col. Smith said. 9 hit",
             "A . B .. C ... D …. E!  F?\tG;  H)  .I   J     K’. L”. M\n\n\nN", ".  ? !\t\t. . x.Yz 0.Ab"]
    for text in texts:
        assert _SENTENCE_LATIN.split(text) == _SENTENCE.split(text)


def test_a_dateline_is_not_the_story() -> None:
    assert clean_body("BEIRUT (Reuters) — Hezbollah said it fired rockets.") == "Hezbollah said it fired rockets."
    assert clean_body("WASHINGTON: The Pentagon said ...") == "The Pentagon said ..."
    # a speaker before a colon is no dateline
    assert clean_body("Hezbollah: our fighters targeted a tank") == "Hezbollah: our fighters targeted a tank"


def test_a_link_line_glued_to_a_posts_headline_is_no_part_of_it(classifier: Classifier) -> None:
    assert clean_body("Armed cell struck by the IDFMore details") == "Armed cell struck by the IDF\nMore details"
    assert clean_body("Troops operate in northern GazaFull press release") == "Troops operate in northern Gaza\nFull press release"
    # words that only begin like it are left alone
    assert clean_body("Readmore Moreover Fuller") == "Readmore Moreover Fuller"
    text = "08:15IDF troops continue to operate in the Gaza Strip: Armed terrorists struck by the IDFMore Details"
    assert [st[:3] for st in read(classifier, text, source_actor="israel")] == [("claim", "israel", "israel")]


def test_a_dateline_city_is_not_the_place_of_the_attack(classifier: Classifier) -> None:
    got = read(classifier, "BAGHDAD (AP) — The Islamic Resistance in Iraq said it struck the Harir base with drones.")
    assert got == [("claim", "islamic-resistance-in-iraq", "islamic-resistance-in-iraq", None, "Harir Air Base")]


def test_english_possessives_name_the_party() -> None:
    assert normalize("Hezbollah’s attacks on Yemen's coast") == "hezbollah attacks on yemen coast"


# -- reported speech -------------------------------------------------------------------------

def test_x_says_y_struck_is_a_blame_of_y_by_x(classifier: Classifier) -> None:
    assert read(classifier, "Iran says Israel struck a building near Damascus airport overnight.") == [
        ("attribution", "iran-government", "israel", None, "Damascus International Airport")]


def test_x_said_it_struck_is_a_claim_by_x(classifier: Classifier) -> None:
    assert read(classifier, "Hezbollah said it struck an Israeli army position near Metula with guided missiles.") == [
        ("claim", "hezbollah", "hezbollah", None, "Metula")]


def test_a_headline_ending_with_its_source_names_the_speaker(classifier: Classifier) -> None:
    assert read(classifier, "Houthis fired a missile at a US warship in the Red Sea – Pentagon") == [
        ("attribution", "united-states", "houthis", None, "Red Sea")]  # the Pentagon speaks for its state


def test_the_outlets_own_voice_is_no_statement(classifier: Classifier) -> None:
    assert read(classifier, "An Israeli strike killed 10 people in Gaza on Tuesday.") == []
    assert read(classifier, "Hezbollah positions were struck overnight near the border.") == []


def test_a_reporting_verb_before_another_clause_does_not_make_its_subject_the_doer(classifier: Classifier) -> None:
    """"Jordan says attack was in Syria": Jordan reports, it does not attack."""
    got = read(classifier, "Tower 22: Jordan says attack was in Syria; Iran denies role")
    assert all(st[0] != "claim" for st in got)


# -- a state's or army's own voice -------------------------------------------------------------

def test_an_army_channel_announcing_its_strike_is_its_claim(classifier: Classifier) -> None:
    text = "IDF fighter jets struck a Hezbollah launch post in the area of Aitaroun in southern Lebanon."
    assert read(classifier, text, source_actor="israel") == [("claim", "israel", "israel", None, "Aitaroun")]
    # the same words from an unknown channel are a report, not a claim
    assert read(classifier, text) == []


def test_a_victim_count_on_an_official_channel_is_no_claim(classifier: Classifier) -> None:
    text = "Three service members were killed and 25 wounded in a one-way attack drone strike on a base in Jordan."
    assert read(classifier, text, source_actor="centcom") == []


def test_a_states_action_in_the_outlets_voice_is_its_claim_when_it_speaks_too(classifier: Classifier) -> None:
    text = "US strikes Iran-backed militia sites in Syria\nThe strikes were in response to attacks on US troops, the Pentagon said."
    assert [st[:3] for st in read(classifier, text)] == [("claim", "united-states", "united-states")]
    assert read(classifier, "US strikes Iran-backed militia sites in Syria") == []


@pytest.mark.parametrize("tail", [
    "The Pentagon says the depots were used by Iran's proxies.",
    "The depots were used by Iran's proxies, according to the Pentagon.",
    "The depots were used by Iran's proxies, said the Pentagon.",
    "The news, confirmed by the Pentagon on Sunday, came as talks with Baghdad went on.",
])
def test_a_states_action_is_its_claim_when_it_speaks_of_anything_else(classifier: Classifier, tail: str) -> None:
    text = f"US forces struck two depots in eastern Syria. {tail}"
    assert [st[:3] for st in read(classifier, text)] == [("claim", "united-states", "united-states")]


def test_a_state_named_after_someone_elses_says_does_not_speak(classifier: Classifier) -> None:
    got = read(classifier, "A rebel commander says US airstrikes helped his men take the town from ISIS.")
    assert not any(st[0] == "claim" for st in got)


# -- relayed communiqués and claim verbs -----------------------------------------------------------

def test_a_relayed_communique_is_the_groups_claim(classifier: Classifier) -> None:
    got = read(classifier, "#AmaqAgency 12 apostates killed in an attack by soldiers of the Caliphate on their checkpoint")
    assert [st[:3] for st in got] == [("claim", "islamic-state", "islamic-state")]


def test_every_inflection_of_claim_with_any_attack_verb(classifier: Classifier) -> None:
    assert read(classifier, "ISIS claims to have captured the village of Tal Shair after two days of fighting.") == [
        ("claim", "islamic-state", "islamic-state", None, "Tal Shair")]
    assert [st[0] for st in read(classifier, "The car bombing in Kirkuk was claimed by Islamic State.")] == ["claim"]


def test_a_strike_that_claimed_lives_is_no_claim(classifier: Classifier) -> None:
    got = read(classifier, "The Israeli strike claimed the lives of four civilians, Hamas said.")
    assert "claim" not in [st[0] for st in got]


# -- negation and modality --------------------------------------------------------------------

def test_negated_and_absent_claims(classifier: Classifier) -> None:
    assert read(classifier, "No group has claimed the bombing in Kirkuk.") == []
    assert read(classifier, "لم تتبن أي جهة الهجوم على القاعدة حتى الآن.") == []
    assert read(classifier, "Hezbollah will strike Israel if the attacks on Lebanon continue, its leader warned.") == []


@pytest.mark.parametrize(("text", "kind"), [
    ("None of our forces took part in the raid on the village, the Iraqi government said.", "responsibility"),
    ("Kataib Hezbollah said it had nothing to do with the attack.", "responsibility"),
    ("The Iraqi government denied claims that its forces struck the convoy... the statement added.", "responsibility"),
    # the kind is read from whole words: "inflation" is not "inflated"
    ("The Pentagon said reports of an attack on its base were false, amid worries about inflation.", "event"),
])
def test_denials_and_their_kind(classifier: Classifier, text: str, kind: str) -> None:
    got = read(classifier, text)
    assert [(st[0], st[3]) for st in got] == [("denial", kind)]


def test_a_denied_death_that_is_not_an_attack_is_no_denial(classifier: Classifier) -> None:
    assert read(classifier, "نجل الفنان ينفي خبر وفاة والده") == []


# -- speaker carried across sentences --------------------------------------------------------------

def test_the_speaker_of_a_pronoun_is_the_party_of_the_sentence_before(classifier: Classifier) -> None:
    text = "The Islamic Resistance in Iraq issued a statement on Sunday.\nIt said its drones struck the US base at Ain al-Asad."
    assert read(classifier, text) == [
        ("claim", "islamic-resistance-in-iraq", "islamic-resistance-in-iraq", None, "Ain al-Asad")]


# -- places as written -----------------------------------------------------------------------

def test_a_place_the_gazetteer_does_not_know_is_shown_as_written_and_never_links(classifier: Classifier) -> None:
    result = classifier.classify("ISIS claimed responsibility for a suicide attack in the village of Kfar Zeita.")
    (st,) = result.statements
    assert st.place is None and st.place_written == "Kfar Zeita"
    assert st.contract_dict()["place"] == "Kfar Zeita"


def test_a_name_inside_an_actors_name_is_not_a_place(classifier: Classifier) -> None:
    (st,) = classifier.classify("The Islamic Resistance in Iraq claimed responsibility for a drone attack.").statements
    assert st.place is None and st.place_written is None


# -- Arabic morphology ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # «تبنى» is a claim only when what is adopted is an attack; the clitic و and the pronoun
    # suffix («وتبناه») still make the verb
    ("لقد أكثر الرئيس من التغريد ضد سلفه , ولكنه عمليا تبنى سياسته .", []),
    ("وقع انفجار في مدينة الرمادي وتبناه تنظيم الدولة الإسلامية .",
     [("claim", "islamic-state", "islamic-state", None, "Ramadi")]),
    ("تبنى تنظيم الدولة الإسلامية الهجوم على حاجز للجيش في بلدة الحويجة .",
     [("claim", "islamic-state", "islamic-state", None, "Hawijah")]),
    ("ورفضت الحكومة العراقية الاتهامات بشأن قصف الرتل قرب القائم .",
     [("denial", "iraq-government", "iraq-government", "responsibility", "Al-Qaim")]),
    # reported speech in Arabic: «قال X إن Y أطلق» (the «أن/إن» that opens the report is no modality)
    ("وقال الجيش الإسرائيلي إن حزب الله أطلق صواريخ على شمال إسرائيل .",
     [("attribution", "israel", "hezbollah", None, "northern Israel")]),
    ("وأعلنت الولايات المتحدة أن قواتها نفذت ضربات على مواقع لكتائب حزب الله في العراق .",
     [("claim", "united-states", "united-states", None, None)]),
])
def test_arabic_clitics_suffixes_and_objects(classifier: Classifier, text: str, expected: list[tuple[Any, ...]]) -> None:
    assert read(classifier, text) == expected


def test_a_finer_place_written_before_a_known_city_is_shown_and_the_city_links(classifier: Classifier) -> None:
    (st,) = classifier.classify("Islamic State claimed responsibility for an attack in the village of Bashir near Kirkuk.").statements
    assert st.place is not None and st.place.id == "kirkuk"  # what incident linking uses
    assert st.contract_dict()["place"] == "Bashir"  # what the statement names most precisely


def test_a_village_ending_in_i_is_no_demonym(classifier: Classifier) -> None:
    text = "IDF fighter jets struck Hezbollah command centers in the area of Mansouri in southern Lebanon."
    assert read(classifier, text, source_actor="israel") == [("claim", "israel", "israel", None, "Mansouri")]


def test_words_between_a_denial_verb_and_its_object(classifier: Classifier) -> None:
    assert read(classifier, "Iran rejected on Monday any role in the drone attack on the US base.") == [
        ("denial", "iran-government", "iran-government", "responsibility", None)]


def test_a_victims_own_count_is_no_claim_and_the_strike_is_blamed(classifier: Classifier) -> None:
    assert read(classifier, "Hezbollah says one of its fighters was killed in an Israeli strike.") == [
        ("attribution", "hezbollah", "israel", None, None)]


def test_responsibility_laid_at_the_door_of(classifier: Classifier) -> None:
    text = "Responsibility for the rocket attack was laid at the door of Kataib Hezbollah, US officials said."
    assert read(classifier, text) == [("attribution", "united-states", "kataib-hezbollah", None, None)]


def test_a_town_named_like_an_attack_word_is_no_attack() -> None:
    """"the city of Hit" is a town in Anbar: a province's media post touring it claims nothing."""
    text = "#WilayatAlAnbar\nA walk through the old market in the city of Hit. 📷"
    assert [s.stance for s in Classifier().classify(text, source="x.com/somesupporter").statements] == []
    claim = Classifier().classify("Islamic State fighters hit an army convoy near Hit.")
    assert [s.stance for s in claim.statements] == ["claim"]


def test_a_tab_ends_a_sentence() -> None:
    # a record whose fields are kept apart by tabs (a claim, then the article it came from): the claim's
    # words are not read into the article's first sentence
    text = "The Saif al-Sham Brigades claimed the bombing in Damascus\t\"Local news: clashes in Quneitra"
    assert split_sentences(text) == ["The Saif al-Sham Brigades claimed the bombing in Damascus",
                                     "\"Local news: clashes in Quneitra"]


def test_a_claim_field_keeps_its_own_place(classifier: Classifier) -> None:
    text = ("أصدر فصيل ألوية سيف الشام بيانا يعلن فيه تبنيه لعملية التفجير التي استهدفت الزوار في دمشق\t"
            "\"معارك في الشيخ مسكين بدرعا")
    assert read(classifier, text) == [("claim", "saif-al-sham-brigades", "saif-al-sham-brigades", None, "Damascus")]
