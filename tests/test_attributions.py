"""Who blames whom, and who speaks: reported speech, the passive's agent, a state's bodies and
offices, claim verbs that report another's attack, the complement of an accusation. The rules
alone (the learned layer is tested on its own). Sentences written for these tests by the project."""

from __future__ import annotations

from typing import Any

import pytest

from classifiers.classify import Classifier


@pytest.fixture(scope="module")
def rules() -> Classifier:
    return Classifier(learned=False)


def read(classifier: Classifier, text: str) -> set[tuple[Any, ...]]:
    """(stance, speaker id, subject id) per statement."""
    result = classifier.classify(text)
    return {(st.stance, st.speaker.id if st.speaker else None, st.subject.id if st.subject else None)
            for st in result.statements}


def blames(classifier: Classifier, text: str) -> set[tuple[Any, ...]]:
    return {x for x in read(classifier, text) if x[0] == "attribution"}


# -- reported speech and the doer ----------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a blame worded by a rule whose party is only an adjective: the structure still names it
    ("Lebanon says Israeli strike killed two farmers near Naqoura", ("lebanon", "israel")),
    # every inflection of the blame verb reaches the rules
    ("Iraqi authorities said the convoy was ambushed overnight, blaming Kataib Hezbollah.",
     ("iraq-government", "kataib-hezbollah")),
    # "by X's Y": the doer is Y
    ("The Jordanian army said the post was hit in an attack by Yemen's Houthi militia.", ("jordan-government", "houthis")),
    # "launched from" an armed group names it; the official's state speaks
    ("A US official says the missiles were launched from the Houthi movement.", ("united-states", "houthis")),
])
def test_x_reports_that_y_attacked(rules: Classifier, text: str, expected: tuple[str, str]) -> None:
    assert ("attribution", *expected) in blames(rules, text)


@pytest.mark.parametrize("text", [
    "The Pentagon said Kataib Hezbollah attacked the base in Erbil on Tuesday.",
    "Israeli officials said Hezbollah attacked the outpost near Metula.",
])
def test_a_group_s_deed_told_by_another_party_is_its_blame_not_the_group_s_claim(rules: Classifier, text: str) -> None:
    got = read(rules, text)
    assert not any(x[0] == "claim" for x in got), got
    assert any(x[0] == "attribution" for x in got), got


@pytest.mark.parametrize("text", [
    "Kurdish officials said Turkish forces shelled a village near Duhok overnight.",
    "Palestinian officials said Israeli jets struck a house in Rafah.",
])
def test_a_state_s_strike_told_by_another_side_s_officials_is_no_claim_of_that_state(rules: Classifier,
                                                                                   text: str) -> None:
    assert not any(x[0] == "claim" for x in read(rules, text))


def test_the_group_s_own_word_of_the_same_deed_stays_its_claim(rules: Classifier) -> None:
    got = read(rules, "Kataib Hezbollah attacked the base in Erbil on Tuesday, the group said.")
    assert ("claim", "kataib-hezbollah", "kataib-hezbollah") in got


def test_a_claim_verb_that_reports_another_partys_attack_is_a_blame(rules: Classifier) -> None:
    got = read(rules, "The Syrian government claimed Islamic State fighters killed the officers near Palmyra.")
    assert got == {("attribution", "syria-government", "islamic-state")}


def test_a_claimant_naming_whom_its_attack_answers_blames_them(rules: Classifier) -> None:
    got = read(rules, "Hezbollah claimed the rocket attack, saying it was retaliation for the Israeli bombing of a village.")
    assert ("claim", "hezbollah", "hezbollah") in got
    assert ("attribution", "hezbollah", "israel") in got


def test_a_response_to_attacks_by_a_party_in_any_wording(rules: Classifier) -> None:
    text = ("According to the Pentagon, the strikes are a response to a series of drone attacks against US troops "
            "in Iraq and Syria by Iran-backed militias.")
    assert ("attribution", "united-states", "iran-backed-militias") in blames(rules, text)


# -- who speaks -----------------------------------------------------------------------------

