"""Persian and French wording: the languages the labelled real set barely holds, so their rules
come from the domain reference's formulas and are checked here with the project's own sentences."""

from __future__ import annotations

import pytest

from classifiers.classify import Classifier


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier()


def _one(classifier: Classifier, text: str) -> tuple[str, str | None, str | None, str | None]:
    result = classifier.classify(text)
    assert len(result.statements) == 1, [s.stance for s in result.statements]
    st = result.statements[0]
    return (st.stance, st.speaker.name if st.speaker else None, st.subject.name if st.subject else None,
            st.place.name if st.place else None)


@pytest.mark.parametrize(("text", "want"), [
    # a state's own strike, in reported form: the claim is the state's
    ("L'armée israélienne affirme avoir frappé des positions du Hezbollah dans le sud du Liban, selon un communiqué.",
     ("claim", "Israel", "Israel", "southern Lebanon")),
    ("Les États-Unis ont annoncé avoir mené des frappes contre les Brigades du Hezbollah près de Boukamal.",
     ("claim", "United States", "United States", "Al-Bukamal")),
    # "attribue l'attaque ... aux X": the object between the verb and the blamed party
    ("Washington attribue l'attaque de roquettes contre l'ambassade américaine à Bagdad aux Brigades du Hezbollah.",
     ("attribution", "United States", "Kataib Hezbollah", "US Embassy Baghdad")),
    # reported speech: "selon X, Y a attaqué": X blames Y
    ("Selon le Pentagone, les Brigades du Hezbollah ont attaqué la base d'Aïn al-Assad.",
     ("attribution", "United States", "Kataib Hezbollah", "Ain al-Asad Air Base")),
    ("L'attaque contre la base d'al-Tanf a été menée par la Résistance islamique en Irak, selon Washington.",
     ("attribution", "United States", "Islamic Resistance in Iraq", "Al-Tanf Garrison")),
    # French exonyms of the theatre's towns
    ("Le groupe État islamique a revendiqué jeudi l'attentat de Kaboul.",
     ("claim", "Islamic State", "Islamic State", "Kabul")),
    ("L'État islamique a revendiqué l'attentat à la voiture piégée de Mossoul.",
     ("claim", "Islamic State", "Islamic State", "Mosul")),
    # denials
    ("Le Hezbollah a nié être responsable des tirs de roquettes sur Haïfa.",
     ("denial", "Hezbollah", "Hezbollah", "Haifa")),
    # reports of its own strike denied: the US's responsibility, as in English ("CENTCOM called reports of
    # an American strike in Al-Qaim false")
    ("Le Centcom a qualifié de fausses les informations sur une frappe américaine à Al-Qaïm.",
     ("denial", "United States", "United States", "Al-Qaim")),
    # Persian is subject-object-verb: the state that opens the clause struck, the group before «را» was the target
    ("ارتش آمریکا اعلام کرد که جنگنده‌هایش مواضع کتائب حزب الله در القائم را هدف قرار دادند.",
     ("claim", "United States", "United States", "Al-Qaim")),
    ("مقاومت اسلامی عراق پایگاه آمریکایی الشدادی را با پهپاد هدف قرار داد.",
     ("claim", "Islamic Resistance in Iraq", "Islamic Resistance in Iraq", "Al-Shaddadi")),
    ("ارتش اسرائیل اعلام کرد مواضع حزب الله در جنوب لبنان را بمباران کرد.",
     ("claim", "Israel", "Israel", "southern Lebanon")),
    ("پنتاگون کتائب حزب الله را عامل حمله به پایگاه عین الاسد دانست.",
     ("attribution", "United States", "Kataib Hezbollah", "Ain al-Asad Air Base")),
])
def test_french_and_persian(classifier: Classifier, text: str,
                            want: tuple[str, str | None, str | None, str | None]) -> None:
    assert _one(classifier, text) == want


def test_a_report_of_a_strike_in_the_outlets_voice_is_not_a_claim(classifier: Classifier) -> None:
    """Nobody says "we struck": the French outlet reports, it does not claim."""
    text = "Une frappe a touché un dépôt d'armes près de Damas dans la nuit."
    assert [s.stance for s in classifier.classify(text).statements] == []


def test_a_persian_denial_of_any_responsibility_is_no_claim(classifier: Classifier) -> None:
    text = "حماس هرگونه مسئولیت در انفجار بیمارستان غزه را تکذیب کرد."
    assert [(s.stance, s.speaker.name if s.speaker else None) for s in classifier.classify(text).statements] == [
        ("denial", "Hamas")]


def test_a_persian_object_before_ra_is_never_the_claimant(classifier: Classifier) -> None:
    """Only the target is named («مواضع کتائب حزب الله را ... بمباران کردند»): no claim by the target."""
    text = "به گزارش خبرگزاری فارس، جنگنده‌های آمریکایی مواضع کتائب حزب الله را در جرف الصخر بمباران کردند."
    assert [s for s in classifier.classify(text).statements if s.stance == "claim"] == []


@pytest.mark.parametrize(("text", "want"), [
    # a capital speaks for its state, in its French spelling too
    ("Bagdad a accusé les Etats-Unis d'avoir mené la frappe qui a tué deux commandants.",
     ("attribution", "Iraq", "United States", None)),  # the capital speaks: it is not the place
    # the official agency named the way French wires name it
    ("Selon l'agence officielle Sana, des missiles israéliens ont frappé l'aéroport de Damas.",
     ("attribution", "Syria", "Israel", "Damascus International Airport")),
])
def test_french_capitals_and_agencies_speak_for_their_state(classifier: Classifier, text: str,
                                                            want: tuple[str, ...]) -> None:
    assert _one(classifier, text) == want


@pytest.mark.parametrize("text", [
    "Aucun groupe n'a revendiqué l'attaque pour l'instant.",
    "Aucune organisation n'a encore revendiqué l'attentat de Kaboul.",
])
def test_french_no_group_has_claimed_is_no_claim(classifier: Classifier, text: str) -> None:
    assert classifier.classify(text).statements == ()
