"""What a question is and asks, in one place: made safe to search, its language, the kind of answer
it expects, the noun it asks about, the names it uses, and a follow-up completed with the question
before it.

prepare_question accepts any text (possibly truncated, with a notice saying so) or refuses it with
EmptyQuestion and a message a user can act on; the work done is bounded whatever the input's size.
The other functions read a prepared question; none needs the index.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ingest.french import BEFORE_NOUN_ADJECTIVES, DISCOURSE_MARKERS, INVERTED_SUBJECT, MODAL_PARTICIPLES, PLACEHOLDER_NOUNS, STOP_WORDS, content_words, first_person_dropped, fold_accents, folded_content_words, in_capitals, lexicon_language, normalize_apostrophes, rendering_dropped, split_sentences, words, written_words
from ingest.numbers import PERIODS, YEAR_RE, stated_dimensions, unit_asked

MAX_QUESTION_CHARS = 1000
# Characters looked at before truncating: enough for MAX_QUESTION_CHARS once spacing is folded,
# small enough that a pasted book costs no more than a long question.
_SCAN_CHARS = MAX_QUESTION_CHARS * 8
_SPACE_RE = re.compile(r"\s+")


class EmptyQuestion(ValueError):
    """The question has no words to search for."""


@dataclass(frozen=True)
class PreparedQuestion:
    text: str
    notice: str | None = None


def _clean(text: str) -> str:
    """NFC; control, format, private-use, unassigned and surrogate characters become spaces; spacing folded."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in text)
    return _SPACE_RE.sub(" ", text).strip()


def prepare_question(question: str) -> PreparedQuestion:
    """Clean a question; raises EmptyQuestion when nothing searchable is left, truncates long ones."""
    if not isinstance(question, str):
        raise EmptyQuestion(f"a question must be text, not {type(question).__name__}")
    original_length = len(question)
    question = question.strip()  # C speed, whatever the size: blank lines around a pasted question cost nothing
    text = _clean(question[:_SCAN_CHARS])
    dropped = len(question) > _SCAN_CHARS
    if not text:
        if dropped:
            raise EmptyQuestion("the question starts with thousands of invisible characters: type a question about the documents")
        raise EmptyQuestion("the question is empty: type a question about the documents")
    notice = None
    if len(text) > MAX_QUESTION_CHARS or dropped:
        cut = text[:MAX_QUESTION_CHARS]
        if len(text) > MAX_QUESTION_CHARS and text[MAX_QUESTION_CHARS] != " " and " " in cut:
            cut = cut.rsplit(" ", 1)[0]  # do not end on half a word
        cut = cut.rstrip()
        notice = f"question truncated to its first {len(cut)} characters (of {original_length}): ask a shorter question for better results"
        text = cut
    if not any(c.isalnum() for c in text):
        raise EmptyQuestion("the question has no words to search for (only symbols, emoji or punctuation): type a question about the documents")
    return PreparedQuestion(text, notice)


# --- the language a question is in ---------------------------------------------------------------

_FRENCH_MARKERS = frozenset("le la les des du de un une est et en que qui quel quelle quels quelles combien comment où dans pour par sur au aux ont sont".split())
# English function words, none of them a French word: not « a », « an », « on », « or », which French writes too
_ENGLISH_MARKERS = frozenset(
    "the of and is are what which who how many much does do did in for to with by was were has have from"
    " can could should would will be been its their they there this that these those when where why after before".split()
)


def guess_language(text: str) -> str:
    """'fr' or 'en', from function words (a question has too few words for anything fancier); a word in capitals is an
    acronym, no function word (« prévalence dénutrition EHPAD HAS »: the Haute Autorité de Santé). When they are as
    many (a keyword query has none), the words of one language's lexicon only decide (« carbon footprint per user »)."""
    tokens = [word.lower() for word in written_words(text) if not in_capitals(word)]
    french = sum(t in _FRENCH_MARKERS for t in tokens)
    english = sum(t in _ENGLISH_MARKERS for t in tokens)
    if english == french:
        return lexicon_language(tokens) or "fr"
    return "en" if english > french else "fr"


# --- what a question is about -------------------------------------------------------------------

def _typed_either_way(words: tuple[str, ...] | list[str]) -> list[str]:
    """Words as written and accents folded, each once (« étude », « etude »): a question is typed either way."""
    return list(dict.fromkeys(form for word in words for form in (word, fold_accents(word))))


_PLACEHOLDER_RE = re.compile(r"\b(?:" + "|".join(sorted(PLACEHOLDER_NOUNS)) + r")\b", re.IGNORECASE)
_DISCOURSE_MARKER_RE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(_typed_either_way(DISCOURSE_MARKERS), key=len, reverse=True)) + r")(?![\w-])", re.IGNORECASE)


# What a text calls a word (« qu'entend-on par », « qu'appelle-t-on ») and a verb of defining with its inverted
# subject (« … définit-elle »): cues of a definition question, read by _MEANING_ASKED_RE, _DEFINED_RE and _TYPE_CUES.
_CALLED = r"\bqu'entend-on par|\bqu'appelle-t-on"
_DEFINES_INVERTED = r"d[ée]fini(?:t|ssent)-(?:il|elle|ils|elles|on)"
# The verbs that ask for a meaning (« que signifie », « que veut dire », « que désigne ») and the nouns that name the term
# asked (« le sigle », « l'abréviation »): read by _MEANING_ASKED_RE, _DEFINED_RE and _TYPE_CUES
_MEANING_VERBS = r"que (?:signifient|signifie|veut dire|veulent dire|d[ée]signent|d[ée]signe)"
_TERM_NOUNS = r"(?:sigle|acronyme|abr[ée]viation|terme|mot|expression|notion)s?"
# the article or possessive after « pour » that makes it say for whom a question is asked (« … pour un coopérateur »),
# not what a thing is for (« … pour voir »)
_FOR_WHOM = r"(?:un|une|le|la|les|l'|des|du|mon|ma|mes|son|sa|ses|notre|nos|votre|vos|leur|leurs)\b"

# « Que signifie le sigle X », « que veut dire le terme X »: the words that ask for a meaning, which the
# defining line does not repeat ('La loi EGalim (Équilibre des relations …)'), asked as « qu'est-ce que X ».
_MEANING_ASKED_RE = re.compile(
    rf"(?:\b{_MEANING_VERBS}"
    # what a text calls or defines: « comment le guide définit-il », « qu'est-ce que l'instruction appelle »,
    # « qu'appelle-t-on », « qu'entend-on par », « qui est désigné par le terme »
    rf"|\bcomment\s+(?:[\w']+\s+){{0,4}}?{_DEFINES_INVERTED}"
    r"|\bqu'est[- ]ce qu(?:e|')\s*(?:[\w']+\s+){0,3}?appell?(?:e|ent)"
    rf"|{_CALLED}|\b(?:qui|que|quoi) (?:est|sont) d[ée]sign[ée]e?s? par)"
    rf"\s+(?:(?:(?:le|la|les|des|du|une|un)\s+|l')(?:{_TERM_NOUNS}\s+)?)?",
    re.IGNORECASE,
)


# « Quelle est la signification du sigle X », and as keywords « signification sigle X », « sigle X »: also asked as
# « qu'est-ce que X », X written in capitals or quoted (« la signification de ce résultat » asks no meaning)
_MEANING_NOUN_RE = re.compile(
    r"^\W*(?:(?:quel(?:le)? est|c'est quoi) la )?(?:signification|sigle|acronyme|abr[ée]viation)\s+"
    r"(?:(?:de la|de l'|du|des|de|d')\s*)?(?:(?:sigle|acronyme|terme|mot|abr[ée]viation)\s+)?(?=(?-i:[«\"“A-ZÀ-Ý]))",
    re.IGNORECASE,
)


# The nouns that ask for a meaning anywhere in a keyword query (« GEMAPI signification sigle »), which are not what is
# to be defined
_MEANING_NOUNS = ("signification", "sigle", "acronyme")
_MEANING_NOUN_WORD_RE = re.compile(r"\b(?:" + "|".join(_MEANING_NOUNS) + r")\b", re.IGNORECASE)


# « où se trouve », « où se situent », « où est situé »: the verb of a place asked, no word of what is asked (« trouver
# un compromis » is no answer to « Où se trouve le siège ? »), asked as « où est », « où sont »
_WHERE_IS_RE = re.compile(r"\b(o[uù])\s+(?:se\s+(?:trouv|situ)e(nt)?|(est|sont)\s+(?:situ|localis)[ée]e?s?)\b", re.IGNORECASE)


# « par quels moyens », « de quelle manière », « de quelle façon », « par quel biais »: how, asked with a noun that
# names no thing asked about (the answer lists ways, « soit par voie électronique … », without the word « moyen »)
# (not « par quel moyen de paiement », which names the kind of way asked for)
_MANNER_RE = re.compile(r"\b(?:par|de)\s+quel(?:le)?s?\s+(?:moyens?|mani[eè]res?|fa[cç]ons?|biais)\b(?!\s+d[e'])", re.IGNORECASE)


def _where_is(match: re.Match) -> str:
    plural = match.group(2) or match.group(3) == "sont"
    return f"{match.group(1)} {'sont' if plural else 'est'}"