def test_a_body_named_without_its_state_speaks_for_the_state_the_sentence_names(rules: Classifier) -> None:
    # the victim's state, not the doer of the attack the body reports
    got = blames(rules, "A Bahraini officer died after an attack by the Houthis on the border, the military said.")
    assert got == {("attribution", "bahrain", "houthis")}
    # a state that is the subject of its own attack verb claims it
    got = read(rules, "America struck a weapons depot used by Kataib Hezbollah in Syria, officials said.")
    assert ("claim", "united-states", "united-states") in got


def test_no_party_speaks_across_another_speaker(rules: Classifier) -> None:
    assert read(rules, "Israel's bombardment of Gaza could spread to Lebanon, Syria and Iraq, analysts say.") == set()


def test_a_states_office_named_by_its_adjective_is_the_state(rules: Classifier) -> None:
    got = blames(rules, "The Turkish prime minister accused the PKK of carrying out the bombing in Ankara.")
    assert got == {("attribution", "turkey", "pkk")}


def test_the_speech_verb_nearest_the_attack_governs_it(rules: Classifier) -> None:
    """Two speakers: Iraq reports what Turkey announced; the strike is Turkey's claim."""
    got = read(rules, "Iraqi officials said Turkey's defence ministry had announced that its jets struck PKK targets "
                      "near Duhok.")
    assert got == {("claim", "turkey", "turkey")}


def test_the_group_of_the_sentence_before_speaks(rules: Classifier) -> None:
    got = read(rules, "Hezbollah fighters attacked an Israeli position near Metula. The group said it fired guided "
                      "missiles at the position.")
    assert got == {("claim", "hezbollah", "hezbollah")}


def test_a_report_of_a_states_strike_by_another_party_is_no_claim_of_that_state(rules: Classifier) -> None:
    assert read(rules, "According to Hezbollah, Israeli jets struck a house in Bint Jbeil.") == {
        ("attribution", "hezbollah", "israel")}


# -- what is no blame -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Syria accused of using chemical weapons in Idlib",  # a headline's passive names no accuser
    "Iran accused the United States of lying about the talks in Oman after the strike.",
    "The minister stood accused of downplaying the attacks on shipping.",
])
def test_accusations_that_blame_no_party_for_an_attack(rules: Classifier, text: str) -> None:
    assert blames(rules, text) == set()


def test_an_accusation_of_an_attack_still_blames(rules: Classifier) -> None:
    assert blames(rules, "Iraq accused the United States of carrying out the strike on al-Qaim.") == {
        ("attribution", "iraq-government", "united-states")}


# -- Arabic ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # the capital speaks for its state
    ("دمشق تتهم جبهة النصرة بتنفيذ الهجوم على حلب", ("syria-government", "jabhat-al-nusra")),
    # the participle of «حمّل ... المسؤولية»
    ("وأعلنت السعودية اعتراض صاروخ باليستي فوق الرياض محملة إيران المسؤولية", ("saudi-arabia", "iran-government")),
    # the passive's agent
    ("وقالت الحكومة العراقية إن الهجوم على القاعدة نفذ من قبل كتائب حزب الله", ("iraq-government", "kataib-hezbollah")),
    ("وقالت الحكومة العراقية إن عشرة جنود قتلوا في هجوم على أيدي مسلحي داعش", ("iraq-government", "islamic-state")),
    # an office named by the state's adjective after it
    ("اتهم رئيس الوزراء التركي حزب العمال الكردستاني بتنفيذ التفجير في أنقرة", ("turkey", "pkk")),
])
def test_arabic_blames(rules: Classifier, text: str, expected: tuple[str, str]) -> None:
    assert ("attribution", *expected) in blames(rules, text)


def test_a_report_confirming_a_partys_involvement_blames_it(rules: Classifier) -> None:
    got = read(rules, "The UN inquiry confirmed the involvement of the Syrian regime in the chemical attack on the town.")
    assert got == {("attribution", "united-nations", "syria-government")}
    assert read(rules, "The inquiry has not confirmed Hezbollah's involvement in the bombing.") == set()


def test_arabic_report_proving_a_partys_involvement(rules: Classifier) -> None:
    got = blames(rules, "وأثبت تقرير لجنة التحقيق تورط تنظيم داعش في الهجوم الكيماوي على البلدة")
    assert {x[2] for x in got} == {"islamic-state"}


