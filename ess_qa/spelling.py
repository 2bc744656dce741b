"""A question read as it was meant, with the corpus's words: missing apostrophes restored ("cest" -> c'est,
"lenquete" -> l'enquete), typos corrected to the corpus word one typo away ("inserton" -> insertion),
colloquial spellings spelt out ("ya" -> il y a), a place adjective read as the corpus's name of the place
(« bordelaise » -> de Bordeaux, ess_qa.place_names), and the answer's notice saying what was read how.

The French rules are ingest.french's; the corpus's words come from the store, asked for the question's
words only (Store.known_words, Store.spelling_suggestions). A capitalised word inside the question is
a name and is left as typed: a name the corpus lacks (Reims, Mantes) is what an out-of-scope question
is about, not a typo of a word it has (remis, Nantes); but a long one (MIN_NAME_TYPO_LENGTH letters) one typo
from a name the corpus writes is that name mistyped (« Stasbourg », Store.name_suggestions).
"""

from __future__ import annotations

import re

from index.store import Store
from ingest.french import (
    COLLOQUIAL_SPELLINGS,
    PREFIX_CHARS,
    STOP_WORDS,
    TYPED_INTERROGATIVES,
    demonym_stems,
    doubling_variants,
    elides_before,
    french_doubling_reading,
    french_words_starting,
    glued_elisions,
    inflected_forms,
    is_french_word,
    join_lone_elisions,
    search_terms,
    swap_variants,
    texted_cest,
    typo_variants,
    word_key,
)

from .acronyms import NO_ACRONYMS, Acronyms
from .initials import initialled_names
from .place_names import NO_NAMES, PlaceNames, of_place
from .questions import DOCUMENTS_COUNTRY, PreparedQuestion, guess_language

MIN_NAME_WORD_TYPO_LENGTH = 6  # a shorter word of a name has many corpus words one edit away: "Reims" is not "remis"
MIN_TYPO_LENGTH = 5  # a common word this long that is no French word is read as the corpus's one typo away ("acton") ...
MIN_DOUBLING_LENGTH = 4  # ... a shorter one only for a consonant doubled or made single ("nape": nappe), from this length on
# A word of letters alone, after its elision if it has one ("d'habitents"), not an elided form itself ("qu'")
# nor part of a code ("ag2r").
_TYPED_WORD_RE = re.compile(r"(?<!\w)[^\W\d_]+(?![\w'’])")


def read_question(store: Store, prepared: PreparedQuestion, names: PlaceNames = NO_NAMES, acronyms: Acronyms = NO_ACRONYMS) -> PreparedQuestion:
    """A French question with apostrophes restored, typos corrected, colloquial spellings spelt out and place adjectives
    read as the places the corpus names (names: its, see ess_qa.place_names), its notice saying so. In an English
    question, the initials of a name the corpus writes, and an English acronym whose letters are those of one of the
    corpus's acronyms (acronyms: its, see ess_qa.acronyms) in French order, are read. In both, a name spelled out whose
    initials the corpus writes is read with them (_with_written_initials)."""
    return _with_written_initials(store, _read(store, prepared, names, acronyms), acronyms)


def _with_written_initials(store: Store, prepared: PreparedQuestion, acronyms: Acronyms) -> PreparedQuestion:
    """A question that spells out a name whose initials the corpus writes as a word but never spells out (acronyms: the
    corpus's, see ess_qa.acronyms), and that does not type them, read with them after the name: « … de la Fédération
    hospitalière de France » as « … de France (FHF) » for a note that only writes « FHF » (the longest such name from each
    capitalised word, see initials.initialled_names). A name the corpus spells out is searched for as it is."""
    initialled = initialled_names(store, prepared.text)
    typed = {word_key(word) for word in _TYPED_WORD_RE.findall(prepared.text)}
    read, readings, covered = prepared.text, {}, set()
    for letters, words in sorted(initialled, key=lambda found: -len(found[1])):
        if letters in acronyms.spelled or letters.lower() in typed or covered & set(words):
            continue
        covered |= set(words)
        start = read.find(words[0])
        end = read.find(words[-1], start) + len(words[-1])
        if start < 0 or end < len(words[-1]):
            continue
        name = read[start:end]  # as typed: « Fédération hospitalière de France »
        read = f"{read[:end]} ({letters}){read[end:]}"
        readings[name] = f"{name} ({letters})"
    if not readings:
        return prepared
    return PreparedQuestion(read, _joined(prepared.notice, reading_notice(readings)))