# « what does SUP mean », « what does the acronym X stand for », « what is meant by X »: asked as « what is X »
_ENGLISH_MEANING_ASKED_RE = re.compile(r"\bwhat (?:does|do) (.+?) (?:mean|stand for)\b|\bwhat is meant by()\b", re.IGNORECASE)


# The past participles by which a question says where a term is used (« le DILICO évoqué dans le projet de loi »,
# « le dispositif mentionné page 4 »): they end the term to be defined, as a relative pronoun does (« le fonds qui … »)
_USED_PARTICIPLES = "|".join(
    _typed_either_way("évoqué mentionné cité présenté décrit prévu défini utilisé employé introduit proposé retenu visé".split())
)
_QUOTED_RE = re.compile(r"[«“\"]\s*([^»”\"]{1,80}?)\s*[»”\"]")  # a term a question quotes: « venaisons », "repas de chasse"
# What a definition question asks to be defined: the words after its cue, up to where it says in what
# (« c'est quoi une nappe de câbles dans le standard ? », « … au sens du Code du travail », « what does a 'zone de
# vigilance' mean in … ») or asks
# something more of it (« … et à quel public s'adresse-t-il ? »)
_DEFINED_RE = re.compile(
    rf"(?:qu'?est[- ]?ce qu(?:e\b|'|\s)|c'est quoi\b|\b{_MEANING_VERBS}\b"
    # with the word naming the term (« que signifie le sigle … »)
    rf"(?:\s+(?:(?:le|la|les|des|du|une|un)\s+|l'){_TERM_NOUNS}\b)?"
    r"|\bwhat (?:is|are|does)\b|\bd[ée]finition d(?:u|e|es|')\b"
    rf"|(?:{_CALLED})\b|\b{_DEFINES_INVERTED}\b)\s*(.+?)"
    r"(?:\s+(?:dans|selon|d'après|chez|au sens|in|according|within|mean|means|stand)\b|\s*(?:[?,;]|\.(?![^\W\d_]))|$"
    # for whom or in what it is asked (« … pour un réseau de chaleur »)
    rf"|\s+pour\s+{_FOR_WHOM}"
    # where the question says the term is used, or a relative clause on it (« … évoqué dans … », « … qui finance … »)
    rf"|\s+(?:(?:{_USED_PARTICIPLES})(?:e|s|es)?|qui|dont|which|that)\b"
    # a second question after it (« … et à quel public s'adresse-t-il ? »)
    r"|\s+(?:et|and)\s+(?:(?:à|a|de|pour|par|to|for)\s+)?(?:quel(?:le)?s?|qui|comment|pourquoi|quand|combien|où|what|who|how|why|when)\b)",
    re.IGNORECASE,
)


def quoted_term(question: str) -> str | None:
    """The term a question quotes (« avec bénéfices », "repas de chasse"), when it holds a content word."""
    quoted = _QUOTED_RE.search(question)
    return quoted.group(1) if quoted and folded_content_words(quoted.group(1)) else None


def defined_words(question: str) -> frozenset[str]:
    """The content words (accents folded) of what a definition question asks to be defined: what it quotes
    (« venaisons »), else what follows its cue (« qu'est-ce que … »); all of its words when nothing says which."""
    quoted = quoted_term(question)
    if quoted:
        return frozenset(folded_content_words(quoted))
    match = _DEFINED_RE.search(normalize_apostrophes(question))
    words = frozenset(folded_content_words(match.group(1))) if match else frozenset()
    return words or frozenset(folded_content_words(question)) - set(_MEANING_NOUNS)


# The document itself, named as the source of what is asked (« selon le panorama », « d'après cette étude », « le
# guide recommande-t-il »): the kinds of document a report calls itself, which the page that answers may not write
_DOCUMENT_KINDS = "|".join(
    _typed_either_way(
        """guide document rapport étude note notice panorama référentiel instruction livret plaquette charte manuel brochure
        fiche questionnaire protocole synthèse cahier dossier mémento bulletin magazine ouvrage revue""".split()
    )
)
# the verbs by which a text says, shows or advises (« le panorama présente-t-il »), in the third person
_REPORTING_VERBS = "|".join(
    _typed_either_way(
        """présente propose recommande préconise conseille retient donne définit décrit cite indique mentionne évoque prévoit
        identifie distingue dit souligne dresse attribue appuie appelle""".split()
    )
)
# The document a question names by its kind, with the word after it (« cette note juridique », « ce rapport », a
# keyword query's « auteur note restauration »), with or without its article
# ... and when its date or its authors are asked, a « bilan » (« Quand ce bilan social a-t-il été publié ? »), which
# names an accounting statement as often where a source is named (« une ligne vide dans le bilan »)
# A question that asks about the works a document cites (« quelle étude », « quel article », « la référence »): a
# bibliography's entries may answer it (ingest.french.REFERENCES_HEADING_RE)
ASKS_A_WORK_RE = re.compile(r"\b(?:bibliograph\w*|r[ée]f[ée]rences?|sources?|publications?|publi[ée]e?s?|articles?|ouvrages?|auteure?s?|[ée]tudes?|paper|study|studies|article|reference)\b", re.IGNORECASE)
DOCUMENT_NAMED_RE = re.compile(rf"\b((?:{_DOCUMENT_KINDS}|bilan)(?: [a-zà-ÿ]+)?)\b", re.IGNORECASE)
_SOURCE_RE = re.compile(
    rf"\b(?:selon|d'après|d'apres|dans) (?:le |la |l'|ce |cet |cette )(?:{_DOCUMENT_KINDS})\b(?! d[eu'] | des )"
    rf"|\b(?:le |la |l'|ce |cet |cette )(?:{_DOCUMENT_KINDS}) (?=(?:s'|se )?(?:{_REPORTING_VERBS})(?:-t)?-(?:il|elle)\b)"
    # « un label, tel que le définit cette note »
    rf"|,?\s*\btel(?:le)?s? qu(?:e |')(?:le |la |les |l')?(?:{_REPORTING_VERBS})(?:nt)? (?:le |la |l'|ce |cet |cette )(?:{_DOCUMENT_KINDS})\b"
    # « selon cette politique de confidentialité », « d'après cette charte » at its end: what is read, whatever its kind
    r"|\b(?:selon|d'après|d'apres) (?:ce|cet|cette) [^\W\d_]+(?: (?:de |d'|du |des )?[^\W\d_]+)?(?=\s*[?.!]*\s*$)",
    re.IGNORECASE,
)
# Where the document uses the term a definition question asks of (« Que désigne l'abréviation TEE employée tout au long
# du rapport ? »): the words of no answer, which draw the search away from the line that spells the term out
_USED_IN_DOCUMENT_RE = re.compile(
    rf"\s*\b(?:{_USED_PARTICIPLES})(?:e|s|es)?\b(?:\s+[\w']+){{0,4}}?\s+(?:dans\s+)?(?:du |des |de la |de l'|le |la |l'|ce |cet |cette )(?:{_DOCUMENT_KINDS})\b",
    re.IGNORECASE,
)
# Before any other source, the « d'après » that introduces it (« d'après le PNNS »), whose « après » is no time; the word
# after it opens the sentence where it did (« … les délais. D'après les auteurs, … »: « … les délais. Les auteurs, … »)
_ACCORDING_TO_RE = re.compile(r"\b(d'apr[eè]s)\s+(\w?)", re.IGNORECASE)


def _according_to_dropped(text: str) -> str:
    """The text without the « d'après » that introduces a source (_ACCORDING_TO_RE)."""
    return _ACCORDING_TO_RE.sub(lambda m: m.group(2).upper() if m.group(1)[0].isupper() else m.group(2), text)


def question_content(question: str) -> str:
    """What a French question asks, as searched: without the asker's first-person framing, placeholder
    nouns (unless nothing is left), the words that ask for a meaning, the verb that asks where, the document named
    as the source (« selon le panorama ») or where it uses a term asked of (« … employée tout au long du rapport »),
    nor the « d'après » before another (« d'après le PNNS »), nor the « rendre » of « rendue publique »."""
    if guess_language(question) != "fr":
        return _SPACE_RE.sub(" ", _ENGLISH_MEANING_ASKED_RE.sub(r"what is \1", question)).strip()
    content = _MEANING_ASKED_RE.sub("qu'est-ce que ", _MEANING_NOUN_RE.sub("qu'est-ce que ", normalize_apostrophes(question)))
    if _is_keyword_query(content.lower()) and _MEANING_NOUN_WORD_RE.search(content):  # « GEMAPI signification sigle »
        content = "qu'est-ce que " + _MEANING_NOUN_WORD_RE.sub(" ", content)
    content = _WHERE_IS_RE.sub(_where_is, content)
    if _DEFINED_RE.search(content):
        content = _USED_IN_DOCUMENT_RE.sub(" ", content)
    content = rendering_dropped(_according_to_dropped(_SOURCE_RE.sub(" ", _MANNER_RE.sub("comment", content))))
    content = _DISCOURSE_MARKER_RE.sub(" ", _PLACEHOLDER_RE.sub(" ", first_person_dropped(content)))
    content = _SPACE_RE.sub(" ", content).strip()
    return content if content_words(content) else question


