"""The names a corpus writes (« Strasbourg », « Clermont »), found when it is indexed and kept as an attachment of
its index, so that a question's place adjective (« la collectivité strasbourgeoise », « l'élu rouennais ») is read
as the place the corpus names (« de Strasbourg », « de Rouen »): see ess_qa.spelling."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from index.store import Store
from ingest.french import demonym_stems, word_key, words_with_capitals
from ingest.types import Chunk

ATTACHMENT = "names"  # {word key: the name as the corpus most often writes it}
MIN_NAME_LENGTH = 4  # letters: shorter capitalised words are mostly initials and codes


def corpus_names(chunks: Iterable[Chunk]) -> dict[str, str]:
    """The words the chunks write capitalised inside a sentence at least as often as in lower case (and at least
    once), by word key, each as most often written: the corpus's names."""
    lower: Counter = Counter()
    written: dict[str, Counter] = {}  # each name's capitalised spellings, counted
    for chunk in chunks:
        for word, inside in words_with_capitals(chunk.text):
            if len(word) < MIN_NAME_LENGTH:
                continue
            key = word_key(word)
            if inside:
                written.setdefault(key, Counter())[word] += 1
            elif word[0].islower():
                lower[key] += 1
    return {key: spellings.most_common(1)[0][0] for key, spellings in written.items() if spellings.total() >= lower[key]}


@dataclass(frozen=True)
class PlaceNames:
    """A corpus's names by word key (see corpus_names), to read a question's place adjectives with."""

    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, store: Store) -> "PlaceNames":
        """Those of an index (its attachment); none for an index built before they were kept."""
        found = store.attachment(ATTACHMENT, {})
        return cls(dict(found)) if isinstance(found, dict) and found else NO_NAMES

    def place_of(self, word: str) -> str | None:
        """The name a place adjective or demonym is made from (« strasbourgeoise » -> Strasbourg, « bordelaise » ->
        Bordeaux), when the corpus writes one and only one such name: one that starts as the adjective's stem does
        (all of it but its last letter at most, four letters at least) and is at most three letters longer."""
        found = set()
        for stem in demonym_stems(word):
            for key, name in self.names.items():
                shared = len(os.path.commonprefix([key, stem]))
                if shared >= max(MIN_NAME_LENGTH, len(stem) - 1) and len(key) <= len(stem) + 3:
                    found.add(name)
        return found.pop() if len(found) == 1 else None


NO_NAMES = PlaceNames()


def of_place(place: str) -> str:
    """« de » and a place's name, elided before a vowel or a mute h: « de Bordeaux », « d'Amérique »."""
    return f"d'{place}" if word_key(place[:1]) in "aeiouyh" else f"de {place}"
