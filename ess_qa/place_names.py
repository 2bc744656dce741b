"""The names a corpus writes (« Strasbourg », « Clermont »), found when it is indexed and kept as attachments of
its index, so that a question's place adjective (« la collectivité strasbourgeoise », « l'élu rouennais ») is read
as the place the corpus names (« de Strasbourg », « de Rouen »), and a name typed in lower case (« salariés ess
toulouse ») as the name it is (« Toulouse », not the « toulo… » of Toulon): see ess_qa.spelling."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable

from index.store import Store
from ingest.french import demonym_stems, is_french_word, search_terms, word_key, words_with_capitals
from ingest.types import Chunk

from .initials import ATTACHMENT as INITIALS_ATTACHMENT

ATTACHMENT = "names"  # {word key: the name as the corpus most often writes it}
PROPER_ATTACHMENT = "proper_names"  # [word key of a name the corpus writes in running text, never in lower case]
CAPITALISED_ATTACHMENT = "capitalised_names"  # [word key of a word the corpus capitalises, never writes in lower case]
MIN_NAME_LENGTH = 4  # letters: shorter capitalised words are mostly initials and codes
COMMON_WORD_SHARED = 5  # letters a name shares with the stem of a word of the French lexicon read as its adjective
MIN_PROPER_USES = 2  # capitalised inside a sentence this often at least, and never in lower case: a proper name


@dataclass(frozen=True)
class NameCounts:
    """A corpus's words counted once for its names' attachments (see count_names), by word key (MIN_NAME_LENGTH
    letters at least)."""

    written: dict[str, Counter]  # the spellings capitalised inside a sentence, counted
    lower: Counter  # how often written in lower case
    in_text: Counter  # how often capitalised after a function word or an elision


def count_names(chunks: Iterable[Chunk]) -> NameCounts:
    """The counts the names' attachments are read from (corpus_names, corpus_proper_names, corpus_capitalised_names)."""
    lower: Counter = Counter()
    in_text: Counter = Counter()
    written: dict[str, Counter] = {}
    for chunk in chunks:
        for word, inside, after_function in words_with_capitals(chunk.text):
            if len(word) < MIN_NAME_LENGTH:
                continue
            key = word_key(word)
            if inside:
                written.setdefault(key, Counter())[word] += 1
                in_text[key] += after_function
            elif word[0].islower():
                lower[key] += 1
    return NameCounts(written, lower, in_text)


def corpus_names(counts: NameCounts) -> dict[str, str]:
    """The words a corpus writes capitalised inside a sentence at least as often as in lower case (and at least
    once), by word key, each as most often written: the corpus's names."""
    return {key: spellings.most_common(1)[0][0] for key, spellings in counts.written.items() if spellings.total() >= counts.lower[key]}


def corpus_proper_names(counts: NameCounts) -> list[str]:
    """The word keys of the names a corpus writes capitalised after a function word or an elision MIN_PROPER_USES
    times at least (« à Toulouse », « d'Ecossolies ») and never in lower case, sorted: not « Métropole », also
    written « la métropole », nor a label's words (« Densité : », « Dotation Globale »)."""
    return sorted(key for key, uses in counts.in_text.items() if uses >= MIN_PROPER_USES and not counts.lower[key])


def corpus_capitalised_names(counts: NameCounts) -> list[str]:
    """The word keys of the words a corpus writes capitalised inside a sentence and never in lower case (web and
    e-mail addresses aside), sorted: « Strasbourg », not « Métropole » (« la métropole »)."""
    return sorted(key for key in counts.written if not counts.lower[key])