def _read(store: Store, prepared: PreparedQuestion, names: PlaceNames, acronyms: Acronyms) -> PreparedQuestion:
    """read_question's readings but the initials of the names a question spells out."""
    if guess_language(prepared.text) != "fr":
        matches = list(_TYPED_WORD_RE.finditer(prepared.text))
        initials = _initials_read(store, matches, names)
        initials |= _french_order_acronyms(store, acronyms, [m.group() for m in matches if m.group() not in initials])
        if not initials:
            return prepared
        read = _TYPED_WORD_RE.sub(lambda m: initials.get(m.group(), m.group()), prepared.text)
        return PreparedQuestion(read, _joined(prepared.notice, reading_notice(initials)))
    joined = join_lone_elisions(prepared.text)
    text = texted_cest(joined)
    notice = _joined(prepared.notice, "« c » lu comme « c'est »" if text != joined else None)
    matches = list(_TYPED_WORD_RE.finditer(text))
    readings = _readings(store, [m.group() for m in matches if _may_be_misspelt(m.group(), m.start())], names)
    in_names = _names_read(store, text, [m for m in matches if _is_name_word(m.group(), m.start())]) | _initials_read(store, matches, names)
    unread = [m.group() for m in matches if m.group() not in in_names]
    in_names |= _swapped_acronyms(store, unread) | _swapped_names(store, unread)
    # a name typed in lower case that the search cannot tell from another name is written as the corpus writes it,
    # without a notice: « toulouse » is Toulouse, whose search term « toulo » Toulon shares
    cased = {m.group(): name for m in matches if m.group() not in readings and (name := names.cased(m.group()))}
    if not readings and not in_names and not cased:
        return PreparedQuestion(text, notice)
    typed_as = readings | cased

    def reading(match: re.Match) -> str:  # a word that may be misspelt as read, else a name's word as read
        word = match.group()
        return typed_as[word] if word in typed_as and _may_be_misspelt(word, match.start()) else in_names.get(word, word)

    read = _TYPED_WORD_RE.sub(reading, text)
    return PreparedQuestion(read, _joined(notice, reading_notice(readings | in_names)))


def _initials_read(store: Store, matches: list[re.Match], names: PlaceNames) -> dict[str, str]:
    """The words in capitals that the corpus never writes but are the initials of a name it writes in full (« adresse
    mail contact FCU » -> France Chaleur Urbaine), read as that name."""
    spelled = {m.group(): name for m in matches if (name := names.spelled_out(m.group()))}
    known = store.known_words(frozenset(word_key(word) for word in spelled)) if spelled else frozenset()
    return {word: name for word, name in spelled.items() if word_key(word) not in known}


MAX_REORDERED_ACRONYM = 5  # letters: the longest acronym read in another order (see _french_order_acronyms)


def _french_order_acronyms(store: Store, acronyms: Acronyms, words: list[str]) -> dict[str, str]:
    """English acronyms in capitals that the corpus never writes, read as the one acronym it spells out whose letters are
    theirs in another order: French puts the noun first (« EPR », extended producer responsibility, is the « REP »,
    responsabilité élargie du producteur; « NGO » the « ONG »)."""
    typed = [word for word in words if 2 <= len(word) <= MAX_REORDERED_ACRONYM and word.isupper() and word.isalpha()]
    reordered = {word: [acronym for acronym in acronyms.spelled if acronym != word and sorted(acronym) == sorted(word)] for word in typed}
    reordered = {word: read[0] for word, read in reordered.items() if len(read) == 1}
    if not reordered:  # the corpus asked nothing when no acronym of its could be one of these
        return {}
    known = store.known_words(frozenset(word_key(word) for word in reordered))
    return {word: read for word, read in reordered.items() if word_key(word) not in known}


MIN_SWAPPED_ACRONYM = 4  # letters: a shorter acronym with two letters swapped may be another one
MIN_SWAPPED_NAME = 5  # letters of a capitalised name read with two letters swapped back (« Frnace »): « Nice » / « Ncie »