# Where a question's context ends and what it asks begins: after « ; », « : », « ? » or « ! », and where a sentence
# ends (ingest.french.split_sentences: not after « art. », « M. », an initial)
_PART_END_RE = re.compile(r"(?<=[;:?!])\s+")


# The frame a question sets for what it asks (« … au sens du Code du travail », « Au sens du RGPD, … »): where the
# definition comes from, which the page that gives it need not name
_FRAME_RE = re.compile(
    r",?\s*\b(?:au sens (?:de la |de l'|du |des |de |d')|within the meaning of |in the sense of |as defined (?:by|in) )[^,;:?!]*,?",
    re.IGNORECASE,
)


# What a question sets aside before what it asks (« En dehors du congé d'engagement et du congé de représentation, quels
# autres congés … ? », « À part gérer l'eau, … »): up to its comma, at its start
_SET_ASIDE_RE = re.compile(r"^\s*(?:en dehors (?:de la |de l'|du |des |de |d')|à part |a part |hormis |excepté |excepte |outre )[^,;:?!]*,\s*", re.IGNORECASE)


def without_set_aside(question: str) -> str:
    """A question without what it sets aside at its start (_SET_ASIDE_RE): what it names there is what it does not ask."""
    rest = _SET_ASIDE_RE.sub("", question)
    return rest if content_words(rest) else question


def asked_part(question: str) -> str:
    """What a question of several parts asks, without the context told before it (« Notre commune a déposé son
    dossier en juillet 2020. Les nouvelles règles s'appliquent-elles ? »): its last part that asks (ends with a
    question mark), else its last part; the whole question when it has one part; without the frame it sets (_FRAME_RE)."""
    asked = _asking([part for sentence in split_sentences(question.strip()) for part in _PART_END_RE.split(sentence)], question)
    unframed = _FRAME_RE.sub(" ", asked).strip()
    return unframed if content_words(unframed) else asked


def asked_sentence(question: str) -> str:
    """What a question of several sentences asks, without the sentences told before it (« Je suis acheteur dans un
    CHU. À partir de quand … ? »): its last sentence that asks, else its last; a sentence's parts keep the frame that
    its first part sets (« On me demande de suivre le RGAA : sur quel smartphone … ? » asks of the RGAA)."""
    return _asking(split_sentences(question.strip()), question)


def _asking(parts: list[str], question: str) -> str:
    """The last part with content words that ends with a question mark, else the last; the question if one part."""
    parts = [part for part in parts if content_words(part)]
    if len(parts) < 2:
        return question
    return next((part for part in reversed(parts) if part.rstrip().endswith("?")), parts[-1])


# --- what kind of answer a question expects ---------------------------------------------------

QUESTION_TYPES = ("money", "percent", "number", "contact", "date", "list", "name", "person", "address", "place", "definition", "procedure", "reason", "yesno", "threshold", "other")
# How a question asks for « the » figure of something: « quel est le montant », « quel taux », and colloquially
# « c'est quoi le montant », « c'est combien le taux »
# « est » in any tense: « quel a été le coût », « quel était le montant », « quelle sera la date »
# « quel est », and with a modal: « quelle doit être la durée », « quel peut être le montant »
_BEING = r"(?:est|[ée]tait|sera|serait|sont|[ée]taient|seront|a [ée]t[ée]|ont [ée]t[ée]|avait [ée]t[ée]|(?:doi[tv]e?n?t?|peu[tv]e?n?t?|devrai[te]n?t?|pourrai[te]n?t?|va|vont) [êe]tre)"
# asks for a figure when a noun of one follows: « quel est le nombre », « c'est combien le budget », « comment a évolué le
# nombre d'abonnés » (how a figure changed: the figures say)
# (a short phrase of time or place may come between: « quel était en 2018 le taux », « quelle est, selon le guide, la part »)
_BETWEEN = r"(?:(?:en|au|aux|à|a|dans|pour|selon|sur) [\w'’-]+(?: [\w'’-]+)?,? )?"
_ASKS_THE = (
    rf"(?:quel(le)?s? (?:{_BEING},? {_BETWEEN}(?:le |la |l'|les ))?|c'?est (?:quoi|combien) (?:le |la |l')"
    r"|comment (?:a|ont|avait|avaient) (?:[ée]volu[ée]|vari[ée]|progress[ée]) (?:le |la |l'|les ))"
)
# The nouns that name a sum of money, or a count, as the figure asked for: first in a question (« budget prévention
# déchets »), anywhere in a keyword query (_KEYWORD_CUES)
_MONEY_NOUNS = r"budget|(?:sur)?co[uû]t|prix|tarif|montant"
# what is paid, in the singular after « quel est le »: « quel est le salaire brut … », « quel est le loyer » (in the plural,
# « quels sont les frais … » may ask which ones)
_PAID_NOUNS = r"salaire|r[ée]mun[ée]ration|loyer|redevance|dotation|indemnit[ée]|amende|cotisation|exc[ée]dent|d[ée]ficit|chiffre d'affaires"
_COUNT_NOUNS = r"nombre|number of"
# A question that asks how to do something (« comment intégrer le test d'adresse sur le site internet », « how to
# … »), but how to reach someone, asks for a procedure, whatever address or website it names
# The words that ask for an e-mail address: a contact question's cue and its channel (_CONTACT_CHANNEL_RES)
_EMAIL_WORDS = r"courriel|e-?mail|mail|adresses? [ée]lectroniques?"
_WEB_WORDS = r"site (?:internet|web)|website|url"  # the words that ask for a web address, cue and channel alike
_REACHING = r"\b(?:contacter|joindre|appeler|[ée]crire|reach|contact|call|email|write)\b"  # verbs of reaching someone
_NOT_HOW_TO = r"^(?!\W*(?:comment|how to)\s+(?!" + _REACHING + r")\w)"
# A question that opens on « quel » and another noun than a means of contact asks for that noun, no contact nor address
# (« Chez quel prestataire l'adresse électronique … est-elle hébergée ? », « Quelle entreprise héberge le site web ? »),
# and one that opens on « qui » for someone (« À qui … a-t-il confié la maintenance du site internet ? »), unless it asks
# how to reach someone (« Quel service contacter par mail ? », « Qui appeler au téléphone ? »)
_CONTACT_NOUNS = r"(?:num[ée]ros?|t[ée]l[ée]phones?|t[ée]l|adresses?|courriels?|e-?mails?|mails?|sites?|liens?|url|coordonn[ée]es|contacts?|moyens?|numbers?|address(?:es)?|websites?|phones?|links?)\b"
_NOT_WHICH_OTHER = (
    r"^(?!\W*(?:(?:chez|par|pour|à|a|de|d'|avec|dans|sur|auprès de|with|by|for|at) )?(?:(?:quel(?:le)?s?|which|what) (?!" + _BEING + r"\b|"
    + _CONTACT_NOUNS + r"|is\b|are\b|was\b|were\b)[^\W\d_]+|qui|who|whom)\b(?!.*" + _REACHING + r"))"
)
# A question that opens on « où » asks for a place, whatever phone it names (« Où les parents ont-ils le droit d'utiliser leur
# téléphone portable ? »), unless it asks where to reach someone (« Où écrire par mail … ? »)
_NOT_WHERE = r"^(?!\W*(?:où|where)\b(?!.*" + _REACHING + r"))"
CONTACT_NOUN_RE = re.compile(_CONTACT_NOUNS, re.IGNORECASE)  # a word that names a means of contact (« numéro », « téléphone »)
# A phone, a mail or a website the question names as a means or a place, not as what it asks for: « le lien reçu par
# mail », « une entreprise qui n'a pas de site Internet », « publié sur son site internet » (each a fixed-width look-behind)
_MEANS_BEFORE = (
    "par", "via", "sans", "pas de", "pas d'un", "sur le", "sur la", "sur l'", "sur son", "sur sa", "sur leur", "sur un", "sur une",
    "sur notre", "sur votre", "dans le", "dans son", "dans leur",
)
_NOT_A_MEANS = "".join(rf"(?<!\b{words} )" if not words.endswith("'") else rf"(?<!\b{words})" for words in _MEANS_BEFORE)
# A time of day asked (« à quelle heure », « what time »), not opening hours (« quelles heures d'ouverture »)
_TIME_ASKED = r"\bquelle heure\b|\bwhat time\b"
# A time of day or opening hours asked (« à quelle heure », « les horaires d'ouverture », « what time »), not an hourly
# rate or a working week's hours (« le SMIC horaire », « un cycle horaire de 38 heures »)
# (« les horaires » asked, not those of what another noun asked names: « Quel logiciel … pour suivre les horaires … ? »)
_CLOCK_ASKED = (
    r"\bquelles? heures?\b|^(?!\W*quel(?:le)?s?\s+(?!(?:est|sont|[ée]tait|[ée]taient|seront|heures?|horaires)\b)[^\W\d_]+\b).*\bhoraires\b(?! de travail)"
    r"|\bheures? d'ouverture\b|\bwhat time\b|\bopening (?:hours|times)\b"
)
# A day of the calendar asked (« à quelle date », « quel jour »), not only its month or its year
_DAY_ASKED = r"\bquelles? dates?\b|\bquel jour\b|\b(?:what|which) (?:date|day)\b"

