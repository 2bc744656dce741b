"""Questions a corpus asks of itself, to calibrate when it answers (see ess_qa.calibration).

Answerable probes are made from the corpus's own sentences and headings: a few of a sentence's
content words as a keyword query or a question ("Combien de restaurants ... ?" from a sentence
that counts restaurants, "En quelle année ... ?" from one that names a year), a heading as
"Qu'est-ce que ... ?". Each has a near-topic twin that the corpus does not answer: its rarest word
swapped for a word of another page, or for a word the corpus never uses, or the question asked
for a year the corpus never mentions. Off-topic probes are a fixed set of generic questions
(GENERIC_OFF_TOPIC). Draws are made by a generator seeded with SEED: the same corpus gives the same
probes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from index.store import Store
from ingest.french import content_words, folded_content_words, search_terms, words
from ingest.numbers import MULTIPLIER_WORDS, YEAR_RE
from ingest.types import last_heading

SEED = 20_190  # any fixed number: the same corpus must give the same probes, hence the same calibration
SENTENCES = 64  # sentences drawn as answerable probes (all of them in a smaller corpus) ...
HEADINGS = 16  # ... and headings
MIN_WORDS = 5  # content words a sentence needs to make a probe (fewer: a caption, a fragment)
DRAWN = 3  # sentences drawn for each one needed: the short ones are left out (7 to 22% in the tuning documents)
ASKED_WORDS = (3, 5)  # a probe keeps this many of its sentence's content words, at least and at most
YEARS = range(1950, 2050)  # where a year the corpus never mentions is drawn
# How a near-topic twin is made, by share: mostly a key word swapped (which only the thresholds can
# refuse), for a tenth a year the corpus never mentions (which a rule refuses). A judgement, not a fit.
YEAR_TWINS, ABSENT_WORD_TWINS = 0.1, 0.3  # the rest: a word of another page

# Generic questions on subjects no report of public policy covers (cooking, sport, weather, health,
# travel, culture, science), in French and in English: written for this purpose, taken from no
# question set of the project.
GENERIC_OFF_TOPIC = (
    "Combien de temps faut-il laisser reposer une pâte à crêpes ?",
    "Combien de temps faut-il cuire des pâtes fraîches ?",
    "Qui a remporté le Tour de France cycliste l'an dernier ?",
    "Combien de joueurs compte une équipe de rugby à quinze ?",
    "Quel temps fera-t-il à Biarritz demain matin ?",
    "Faut-il prendre un parapluie pour la randonnée de dimanche ?",
    "Comment soigner une angine sans antibiotiques ?",
    "Quelle est la hauteur du mont Blanc ?",
    "Quel vin servir avec un plateau de fromages de chèvre ?",
    "Comment changer la chambre à air d'un vélo ?",
    "Qui a écrit le roman Madame Bovary ?",
    "Combien de satellites naturels possède la planète Saturne ?",
    "À quelle heure commence le match de handball ce soir ?",
    "Quand faut-il tailler les rosiers du jardin ?",
    "How long should I boil an egg for a runny yolk?",
    "Who scored the winning goal in the last football World Cup final?",
    "Will it snow in the Alps next weekend?",
    "What is the fastest way to learn to play the guitar?",
    "How many calories are there in a banana?",
    "Which planet is closest to the Sun?",
)
# Words people ask with that a document's sentence seldom holds ("les étapes à suivre", "le rôle
# exact"): a few of them join each answerable probe, as they join real questions. Generic, written
# for this purpose. How many (PHRASING_WORDS) is a judgement: without them answerable probes score
# far above real questions; ANSWERED_AT (ess_qa.calibration) was chosen with this setting.
GENERIC_PHRASING = tuple(
    "exactement concrètement principal principaux actuel actuellement prévu exemple exemples signifie "
    "définition rôle différence objectif raison moyen façon manière type possible nécessaire "
    "obligatoire conditions modalités démarche étapes procédure règles critères informations détails "
    "important utile général précisément situation question".split()
)
PHRASING_WORDS = (0, 2)  # at least and at most
# Everyday words of public life, some of which a given corpus never uses: swapped into near-topic probes.
GENERIC_SWAPS = tuple(
    "piscine vaccin parking stade douane aéroport pompiers cimetière bibliothèque météo casino "
    "patinoire ostréiculture télésiège gymnase vétérinaire phare funiculaire hippodrome".split()
)


OFF_TOPIC = "off-topic"  # the kind of the generic off-topic probes


@dataclass(frozen=True)
class Probe:
    """A question the corpus answers (answerable) or not, and how it was made (kind)."""

    question: str
    answerable: bool
    kind: str


@dataclass(frozen=True)
class Sentence:
    """A sentence (answer unit) of the corpus, and where it stands: its page and section."""

    text: str
    page: tuple[str, int]  # (source, page)
    section: str


def corpus_sentences(store: Store) -> list[Sentence]:
    """Every answer unit of the corpus, page by page, with its page and section."""
    found = []
    for document in store.documents():
        for page in range(1, document.last_page + 1):
            for position in store.positions_on_page(page, document.name):
                section = store.chunk(position).section
                found.extend(Sentence(unit.text, (document.name, page), section) for unit in store.units(position))
    return found


def asked_words(text: str) -> list[str]:
    """The words of a sentence a question may ask with: its content words of three letters or more, but numbers (lower case)."""
    return list(dict.fromkeys(w for w in content_words(text) if not w.isdigit() and len(w) > 2))


def draw(rng: np.random.Generator, items: list, count: int) -> list:
    """count items drawn without replacement (all of them when there are fewer), in their order."""
    if len(items) <= count:
        return list(items)
    return [items[i] for i in sorted(rng.choice(len(items), size=count, replace=False))]


def some_words(rng: np.random.Generator, store: Store, candidates: list[str]) -> list[str]:
    """A few of the words (ASKED_WORDS), in their order, and a few phrasing words (PHRASING_WORDS);
    rarer words (higher idf) are likelier, as people ask with them."""
    low, high = ASKED_WORDS
    count = min(len(candidates), int(rng.integers(low, high + 1)))
    rarity = store.idf([(search_terms(w, store.analyzer) or [w])[0] for w in candidates]) + 1e-6
    chosen = rng.choice(len(candidates), size=count, replace=False, p=rarity / rarity.sum())
    phrasing = draw(rng, list(GENERIC_PHRASING), int(rng.integers(PHRASING_WORDS[0], PHRASING_WORDS[1] + 1)))
    return phrasing + [candidates[i] for i in sorted(chosen)]


def counted_noun(text: str) -> str | None:
    """The first content word that follows a number other than a year ('33 797 restaurants' -> 'restaurants')."""
    tokens = words(text)
    for number, noun in zip(tokens, tokens[1:]):
        if number.isdigit() and not YEAR_RE.fullmatch(number) and len(noun) > 2 and content_words(noun) and not re.fullmatch(MULTIPLIER_WORDS, noun):
            return noun
    return None


def sentence_probe(rng: np.random.Generator, store: Store, sentence: Sentence) -> Probe | None:
    """An answerable question from a sentence: a count, a year, a keyword query or a question about some of its words."""
    candidates = asked_words(sentence.text)
    if len(candidates) < MIN_WORDS:
        return None
    noun = counted_noun(sentence.text)
    if noun is not None:
        return Probe(f"Combien de {noun} {' '.join(some_words(rng, store, [w for w in candidates if w != noun]))} ?", True, "figure")
    if YEAR_RE.search(sentence.text):
        return Probe(f"En quelle année {' '.join(some_words(rng, store, candidates))} ?", True, "year")
    asked = " ".join(some_words(rng, store, candidates))
    return Probe(asked, True, "keywords") if rng.random() < 0.5 else Probe(f"Qu'en est-il de {asked} ?", True, "question")


def heading_probes(rng: np.random.Generator, sentences: list[Sentence]) -> list[tuple[Probe, Sentence]]:
    """Headings (the last part of a section path, with two words or more) asked as "Qu'est-ce que ... ?"."""
    first_under: dict[str, Sentence] = {}
    for sentence in sentences:
        heading = last_heading(sentence.section)
        if len([w for w in content_words(heading) if not w.isdigit()]) >= 2:
            first_under.setdefault(heading, sentence)
    chosen = draw(rng, sorted(first_under), HEADINGS)
    return [(Probe(f"Qu'est-ce que {heading} ?", True, "heading"), first_under[heading]) for heading in chosen]


def answerable_probes(rng: np.random.Generator, store: Store, sentences: list[Sentence], drawn: list[Sentence]) -> list[tuple[Probe, Sentence]]:
    """Probes from the drawn sentences (SENTENCES of them at most) and from headings, each with the sentence it came from."""
    made = [(sentence_probe(rng, store, s), s) for s in drawn]
    return [(p, s) for p, s in made if p is not None][:SENTENCES] + heading_probes(rng, sentences)


def key_word(store: Store, question: str) -> str | None:
    """The question's rarest word in the corpus (highest idf), which a near-topic twin replaces."""
    candidates = [w for w in asked_words(question) if search_terms(w, store.analyzer)]
    if not candidates:
        return None
    rarity = store.idf([search_terms(w, store.analyzer)[0] for w in candidates])
    return candidates[int(np.argmax(rarity))]


