"""French text handling, in one place: apostrophes, accents, elisions, words, stop words, stems,
hyphenation, sentences.

Everything that knows how French is written lives here; the cleaner, the chunker, the lexical
index, the snippet extractor and the evaluation all call these functions. Numbers are read by
ingest.numbers; questions (their language, type, focus, follow-ups) by ess_qa.questions.

The text forms and tokenizers, from the whole text to index terms:

| function              | gives | what it keeps                                                   | used by                                                 |
| --------------------- | ----- | --------------------------------------------------------------- | ------------------------------------------------------- |
| normalize_apostrophes | text  | everything; every apostrophe-like character as '                | structure, questions, the metropoles profile            |
| fold_accents          | text  | everything but diacritics (é -> e, œ -> oe); case kept          | stems, prefixes, retrieval filters, metropoles profile  |
| fold_for_matching     | text  | accents folded, lower case, plain apostrophes                   | the metropoles profile (factsheets, questions, lookup)  |
| match_key             | text  | lower-case letters and digits only (nothing else decides)       | clean, evaluation, assistant (duplicates)               |
| words                 | list  | lower-case words, accents kept, elisions off, '1 898 950' whole | content_words, questions.guess_language                 |
| content_words         | list  | words less stop words and lone letters (numbers kept)           | index.lexical (translations), lookup, evidence          |
| folded_content_words  | set   | the distinct content words, accents folded                      | evidence, answering (page words, names)                 |
| stem_terms            | list  | content words, Snowball-stemmed, accents folded                 | the "stem" analyzer                                     |
| prefix_terms          | list  | content words, accents folded, first 5 letters                  | the "prefix5" analyzer (the default)                    |
| search_terms          | list  | the terms of an analyzer (ANALYZERS)                            | index.lexical (BM25), evidence, answering, web          |
| variant_keys          | list  | content words but « mis en place »-like phrases, each as the    | web (highlights)                                        |
|                       |       | keys its variants share (stem, accents, plural folded)          |                                                         |
| written_words         | list  | the words of words, case kept ('Nantes', 'ESS')                 | index.lexical (Vocabulary: names, spellings)            |
| typed_stems           | set   | a typed word's stems (as typed, folded, verb -ent as -e)        | index.lexical (Vocabulary: has the corpus a form of it) |
| word_key              | text  | a word lower case, accents folded (stop words, corpus words)    | spelling, noun_complements                              |
| is_french_word        | bool  | whether a word is in a general French lexicon (not the corpus's)| spelling (a French word is no typo)                     |
| lexicon_language      | text  | 'en' or 'fr' by words of one lexicon only, None when even      | questions.guess_language (no function word decides)     |
| noun_complements      | list  | (head, complement) of 'N de M' without article ('réseau de      | answering (is the snippet about the kind asked for)     |
|                       |       | froid'), as written                                             |                                                         |
| defines               | bool  | whether a text defines one of some words ('Une CJS est ...')    | evidence (the line a « qu'est-ce que » asks for)        |
| split_capital_runs    | list  | a line cut after a strip of figures in capitals ('493 200       | units                                                   |
|                       |       | DÉPARTS EN RETRAITE … Les effectifs vieillissent')              |                                                         |
| in_capitals           | bool  | whether a word is written in capitals ('HAS', 'DÉPARTS')        | questions (language), initials, evidence |
| mostly_capitals       | bool  | whether a text is a banner, title or figure's label             | answering (never the snippet)                           |
| words_run_together    | bool  | whether a text's words lost their spaces (a footnote as pypdf   | answering (never the snippet)                           |
|                       |       | may read it: 'L’authentificationcomportementaleest…')           |                                                         |
| mostly_sources        | bool  | whether a text is mostly sources (numbered notes, web addresses:| answering (never the snippet of a what/which question)  |
|                       |       | '10 https://librairie.ademe.fr/… 11 https://…')                 |                                                         |
| join_hyphenated_lines | text  | words cut at a line's end joined ('dévelop-\\npement', also     | clean (every page)                                      |
|                       |       | 'for -\\nmation'); compounds keep their hyphen                  |                                                         |
| join_split_words      | list  | a PDF's pages, words split by letter spacing joined             | loaders (PDF pages)                                     |
|                       |       | ('v éhicules'), a drop cap's « L 'acheteur » made L'acheteur    |                                                         |
| split_glued_words     | list  | a PDF's pages, words whose spaces were lost set apart           | loaders (PDF pages)                                     |
|                       |       | ('personnesqui', « dansl'utilisation »)                         |                                                         |
| HEADING_OPENERS       | set   | the function words a heading may open with (« Quels »)          | font_headings (a heading over two lines)                |

Questions as people type them (ess_qa.spelling reads a question with them and the store's words):

| function             | what it tells                                                                        |
| -------------------- | ------------------------------------------------------------------------------------ |
| glued_elisions       | the (elided form, rest) a word typed without its apostrophe may be ('lenquete')      |
| prefix_splits        | the (prefix, rest) a word may be ('cofinance': co, finance; the corpus's co-financement) |
| elides_before        | whether such a pair reads as an elision (c'est, l'enquête; not t'aux, l'une)         |
| join_lone_elisions   | "qu est ce", "l ESS" joined: "qu'est ce", "l'ESS"                                    |
| typo_variants        | the words one typo away (used by the store's spelling_suggestions)                   |
| doubling_variants    | a short word with one consonant doubled or made single ('nape': nappe, 'apels')      |
| swap_variants        | a word with two neighbouring letters swapped ('tuax': taux, 'RGSEN': RGESN)           |
| same_word            | whether two words are one but for case, accents, a feminine or plural ending         |
| inflected_pair       | whether two words are one in the feminine or plural (souscrit / souscrite)           |
| first_person_dropped | a question without "je voudrais savoir", "on m'a parlé" (questions.question_content) |
| COLLOQUIAL_SPELLINGS | ya, kesako, cb, qd, max, infos ... and what they stand for                           |
| texted_cest          | « c quoi », « c qui » read as « c'est quoi », « c'est qui »                           |
| PLACEHOLDER_NOUNS    | truc, machin, bidule: nothing to search for                                          |
| DISCOURSE_MARKERS    | au final, du coup, concrètement …: spoken French's framing, nothing to search for    |
| french_words_starting| the lexicon's words a clip starts ('végé': végétal, végétarien …; spelling's clips)   |
| inverts_its_subject  | whether a token is a verb before its subject pronoun ('a-t-il': no name's word)      |
| MODAL_PARTICIPLES    | pu, dû, su …: not the verb a question asks of its subject ('a-t-elle pu acheter')    |
| rendering_dropped    | « rendue publique » read « publique »: « rendre » and its word make one verb         |
| is_infinitive        | whether a word is a verb's infinitive ('de manger': no noun's complement)            |
| names_an_abstraction | whether a noun names an action, a state or a whole ('baignade', 'jeunesse'): no count's |
| tells_who_holds      | whether a line says who holds a role by its title (« présidé par le maire »), not only refers to him |

LexicalIndex.query_terms (index/lexical.py) keeps the search terms an index knows.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
import threading
import unicodedata
from functools import lru_cache, wraps
from typing import Callable, Iterable, Iterator, TypeVar

from .numbers import NUMBER_WORD_LIST, enumerators, join_number_groups

T = TypeVar("T")

APOSTROPHES = "'’‘ʼ´`"
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
# l', d', qu', j', n', s', c', m', t', jusqu', lorsqu', puisqu', quoiqu' at the start of a word.
_ELISION_RE = re.compile(r"^(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu)'(?=\w)", re.IGNORECASE)
_WORD_RE = re.compile(r"[0-9a-zà-ÿœæ]+(?:'[0-9a-zà-ÿœæ]+)*", re.IGNORECASE)

# The forms of the modal verbs (vouloir, devoir, pouvoir) a question is phrased with in the first person (« je voudrais
# savoir », « on doit », « nous pouvons »): stop words, and verbs whose next word completes them (first_person_dropped).
MODAL_FORMS = frozenset("veux veut voulons voudrais voudrait dois doit devons devrais devrait peux peut pouvons pourrais pourrait".split())

# Words too common to say anything about a passage (French and the English of cross-lingual
# questions). Kept short on purpose: "plus", "moins", numbers and named entities stay searchable. The forms of the
# auxiliaries and of the modal verbs (devoir, pouvoir, vouloir) that a question is phrased with (« je dois », « qu'elle
# soit admise », « nous voulons ») are function words; not their infinitives, which are nouns as often (« le devoir de
# vigilance »), nor « sommes » (sums of money) or « ai » (English questions' « AI »).
FRENCH_STOP_WORDS = MODAL_FORMS | frozenset(
    """
    a à au aux avec ce ces cet cette celle celles celui ceux comme comment dans de des du elle
    elles en est et être été eu il ils je la le les leur leurs lui ma mais me même mes moi mon ne
    nos notre nous on ont ou où par pas pour qu que quel quelle quelles quels qui sa se ses son
    sont sur ta te tes toi ton tu un une vos votre vous y sa si ni donc or car dont ainsi
    afin aussi cela ceci ça fait faire peut peuvent doit doivent été étaient était sera
    faut fallait faudra faudrait
    combien pourquoi quand quoi lequel laquelle lesquels lesquelles
    duquel desquels desquelles auquel auxquels auxquelles
    devez devraient pouvez pourraient voulez veulent voudraient
    suis êtes soit soient serait seraient seront avons avez ait aient aurait auraient avait avaient
    """.split()
)
STOP_WORDS = FRENCH_STOP_WORDS | frozenset(
    """
    the of and or to in on for is are was were be been by with what which who whom how does do
    did an as at from that this these those it its their there has have had can into must should
    many much why when where whose
    """.split()
)


def normalize_apostrophes(text: str) -> str:
    """Turn every apostrophe-like character into a plain '."""
    return _APOSTROPHE_RE.sub("'", text)


def fold_accents(text: str) -> str:
    """Remove diacritics (é -> e, œ -> oe), keep everything else."""
    if text.isascii():  # most words: nothing to fold
        return text
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Stop words typed without their accents (ete, etait, meme) are stop words too; not "ça", whose "ca" is an abbreviation.
STOP_WORDS = STOP_WORDS | {fold_accents(w) for w in STOP_WORDS if len(w) > 2}


# The function words a heading may open with (« Quels enjeux ? », « Comment faire ? », « Pour aller plus loin », « Les
# outils »): a heading line opening with another (« de », « des », « et ») goes on with the line before it.
HEADING_OPENERS = frozenset("quel quels quelle quelles comment pourquoi pour qui que quoi où ou les le la un une ce ces nos vos notre votre".split())

# The adjectives French puts before their noun (beauty, age, goodness, size, order: « de nouvelles haies », « les
# petites communes »), accents folded: what follows one is the noun.
BEFORE_NOUN_ADJECTIVES = frozenset(
    fold_accents(w)
    for w in (
        "nouveau nouvel nouvelle nouveaux nouvelles ancien ancienne anciens anciennes jeune jeunes vieux vieil vieille vieilles"
        " beau bel belle beaux belles bon bonne bons bonnes mauvais mauvaise mauvaises petit petite petits petites grand"
        " grande grands grandes gros grosse grosses premier première premiers premières dernier dernière derniers dernières"
        " autre autres futur future futurs futures court courte courts courtes long longue longs longues haut haute hauts"
        " hautes"
    ).split()
)


def fold_for_matching(text: str) -> str:
    """The form cue words, labels and names are matched in: accents folded, lower case, plain apostrophes."""
    return fold_accents(normalize_apostrophes(text)).lower()


def strip_elision(word: str) -> str:
    """l'économie -> économie, qu'elle -> elle (apostrophes already normalised)."""
    return _ELISION_RE.sub("", word)


# an acronym written with a dot after each letter, as older and administrative French texts write them:
# « C.C.A.S. », « S.A.V.S » (two letters at least, no space between)
_DOTTED_ACRONYM_RE = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}(?:[^\W\d_](?!\w))?(?![\w])")
# « St Michel », « Ste-Geneviève »: the abbreviations of « Saint » and « Sainte » before a name
_SAINT_RE = re.compile(r"\bSt(e?)\.?(?=[\s-]+[A-ZÀ-Ý])")


def written_forms_joined(text: str) -> str:
    """A text with a dotted acronym written as one word (« C.C.A.S. » -> « CCAS », as a reader types it) and « St »,
    « Ste » before a name as « Saint », « Sainte » (« St Michel sur Orge » -> « Saint Michel sur Orge »): each spelling
    one word for search, for names and for acronyms."""
    if "." in text:
        text = _DOTTED_ACRONYM_RE.sub(lambda m: m.group().replace(".", ""), text)
    return _SAINT_RE.sub(r"Saint\1", text) if "St" in text else text


def _as_words_read(text: str) -> str:
    """A text as its words are read: compatibility forms and apostrophes normalised, a dotted acronym and « St » joined
    (written_forms_joined), a number's thousands joined."""
    return join_number_groups(written_forms_joined(normalize_apostrophes(unicodedata.normalize("NFKC", text))))


def words(text: str) -> list[str]:
    """Lower-case words of a text, apostrophes normalised, elisions removed, accents kept."""
    return _split_words(_as_words_read(text).lower())


def written_words(text: str) -> list[str]:
    """The words of words(), as written: case kept ('Nantes', 'ESS', 'métropole')."""
    return _split_words(_as_words_read(text))


# a word as typed, with its inner apostrophes and hyphens: « aujourd'hui », « presqu'île », « vidéo-surveillance »
_WHOLE_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def whole_words(text: str) -> list[str]:
    """The words of a text as written, each whole with its inner apostrophes and hyphens (« aujourd'hui » is one word,
    not « aujourd » and « hui »)."""
    return _WHOLE_WORD_RE.findall(written_forms_joined(text))


_WORD_OR_MARK_RE = re.compile(r"[^\W\d_][\w'-]*|[^\w\s]")
# a web or e-mail address, or a domain name (« tours-metropole.fr »)
_ADDRESS_RE = re.compile(r"\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+(?:\.[\w-]+)*\.(?:fr|eu|org|com|net|gouv|info)\b\S*", re.IGNORECASE)
_SENTENCE_END = ".!?:»\n•"  # after these, a capital starts a sentence or an item, and says nothing of a name


def words_with_capitals(text: str) -> list[tuple[str, bool, bool]]:
    """Each word of a text (elision removed, as written) with whether it is capitalised inside its sentence (neither its
    first word nor written all in capitals): how a name (« à Strasbourg ») is told from a word (« Certes, »); and
    whether it follows a function word in lower case or an elision (« à », « de la », « d' »): where a name stands in
    running text (« à Toulouse », « d'Amérique »), not a label's words (« Densité : », « Dotation Globale »). Web and
    e-mail addresses are left out."""
    found, previous = [], "."
    text = _ADDRESS_RE.sub(" ", text)  # « www.strasbourg.eu », « contact@rennes.fr » write no word
    for token in _WORD_OR_MARK_RE.findall(written_forms_joined(normalize_apostrophes(unicodedata.normalize("NFKC", text)))):
        word = strip_elision(token)
        if word[:1].isalpha():
            after_function = word != token or (previous.islower() and previous in STOP_WORDS)
            found.append((word, word[0].isupper() and not word.isupper() and previous not in _SENTENCE_END, after_function))
        previous = token
    return found