def _swapped_acronyms(store: Store, words: list[str]) -> dict[str, str]:
    """Acronyms in capitals that the corpus never writes, read as the one it writes with two neighbouring letters
    swapped back, when only one such is (« RGSEN » -> RGESN): a slip of the fingers, not another body's initials."""
    typed = [word for word in words if len(word) >= MIN_SWAPPED_ACRONYM and word.isupper() and word.isalpha()]
    return _read_as_one_known(store, {word: swap_variants(word) for word in typed}, lacking=True)


def _swapped_names(store: Store, words: list[str]) -> dict[str, str]:
    """Capitalised names that the corpus lacks, read as its name (a word it never writes in lower case) with two
    letters swapped back (« Frnace » -> France; « Reims » is no « remis », a word the corpus writes in lower case) or
    with a letter the fingers dropped put back (« Docrba » -> Docurba): not with a letter changed, which may make
    another place's name (Mantes, Nantes). A function word is what was typed, capitalised as a question's first word
    (« Combien » is no « Combine » of a table's)."""
    names = [
        word for word in words
        if len(word) >= MIN_SWAPPED_NAME and word.isalpha() and word[:1].isupper() and word[1:].islower() and word_key(word) not in STOP_WORDS
    ]
    suggested = store.name_suggestions(names) if names else {}
    return {word: _cased_like(word, name) for word, name in suggested.items() if _slipped(word_key(word), word_key(name))}


def _slipped(typed: str, name: str) -> bool:
    """Whether a typed word is a name with two letters swapped, or with one letter left out."""
    if len(name) == len(typed) + 1:  # not the first letter: « Orient » is no Lorient
        return any(name[:i] + name[i + 1 :] == typed for i in range(1, len(name)))
    return sorted(typed) == sorted(name)


def _is_name_word(word: str, start: int) -> bool:
    """Whether a typed word is part of a name: capitalised, after the question's start, no stop word."""
    return start > 0 and word[:1].isupper() and word_key(word) not in STOP_WORDS


def _names_read(store: Store, text: str, names: list[re.Match]) -> dict[str, str]:
    """The capitalised words of a question that the corpus lacks, read as its words or names (_name_typos, then
    _lone_name_typos), the corpus asked once which of them it has."""
    if not any(len(m.group()) >= MIN_DOUBLING_LENGTH for m in names):
        return {}  # too short to be read otherwise
    known = store.known_words(frozenset(word_key(m.group()) for m in names))
    found = _name_typos(store, text, names, known)
    return found | _lone_name_typos(store, [m.group() for m in names if word_key(m.group()) not in known and m.group() not in found])


def _name_typos(store: Store, text: str, names: list[re.Match], known: frozenset[str]) -> dict[str, str]:
    """Capitalised words of a name the corpus has, corrected when one typo away from its word or name: the word
    next to them in the name is the corpus's ("Boosting Social Inovation", "Aix-Marseille-Proence"); a shorter word only
    to the corpus's with one consonant doubled or made single (« Cuise-la-Mote »: Motte). A name alone (Reims, Mantes)
    is left as typed: it is what an out-of-scope question is about. known: the corpus's words among the names'."""
    neighbours = {
        m.group(): [n for n in names if n is not m and _adjacent(text, m, n)]
        for m in names if len(m.group()) >= MIN_DOUBLING_LENGTH and word_key(m.group()) not in known
    }
    asked = [word for word, next_to in neighbours.items() if any(word_key(n.group()) in known for n in next_to)]
    long = [word for word in asked if len(word) >= MIN_NAME_WORD_TYPO_LENGTH]
    found = store.spelling_suggestions(long) if long else {}
    found |= store.name_suggestions([word for word in long if word not in found]) if long else {}  # « Aix-Marseille-Proence »
    found |= _doubled_or_single(store, [word for word in asked if word not in long])
    return {typed: _cased_like(typed, read) for typed, read in found.items()}


MIN_NAME_TYPO_LENGTH = 8  # a shorter name one typo from the corpus's may be another place's (Mantes, Nantes; Reims)