def swapped(question: str, word: str, other: str) -> str:
    """The question with a word (as asked_words gives it) replaced by another, the first time it occurs."""
    lowered = question.lower()
    start = lowered.find(word.lower())
    return question if start < 0 else question[:start] + other + question[start + len(word) :]


@dataclass(frozen=True)
class SwapWords:
    """Words to swap into near-topic twins: words the corpus never uses, and words of each page."""

    absent: list[str]
    by_page: dict[tuple[str, int], list[str]]


def swap_words(store: Store, sentences: list[Sentence]) -> SwapWords:
    """The generic words the corpus never uses, and the longer content words of each page."""
    absent = [w for w in GENERIC_SWAPS if not store.known_words(frozenset(folded_content_words(w)))]
    by_page: dict[tuple[str, int], set[str]] = {}
    for sentence in sentences:
        by_page.setdefault(sentence.page, set()).update(w for w in asked_words(sentence.text) if len(w) > 5)
    return SwapWords(absent, {page: sorted(found) for page, found in by_page.items()})


def elsewhere_word(rng: np.random.Generator, store: Store, pool: SwapWords, page: tuple[str, int]) -> str | None:
    """A word of another page that the sentence's page never uses."""
    pages = [p for p in sorted(pool.by_page) if p != page and pool.by_page[p]]
    if not pages:
        return None
    here = store.page_words(*page)
    for _ in range(8):  # a few tries: most words of another page are not on this one
        other = pool.by_page[pages[int(rng.integers(len(pages)))]]
        word = other[int(rng.integers(len(other)))]
        if not folded_content_words(word) & here:
            return word
    return None


