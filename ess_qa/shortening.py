"""Shortening what is shown to a size, in one place: a snippet, a fact-sheet line, a list of metropolises.

shorten() cuts a text at word boundaries and marks each cut with '…'; which part is kept is its
parameter: the start (the default), the part around an offset, or the window holding most of the
words a question wants. shorten_list() keeps as many items of a list as fit and says how many
more there are.
"""

from __future__ import annotations

import re
from typing import Callable, Collection

WINDOW_ROOM = 60  # characters a window of wanted words keeps after the last of them
# a window of wanted words may grow to this share of its limit to start where its clause does ("Avec un budget de …")
# and end where its phrase does: 400 characters for a 300-character snippet, the size an extract never passes
CLAUSE_ROOM = 4 / 3
SHORT_BRACKET = 2  # words of a parenthesis short enough to close a phrase with it: « (2020) », « (RNIPP) », « (art. 77) »
FIGURE_WORDS = 4  # words a figure may span, for `needed`: "2,6 millions d'euros", "1 898 950 habitants"
FIGURE_CONTEXT = 2  # words after a figure read with it to tell what it is: « 19 janvier 2013 » is a date, not a count


def shorten(
    text: str,
    limit: int,
    *,
    around: int = 0,
    wanted: Callable[[str], Collection[str]] | None = None,
    needed: Callable[[str], bool] | None = None,
    room: int = WINDOW_ROOM,
) -> str:
    """A text cut at word boundaries to at most `limit` characters (plus the '…' marking each cut, and a
    window's few words back to its clause's start and on to its phrase's end, below).

    Kept: the start of the text (the default); with `around`, the part centred on that offset;
    with `wanted`, the window of whitespace-separated words holding most distinct wanted terms
    (wanted(word): the terms a word holds, empty for none; a term said twice counts once), the first
    of them that leaves `room` characters after its last wanted word (where the answer usually is:
    "... avec les lieux partagés Hévéa et l'Autre Soie"). With `needed` too, when the text has a
    figure (words for which needed() is true, FIGURE_WORDS at most), only the windows that hold one
    whole, and of those with most wanted terms, the ones with it after their last wanted word, with
    room after the figure: the figure a "combien" asks for ("... la vapeur dont la température est
    comprise entre 200 °C et 300 °C"), never cut ("... alimenté par au …"). A window of wanted words then
    grows, beyond `limit` but within CLAUSE_ROOM times it, to start where its sentence or clause does:
    "Avec un budget de 50 000 € …", not "… budget de 50 000 € …"; and to end where its phrase does (a comma,
    a point, before a parenthesis): "… entre six mois et un an …", not "… entre six mois et un …"
    (see _completed)."""
    if len(text) <= limit:
        return text
    if wanted is not None:
        return _window_of_wanted_words(text, limit, wanted, room, needed)
    return _window_around(text, limit, around)