def test_arabic_accusations_of_other_things_are_no_blame(rules: Classifier) -> None:
    assert blames(rules, "واتهمت فرنسا الحكومة السورية بعرقلة المفاوضات بعد القصف") == set()


def test_an_arabic_verbs_subject_stands_next_to_it(rules: Classifier) -> None:
    """«... القوات الأمريكية جنوب العراق بعبوة ناسفة استهدفت رتلا»: the charge targeted the convoy;
    the forces named four words before are its target, not its doer."""
    got = read(rules, "أهل الكهف يتبنى عملية ضد القوات الأمريكية جنوب العراق بعبوة ناسفة استهدفت رتلا للدعم اللوجستي")
    assert got == {("claim", "ashab-al-kahf", "ashab-al-kahf")}


# -- French and Persian -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # an office before the state's adjective
    ("Le Premier ministre turc a accusé le PKK d'avoir mené l'attaque contre la base.", ("turkey", "pkk")),
    # the passive's agent; «la frappe» is a noun after its article, not the ministry's own strike
    ("Selon le ministère irakien de la Défense, la frappe a été menée par les forces américaines.",
     ("iraq-government", "united-states")),
    ("سخنگوی وزارت امور خارجه ایران گفت حمله به کنسولگری توسط اسرائیل انجام شد", ("iran-government", "israel")),
])
def test_french_and_persian_blames(rules: Classifier, text: str, expected: tuple[str, str]) -> None:
    assert read(rules, text) == {("attribution", *expected)}


def test_a_party_in_a_phrase_of_place_does_not_speak(rules: Classifier) -> None:
    assert read(rules, "The rockets were fired by Kataib Hezbollah at the base, said the Pentagon.") == {
        ("attribution", "united-states", "kataib-hezbollah")}
    # "in a statement" is how a party speaks, not where
    assert read(rules, "Hezbollah in a statement said it struck an Israeli tank near Metula.") == {
        ("claim", "hezbollah", "hezbollah")}


@pytest.mark.parametrize("text", [
    "#BREAKING REUTERS: 14 Syrian soldiers killed moments ago in #Homs province.",
    "#URGENT SKYNEWS: 9 Iraqi soldiers wounded an hour ago near #Tikrit.",
])
def test_a_count_of_soldiers_killed_is_no_claim_by_their_state(text: str) -> None:
    """The number says who died; nobody here says who killed them."""
    assert [s.stance for s in Classifier().classify(text).statements] == []


@pytest.mark.parametrize(("text", "speaker", "subject"), [
    ("The Pentagon attributed the attack on Tower 22 to Kataib Hezbollah.", "United States", "Kataib Hezbollah"),
    ("The Pentagon linked the drone attack to Kataib Hezbollah.", "United States", "Kataib Hezbollah"),
    ("US officials suspect Kataib Hezbollah of carrying out the attack on the embassy.", "United States",
     "Kataib Hezbollah"),
    ("Turkey pointed the finger at the PKK for the bombing in Ankara.", "Turkey", "PKK"),
    ("Ankara soupçonne le PKK d'avoir commis l'attentat.", "Turkey", "PKK"),
])
def test_more_ways_to_blame(text: str, speaker: str, subject: str) -> None:
    [st] = Classifier().classify(text).statements
    assert (st.stance, st.speaker.name if st.speaker else None, st.subject.name if st.subject else None) == (
        "attribution", speaker, subject)



@pytest.mark.parametrize(("text", "stance", "speaker"), [
    # the party after «مواقع ل» is the target; «طائراتها» and «أنه» are the speaker's own forces
    ("قالت وزارة الدفاع التركية إن طائراتها قصفت مواقع لحزب العمال الكردستاني في شمال العراق.", "claim", "Turkey"),
    ("أكد الجيش الإسرائيلي أنه استهدف مواقع لحزب الله في جنوب لبنان.", "claim", "Israel"),
])
def test_arabic_a_state_striking_a_group_s_positions_is_the_state_s_claim(text: str, stance: str, speaker: str) -> None:
    [st] = Classifier().classify(text).statements
    assert (st.stance, st.speaker.name if st.speaker else None) == (stance, speaker)