# How a question asks for a range of figures: « Entre quelles valeurs … ? », « dans quelle fourchette », « quel intervalle »
_RANGE_ASKED = (
    r"\bentre quel(?:le)?s (?:valeurs|bornes|limites|chiffres|nombres|montants|seuils)\b|\bdans quel(?:le)? (?:fourchette|plage|intervalle|gamme)\b"
    r"|\bquel(?:le)? (?:est (?:la |l'))?(?:fourchette|intervalle)\b|\bbetween what (?:values|limits)\b|\bwhat range\b"
)
_TYPE_CUES = (
    # "quand" / "when" asks for a date where it opens or closes the question ("c'est quand ?", "depuis quand", "a partir
    # de quand" typed without its accent);
    # inside it, it is a conjunction ("pour télédéclarer quand on utilise ...", "quand même"), and so it is where a
    # clause it opens is followed by the question ("Quand plusieurs syndicats déposent une liste, comment ...")
    # « de quand date … » and a keyword query's « date de parution » ask one too;
    ("date", r"^\W*(quand|when)\b(?! m[êe]me)(?![^?]*,\s*(comment|combien|quel(le)?s?|qui|que|qu'|où|pourquoi|how|what|which|who)\b)|\b(depuis|jusqu'[àa]|[àa] partir de|de|c'est|since|until) (quand|when)\b(?! m[êe]me)|\bdates? (de |d')(parution|publication|mise [àa] jour|[ée]dition|signature|cr[ée]ation|r[ée]daction)\b|\b(quand|when)\W*$|\b(quel(le)?s? (" + _BEING + r" )?(la |les )?(ann[ée]es?|dates?)|quel (jour|mois)|(what|which) (year|date|day)|what (is|was|are|were) the ([\w-]+ ){0,3}(deadline|date)s?)\b"
     # a deadline named asks for a date, unless the question asks how long or how many (« combien de temps … après
     # leur échéance »)
     r"|^(?!.*\b(combien|how (long|many|much))\b).*\b(dates? limites?|[ée]ch[ée]ances?|deadlines?)\b"
     # a time of day or opening hours (question_measure: « clock »)
     r"|" + _CLOCK_ASKED),
    # a sum of money: the line that answers gives one (in euros), not any number; « combien d'argent », « combien
    # de millions d'euros » and « combien de francs » ask for one too, not for a count of « argent » or « millions »; so
    # does how much one is paid (« combien est payée l'astreinte », « combien gagne un apprenti »)
    ("money", r"\b(combien (?:(?:est|sont|[ée]tait|[ée]taient|sera|seront|serait|seraient) )?(?:pay|r[ée]mun[ée]r|indemnis|rembours|vers|factur)[ée]e?s?|combien (?:gagne|gagnent|touche|touchent|per[çc]oit|per[çc]oivent)\b|combien (co[uû]te|co[uû]tent|(?:(?:ça|ca|cela) )?(?:a|ont|avait|avaient|aura|auront|aurait) (?:co[uû]t[ée]|pay[ée])|pa[iy]e|pa[iy]ent|payer|(de (milliers|millions|milliards) )?(d'(euros|argent)|de (francs|dollars)))|(co[uû]t|pa[iy])(?:e|ent|ait|era) combien|combien(?! d[e']\b)\W+(\w+\W+){0,3}(le |la |l')(prix|(sur)?co[uû]t|tarif|montant|budget)\b|" + _ASKS_THE + r"(montants?|budget|(sur)?co[uû]t|prix|tarif|sommes?|enveloppe|subvention|" + _PAID_NOUNS + r")|how much (money|does \w+ cost|did \w+ cost)|what (budget|amount of money|price|cost)|what (is|are|was|were) the ([\w-]+ ){0,3}(budget|cost|price))\b|^\W*(" + _MONEY_NOUNS + r")\b"),
    # a rate: the line that answers gives a percentage, not any number ('2. Quels produits')
    ("percent", r"\b(" + _ASKS_THE + r"(pourcentages?|taux)|combien(?! d[e']\b)\W+(\w+\W+){0,3}(le |la |l')(taux|pourcentage)\b|combien de pour ?cent|what (is the )?(percentage|rate)|what (is|are|was|were) the ([\w-]+ ){0,3}(percentage|rate)s?|how many percent)\b"),
    # a count or a measure: 'quelle température', 'quelle distance', 'what size'
    ("number", r"\b(combien|" + _ASKS_THE + r"(nombre|ordres? de grandeur|part|superficie|surface|densit[ée]|population|longueur|diam[èe]tre|[ée]paisseur|taille|dur[ée]e|effectifs?|temp[ée]rature|distance|hauteur|profondeur|largeur|poids|masse|puissance|vitesse|capacit[ée]|volume|quantit[ée]|altitude|[âa]ge|d[ée]lai|fr[ée]quence|seuil|plafond)|how (many|much|long|large|far|high|old|often)|order of magnitude|what (share|proportion|number|amount|quantity|length|diameter|thickness|size|temperature|distance|height|weight|capacity|volume|age)|what (is|are|was|were) the ([\w-]+ ){0,3}(number|share|proportion|quantity|area|surface|density|population|length|diameter|thickness|size|duration|headcount|workforce|temperature|distance|height|depth|width|weight|power|speed|capacity|volume|altitude|age|frequency|threshold|ceiling|cap)s?)\b|^\W*(" + _COUNT_NOUNS + r")\b"
     # an average, a median, a maximum: a figure, whatever the noun (« quel est le PUE moyen »)
     r"|" + _ASKS_THE + r"[\w-]+ (moyen|moyenne|m[ée]dian|m[ée]diane|maximal|maximale|minimal|minimale)\b|\bwhat (is|are|was|were) the (average|mean|median|maximum|minimum)\b"),
    # what a text calls a word, asked in words that could open another type (« qui est désigné par le terme
    # « examinateur » », « comment l'instruction définit-elle … »): « qu'entend-on par », « qu'appelle-t-on », a
    # verb of defining with its inverted subject, a term named as such
    ("definition", rf"(?:{_CALLED})\b|\b{_DEFINES_INVERTED}\b"
     r"|\b(?:le|du|au|par le) (?:terme|mot|vocable|sigle|acronyme|expression|notion)s? [«\"“]"),
    # a way to reach someone: a phone number, an e-mail or a web address
    # (named as a means, the channel of a way to reach: « comment contacter le service par mail »)
    # (a « téléphone portable » is a device, unless its number is asked: « Que remet le collège pour ranger son téléphone
    # portable ? »)
    ("contact", _NOT_HOW_TO + _NOT_WHICH_OTHER + _NOT_WHERE + r"(?:.*\b" + _NOT_A_MEANS + "|.*" + _REACHING + r".*\b)(num[ée]ros? de t[ée]l[ée]phone|t[ée]l[ée]phone(?!s? (?:portable|mobile)s?\b)|phone|" + _EMAIL_WORDS + "|" + _WEB_WORDS + r")\b"),
    # a name: the line that answers gives one (« Comment s'appelle le réseau … ? », « Quel est le nom du … ? »), not a way
    # to do something, which « comment » opens too
    ("name", r"^\W*comment (?:s'\s?(?:appell|intitul|nomm)|se (?:nomm|d[ée]nomm))|\b(?:quel(?:le)?s? (?:est|sont|[ée]tait|[ée]taient) (?:le|les) noms?"
     r"|c'?est quoi (?:le|les) noms?|what (?:is|are|was|were) the names?)\b"),
    # a range of figures (« Entre quelles valeurs … ? », « dans quelle fourchette »), not a list of things
    ("number", _RANGE_ASKED),
    # several things: the line that answers announces them (« ... les principes suivants : ») or lists them
    ("list", r"\b(quels|quelles) (sont|étaient|seront|(?:peuvent|doivent|pourraient|devraient) [êe]tre) (les|des)\b|^\W*(?:\w+ )?(quels|quelles) (?!sont\b|étaient\b|seront\b)\w+[sx]\b|\bc'est quoi (en gros |au juste )?les\b|\bliste (des|de|d')|\b(what|which) are the\b|\blist (the|of|all)\b"),
    # who: asked where « qui » opens a clause, follows a preposition or « c'est », or ends the question ('faut
    # appeler qui pour …'); not the relative pronoun after a noun ('un remblai qui soustrait 2 000 m²')
    ("person", r"(?:^|[.:;!?,(]\s*|\b(?:c'? ?est|à|a|par|pour|avec|de|chez|auprès de|sur|envers|contre)\s+)(?:qui|who|whom)\b"
     r"|\bqui\s+(?:pour|afin|au|aux|à|en|dans|sur|chez)\b|\b(?:qui|who|whom)\s*\W*$|\bwhom\b"),
    # a postal address: the line that answers gives one (a street, a postcode) or a mail or web address; not an address
    # that says where a figure is measured or what is tested (« les consommations de gaz à l'adresse », « par adresse »,
    # « le test d'adresses »)
    # (« la facture que le gestionnaire adresse à l'abonné », « à quel public s'adresse-t-il »: the verb, no address asked;
    # « une personne sans adresse »: a condition, no address asked)
    ("address", _NOT_HOW_TO + _NOT_WHICH_OTHER + r".*(?<![àa] l')(?<!par )(?<!sans )(?<!d')(?<!s')\b(adresses?(?![-\w])(?!\s+(?:à|au|aux)\s+(?!laquelle|lequel|quel))|address)\b"),
    # « located » asks where after a form of « be » (« where is it located », « in which town is the seat located »), not
    # when it says where a thing asked about stands (« the coordinates of a project located in Guyane »)
    # a place named by its kind (« dans quel département », « in which region »)
    ("place", r"\b(où|where)\b|\b(is|are|was|were)\b[^?]*\blocated\b|\bquel(?:le)?s? (?:est|sont) (?:le|les) lieux?\b(?!-)"
     r"|\b(?:dans|sur|en|à|a|de|in|on|at) (?:quel(?:le)?s?|which|what) (?:d[ée]partements?|r[ée]gions?|villes?|communes?|pays"
     r"|territoires?|quartiers?|lieux?|sites?|localit[ée]s?|countr(?:y|ies)|towns?|cit(?:y|ies)|departments?|districts?)\b"),
    # how to do something: the line that answers announces its steps (« … doit l'indiquer sur la fiche en : »)
    ("procedure", r"^\W*(comment|how) (?!(le|la|les|l'|un|une|des|ce|cette|this|the)?\s*\w+ (d[ée]fini|appel))"),
    # what something is: the line that answers defines it ('Une CJS est un projet éducatif'); not a plural
    # ('c'est quoi les leviers': a list) nor a thing told by what it is for ('c'est quoi le site pour voir ...', 'what
    # is the penalty for …'); in written French, « pour » before an article or a possessive says for whom or in what
    # it is asked (« Que signifie être désinscrit pour un coopérateur ? »), while spoken « c'est quoi » asks for
    # anything (« c'est quoi le chiffre … pour un emballage rond »)
    ("definition", r"\b(?:qu'?est[- ]?ce qu(?:e\b|'|\s)|que (?:signifie|veut dire|d[ée]signe)\b)(?!\s*(?:en gros |au juste )?(?:les|des)\b)"
     rf"(?!.*\b(?:pour(?!\s+{_FOR_WHOM})|qui|dont|où)\b)"
     r"|\bc'est quoi\b(?!\s*(?:en gros |au juste )?(?:les|des)\b)(?!.*\b(?:pour|qui|dont|où)\b)"
     r"|\bd[ée]finition\b|\bwhat (is|are) (?!(a |an |the )?\w+ (of|for)\b)|\bwhat does .* (mean|stand for)"),
    # why: the line that answers gives a cause or an aim (« … reportée en raison de l'absence de compteurs »), read after
    # the other types (« Quel héritage … aide à comprendre pourquoi … » asks for the heritage)
    ("reason", r"\b(pourquoi|why)\b|\bpour quelles? raisons?\b|\bqu'est-ce qui (explique|justifie|motive)\b|\b[àa] quoi (est|sont) d[uû]e?s?\b"
     r"|\bfor what reasons?\b|\bwhat (explains|justifies)\b"),
)