def _window_around(text: str, limit: int, around: int) -> str:
    """The `limit` characters centred on offset `around` (kept inside the text), cut at spaces."""
    start = max(0, min(around - limit // 2, len(text) - limit))
    piece = text[start : start + limit]
    if start > 0:
        piece = "… " + piece.split(" ", 1)[-1]
    if start + limit < len(text):
        piece = piece.rsplit(" ", 1)[0] + " …"
    return piece


def _window_of_wanted_words(text: str, limit: int, wanted: Callable[[str], Collection[str]], room: int, needed: Callable[[str], bool] | None) -> str:
    """The window of words spanning at most `limit` characters that holds most distinct wanted terms (see shorten)."""
    tokens = list(re.finditer(r"\S+", text))
    held = [frozenset(wanted(m.group())) for m in tokens]
    musts = _figure_ends(tokens, needed) if needed is not None else []
    windows = []
    for start in range(len(tokens)):
        end = start
        while end + 1 < len(tokens) and tokens[end + 1].end() - tokens[start].start() <= limit:
            end += 1
        windows.append((len(frozenset().union(*held[start : end + 1])), start, end))
        if end == len(tokens) - 1:
            break
    if any(end is not None for end in musts):  # a window with the figure, of those most of all with it after its last wanted word
        windows = [w for w in windows if _holds_figure(musts, w[1], w[2])] or windows
    most = max(count for count, _, _ in windows)
    best = [w for w in windows if w[0] == most]
    best = [w for w in best if _needed_after_wanted(held, musts, w)] or best
    roomy = (w for w in best if _room_after_wanted(tokens, held, w, musts) >= room or w[2] == len(tokens) - 1)
    _, start, end = next(roomy, None) or max(best, key=lambda w: _room_after_wanted(tokens, held, w, musts))
    start, end = _completed(tokens, start, end, limit)
    kept = text[tokens[start].start() : tokens[end].end()]
    return ("… " if start > 0 else "") + kept + (" …" if end < len(tokens) - 1 else "")


def _figure_ends(tokens: list[re.Match], needed: Callable[[str], bool]) -> list[int | None]:
    """For each token that starts a figure (needed() holds for it and at most FIGURE_WORDS - 1 next
    words, and still with the FIGURE_CONTEXT words after them), the last token of the shortest such run; None for the
    others."""
    ends: list[int | None] = []
    for i in range(len(tokens)):
        if not needed(" ".join(m.group() for m in tokens[i : i + FIGURE_WORDS])):
            ends.append(None)
            continue
        size = next(k for k in range(1, FIGURE_WORDS + 1) if k >= FIGURE_WORDS or needed(" ".join(m.group() for m in tokens[i : i + k])))
        if not needed(" ".join(m.group() for m in tokens[i : i + size + FIGURE_CONTEXT])):
            ends.append(None)  # read with the words after it, no figure: « … du 19 » of « du 19 janvier 2013 », a date
            continue
        ends.append(min(i + size, len(tokens)) - 1)
    return ends


def _holds_figure(musts: list[int | None], start: int, end: int) -> bool:
    """Whether tokens start..end hold a whole figure (see _figure_ends)."""
    return any(last is not None and last <= end for last in musts[start : end + 1])


def _last_new_wanted(held: list[frozenset[str]], start: int, end: int) -> int | None:
    """The last word of tokens start..end that holds a wanted term no earlier word of them holds, or None: a term said
    again after the answer does not move where the answer is (« … notifier à la CNIL, dans les 72 heures, les violations
    … » for « une violation … notifiée à la CNIL »)."""
    seen: set[str] = set()
    last = None
    for i in range(start, end + 1):
        if held[i] - seen:
            last = i
            seen |= held[i]
    return last


def _needed_after_wanted(held: list[frozenset[str]], musts: list[int | None], window: tuple[int, int, int]) -> bool:
    """Whether a window (count, start token, end token) holds a whole figure after its last new wanted word (see
    _last_new_wanted)."""
    _, start, end = window
    last = _last_new_wanted(held, start, end)
    return last is not None and _holds_figure(musts, last + 1, end)


def _room_after_wanted(tokens: list[re.Match], held: list[frozenset[str]], window: tuple[int, int, int], musts: list[int | None] = ()) -> int:
    """Characters of a window (count, start token, end token) after its last wanted word, or after the figure that
    follows it (see _figure_ends): what the figure is of comes after it."""
    _, start, end = window
    last = max((i for i in range(start, end + 1) if held[i]), default=start)
    figures = [musts[i] for i in range(last + 1, end + 1) if musts and musts[i] is not None and musts[i] <= end]
    return tokens[end].end() - tokens[max([last, *figures[:1]])].end()


_CLAUSE_END_RE = re.compile(r"[.;:!?]$")
_PHRASE_END_RE = re.compile(r"[.,;:!?]$")


def _completed(tokens: list[re.Match], start: int, end: int, limit: int) -> tuple[int, int]:
    """A window's first and last words (tokens start..end) moved to where its clause starts and its phrase ends (past a
    short parenthesis that closes it, when that fits too) when the whole then spans at most CLAUSE_ROOM x limit
    characters: both when they fit, else the start alone, else the end alone; the window as it is when neither fits."""
    first, last = _clause_start(tokens, start), _clause_end(tokens, end)
    closed = _bracket_closed(tokens, last)
    for a, b in ((first, closed), (first, last), (first, end), (start, closed), (start, last)):
        if tokens[b].end() - tokens[a].start() <= CLAUSE_ROOM * limit:
            return a, b
    return start, end


def _bracket_closed(tokens: list[re.Match], last: int) -> int:
    """The phrase's last word (last) moved past the parenthesis just after it when that is SHORT_BRACKET words or fewer,
    which close the phrase with it (« … dans l'étude (2020) », « … des Personnes Physiques (RNIPP) »)."""
    if last + 1 >= len(tokens) or not tokens[last + 1].group().startswith("("):
        return last
    return next((i for i in range(last + 1, min(last + 1 + SHORT_BRACKET, len(tokens))) if ")" in tokens[i].group()), last)


def _clause_end(tokens: list[re.Match], end: int) -> int:
    """The first word from the window's last on that ends its clause or phrase: the text's last word, one ending in
    . , ; : ! ? or one before a parenthesis (« … entre six mois et un an », not « … et un … »)."""
    for last in range(end, len(tokens) - 1):
        if _PHRASE_END_RE.search(tokens[last].group()) or tokens[last + 1].group().startswith("("):
            return last
    return len(tokens) - 1


def _clause_start(tokens: list[re.Match], start: int) -> int:
    """The last word up to the window's first that starts its sentence or clause: the text's first word, or one after
    a word ending in . ; : ! ?"""
    for first in range(start, 0, -1):
        if _CLAUSE_END_RE.search(tokens[first - 1].group()):
            return first
    return 0


def shorten_list(head: str, items: list[str], limit: int, more: str) -> tuple[str, int]:
    """head + as many items (joined by ' ; ') as fit in `limit` characters, then '… (+N more)' and '.'.

    Returns the text and the number of items shown (at least one)."""
    shown = 0
    for n in range(1, len(items) + 1):
        rest = len(items) - n
        text = head + " ; ".join(items[:n]) + (f" ; … (+{rest} {more})" if rest else "") + "."
        if len(text) > limit and n > 1:
            break
        shown = n
    rest = len(items) - shown
    return head + " ; ".join(items[:shown]) + (f" ; … (+{rest} {more})" if rest else "") + ".", shown
