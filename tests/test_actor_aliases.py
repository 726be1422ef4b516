"""Every spelling the gazetteer lists for an armed group names that group when the group claims an
attack: in the claim formulas of its language, each alias of each jihadist, core, facade and
umbrella group must come out as the group (or the parent it speaks for), never as a new front group
or another known group. A name the patterns captured inside a longer known name ("Arabian Peninsula"
in "al-Qaeda in the Arabian Peninsula"), a second casing of an alias ("TaK" after "TAK") and an
Arabic name run on into the verbal noun of the claim («حركة الشباب تبنيها») each broke this."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from classifiers.classify import Classifier

TEMPLATES = {
    "en": ["{a} claimed responsibility for the attack on the checkpoint.", "{a} said its fighters attacked the checkpoint."],
    "ar": ["أعلنت {a} مسؤوليتها عن الهجوم على الحاجز", "تبنى {a} الهجوم على الحاجز",
           "وقال {a} في بيان إن مقاتليه هاجموا الحاجز"],
    "fr": ["{a} a revendiqué l'attaque contre le poste de contrôle."],
    "fa": ["{a} مسئولیت حمله به ایست بازرسی را بر عهده گرفت"],
}
ARMED_KINDS = ("jihadist", "core", "facade", "umbrella")


def _groups() -> list[dict]:  # type: ignore[type-arg]
    raw = resources.files("classifiers").joinpath("data", "actors.toml").read_text("utf-8")
    return [a for a in tomllib.loads(raw)["actor"] if a.get("kind") in ARMED_KINDS]


@pytest.mark.parametrize("lang", sorted(TEMPLATES))
def test_every_alias_of_an_armed_group_names_it_in_a_claim(lang: str) -> None:
    classifier = Classifier(learned=False)
    wrong = []
    checked = 0
    for group in _groups():
        for alias in group.get("aliases", {}).get(lang, []):
            for template in TEMPLATES[lang]:
                text = template.format(a=alias)
                checked += 1
                claims = [s for s in classifier.classify(text).statements if s.stance == "claim"]
                if not any(s.speaker is not None and s.speaker.known and s.speaker.id in (group["id"], group.get("parent"))
                           for s in claims):
                    wrong.append((text, [(s.speaker.id, s.speaker.known) if s.speaker else None for s in claims]))
    assert checked > 50
    assert not wrong, wrong[:10]


BLAMES = {
    "en": ["The Pentagon blamed {a} for the drone attack on the base.", "Iraq accused {a} of carrying out the bombing in Baghdad."],
    "ar": ["اتهمت وزارة الدفاع الأمريكية {a} بتنفيذ الهجوم على القاعدة", "حملت الحكومة العراقية {a} مسؤولية التفجير في بغداد"],
    "fr": ["Le Pentagone a accusé {a} d'avoir mené l'attaque contre la base."],
    "fa": ["پنتاگون {a} را مسئول حمله به پایگاه دانست"],
}


@pytest.mark.parametrize("lang", sorted(BLAMES))
def test_every_alias_of_an_armed_group_is_the_one_blamed(lang: str) -> None:
    # "blamed Islamic State of Iraq and the Levant for ...": the "of" inside a name was read as the
    # blame's complement ("accused him of corruption") and the blame dropped
    classifier = Classifier(learned=False)
    wrong = []
    for group in _groups():
        for alias in group.get("aliases", {}).get(lang, []):
            for template in BLAMES[lang]:
                text = template.format(a=alias)
                statements = classifier.classify(text).statements
                if not any(s.stance == "attribution" and s.subject is not None
                           and s.subject.id in (group["id"], group.get("parent")) for s in statements):
                    wrong.append((text, [(s.stance, s.subject.id if s.subject else None) for s in statements]))
    assert not wrong, wrong[:10]


DENIALS = {
    "en": ["{a} denied any role in the drone attack on the base.", "{a} said it was not behind the attack on the base."],
    "ar": ["نفت {a} أي علاقة لها بالهجوم على القاعدة", "نفى {a} مسؤوليته عن الهجوم على القاعدة"],
    "fr": ["{a} a démenti toute implication dans l'attaque contre la base."],
    "fa": ["{a} هرگونه نقش در حمله به پایگاه را رد کرد"],
}


@pytest.mark.parametrize("lang", sorted(DENIALS))
def test_every_alias_of_an_armed_group_denies(lang: str) -> None:
    # "League of the Righteous denied any role": the sport's "league" blocked every denial in the sentence
    classifier = Classifier(learned=False)
    wrong = []
    for group in _groups():
        for alias in group.get("aliases", {}).get(lang, []):
            for template in DENIALS[lang]:
                text = template.format(a=alias)
                statements = classifier.classify(text).statements
                if not any(s.stance == "denial" and s.speaker is not None
                           and s.speaker.id in (group["id"], group.get("parent")) for s in statements):
                    wrong.append((text, [(s.stance, s.speaker.id if s.speaker else None) for s in statements]))
    assert not wrong, wrong[:10]