# Yes or no: a verb with its subject after it (« peut-il », « faut-il », « est-elle »), « est-ce que », or an English
# auxiliary first, and no word that asks for something else: the line that answers says what may, must or may not be
# (« En aucun cas les biens … ne peuvent être répartis »). Read after the other types and the thresholds: « un curage
# de 1 500 m3 est-il soumis à déclaration ? » wants the thresholds it is compared with.
_INTERROGATIVES = r"quel(le)?s?|combien|comment|où|quand|pourquoi|qui|quoi|lequel|laquelle|lesquel(le)?s|what|which|how|who|whom|when|where|why"
_YES_NO_RE = re.compile(
    r"^(?!\W*qu(e\b|')|.*\b(" + _INTERROGATIVES + r")\b)"
    r"(?:.*\b" + INVERTED_SUBJECT + r"\b|\W*est-ce qu|\W*(?:can|must|is|are|does|do|should|may|could)\b)"
)


def question_type(question: str) -> str:
    """The kind of answer a question asks for, read in its sentence that asks (asked_sentence): one of QUESTION_TYPES.
    A question that asks none of them but states a figure in a unit ('Un remblai qui soustrait 2 000 m² relève de quel
    régime ?') wants the thresholds its figure is compared with: "threshold"."""
    question = asked_sentence(question)  # the context told before it asks nothing (« … par téléphone. Quelles … ? »)
    text = normalize_apostrophes(question).lower()
    for kind, pattern in _TYPE_CUES:
        if re.search(pattern, text):
            return kind
    if unit_asked(question):  # « quelle résolution, en centimètres »: a figure in that unit
        return "number"
    if stated_dimensions(question):
        return "threshold"
    if _is_keyword_query(text):
        kind = next((kind for kind, pattern in _KEYWORD_CUES if re.search(pattern, text)), None)
        if kind:
            return kind
    return "yesno" if _YES_NO_RE.search(text) else "other"


# A query of keywords asks nothing in words: no question mark, no interrogative, no « est-ce »
_ASKING_RE = re.compile(r"\?|\b(" + _INTERROGATIVES + r"|que|qu'|est-ce|is|are|does|do|can)\b")
# The noun that says what figure a keyword query wants, wherever it stands (« domifa nombre de personnes domiciliées »,
# « taux taxe frais chambre métiers »): first in a question, the cues of _TYPE_CUES read it
_KEYWORD_CUES = (
    # a measure named asks its figure, whatever else the keywords name (« taille minimale module coût environnemental
    # impression mm »: a size in millimetres, not the cost the label is named after)
    ("number", r"\b(taille|longueur|hauteur|largeur|[ée]paisseur|diam[èe]tre|superficie|poids)s?\b"),
    ("money", r"\b(" + _MONEY_NOUNS + r")s?\b"),
    ("percent", r"\b(taux|pourcentage|part)\b"),
    ("number", r"\b(" + _COUNT_NOUNS + r")\b"),
    # a measure's unit: « hectares ENAF consommés 2011-2021 » asks a figure in it
    ("number", r"\b(hectares?|tonnes?|kilom[èe]tres?|m[èe]tres? (?:carr[ée]s|cubes)|[kmgt]wh|litres?)\b"),
    ("definition", _MEANING_NOUN_WORD_RE.pattern),  # « GEMAPI signification sigle »
    # a date or a place named asks for one (« date assemblée générale ordinaire 2023 », « lieu assemblées générales »),
    # not a tiers-lieu nor a lieu-dit
    ("date", r"\bdates?\b"),
    ("place", r"(?<!-)\blieux?\b(?!-)"),
)


# Who wrote the document: « Qui a rédigé cette note ? », « Qui sont les auteurs du rapport ? », « Quelle direction a
# rédigé ce rapport ? », « auteur discours plan … », « Who wrote the assessment? »
_AUTHOR_WORD = r"(?:auteure?s?|autrices?|r[ée]dig\w*|r[ée]dact(?:eur|rice)s?|r[ée]daction|[ée]crit|wrote|written|authors?|drafted)"
_AUTHORSHIP_RE = re.compile(rf"^\W*(?:(?:qui|quel(?:le)?s?|who|which|what)\b[^?]*\b{_AUTHOR_WORD}\b|{_AUTHOR_WORD}\b)", re.IGNORECASE)


def asks_authorship(question: str) -> bool:
    """Whether a question asks who wrote the document (or a part of it), in the sentence that asks: its credits answer
    (« Auteurs : … », « Rédaction : … », see ingest.french.CREDITS_RE), which name no subject."""
    return bool(_AUTHORSHIP_RE.search(normalize_apostrophes(asked_sentence(question))))


# Who signed (« Qui a signé la préface ? », « signataire de la recommandation », « Who signed the letter? »): a signature
# line answers (ingest.french.signs)
_SIGNATORY_RE = re.compile(r"\b(?:qui|quel(?:le)?s?|who|which)\b[^?]*\bsign(?:[ée]e?s?|ent|era|ed)\b|\bsignataires?\b", re.IGNORECASE)


def asks_signatory(question: str) -> bool:
    """Whether a question asks who signed a text (the document, its preface, a letter it quotes)."""
    return bool(_SIGNATORY_RE.search(normalize_apostrophes(asked_sentence(question))))


# A word of signing: « signé », « signée », « signature », « signataires », « signed »
_SIGNING_RE = re.compile(r"\bsign(?:é|e|ée|ee|és|es|ées|ees|ed|ature|atures|ataire|ataires|er|ing)\b", re.IGNORECASE)


_SIGNED_BY_RE = re.compile(r"\bsign\w*\s+(?:par|by)\b[^,;?]*", re.IGNORECASE)  # « signé par les partenaires »: who signed


def signed_subject(question: str) -> str:
    """What a question on when a text was signed names the text by: its asked sentence without the signing and the dating
    words, nor who signed (« le contrat local de santé » of « … a-t-il été signé par les partenaires ? »)."""
    asked = _SIGNED_BY_RE.sub(" ", normalize_apostrophes(asked_sentence(question)))
    words = _SIGNING_RE.sub(" ", asked).split()
    return " ".join(word for word in words if fold_accents(word.lower().strip("?!.,;:")) not in _DATING_WORDS)


