"""Clean the text of one extracted page: bullets, hyphenation, spacing, leader dots, pull quotes."""

from __future__ import annotations

import re
import unicodedata

from .french import join_hyphenated_lines, match_key

BULLET = "•"
_SPACES_RE = re.compile(r"[ \t\u00a0\u202f\u2009\u2007\u200a]+")
# 'zz �', '• �', '�• �', '' (private-use glyphs) at the start of a line are bullets.
_BULLET_RE = re.compile(r"^[ \t]*(?:zz[ \t]*)?[\ufffd\uf0a7\uf0b7\uf0d8\u25aa\u25cf\u2022\u00b7\u2013\u25a0\uf02d]*[\ufffd\uf0a7\uf0b7\uf0d8\u25aa\u25cf\u2022\u00b7\u25a0][\ufffd \t]*", re.MULTILINE)
_ZZ_BULLET_RE = re.compile(r"^[ \t]*zz[ \t]*\ufffd+[ \t]*", re.MULTILINE)
_LEADER_RE = re.compile(r"[ \t]*\.{4,}[ \t]*")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u00ad\ufeff]")
SHORT_LINE = 40
MIN_QUOTE_KEY = 25


def normalize_spaces(text: str) -> str:
    """NFC, control characters dropped, every run of spaces (incl. no-break ones) made one space."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_RE.sub("", text)
    return "\n".join(_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))


def clean_bullets(text: str) -> str:
    """'zz �Subventionnement' and '• �Soutien' become '• Subventionnement'; stray U+FFFD go."""
    text = _ZZ_BULLET_RE.sub(f"{BULLET} ", text)
    text = _BULLET_RE.sub(f"{BULLET} ", text)
    return text.replace("\ufffd", "")


def clean_leaders(text: str) -> str:
    """'Superficie.......3 173 km2' -> 'Superficie : 3 173 km2' (fact-sheet and table-of-contents dots)."""
    return _LEADER_RE.sub(" : ", text)


def remove_pull_quotes(text: str) -> str:
    """Drop runs of short lines whose words repeat text found elsewhere on the same page."""
    lines = text.split("\n")
    keep = [True] * len(lines)
    i = 0
    while i < len(lines):
        if not _is_short(lines[i]):
            i += 1
            continue
        j, nonblank = i, []
        while j < len(lines) and (not lines[j].strip() or _is_short(lines[j])):
            if lines[j].strip():
                nonblank.append(j)
            j += 1
        if len(nonblank) >= 2:
            key = match_key(" ".join(lines[k] for k in nonblank))
            # compare with what is kept elsewhere, so text printed twice keeps one copy
            rest = match_key(" ".join(line for k, line in enumerate(lines) if keep[k] and not i <= k < j))
            if len(key) >= MIN_QUOTE_KEY and key in rest:
                for k in nonblank:
                    keep[k] = False
        i = max(j, i + 1)
    return "\n".join(line for line, kept in zip(lines, keep) if kept)


def _is_short(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= SHORT_LINE and not stripped.startswith(BULLET)


def clean_page_text(text: str) -> str:
    """All cleaning steps for one page, in order; blank lines (paragraph breaks) are kept."""
    text = normalize_spaces(text)
    text = clean_bullets(text)
    text = normalize_spaces(text)
    text = remove_pull_quotes(text)
    text = join_hyphenated_lines(text)
    text = clean_leaders(text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
