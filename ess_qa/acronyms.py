"""The acronyms a corpus spells out (« les structures d'insertion par l'activité économique (SIAE) »),
found when it is indexed and kept as an attachment of its index, so that a line that only writes
« 4 000 SIAE » is read as holding the words the acronym stands for, and a line that writes those
words as holding the acronym, when an answer is judged (ess_qa.answering.place_terms)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from index.store import Store
from ingest.french import acronyms_spelled_out, folded_content_words, search_terms, word_key, written_words
from ingest.types import Chunk

from .initials import ByInitials, written_initials

ATTACHMENT = "acronyms"  # {acronym as written: the words it stands for, as keys (ingest.french.word_key)}


def corpus_acronyms(chunks: Iterable[Chunk], by_initials: ByInitials | None = None) -> dict[str, str]:
    """Each acronym the chunks spell out, with the words of its first spelling; one they write but never spell out,
    with the name they write in full whose initials it is (« Service Public d'Assainissement Non Collectif » for a
    report's SPANC, see ess_qa.initials.written_initials; by_initials: the chunks' names_by_initials, when already read)."""
    chunks = list(chunks)
    found: dict[str, str] = {}
    for chunk in chunks:
        for acronym, spelled in acronyms_spelled_out(chunk.text).items():
            found.setdefault(acronym, spelled)
    for acronym, name in written_initials(chunks, by_initials).items():
        found.setdefault(acronym, " ".join(word_key(word) for word in written_words(name)))
    return found


@dataclass(frozen=True)
class Acronyms:
    """A corpus's acronyms as search terms: the terms of the words each stands for, and its own; and as the
    content words (accents folded) each stands for, which a page that names it without writing it holds."""

    spelled: dict[str, frozenset[str]] = field(default_factory=dict)
    own: dict[str, frozenset[str]] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, store: Store) -> "Acronyms":
        """Those of an index (its attachment, see corpus_acronyms), as terms of its lexical analyzer."""
        found = store.attachment(ATTACHMENT, {})
        if not found:
            return NO_ACRONYMS
        spelled = {acronym: frozenset(search_terms(words, store.analyzer)) for acronym, words in found.items()}
        spelled = {acronym: terms for acronym, terms in spelled.items() if terms}
        own = {acronym: frozenset(search_terms(acronym, store.analyzer)) for acronym in spelled}
        words = {acronym: frozenset(folded_content_words(written)) for acronym, written in found.items() if written}
        return cls(spelled, own, words)

    def held_through(self, text: str, held: set[str]) -> set[str]:
        """The terms a text holds through acronyms (held: its own terms): the words of each acronym it
        writes, and each acronym whose words it holds all of."""
        through = set()
        for acronym in self.written_in(text):
            through |= self.spelled[acronym]
        for acronym, terms in self.own.items():
            if self.spelled[acronym] <= held:
                through |= terms
        return through

    def written_in(self, text: str) -> list[str]:
        """The acronyms a text writes, each part of one written with hyphens too ('DT-DICT': 'DT', 'DICT')."""
        capitals = _capitals(text)
        return [acronym for acronym in self.spelled if set(acronym.split("-")) <= capitals]

    def words_for(self, text: str) -> str:
        """The words (as search terms) that the acronyms a text writes stand for."""
        return " ".join(term for acronym in self.written_in(text) for term in sorted(self.spelled[acronym]))


NO_ACRONYMS = Acronyms()  # a corpus that spells none out, or an index built before they were kept


def _capitals(text: str) -> set[str]:
    """The words of a text written in capitals, a plural « s » aside ('SIAEs' -> 'SIAE')."""
    words = written_words(text)
    return {word for word in words if word.isupper()} | {word[:-1] for word in words if word[-1:] == "s" and word[:-1].isupper()}