def asks_signing_date(question: str, kind: str | None = None) -> bool:
    """Whether a question asks when a text was signed (« À quelle date le contrat a-t-il été signé ? », « date de
    signature de la convention »); kind: its question_type, when already read."""
    kind = kind or question_type(question)
    return kind == "date" and bool(_SIGNING_RE.search(normalize_apostrophes(asked_sentence(question))))


# the signing word and what is signed, past a clause between commas and an article (« signé, au nom du Médiateur, la
# recommandation », « signataire de l'édito »)
_SIGNED_RE = re.compile(r"\b(sign\w*)\s*(?:,[^,?]*,\s*)?(?:(?:de\s+)?(?:le|la|les|l'|ce|cet|cette|ces|du|des|the|this)\s*)?(\w+)?", re.IGNORECASE)


def signing_words(question: str) -> str:
    """The words of a question on who signed that a signature line says without writing them: the signing word and
    what is signed (« signé … la préface »: « signé préface »); empty for another question."""
    if not asks_signatory(question):
        return ""
    match = _SIGNED_RE.search(normalize_apostrophes(asked_sentence(question)))
    return " ".join(word for word in match.groups() if word) if match else ""


# The words that ask when something was published, updated or written, which may come before the document a question asks
# the date of (« De quand date la dernière mise à jour de ce guide ? », « quelle est la date de publication du document »)
_DATING_WORDS = frozenset(
    fold_accents(word)
    for word in """date dates dater datent daté datée quand publication parution publié publiée paru parue mise jour maj version
    édition rédaction actualisation révision révisé révisée dernière année mois when year month published updated written
    issued released revised revision""".split()
)
# ... of them, or of the participles that say it was made, one that asks of the document's date, not « quand » alone
# (« Quand le guide recommande-t-il de peser ? » asks when to weigh)
PUBLISHING_WORDS = (_DATING_WORDS - {"quand", "when"}) | frozenset(
    fold_accents(word) for word in "produit produite rédigé rédigée écrit écrite réalisé réalisée élaboré élaborée".split()
)
_ASKING_DATE_WORDS = _DATING_WORDS | PUBLISHING_WORDS


def dating_words(question: str) -> list[str]:
    """The words a question asks a date or a publication with (« année », « publié », « date de parution »), accents
    folded: what a cover's date says, when the question asks when the document was published."""
    return [word for word in (fold_accents(word) for word in words(question)) if word in _ASKING_DATE_WORDS]


def dated_document(question: str) -> str | None:
    """The kind a date question names the document by, when it asks when the document was published or updated (« De quand
    date ce guide ? », « quelle est la date de publication du document », « guide menu végétarien date de parution », « Le
    guide …, il date de quand ? »): the kind (DOCUMENT_NAMED_RE) comes before any word but those that ask for the date
    (_DATING_WORDS), and a word asks of its publication (PUBLISHING_WORDS), accents folded; else None (« De quand date la
    loi … qui impose ce rapport ? » asks the law's, « Quand le guide recommande-t-il de peser ? » when to weigh)."""
    asked = normalize_apostrophes(asked_sentence(question))
    if question_type(asked) != "date":
        return None
    named = DOCUMENT_NAMED_RE.search(asked)
    if named is None or not {fold_accents(word) for word in words(asked)} & PUBLISHING_WORDS:
        return None
    if any(fold_accents(word).lower() not in _DATING_WORDS for word in content_words(asked[: named.start()])):
        return None
    return fold_accents(named.group(1).split()[0]).lower()


def _is_keyword_query(text: str) -> bool:
    """Whether a question (lower case) is keywords: it asks nothing in words (see _ASKING_RE)."""
    return not _ASKING_RE.search(text)


# The noun a question asks about: "combien d'habitants", "quelle direction", "quelle est la population",
# "how many cities", "what is the population", "which network".
_FOCUS_RES = (
    re.compile(r"\bcombien (?:de |d')(?:l'|la |les )?(\w+)"),
    re.compile(rf"\bquel(?:le)?s? (?:{_BEING}|furent) (?:la |le |les |l')(\w+)"),
    re.compile(rf"\b(?:à |a |par |pour |avec |dans |sur |de )?quel(?:le)?s? (?!(?:{_BEING}|furent)\b)(\w+)"),
    re.compile(r"\bhow many (\w+)"),
    re.compile(r"^\W*(nombre)\b"),  # a keyword query: « nombre annexes instruction … », its complement below
    re.compile(r"\bwhat (?:is|are|was|were) the (\w+)"),
    re.compile(r"\b(?:which|what) (?!is\b|are\b|was\b|were\b|does\b|do\b|did\b|has\b|have\b)(\w+)"),
)


# The dimension a measure noun asks for (ingest.numbers.MEASURE_UNITS): "quelle longueur" wants a length, not any number.
_MEASURE_NOUNS = {
    **dict.fromkeys(("longueur", "distance", "hauteur", "profondeur", "largeur", "diametre", "epaisseur", "altitude", "kilometres", "metres", "centimetres", "millimetres", "length", "height", "depth", "width", "diameter", "thickness"), "length"),
    **dict.fromkeys(("superficie", "surface", "hectares", "area"), "area"),
    **dict.fromkeys(("densite", "density"), "density"),
    **dict.fromkeys(("temperature", "temperatures", "degres"), "temperature"),
    **dict.fromkeys(("duree", "delai", "temps", "age", "annees", "ans", "mois", "semaines", "jours", "heures", "minutes", "secondes", "time", "years", "months", "weeks", "days", "hours"), "duration"),
    **dict.fromkeys(("puissance", "power", "watts", "kilowatts", "megawatts"), "power"),
    **dict.fromkeys(("poids", "weight", "tonnes", "kilos", "kilogrammes", "grammes", "milligrammes", "tons"), "mass"),  # not "masse": "la masse salariale" is a sum of money
    **dict.fromkeys(("kwh", "mwh", "gwh", "twh"), "energy"),
    **dict.fromkeys(("litres", "hectolitres", "liters"), "volume"),
    "volume": "quantity",  # French says it of any quantity: « le volume de livraisons de froid », in TWh; « d'achats », in euros
    **dict.fromkeys(("vitesse", "speed"), "speed"),
    **dict.fromkeys(("octets", "kilooctets", "megaoctets", "gigaoctets", "bytes", "megabytes", "gigabytes"), "data"),
    **dict.fromkeys(("frequence", "frequency"), "frequency"),
}
_PERIOD_WORDS = rf"(?:{PERIODS}|years?|months?|weeks?|days?)"  # in French (ingest.numbers) or in English
_COUNTED_RE = re.compile(r"\b(?:combien (?:de |d')(?:l'|la |les )?|how many |nombre (?:de |d'|des )?|number of )(\w+)")
_MEASURE_RES = (
    (re.compile(r"\bhow (far|high|deep|wide)\b"), "length"),
    (re.compile(r"\bhow (old|long)\b"), "duration"),  # « how long » asks a time far more often than a length
    (re.compile(r"\bhow often\b|\btous les combien\b"), "frequency"),  # « tous les combien » : at what interval
    # « combien de fois par an », « how many times a year »: so many times in a period, a frequency (« au moins trois
    # fois par an »), not any figure (« un délai minimum de 10 jours »)
    (re.compile(rf"\bcombien de fois\b.*\b(?:par|chaque|dans l'|dans la|dans le|tous les|toutes les) ?{_PERIOD_WORDS}\b|\bhow many times\b.*\b(?:a|per|each|every) {_PERIOD_WORDS}\b"), "frequency"),
)

# Nouns that name a figure of their complement, which is what the figure is of: « le taux de la taxe
# d'enlèvement … », « quelle enveloppe de subventions … », « la part des employeurs … »
_FIGURE_NOUNS = "taux montant part proportion pourcentage enveloppe budget coût cout prix somme quantité quantite".split()
_FIGURE_OF_RE = re.compile(rf"\b(?:{'|'.join(_FIGURE_NOUNS)})s?\s+(?:(?!de |des |du )\w+\s+)?(?:de |d'|des |du )(?:l'|la |le |les )?(\w+(?:-\w+)*)")


# « c'est combien l'indemnité … », « combien coûte la formation … »: how much the thing after the article is, or costs
# (not « combien la commune a-t-elle dépensé », whose subject spends)
_HOW_MUCH_IS_RE = re.compile(
    r"(?:\bcombien (?:co[uû]tent |co[uû]te |vaut |valent |est |sont )|\b(?:c'est|ça fait|ca fait) combien )(?:l'|la |le |les )(\w+(?:-\w+)*)"
)


# « combien de tonnes de déchets », « combien d'hectares de forêt »: a count of a measure's unit (_MEASURE_NOUNS) of something
# (its noun after an adjective that French puts before its noun, « de nouvelles haies »)
_MEASURE_OF_RE = re.compile(r"\bcombien (?:de |d')(\w+)\s+(?:de |d'|des |du )(?:l'|la |le |les )?(\w+)(?:\s+(\w+))?")


