"""The « Métropoles » tab: the metropolises' fact sheets as a sortable table, a chart of one figure
with a note on the sheets that do not state it, and links to each sheet's page."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...web.rendering import escape_text, note_html, page_link
from ...web.service import Service

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

# Columns of the table, from the fact-sheet records (table.py labels them); numbers stay
# numbers so that sorting by a column sorts by value, and are displayed the French way.
METROPOLES_COLUMNS = (
    "name", "pages", "population", "communes", "area_km2", "density", "region", "ess_jobs",
    "ess_share_of_employment", "ess_share_basis", "ess_establishments",
)
METROPOLES_WIDTHS = ["15%", "7%", "9%", "8%", "8%", "8%", "11%", "8%", "7%", "10%", "9%"]
_NUMERIC_COLUMNS = {"population", "communes", "area_km2", "density", "ess_jobs", "ess_share_of_employment", "ess_establishments"}
MISSING = "—"  # shown where a fact sheet does not state the figure


def chart_figures() -> dict[str, str]:
    """The figures the chart can show: record field -> readable label."""
    from .table import CHART_FIELDS

    return dict(CHART_FIELDS)


DEFAULT_FIGURE = "population"


def metropoles_frame(records: list[dict]) -> Styler:
    """The table of the tab as a pandas Styler: readable headers, numbers as numbers (sortable),
    shown with French separators, '—' where a sheet does not say."""
    import pandas as pd

    from .table import TABLE_COLUMNS, format_number, table_rows

    labels = dict(TABLE_COLUMNS)
    order = [column for column, _ in TABLE_COLUMNS]
    positions = [order.index(column) for column in METROPOLES_COLUMNS]
    rows = [[row[k] for k in positions] for row in table_rows(records)]
    headers = [labels[column] for column in METROPOLES_COLUMNS]
    frame = pd.DataFrame(rows, columns=headers)
    for column in _NUMERIC_COLUMNS:
        frame[labels[column]] = pd.to_numeric(frame[labels[column]], errors="coerce")
    numbers = [labels[column] for column in METROPOLES_COLUMNS if column in _NUMERIC_COLUMNS]
    text = [header for header in headers if header not in numbers]

    def french(value) -> str:  # as the report prints it: '1 898 950', '579,27'
        return MISSING if pd.isna(value) else format_number(float(value), "fr")

    return frame.style.format(french, subset=numbers).format(na_rep=MISSING, subset=text)


def metropoles_datatypes() -> list[str]:
    """The table's column types, for Gradio's Dataframe."""
    return ["number" if column in _NUMERIC_COLUMNS else "str" for column in METROPOLES_COLUMNS]


CHART_COLUMNS = ["Métropole", "Valeur", "Page", "Base"]


def chart_frame(records: list[dict], column: str) -> pd.DataFrame:
    """(name, value, page, base) of the metropolises whose sheet states the figure, largest first;
    base says what a share is a share of, as the sheet prints it ('de l'emploi total')."""
    import pandas as pd

    rows = []
    for record in records:
        if record.get(column) is None:
            continue
        pages = record.get("pages") or {}
        base = record.get("ess_share_basis") if column == "ess_share_of_employment" else ""
        rows.append((record["name"], float(record[column]), pages.get(column) or pages.get("name"), base or ""))
    rows.sort(key=lambda row: row[1], reverse=True)
    return pd.DataFrame(rows, columns=CHART_COLUMNS)


def chart_note_html(records: list[dict], column: str) -> str:
    """Which metropolises the chart leaves out (their sheet does not state the figure), and for the
    share of employment, that the sheets do not all state the same share."""
    if not records:
        return note_html(
            "Aucune fiche métropole dans cet index : il a été construit avant leur extraction (relancez `ess-qa index`) "
            "ou sur d'autres documents. (No metropolis fact sheet in this index.)",
            "warning",
        )
    missing = [r["name"] for r in records if r.get(column) is None]
    label = chart_figures().get(column, column)
    if not missing:
        text = f"{label} : les {len(records)} fiches donnent ce chiffre."
    else:
        text = f"{label} : {len(records) - len(missing)} fiches sur {len(records)} donnent ce chiffre ; sans ce chiffre : {', '.join(missing)}."
    if column == "ess_share_of_employment":
        text += (
            " La part est celle de l'emploi total quand la fiche la donne, sinon celle qu'elle donne (emploi privé, "
            "emplois salariés : colonne « Part de quel emploi ») : à comparer avec prudence."
        )
    return f'<div class="essqa-chart-note">{escape_text(text)}</div>'


def sheets_html(records: list[dict]) -> str:
    """A link to each metropolis' fact-sheet page, to check the figures against the report."""
    links = []
    for record in records:
        page = (record.get("pages") or {}).get("name")
        if not page or not record.get("source"):
            continue
        href = html.escape(page_link(record["source"], page), quote=True)
        links.append(f'<a href="{href}" target="_blank" rel="noopener">{escape_text(record["name"])} · p. {page}</a>')
    if not links:
        return ""
    return '<div class="essqa-sheets"><span>Vérifier une fiche (check a fact sheet) : </span>' + " · ".join(links) + "</div>"


METROPOLES_INTRO = (
    "Les chiffres des fiches métropoles du rapport (« Carte d'identité du territoire » et « Panorama de l'ESS »), "
    "lus dans le texte à l'indexation ; « — » : la fiche ne donne pas ce chiffre. Cliquez sur un en-tête de colonne "
    "pour trier ; la colonne Page(s) et les liens en bas de page ouvrent les fiches. Les questions de comparaison "
    "posées dans le chat (« Quelle est la métropole la plus peuplée ? ») sont répondues à partir de ce tableau. "
    "*The metropolises' fact sheets as a table: sort by a column, chart a figure, open each sheet.*"
)


def figure_column(figure: str) -> str:
    """The record field of the figure chosen in the dropdown (the default one for an unknown choice)."""
    return figure if figure in chart_figures() else DEFAULT_FIGURE


@dataclass
class MetropolesTab:
    """The tab's components, and what fills them: nothing until the index is loaded."""

    service: Service
    tab: Any  # the gr.Tab, shown once the index is loaded with this profile active
    figure: Any
    chart: Any
    chart_note: Any
    table: Any
    sheets: Any

    @property
    def ready_inputs(self) -> list:
        """The components whose values `when_ready` reads."""
        return [self.figure]

    @property
    def ready_outputs(self) -> list:
        """The components `when_ready` fills."""
        return [self.table, self.chart, self.chart_note, self.sheets]

    def when_ready(self, figure: str) -> dict:
        """Table, chart, its note and the sheet links, once the index is there."""
        import gradio as gr

        records = self.service.metropoles()
        table = {self.table: gr.update(value=metropoles_frame(records))}
        return {**table, **self.chart_view(records, figure_column(figure)), self.sheets: sheets_html(records)}

    def chart_view(self, records: list[dict], column: str) -> dict:
        """The chart of one figure, and its note."""
        import gradio as gr

        label = chart_figures()[column]
        chart = gr.update(value=chart_frame(records, column), y_title=label)
        return {self.chart: chart, self.chart_note: chart_note_html(records, column)}

    def change_figure(self, figure: str) -> dict:
        """Another figure chosen: its chart (nothing to chart until the index is loaded)."""
        if not self.service.ready:
            return {self.chart_note: ""}
        return self.chart_view(self.service.metropoles(), figure_column(figure))


def build_metropoles_tab(service: Service, visible: bool) -> MetropolesTab:
    """The tab, inside the page's gr.Tabs; its table and chart are filled by `when_ready`."""
    import gradio as gr

    with gr.Tab("Métropoles", id="metropoles", elem_id="essqa-metropoles-tab", visible=visible) as tab_item:
        gr.Markdown(METROPOLES_INTRO)
        figures = chart_figures()
        figure = gr.Dropdown(
            choices=[(label, column) for column, label in figures.items()],
            value=DEFAULT_FIGURE,
            label="Chiffre comparé (figure)",
            elem_id="essqa-figure",
        )
        chart = gr.BarPlot(
            None,
            x="Métropole",
            y="Valeur",
            y_title=figures[DEFAULT_FIGURE],
            sort="-y",
            x_label_angle=-35,
            tooltip=CHART_COLUMNS,
            height=380,
            show_label=False,
            elem_id="essqa-chart",
        )
        chart_note = gr.HTML("", elem_id="essqa-chart-note")
        table = gr.Dataframe(
            None,
            datatype=metropoles_datatypes(),
            interactive=False,
            wrap=True,
            max_height=900,
            column_widths=METROPOLES_WIDTHS,
            show_label=False,
            elem_id="essqa-table",
        )
        sheets = gr.HTML("", elem_id="essqa-sheets")
    tab = MetropolesTab(service, tab_item, figure, chart, chart_note, table, sheets)
    figure.change(tab.change_figure, figure, [chart, chart_note], api_visibility="private")
    return tab
