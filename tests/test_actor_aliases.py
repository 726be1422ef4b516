"""Every spelling the gazetteer lists for an armed group names that group: each alias of each
jihadist, core, facade and umbrella group, in the claim, blame and denial formulas of its language,
must come out as the group (or the parent it speaks for) in the statement's right role, never as a
new front group or another known group. A name the patterns captured inside a longer known name
("Arabian Peninsula" in "al-Qaeda in the Arabian Peninsula"), a second casing of an alias ("TaK"
after "TAK"), an Arabic name run on into the verbal noun of the claim («حركة الشباب تبنيها»), the "of"
inside "Islamic State of Iraq and the Levant" read as a blame's complement and the sport's "league"
in "the League of the Righteous" each broke this."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from importlib import resources

import pytest

from classifiers.classify import Classifier
from classifiers.types import ActorRef, Statement

CLAIMS = {
    "en": ["{a} claimed responsibility for the attack on the checkpoint.", "{a} said its fighters attacked the checkpoint."],
    "ar": ["أعلنت {a} مسؤوليتها عن الهجوم على الحاجز", "تبنى {a} الهجوم على الحاجز",
           "وقال {a} في بيان إن مقاتليه هاجموا الحاجز"],
    "fr": ["{a} a revendiqué l'attaque contre le poste de contrôle."],
    "fa": ["{a} مسئولیت حمله به ایست بازرسی را بر عهده گرفت"],
}
BLAMES = {
    "en": ["The Pentagon blamed {a} for the drone attack on the base.", "Iraq accused {a} of carrying out the bombing in Baghdad."],
    "ar": ["اتهمت وزارة الدفاع الأمريكية {a} بتنفيذ الهجوم على القاعدة", "حملت الحكومة العراقية {a} مسؤولية التفجير في بغداد"],
    "fr": ["Le Pentagone a accusé {a} d'avoir mené l'attaque contre la base."],
    "fa": ["پنتاگون {a} را مسئول حمله به پایگاه دانست"],
}
DENIALS = {
    "en": ["{a} denied any role in the drone attack on the base.", "{a} said it was not behind the attack on the base."],
    "ar": ["نفت {a} أي علاقة لها بالهجوم على القاعدة", "نفى {a} مسؤوليته عن الهجوم على القاعدة"],
    "fr": ["{a} a démenti toute implication dans l'attaque contre la base."],
    "fa": ["{a} هرگونه نقش در حمله به پایگاه را رد کرد"],
}
ARMED_KINDS = ("jihadist", "core", "facade", "umbrella")


def _groups() -> list[dict]:  # type: ignore[type-arg]
    raw = resources.files("classifiers").joinpath("data", "actors.toml").read_text("utf-8")
    return [a for a in tomllib.loads(raw)["actor"] if a.get("kind") in ARMED_KINDS]


def _wrong(templates: list[str], lang: str, stance: str, role: Callable[[Statement], ActorRef | None]) -> list[object]:
    """The sentences where no statement of ``stance`` has the group in ``role`` (known, by id or parent)."""
    classifier = Classifier(learned=False)
    wrong: list[object] = []
    checked = 0
    for group in _groups():
        for alias in group.get("aliases", {}).get(lang, []):
            for template in templates:
                text = template.format(a=alias)
                checked += 1
                found = [s for s in classifier.classify(text).statements if s.stance == stance]
                if not any((who := role(s)) is not None and who.known and who.id in (group["id"], group.get("parent"))
                           for s in found):
                    wrong.append((text, [(w.id, w.known) if (w := role(s)) else None for s in found]))
    assert checked > 20
    return wrong


@pytest.mark.parametrize("lang", sorted(CLAIMS))
def test_every_alias_of_an_armed_group_names_it_in_a_claim(lang: str) -> None:
    wrong = _wrong(CLAIMS[lang], lang, "claim", lambda s: s.speaker)
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("lang", sorted(BLAMES))
def test_every_alias_of_an_armed_group_is_the_one_blamed(lang: str) -> None:
    wrong = _wrong(BLAMES[lang], lang, "attribution", lambda s: s.subject)
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("lang", sorted(DENIALS))
def test_every_alias_of_an_armed_group_denies(lang: str) -> None:
    wrong = _wrong(DENIALS[lang], lang, "denial", lambda s: s.speaker)
    assert not wrong, wrong[:10]
