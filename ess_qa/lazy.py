"""Package names loaded on first use (PEP 562), so that light commands do not import heavy modules."""

from __future__ import annotations

import importlib
from typing import Callable


def lazy_names(package: str, modules: dict[str, tuple[str, ...]], namespace: dict) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """`__getattr__` and `__dir__` for a package whose public names live in other modules:
    `modules` maps each module (relative to the package, or absolute) to the names it holds."""
    where = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str):
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(where[name], package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    return __getattr__, __dir__