def _lone_name_typos(store: Store, words: list[str]) -> dict[str, str]:
    """Words the corpus lacks, of MIN_NAME_TYPO_LENGTH letters or more, corrected to the name it writes one typo away
    (« Stasbourg » -> Strasbourg, « Méiterranée » -> Méditerranée): so long a name so near the corpus's is a typo of it,
    not another place that an out-of-scope question would be about."""
    long = [word for word in words if len(word) >= MIN_NAME_TYPO_LENGTH]
    found = store.name_suggestions(long) if long else {}
    return {typed: _cased_like(typed, read) for typed, read in found.items()}


def _adjacent(text: str, a: re.Match, b: re.Match) -> bool:
    """Whether two words follow each other, with only a space or a hyphen between them."""
    first, second = (a, b) if a.start() < b.start() else (b, a)
    return bool(_NAME_JOINT_RE.fullmatch(text[first.end() : second.start()]))


# what joins two words of a name: « Aix-Marseille », « Cuise-la-Motte », « Vallon du Roguez », « Parc de la Villette »
_NAME_JOINT_RE = re.compile(r" (?:(?:de la|de l'|du|des|de|d'|la|le|les|sur|en) ?)?|-(?:[^\W\d_]{1,4}-)?")


def _of_the_country(word: str) -> bool:
    """Whether a place adjective is made from the name of the documents' own country (« française »: see DOCUMENTS_COUNTRY)."""
    return any(word_key(country).startswith(stem) for country in DOCUMENTS_COUNTRY for stem in demonym_stems(word))


def _readings(store: Store, words: list[str], names: PlaceNames = NO_NAMES) -> dict[str, str]:
    """How each of these typed words that the corpus lacks is read: colloquial spelling, place adjective (« bordelaise »
    -> de Bordeaux, one of the corpus's names), glued elision or typo."""
    # a word the corpus writes inflected is known (« européen » of a guide that writes « européens »): no place's adjective
    forms = {w: inflected_forms(w) for w in words}
    known = store.known_words(frozenset(k for f in forms.values() for k in f) | frozenset(word_key(rest) for w in words for _, rest in glued_elisions(w)))
    unknown = [w for w in words if not forms[w] & known]
    readings = {w: COLLOQUIAL_SPELLINGS[w.lower()] for w in unknown if w.lower() in COLLOQUIAL_SPELLINGS}
    # (not the documents' own country's: « une ville française » names no place, a French document need not say whose it is)
    places = {w: names.place_of(w) for w in unknown if w not in readings and not _of_the_country(w)}
    readings |= {w: of_place(place) for w, place in places.items() if place}
    readings |= _elisions([w for w in unknown if w not in readings], known)
    # a French word the corpus lacks is what the asker meant (« amende », « usagers »), not a typo of the corpus's word
    mistyped = [w for w in unknown if w not in readings and not is_french_word(w)]
    readings |= _typos(store, mistyped)
    readings |= _lone_name_typos(store, [w for w in mistyped if w not in readings])  # « stasbourg » typed in lower case
    # a word neither French nor the corpus's, one French word with a consonant doubled or made single: what the asker
    # meant, though the corpus lacks it (« combien d'anées »)
    readings |= {w: read for w in mistyped if w not in readings and len(w) >= MIN_TYPO_LENGTH and (read := french_doubling_reading(w))}
    readings |= _clips(store, [w for w in mistyped if w not in readings])
    return {typed: _cased_like(typed, read) for typed, read in readings.items()}


MIN_CLIP = 3  # letters of a clipped word (« végé », « clim »); two letters start too many words
CLIPPED_LETTERS = 3  # letters a clip leaves out at least (« végé » of « végétarien »; « dej » is no clip of « déjà »)


def _clips(store: Store, words: list[str]) -> dict[str, str]:
    """Short words the corpus lacks, neither French nor a typo, that are a clip of words it writes (« végé »: its
    « végétarien », « végétal »), read as the shortest of them when they all share one search term: a clip as long as
    a search term or longer (« appart ») already finds its word; one that starts words of several terms (« dej »:
    « déjeuner », « déjection ») is left as typed."""
    found = {}
    for word in words:
        if not MIN_CLIP <= len(word) < PREFIX_CHARS or not word.isalpha():
            continue
        # by key, each as French writes it; a clip cuts a long word (« dej » is no clip of « déjà »)
        starting = {word_key(french): french for french in french_words_starting(word) if len(french) >= len(word) + CLIPPED_LETTERS}
        written = sorted(store.known_words(frozenset(starting)), key=lambda key: (len(key), key))
        if written and len({term for key in written for term in search_terms(key, store.analyzer)}) == 1:
            found[word] = starting[written[0]]
    return found