def _split_words(text: str) -> list[str]:
    """The words of a normalised text, elisions removed."""
    out = []
    for word in _WORD_RE.findall(text):
        if "'" not in word:  # most words: no elision to strip
            out.append(word)
            continue
        out.extend(part for part in strip_elision(word).split("'") if part)
    return out


_stemmer_local = threading.local()


def _stemmer():
    """One Snowball stemmer per thread (PyStemmer objects are not thread-safe)."""
    stemmer = getattr(_stemmer_local, "stemmer", None)
    if stemmer is None:
        import Stemmer

        stemmer = _stemmer_local.stemmer = Stemmer.Stemmer("french")
    return stemmer


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball French stem of a lower-case word, accents folded afterwards."""
    return fold_accents(_stemmer().stemWord(word))


def content_words(text: str) -> list[str]:
    """Words that carry meaning: stop words and lone letters dropped (numbers kept)."""
    return [w for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


def folded_content_words(text: str) -> set[str]:
    """The distinct content words of a text, accents folded."""
    return {fold_accents(w) for w in content_words(text)}


# 'réseau de froid', 'critères de sélection', 'contrat d'abonnement': a word and the word after a bare
# de / d', with no article between, which says what kind of thing the first one is; with an article
# ('le réseau de chaleur de la ville', 'le bilan des cantines') the complement says whose or where.
# The complement is looked ahead for, so that it may head the next phrase ('atelier de réparation de vélos').
# a word joined by hyphens is one (« part de rendez-vous » is not « part de rendez »)
_COMPLEMENT_RE = re.compile(r"(?<![\w-])([^\W\d_]{3,})\s+(?:de\s+|d')(?=([^\W\d_]{3,}(?:-[^\W\d_]+)*)(?![\w-]))", re.IGNORECASE)
# A verb after « de », not a noun: an infinitive followed by its object's article or by an adverb ('le droit de
# retenir directement …', 'l'obligation de fournir un local'); 'réseau de chaleur des villes' is a noun's.
_INFINITIVE_OBJECT_RE = re.compile(r"[^\W\d_]+(?:er|ir|re|oir)\s+(?:(?:le|la|les|un|une|ce|cet|cette|ces|leur|leurs|son|sa|ses)\b|l'|[^\W\d_]{2,}ment\b)", re.IGNORECASE)
# Indefinite pronouns: 'le rôle de chacun' names no kind of role.
_INDEFINITE_PRONOUNS = frozenset("chacun chacune certains certaines plusieurs autres aucun aucune tous toutes".split())
# Adverbial phrases: 'deux ans de suite', 'trois mois d'affilée', 'agir de façon …' name no kind of thing either,
# nor a preposition's or an adverb's « de » ('d'ici 2030', 'd'après le guide', 'de chez', 'de moins de', 'd'abord', « une durée
# de face à face »),
# nor a number written in words ('de cinq ans').
_ADVERBIAL_COMPLEMENTS = frozenset(
    "suite affilee nouveau facon maniere sorte pres loin trop rigueur ici apres avant chez moins plus abord ailleurs autant"
    " emblee ores face".split()
) | frozenset(NUMBER_WORD_LIST.split("|"))
# Nor is the word before « de » a noun in a prepositional phrase: « avant d'envoyer », « autour de midi », « à partir de
# mai », « lors de », « près de », « grâce à », « faute de », « en dehors de » (accents folded: word_key; « au-delà de »
# heads nothing already, _COMPLEMENT_RE taking no head after a hyphen)
_PREPOSITION_HEADS = frozenset("avant pres loin lors autour aupres hors dehors face grace faute partir".split())


# A sentence that opens by referring back to what was named before it: a possessive or a demonstrative determiner, a
# subject pronoun (« Son montant est de … », « Celle-ci est simple », « Ces aides … », « Elle est versée … »)
REFERS_BACK_RE = re.compile(
    r"^\W*(?:son|sa|ses|leur|leurs|ce|cet|cette|ces|il|elle|ils|elles|celui-ci|celle-ci|ceux-ci|celles-ci|ce dernier|cette dernière)\b",
    re.IGNORECASE,
)
# ... with a demonstrative determiner and the noun it takes up (« Cette notification doit comporter … »)
_DEMONSTRATIVE_NOUN_RE = re.compile(r"^\W*(?:ce|cet|cette|ces)\s+([^\W\d_]{3,})", re.IGNORECASE)


def taken_up_noun(text: str) -> str | None:
    """The noun a line opens on after a demonstrative determiner (« Cette notification doit comporter … »: « notification »),
    which names what it refers back to; None for a line that opens otherwise or on a function word (« Ce qui … »)."""
    match = _DEMONSTRATIVE_NOUN_RE.match(text)
    return match.group(1) if match and word_key(match.group(1)) not in STOP_WORDS else None


def noun_complements(text: str) -> list[tuple[str, str]]:
    """The (head, complement) pairs of a text's 'N de M' phrases without an article, as written, neither
    a stop word nor an indefinite pronoun, nor an adverbial phrase ('de suite'), nor a verb's infinitive, after « de »
    ('de manger') or before it (« disposer de matériel »), nor a preposition's (« avant d'envoyer »): 'réseau de froid' ->
    ('réseau', 'froid')."""
    text = normalize_apostrophes(text)
    pairs = ((m.groups(), text[m.end(2) :]) for m in _COMPLEMENT_RE.finditer(text))
    return [
        (head, complement)
        for (head, complement), rest in pairs
        if not {word_key(head), word_key(complement)} & (STOP_WORDS | _INDEFINITE_PRONOUNS)
        and word_key(head) not in _PREPOSITION_HEADS
        and word_key(complement) not in _ADVERBIAL_COMPLEMENTS
        and not _INFINITIVE_OBJECT_RE.match(complement + rest)
        and not is_infinitive(complement)
        and not is_infinitive(head)
    ]


def is_infinitive(word: str) -> bool:
    """Whether a word is a verb's infinitive of the first or second group, told by the general French lexicon holding
    its present plural (« manger »: « mangent »; « fournir »: « fournissent »): « recommande de manger », « obligés de
    continuer » join no noun and its complement; « dossier », « quartier », « avenir » are nouns."""
    key = word_key(word)
    return (key.endswith("er") and key[:-2] + "ent" in french_words()) or (key.endswith("ir") and key[:-2] + "issent" in french_words())


# What follows a word that a sentence defines: a defining verb ('le sigle désigne'), « est » or « sont » with
# an article ('Une CJS est une coopérative'; 'est régi par' is a passive, no definition), a colon after a label,
# a gloss in parentheses ('La loi EGalim (Équilibre des relations …)'), 'a pour objet'; or, before an acronym
# in parentheses, the words it stands for ('eau chaude sanitaire (ECS)').
_DEFINING_WORDS = frozenset("designe designent signifie signifient correspond correspondent consiste consistent regroupe regroupent constitue constituent definit definissent recouvre recouvrent".split())
_COPULAS = frozenset(("est", "sont"))
_DETERMINERS = frozenset("un une le la les l des du d ce cet cette ces celui celle ceux celles".split())
# a word, a colon, or a parenthesis: one that opens on a file pattern or an extension (« Diagfeux (*.dfe) ») is a token
# of its own, no gloss
_DEFINING_TOKEN_RE = re.compile(r"[^\W_]+|\([*.]+|[(:]")


def _defining_tokens(text: str) -> list[str]:
    """The words and marks a definition is read in: words (a dotted acronym as one, written_forms_joined), brackets, colons."""
    return _DEFINING_TOKEN_RE.findall(written_forms_joined(normalize_apostrophes(text)))


# A colon defines the words before it when they open the text as a label, after at most this many content
# words: 'ESS Nantes Factory : fonds …', 'Définition de la SCIC : …', not 'Développer l'ESS dans les QPV : …'
LABEL_AFTER_WORDS = 1


# The endings of inclusive writing joined to a word by a hyphen, a middle dot or a point, and their plural (« un-e »,
# « Promeneur-e », « professionnel-le », « animateur-rices », « salarié·e·s », « citoyen.ne.s »): a word's feminine
# forms written with it, not words of their own. Lower case, after two letters or more, at the word's end, so that names
# joined by hyphens (« Fontaine-le-Port », « Seine-et-Marne ») and a sentence run into the next (« … structure.Les »)
# keep theirs.
_INCLUSIVE_ENDING_RE = re.compile(r"(?<=[^\W\d_]{2})[-‐·•.](?:e|es|le|les|ne|nes|rice|rices|trice|trices|euse|euses|ère|ères|ve|ves)(?:[-‐·•.]s)?(?![\w-])")


def without_inclusive_endings(text: str) -> str:
    """A text with the endings of inclusive writing left out (_INCLUSIVE_ENDING_RE): « Un-e « Promeneur-e du Net » est
    un-e professionnel-le » read as « Un « Promeneur du Net » est un professionnel », whose « -e » is no noun that « du
    Net » would complement."""
    return _INCLUSIVE_ENDING_RE.sub("", text)


def defines(text: str, subject: set[str], told: frozenset[str] = frozenset()) -> bool:
    """Whether a text defines a word of `subject` (content words, accents folded): the word, or the word
    and the next of a name ('ESS Nantes Factory :'), followed by a defining verb, « est » and an article, a
    colon, a gloss in parentheses or 'a pour' ('les jeunes de la CJS se sont partagé' defines nothing); a
    name that opens the text before its verb ('Camino ouvre …'); or an acronym in parentheses after the
    words it stands for ('eau chaude sanitaire (ECS)'). Each item of a list run into the text counts as a
    text of its own ('… comme étant : - Usage personnel : … - Usage professionnel : tout ce qui …'), and so does a
    gloss in brackets opened by an acronym and a colon ('(DILICO : DIspositif de LIssage COnjoncturel)').
    told: acronyms whose words the asker already gave (« une coopérative jeunesse de services (CJS) »): a text
    that spells one of them out says nothing new of it. Read without the endings of inclusive writing
    (without_inclusive_endings)."""
    items = _INLINE_ITEM_RE.split(without_inclusive_endings(text))
    return any(_defines(item, subject, told) for item in items)


# Where an item of a list starts inside a text: a dash or a bullet after a colon, a point, a semicolon or a
# line break, before a capital (a line break alone is where pypdf wrapped a sentence); and a gloss in brackets
# that opens with an acronym and a colon (« … créé en 2025 (DILICO : DIspositif de LIssage COnjoncturel) »).
_INLINE_ITEM_RE = re.compile(r"(?:(?<=[.:;])|(?<=\n))\s*[-–•▪]\s+(?=[A-ZÀ-ÝŒ])|\((?=[A-ZÀ-ÝŒ][A-ZÀ-ÝŒ0-9-]+\s*:)")


def _defines(text: str, subject: set[str], told: frozenset[str] = frozenset()) -> bool:
    """defines() for one item."""
    written = _defining_tokens(text)
    tokens = [word_key(token) for token in written]
    if _spells_out(written, tokens, subject, told):
        return True
    no_gloss = {word_key(word) for word in _TAG_RE.findall(text)} | {word_key(acronym) for acronym in told}
    subject_keys = {word.rstrip("sx") for word in subject}
    if _opens_with_name_and_verb(written, tokens, subject_keys) or _in_apposition(text, subject_keys):
        return True
    for i, token in enumerate(tokens):
        if token.rstrip("sx") not in subject_keys:
            continue
        complement = _complement_of_another_noun(tokens, i, subject_keys)
        after = tokens[i + 1 : i + 5]
        for rest in (after, after[1:] if after and after[0] not in STOP_WORDS else []):
            if not complement and rest and (rest[0] in _DEFINING_WORDS or rest[:2] == ["a", "pour"] or _opens_gloss(rest, no_gloss)):
                return True
            # a label before its colon, a note's or an item's number aside ('4 repas de chasse : repas organisé …')
            if rest[:1] == [":"] and sum(word not in STOP_WORDS and not word.isdigit() for word in tokens[:i]) <= LABEL_AFTER_WORDS:
                return True
            if not complement and rest[:1] and rest[0] in _COPULAS and rest[1:2] and rest[1] in _DETERMINERS:
                return True
            # « Concrètement, un Promeneur du Net c'est : … », « Le PAT, c'est un projet … », « par référendum, c'est-à-dire
            # un vote général … »
            if not complement and rest[:2] == ["c", "est"] and rest[2:3] and (rest[2] in _DETERMINERS or rest[2] == ":" or rest[2:4] == ["a", "dire"]):
                return True
        if _named_before(tokens, i) or _after_definition_of(tokens, i):
            return True
    return False


def _after_definition_of(tokens: list[str], i: int) -> bool:
    """Whether the word at i is what « définition de » announces before a colon (« L'article L541-1-1 CE donne une
    définition du biodéchet : les déchets … »)."""
    before = [token for token in tokens[max(0, i - 3) : i] if token not in ("d", "l", "la")]
    return bool(before) and before[-1] in _OF_WORDS | {"definition"} and "definition" in before[-2:] and tokens[i + 1 : i + 2] == [":"]


def _named_before(tokens: list[str], i: int) -> bool:
    """Whether the word at i follows a naming verb that says what it is called ('est qualifiée de multifacteur',
    'on appelle tiers-lieu', 'une structure dite d'insertion'), or opens « par X, on entend »."""
    before = [token for token in tokens[max(0, i - 3) : i] if token not in ("d", "l")]
    if before[-1:] and before[-1] in _NAMING_WORDS or before[-2:] in _NAMING_PAIRS:
        return True
    after = tokens[i + 1 : i + 5]
    return tokens[i - 1 : i] == ["par"] and any(after[j : j + 2] == ["on", "entend"] for j in range(len(after) - 1))


# A naming verb before the word it names: its participle (« qualifiée de », « appelée », « dite », « dénommée »),
# « on appelle », « on nomme », or « s'appelle », « se nomme » (« Ce processus s'appelle « l'alimentation par bâchées » »)
_NAMING_WORDS = frozenset("appele appelee appeles appelees dit dite dits dites denomme denommee denommes denommees".split())
_NAMING_PAIRS = [[f"qualifie{ending}", "de"] for ending in ("", "e", "s", "es")] + [
    ["on", "appelle"], ["on", "nomme"], ["on", "designe"], ["s", "appelle"], ["s", "appellent"], ["se", "nomme"], ["se", "nomment"]
]


def _complement_of_another_noun(tokens: list[str], i: int, subject_keys: set[str]) -> bool:
    """Whether the i-th token follows « de » after a noun that is no subject word: in « la destination des
    venaisons correspond à … », what the verb says is of the destination, not of the venaisons (« repas de
    chasse est » still says what a « repas de chasse » is; a label, « Définition des QPV : », still labels)."""
    return i >= 2 and tokens[i - 1] in _OF_WORDS and tokens[i - 2].rstrip("sx") not in subject_keys and tokens[i - 2][:1].isalpha()


_OF_WORDS = frozenset({"de", "des", "du", "d", "d'"})


def _opens_with_name_and_verb(written: list[str], tokens: list[str], subject_keys: set[str]) -> bool:
    """Whether a text opens with the name it is asked about, then its verb: what a product or a body is, is
    what it does ('Camino ouvre le cadastre minier …'). A name, not an acronym, which stands for words that
    define it ('La CJS loue ses services' does not say what a CJS is)."""
    start = 1 if tokens[:1] and tokens[0] in _DETERMINERS else 0
    name, verb = written[start : start + 2], tokens[start + 1 : start + 2]
    return (
        len(name) == 2
        and tokens[start].rstrip("sx") in subject_keys
        and name[0][:1].isupper()
        and not name[0].isupper()
        and name[1][:1].isalpha()
        and verb[0] not in STOP_WORDS
    )


# a word, or an acronym in brackets after it, then a comma and an indefinite article: what it is, in apposition
# (« … des projets alimentaires territoriaux (PAT), un outil essentiel … », « Le RSA, une aide … »)
_APPOSITION_RE = re.compile(r"([^\W\d_]+)\s*(?:\(([^\W\d_]+)\))?\s*,\s*(?:un|une)\s")


def _in_apposition(text: str, subject_keys: set[str]) -> bool:
    """Whether a text says what a word of the subject (keys, a plural's s or x off) is in apposition (_APPOSITION_RE)."""
    return any(word_key(word).rstrip("sx") in subject_keys for found in _APPOSITION_RE.findall(text) for word in found if word)


# a word in lower case alone in parentheses: a tag (« … territoriaux (amplification) »), no gloss
_TAG_RE = re.compile(r"\(([a-zà-ÿœæ]+)\)")


def _opens_gloss(tokens: list[str], no_gloss: set[str]) -> bool:
    """Whether tokens open a gloss in parentheses: '(' and a word, not a number ('(2015 - 2020)'), nor a function word
    but an article or « ou » (« (a minima un compte facebook) », « (par exemple …) » say how or which, not what: « (ou
    projet alimentaire territorial) », « (l'économie sociale …) » do), nor one of no_gloss (as keys): a tag, an acronym
    the asker spelled out (« (CJS) » after its words, in the question)."""
    if tokens[:1] != ["("] or len(tokens) < 2 or not tokens[1][:1].isalpha() or tokens[1] in no_gloss:
        return False
    return tokens[1] not in STOP_WORDS or tokens[1] in _GLOSS_OPENERS


_GLOSS_OPENERS = _DETERMINERS | {"ou"}


def spells_out(text: str, subject: set[str]) -> bool:
    """Whether a text spells out an acronym of `subject` (content words, accents folded): the acronym in
    parentheses after the words it stands for ('eau chaude sanitaire (ECS)'; see spelled_words), or a list of
    acronyms' words after it ('DAO Dessin Assisté par Ordinateur'; see glossed_words)."""
    written = _defining_tokens(text)
    return _spells_out(written, [word_key(token) for token in written], subject)


def _spells_out(written: list[str], tokens: list[str], subject: set[str], told: frozenset[str] = frozenset()) -> bool:
    """spells_out, from a text's tokens as written and as keys (word_key), already read; told: acronyms left out."""
    return any(set(word_key(acronym).split("-")) <= subject for acronym in _acronyms_spelled_out(written, tokens) if acronym not in told)


def acronyms_spelled_out(text: str) -> dict[str, str]:
    """The acronyms a text spells out, each with the words it stands for (as keys, see word_key):
    'les quartiers prioritaires de la politique de la ville (QPV)' -> {'QPV': 'quartiers prioritaires de
    la politique de la ville'}. The first spelling of an acronym is kept."""
    written = _defining_tokens(text)
    return _acronyms_spelled_out(written, [word_key(token) for token in written])


def _acronyms_spelled_out(written: list[str], tokens: list[str]) -> dict[str, str]:
    """acronyms_spelled_out, from a text's tokens as written and as keys (word_key): an acronym in parentheses
    after its words, or one that a list of acronyms glosses (glossed_words), after a colon, in brackets or not."""
    found: dict[str, str] = {}
    for i in range(2, len(tokens)):
        if tokens[i - 1] == "(" and written[i].isupper() and written[i] not in found:
            spelled = spelled_words(written[i], tokens[: i - 1])
            if spelled:
                found[written[i]] = " ".join(spelled)
    i = 0
    while i < len(written):
        end = i
        while end < len(written) and len(written[end]) > 1 and written[end].isupper() and written[end].isalpha():
            end += 1  # 'DT', 'DICT' of 'DT-DICT'
        if end > i:
            opener = written[end] if end < len(written) else ""
            gloss = end + (opener in (":", "("))  # « UIOM : Usine d'Incinération … », « les CEE (certificats d'économie d'énergie) »
            # the words in capitals, else the last alone: a heading's word before it (« Présentation de CREAMAP CREAMAP Centre de … »)
            for acronym in dict.fromkeys(("-".join(written[i:end]), written[end - 1])):
                glossed = glossed_words(acronym, written[gloss:], tokens[gloss:], in_brackets=opener == "(")
                if glossed:
                    found.setdefault(acronym, " ".join(glossed))
                    break
        i = max(end, i + 1)
    return found


def glossed_words(acronym: str, written: list[str], tokens: list[str], in_brackets: bool = False) -> list[str]:
    """The words after an acronym that a list of acronyms glosses it with ([] when none): they open with a
    capital, and their content words start with its letters in order, the first with the first, one word at most
    giving none ('DAO Dessin Assisté par Ordinateur', 'DT-DICT Déclaration de Travaux – Déclaration d'Intention de
    Commencement de Travaux', 'RTES Réseau des collectivités Territoriales pour une Economie Solidaire'), or one per
    LETTERS_PER_WORD_WITHOUT_LETTER letters of a longer acronym (« CREAMAP Centre de Ressources pour l'Essaimage des
    Associations producteurs/consommateurs pour le Maintien de l'Agriculture Paysanne »); in brackets after it, its
    words may open in lower case (« les CEE (certificats d'économie d'énergie) »)."""
    letters = word_key(acronym).replace("-", "")
    opens = written[0][:1] if written else ""
    if len(letters) < 2 or not written or written[0].isupper() or not (opens.isupper() or in_brackets and opens.isalpha()):
        return []
    matched = skipped = 0
    without_letter = max(GLOSS_WORDS_WITHOUT_LETTER, len(letters) // LETTERS_PER_WORD_WITHOUT_LETTER)
    for k, token in enumerate(tokens):
        if len(token) < 2 or token in STOP_WORDS or not token[:1].isalpha():
            continue
        if token[0] != letters[matched]:
            skipped += 1  # a word may give no letter ('collectivités' in 'Réseau des collectivités Territoriales …')
            if matched == 0 or skipped > without_letter:
                return []
            continue
        matched += 1
        if matched == len(letters):
            return tokens[: k + 1]
    return []


GLOSS_WORDS_WITHOUT_LETTER = 1  # as many as spelled_words allows ...
# ... or one per so many letters of a long acronym, whose letters in order are seldom met by chance
LETTERS_PER_WORD_WITHOUT_LETTER = 3


def spelled_words(acronym: str, before: list[str]) -> list[str]:
    """The words just before an acronym that it is made of ([] when none): the initials of their content
    words hold its letters in order, the first word giving the first letter and the last the last
    ('QPV' of 'quartiers prioritaires de la politique de la ville'); a word may give no letter
    ('politique' above), at most one word more than the acronym has letters. Of several such runs, one
    with a word per letter, else the shortest."""
    letters = word_key(acronym)
    content = [(i, word) for i, word in enumerate(before) if len(word) > 1 and word not in STOP_WORDS and word[:1].isalpha()][-(len(letters) + 1) :]
    if len(letters) < 2 or not letters.isalpha() or not content or content[-1][1][0] != letters[-1]:
        return []
    starts = [k for k in range(len(content)) if content[k][1][0] == letters[0] and _subsequence(letters, [w[0] for _, w in content[k:]])]
    if not starts:
        return []
    start = next((k for k in starts if len(content) - k == len(letters)), starts[-1])
    return before[content[start][0] :]


def _subsequence(letters: str, initials: list[str]) -> bool:
    """Whether the letters appear in order among the initials, the first and the last at both ends."""
    remaining = iter(initials[1:-1])
    middle = letters[1:-1]
    return len(letters) <= len(initials) and all(letter in remaining for letter in middle)


# A verb with its subject pronoun after it, as French asks (« a-t-il », « peut-on », « sont-elles »): a verb, never a
# name's word
INVERTED_SUBJECT = r"[^\W\d_]+-(?:t-)?(?:il|elle|ils|elles|on)"
_INVERTED_SUBJECT_RE = re.compile(INVERTED_SUBJECT + "$", re.IGNORECASE)


# The past participles of the verbs that say what a subject could, had to or knew how to do, before the verb it did
# (« a-t-elle pu acheter », « a-t-il dû payer »)
MODAL_PARTICIPLES = frozenset("pu dû du su voulu fallu".split())


def inverts_its_subject(token: str) -> bool:
    """Whether a token is a verb followed by its subject pronoun (« a-t-il », « faut-il »)."""
    return bool(_INVERTED_SUBJECT_RE.match(normalize_apostrophes(token)))


# « rendre » with the adjective or bare noun after it makes one verb (« rendue publique »: published, « rendre
# compte »): the word after it says what is asked, not « rendre », which « compte rendu » would match (itself a noun,
# kept: « le compte rendu annuel »)
_RENDERING_RE = re.compile(
    r"(?<!compte )(?<!comptes )(?<!compte-)(?<!comptes-)\b(?:rendre|rend|rends|rendent|rendu|rendue|rendus|rendues|rendra|rendront)\s+"
    r"(?!(?:le|la|les|un|une|des|du|de|à|au|aux|en|par|pour|sur|dans|ce|cet|cette|ces|son|sa|ses|leur|leurs|mon|ma|mes)\b|[ld]')(?=[^\W\d_]{3})",
    re.IGNORECASE,
)


def rendering_dropped(text: str) -> str:
    """A text without the « rendre » that makes one verb with the word after it (« être rendue publique »: « être publique »)."""
    return _RENDERING_RE.sub("", text)


_NEGATED_RE = re.compile(r"\bnon[- ]([^\W\d_]{3,})", re.IGNORECASE)


def negated_words(text: str) -> list[str]:
    """The words a text negates with « non » ('les déchets non dangereux', 'non-honorés' -> 'dangereux', 'honorés')."""
    return [match.group(1) for match in _NEGATED_RE.finditer(normalize_apostrophes(text))]


# A clause that a verb's negation governs: « ne … pas », « n'… plus », « ne … jamais », « ne … aucun » (« Ne font pas partie
# des dépenses éligibles … »), from the « ne » to the clause's end
_VERB_NEGATION_RE = re.compile(r"\bn(?:e\s+|')[^.;:!?]*?\b(?:pas|plus|jamais|aucun|aucune|point|guère)\b([^.;:!?]*)", re.IGNORECASE)


def words_after_negation(text: str) -> list[str]:
    """The words of a text that follow a verb's negation in their clause (_VERB_NEGATION_RE): « Ne font pas partie des
    dépenses éligibles » says nothing is « éligible », as « non éligibles » would."""
    return [word for match in _VERB_NEGATION_RE.finditer(normalize_apostrophes(text)) for word in whole_words(match.group(1))]


def word_key(word: str) -> str:
    """A word as compared with the stop words and the corpus's words: lower case, accents folded."""
    return fold_accents(word.lower())


def _loaded_once(load: Callable[[], T]) -> Callable[[], T]:
    """A function of no argument whose value is computed once, on first use, by one thread while the others wait: a
    server's first requests all ask for a lexicon at once, and each loading its own copy stalled them for seconds."""
    lock, value = threading.Lock(), []

    @wraps(load)
    def loaded() -> T:
        if not value:
            with lock:
                if not value:
                    value.append(load())
        return value[0]

    return loaded


# A general French lexicon: the French word list of pyspellchecker (a dependency), 140,000 words each seen 50 times
# or more in its sources (subtitles), as word keys. A question's word found there is French as typed, whatever the
# corpus writes: « amende » is no typo of the corpus's « amené », nor « usagers » of « usages ».
LEXICON_PACKAGE, LEXICON_FILE = "spellchecker", "resources/fr.json.gz"


# Its English word list, to tell a question's language when no function word does (« carbon footprint per user »):
# the words seen ENGLISH_MIN_COUNT times or more in its sources. The list holds French places too, seen less (« nantes »
# 85 times, « toulouse » 80, « provence » 85, « rennes » 106, « seine » 161), and English words far more (« fleet »
# 18,121, « footprint » 2,119, « consumption » 2,616): a place typed in lower case is no English word.
ENGLISH_LEXICON_FILE = "resources/en.json.gz"
ENGLISH_MIN_COUNT = 1000


def _word_counts(file: str) -> dict[str, int]:
    """One of LEXICON_PACKAGE's word lists: each word, as it writes it, and how often its sources hold it."""
    import gzip
    import importlib.resources
    import json

    with importlib.resources.files(LEXICON_PACKAGE).joinpath(file).open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        return json.load(text)


@_loaded_once
def _lexicon_counts() -> dict[str, int]:
    """The words of the general French lexicon (LEXICON_FILE) in lower case, as it writes them, and how often its sources
    hold each; read once, on first use."""
    counts: Counter = Counter()
    for word, count in _word_counts(LEXICON_FILE).items():
        counts[word.lower()] += count
    return dict(counts)


def _lexicon() -> tuple[str, ...]:
    """The words of the general French lexicon (LEXICON_FILE) in lower case, as it writes them."""
    return tuple(_lexicon_counts())


@_loaded_once
def _english_words() -> frozenset[str]:
    return frozenset(word.lower() for word, count in _word_counts(ENGLISH_LEXICON_FILE).items() if count >= ENGLISH_MIN_COUNT)


def lexicon_language(words: list[str]) -> str | None:
    """'en' when more of these words are English words only (in ENGLISH_LEXICON_FILE, not in the French lexicon) than
    French words only, 'fr' when fewer, None when as many: « carbon footprint per user total fleet » is English
    (« carbon », « footprint », « per », « fleet » against « centre »); a place typed in lower case is in neither
    (« toulon », seen 50 times in the English list's sources: ENGLISH_MIN_COUNT)."""
    english, french = _english_words(), french_words()
    english_only = sum(word.lower() in english and word_key(word) not in french for word in words)
    french_only = sum(word_key(word) in french and word.lower() not in english for word in words)
    return None if english_only == french_only else "en" if english_only > french_only else "fr"


@_loaded_once
def french_words() -> frozenset[str]:
    """The words of the general French lexicon (LEXICON_FILE), as word keys."""
    return frozenset(word_key(word) for word in _lexicon())


@_loaded_once
def _written_french_words() -> frozenset[str]:
    return frozenset(_lexicon())


def is_french_word(word: str) -> bool:
    """Whether a word is in the general French lexicon: as written when it has accents (« carrièr », a piece of a
    split « carrière », is no « carrier »; « arêté » is a typo, not « arête »), accents folded when it has none
    (« amende », « evenement »: typed without them)."""
    lower = word.lower()
    if fold_accents(lower) != lower:
        return lower in _written_french_words()
    return word_key(word) in french_words() or any(form in french_words() for form in _masculine_forms(word_key(word)))


# The feminine forms of nouns of office and trade that a lexicon may lack (« autrice », « auteure », « cheffe »,
# « professeures »): each ending and the masculine's that replaces it
_FEMININE_ENDINGS = (("trice", "teur"), ("eure", "eur"), ("ffe", "f"))


def _masculine_forms(key: str) -> list[str]:
    """The masculine forms of a folded word when it ends as a feminine noun of office does (_FEMININE_ENDINGS)."""
    plural = key.endswith("s")
    stem = key[:-1] if plural else key
    return [stem[: -len(feminine)] + masculine + ("s" if plural else "") for feminine, masculine in _FEMININE_ENDINGS if stem.endswith(feminine)]


# What French adds to a name to make its adjective or its people (« parisien », « lillois », « européenne »,
# « lyonnaise »), and its plurals
_NAME_ENDINGS = tuple(
    ending + plural
    for ending in ("", "e", "ien", "ienne", "en", "enne", "ais", "aise", "ois", "oise", "ain", "aine", "in", "ine", "nais", "naise")
    for plural in ("", "s")
)


def name_forms(word: str) -> frozenset[str]:
    """A folded word of a name and the words the corpus may write for it: itself, singular or plural, its adjective
    or its people (_NAME_ENDINGS, after the word or its last « e »: « Lille » -> « lillois »), and what one typo
    makes of it (typo_variants: a name typed « Européene »)."""
    stems = {word, word.rstrip("sx"), word[:-1] if word.endswith("e") else word}
    return frozenset({stem + ending for stem in stems for ending in _NAME_ENDINGS} | typo_variants(word))


def french_doubling_reading(word: str) -> str | None:
    """The one word of the general French lexicon that a word which is none becomes with one consonant doubled or made
    single (« anées » -> années; as written when the word has accents, accents folded when it has none), else None. Any
    typo would reach too far: « dimentions » would be « démentions »."""
    lower = word.lower()
    if is_french_word(lower):
        return None
    found = [variant for variant in doubling_variants(lower) if is_french_word(variant)]
    return found[0] if len(found) == 1 else None


def near_french_word(word: str) -> bool:
    """Whether a word is French, or one typo away from a word of the general French lexicon (« comune », « donées »),
    or a French word redone (repeated_word: « recontacté »)."""
    return is_french_word(word) or not french_words().isdisjoint(typo_variants(word_key(word))) or repeated_word(word)


MIN_REPEATED = 5  # letters of the word a « re- » prefixes: « recontacter », not « rein » as « re » + « in »


def repeated_word(word: str) -> bool:
    """Whether a word is a French word with the prefix of doing again, which French glues to any verb and its nouns and
    which the lexicon lists for some only: « recontacté », « redéposer », « réinterroger »."""
    lower = word.lower()
    rests = [lower[len(prefix) :] for prefix in ("re", "ré") if lower.startswith(prefix)]
    return any(len(rest) >= MIN_REPEATED and is_french_word(rest) for rest in rests)


@_loaded_once
def _keyed_french_words() -> tuple[tuple[str, str], ...]:
    """The general French lexicon's words as (word key, the word as written), sorted by key."""
    return tuple(sorted((word_key(word), word) for word in _lexicon()))


def _keyed_words_starting(start: str) -> Iterator[tuple[str, str]]:
    """The general French lexicon's (word key, word) whose key begins with these letters' key, in key order."""
    key, words = word_key(start), _keyed_french_words()
    at = bisect.bisect_left(words, (key, ""))
    while at < len(words) and words[at][0].startswith(key):
        yield words[at]
        at += 1


def french_words_starting(start: str) -> list[str]:
    """The words of the general French lexicon, as written, that begin with these letters, accents or not."""
    return [word for _, word in _keyed_words_starting(start)]


def _starts_a_french_word(start: str) -> bool:
    """Whether some word of the general French lexicon begins with these letters, accents or not."""
    return next(_keyed_words_starting(start), None) is not None


def stem_terms(text: str) -> list[str]:
    """Content words, Snowball-stemmed and accent-folded."""
    return [stem(w) for w in content_words(text)]


PREFIX_CHARS = 5


def prefix_terms(text: str, length: int = PREFIX_CHARS) -> list[str]:
    """Content words, accent-folded and cut to their first letters ("truncation stemming").

    Cutting at five letters conflates what Snowball keeps apart (préside / présidente,
    sensibilisés / sensibilisation) and English cognates of French words (economy / économie).
    """
    return [fold_accents(w)[:length] for w in content_words(text)]


ANALYZERS = {"stem": stem_terms, "prefix5": prefix_terms}
DEFAULT_ANALYZER = "prefix5"


def search_terms(text: str, analyzer: str = DEFAULT_ANALYZER) -> list[str]:
    """The terms a lexical index sees for a text, with the named analyzer."""
    return ANALYZERS[analyzer](text)


# the words before a role's noun that make it refer to its holder (« habilité par le Président »), unless a copula comes
# before them (« qui est le représentant légal »): then the line says who holds it
_REFERRING_WORDS = frozenset("le la les l un une du des au aux son sa ses leur leurs".split())
_COPULAS_BEFORE = _COPULAS | frozenset("était étaient devient deviennent reste restent demeure".split())


def tells_who_holds(text: str, role: str, analyzer: str = DEFAULT_ANALYZER) -> bool:
    """Whether a line names a role (its word, as a question asks who holds it) other than as the one it refers to: as a
    verb (« un conseil d'administration présidé par le maire ») or after a copula (« le syndic, qui est le mandataire et
    représentant légal »), which tells who holds it; « habilité par le Président » only refers to the holder."""
    wanted = set(search_terms(role, analyzer))
    said = words(text)
    for at, word in enumerate(said):
        if wanted & set(search_terms(word, analyzer)):
            before = said[at - 1] if at else ""
            if before not in _REFERRING_WORDS or (at > 1 and said[at - 2] in _COPULAS_BEFORE):
                return True
    return False


# Forms of "mettre" and "prendre", which with "en" and a bare noun make one verb ("mis en place",
# "mise en œuvre", "pris en compte"): neither the verb nor that noun says what a text is about.
_SUPPORT_VERB_RE = re.compile(r"met|mets|mett\w*|mis|mises?|pren\w*|pris|prises?")


def variant_keys(text: str) -> list[frozenset[str]]:
    """Each content word of a text but support-verb phrases, as the keys its variants share (case, accents, elision, plural, stem)."""
    found = words(text)
    in_phrase = {
        i + step for i in range(len(found) - 2) if found[i + 1] == "en" and _SUPPORT_VERB_RE.fullmatch(found[i]) for step in (0, 2)
    }
    kept = content_words(" ".join(w for i, w in enumerate(found) if i not in in_phrase))
    # Stemmed as written and accents folded (as a word typed without them), then the plural s that
    # Snowball keeps after a vowel ("emplois", "élus") dropped.
    stems = ((stem(w), stem(fold_accents(w))) for w in kept)
    return [frozenset(s[:-1] if len(s) > 3 and s[-1] in "sx" else s for s in pair) for pair in stems]


# --- words as people type them: missing apostrophes, typos ------------------------------------

# The elided forms of French, longest first: "lorsquil" is lorsqu'il, not l'orsquil.
ELIDED_FORMS = ("jusqu", "lorsqu", "puisqu", "quoiqu", "qu", "l", "d", "j", "n", "s", "c", "m", "t")
_BEFORE_VERBS = frozenset(("s", "m", "n", "j"))  # elided pronouns and negation before a verb: s'appuyer, m'engager, n'existe
_BEFORE_NOUNS = frozenset(("l", "d"))  # elided articles and prepositions: l'enquête, d'heures, l'ESS
# The function words (accents folded) each elided form stands before: "cest" is c'est, "jai" j'ai,
# "quil" qu'il. Kept to pairs that no French word is spelt like once glued: "taux" is not t'aux,
# "lune" not l'une, "mai" not m'ai.
_CONJUNCTION_WORDS = "il ils elle elles on un une en y"
_BEFORE_FUNCTION_WORDS = {
    form: frozenset(following.split())
    for form, following in {
        "c": "est etait etaient en",
        "j": "ai avais avait etais etait en y",
        "n": "est a ai ont y en etait avait",
        "s": "il ils en y est",
        "m": "a en y est",
        "qu": f"{_CONJUNCTION_WORDS} est a au aux ont etait",
        "l": "un on",
        "d": "un une ou en",
        "jusqu": "a au aux en ici",
        "lorsqu": _CONJUNCTION_WORDS,
        "puisqu": _CONJUNCTION_WORDS,
        "quoiqu": _CONJUNCTION_WORDS,
    }.items()
}
_ELIDING_SOUND = frozenset("aeiouyh")  # what a word starts with, accents folded, after an elided form


# The prefixes French writes with a hyphen or glued to a word (« co-financement » / « cofinancement », « éco-conception »,
# « sous-traitance »), accents folded, and the fewest letters of what they prefix (a word, not « co » + « de »)
WORD_PREFIXES = ("anti", "auto", "bio", "co", "eco", "extra", "inter", "micro", "multi", "non", "post", "pre", "semi", "sous", "tele")
MIN_PREFIXED = 4


def prefix_splits(word: str) -> list[tuple[str, str]]:
    """The (prefix, rest) a folded word may be made of (WORD_PREFIXES): « cofinance » -> (« co », « finance »)."""
    return [(prefix, word[len(prefix) :]) for prefix in WORD_PREFIXES if word.startswith(prefix) and len(word) - len(prefix) >= MIN_PREFIXED]


def glued_elisions(word: str) -> list[tuple[str, str]]:
    """The (elided form, rest) a word typed without its apostrophe may be: 'lenquete' -> [('l', 'enquete')]."""
    lower = word.lower()
    return [
        (word[: len(form)], word[len(form) :])
        for form in ELIDED_FORMS
        if lower.startswith(form) and len(word) > len(form) + 1 and fold_accents(lower[len(form)]) in _ELIDING_SOUND
    ]


def elides_before(form: str, rest: str, corpus_word: bool, french_rest: bool = False) -> bool:
    """Whether an elided form glued to a rest reads as one ("cest" -> c'est): l' and d' before a corpus word of 3+ letters
    or before an acronym in capitals (« lUGAP », typed without its apostrophe: l'UGAP), s', m', n', j' before a French
    word of 4+ letters when the whole is none (french_rest: « sappuyer » -> s'appuyer), each form before its function words."""
    if form.islower() and form in _BEFORE_NOUNS and len(rest) >= 2 and rest.isupper():
        return True
    if french_rest and form.lower() in _BEFORE_VERBS and len(rest) >= 4:  # not « mail » as m'ail
        return True
    form, rest = form.lower(), fold_accents(rest.lower())
    if rest in _BEFORE_FUNCTION_WORDS.get(form, ()):
        return True
    return corpus_word and form in _BEFORE_NOUNS and len(rest) >= 3


# "qu est ce", "l ESS", "j ai": an elided form standing alone before a word that starts with a vowel
# or an h (not after a number: "50 m au", nor "t", which is also the t of "a t il").
_LONE_ELISION_RE = re.compile(r"(?<![\w'])(qu|Qu|QU|[ldjnscmLDJNSCM]) +(?=[aeiouyhàâäéèêëîïôöùûüœ]|[AEIOUYHÀÂÄÉÈÊËÎÏÔÖÙÛÜŒ])")
_AFTER_NUMBER_RE = re.compile(r"\d\s*$")
_AFTER_WORD_RE = re.compile(r"\w\s+$")


def join_lone_elisions(text: str) -> str:
    """Elided forms typed apart from their word joined to it with an apostrophe: "qu est ce" -> "qu'est ce", "C est quoi"
    -> "C'est quoi"; a capital before a capital is an initial ("J Ellul"), a capital letter after a word is a name's
    ("la ligne RER C avait")."""

    def repl(match: re.Match) -> str:
        if _AFTER_NUMBER_RE.search(text, 0, match.start()):
            return match.group()
        if match.group(1).isupper() and len(match.group(1)) == 1 and _AFTER_WORD_RE.search(text, 0, match.start()):
            return match.group()
        if match.group(1)[0].isupper() and text[match.end() : match.end() + 1].isupper():
            return match.group()
        return match.group(1) + "'"

    return _LONE_ELISION_RE.sub(repl, text)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Letters typed one for the other with the word sounding the same: the vowels, c/s/z, c/k/q, g/j, m/n.
# A consonant replaced by an unrelated one usually makes another word (recette / récente, primées / privées).
_SOUND_ALIKE = ("aeiouy", "csz", "ckq", "gj", "mn")
_SUBSTITUTES = {letter: "".join(sorted({o for group in _SOUND_ALIKE if letter in group for o in group} - {letter})) for letter in _LETTERS}


def typo_variants(word: str) -> set[str]:
    """What one typo makes of a folded word (Damerau-Levenshtein 1: a letter left out or added, two swapped, one replaced by a sound-alike), first letter kept."""
    head, tail = word[:1], word[1:]
    splits = [(tail[:i], tail[i:]) for i in range(len(tail) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    swaps = {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    replaces = {left + letter + right[1:] for left, right in splits if right for letter in _SUBSTITUTES.get(right[0], "")}
    inserts = {left + letter + right for left, right in splits for letter in _LETTERS}
    return {head + variant for variant in deletes | swaps | replaces | inserts} - {word}


def swap_variants(word: str) -> set[str]:
    """The word with two neighbouring letters swapped, anywhere (« tuax » -> taux, « RGSEN » -> RGESN): the slip most
    often made on a keyboard."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)} - {word}


_CONSONANTS = frozenset("bcdfgklmnprstz")  # the consonants French doubles (« appel », « classe », « ville », « nappe »)


def doubling_variants(word: str) -> set[str]:
    """The word with one consonant doubled or one doubled consonant made single (« nape » -> nappe, « apels » ->
    appels, « clasé » -> classé): French's commonest slip, and the only one a short word is read for (it is one
    edit of many corpus words: « reims », « remis »). A word never opens on a doubled consonant."""
    doubled = {word[: i + 1] + letter + word[i + 1 :] for i, letter in enumerate(word) if i and letter in _CONSONANTS and word[i + 1 : i + 2] != letter and word[i - 1] != letter}
    single = {word[:i] + word[i + 1 :] for i, letter in enumerate(word[:-1]) if letter in _CONSONANTS and word[i + 1] == letter}
    return (doubled | single) - {word}


# --- what the asker says of themselves, and colloquial spellings ---------------------------------

_FIRST_PERSON = frozenset("je j on nous".split())
_CLITICS = frozenset("ne n me m te t se s nous vous le la les l lui leur y en pas plus jamais".split())
_AUXILIARIES = frozenset("ai as a avons avez ont avais avait suis es est sommes etes sont etais etait".split())
# Verbs whose next word completes them: auxiliaries (suis chargée, m'a parlé) and modals (voudrais savoir).
_COMPLETED_VERBS = _AUXILIARIES | MODAL_FORMS | frozenset("voudrions vais va allons souhaite souhaitons souhaiterais aimerais aimerions".split())
# a first-person pronoun after these is an object ('de nous raccorder', 'pour nous aider'), not a subject
_BEFORE_OBJECT_PRONOUNS = frozenset("de d a pour sans".split())
# after these, the first person is the subject of what the question asks ('comment on déclare la fin', 'qu'est-ce
# que je dois garder'): its verb is the question's, and stays
_INTERROGATIVES = frozenset("comment ou quand pourquoi combien que qu quoi quel quelle quels quelles".split())
# after these, the first person is the subject of the condition the question sets (« lorsqu'on a opté pour la
# déclaration trimestrielle », « si on a moins de cinq salariés »), or of a relative clause that says which thing is asked
# about (« l'instant à partir duquel on date le début du vert », « les aides dont on peut bénéficier »): its verb stays
_SUBORDINATORS = frozenset(
    "lorsque lorsqu si puisque puisqu dont duquel desquels desquelles auquel auxquels auxquelles lequel laquelle lesquels lesquelles".split()
)
# the interrogatives a typo may hit, long enough to be told apart one typo away (« qulle », « combein », « pourqoui »)
TYPED_INTERROGATIVES = frozenset("comment quand pourquoi combien quelle quels quelles lequel laquelle lesquels lesquelles".split())
_FRAMING_TOKEN_RE = re.compile(r"\w+'?|[^\w\s]|\s+")


def first_person_dropped(text: str) -> str:
    """A text without its first-person subjects, their pronouns, verbs and what completes an auxiliary or modal
    ('je voudrais savoir', 'on m'a parlé'); a pronoun after a preposition is an object ('de nous raccorder'), one
    after an interrogative or after its verb the subject of what is asked ('comment on déclare', 'que dois-je garder')."""
    kept, state, previous, last, auxiliary, opening = [], "free", "", "", False, False
    tokens = _FRAMING_TOKEN_RE.findall(normalize_apostrophes(text))
    for at, token in enumerate(tokens):
        word = fold_accents(token.lower().rstrip("'"))
        inverted, last = last == "-", token  # 'dois-je garder': the subject of what is asked
        if not token[0].isalnum():
            state = "free" if not token.isspace() else state
            kept.append(token)
            continue
        shown = token[:1].upper() + token[1:] if opening else token  # a kept word, capitalised where it opens a sentence
        if state == "free" and word in _FIRST_PERSON and previous not in _BEFORE_OBJECT_PRONOUNS | _INTERROGATIVES | _SUBORDINATORS and not inverted:
            state = "subject"
            # a sentence that opened with them still opens with a capital (« … en TMA. On se demande comment … »:
            # « … en TMA. Comment … »), so that it is still read as a sentence of its own
            opening = token[0].isupper() and "".join(kept).rstrip()[-1:] in (".", "!", "?")
        elif state == "subject" and word not in _CLITICS:
            state = "completed" if word in _COMPLETED_VERBS else "free"
            auxiliary = word in _AUXILIARIES
        elif state == "completed" and word not in _CLITICS:
            state = "free"
            # « on est couvert combien de temps », « on doit chauffer à combien l'hiver »: the question's own verb (not « je
            # voudrais savoir combien », a verb of knowing)
            asks = _asks_next(tokens[at + 1 :]) if auxiliary else word not in _KNOWING_VERBS and _asks_later(tokens[at + 1 :])
            if word in STOP_WORDS or asks:
                kept.append(shown)
                opening = False
        elif state == "free":
            kept.append(shown)
            opening = False
        previous = word if word != "l" else previous  # « où l'on », « si l'on »: « on » follows the word before « l' »
    return re.sub(r"\s+", " ", "".join(kept)).strip()


# Verbs of knowing or asking, which a modal's first person frames a question with (« je voudrais savoir quand … »)
_KNOWING_VERBS = frozenset("savoir connaitre comprendre demander verifier confirmer avoir".split())
# What asks later in a clause (« … chauffer à combien », « … envoyer le dossier à qui »): not « où » (« ou »), « que », « qui »
# alone, which join clauses as often
_ASKING_LATER = frozenset("comment quand pourquoi combien quoi quel quelle quels quelles lequel laquelle lesquels lesquelles".split())
_CLAUSE_END_RE = re.compile(r"[,;:.?!]")


def _asks_later(tokens: list[str]) -> bool:
    """Whether these tokens ask before their clause ends: an interrogative, or « qui » after a preposition (« à qui »)."""
    previous = ""
    for token in tokens:
        if _CLAUSE_END_RE.fullmatch(token):
            return False
        if token.isspace():
            continue
        word = word_key(token)
        if word in _ASKING_LATER or (word == "qui" and previous in ("a", "de", "pour", "par", "avec", "chez", "aupres")):
            return True
        previous = word
    return False


def _asks_next(tokens: list[str]) -> bool:
    """Whether the next word of these tokens is an interrogative (« … couvert combien de temps »)."""
    following = next((token for token in tokens if not token.isspace()), "")
    return word_key(following) in _INTERROGATIVES


# Words typed as they are said or texted, and what they stand for.
COLLOQUIAL_SPELLINGS = {
    "ya": "il y a",
    "kesako": "qu'est-ce que c'est",
    "késako": "qu'est-ce que c'est",
    "keske": "qu'est-ce que",
    "kel": "quel",
    "kelle": "quelle",
    "koi": "quoi",
    "pkoi": "pourquoi",
    "pq": "pourquoi",
    "pk": "pourquoi",
    "cb": "combien",
    "cmb": "combien",
    "qd": "quand",
    "qqn": "quelqu'un",
    "qqch": "quelque chose",
    "bcp": "beaucoup",
    "tjs": "toujours",
    # the clipped words of everyday French (apocopes), read whole when the corpus lacks the clip: « combien de temps
    # max », « des infos sur », « c'est dispo où » (general French usage, not taken from any question set)
    "max": "maximum",
    "info": "information",
    "infos": "informations",
    "dispo": "disponible",
    "dispos": "disponibles",
    "appli": "application",
    "asso": "association",
    "assos": "associations",
    "resto": "restaurant",
    "restos": "restaurants",
    "admin": "administration",
    "compta": "comptabilité",
    "doc": "document",
    "docs": "documents",
    "stats": "statistiques",
    "nb": "nombre",
    "nbre": "nombre",
    "rdv": "rendez-vous",
    "tps": "temps",
}
# « c » typed for « c'est » before what it asks (« c quoi un PTCE », « c koi », « c qui le président »)
_TEXTED_CEST_RE = re.compile(r"\b([cC]) (?=(?:quoi|koi|qui|ki|combien|cb|où|quand|qd|comment)\b)")


def texted_cest(text: str) -> str:
    """« c quoi », « c qui », « c combien » … read as « c'est quoi » …: « c » typed for « c'est » before an interrogative."""
    return _TEXTED_CEST_RE.sub(lambda m: m.group(1) + "'est ", text)


# Nouns that stand for any thing ("c'est quoi le truc pour estimer ..."): nothing to search for.
PLACEHOLDER_NOUNS = frozenset("truc trucs machin machins bidule bidules".split())

# The discourse markers of spoken French (« au final », « du coup », « concrètement », « en gros »): they frame what is
# asked and name nothing to search for (French usage, as a grammar of spoken French lists them)
# (as written; questions.py matches them typed without accents too)
DISCOURSE_MARKERS = (
    "au final", "du coup", "en fait", "en vrai", "en gros", "au juste", "grosso modo", "à peu près", "concrètement",
    "franchement", "vraiment", "exactement", "finalement", "justement", "carrément", "bref",
)


# How a French document credits who wrote it (« Auteurs : », « ◊AUTEUR », « Rédaction : », « établi par », « Document
# produit par la Direction … », « Réalisation : », « Discours de M. … »): the words a question on its authors is
# searched with (questions.asks_authorship), those only a credit uses (not « produit », « réalisation »), and the lines
# that answer it
CREDIT_WORDS = "auteur auteurs rédaction rédacteur rédigé"
# (a label before a colon or in capitals, not « … signalée à l'auteur » in a sentence)
_CREDIT_LABELS = r"auteure?s?|autrices?|r[ée]daction|r[ée]dact(?:eur|rice)s?|r[ée]alisation|coordination"
# A section that lists the works a document cites (« Bibliographie », « Références bibliographiques », « Sources »)
REFERENCES_HEADING_RE = re.compile(r"^\W*(?:\d+[.)]?\s*)?(?:bibliographie|r[ée]f[ée]rences(?: bibliographiques)?|sources(?: bibliographiques)?|bibliography|references)\W*$", re.IGNORECASE)


CREDITS_RE = re.compile(
    rf"(?i:\b(?:{_CREDIT_LABELS})\s*:)|\b(?:AUTEURE?S?|AUTRICES?|R[ÉE]DACTION|R[ÉE]DACT(?:EUR|RICE)S?)\b"
    # a participle with « par » heads a credit, near its line's start (« Document produit par », « Rapport n° 22071 établi
    # par »), not a passive in a sentence (« 43 % ont été réalisées par des SIAE », « … des travaux est nécessairement
    # réalisé par la direction »)
    r"|(?im:^[^\n]{0,40}?(?<!été )(?<!ete )(?<!est )(?<!sont )\b(?:r[ée]dig[ée]e?s?|[ée]tablie?s?|produite?s?|[ée]crite?s?|r[ée]alis[ée]e?s?) par\b)"
    r"|(?i:\bdiscours de\b)"
)


# A colophon's label of when a document came out: « Date de publication : Février 2021 », « Dépôt légal : février 2017 »,
# « Achevé d'imprimer en mars 2019 », « Publié en juin 2022 », « Cet ouvrage a été édité en décembre 2022 », « Imprimé en
# mai 2021 », « Mis en ligne le … », « Parution : … »
PUBLISHED_RE = re.compile(
    r"\b(?:date\s+de\s+(?:publication|parution|mise\s+en\s+ligne|diffusion|l['’]\s?[ée]dition)|d[ée]p[ôo]t\s+l[ée]gal"
    r"|achev[ée]\s+d['’]\s?imprimer|(?:publi|[ée]dit|imprim)[ée]e?s?\s+(?:en|le)\b|mise?\s+en\s+ligne\s+le\b|parution\s*:)",
    re.IGNORECASE,
)


# A line that signs a text: a person's name first, with or without a civility (« Christiane Bouchart, Présidente du
# RTES … », « Jean Gaubert : Copie : … », « M. Jean DUPONT »), then a comma, a colon, the line's end or the signer's
# office (_OFFICES: « Stéphane LE FOLL Ministre de l'Agriculture … »); a short line (SIGNATURE_CHARS), not a sentence
# that opens with a name
SIGNATURE_CHARS = 150
_OFFICES = (
    r"(?:Vice-)?(?:Ministre|Secr[ée]taire|Pr[ée]sident|Pr[ée]sidente|Directeur|Directrice|Maire|Pr[ée]f[èe]te?|D[ée]l[ée]gu[ée]e?"
    r"|Adjointe?|S[ée]nat(?:eur|rice)|D[ée]put[ée]e?|Conseill(?:er|[èe]re)|Cheffe?|Responsable|Coordinat(?:eur|rice)|G[ée]n[ée]ral)"
)
_SIGNATURE_RE = re.compile(
    r"^\W*(?:(?:M\.|Mme|Mlle|Monsieur|Madame|Dr|Pr)\s+)?[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
    rf"(?:\s+(?:de\s+|d['’]|du\s+|le\s+|la\s+)?(?!{_OFFICES}\b)[A-ZÀ-Ý][\wà-ÿ'’-]+){{1,2}}\s*(?:[,:]|$|{_OFFICES}\b)"
)


def signs(line: str) -> bool:
    """Whether a line is a signature (_SIGNATURE_RE): what answers « qui a signé … ? »."""
    return len(line) <= SIGNATURE_CHARS and bool(_SIGNATURE_RE.match(line))


# Where and when a French act, contract or letter was signed, above its signatures: « Fait à Lille, le 21 octobre 2025 »,
# « Fait en trois exemplaires à Paris, le 3 mars 2024 », « Fait à xxxx, le 21/10/2025 »
_SIGNED_ON_RE = re.compile(r"^\W*Fait\s+(?:à|a|en)\s[^\n]{0,80}?\ble\s+(?:1er|\d{1,2})\b", re.IGNORECASE)


def dates_signing(line: str) -> bool:
    """Whether a line opens by saying where and when a text was signed (_SIGNED_ON_RE), the signatures after it or not:
    what answers « quand a-t-il été signé ? »."""
    return bool(_SIGNED_ON_RE.match(line))


def typed_stems(word: str) -> set[str]:
    """A typed word's Snowball stems: as typed, accents folded, and a verb's -ent as its -e (ajoutent as ajoute: Snowball keeps -ent)."""
    lower = word.lower()
    forms = {lower, fold_accents(lower)}
    forms |= {form[:-2] for form in forms if form.endswith("ent") and len(form) > 5}
    return {stem(form) for form in forms}


def same_word(first: str, second: str) -> bool:
    """Whether two words are one, but for case, accents and a feminine or plural ending (Parties / partie)."""
    return word_key(first) == word_key(second) or inflected_pair(first, second)


# The endings of the nouns of an action, a state or a whole (« baignade », « jeunesse », « enfance », « bénévolat »): what
# no count counts, unlike the people or things of the same root (« baigneurs », « jeunes », « enfants », « bénévoles »)
_ABSTRACT_NOUN_ENDINGS = ("ade", "age", "ance", "ence", "esse", "ion", "isme", "ment", "ite", "ure", "at")
MIN_ABSTRACT_NOUN = 6  # letters: « baignade », not « date » or « page »


def names_an_abstraction(word: str) -> bool:
    """Whether a word, in the singular or the plural, ends as a noun of an action, a state or a whole does."""
    key = word_key(word)
    key = key[:-1] if key.endswith(("s", "x")) else key
    return len(key) >= MIN_ABSTRACT_NOUN and key.endswith(_ABSTRACT_NOUN_ENDINGS)


# The noun a verb makes (« livraison » of « livrer », « recrutement » of « recruter »): its ending, and the verb's forms a
# text writes instead (« livrés au moins quatre fois par semaine » for a question on « livraisons »)
_VERBAL_NOUN_ENDINGS = ("ations", "ation", "aisons", "aison", "ements", "ement")
_VERB_FORMS = frozenset("e es ee ees er ent ait aient".split())
MIN_VERB_ROOT = 3  # letters: « cré » of « création », « créés »


def verb_of_noun(noun: str, word: str) -> bool:
    """Whether a word is a form of the verb a noun is made from: « livrés » of « livraisons », « créés » of « créations »,
    « recrutés » of « recrutement » (accents folded; the verb's participle, infinitive or present). A noun that happens to
    share the form passes too (« livres » of « livraisons »): a check that relaxes, never one that refuses, uses it."""
    noun, word = fold_accents(noun.lower()), fold_accents(word.lower())
    for ending in _VERBAL_NOUN_ENDINGS:
        if noun.endswith(ending) and len(noun) - len(ending) >= MIN_VERB_ROOT:
            root = noun[: -len(ending)]
            return word.startswith(root) and word[len(root) :] in _VERB_FORMS
    return False


_INFLECTIONS = ("e", "s", "x", "es")  # the feminine and plural endings French adds to a word


def inflected_pair(first: str, second: str) -> bool:
    """Whether two words differ by a feminine or plural ending alone (souscrit / souscrite, emploi / emplois)."""
    first, second = fold_accents(first.lower()), fold_accents(second.lower())
    longer, shorter = (first, second) if len(first) > len(second) else (second, first)
    return longer.startswith(shorter) and longer[len(shorter) :] in _INFLECTIONS


def inflected_forms(word: str) -> frozenset[str]:
    """A word's key and its keys with a feminine or plural ending added (« vedènais »: vedenaise, vedenaises; « européen »:
    europeens, europeenne): a name's adjective or people as a page may write it. Endings are added, never taken off: « Tours »
    is no « tour », « Vienne » no « vie »."""
    key = word_key(word)
    return frozenset({key, *(key + ending for ending in _INFLECTIONS)} | ({key + "ne", key + "nes"} if key.endswith("en") else set()))


def match_key(text: str) -> str:
    """Normalisation used to decide whether a passage contains a string.

    Unicode NFKC, lower case, then keep only digits, a-z, accented letters à-ÿ, œ and æ: spacing,
    line breaks, hyphenation, apostrophes and punctuation never decide a match.
    """
    return unicodedata.normalize("NFKC", text).lower().translate(_MATCH_KEY_TABLE)


class _MatchKeyTable(dict):
    """str.translate table of match_key: a character is kept or deleted, decided once per character."""

    def __missing__(self, code: int) -> int | None:
        c = chr(code)
        kept = code if c.isdigit() or "a" <= c <= "z" or "à" <= c <= "ÿ" or c in "œæ" else None
        self[code] = kept
        return kept


_MATCH_KEY_TABLE = _MatchKeyTable()


# --- hyphenation across line breaks --------------------------------------------------------

# A word cut at a line end, possibly with a blank line between its halves (column breaks).
# The left part keeps any earlier '-', '.' or '/' of its token (a compound chain, a web address).
# the hyphens Unicode writes apart from « - » (U+2010, and U+2011 that no line break may follow), which some PDFs print
UNICODE_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
_HYPHEN_BREAK_RE = re.compile(r"((?:[\w.:/]+[-./])?\w+)-[ \t]*\n(?:[ \t]*\n)?[ \t]*(\w+)")
# Some layouts print a space before the line's hyphen (« for -\nmation »): a word cut all the same when the next line
# goes on in lower case; a dash between two parts of a title is followed by a capital (« Loi ESS -\nArticle 3 »).
_SPACED_HYPHEN_BREAK_RE = re.compile(r"(?<![\w.:/-])([^\W\d_]+) -[ \t]*\n[ \t]*(?=[a-zà-ÿœæ])(\w+)")


_COMPOUND_RE = re.compile(r"\b(\w+)-(\w+)\b")
# what follows the right half of a word cut at a line's end when it is part of a web or e-mail address, which a
# typesetter does not cut with a hyphen of its own: « ma-\ncantine.agriculture.gouv.fr », « support-\negalim@beta.gouv.fr »
_ADDRESS_GOES_ON_RE = re.compile(r"@\w|\.[a-z]{2,}\b")
_LINKING_WORDS = frozenset("de du des la le les sur sous en à au aux et lès".split())  # a compound's inner words
_DEICTIC_PARTS = {"ci", "là"}  # celle-ci, ci-dessous, celui-là, là-bas


def _compound_key(left: str, right: str) -> tuple[str, str]:
    """A hyphenated compound up to the ending of its second word ('médico-sociaux' ~ 'médico-sociale')."""
    return left.lower(), right.lower()[:PREFIX_CHARS]


def _keeps_hyphen(
    left: str, right: str, after: str = "", compounds: frozenset[tuple[str, str]] = frozenset(), written: frozenset[str] = frozenset()
) -> bool:
    """Whether 'left-\\nright' is a real hyphenated compound rather than a word cut in two; after is the text that
    follows the right half, compounds the hyphenated words the same text prints within a line ('médico-sociaux'),
    written its words (lower case)."""
    if _ADDRESS_GOES_ON_RE.match(after):  # a web or e-mail address goes on: « ma-\ncantine.agriculture.gouv.fr »
        return True
    if right.lower() in _LINKING_WORDS and after.startswith("-"):  # « rez-\nde-chaussée », « Berneuil-\nsur-Aisne »
        return True
    if _compound_key(left, right) in compounds or left.lower() in _DEICTIC_PARTS or right.lower() in _DEICTIC_PARTS:
        return True
    if any(c in left for c in "-./"):  # vis-à-\nvis, metropole.rennes.fr/economie-sociale-\nle-pari
        return True
    if (left + right).lower() in written:
        return False  # the page writes the word whole: « mi-\nnistère », « SER-\nVICE » (a prefix, capitals) cut it
    if right[0].isupper():  # Aix-Marseille-\nProvence, Saint-\nÉtienne
        return True
    if right.isdigit() or left.isdigit():  # 2015-\n2020
        return True
    if right.lower() in {"t", "il", "ils", "elle", "elles", "on", "ce", "je", "nous", "vous"}:
        return True  # a-t-\nil, peut-\non
    if left.lower() in {"ex", "non", "co", "anti", "néo", "sous", "semi", "après", "avant", "vice", "mi"}:
        return True
    return _two_words_not_one(left, right, written)


# « -ment », « -ments » end a word cut before them (« défraie-\nment »), though « ment » is a word of its own
_SUFFIX_WORDS = frozenset({"ment", "ments"})
JOINED_START = 2  # letters of the right half that, after the left one, begin a word of the lexicon when the word was cut


def _two_words_not_one(left: str, right: str, written: frozenset[str]) -> bool:
    """Whether two halves of a line's end are each a word of the general lexicon and, written as one, begin none of its
    words (« savoir-\\nfaire », « bien-\\nêtre », « fait-\\nmaison », « Île-\\nde-France »): a compound, not a word cut
    in two (« dévelop-\\npement », « pour-\\ntant », « essai-\\nmage » as « essaimer » begins). A left half of one or two
    letters (« dé-\\nmatérialisation »), a right half that is a suffix, or a joined word the text writes
    (« Euro-\\nmétropole » on a page about the « Eurométropole ») is a cut word whatever the lexicon lacks."""
    if len(left) < 3 or right.lower() in _SUFFIX_WORDS or (left + right).lower() in written:
        return False
    return is_french_word(left) and is_french_word(right) and not _starts_a_french_word(left + right[:JOINED_START])


def join_hyphenated_lines(text: str) -> str:
    """Join words hyphenated across line breaks ('dévelop-\\npement' -> 'développement', 'for -\\nmation' -> 'formation').

    Real compounds whose hyphen falls at the end of a line ('Aix-Marseille-\\nProvence', 'ci-\\ndessous',
    or a compound the text also prints within a line) keep it.
    """

    if not (_HYPHEN_BREAK_RE.search(text) or _SPACED_HYPHEN_BREAK_RE.search(text)):
        return text  # no word cut at a line's end: the page's compounds and words are not needed
    compounds = frozenset(_compound_key(m.group(1), m.group(2)) for m in _COMPOUND_RE.finditer(text))
    written = frozenset(word.lower() for word in re.findall(r"\w+", text))

    def repl(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        sep = "-" if _keeps_hyphen(left, right, m.string[m.end() :], compounds, written) else ""
        return f"{left}{sep}{right}"

    return _SPACED_HYPHEN_BREAK_RE.sub(repl, _HYPHEN_BREAK_RE.sub(repl, text))


# --- words split by a PDF's letter spacing ------------------------------------------------------

# pypdf reads some letter-spaced lines with spaces inside words: « Ce calcul est f ait … pour les v éhicules, v aleurs
# qui … », « Expl oitant ». A run of such pieces is joined when the document writes the joined word whole elsewhere and
# one of the pieces is no word of its own there (see _no_word): « en fin de », « main courante » stay apart.
SPLIT_WORD_PIECES = 4  # pieces a split word is joined from, at most (« mé dia teu r »: médiateur, not « média teu r »)
MIN_WHOLE_USES = 2  # the joined word is written whole this often in the document, at least
# ... or, written whole less often, is a word of the general French lexicon this long at least, one piece of it (two
# letters or more) no French word nor written elsewhere (see join_split_words): « incertit ude », « mu ltipliée »
MIN_LEXICON_JOINED = 5
PIECE_SHARE = 4  # a piece written alone at most a quarter as often as the joined word is no word of its own
ONE_LETTER_WORDS = frozenset("aàyôAÀYÔ")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
# words apart by one space, after an elision too; not before « ° » (« Loi n° » is no « Loin° ») nor after it (« 0°C et »
# is no « 0°Cet »), nor ending on an item's letter (« a), b) et c) » is no « etc) ») or code (« équipements d.1 », a
# fiche's code glued to its title and set apart, is no « équipementsd.1 »)
_PIECES_RE = re.compile(r"(?<![\w.°º-])[^\W\d_]+(?: [^\W\d_]+)+(?![\w'’°º-]|\.\d|(?<= [^\W\d_])\))")
# a word cut by a hyphen inside a line, as a table's cell is flattened: « NF Environ- nement », « excep- té » (joined
# when the document writes the word whole elsewhere: « pré- et post-traitement » stays)
_CUT_IN_LINE_RE = re.compile(r"(?<![\w-])([^\W\d_]{2,})- ([a-zà-ÿœæ]{2,})(?![\w'’-])")
# an item's code glued to the word before it: « centre de donnéesh.3 », « pilotagea.3 » (split when the document writes
# the word alone and never with that letter)
_GLUED_CODE_RE = re.compile(r"(?<![\w.])([^\W\d_]{3,})([a-z]\.\d{1,2})(?![\w.])")
# a drop cap read as a line of its own: « L » then « e début du XXIe siècle »
_DROP_CAP_RE = re.compile(r"(?:(?<=\n)|^)[ \t]*([B-HJ-XZÉ])[ \t]*\n[ \t]*([a-zà-ÿœæ]+)")
# an elided form spaced from its apostrophe, as a drop cap is read: « L 'acheteur », « D 'abord », or spaced on both sides
# as letter-spaced text is read (« l ’ outil », « d ’ achats »: the space after goes with _ELISION_SPACED_AFTER_RE)
_SPACED_ELISION_RE = re.compile(r"(?<![\w'’])([LlDdJjNnSsCcMmTt]|[Qq]u) (['’])(?=[ \t]?[^\W\d_])")
# and one spaced after it, or at a line's end, before a word in lower case: « d' identifier », « l’ ensemble », « Jusqu’ à
# 30% », « de l’⏎établissement »
_ELISION_SPACED_AFTER_RE = re.compile(r"(?<![\w'’])([LlDdJjNnSsCcMmTt]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)(['’])(?:[ \t]*\n[ \t]*|[ \t]+)(?=[a-zà-ÿœæ])")


# a word a narrow cell cuts at a line's end without a hyphen: « gouvernanc⏎e », « déon⏎tolog⏎ie », « élaboratio⏎n de la
# … » (a word is cut so only where it is wider than its column: the line it ends is this short at most)
NARROW_CELL_CHARS = 25
_LINE_END_PIECE_RE = re.compile(r"(?<![\w-])([^\W\d_]+)[ \t]*$")
_LINE_START_PIECE_RE = re.compile(r"^[ \t]*([a-zà-ÿœæ]+)(?=[ \t]|$)")


def _joined_narrow_cuts(text: str, uses: Counter) -> str:
    """A page's text with the words cut at the end of a narrow cell's lines joined (NARROW_CELL_CHARS): the joined word
    is written whole MIN_WHOLE_USES times in the document and a piece is no French word and no word of it (_no_word,
    this use of it aside); the word may span three lines (« déon⏎tolog⏎ie »), and the line it ends in may end with another."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line, i = lines[i], i + 1
        while True:
            taken = _narrow_cut(line, lines[i : i + 2], uses)
            if taken is None:
                break
            line, i = taken[0], i + taken[1]
        out.append(line)
    return "\n".join(out)


def _narrow_cut(line: str, nexts: list[str], uses: Counter) -> tuple[str, int] | None:
    """A short line whose last word a narrow cell cut joined with the pieces that open the next lines (one or two), and
    how many lines it took; None when it is no such cut (see _joined_narrow_cuts)."""
    end = _LINE_END_PIECE_RE.search(line) if len(line.strip()) <= NARROW_CELL_CHARS else None
    for size in (2, 1) if end else ():
        starts = [_LINE_START_PIECE_RE.match(n) for n in nexts[:size]]
        if len(starts) < size or not all(starts) or any(n.strip() != m.group(1) for n, m in zip(nexts[: size - 1], starts[:-1])):
            continue  # a middle piece is a line of its own
        pieces = [end.group(1)] + [m.group(1) for m in starts]
        whole = "".join(pieces)
        count = uses[whole.lower()]
        # a piece no French word, and written nowhere else (« démocratiq⏎ue »); « pour⏎suivre » are two words
        if count >= MIN_WHOLE_USES and any(_no_word(piece, uses, count, here=1) and not is_french_word(piece) for piece in pieces):
            return line[: end.start(1)] + whole + nexts[size - 1][starts[-1].end(1) :], size
    return None


def _lexicon_piece_cut(piece: str, uses: Counter) -> bool:
    """Whether a piece of two letters or more of a split word is no French word and written nowhere else in the document
    (« ltipliée » in « mu ltipliée », « incertit » in « incertit ude »): a word cut, not two words."""
    return len(piece) > 1 and not is_french_word(piece) and _no_word(piece, uses, 0, here=1)


def _no_function_word(pieces: list[str]) -> bool:
    """Whether no piece of a split word is a function word, which stands before or after a word (« de vale urs » is
    « de valeurs », not « dévale urs »)."""
    return not any(piece.lower() in STOP_WORDS for piece in pieces)  # as written: « ét » of « comp ét ent » is no « et »


def _no_word(piece: str, uses: Counter, whole_uses: int, here: int = 0) -> bool:
    """Whether a piece of a split word is no word of the document: one letter (but « a », « à », « y », « ô »), or
    written alone PIECE_SHARE times less often than the word it would join into (here: its uses being looked at, left out)."""
    return (len(piece) == 1 and piece not in ONE_LETTER_WORDS) or (uses[piece.lower()] - here) * PIECE_SHARE <= whole_uses


def join_split_words(texts: list[str]) -> list[str]:
    """A document's page texts with the words its extraction split by spaces joined again (see above): the joined
    word is written whole MIN_WHOLE_USES times at least in the document, one of its pieces is no word of it
    (_no_word), and every piece after the first starts in lower case; an elided form spaced from its apostrophe
    joins it (« L 'acheteur », « d' identifier »), and a drop cap read as a line of its own joins the rest of its
    word when the document writes that word elsewhere (« L » / « e début » -> « Le début »), as does a word a hyphen cuts inside a line
    (« Environ- nement »), and a word a narrow cell cuts at a line's end (_joined_narrow_cuts); an item's code glued to a
    word goes apart (« donnéesh.3 » -> « données h.3 »)."""
    # words as a text writes them, not a data model's names (« valideDe » is no « validede » to join « valide de » into)
    uses = Counter(word.lower() for text in texts for word in _LETTERS_RE.findall(text) if word[1:].islower() or len(word) == 1)

    def joined(pieces: list[str]) -> str | None:
        whole = "".join(pieces)
        count = uses[whole.lower()]
        if any(not piece[0].islower() for piece in pieces[1:]) or (len(pieces[0]) > 1 and pieces[0].isupper()):
            return None  # an acronym before a word (« TCO certified ») is two words
        if count < MIN_WHOLE_USES:  # written whole too seldom: a French word, a piece of it no word anywhere (« incertit ude »)
            lexicon = len(whole) >= MIN_LEXICON_JOINED and is_french_word(whole) and _no_function_word(pieces)
            return whole if lexicon and any(_lexicon_piece_cut(p, uses) for p in pieces) else None
        return whole if any(_no_word(piece, uses, count) for piece in pieces) else None

    def repl(match: re.Match) -> str:
        words = match.group().split(" ")
        out, i = [], 0
        while i < len(words):
            for size in range(min(SPLIT_WORD_PIECES, len(words) - i), 1, -1):
                whole = joined(words[i : i + size])
                if whole:
                    out.append(whole)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return " ".join(out)

    def two_parts_one_word(match: re.Match) -> str:  # a drop cap and its word, a word a hyphen cuts in a line
        whole = match.group(1) + match.group(2)
        return whole if uses[whole.lower()] else match.group()

    coded = Counter((m.group(1) + m.group(2)[0]).lower() for text in texts for m in _GLUED_CODE_RE.finditer(text))

    def glued_code(match: re.Match) -> str:
        word, code = match.group(1), match.group(2)
        glued = (word + code[0]).lower()
        return f"{word} {code}" if uses[word.lower()] and uses[glued] <= coded[glued] else match.group()

    texts = [_ELISION_SPACED_AFTER_RE.sub(r"\1\2", _SPACED_ELISION_RE.sub(r"\1\2", text)) for text in texts]
    texts = [_joined_narrow_cuts(text, uses) for text in texts]
    texts = [_DROP_CAP_RE.sub(two_parts_one_word, text) for text in texts]
    texts = [_GLUED_CODE_RE.sub(glued_code, _CUT_IN_LINE_RE.sub(two_parts_one_word, text)) for text in texts]
    return [_PIECES_RE.sub(repl, text) for text in texts]


# --- words glued by a PDF's lost spaces ---------------------------------------------------------

# pypdf reads some lines without the space at their end or between words set apart by position only: « équipes
# mobileset professionnels », « formerles équipes », « la possibilitéd'écraser », a heading in bold
# « Courriersparamétrablespourlesstructures ». A run of GLUED_MIN_LETTERS letters or more, in lower case or capitalised,
# that is no French word, nor a prefix glued to one (« surcoûts », « télédéclaration »), nor part of a web or mail
# address, nor the end of a word a hyphen cut at the line before, is cut into the fewest words (_glued_pieces): French
# function words, « à », the elided form before an apostrophe, and French words of GLUED_CONTENT_LETTERS letters or more
# that the document also writes alone. The cut must hold such a word, and a function word or an elided form, or be two
# such words of GLUED_WORDS_LETTERS letters or more glued once (« téléphonespersonnels »); a capitalised run must be
# GLUED_CAPITALISED_LETTERS letters long (a heading: « Maslow », « Descartes », « Moyenneville » are names); and it must
# not be one word and its ending (_one_word_ending: « pluriannuel le », « priori se », « thermique ment »).
GLUED_MIN_LETTERS = 5
GLUED_CONTENT_LETTERS = 5
GLUED_WORDS_LETTERS = 6  # each of two words glued with no function word between (« téléphonespersonnels »)
GLUED_CAPITALISED_LETTERS = 20  # a capitalised run shorter than this is a name (« Descartes », « Hautefontaine »), not a heading
# the prefixes a French word is made with that are words of their own too (« surcoûts », « contreproductive »)
GLUED_PREFIXES = frozenset(("sur", "sous", "contre", "entre", "trans", "radio", "vidéo", "audio", "gastro", "mono", "pluri", "poly"))
_GLUED_RUN_RE = re.compile(r"(?<![\w-])[^\W\d_]+(?![\w-])")
_ADDRESS_CHARS_RE = re.compile(r"[/@]|\w\.\w")  # a web or mail address around a run: « www.poubellesbattle.fr »
_AFTER_LINE_END_HYPHEN_RE = re.compile(r"-[ \t]*\n[ \t]*$")


def split_glued_words(texts: list[str]) -> list[str]:
    """A document's page texts with the words its extraction glued together set apart (see above)."""
    uses = Counter(word.lower() for text in texts for word in _LETTERS_RE.findall(text))

    def apart(match: re.Match) -> str:
        run, text, start, end = match.group(), match.string, match.start(), match.end()
        elided_end = text[end : end + 1] in ("'", "’")
        if len(run) < GLUED_MIN_LETTERS or not (run.islower() or (run[0].isupper() and run[1:].islower())):
            return run  # a name in capitals or in two cases (« DomiFa ») is written so
        if is_french_word(run) or _prefixed_word(run) or _ADDRESS_CHARS_RE.search(_token_around(text, start, end)):
            return run
        if _AFTER_LINE_END_HYPHEN_RE.search(text, max(0, start - 8), start):
            return run  # the end of a word a hyphen cut at the line before (« environ-⏎nementaux »)
        following = _LETTERS_RE.match(text, end + 1)
        if elided_end and is_french_word(run + "'" + (following.group() if following else "")):
            return run  # « quelqu'un », « aujourd'hui »
        pieces = _glued_pieces(run, elided_end, uses)
        return " ".join(pieces) if pieces else run

    return [_GLUED_RUN_RE.sub(apart, text) for text in texts]


def _token_around(text: str, start: int, end: int) -> str:
    """The characters around text[start:end] up to the spaces on either side."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min((i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return text[left:right]


def _prefixed_word(word: str) -> bool:
    """Whether a word is a prefix glued to a French word (« télédéclaration », « surcoûts »): one word."""
    lower = word.lower()
    glued = [(prefix, lower[len(prefix) :]) for prefix in GLUED_PREFIXES if lower.startswith(prefix)]
    return any(is_french_word(rest) for _, rest in prefix_splits(word_key(word)) + glued)


def _glued_pieces(run: str, elided_end: bool, uses: Counter) -> list[str] | None:
    """A glued run of letters cut into its fewest words (see split_glued_words), as written; None when it cannot be."""
    lower = run.lower()
    if len(lower) != len(run):
        return None
    ends = _fewest_cut(lower, lambda piece, last: _glued_piece_fits(piece, elided_end and last, uses))
    if ends is None or len(ends) < 2 or (run[0].isupper() and len(run) < GLUED_CAPITALISED_LETTERS):
        return None  # « Descartes », « Moyenneville », « Hautefontaine » are names
    pieces = [run[start:end] for start, end in zip([0] + ends, ends)]
    content = [piece for piece in pieces if not _joining_piece(piece.lower())]
    if not content or _one_word_ending(run, pieces) or any(len(a) <= 2 and len(b) <= 2 for a, b in zip(pieces, pieces[1:])):
        return None  # « ma ils » is « mails », « pluriannuel le » « pluriannuelle », « an on y … » no words
    if elided_end or len(content) < len(pieces):
        return pieces
    # two words and no function word: each written alone elsewhere, long, the two glued once (« canne berges », « photo
    # sensibles », « pierre fonds » are one word; a word the document writes so is one)
    return pieces if len(pieces) == 2 and min(map(len, pieces)) >= GLUED_WORDS_LETTERS and uses[lower] < MIN_WHOLE_USES else None


# the last pieces of a cut that are a word's ending more often than a word glued after another: a verb's or a
# feminine's (« priorise », « servientes », « végétalienne »), an adverb's (« thermiquement »); and « aux » after « e », a
# plural in -eaux (« chêneaux »)
_ENDING_PIECES = frozenset(("ne", "nes", "se", "ses", "te", "tes", "ment", "ments"))


def _one_word_ending(run: str, pieces: list[str]) -> bool:
    """Whether a cut run is one word and its ending (_ENDING_PIECES), or cut in two, a feminine or plural whose consonant
    doubles or not (« tendanciel le », « pluriannuel le »)."""
    last = pieces[-1].lower()
    if last in _ENDING_PIECES or (last == "aux" and pieces[-2].lower().endswith("e")):
        return True  # « priori se », « servi en tes », « souples ses », « thermique ment », « chêne aux » (chêneaux)
    if len(pieces) != 2:
        return False
    first = pieces[0].lower()
    doubled = last[:1] == first[-1:] and last in ("le", "les")
    return same_word(run, first) or doubled


def _joining_piece(piece: str) -> bool:
    """Whether a piece of a glued run is a French function word as written (not « dé ») or « à »."""
    return piece == "à" or (len(piece) > 1 and piece in FRENCH_STOP_WORDS)


def _glued_piece_fits(piece: str, elided: bool, uses: Counter) -> bool:
    """Whether a piece of a glued run is a word (see split_glued_words)."""
    if elided:
        return piece in ELIDED_FORMS
    if _joining_piece(piece):
        return True
    return len(piece) >= GLUED_CONTENT_LETTERS and uses[piece] >= 1 and piece in _written_french_words()


# --- pages read with their spaces lost -------------------------------------------------------------

# Some PDFs draw the space between two words as a move of the pen, in a font that holds no space: pypdf then reads
# most of a page's words run together (« Danscecadre,Etalabdéveloppeuncertainnombrederessourcespour: »), more than
# split_glued_words, made for a few glued words, can set apart. On a page where runs longer than any French word
# (_RUN_TOGETHER_RE) hold RUN_TOGETHER_PAGE_SHARE of the characters or more, each run of letters that is no known word
# is cut into its likeliest words (_likeliest_cut): the words of the general French lexicon, by how often its sources
# use them, and the words the document writes apart on its other lines, by how often it does (its names: « Etalab »);
# a piece that is neither costs more than any word (UNKNOWN_PIECE_COST and UNKNOWN_LETTER_COST), so that a cut holds
# words where it can. A word written apart elsewhere RUN_TOGETHER_MIN_USES times is the document's (a run it glued
# once is not). Punctuation glued to the next word gets its space back (« cadre,Etalab », « pour:les »).
RUN_TOGETHER_PAGE_SHARE = 0.1  # a judgement: 0.14 to 0.6 on the 23 pages of a guide so read, under 0.05 on every page of 84 others
RUN_TOGETHER_MIN_USES = 2
# Measured by benchmarks/run_together.py --sweep on lines of sixteen tuning documents whose spaces were taken out: the
# share of their words the cut gives back at their place, 0.947 with these settings. DOCUMENT_SHARE 0.3 / 0.5 / 0.7:
# 0.946 / 0.947 / 0.947 (0.5, as much as the lexicon, a judgement); UNKNOWN_PIECE_COST 20 / 30 / 45: 0.947 each;
# UNKNOWN_LETTER_COST 1 / 2 / 3 / 5: 0.921 / 0.944 / 0.947 / 0.946. A cost for each piece (fewer, longer words), tried
# first on a scratch copy, lowered it (1.5: 0.906, 3: 0.850, 5: 0.735, against 0.925 without).
DOCUMENT_SHARE = 0.5  # the weight of the document's uses against the lexicon's
UNKNOWN_PIECE_COST = 45.0  # more than the rarest word of the lexicon (about 16: 50 uses in 350 million), ...
UNKNOWN_LETTER_COST = 3.0  # ... and for each letter: the words a run holds are cut out of a name the lexicon lacks
_SINGLE_LETTER_WORDS = frozenset("aày")
# where a page read with its spaces lost needs one back around punctuation and figures: after « , ; : » or a closing
# bracket before a letter (« cadre,Etalab », « (ADEME),en »), before an opening bracket after a letter (« guide(sur »),
# after a full stop before a capitalised word (« publics.Le »), between a word and a figure (« Depuis2007 », « 2.3Les »)
_SPACE_LOST_RES = (
    re.compile(r"(?<=[^\W\d_)\]»”][,;:])(?=[^\W\d_(«“])"),
    re.compile(r"(?<=[)\]»”])(?=[^\W\d_])"),
    re.compile(r"(?<=[^\W\d_])(?=[(«“])"),
    re.compile(r"(?<=[a-zà-ÿ]{2}\.)(?=[A-ZÀ-Ý][a-zà-ÿ])"),
    re.compile(r"(?<=[a-zà-ÿ]{2})(?=\d)"),
    re.compile(r"(?<=\d)(?=[A-ZÀ-Ý][a-zà-ÿ])"),
)
# where a run of letters goes from lower case to a capital it holds two words: « leCRAIG », « surGitHub », « BenjaminRoger »
_CASE_CHANGE_RE = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])")
# a line that reads its words apart: this share of its words (two letters or more) are words of the lexicon
READ_APART_SHARE = 0.75


def split_run_together(texts: list[str]) -> list[str]:
    """A document's page texts with the words of the pages read with their spaces lost set apart (see above)."""
    lost = [_lost_its_spaces(text) for text in texts]
    if not any(lost):
        return texts
    costs = word_costs(line for text in texts for line in text.split("\n"))
    return [_set_apart(text, costs) if glued else text for text, glued in zip(texts, lost)]


def word_costs(lines: Iterable[str]) -> _WordCosts:
    """What each piece of a run costs as a word in a document of these lines: the lexicon's words, and the words its
    lines that read them apart write RUN_TOGETHER_MIN_USES times or more."""
    lexicon = _lexicon_counts()
    written = Counter(word for line in lines for word in _words_read_apart(line, lexicon))
    return _WordCosts(lexicon, {word: n for word, n in written.items() if n >= RUN_TOGETHER_MIN_USES or word in lexicon})


def _words_read_apart(line: str, lexicon: dict[str, int]) -> list[str]:
    """A line's words in lower case when it reads them apart (READ_APART_SHARE of them in the lexicon, accents a capital
    lost aside), else none: a run glued on several pages (a heading and its line in the contents) is no word."""
    words = [word.lower() for word in _LETTERS_RE.findall(line)]
    long = [word for word in words if len(word) > 1]
    known = sum(word in lexicon or word_key(word) in _folded_lexicon_counts() for word in long)
    return words if long and known >= READ_APART_SHARE * len(long) else []


def _lost_its_spaces(text: str) -> bool:
    """Whether a page was read with its spaces lost: RUN_TOGETHER_PAGE_SHARE of its characters in runs longer than any
    French word."""
    return bool(text) and run_together_share(text) >= RUN_TOGETHER_PAGE_SHARE


class _WordCosts:
    """What a piece of a run costs as a word: minus the log of its share of the lexicon's and of the document's uses."""

    def __init__(self, lexicon: dict[str, int], document: dict[str, int]) -> None:
        self.lexicon, self.document = lexicon, document
        self.lexicon_total, self.document_total = max(sum(lexicon.values()), 1), max(sum(document.values()), 1)

    def known(self, piece: str) -> bool:
        return self._lexicon_uses(piece) > 0 or piece in self.document

    def _lexicon_uses(self, piece: str) -> int:
        """The lexicon's uses of a piece as written, or with the accents a capital lost (« Energie », « Etat »)."""
        return self.lexicon.get(piece, 0) or (_folded_lexicon_counts().get(piece, 0) if piece.isascii() else 0)

    def __call__(self, piece: str, elided: bool) -> float:
        if elided:  # the last piece before an apostrophe: « surl’obligation » is « sur l’obligation »
            return 0.0 if piece in ELIDED_FORMS else math.inf
        if len(piece) == 1 and piece not in _SINGLE_LETTER_WORDS:
            return math.inf
        share = (1 - DOCUMENT_SHARE) * self._lexicon_uses(piece) / self.lexicon_total + DOCUMENT_SHARE * self.document.get(piece, 0) / self.document_total
        return -math.log(share) if share else UNKNOWN_PIECE_COST + UNKNOWN_LETTER_COST * len(piece)


@_loaded_once
def _folded_lexicon_counts() -> dict[str, int]:
    """The lexicon's uses by word key (accents folded, lower case)."""
    counts: Counter = Counter()
    for word, count in _lexicon_counts().items():
        counts[word_key(word)] += count
    return dict(counts)


def _set_apart(text: str, costs: _WordCosts) -> str:
    """A page read with its spaces lost, its runs of letters cut into their likeliest words and its punctuation spaced;
    the words a hyphen cuts at a line's end joined first (« transpa-⏎rencedesalgorithmes »: transparence des algorithmes)."""
    text = join_hyphenated_lines(text.translate(UNICODE_HYPHENS))

    def whole(run: str, elided: bool) -> bool:  # a letter, or a known word not before an apostrophe
        return len(run) < 2 or (costs.known(run.lower()) and not elided)

    def apart(match: re.Match) -> str:
        run, page, end = match.group(), match.string, match.end()
        elided = page[end : end + 1] in ("'", "’")
        if whole(run, elided):
            return run
        following = _LETTERS_RE.match(page, end + 1)
        if elided and is_french_word(run + "'" + (following.group() if following else "")):
            return run  # « aujourd'hui », « quelqu'un »
        parts = _CASE_CHANGE_RE.split(run)
        return " ".join(cut(part, elided and i == len(parts) - 1) for i, part in enumerate(parts))

    def cut(run: str, elided: bool) -> str:
        if whole(run, elided):
            return run
        ends = _likeliest_cut(run.lower(), elided, costs)
        return " ".join(run[start:end] for start, end in zip([0] + ends, ends)) if ends else run

    text = _LETTERS_RE.sub(apart, text)
    for spaced in _SPACE_LOST_RES:
        text = spaced.sub(" ", text)
    return text


def _likeliest_cut(letters: str, elided: bool, costs: _WordCosts) -> list[int] | None:
    """Where the pieces end when letters are cut into the pieces of least cost (costs), each of LONGEST_WORD letters at
    most, the last one an elided form when an apostrophe follows (elided); None when no cut has a finite cost."""
    best = [0.0] + [math.inf] * len(letters)
    ends: list[list[int]] = [[]] + [[] for _ in letters]
    for end in range(1, len(letters) + 1):
        last = end == len(letters)
        for start in range(max(0, end - LONGEST_WORD), end):
            if best[start] == math.inf:
                continue
            cost = best[start] + costs(letters[start:end], elided and last)
            if cost < best[end]:
                best[end], ends[end] = cost, ends[start] + [end]
    return ends[-1] if best[-1] < math.inf else None


# A letter-spaced run, as extraction reads a heading or a box set with wide letter spacing (« F E D E R A T I ON
# NA T I O NA L E », « L E S  C O M M E N T A I R E S »): tokens of one to three letters (or an apostrophe) parted by
# spaces, LETTER_SPACED_TOKENS letters alone among them at least, and LETTER_SPACED_SHARE of them (« il y a un an et
# à la fin de la vie » has 3 of 12)
LETTER_SPACED_TOKENS = 8
LETTER_SPACED_SHARE = 0.35
_LETTER_SPACED_RE = re.compile(r"(?<!\S)(?:[^\W\d_]{1,3}|['’])(?: {1,3}(?:[^\W\d_]{1,3}|['’]))+(?!\S)")


def join_letter_spaced(text: str) -> str:
    """A text whose letter-spaced runs read as words again: « F E D E R A T I ON NA T I O NA L E » -> « FEDERATION
    NATIONALE ». Two spaces or more part words; within a part, the letters are cut into the fewest words of the
    French lexicon (an elided form before its apostrophe: « D ’ UNE »); a part that cannot be cut so is joined whole."""
    return _LETTER_SPACED_RE.sub(_joined_run, text)


def _joined_run(match: re.Match) -> str:
    tokens = match.group().split()
    alone = sum(len(t) == 1 and t.isalpha() for t in tokens)
    if alone < LETTER_SPACED_TOKENS or alone < LETTER_SPACED_SHARE * len(tokens):
        return match.group()
    parts = [part.replace(" ", "") for part in re.split(r" {2,}", match.group())]
    return " ".join(_lexicon_words(part) for part in parts)


def _lexicon_words(part: str) -> str:
    """Letters without spaces, with their apostrophes, cut into words of the French lexicon: each stretch between
    apostrophes into the fewest words, the one before an apostrophe ending on an elided form (« LEPROPRIETAIRED’UNE »
    -> « LE PROPRIETAIRE D’UNE »); the part as it is when a stretch cannot be cut so."""
    stretches = re.split(r"(['’])", part)
    words = []
    for k in range(0, len(stretches), 2):
        cut = _fewest_words(stretches[k], elided_end=k + 1 < len(stretches))
        if cut is None:
            return part
        words.append(" ".join(cut) + (stretches[k + 1] if k + 1 < len(stretches) else ""))
    return "".join(words)


def _fewest_words(letters: str, elided_end: bool) -> list[str] | None:
    """Letters cut into the fewest words of the French lexicon, the last an elided form when elided_end; None when
    they cannot be (an empty stretch: [])."""
    key = word_key(letters)
    if len(key) != len(letters):  # a letter whose folding changes its length (« œ » -> « oe »)
        return None
    lexicon = french_words()
    ends = _fewest_cut(key, lambda piece, last: piece in ELIDED_FORMS if elided_end and last else piece in lexicon)
    return None if ends is None else [letters[start:end] for start, end in zip([0] + ends, ends)]


def _fewest_cut(letters: str, fits: Callable[[str, bool], bool]) -> list[int] | None:
    """Where the pieces end when letters are cut into the fewest pieces that fits(piece, is_last) accepts, each of
    LONGEST_WORD letters at most; None when they cannot be cut so (empty letters: [])."""
    best: list[list[int] | None] = [[]] + [None] * len(letters)  # best[i]: where the pieces of letters[:i] end
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - LONGEST_WORD), end):
            before = best[start]
            if before is not None and (best[end] is None or len(before) + 1 < len(best[end])) and fits(letters[start:end], end == len(letters)):
                best[end] = before + [end]
    return best[len(letters)]


# --- French places as English names them --------------------------------------------------

# The French regions, territories and cities whose English name is not the French one nor one typo away from it: an
# English question names them so (« … the ESS of French Guiana ») where a French document writes « Guyane ». Normandy
# and the Riviera are left out: the bundled report's metropolises carry their French names, which only its profile names
ENGLISH_PLACE_NAMES = {
    "Brittany": "Bretagne", "Burgundy": "Bourgogne", "Corsica": "Corse", "Picardy": "Picardie",
    "Savoy": "Savoie", "Gascony": "Gascogne", "Flanders": "Flandre", "Occitania": "Occitanie", "Guiana": "Guyane",
    "Polynesia": "Polynésie", "Caledonia": "Calédonie", "Dunkirk": "Dunkerque", "Rheims": "Reims",
}


def french_place_names(text: str) -> str:
    """The French names of the places an English text names in English (« French Guiana » -> « Guyane »), '' for none."""
    return " ".join(ENGLISH_PLACE_NAMES[word] for word in re.findall(r"[A-Z][a-z]+", text) if word in ENGLISH_PLACE_NAMES)


# --- sentences -----------------------------------------------------------------------------

# Words written short with a period that goes on the sentence (« la NAF rév. 2 », « voir chap. 3 », « cf. fig. 4 », « et al. »)
_ABBREVIATIONS = {
    "m", "mme", "mm", "dr", "p", "art", "n", "no", "cf", "etc", "hab", "env", "st", "ste", "av", "bd", "vol",
    "rév", "rev", "chap", "fig", "éd", "réf", "ref", "tél", "al", "ann", "suiv",
}
_TRAILING_ITEM_NUMBER_RE = re.compile(r"(?<![\w,.])\d{1,2}\.$")
# a sentence ends before a capital, a digit or an opening quote; an item an arrow opens (« … le SMIC. → une aide à …
# ; → un renforcement … »: items glued on one line by extraction) ends what comes before it, a sentence or a lead-in
_ITEM_ARROWS = "→➔➢►▶"
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[»\")\]]*\s+(?=[«\"(\[]?\s?[A-ZÀ-Ý0-9])|(?<=[.!?…;:])\s+(?=[" + _ITEM_ARROWS + r"]\s)")


CAPITALS_SHARE = 0.5  # a text with more of its letters in capitals is a title or a figure's label, not a sentence
CAPITALS_MIN_LETTERS = 20  # ... when it has this many letters at least ('CCAS', 'Loi ESS' are words)
CAPITALS_RUN = 3  # words in capitals in a row: a title or a figure's label ('DÉPARTS EN RETRAITE ESTIMÉS')


def mostly_capitals(text: str) -> bool:
    """Whether most of a text's letters are capitals: a title, a banner or a figure's label
    ('493 200 DÉPARTS EN RETRAITE ESTIMÉS D'ICI À 2026'), which says no sentence."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= CAPITALS_MIN_LETTERS and sum(c.isupper() for c in letters) > CAPITALS_SHARE * len(letters)


# a surname in capitals after a given name (« Olivier LEFEBVRE », « Anne-Sophie MOAL »), as French writes people's names
_SURNAME_RE = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)(\s+)[A-ZÀ-Ý][A-ZÀ-Ý'’-]+\b")


def without_surnames(text: str) -> str:
    """A text without the surnames it writes in capitals after a given name: a list of people (« Pôle Direction : Olivier
    LEFEBVRE – Directeur Ibrahima CAMARA – Responsable Secteur … ») is not a title in capitals. A word after an article
    or a preposition (« Le FORUM ») is no surname."""
    return _SURNAME_RE.sub(lambda m: m.group(0) if m.group(1).lower() in STOP_WORDS else m.group(1) + m.group(2), text)


def words_run_together(text: str) -> bool:
    """Whether a text is mostly words that lost their spaces, as pypdf may read a footnote
    ('L’authentificationcomportementaleestunetechnologie…'): runs of more than LONGEST_WORD lower-case
    letters, no French word being that long, hold more than RUN_TOGETHER_SHARE of its characters."""
    return run_together_share(text) > RUN_TOGETHER_SHARE


def run_together_share(text: str) -> float:
    """The share of a text's characters in runs of more than LONGEST_WORD lower-case letters (no French word is that
    long); 0 for an empty text."""
    return sum(map(len, _RUN_TOGETHER_RE.findall(text))) / len(text) if text else 0.0


LONGEST_WORD = 25  # letters of 'anticonstitutionnellement'; a name in CamelCase has capitals inside, and stays
RUN_TOGETHER_SHARE = 0.3
_RUN_TOGETHER_RE = re.compile(rf"[a-zà-ÿœæ'’]{{{LONGEST_WORD + 1},}}")


def mostly_sources(text: str) -> bool:
    """Whether sources hold more than SOURCES_SHARE of a text's characters: web addresses, and notes numbered
    one after the other, as pypdf reads a page's or a chapter's notes (« • 69 Observatoire national de l'ESS,
    d'après INSEE FLORES 2018 • 70 Les Maisons familiales rurales, « Chiffres … » », '10 https://librairie.ademe.fr/…
    11 https://…'), each short: they say where to read, not what."""
    sourced = bytearray(len(text))
    for match in _WEB_ADDRESS_RE.finditer(text):
        sourced[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    notes = list(_NOTE_NUMBER_RE.finditer(text))
    for note, following in zip(notes, notes[1:]):  # a note runs to the next one; the last one's end is unknown
        if int(following.group(1)) == int(note.group(1)) + 1 and following.start() - note.start() <= SOURCE_NOTE_MAX:
            sourced[note.start() : following.start()] = b"\x01" * (following.start() - note.start())
    return sum(sourced) > SOURCES_SHARE * len(text.strip())


def without_web_addresses(text: str) -> str:
    """A text with its web addresses taken out (« Publiée le 23/02/2021 - https://… » -> « Publiée le 23/02/2021 - »)."""
    return _WEB_ADDRESS_RE.sub("", text)


SOURCE_NOTE_MAX = 150  # characters: a longer note says something (« 73 Une filière REP repose sur le principe … »)
SOURCES_SHARE = 0.6  # a line of text with a link in brackets stays ('La pression est donnée en bars (http://…)': 0.47)
_WEB_ADDRESS_RE = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# a note's number, opening the text or after a space or a bullet, before its source's first word or quote
_NOTE_NUMBER_RE = re.compile(r"(?:^|(?<=[•\s]))(\d{1,3})\s?(?=[«\"“A-ZÀ-Ý])")


_FIGURE_RE = re.compile(r"\d[\d.,]*[%€]?|[%€]")  # a figure as one token: '493', '32,1%', '€'


def in_capitals(token: str) -> bool:
    """Whether a token is a word in capitals ('DÉPARTS', 'D'ICI', an acronym: 'HAS'), not a capital letter alone."""
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def split_capital_runs(text: str, titles: bool = False) -> list[str]:
    """A text cut where a sentence starts after a run of figures and words in capitals: a designed page's
    strip of key figures, read in one line with the prose that follows ('900 000 PERSONNES 82 PROJETS
    CITOYENS KWALA FAYA COOP (Guyane) Kwala Faya est une coopérative …' -> the figures, then the sentence).
    A title in capitals without figures stays with its text, whose subject it names, unless titles."""
    parts, start, run, figures = [], 0, 0, titles
    for token in re.finditer(r"\S+", text):
        word = token.group()
        figure = bool(_FIGURE_RE.fullmatch(word))
        if figure or in_capitals(word):
            run += 1
            figures = figures or figure
            continue
        if word.startswith("(") and word.endswith(")"):  # '(Guyane)': the place of a box's title
            continue
        if run >= CAPITALS_RUN and figures and word[:1].isupper() and any(c.islower() for c in word):
            parts.append(text[start : token.start()].strip())
            start = token.start()
        run, figures = 0, titles
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def after_capital_title(text: str) -> str:
    """What a text says after the title in capitals that opens it ('L'ESS AU CŒUR DES POLITIQUES PUBLIQUES Depuis
    1981, l'ESS …' -> 'Depuis 1981, l'ESS …'); the text itself when no sentence follows one."""
    parts = split_capital_runs(text, titles=True)
    return text[text.index(parts[1]) :] if len(parts) > 1 and mostly_capitals(parts[0]) else text


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, without cutting after common abbreviations; a list item's
    number ('1. Disposer ... 2. Créer') starts its item."""
    parts: list[str] = []
    start = 0
    listed = enumerators(text)
    for m in _SENTENCE_END_RE.finditer(text):
        before = text[start : m.start()].rstrip()
        item_number = _TRAILING_ITEM_NUMBER_RE.search(before)
        if item_number and start + item_number.start() in listed:  # '... existante 3. Réaliser': the 3 opens the next item
            parts.append(before[: item_number.start()].strip())
            start += item_number.start()
            continue
        last_word = re.findall(r"(\w+)\W*$", before)
        if last_word and last_word[-1].lower() in _ABBREVIATIONS and before.endswith("."):
            continue
        if last_word and len(last_word[-1]) == 1 and last_word[-1].isupper() and before.endswith(last_word[-1] + "."):  # initials: J. Dupont (not '(annexe I). Un')
            continue
        parts.append(text[start : m.start()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]


# The endings of a French demonym or place adjective: « strasbourgeoise », « bordelaise », « rouennais », « toulousain »,
# « parisienne », « européen »
_DEMONYM_END_RE = re.compile(r"e?(?:ais(?:es?)?|ois(?:es?)?|ains?|aines?|iens?|iennes?|[ée]ens?|[ée]ennes?)$")


def demonym_stems(word: str) -> list[str]:
    """What a French demonym or place adjective is made from, as word keys: its ending taken off, and a doubled
    last consonant made single (« rouennais » -> rouenn, rouen; « strasbourgeoise » -> strasbourg; « bordelaise »
    -> bordel); empty for a word without such an ending. Stems only: the corpus's names say which place is meant
    (ess_qa.place_names)."""
    key = word_key(word)
    match = _DEMONYM_END_RE.search(key)
    if match is None or match.start() < 3:
        return []
    stem = key[: match.start()]
    return [stem] + ([stem[:-1]] if len(stem) > 3 and stem[-1] == stem[-2] else [])
