"""The gazetteers: containment, actors in four languages, bodies speaking for their state, the
user's own entries from the config, and learned aliases that stay with their classifier."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from classifiers.classify import Classifier
from classifiers.gazetteer import Gazetteer, load_gazetteer
from classifiers.normalize import normalize_cased, tokens

from .helpers import run_cli


def mentions(gz: Gazetteer, text: str, kind: str) -> list[str]:
    cased = tokens(normalize_cased(text))
    return [m.id for m in gz.scan([t.lower() for t in cased], cased, frozenset({kind}))]


def first_place(gz: Gazetteer, text: str) -> str:
    found = mentions(gz, text, "place")
    assert found, text
    return found[0]


# -- containment -------------------------------------------------------------------------------


def test_a_base_lies_in_its_province_in_its_country() -> None:
    gz = load_gazetteer()
    base = first_place(gz, "Rockets fell on Ain al-Asad overnight.")
    assert gz.places[base].kind == "base"
    assert gz.ancestors(base)[:2] == ("anbar", "iraq")
    assert gz.places["anbar"].parent == "iraq" and gz.places["anbar"].kind == "province"
    assert gz.within(base, "anbar") and gz.within(base, "iraq") and gz.within(base, base)
    assert not gz.within(base, "syria") and not gz.within("iraq", base)
    assert gz.ancestors("no-such-place") == ()


def test_towns_from_geonames_sit_in_their_province() -> None:
    gz = load_gazetteer()
    town = first_place(gz, "Shelling hit Kfar Kila this morning.")
    assert gz.places[town].kind == "town"
    assert gz.within(town, "nabatieh-governorate") and gz.within(town, "lebanon")
    assert gz.places[town].country == "LB"
    aleppo = first_place(gz, "قصف على حلب")
    assert gz.within(aleppo, "aleppo-governorate") and gz.within(aleppo, "syria")


@pytest.mark.parametrize("text", ["Drones struck targets in southern Lebanon.", "غارات على جنوب لبنان",
                                  "Des frappes dans le sud du Liban.", "حمله به جنوب لبنان"])
def test_directional_phrases_are_regions_inside_the_country(text: str) -> None:
    gz = load_gazetteer()
    region = first_place(gz, text)
    assert gz.places[region].kind == "region" and gz.places[region].name == "southern Lebanon"
    assert gz.ancestors(region)[0] == "lebanon"


def test_seas_countries_and_the_most_specific_place() -> None:
    gz = load_gazetteer()
    assert gz.places[first_place(gz, "A tanker was hit in the Gulf of Aden.")].kind == "sea"
    assert gz.places[first_place(gz, "the strait of Bab el-Mandeb")].name == "Bab al-Mandab"
    refs = [gz.places[p].ref() for p in mentions(gz, "In Syria, a drone hit the Conoco gas field.", "place")]
    best = gz.most_specific(refs)
    assert best is not None and best.name == "Conoco gas field"
    syria = gz.places["syria"].ref()
    inner = gz.most_specific([syria], elsewhere=[gz.places["kfar-kila"].ref(), gz.places["conoco"].ref()])
    assert inner is not None and inner.id == "conoco"  # Kfar Kila is in Lebanon, not in Syria


@pytest.mark.parametrize("text", ["Rockets hit Ain al-Asad overnight.", "A drone was downed near Al Asad Airbase.",
                                  "Two rockets struck the al-Asad air base in Anbar.",
                                  "Militants targeted al-Assad airbase again.", "Ain al-Assad base was attacked."])
def test_the_base_in_anbar_resolves_by_its_written_forms(text: str) -> None:
    assert first_place(load_gazetteer(), text) == "ain-al-asad"


@pytest.mark.parametrize("text", ["Bashar al-Assad met the Iraqi prime minister in Damascus.",
                                  "The al-Assad government blamed the rebels.", "Hafez al-Asad ruled for 30 years."])
def test_the_presidents_family_name_is_not_the_base(text: str) -> None:
    assert "ain-al-asad" not in mentions(load_gazetteer(), text, "place")


def test_a_one_word_town_name_matches_only_as_a_name() -> None:
    gz = load_gazetteer()
    assert mentions(gz, "Clashes near Homs today.", "place")
    assert not mentions(gz, "clashes near homs today.", "place")
    assert not mentions(gz, "Hit by a drone, the convoy stopped.", "place")  # Hit, Iraq: a common word
    assert not mentions(gz, "وأصدرت الحركة بيان يؤكد ذلك", "place")  # «بيان» a statement, not the town


# -- actors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Hayat Tahrir al-Sham fighters attacked the checkpoint.", "Hayat Tahrir al-Sham"),
    ("أعلنت هيئة تحرير الشام عن الهجوم", "Hayat Tahrir al-Sham"),
    ("Les shebab ont revendiqué l'attentat.", "al-Shabaab"),
    ("وتبنت حركة الشباب المجاهدين الهجوم", "al-Shabaab"),
    ("JNIM said its men ambushed the patrol.", "JNIM"),
    ("Le GSIM a revendiqué l'embuscade.", "JNIM"),
    ("Ahrar al-Sham and Jaysh al-Islam shelled the town.", "Ahrar al-Sham"),
    ("گروه تروریستی جیش العدل مسئولیت حمله را پذیرفت", "Jundallah"),
    ("طالبان مسئولیت این حمله را بر عهده گرفت", "Taliban"),
    ("The Kurdistan Freedom Falcons (TAK) said it carried out the bombing.", "Kurdistan Freedom Falcons"),
    ("ولاية سيناء تتبنى الهجوم", "Islamic State Sinai Province"),
    ("ISWAP fighters overran the base.", "Islamic State West Africa Province"),
    ("وقصفت سرايا القدس المستوطنات", "Palestinian Islamic Jihad"),
    ("The Syrian Observatory for Human Rights reported the strike.", "Syrian Observatory for Human Rights"),
])
def test_the_armed_groups_of_real_streams_resolve_in_each_language(text: str, expected: str) -> None:
    gz = load_gazetteer()
    names = [gz.actors[a].ref().name for a in mentions(gz, text, "actor")]
    assert expected in names, names


def test_arabic_proclitics_do_not_hide_an_actor() -> None:
    gz = load_gazetteer()
    assert "hezbollah" in mentions(gz, "قصف الجيش الإسرائيلي وحزب الله مواقع", "actor")
    assert "idf" in mentions(gz, "وقال المتحدث إن بالجيش الإسرائيلي قتلى", "actor")


@pytest.mark.parametrize(("written", "state"), [
    ("IDF", "Israel"), ("Israeli Air Force", "Israel"), ("CENTCOM", "United States"), ("Pentagon", "United States"),
    ("Syrian Arab Army", "Syria"), ("SANA", "Syria"), ("وزارة الدفاع الروسية", "Russia"), ("Peshmerga", "Kurdistan Regional Government"),
    ("Qassam Brigades", "Hamas"), ("Amaq", "Islamic State"),
])
def test_bodies_speak_for_their_state(written: str, state: str) -> None:
    gz = load_gazetteer()
    ids = mentions(gz, f"{written} said so.", "actor")
    assert ids
    ref = gz.actor_ref(ids[0], written, None, False)
    assert (ref.name, ref.as_written) == (state, written)
    assert gz.actors[ids[0]].speaks_for is not None  # the body stays an entry of its own


def test_a_state_body_is_the_state_in_the_classifier_output() -> None:
    result = Classifier().classify("CENTCOM forces conducted a strike on a Houthi radar site in Yemen, CENTCOM said.")
    claims = [s for s in result.statements if s.stance == "claim"]
    assert claims and claims[0].speaker is not None and claims[0].speaker.name == "United States"


@pytest.mark.parametrize(("written", "party"), [
    # a state's or a group's leaders and spokesmen speak for it, in each language they are written in
    ("Yoav Gallant", "Israel"), ("Antony Blinken", "United States"), ("Hassan Nasrallah", "Hezbollah"),
    ("حسن نصر الله", "Hezbollah"), ("Ismail Haniyeh", "Hamas"), ("إسماعيل هنية", "Hamas"),
    ("Abdul-Malik al-Houthi", "Houthis"), ("عبد الملك الحوثي", "Houthis"), ("Ali Khamenei", "Iran"),
    ("خامنه‌ای", "Iran"), ("Ayman Safadi", "Jordan"), ("Hakan Fidan", "Turkey"), ("Rishi Sunak", "United Kingdom"),
    ("Emmanuel Macron", "France"), ("Sergei Lavrov", "Russia"),
    # a state's news agency speaks for its state
    ("TASS", "Russia"), ("Anadolu Agency", "Turkey"), ("Iraqi News Agency", "Iraq"), ("WAM", "United Arab Emirates"),
])
def test_officials_and_state_agencies_speak_for_their_party(written: str, party: str) -> None:
    gz = load_gazetteer()
    ids = mentions(gz, f"{written} said so.", "actor")
    assert ids, written
    assert gz.actor_ref(ids[0], written, None, False).name == party


def test_an_official_named_in_a_denial_is_his_party_speaking() -> None:
    result = Classifier(learned=False).classify("Hassan Nasrallah denied that the group fired the rockets at Metula.")
    assert [(s.stance, s.speaker.name if s.speaker else None) for s in result.statements] == [("denial", "Hezbollah")]


@pytest.mark.parametrize("text", [
    "He made a gallant effort to reach the wounded.",  # the surname alone is an English word: not listed
    "The ISW map shows the front lines near Bakhmut.",
])
def test_common_words_are_no_officials(text: str) -> None:
    assert not mentions(load_gazetteer(), text, "actor")


def test_a_country_name_inside_a_new_name_is_not_the_state() -> None:
    result = Classifier().classify('A group calling itself "Kataib Ahrar al-Iraq" said it fired rockets at the Conoco gas field.')
    assert "Kataib Ahrar al-Iraq" in result.new_actor_names


# -- the learned-alias layer -------------------------------------------------------------------


def test_a_learned_alias_stays_with_its_classifier() -> None:
    text = "Liwa Tha'r al-Shuhada claimed a drone attack on Ain al-Asad."
    first, second = Classifier(), Classifier()
    assert first.learn_alias("Liwa Tha'r al-Shuhada", "kataib-hezbollah")
    assert "kataib-hezbollah" in {a.id for a in first.classify(text).actors}
    assert "kataib-hezbollah" not in {a.id for a in second.classify(text).actors}
    assert "kataib-hezbollah" not in mentions(load_gazetteer(), text, "actor")
    assert not first.learn_alias("Nobody", "no-such-actor")


def test_with_aliases_leaves_the_gazetteer_it_layers_over_alone() -> None:
    base = load_gazetteer()
    taught = base.with_aliases([("Saraya al-Tajriba", "kataib-hezbollah")])
    assert mentions(taught, "Saraya al-Tajriba struck", "actor") == ["kataib-hezbollah"]
    assert mentions(base, "Saraya al-Tajriba struck", "actor") == []


# -- the user's own entries --------------------------------------------------------------------

EXTRA_PLACES = """
[[place]]
id = "camp-sandstone"
name = "Camp Sandstone"
kind = "base"
lat = 33.9
lon = 42.2
parent = "anbar"
aliases.en = ["Sandstone base"]
aliases.ar = ["معسكر الحجر الرملي"]
"""

CONFIG = """
[storage]
url = "sqlite:///{db}"

