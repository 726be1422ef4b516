"""Casualty figures and event dates in four languages."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from classifiers.classify import Classifier
from classifiers.dates import ANSWERED, OTHER_EVENT, resolve_event_date
from classifiers.figures import extract_figures, parse_number
from classifiers.normalize import normalize

MSG = datetime(2024, 1, 30, 6, 0, tzinfo=UTC)  # a Tuesday morning


@pytest.mark.parametrize("text, killed, wounded, both", [
    ("Three US soldiers were killed and more than 40 injured", 3, 40, None),
    ("a drone strike killing two commanders", 2, None, None),
    ("dozens of people were wounded", None, 12, None),
    ("tens of fighters were killed", 10, None, None),
    ("hundreds were injured", None, 100, None),
    ("at least 5 killed", 5, None, None),
    ("between 5 and 7 killed", 5, None, None),
    ("5 to 7 people were killed", 5, None, None),
    ("more than 50 SDF killed and injured", None, None, 50),
    ("مقتل ٣ جنود وإصابة ٣٤ آخرين", 3, 34, None),
    ("17 سقطوا بين قتيل وجريح", None, None, 17),
    ("مقتل جنديين في الهجوم", 2, None, None),
    # the lives an attack took, and those it wounded after «أصاب» (not the targets it hit)
    ("التفجير الذي أودى بحياة 25 شخصا وأصاب 40 آخرين", 25, 40, None),
    ("الهجوم الذي راح ضحيته 9 مدنيين", 9, None, None),
    ("صواريخها أصابت 3 أهداف في القاعدة", None, None, None),
    ("عشرات القتلى", 10, None, None),
    ("سه نظامی آمریکایی کشته و ۲۵ نفر زخمی شدند", 3, 25, None),
    ("deux soldats tués et cinq blessés", 2, 5, None),
    # French verbs: "a" is the verb, not the English article; the verb before its number
    ("La frappe a fait 7 morts et 15 blessés à Kidal", 7, 15, None),
    ("il y a eu 4 morts dans l'explosion", 4, None, None),
    ("L'attaque a tué 3 gendarmes et blessé 8 civils", 3, 8, None),
    ("un soldat a été tué près de la frontière", 1, None, None),
    ("9 blessés et 2 morts selon l'armée", 2, 9, None),
    ("No US or Coalition troops were killed or wounded", 0, 0, None),
    ("Tower 22, which killed three US soldiers", 3, None, None),
])
def test_figures(text: str, killed: int | None, wounded: int | None, both: int | None) -> None:
    f = extract_figures(normalize(text))
    assert (f.killed, f.wounded, f.casualties) == (killed, wounded, both)


def test_conservative_numbers() -> None:
    assert parse_number("more than 50") == 50
    assert parse_number("1,200") == 1200
    assert parse_number("dozens") == 12


@pytest.mark.parametrize("text, expected", [
    ("yesterday", date(2024, 1, 29)),
    ("hier soir", date(2024, 1, 29)),
    ("أمس", date(2024, 1, 29)),
    ("دیروز", date(2024, 1, 29)),
    ("فجر اليوم", date(2024, 1, 30)),
    ("today", date(2024, 1, 30)),
    ("last night", date(2024, 1, 29)),
    ("on Sunday", date(2024, 1, 28)),
    ("on Tuesday", date(2024, 1, 30)),
    ("le mardi", date(2024, 1, 30)),
    ("يوم الأحد", date(2024, 1, 28)),
    ("on 28 January", date(2024, 1, 28)),
    ("January 28, 2024", date(2024, 1, 28)),
    ("le 28 janvier 2024", date(2024, 1, 28)),
    ("2024-01-27", date(2024, 1, 27)),
    ("on 30 December", date(2023, 12, 30)),  # read in January: last year
    ("no date here", None),
    ("the 150th attack since October 17", None),  # a span's start, not the event
    ("attacks since 17 October; on 28 January a drone", date(2024, 1, 28)),
    ("هجمات منذ 17 اكتوبر", None),
    ("an airstrike on a depot on Jan. 27", date(2024, 1, 27)),  # wire style: a month cut short
    ("on 27 Jan. 2024", date(2024, 1, 27)),
    ("attacks since Dec. 17", None),
    ("the war, which began on Oct. 7, and a drone on Jan. 28", date(2024, 1, 28)),  # a war's start is no event
    # the day of the saying gives way to the event's own day; alone, it stays
    ("officials said Tuesday that a drone hit the base on Sunday", date(2024, 1, 28)),
    ("the ministry said on Tuesday it had arrested the men who fired rockets early Sunday", date(2024, 1, 28)),
    ("the Pentagon said Monday that rockets hit the base", date(2024, 1, 29)),
])
def test_event_dates(text: str, expected: date | None) -> None:
    assert resolve_event_date(normalize(text), MSG) == expected


# -- the day of another event: the attack a strike answers, an event named in passing ---------------

@pytest.mark.parametrize(("text", "expected"), [
    ("jets struck militia depots in response to Sunday's drone attack on the base", None),
    ("jets struck militia depots on Monday in response to Sunday's drone attack", date(2024, 1, 29)),
    ("jets struck the depots after a rocket attack on the base on Sunday", None),
    ("jets struck the depots after midnight on Sunday", date(2024, 1, 28)),  # no attack answered
    ("قصفت الطائرات مواقع للفصائل ردا على هجوم الأحد", None),
])
def test_the_day_of_the_attack_answered_is_left_out(text: str, expected: date | None) -> None:
    assert resolve_event_date(normalize(text), MSG, (ANSWERED,)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the strikes answered a rocket barrage on American troops, which happened Sunday", None),
    ("the strikes answered a rocket barrage, which took place early Sunday. The jets struck on Monday", date(2024, 1, 29)),
])
def test_the_day_of_an_event_named_in_passing_is_left_out(text: str, expected: date | None) -> None:
    assert resolve_event_date(normalize(text), MSG, OTHER_EVENT) == expected


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier()


def dates(classifier: Classifier, text: str) -> list[tuple[str, str | None]]:
    result = classifier.classify(text, MSG, None, None, learned=False)
    return [(st.stance, st.contract_dict()["event_date"]) for st in result.statements]


def test_a_strike_answering_an_attack_takes_no_date_from_the_attack_answered(classifier: Classifier) -> None:
    text = ("US jets hit militia depots in Iraq after attacks on bases\n"
            "The Pentagon said US jets struck two militia depots in Iraq in response to drone attacks on American "
            "bases. Officials said the attacks included a rocket barrage against US troops in Syria, which happened Sunday.")
    found = dates(classifier, text)
    assert ("claim", None) in found and ("claim", "2024-01-28") not in found


def test_a_claim_that_answers_nothing_keeps_the_day_another_sentence_gives(classifier: Classifier) -> None:
    text = ("The Islamic Resistance in Iraq claimed the drone attack on the American base. "
            "The attack, which happened Sunday, wounded two soldiers.")
    assert dates(classifier, text) == [("claim", "2024-01-28")]


def test_a_blame_for_the_attack_answered_keeps_its_day(classifier: Classifier) -> None:
    text = ("The Pentagon said US jets struck two militia depots in Iraq in response to Sunday's drone attack on a base "
            "by Kataib Hezbollah.")
    found = dates(classifier, text)
    assert ("claim", None) in found and ("attribution", "2024-01-28") in found


def test_the_day_in_brackets_of_the_attack_answered_is_left_out_too() -> None:
    text = "in response to the rocket fire toward the Golan Heights yesterday (Monday), jets struck launchers in Syria"
    assert resolve_event_date(normalize(text), MSG, (ANSWERED,)) is None
