"""People a message names with their group, so that a later sentence naming them alone tells that
group's deed: "... eliminated Yasser Hanoun, a resident of Jenin and an Islamic Jihad terrorist.
Yasser had been involved in several shooting attacks" (an army's channel blames Islamic Jihad);
"... struck Ratib Abu Tzahiban, Commander of Hamas' Naval Forces. Tzahiban planned and commanded the
naval infiltration attempt" (Hamas). English only. Pure: no I/O.
"""

from __future__ import annotations

from classifiers.events import comma_before
from classifiers.gazetteer import Gazetteer, Mention
from classifiers.sentences import Sentence
from classifiers.statements import ARMED

# what the person is in the group: "an Islamic Jihad terrorist", "Commander of Hamas' Naval Forces"
_ROLES = frozenset({"terrorist", "terrorists", "operative", "operatives", "commander", "commanders", "member", "members",
                    "militant", "militants", "official", "leader", "leaders", "financier", "chief", "head", "deputy",
                    "fighter", "fighters", "spokesman", "founder", "senior", "cell", "unit"})
# capitalised words of the text that are no one's name
_NOT_NAMES = frozenset({"the", "a", "an", "in", "on", "at", "of", "and", "idf", "isa", "iaf", "this", "that", "yesterday",
                        "today", "earlier", "later", "during", "following", "after", "before", "while", "he", "she",
                        "they", "his", "her", "their", "its", "commander", "terrorist", "deputy", "head", "chief"})
_WIDTH = 10  # words between the comma after the name and the group
_NAME_WORDS = 6  # the words of a name: "Akram Abd Al-Rahman Husein Salamah" is six


def members(gz: Gazetteer, s: Sentence) -> dict[str, str]:
    """The words of each person's name (lower case) this sentence gives with an armed group in
    apposition ("Yasser Hanoun, ... an Islamic Jihad terrorist"), each to the group's id."""
    found: dict[str, str] = {}
    for m in s.mentions:
        entry = gz.actors.get(m.id) if m.kind == "actor" else None
        if entry is None or entry.kind not in ARMED:
            continue
        near = s.toks[max(m.start - 3, 0):m.start] + s.toks[m.end:m.end + 2]
        if not _ROLES.intersection(near):
            continue
        comma = next((c for c in range(m.start, max(m.start - _WIDTH, 0), -1) if comma_before(s, c)), None)
        if comma is None or comma == 0:
            continue
        name = []
        k = comma - 1
        while k >= 0 and comma - k <= _NAME_WORDS and s.cased[k][:1].isupper() and s.toks[k] not in _NOT_NAMES:
            name.append(s.toks[k])
            k -= 1
        if not name or any(k < n.start < comma for n in s.mentions if n.kind == "actor"):
            continue  # "Hamas, the group that ...": a party, not a person
        for word in name:
            if len(word) >= 3 and word.isalpha():
                found[word] = m.id
    return found


def naming(gz: Gazetteer, s: Sentence, people: dict[str, str]) -> Sentence:
    """The sentence with each capitalised word of a known person's name read as the person's
    group (a copy: the prepared sentence is shared by the cache); the sentence itself when it names
    none of them."""
    covered = {i for m in s.mentions if m.kind == "actor" for i in range(m.start, m.end)}
    extra = [Mention("actor", people[tok], i, i + 1, tok) for i, tok in enumerate(s.toks)
             if tok in people and i not in covered and s.cased[i][:1].isupper() and people[tok] in gz.actors]
    if not extra:
        return s
    copy = Sentence(s.original, s.norm, s.norm_punct, s.cased_norm, s.toks,
                    sorted([*s.mentions, *extra], key=lambda m: (m.start, m.end)), s.written, s.cased)
    copy.headline = s.headline
    return copy
