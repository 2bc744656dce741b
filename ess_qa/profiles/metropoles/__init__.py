"""The profile of the bundled report « Métropoles, économie sociale et solidaire et innovation sociale »
(Avise & RTES, 2019): its metropolises' fact sheets read as a table (factsheets), comparisons of
metropolises answered from that table (questions, table), and one line of one sheet answered with
that line (lookup), and its heading cues (headings). It is active for a corpus whose pages hold at
least MIN_SHEETS fact sheets.
"""

from __future__ import annotations

import functools

from index.store import Store
from ingest.types import Page

from .. import PageTexts, Profile, Reply
from .factsheets import extract_fact_sheets
from .headings import RULES
from .lookup import SheetLines, parse_lookup, sheet_lines
from .questions import name_aliases
from .table import answer_question

MIN_SHEETS = 2  # a comparison needs two metropolises; one "Carte d'identité" alone may be a coincidence
SHEET_LINES_CACHE = 1024  # questions whose fact-sheet lookup is remembered (each is asked twice: to rank, then to answer)

TITLE = "Métropoles, ESS et innovation sociale — interroger le rapport"
INTRO = (
    "Posez une question sur le rapport « Métropoles, économie sociale et solidaire et innovation sociale » "
    "(Avise & RTES, 2019), en français ou en anglais : chaque réponse cite les passages du rapport (fichier, page, "
    "section). Cliquez sur une citation pour ouvrir la page source. "
    "*Ask in French or English; click a citation to open the source page.*"
)
EXAMPLES = (
    "Quelles métropoles soutiennent des SCIC ?",
    "Qu'est-ce que le tiers-lieu KaléidosCOOP à Strasbourg ?",
    "Comment les métropoles utilisent-elles la commande publique responsable ?",
    "Combien de métropoles ont un élu dédié à l'ESS ?",
    "How do metropolitan areas evaluate their social economy policies?",
    "Which metropolis created a social innovation research centre with the Institut Godin?",
)


def find_sheets(pages: list[Page]) -> list[dict] | None:
    """The fact sheets of the pages as records (see factsheets), or None when there are fewer than MIN_SHEETS."""
    records = extract_fact_sheets(pages)
    return records if len(records) >= MIN_SHEETS else None


class TableAnswerer:
    """Comparisons and rankings of metropolises, answered from the table of their fact sheets."""

    def __init__(self, records: list[dict]) -> None:
        self.records = records

    def first_position(self, question: str) -> int | None:
        return None

    def reply(self, question: str, passages: list, hits: list) -> Reply | None:
        table = answer_question(question, self.records)
        return Reply(table.text, table.cites) if table is not None else None


class SheetLineAnswerer:
    """One line of one metropolis's fact sheet ('Combien d'habitants compte Rennes Métropole ?'), shown first."""

    def __init__(self, store: Store, records: list[dict]) -> None:
        self.store = store
        self.records = records
        self.lines = functools.lru_cache(maxsize=SHEET_LINES_CACHE)(self._find_lines)

    def _find_lines(self, question: str) -> SheetLines | None:
        lookup = parse_lookup(question, self.records)
        return sheet_lines(self.store, self.records[lookup.record], lookup.field) if lookup else None

    def first_position(self, question: str) -> int | None:
        lines = self.lines(question)
        return lines.position if lines is not None else None

    def reply(self, question: str, passages: list, hits: list) -> Reply | None:
        lines = self.lines(question)
        if lines is None or not passages or hits[0].position != lines.position:
            return None
        return Reply(lines.text, (passages[0].cite,))


def answerers(store: Store, records: list[dict]) -> list:
    """The table's answerer, then the sheet lines'."""
    return [TableAnswerer(records), SheetLineAnswerer(store, records)]


def metropolis_names(records: list[dict]) -> list[str]:
    """The words that name one metropolis only (« nantes », « strasbourg »; not « métropole »): see name_aliases."""
    return [word for aliases in name_aliases(records) for word in aliases[1:]]


def build_tab(service, visible: bool):
    """The page's « Métropoles » tab (imports gradio)."""
    from .tab import build_metropoles_tab

    return build_metropoles_tab(service, visible)


PROFILE = Profile("metropoles", find_sheets, answerers, PageTexts(TITLE, INTRO, EXAMPLES), RULES, build_tab, metropolis_names)