@dataclass(frozen=True)
class PlaceNames:
    """A corpus's names by word key (see corpus_names), to read a question's place adjectives with, and the keys of
    the names read as names when a question types them in lower case: its proper names (see corpus_proper_names)
    that share their search term with another (« toulouse » and « toulon », both « toulo » for a prefix analyzer),
    and those a profile names (see with_names)."""

    names: dict[str, str] = field(default_factory=dict)
    lower_case_names: frozenset[str] = frozenset()
    capitalised: frozenset[str] = frozenset()  # words the corpus never writes in lower case (see corpus_capitalised_names)
    initials: dict[str, str] = field(default_factory=dict)  # the initials of names it writes in full (ess_qa.initials)

    @classmethod
    def of(cls, store: Store) -> "PlaceNames":
        """Those of an index (its attachments); none for an index built before they were kept."""
        found, proper = store.attachment(ATTACHMENT, {}), store.attachment(PROPER_ATTACHMENT, [])
        capitalised, initials = store.attachment(CAPITALISED_ATTACHMENT, []), store.attachment(INITIALS_ATTACHMENT, {})
        if not isinstance(found, dict) or not found:
            return NO_NAMES
        proper = proper if isinstance(proper, list) else []
        return cls(
            dict(found),
            confusable_names(proper, store.analyzer),
            frozenset(capitalised if isinstance(capitalised, list) else []),
            dict(initials) if isinstance(initials, dict) else {},
        )

    def with_names(self, words: Iterable[str]) -> "PlaceNames":
        """These names read as names when typed in lower case too, those the corpus never writes in lower case (see
        corpus_capitalised_names): a profile's (« nantes », « strasbourg »)."""
        keys = {word_key(word) for word in words} & self.capitalised & set(self.names)
        return replace(self, lower_case_names=self.lower_case_names | keys) if keys else self

    def cased(self, word: str) -> str | None:
        """A word typed in lower case that is one of lower_case_names, as the corpus writes it (« toulouse » ->
        Toulouse); None for any other word."""
        key = word_key(word)
        return self.names.get(key) if word.islower() and key in self.lower_case_names else None

    def spelled_out(self, word: str) -> str | None:
        """The name whose initials a word in capitals is (« FCU » -> France Chaleur Urbaine), when the corpus writes
        that name in full and never the initials; None for any other word."""
        return self.initials.get(word) if word.isupper() else None

    def place_of(self, word: str) -> str | None:
        """The name a place adjective or demonym is made from (« strasbourgeoise » -> Strasbourg, « bordelaise » ->
        Bordeaux), when the corpus writes one and only one such name: one that starts as the adjective's stem does
        (all of it but its last letter at most, four letters at least) and is at most three letters longer. A word of
        the French lexicon (« américaine », but also « terrain », « prochaines ») is one only for a name that shares its
        first COMMON_WORD_SHARED letters with its stem and is at most two letters longer (« Amérique » for
        « américaine »; not « Terrils » for « terrain », « Procédé » for « prochaines »)."""
        common = is_french_word(word)
        found = set()
        for stem in demonym_stems(word):
            for key, name in self.names.items():
                shared = len(os.path.commonprefix([key, stem]))
                if common and (shared < COMMON_WORD_SHARED or len(key) > len(stem) + 2):
                    continue
                if shared >= max(MIN_NAME_LENGTH, len(stem) - 1) and len(key) <= len(stem) + 3:
                    found.add(name)
        return found.pop() if len(found) == 1 else None


NO_NAMES = PlaceNames()


def confusable_names(proper: list[str], analyzer: str) -> frozenset[str]:
    """The proper names (word keys) whose search term another one shares: what only their case tells apart."""
    by_term: dict[tuple[str, ...], set[str]] = {}
    for key in proper:
        by_term.setdefault(tuple(search_terms(key, analyzer)), set()).add(key)
    return frozenset(key for term, keys in by_term.items() if term and len(keys) > 1 for key in keys)


def of_place(place: str) -> str:
    """« de » and a place's name, elided before a vowel or a mute h: « de Bordeaux », « d'Amérique »."""
    return f"d'{place}" if word_key(place[:1]) in "aeiouyh" else f"de {place}"