def figure_of(question: str) -> str | None:
    """What a French question asks a figure of: 'taxe' in « Quel est le taux de la taxe d'enlèvement des ordures
    ménagères ? », 'subventions' in « Quelle enveloppe de subventions … ? », 'déchets' in « Combien de tonnes de
    déchets … ? », 'haies' in « Combien de kilomètres de nouvelles haies … ? »; None when it names none. Read in the
    sentence that asks (asked_sentence): « … la part de la location baisse. Au bout de combien de temps … ? » asks no
    figure of « location »."""
    text = normalize_apostrophes(asked_sentence(question)).lower()
    match = _FIGURE_OF_RE.search(text)
    if match and match.group(1) not in STOP_WORDS:
        focus = question_focus(question)  # the figure asked for: not « le budget principal de la commune » in « l'excédent … du budget … »
        if focus is None or match.group().startswith(focus):
            return match.group(1)
    priced = _HOW_MUCH_IS_RE.search(text)
    if priced and priced.group(1) not in STOP_WORDS:
        return priced.group(1)
    measured = _MEASURE_OF_RE.search(text)
    if measured and fold_accents(measured.group(1)) in _MEASURE_NOUNS:
        noun = measured.group(3) if fold_accents(measured.group(2)) in BEFORE_NOUN_ADJECTIVES and measured.group(3) else measured.group(2)
        return noun if noun not in STOP_WORDS else None
    return None


def question_measure(question: str) -> str | None:
    """The dimension a count or measure question asks for ('length' for "Quelle est la longueur ...",
    "How far ..."; 'count' for "Combien de salariés ...", which no sum of money answers), the channel a contact
    question asks for ('phone', 'email', 'web'), 'postal' for an address asked by post, 'clock' for opening hours asked
    (« les horaires », « heures d'ouverture »), 'time' for a time of day asked (« à quelle heure »), 'day' for a day of
    the calendar asked (« à quelle date », « quel jour »), 'range' for the figures that bound something (« entre quelles
    valeurs »), or None when it asks for any number, any contact or something else."""
    kind = question_type(question)
    if kind == "threshold":
        return stated_dimensions(question)[0]
    text = normalize_apostrophes(question).lower()
    if kind == "contact":  # a phone number, an e-mail or a web address, when the question says which
        return next((channel for pattern, channel in _CONTACT_CHANNEL_RES if pattern.search(text)), None)
    if kind == "address":  # « l'adresse postale »: a street or a postcode, not an e-mail
        return "postal" if _POSTAL_RE.search(text) else None
    if kind == "date":  # « à quelle heure »: a time of day, not a year; « à quelle date », « quel jour »: a day, not a month
        if re.search(_TIME_ASKED, text):  # « à quelle heure »: a time of day, which a day of the week does not tell
            return "time"
        return "clock" if re.search(_CLOCK_ASKED, text) else "day" if re.search(_DAY_ASKED, text) else None
    if kind == "person":  # « Qui est le maire de … ? », « Qui préside … ? »: who holds a role, by name
        return "identity" if _IDENTITY_RE.search(text) else None
    if kind != "number":
        return None
    if re.search(_RANGE_ASKED, text):  # « entre quelles valeurs »: two figures that bound it (« de 1 à 10 »)
        return "range"
    dimension = next((d for pattern, d in _MEASURE_RES if pattern.search(text)), None) or unit_asked(question)
    focus = question_focus(question)
    if not dimension and not focus and _is_keyword_query(text):  # « hectares ENAF consommés 2011-2021 »: an area
        # (not a period, which keywords name as a rate's as often: « nombre visiteurs par mois »)
        measured = (_MEASURE_NOUNS.get(fold_accents(word)) for word in words(text))
        dimension = next((d for d in measured if d and d not in ("duration", "quantity")), None)
    if dimension or not focus:
        return dimension
    # "combien de salariés": a count of them, not a sum of money; "combien de types de profils" counts kinds of them
    counted = _COUNTED_RE.search(text)
    counts_it = counted is not None and (counted.group(1) == focus.lower() or counted.group(1) in KIND_NOUNS - {"nombre", "number"})
    return _MEASURE_NOUNS.get(fold_accents(focus)) or ("count" if counts_it else None)


# The channel a contact question asks for: « quel numéro de téléphone » wants a phone number, not the web address
_CONTACT_CHANNEL_RES = (
    (re.compile(r"\b(t[ée]l[ée]phone|phone|t[ée]l|appeler|call)\b"), "phone"),
    (re.compile(rf"\b({_EMAIL_WORDS})\b"), "email"),
    (re.compile(rf"\b({_WEB_WORDS})\b"), "web"),
)

# A question on who holds a role, which a name answers (« Qui est la directrice … ? », « Qui présidait la séance ? »), not on
# who may do something (« Qui peut bénéficier … ? »), which a kind of people answers
_IDENTITY_RE = re.compile(
    r"^\W*(?:qui|who)\s+(?:est|[ée]tait|sont|[ée]taient|is|was|are|were)\s+(?:le|la|l'|les|the)\b|^\W*c'est\s+qui\s+(?:le|la|l'|les)\b"
    r"|^\W*qui\s+(?:pr[ée]side|pr[ée]sidait|dirige|dirigeait)\b|^\W*who\s+(?:chairs|chaired|heads|headed|leads|led)\b"
)
# the role a French question asks who holds: the noun after « Qui est le … », the verb of « Qui préside … »
_ROLE_RE = re.compile(
    r"^\W*(?:qui\s+(?:est|[ée]tait|sont|[ée]taient)|c'est\s+qui|comment\s+s'appell?(?:e|ent|ait|aient))\s+(?:(?:les|le|la)\s+|l')([^\W\d_]+)"
    r"|^\W*qui\s+(pr[ée]side|pr[ée]sidait|dirige|dirigeait)\b"
    r"|^\W*quel(?:le)?s?\s+(?:est|[ée]tait|sont|[ée]taient)\s+(?:le|les)\s+noms?\s+(?:du\s+|des\s+|de\s+la\s+|de\s+l'|d')([^\W\d_]+)"
)


def role_asked(question: str) -> str | None:
    """The role a French question asks who holds, or the kind of thing it asks the name of: « maire » in « Qui est le maire de
    Vedène ? », « préside » in « Qui préside le conseil … ? », « préfet » in « Comment s'appelle le préfet … ? » or « Quel
    est le nom du préfet … ? »; None for another question."""
    match = _ROLE_RE.search(normalize_apostrophes(question).lower())
    return (match.group(1) or match.group(2) or match.group(3)) if match else None


# A postal address asked for: by post, not by mail or on the web
_POSTAL_RE = re.compile(r"\badresses? (postales?|physiques?|du si[èe]ge)\b|\b(postal|mailing|street) address\b|\bpar courrier\b|\bpar voie postale\b")

_TIME_NOUNS = frozenset("année annee date époque epoque period période periode year date time".split())  # the date type asks for these
# « combien de fois (plus) » asks how often or how many times more, a frequency or a ratio (« multiplie par 4 »): no
# thing counted, whose name the answer would hold
_TIMES_NOUNS = frozenset(("fois", "times"))


# What a question without a noun asked about asks of its subject: the verb after the subject's inverted pronoun
# ("Quand les Ecossolies ont-elles été créées ?"), or after an opening « qui » ("Qui pilote le Parcours ?")
_PREDICATE_RES = (
    re.compile(r"\w-(?:t-)?(?:il|elle|ils|elles|on)\b(.*)"),
    re.compile(r"^\W*(?:(?:à|a|par|pour|avec|de|chez|auprès de) )?qui (?:est-ce qu(?:i|e) )?(.*)"),
)


# Nouns that name a kind of their complement, which is what is asked about: « quels types d'établissements »
KIND_NOUNS = frozenset(
    "type types sorte sortes genre genres catégorie catégories categorie categories espèce espèces espece especes forme formes kind kinds sort sorts"
    " nombre number".split()  # « le nombre de logements » asks about the logements, as « combien de logements »
)
# ... and nouns that name instances of it (« quels exemples de consignes »), which a line gives without naming them so
# (a question's focus all the same: « A titre illustratif, … » answers for examples)
INSTANCE_NOUNS = frozenset("exemple exemples example examples".split())
_KIND_COMPLEMENT_RE = re.compile(r"\s*(?:de |d'|des |du |of )(?:l'|la |le |les |the )?(\w+)")
_KEYWORD_COMPLEMENT_RE = re.compile(r"\s*(?:(?:de |d'|des |du |of )(?:l'|la |le |les |the )?)?(\w+)")  # no « de » in a keyword query


def _kind_complement(text: str, at: int) -> re.Match | None:
    """The complement of a kind noun that ends at `at` in a question (lower case): after « de » (« le nombre de
    logements »), or right after it in a keyword query (« nombre annexes »), not in a sentence, where a verb may
    follow (« quel nombre faut-il … »)."""
    return (_KEYWORD_COMPLEMENT_RE if _is_keyword_query(text) else _KIND_COMPLEMENT_RE).match(text, at)


_MAGNITUDE_RE = re.compile(r"\bordres? de grandeur\b|\border of magnitude\b")


