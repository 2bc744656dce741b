"""This project's other top-level packages, `ingest` and `index`, imported as themselves even when the working
directory holds a folder of the same name.

Under an editable install (`pip install -e .`) Python looks in the working directory before it asks the install's
import finder, and reads a folder without `__init__.py` there as a namespace package: an index folder named « index »
would stand for the package `index`, its `lexical/` folder for `index.lexical`, and `from ess_qa import Assistant`
would fail in the directory where `ess-qa index --index-dir index` was run.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SIBLINGS = ("ingest", "index")  # in the order they import each other


def import_siblings() -> None:
    """Import each sibling package from beside `ess_qa` when Python would otherwise take a folder of the working
    directory for it (a namespace package: no file of its own); leave it to the usual import in any other case."""
    root = Path(__file__).resolve().parent.parent
    for name in SIBLINGS:
        loaded = sys.modules.get(name)
        if loaded is not None and getattr(loaded, "__file__", None):
            continue
        found = importlib.util.find_spec(name)
        own = root / name / "__init__.py"
        if (found is not None and found.origin is not None) or not own.is_file():
            continue
        spec = importlib.util.spec_from_file_location(name, own, submodule_search_locations=[str(own.parent)])
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
