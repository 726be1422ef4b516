"""Every name the curated gazetteer lists for a place places a claim there: each alias of each
place of ``places.toml``, in a claim in its language, gives that place. An Algerian town named "In
Salah" took "a patrol in Salah al-Din"; this keeps such collisions from coming back."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from classifiers.classify import Classifier

TEMPLATES = {
    "en": "Hamas said its fighters attacked a patrol in {a}.",
    "ar": "قالت حركة حماس إن مقاتليها هاجموا دورية في {a}",
    "fr": "Le Hamas a revendiqué une attaque contre une patrouille à {a}.",
    "fa": "حماس مسئولیت حمله به یک گشتی در {a} را بر عهده گرفت",
}
# names two entries share on purpose: the Green Zone is where the embassy stands, «غزة» is the city
# more often than the strip, «ریف دمشق» the countryside as much as the province
SHARED = {("green-zone", "us-embassy-baghdad"), ("gaza-strip", "gaza-city"),
          ("rif-dimashq-governorate", "damascus-countryside")}


@pytest.mark.parametrize("lang", sorted(TEMPLATES))
def test_every_alias_of_a_place_places_a_claim_there(lang: str) -> None:
    classifier = Classifier(learned=False)
    places = tomllib.loads(resources.files("classifiers").joinpath("data", "places.toml").read_text("utf-8"))["place"]
    wrong = []
    checked = 0
    for place in places:
        for alias in place.get("aliases", {}).get(lang, []) + ([place["name"]] if lang == "en" else []):
            checked += 1
            got = [s.place.id if s.place else None for s in classifier.classify(TEMPLATES[lang].format(a=alias)).statements]
            if place["id"] not in got and not any((place["id"], g) in SHARED for g in got):
                wrong.append((alias, place["id"], got))
    assert checked > 200
    assert not wrong, wrong[:10]
