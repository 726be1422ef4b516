"""Normalisation: every rule the matchers rely on."""

from __future__ import annotations

from itertools import product

import pytest

from classifiers.normalize import edit_distance, name_key, name_skeleton, normalize, skeleton, tokens, within_one_edit


@pytest.mark.parametrize("raw, expected", [
    ("ＡＢＣ", "abc"),                                    # NFKC (full-width)
    ("\u200fالمقاومة\u200e", "المقاومه"),                  # bidi marks
    ("كتا\u200bئب", "كتايب"),                              # zero-width space, hamza on ya
    ("المقاومـــة", "المقاومه"),                            # tatweel
    ("الإسلاميّة", "الاسلاميه"),                            # shadda; alef with hamza below; ta marbuta
    ("أإآٱ", "اااا"),                                      # alef forms
    ("مصطفى", "مصطفي"),                                    # alef maqsura
    ("ایران کتائب", "ايران كتايب"),                        # Persian ya and kaf
    ("١٢٣ ۴۵۶", "123 456"),                                # Eastern Arabic and Persian digits
    ("Aïn al-Assad", "ain al assad"),                      # accents, hyphen
    ("Kata'ib Kata’ib Kataʿib Kataʾib Kata`ib", "kataib kataib kataib kataib kataib"),  # apostrophes, ayn marks
    ("SarayaThorat", "saraya thorat"),                     # glued CamelCase
    ("L'Iran d'Erbil n'a pas", "l iran d erbil n a pas"),  # French elision
    ("حزب‌الله", "حزب الله"),                              # ZWNJ keeps Persian words apart
])
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize("a, b", [
    ("al-Ashrin", "Al Ashrin"), ("el-Ashrin", "ul-Ashrin"), ("The Ashrin", "Ashrin"), ("العشرين", "عشرين"),
])
def test_article_forms_are_optional_in_names(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_the_name_of_god_keeps_its_article() -> None:
    assert name_key("حزب الله") == "حزب الله"


@pytest.mark.parametrize("spellings", [
    ["Thawrat", "Thorat", "Thurat", "ثورة"],
    ["Jabbarin", "Jabarin", "الجبارين"],
    ["Qasim", "Qasem", "Qassem", "قاصم"],
    ["Ashrin", "Ashreen", "العشرين"],
])
def test_skeletons_agree_across_transliterations_and_scripts(spellings: list[str]) -> None:
    skels = {skeleton(tokens(normalize(s))[-1].removeprefix("ال")) for s in spellings}
    assert len(skels) == 1, skels


def test_name_skeleton_of_a_whole_name() -> None:
    assert name_skeleton("Saraya Thorat al-Ashrin") == name_skeleton("سرايا ثورة العشرين") == ("sr", "trt", "srn")


def test_within_one_edit_says_what_the_edit_distance_says() -> None:
    words = ["".join(w) for n in range(6) for w in product("ab", repeat=n)] + ["ktbhzb", "ktbhzbllh", "ktbzbllh"]
    for a in words:
        for b in words:
            assert within_one_edit(a, b) == (edit_distance(a, b, 1) <= 1), (a, b)