def near_topic_twin(rng: np.random.Generator, store: Store, probe: Probe, sentence: Sentence, pool: SwapWords) -> Probe | None:
    """The probe made unanswerable: its rarest word swapped for another page's or an unknown word, or a year the corpus never mentions."""
    choice = rng.random()
    if choice < YEAR_TWINS:
        year = next((str(y) for y in rng.permutation(np.array(YEARS)) if not store.known_words(frozenset([str(y)]))), None)
        return replace(probe, question=f"{probe.question.rstrip(' ?')} en {year} ?", answerable=False, kind="year-absent") if year else None
    key = key_word(store, probe.question)
    if key is None:
        return None
    if choice < YEAR_TWINS + ABSENT_WORD_TWINS and pool.absent:
        other, kind = pool.absent[int(rng.integers(len(pool.absent)))], "swap-absent"
    else:
        other, kind = elsewhere_word(rng, store, pool, sentence.page), "swap-elsewhere"
    return Probe(swapped(probe.question, key, other), False, kind) if other else None


def make_probes(store: Store, seed: int = SEED) -> list[Probe]:
    """The calibration probes of a corpus: answerable ones, their near-topic twins, and the generic off-topic questions."""
    rng = np.random.default_rng(seed)
    sentences = corpus_sentences(store)
    # a few times more sentences than needed, as some are too short to ask about; their words are the swaps'
    drawn = draw(rng, sentences, DRAWN * SENTENCES)
    pool = swap_words(store, drawn)
    probes = []
    for probe, sentence in answerable_probes(rng, store, sentences, drawn):
        probes.append(probe)
        twin = near_topic_twin(rng, store, probe, sentence, pool)
        if twin is not None:
            probes.append(twin)
    return probes + [Probe(question, False, OFF_TOPIC) for question in GENERIC_OFF_TOPIC]
