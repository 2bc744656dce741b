"""What scoring needs of an answer unit whatever the question: its terms and words, its section's, and
a table row's label. Computed from text alone, so any store can compute them once per unit."""

from __future__ import annotations

from ingest.french import folded_content_words, search_terms
from ingest.units import row_label


def section_terms_and_words(section: str, analyzer: str) -> tuple[frozenset[str], frozenset[str]]:
    """A section's search terms and its content words (accents folded)."""
    return frozenset(search_terms(section, analyzer)), frozenset(folded_content_words(section))


def row_label_terms(text: str, section_terms: frozenset[str], analyzer: str) -> frozenset[str]:
    """Search terms of the label of a unit that reads a table row; empty for other units, and for a
    'label' that is the section's own title ('Nantes Métropole : Panorama ...' on Nantes' sheet)."""
    label = row_label(text)
    if not label:
        return frozenset()
    terms = frozenset(search_terms(label, analyzer))
    return frozenset() if terms <= section_terms else terms
