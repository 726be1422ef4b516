"""New group names: extraction from claim patterns and clustering of spellings."""

from __future__ import annotations

from classifiers.classify import classify
from classifiers.names import cluster_tokens, extract_group_names, same_group, slug
from classifiers.normalize import normalize_cased

JPOST = ["Sayara Thora Al-Ashrin", "Saraya Ashreen Thani", "Saraya Thorat al-Ashrin", "Saraya Thurat Al-Ashrin",
         "Saraya Shuhada Thawar Ashreen al-Thani"]


def test_the_five_jpost_spellings_are_one_group() -> None:
    for a in JPOST:
        for b in JPOST:
            assert same_group(a, b), (a, b)
    assert same_group(JPOST[2], "سرايا ثورة العشرين")


def test_different_groups_stay_apart() -> None:
    assert not same_group("Saraya Thorat al-Ashrin", "Saraya Awliya al-Dam")
    assert not same_group("Usbat al-Thaireen", "Saraya Thorat al-Ashrin")
    assert not same_group("Kataib Hezbollah", "Kataib Sayyid al-Shuhada")
    assert not same_group("Saraya", "Kataib")  # generic words alone name nobody


def test_generic_words_do_not_count() -> None:
    assert cluster_tokens("Saraya Thawrat al-Ashrin al-Thani") == cluster_tokens("Thawrat al-Ashrin")


def names(text: str) -> list[str]:
    return extract_group_names(normalize_cased(text), text)


def test_extraction_patterns_in_four_languages() -> None:
    assert names('A little-known group calling itself "Saraya Ahrar al-Furat" claimed the attack') == ["Saraya Ahrar al-Furat"]
    assert names("Saraya Ahrar al-Furat claimed responsibility for the attack") == ["Saraya Ahrar al-Furat"]
    assert names("فصيل يطلق على نفسه اسم \"سرايا الثأر\" يتبنى الهجوم") == ["سرايا الثأر"]
    assert names("تبنت سرايا الثأر للمهندس الهجوم على الرتل") == ["سرايا الثأر للمهندس"]
    assert names("گروهی به نام سرایا احرار الفرات مسئولیت حمله را بر عهده گرفت") == ["سرایا احرار الفرات"]
    assert names("Un groupe baptisé Brigades des Martyrs de l'Euphrate a revendiqué") == ["Brigades des Martyrs de l'Euphrate"]


def test_known_names_are_not_new_and_unknown_ones_are() -> None:
    known = classify("Saraya Thurat Al-Ashrin claimed responsibility for burning a convoy in Diwaniyah.")
    assert known.new_actor_names == ()
    assert known.statements[0].speaker and known.statements[0].speaker.name == "Saraya Thawrat al-Ashrin"
    new = classify("Saraya Ahrar al-Furat claimed responsibility for a rocket attack on the al-Omar oil field.")
    assert new.new_actor_names == ("Saraya Ahrar al-Furat",)
    actor = new.statements[0].speaker
    assert actor is not None and not actor.known and actor.id == slug("Saraya Ahrar al-Furat")


def test_name_collisions() -> None:
    from datetime import UTC, datetime

    cave = classify("أهل الكهف يتبنى عملية ضد القوات الأميركية جنوب العراق")
    assert cave.statements[0].speaker and cave.statements[0].speaker.id == "ashab-al-kahf"
    old = classify("The Islamic Resistance in Iraq claimed responsibility for the attack.", datetime(2005, 3, 1, tzinfo=UTC))
    assert old.statements[0].speaker and old.statements[0].speaker.id == "islamic-resistance-in-iraq-sunni"
    new = classify("The Islamic Resistance in Iraq claimed responsibility for the attack.", datetime(2024, 3, 1, tzinfo=UTC))
    assert new.statements[0].speaker and new.statements[0].speaker.id == "islamic-resistance-in-iraq"
    mislabel = classify("تبنت حماس العراق الهجوم على القاعدة")
    assert all(a.id != "islamic-resistance-in-iraq" for a in mislabel.actors)


def test_an_arabic_name_stops_at_the_claims_verbal_noun() -> None:
    # «أعلنت حركة الشباب تبنيها للتفجير»: the movement is al-Shabaab, known; «تبنيها للتفجير» (its claim of
    # the bombing) is no part of a name, or a known group would come out as a new front group
    assert names("أعلنت حركة الشباب تبنيها للتفجير الذي استهدف فندقا") == ["حركة الشباب"]
    assert names("أعلنت حركة جديدة تطلق على نفسها سرايا الغضب تبنيها للهجوم على القاعدة") == ["سرايا الغضب"]
    [claim] = [s for s in classify("أعلنت حركة الشباب تبنيها للتفجير الذي استهدف فندقا في مقديشو").statements
               if s.stance == "claim"]
    assert claim.speaker is not None and claim.speaker.id == "al-shabaab"


def test_a_name_captured_inside_a_known_groups_longer_name_is_that_group() -> None:
    # the name patterns stop at "al-", digits and "in": "al-Qaeda in the Arabian Peninsula" gave a new
    # group "Arabian Peninsula", "1920 Revolution Brigades" the Egyptian "Revolution Brigade"; the known
    # actor whose name holds the words captured is the claimant
    for text, actor in [
        ("al-Qaeda in the Arabian Peninsula claimed responsibility for the attack on the checkpoint.", "aqap"),
        ("Islamic State in the Greater Sahara claimed responsibility for the attack on the checkpoint.", "is-sahel"),
        ("Jama'at Nusrat al-Islam wal-Muslimin claimed responsibility for the attack on the checkpoint.", "jnim"),
        ("1920 Revolution Brigades claimed responsibility for the attack on the checkpoint.", "1920-revolution-brigades"),
        ("Popular Front for the Liberation of Palestine claimed responsibility for the attack on the checkpoint.", "pflp"),
        ("تبنى جماعة نصرة الإسلام والمسلمين الهجوم على الحاجز", "jnim"),
        ("أعلنت المقاومة الإسلامية في سوريا مسؤوليتها عن الهجوم على الحاجز", "al-quwat-al-jaafariyah"),
    ]:
        claims = [s for s in classify(text).statements if s.stance == "claim"]
        assert [(s.speaker.id, s.speaker.known) for s in claims if s.speaker] == [(actor, True)], text
