"""Profiles: what ess-qa knows of one family of documents, on top of the general pipeline.

A profile looks at a corpus's pages when it is indexed (`find`): when they are of its family it
returns its data, stored with the index as an attachment of its name, and its name is recorded
in the attachment "profiles". When the store is loaded, each recorded profile gives answerers,
tried in order before the general answer: each may put a chunk first for a question and may
answer it (a `Reply`), or leave it to the next. A profile may also give the page its title, intro
and example questions, and a tab of its own (see ess_qa.web).

The general pipeline names no profile; the bundled report's fact sheets and metropolises' table
are the profile `metropoles` (ess_qa.profiles.metropoles).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable, Iterable, Protocol

from index.store import Store
from ingest.structure import HeadingRules
from ingest.types import Citation, Page

PROFILES_ATTACHMENT = "profiles"  # the names of the profiles found in the corpus
KNOWN_PROFILES = ("metropoles",)  # modules of this package that define PROFILE


@dataclass(frozen=True)
class Reply:
    """A profile's answer: the extract, and the pages it cites."""

    text: str
    cites: tuple[Citation, ...] = ()


class Answerer(Protocol):
    """Answers some questions by other means than the general snippet."""

    def first_position(self, question: str) -> int | None:
        """A chunk to show first for this question, or None."""

    def reply(self, question: str, passages: list, hits: list) -> Reply | None:
        """The answer, or None to leave the question to the next answerer (passages and hits: what was retrieved)."""


@dataclass(frozen=True)
class PageTexts:
    """What the page shows for a corpus: its title, a line of introduction, example questions."""

    title: str
    intro: str
    examples: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Profile:
    """A family of documents: how to recognise it and what it adds."""

    name: str  # also the name of the attachment holding its data
    find: Callable[[list[Page]], object | None]  # its data from a corpus's pages; None when they are not of its family
    answerers: Callable[[Store, object], list[Answerer]]  # its answerers for a loaded store and its data
    page: PageTexts | None = None
    headings: tuple[HeadingRules, ...] = ()  # its heading cues, used when its corpus is chunked
    tab: Callable | None = None  # (web service, visible) -> a tab of the page (see ess_qa.web.page), built hidden until active
    names: Callable[[object], Iterable[str]] | None = None  # its data -> the words naming what its documents are about
    # (the metropolises: « nantes »), read as names when a question types them in lower case (see ess_qa.spelling)


def profile_named(name: str) -> Profile | None:
    """The profile of that name, or None for a name this version does not know."""
    if name not in KNOWN_PROFILES:
        return None
    return importlib.import_module(f"{__name__}.{name}").PROFILE


def known_profiles() -> list[Profile]:
    """Every profile this version knows."""
    return [profile_named(name) for name in KNOWN_PROFILES]


def find_profiles(pages: list[Page]) -> dict[str, object]:
    """The attachments to store with an index of these pages: each profile found, and their names."""
    found = {}
    for name in KNOWN_PROFILES:
        data = profile_named(name).find(pages)
        if data is not None:
            found[name] = data
    return {PROFILES_ATTACHMENT: list(found), **found}


def heading_rules(names: list[str]) -> tuple[HeadingRules, ...]:
    """The heading cues of the named profiles, in order."""
    return tuple(rule for name in names for rule in profile_named(name).headings)


def active_profiles(attachment: Callable[[str, object], object]) -> list[tuple[Profile, object]]:
    """The profiles recorded with an index (attachment: the store's, or one read before loading), with their data."""
    names = attachment(PROFILES_ATTACHMENT, None)
    if names is None:  # an index built before profiles were recorded: its profiles' data tell
        names = [name for name in KNOWN_PROFILES if attachment(name, None)]
    active = []
    for name in names:
        profile = profile_named(name)
        if profile is not None:
            active.append((profile, attachment(name, None)))
    return active