def _may_be_misspelt(word: str, start: int) -> bool:
    """Whether a typed word may be read otherwise: not a stop word, not a name (capitalised after the question's start)."""
    return word_key(word) not in STOP_WORDS and len(word) > 1 and (start == 0 or not word[0].isupper())


def _elisions(words: list[str], known: frozenset[str]) -> dict[str, str]:
    """Those words that are an elided form glued to a word ("less" -> l'ess), with their apostrophe (known: the corpus's words);
    a word of French only before a function word (« dune » -> d'une): « légalement » is no « l'également »."""
    found = {}
    for word in words:
        for form, rest in glued_elisions(word):
            whole_unknown = not is_french_word(word)
            if elides_before(form, rest, word_key(rest) in known and whole_unknown, is_french_word(rest) and whole_unknown):
                found[word] = f"{form}'{rest}"
                break
    return found


def _typos(store: Store, words: list[str]) -> dict[str, str]:
    """Words the corpus lacks corrected to its word one typo away; a shorter word only to its word with one
    consonant doubled or made single, when the corpus has one such word and no other."""
    found = _interrogatives(words)
    asked = [w for w in words if len(w) >= MIN_TYPO_LENGTH and w not in found]
    found |= store.spelling_suggestions(asked) if asked else {}
    short = [w for w in words if MIN_DOUBLING_LENGTH <= len(w) < MIN_TYPO_LENGTH and w not in found]
    found |= _doubled_or_single(store, short)
    return found | _swapped_letters(store, [w for w in short if w not in found])


def _swapped_letters(store: Store, words: list[str]) -> dict[str, str]:
    """Short words the corpus lacks read as its word with two neighbouring letters swapped back (« tuax »: taux), when
    it has one such word and no other: the slip most often made on a keyboard."""
    return _read_as_one_known(store, {w: swap_variants(w.lower()) for w in words})


def _interrogatives(words: list[str]) -> dict[str, str]:
    """Words one typo from one interrogative and no other (« Qulle », « combein », « pourqoui »): the corpus's
    spelling suggestions leave out function words, and these tell what a question asks for."""
    found = {}
    for word in words:
        read = TYPED_INTERROGATIVES & typo_variants(word_key(word)) if len(word) >= MIN_DOUBLING_LENGTH else set()
        if len(read) == 1:
            (found[word],) = read
    return found


def _doubled_or_single(store: Store, words: list[str]) -> dict[str, str]:
    """Words the corpus lacks read as its word with one consonant doubled or made single, when it has one such word and no other."""
    return _read_as_one_known(store, {w: doubling_variants(w.lower()) for w in words})


def _read_as_one_known(store: Store, variants: dict[str, set[str]], lacking: bool = False) -> dict[str, str]:
    """Each typed word read as the one of its variants that the corpus writes, when it writes one and no other; with
    lacking, only a typed word it does not write itself. The corpus is asked once."""
    if not variants:
        return {}
    asked = {word_key(v) for forms in variants.values() for v in forms} | ({word_key(typed) for typed in variants} if lacking else set())
    known = store.known_words(frozenset(asked))
    found = {}
    for typed, forms in variants.items():
        read = [v for v in forms if word_key(v) in known]
        if len(read) == 1 and not (lacking and word_key(typed) in known):
            found[typed] = read[0]
    return found


def _cased_like(typed: str, read: str) -> str:
    """A reading capitalised as the typed word was (the question's first word)."""
    return read[:1].upper() + read[1:] if typed[:1].isupper() else read


def reading_notice(readings: dict[str, str]) -> str:
    """What was read how: « metropol » lu comme « métropole », « cest » lu comme « c'est »."""
    return ", ".join(f"« {typed} » lu comme « {read} »" for typed, read in readings.items())


def _joined(*notices: str | None) -> str | None:
    """Notices as one ('; ' between them), None when there is none."""
    return "; ".join(n for n in notices if n) or None
