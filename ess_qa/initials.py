"""The initials of the names a corpus writes in full (« France Chaleur Urbaine »: FCU), found when it is indexed and
kept as an attachment of its index, so that a question that types the initials the corpus never writes (« adresse
mail contact FCU ») is read with the name (see ess_qa.spelling): not refused as naming what the corpus never
mentions, and searched with the name's words."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from index.store import Store
from ingest.french import STOP_WORDS, in_capitals, inverts_its_subject, is_french_word, normalize_apostrophes, strip_elision, word_key
from ingest.types import Chunk

ATTACHMENT = "initials"  # {initials: the name they stand for, as the corpus most often writes it}
MIN_NAME_WORDS = 3  # capitalised words of a name at least: two letters are too many things' initials
MAX_NAME_WORDS = 6
MIN_USES = 2  # times the corpus writes the name, at least
_TOKEN_RE = re.compile(r"[^\W\d_][\w'’-]*|[^\w\s]")
# the function words a name may hold between its capitalised words (« Agence de la Transition Écologique »,
# « Association pour le Maintien … »), not « et » nor « ou », which join two names
_INSIDE_NAMES = frozenset({"de", "du", "des", "d", "l", "la", "le", "les", "un", "une", "pour", "au", "aux", "en", "sur", "a"})


ByInitials = tuple[dict[str, Counter], set[str]]  # see names_by_initials


def corpus_initials(chunks: Iterable[Chunk], counted: ByInitials | None = None) -> dict[str, str]:
    """The initials of each name of MIN_NAME_WORDS to MAX_NAME_WORDS capitalised words (function words may stand
    between them: « Caisse d'Allocations Familiales ») that the chunks write MIN_USES times or more, to that name;
    initials that the chunks write as a word themselves, or that two names share as often, are left out. counted:
    the chunks' names_by_initials, when already read."""
    names, written = counted or names_by_initials(chunks)
    return {letters: name for letters, name in _most_written(names, MIN_USES).items() if letters not in written}


def written_initials(chunks: Iterable[Chunk], counted: ByInitials | None = None) -> dict[str, str]:
    """The initials that the chunks write as a word (« le SPANC ») and that are those of a name they also write in full
    (« Service Public d'Assainissement Non Collectif »), to that name, the one most written when several are. counted:
    the chunks' names_by_initials, when already read."""
    names, written = counted or names_by_initials(chunks)
    return {letters: name for letters, name in _most_written(names, 1).items() if letters in written}


def names_by_initials(chunks: Iterable[Chunk]) -> ByInitials:
    """The names the chunks write (see _names), counted by their initials, and the initials they write as words."""
    names: dict[str, Counter] = {}
    written: set[str] = set()
    for chunk in chunks:
        for tokens in _lines(chunk.text):
            written |= {token for token in tokens if token.isupper() and len(token) >= MIN_NAME_WORDS}  # initials it writes
            for name in _names(tokens):
                names.setdefault(initials(name), Counter())[name] += 1
    return names, written


def initials_of_names(text: str) -> list[tuple[str, list[str]]]:
    """The names a question spells out, as it writes them (its first word capitalised, the next ones as French writes
    them: « la Fédération hospitalière de France »), each with its initials: every run of MIN_NAME_WORDS to
    MAX_NAME_WORDS words that opens with a capitalised word, function words between them allowed (_INSIDE_NAMES),
    as (initials of its words, in capitals; its words): (« FHF », [« Fédération », « hospitalière », « France »])."""
    found = []
    for tokens in _lines(text):
        for start, first in enumerate(tokens):
            if not _is_capitalised(first) or word_key(first) in STOP_WORDS:
                continue
            spelled: list[str] = []
            for token in tokens[start:]:
                if spelled and all(part in _INSIDE_NAMES for part in re.split(r"['’]", word_key(token)) if part):
                    continue  # « de », « d' » between the name's words
                word = _after_elision(token)
                # a name's words end at a mark, a function word, an acronym (« … Métropole pour l'ESS ») or a verb asking of
                # it (« … de l'Alimentation a-t-il … »), or at its longest
                stops = not token[:1].isalpha() or word_key(word) in STOP_WORDS or in_capitals(word) or inverts_its_subject(token)
                if stops or len(spelled) == MAX_NAME_WORDS:
                    break
                spelled.append(word)
                if len(spelled) >= MIN_NAME_WORDS:
                    found.append(("".join(part[0] for part in spelled).upper(), list(spelled)))
    return found


def initialled_names(store: Store, text: str) -> list[tuple[str, list[str]]]:
    """The names a question spells out (initials_of_names) whose initials the corpus writes as a word, initials that are
    no French word (« CAME » may be the word the corpus writes): « la Fédération hospitalière de France » of a note
    that writes « FHF »."""
    spelled = initials_of_names(text)
    known = store.known_words(frozenset(letters.lower() for letters, _ in spelled)) if spelled else frozenset()
    return [(letters, words) for letters, words in spelled if letters.lower() in known and not is_french_word(letters)]


def _most_written(names: dict[str, Counter], min_uses: int) -> dict[str, str]:
    """For each initials, the name written most and at least min_uses times, none other as often."""
    found = {}
    for letters, counted in names.items():
        (name, uses), *rest = counted.most_common(2)
        if uses >= min_uses and (not rest or rest[0][1] < uses):
            found[letters] = name
    return found


# the function words that words spelling an acronym out may hold between them, as word keys (« contrat à durée
# déterminée »: CDD, its « à » a name's « a »; « petites et moyennes entreprises »: PME)
_INSIDE_SPELLED = _INSIDE_NAMES | {"et"}
SKIPPED_IN_SPELLING = 1  # a complement an acronym leaves out (« de travail » in a « contrat de travail à durée déterminée »)


def spells_initials(letters: str, text: str) -> bool:
    """Whether a text writes content words in a row whose first letters are an acronym's, function words between them
    aside, and SKIPPED_IN_SPELLING other word at most (« contrat de travail à durée déterminée » for the CDD a labour code never
    writes). Initials of MIN_NAME_WORDS letters or more: two are too many things' initials."""
    return spelled_at(letters, text) is not None


def spelled_at(letters: str, text: str) -> int | None:
    """Where a text first spells out an acronym's words (see spells_initials): the offset of their first word, or None."""
    wanted = letters.lower()
    if len(wanted) < MIN_NAME_WORDS:
        return None
    found = list(_TOKEN_RE.finditer(text))
    tokens = [word_key(_after_elision(match.group())) for match in found]
    for start, first in enumerate(tokens):
        if first[:1] != wanted[0] or first in STOP_WORDS:
            continue
        matched, skipped = 1, 0
        for token in tokens[start + 1 :]:
            if token in _INSIDE_SPELLED:
                continue
            if token in STOP_WORDS:  # « PIA avec une taille cible » spells no PAC
                break
            if token[:1] == wanted[matched]:
                matched += 1
            elif skipped < SKIPPED_IN_SPELLING and token[:1].isalpha():
                skipped += 1
            else:
                break
            if matched == len(wanted):
                return found[start].start()
    return None


def initials(name: str) -> str:
    """The first letters of a name's capitalised words (« Caisse d'Allocations Familiales » -> CAF)."""
    return "".join(_after_elision(word)[0] for word in _capitalised(name.split()))


def _after_elision(word: str) -> str:
    """A word without the elided article that opens it (« d'Allocations » -> Allocations)."""
    return strip_elision(normalize_apostrophes(word))


def _lines(text: str) -> Iterable[list[str]]:
    """A text's lines as tokens (words, and each mark on its own)."""
    for line in text.split("\n"):
        yield _TOKEN_RE.findall(line)


def _names(tokens: list[str]) -> Iterable[str]:
    """The runs of capitalised words in tokens, some function words between them allowed (_INSIDE_NAMES), with
    MIN_NAME_WORDS to MAX_NAME_WORDS capitalised words; a run that opens a sentence also without its first word,
    which may be capitalised as the sentence's (« Contactez France Chaleur Urbaine »)."""
    run: list[str] = []
    sentence_start = opens = True  # at a sentence's start; the run opens a sentence
    for token in tokens + ["."]:
        if _is_capitalised(token) and word_key(token) not in STOP_WORDS:
            opens = sentence_start if not run else opens
            run.append(token)
            continue
        if run and token[:1].islower() and all(part in _INSIDE_NAMES for part in re.split(r"['’]", word_key(token)) if part):
            run.append(token)
            continue
        while run and not _is_capitalised(run[-1]):
            run.pop()  # a run ends on a name's word, not on « de »
        for name in (run, run[1:]) if opens and run else (run,):
            while name and not _is_capitalised(name[0]):
                name = name[1:]
            if MIN_NAME_WORDS <= len(_capitalised(name)) <= MAX_NAME_WORDS:
                yield " ".join([_after_elision(name[0]), *name[1:]]).replace("’", "'")  # « l'Association … » is the Association …
        sentence_start, run = token in ".!?:;«" or (not run and sentence_start and not token.isalpha()), []


def _capitalised(words: list[str]) -> list[str]:
    return [word for word in words if _is_capitalised(word)]


def _is_capitalised(token: str) -> bool:
    """A word that opens with a capital and goes on in lower case (« Chaleur », « d'Allocations » aside)."""
    word = _after_elision(token)
    return len(word) >= 2 and word[0].isupper() and word[1:].replace("-", "").isalpha() and not word[1:].isupper()


def title_initials(title: str) -> frozenset[str]:
    """The initials, in lower case, of every run of MIN_NAME_WORDS content words or more of a document's title, a
    hyphenated compound read once as one word and once as its parts (« Centre Régional Auvergne-Rhône-Alpes de
    l'Information Géographique »: « craig », « craraig », « raig », …): the acronym the document goes by, which its pages
    need not write (« le plan de financement du CRAIG »)."""
    text = re.sub(r"-\s+", "-", normalize_apostrophes(title))  # « Auvergne- Rhône-Alpes », a line's end inside a compound
    words = [strip_elision(token) for token in _TOKEN_RE.findall(text) if token[:1].isalpha()]
    content = [word for word in words if word and word_key(word) not in STOP_WORDS]
    whole = word_key("".join(word[0] for word in content))
    parted = word_key("".join(part[0] for word in content for part in word.split("-") if part))
    return frozenset(letters[i:j] for letters in (whole, parted) for i in range(len(letters)) for j in range(i + MIN_NAME_WORDS, len(letters) + 1))