def question_focus(question: str) -> str | None:
    """The noun a question asks about ('habitants' in "Combien d'habitants compte ...", 'établissements' in
    "Quels types d'établissements ..."), else the verb it asks of its subject ('pilote' in "Qui pilote ..."), or None."""
    # « l'ordre de grandeur des frais » asks about the frais, as « le nombre de … » does
    text = _MAGNITUDE_RE.sub("nombre", normalize_apostrophes(question).lower())
    for pattern in _FOCUS_RES:
        match = pattern.search(text)
        if match and match.group(1) not in STOP_WORDS and match.group(1) not in _TIME_NOUNS | _TIMES_NOUNS:
            complement = _kind_complement(text, match.end(1)) if match.group(1) in KIND_NOUNS else None
            return complement.group(1) if complement and complement.group(1) not in STOP_WORDS else match.group(1)
    for pattern in _PREDICATE_RES:
        match = pattern.search(text)
        rest = [word for word in content_words(match.group(1)) if word not in MODAL_PARTICIPLES] if match else []
        if rest:  # « … a-t-elle pu acheter … » asks of « acheter »
            return rest[0]
    return None


# The State of the documents ess-qa reads, as a question names it (« dans quelle startup d'État … »): no name a page
# must write, as « la Ville » is none
DOCUMENTS_STATE = frozenset(("État", "Etat"))
# The country of the documents and its State: what a French report is about without naming it (« Which ordinance adapted
# French waste legislation … ? », « … reçoivent des soins en France ? »), not a subject it lacks
DOCUMENTS_COUNTRY = frozenset(("France", "French")) | DOCUMENTS_STATE


_NAME_TOKEN_RE = re.compile(r"(?<!\w)[A-ZÀ-ÝŒ][\w'’-]*")  # at a word's start: 'écoNautes' names nothing


# Two or more capitalised words in a row, or joined by "of", "de", ...: "Orléans Métropole", "European
# Metropolis of Lille", "Boosting Social Innovation"; not "French" alone, which English capitalises.
_NAME_RUN_RE = re.compile(r"(?<!\w)[A-ZÀ-ÝŒ][\w'’-]*(?:\s+(?:(?:de|du|des|of|the|d')\s*)?[A-ZÀ-ÝŒ][\w'’-]*)+")


def name_runs(text: str) -> list[str]:
    """Names of two or more capitalised words in a question, its first word left out: how an English
    question, which capitalises common words too ("French", "European"), names things."""
    text = normalize_apostrophes(text)
    first = re.search(r"\w+", text)
    start = first.end() if first and first.group()[:1].isupper() else 0
    return [m.group() for m in _NAME_RUN_RE.finditer(text, start)]


# A name spelled out before its acronym in brackets: "the Chamber of Trades and Crafts (CMA)", "la Chambre des
# Métiers et de l'Artisanat (CMA)"; its words, capitalised or joined by "of", "and", "de", "et", ..., then the acronym
_GLOSSED_NAME_RE = re.compile(
    r"((?:[A-ZÀ-ÝŒ][\w'’-]*\s+(?:(?:of|and|for|the|de|du|des|et|la|le|les|pour|d'|l')\s*)*)+)\(([A-ZÀ-ÝŒ][A-ZÀ-ÝŒ0-9&-]+)\)"
)


def glossed_names(text: str) -> dict[str, str]:
    """The capitalised words of the names a question spells out before their acronym in brackets, each with that
    acronym: « Trades » -> « CMA » in "the Chamber of Trades and Crafts (CMA)"."""
    text = normalize_apostrophes(text)
    return {
        word.group(): match.group(2)
        for match in _GLOSSED_NAME_RE.finditer(text)
        for word in _NAME_TOKEN_RE.finditer(match.group(1))
    }


# A question that starts with a name after an elided article: "L'Anah peut-elle ...", "D'Avise ?"
_ELIDED_FIRST_NAME_RE = re.compile(r"\W*[LlDd]'([A-ZÀ-ÝŒ][\w'’-]*)")


def proper_names(text: str) -> list[str]:
    """Capitalised words of a question other than its first word (names of places, bodies, people), its first word's
    when an elided article comes before it ("L'Anah": Anah; "L'association": none), and its first word when it is in
    capitals in a question that is not (« ADEME rôle plan … »: an acronym opens a keyword query)."""
    text = normalize_apostrophes(text)
    tokens = list(_NAME_TOKEN_RE.finditer(text))
    first = re.search(r"\w", text)
    elided = _ELIDED_FIRST_NAME_RE.match(text)
    opening = [m.group() for m in tokens[:1] if first and m.start() == first.start() and in_capitals(m.group()) and any(c.islower() for c in text)]
    return ([elided.group(1)] if elided else []) + opening + [m.group() for m in tokens if not first or m.start() > first.start()]


# --- follow-ups ------------------------------------------------------------------------------------

_FOLLOW_UP_RE = re.compile(r"^\W*(et|and|what about|how about|quid de|idem|même question|same question)\b", re.IGNORECASE)


def is_follow_up(question: str) -> bool:
    """Whether a question only makes sense after the previous one ("Et à Bordeaux ?", "And in Lyon?")."""
    return bool(_FOLLOW_UP_RE.match(question))


# A name and the capitalised words chained to it: "Métropole européenne de Lille", "Nantes Métropole", "l'Ouest".
_NAME_PHRASE_RE = re.compile(r"(?:\b(?:la|le|les|the)\s+|\b[lL]')?[A-ZÀ-Ý][\w'’-]*(?:\s+(?:de|du|des|d'|of|sur)?\s*[A-ZÀ-Ý][\w'’-]*)*")
_LEADING_PREPOSITION_RE = re.compile(r"^(?:à|a|au|aux|en|pour|sur|dans|de|du|des|selon|chez|about|in|for|on)\s+", re.IGNORECASE)


def complete_follow_up(question: str, previous: str) -> str:
    """A follow-up completed with the previous question; a name it gives takes the place of one of the previous
    question's: the one after the same preposition, else the last.

    "Et à Bordeaux ?" after "Combien d'habitants compte Nantes Métropole ?" becomes
    "Combien d'habitants compte Bordeaux ?"; "Et dans la CACL ?" after "Quelle part de l'emploi l'ESS représente-t-elle
    dans l'Ouest guyanais ?" keeps « l'ESS »; a year asked of takes the place of the previous question's last year."""
    if not previous or not is_follow_up(question):
        return question
    asked = _FOLLOW_UP_RE.sub("", question).strip()
    rest = re.sub(r"[\s?!.]+$", "", asked)
    quoted = _QUOTED_RE.search(previous)
    subject = _LEADING_PREPOSITION_RE.sub("", rest)
    if quoted and subject:
        # what the previous question quoted is what the follow-up asks of now: « Que dit le document sur « Edito » ? »,
        # then « et le contact ? »: « Que dit le document sur « le contact » ? »
        return f"{previous[: quoted.start(1)]}{subject}{previous[quoted.end(1) :]}"
    base = normalize_apostrophes(previous).strip()
    years = list(YEAR_RE.finditer(base))
    if YEAR_RE.fullmatch(subject) and years:  # "Et en 2025 ?": the year asked of now
        return f"{base[: years[-1].start()]}{subject}{base[years[-1].end() :]}"
    first = re.match(r"\W*\w+", base)
    names = list(_NAME_PHRASE_RE.finditer(base, first.end() if first else 0))
    if proper_names(question) and names and subject:  # the follow-up names what the question is now about
        preposition = rest[: len(rest) - len(subject)].strip().lower()
        same = [m for m in names if preposition and base[: m.start()].lower().rstrip().endswith(f" {preposition}")]
        replaced = (same or names)[-1]
        return re.sub(r"\s+", " ", f"{base[: replaced.start()]}{subject}{base[replaced.end() :]}").strip()
    same_noun = _same_noun_phrase(base, subject)
    if same_noun:  # « … pour les enjeux ponctuels ? », then « Et pour les enjeux linéaires ? »: the kind asked of now
        return re.sub(r"\s+", " ", f"{base[: same_noun.start()]}{subject}{base[same_noun.end() :]}").strip()
    base = re.sub(r"[\s?!.]+$", "", base)
    return re.sub(r"\s+", " ", f"{base} {asked}").strip()


_DETERMINER = r"(?:(?:les|le|la|une|un|des|du|de la|de l')\s+|l')"


def _same_noun_phrase(question: str, subject: str) -> re.Match | None:
    """The last phrase of a question with the noun that opens a follow-up's subject (after its determiner), and the
    word after it unless it is a function word: what the follow-up asks of in its stead; None when there is none."""
    words = re.sub(rf"^{_DETERMINER}", "", subject, flags=re.IGNORECASE).split()
    if not words or not content_words(words[0]):
        return None
    noun = rf"\b{_DETERMINER}?{re.escape(words[0])}\b"
    found = list(re.finditer(rf"{noun}(?:\s+[^\W\d_][\w'-]*)?", question, re.IGNORECASE))
    if not found:
        return None
    match = found[-1]
    if content_words(match.group().split()[-1]) or len(match.group().split()) == 1:
        return match
    return re.compile(noun, re.IGNORECASE).match(question, match.start())  # « les enjeux de la commune »: the noun alone