[gazetteer]
places_file = "extra_places.toml"

[[actors]]
id = "liwa-al-tajriba"
name = "Liwa al-Tajriba"
kind = "facade"
parent = "kataib-hezbollah"
aliases.en = ["Tajriba Brigade"]
aliases.ar = ["لواء التجربة"]

[[actors]]
id = "kataib-hezbollah"
aliases = ["Brigades of the Long Test"]
"""


def classify(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, config: Path,
             text: str) -> dict[str, object]:
    line = json.dumps({"id": "m1", "text": text}, ensure_ascii=False) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode())))
    r = run_cli(capsys, "classify", "--config", str(config))
    assert r.code == 0, r.err
    out: dict[str, object] = json.loads(r.out)
    return out


def test_the_config_extends_both_gazetteers(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "extra_places.toml").write_text(EXTRA_PLACES, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(CONFIG.format(db=tmp_path / "x.db"), encoding="utf-8")
    r = run_cli(capsys, "check", "--config", str(config))
    assert r.code == 0, r.err
    out = classify(capsys, monkeypatch, config, "The Tajriba Brigade claimed a rocket attack on Camp Sandstone.")
    statements = out["statements"]
    assert isinstance(statements, list) and statements
    assert statements[0]["speaker"] == "Liwa al-Tajriba" and statements[0]["place"] == "Camp Sandstone"
    out = classify(capsys, monkeypatch, config, "أعلن لواء التجربة استهداف معسكر الحجر الرملي بطائرة مسيرة")
    assert out["places"] == [{"name": "Camp Sandstone", "lat": 33.9, "lon": 42.2}]
    out = classify(capsys, monkeypatch, config, "Brigades of the Long Test claimed the strike on Camp Sandstone.")
    actors = out["actors"]
    assert isinstance(actors, list) and {"id": "kataib-hezbollah", "name": "Kataib Hezbollah", "known": True} in actors


@pytest.mark.parametrize(("entries", "where"), [
    ('[[actors]]\nid = "a"\nname = "A"\nkind = "core"\n[[actors]]\nid = "x"\nname = "X"\nkind = "core"\nalias = ["y"]\n',
     '[[actors]] #2 (id "x"): unknown key "alias"'),
    ('[[actors]]\nid = "x"\nname = "X"\nkind = "core"\n[[actors]]\nid = "x"\nname = "Y"\nkind = "core"\n',
     '[[actors]] #2 (id "x"): duplicate id "x"'),
    ('[[actors]]\nid = "hezbollah"\nname = "Hezbollah 2"\nkind = "axis"\n',
     '[[actors]] #1 (id "hezbollah"): id "hezbollah" is already in the gazetteer'),
    ('[[actors]]\nid = "x"\nname = "X"\nkind = "core"\nparent = "nobody"\n',
     '[[actors]] #1 (id "x"): "parent" "nobody" is not a known actor id'),
    ('[[actors]]\nid = "x"\nname = "X"\nkind = "militia"\n',
     '[[actors]] #1 (id "x"): "kind" \'militia\' is not one of'),
    ('[[places]]\nid = "p"\nname = "P"\nkind = "base"\nlat = 133.0\nlon = 44.0\n',
     '[[places]] #1 (id "p"): "lat" 133.0 is out of range (-90 to 90)'),
    ('[[places]]\nid = "p"\nname = "P"\nkind = "base"\nlat = 33.0\nlon = 44.0\nparent = "atlantis"\n',
     '[[places]] #1 (id "p"): "parent" "atlantis" is not a known place id'),
    ('[[places]]\nid = "p"\nname = "P"\nkind = "base"\nlon = 44.0\n', '[[places]] #1 (id "p"): "lat" must be a number'),
])
def test_a_bad_entry_names_the_file_and_key_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         entries: str, where: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\nurl = "sqlite:///{tmp_path}/x.db"\n{entries}', encoding="utf-8")
    r = run_cli(capsys, "check", "--config", str(config))
    assert r.code == 2
    assert f"{config}: {where}" in r.err
    assert r.err.count("\n") == 1 and "Traceback" not in r.err


def test_a_bad_entry_in_a_data_file_names_that_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "extra_places.toml"
    data.write_text(EXTRA_PLACES.replace('kind = "base"', 'kind = "fortress"'), encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text('[gazetteer]\nplaces_file = "extra_places.toml"\n', encoding="utf-8")
    r = run_cli(capsys, "check", "--config", str(config))
    assert r.code == 2
    assert f'{data}: [[place]] #1 (id "camp-sandstone"): "kind" \'fortress\' is not one of' in r.err
    data.unlink()
    r = run_cli(capsys, "check", "--config", str(config))
    assert r.code == 2 and f"{config}: gazetteer.places_file: cannot read" in r.err


def test_every_shipped_entry_points_at_entries_that_exist() -> None:
    gz = load_gazetteer()
    for actor in gz.actors.values():
        for other in (actor.parent, actor.speaks_for, *actor.members):
            assert other is None or other in gz.actors, (actor.id, other)
    for place in gz.places.values():
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180, place.id
        assert place.parent is None or place.parent in gz.places, (place.id, place.parent)
        chain = gz.ancestors(place.id)
        assert place.id not in chain and len(chain) == len(set(chain)), place.id  # no cycles
        if place.kind in ("base", "site", "crossing", "town", "city", "province"):
            assert any(gz.places[p].kind == "country" for p in chain), place.id  # each site lies in a country


@pytest.mark.parametrize("text", ["Drones targeted Irbil air base overnight.", "A rocket hit the Erbil airbase.",
                                  "The Arbil air base came under attack."])
def test_the_base_at_erbil_resolves_by_the_spellings_wires_use(text: str) -> None:
    assert first_place(load_gazetteer(), text) == "erbil-airport"


def test_a_states_country_place_has_its_id_without_government() -> None:
    # events._a_city tells a capital ("Damascus" for Syria) from the country's own name by this id rule;
    # the bodies that speak for no one country (the IRGC, the Palestinian Authority, the KRG) are exempt
    gz = load_gazetteer()
    bodies = {"irgc", "palestinian-authority", "krg"}
    missing = [a.id for a in gz.actors.values() if a.kind == "state" and a.id not in bodies
               and getattr(gz.places.get(a.id.removesuffix("-government")), "kind", None) != "country"]
    assert not missing


# -- one name in several casings -----------------------------------------------------------------

def test_every_casing_an_actor_lists_is_found() -> None:
    # "TAK" and "TaK" are both capital-only aliases of the Kurdistan Freedom Falcons; "ISWAP" is
    # capital-only and "Iswap" (French) takes any case: the second spelling of a name was dropped
    gz = load_gazetteer()
    assert mentions(gz, "TaK claimed responsibility for the bombing", "actor") == ["tak"]
    assert mentions(gz, "TAK claimed responsibility for the bombing", "actor") == ["tak"]
    assert mentions(gz, "Iswap a revendiqué l'attaque", "actor") == ["iswap"]
    assert mentions(gz, "ISWAP claimed the attack", "actor") == ["iswap"]

