"""A page's numbered notes (« (1) 31 janvier, 30 avril … ») put next to the mark they explain.

A guide's note says what a word of its page leaves out (« chaque trimestre (1) »: which dates); read
where the extraction leaves it, in a block of notes between two columns, it answers nothing, and the
sentence it explains misses its detail. A note is moved into the line that carries its mark, in
brackets after it, when it is short and of one sentence; a longer note stays where it is.
"""

from __future__ import annotations

import re

NOTE_INLINE_MAX = 200  # characters: a longer note would bury the sentence it explains

# a note opens a line with its number in brackets: '(1) 31 janvier, 30 avril …'
_NOTE_RE = re.compile(r"^\((\d{1,2})\)\s+(\S.*)$")
# a note runs on over lines that start in lower case: '(1) … avec option pour' / 'l’impôt sur le revenu.'
_CONTINUATION_RE = re.compile(r"^[a-zà-ÿœ]")
# a sentence ends inside the note: then it is not one sentence
_SENTENCE_END_RE = re.compile(r"[.!?]\s+[A-ZÀ-ÝŒ]")


def _mark_re(number: str) -> re.Pattern[str]:
    """The mark of note `number` in running text: right after a word or a figure ('EURL(1)', 'trimestre (1)', '3 % (4)')."""
    return re.compile(rf"(?<=[\w%)\]»’'.,])\s?\({number}\)(?![\w(])")


def _notes(lines: list[str]) -> dict[str, tuple[list[int], str]]:
    """Each note of the page by its number: the indexes of its lines and its text (the first of a number only)."""
    notes: dict[str, tuple[list[int], str]] = {}
    i = 0
    while i < len(lines):
        match = _NOTE_RE.match(lines[i])
        if not match:
            i += 1
            continue
        taken, parts = [i], [match.group(2)]
        i += 1
        while i < len(lines) and _CONTINUATION_RE.match(lines[i]):
            taken.append(i)
            parts.append(lines[i])
            i += 1
        notes.setdefault(match.group(1), (taken, " ".join(parts)))
    return notes


def attach_footnotes(text: str) -> str:
    """A page's text with each short note of one sentence moved into the line of its mark:
    'chaque trimestre (1) [31 janvier, 30 avril, 31 juillet et 31 octobre]'. A note whose mark is not
    found on the page, or which is long or of several sentences, stays where it is."""
    lines = text.split("\n")
    notes = _notes(lines)
    if not notes:
        return text
    note_lines = {i for taken, _ in notes.values() for i in taken}
    moved: set[int] = set()
    for number, (taken, note) in notes.items():
        note = note.strip().rstrip(".").strip()
        if len(note) > NOTE_INLINE_MAX or _SENTENCE_END_RE.search(note):
            continue
        mark = _mark_re(number)
        for i, line in enumerate(lines):
            if i in note_lines:
                continue
            found = mark.search(line)
            if found:
                lines[i] = f"{line[: found.end()]} [{note}]{line[found.end():]}"
                moved.update(taken)
                break
    return "\n".join(line for i, line in enumerate(lines) if i not in moved)


# A note at a page's foot, its number first: « 1  Pour rappel, la photo 2023 … », « 15 https://www.franceagrimer.fr … »
_FOOT_NOTE_RE = re.compile(r"^(\d{1,2})\s+(?:[A-ZÀ-ÝŒ«\"“]|https?:|www\.)")
# a number glued to the word in lower case before it, as pypdf reads a superscript mark: « de qualité1. », « d’aide14 »
# (after capitals it may be the name's: « CO2 », « SNBC2 »)
_GLUED_MARK_RE = re.compile(r"(?<=[a-zà-ÿœæ]{2})(\d{1,2})(?=[\s.,;:!?)»]|$)|(?<=[a-zà-ÿœæ]{4}\.)(\d{1,2})(?=\s|$)", re.MULTILINE)


# a note's number glued to its first word at a line's start, as pypdf reads a superscript number: « 2Tolérance de
# +2 °C … », « 1Le retour … », « 72Preiser JC et al. » (a capital, then a letter in lower case: not « 3D », « 4G »),
# « 20https://www.mangerbouger.fr/… »
_GLUED_NOTE_START_RE = re.compile(r"^(\s*\d{1,3})(?=[A-ZÀ-ÝŒ][a-zà-ÿœæ]|https?:|www\.)", re.MULTILINE)


def spaced_note_starts(text: str) -> str:
    """A page's lines that open with a note's number glued to its first word, that number set apart (« 2 Tolérance »):
    the word is searched whole, and the line read as the note it is (see note_numbers)."""
    return _GLUED_NOTE_START_RE.sub(r"\1 ", text)


def detach_note_marks(text: str) -> str:
    """A page's note marks glued to the word they follow (« de qualité1. », « d’achats8 ») or to the period that ends
    its sentence (« à ce référentiel.1 Ce document ») taken off where the page
    gives a note of that number at a line's start (« 1  Pour rappel, … »): the word reads whole again. A number glued
    to a word the page has no note of stays (« CO2 », « PM10 »)."""
    numbers = note_numbers(text.split("\n"))
    if not numbers:
        return text
    return _GLUED_MARK_RE.sub(lambda mark: "" if mark.group(mark.lastindex) in numbers else mark.group(), text)


def note_numbers(lines: list[str]) -> set[str]:
    """The numbers of the notes a page gives at a line's start (« 6 Source CRE … », « 12 https://… »)."""
    return {found.group(1) for line in lines if (found := _FOOT_NOTE_RE.match(line.strip()))}
