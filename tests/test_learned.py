"""The learned layer over the rules: the shipped model, its gate, its rankers and the build script.

The sentences are the project's own, written in the styles real streams use (a headline over a
feed summary, reported speech, an army's first-person post); the labelled set the model is trained
on is never read here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from classifiers.classify import Classifier
from classifiers.learned import (
    LinearModel,
    StanceModel,
    all_sentence_features,
    load_model,
    passes_gate,
    prepare,
    refine,
    segment,
    stance_scores,
)
from classifiers.normalize import normalize
from classifiers.types import STANCES, Classification

ROOT = Path(__file__).resolve().parent.parent
WHEN = datetime(2023, 11, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(learned=True)  # the layer is on request: the rules answer alone by default


def statements(c: Classifier, text: str, source: str = "https://news.example.org/rss",
               actor: str | None = None) -> list[tuple[str, str | None, str | None]]:
    result = c.classify(text, WHEN, source, actor)
    return [(s.stance, s.speaker.name if s.speaker else None, s.contract_dict()["place"]) for s in result.statements]


def test_the_package_ships_a_model_that_loads_offline() -> None:
    model = load_model()
    assert model is not None
    assert set(model.thresholds) == set(STANCES)
    assert all(len(model.stance[s].weights) > 1000 for s in STANCES)


def test_a_group_claim_relayed_by_its_agency(classifier: Classifier) -> None:
    found = statements(classifier, "The Islamic State claimed responsibility for the car bombing in Ramadi, "
                                   "its Amaq agency said.")
    assert ("claim", "Islamic State", "Ramadi") in found


def test_reported_speech_names_the_speaker_not_the_outlet(classifier: Classifier) -> None:
    found = statements(classifier, "US official says the missiles were launched by the Houthis at a tanker "
                                   "in the Red Sea")
    assert [s for s in found if s[0] == "attribution"] == [("attribution", "United States", "Red Sea")]


def test_an_army_announcing_its_own_strike_under_a_headline(classifier: Classifier) -> None:
    text = ("Israeli jets strike Hezbollah positions after rocket fire\n"
            "The Israeli military said its jets struck Hezbollah positions near Kfarkela overnight.")
    found = statements(classifier, text)
    claims = [s for s in found if s[0] == "claim"]
    assert claims and claims[0][1] == "Israel"
    assert claims[0][2] == "Kfarkela"  # a village the gazetteer does not know, taken as written


def test_a_denial_of_responsibility(classifier: Classifier) -> None:
    result = classifier.classify("Hamas denied any role in the attack on the checkpoint.", WHEN)
    denials = [s for s in result.statements if s.stance == "denial"]
    assert denials and denials[0].speaker is not None and denials[0].speaker.name == "Hamas"
    assert denials[0].denial_of == "responsibility"


def test_quiet_text_holds_no_statement(classifier: Classifier) -> None:
    assert statements(classifier, "The price of bread rose again in Baghdad markets this week.") == []
    assert statements(classifier, "Fans celebrated the club's win over its rivals late into the night.") == []


def test_the_gate_lets_through_only_violence_with_an_actor(classifier: Classifier) -> None:
    rules = classifier.classify("Hezbollah officials met in Beirut to discuss the budget.", WHEN, learned=False)
    assert not passes_gate(normalize("Hezbollah officials met in Beirut to discuss the budget."), rules, None)
    text = "Hezbollah fighters attacked an Israeli position at dawn."
    rules = classifier.classify(text, WHEN, learned=False)
    assert passes_gate(normalize(text), rules, None)


def test_rules_alone_on_request(classifier: Classifier) -> None:
    text = "Militants killed five soldiers in an ambush, the provincial governor said."
    alone = Classifier()
    assert alone.model is None  # the default
    assert alone.classify(text, WHEN) == classifier.classify(text, WHEN, learned=False)


def test_segment_splits_headlines_glued_posts_and_sentences() -> None:
    text = "Strike hits depot\nThe army said it struck a depot.14:33Sirens sounded in the north. Details follow."
    parts = [text[a:b] for a, b in segment(text)]
    assert parts == ["Strike hits depot", "The army said it struck a depot.", "14:33Sirens sounded in the north.",
                     "Details follow."]


def test_model_json_round_trip_keeps_every_score(classifier: Classifier) -> None:
    model = load_model()
    assert model is not None
    again = StanceModel.from_json(json.loads(json.dumps(model.to_json())))
    text = "Kataib Hezbollah claimed the drone attack on al-Tanf, a US official said."
    p = prepare(text, classifier.gz, "en")
    rules = classifier.classify(text, WHEN, learned=False)
    feats = all_sentence_features(p, rules, None, None, classifier.gz)
    a, b = stance_scores(model, feats), stance_scores(again, feats)
    assert {s: a[s][1] for s in STANCES} == {s: b[s][1] for s in STANCES}
    assert [a[s][0] for s in STANCES] == pytest.approx([b[s][0] for s in STANCES])


def test_a_model_without_weights_adds_nothing_to_quiet_rules(classifier: Classifier) -> None:
    empty = {s: LinearModel({}, -10.0) for s in STANCES}
    model = StanceModel(empty, empty, {s: (0.5, 0.5) for s in STANCES}, LinearModel({}), LinearModel({}),
                        LinearModel({}))
    rules = Classification(lang="en")
    text = "Hezbollah fighters attacked an Israeli position at dawn."
    assert refine(model, classifier.gz, text, rules, None, None, None).statements == ()


def _tiny_labelled(folder: Path) -> None:
    """A labelled set in the shape of ../shared/labelled, written here from the project's own text."""
    rows = []
    texts = [
        ("claim", "Kataib Hezbollah claimed responsibility for the drone attack on Ain al-Asad."),
        ("claim", "The Islamic State claimed the suicide bombing in Ramadi."),
        ("claim", "Hamas said its fighters attacked an Israeli tank near Beit Hanoun."),
        ("attribution", "The Pentagon blamed Kataib Hezbollah for the rocket attack on Erbil."),
        ("attribution", "Iraq accused the United States of the strike on al-Qaim."),
        ("denial", "Hezbollah denied any role in the attack on the patrol."),
        ("", "Markets in Baghdad were calm on Sunday."),
        ("", "The football season opens next week in Damascus."),
    ]
    gold = []
    for i in range(40):
        stance, text = texts[i % len(texts)]
        mid = f"T{i:03d}"
        rows.append({"source": "news", "id": mid, "date": None, "text": f"{text} ({i})"})
        st = []
        if stance:
            speaker = text.split(" claimed")[0].split(" said")[0].split(" blamed")[0].split(" accused")[0]
            speaker = speaker.split(" denied")[0].removeprefix("The ")
            st = [{"stance": stance, "speaker": [speaker], "subject": [speaker], "place": None,
                   "denial_of": "responsibility" if stance == "denial" else None, "evidence": text}]
        gold.append({"id": mid, "lang": "en", "stances": [stance] if stance else [], "fold": i % 5, "pool": "test",
                     "statements": st, "new_actor": None, "doubtful": False})
    (folder / "messages.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    (folder / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), "utf-8")
    # the build imports the scorer that ships with the labelled set: a minimal one with its names
    (folder / "score.py").write_text(
        "import re\n"
        "def norm(s):\n    return ' '.join(re.sub(r'[^a-z0-9 ]', ' ', (s or '').lower()).split())\n"
        "def name_match(p, acc):\n    return bool(norm(p)) and any(norm(p) == norm(a) for a in acc)\n"
        "def place_match(p, acc):\n    return bool(norm(p)) and any(norm(a) and norm(a) in norm(p) for a in acc)\n",
        "utf-8")


@pytest.mark.slow
def test_the_build_is_deterministic_and_never_reads_the_test_fold(tmp_path: Path) -> None:
    sklearn = pytest.importorskip("sklearn", reason="the build needs the dev extra (scikit-learn)")
    assert sklearn
    _tiny_labelled(tmp_path)
    outs = []
    for k in range(2):
        out = tmp_path / f"model{k}.json"
        done = subprocess.run([sys.executable, str(ROOT / "tools" / "build_model.py"), "--labelled", str(tmp_path),
                               "--out", str(out)], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "32 messages of folds 0-3" in done.stdout  # 40 messages, fold 4 (8 of them) left out
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    model = StanceModel.from_json(json.loads(outs[0]))
    assert set(model.thresholds) == set(STANCES)


def test_the_build_says_where_the_labelled_set_is_missing(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "build_model.py"), "--labelled", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip() == f"build_model: no labelled set at {tmp_path} (gold.jsonl missing)"
