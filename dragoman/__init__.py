"""dragoman: offline, explainable political event coding into PLOVER 0.8.

    import dragoman
    events = dragoman.code("Pakistan and India agreed to a ceasefire on Saturday.", date="2025-05-10")
    events[0].event, events[0].actor_codes      # ('AGREE', ['PAK', 'IND'])
    dragoman.code_many([{"id": "a", "text": "...", "date": "2025-05-10"}]).to_pandas()
    dragoman.Store("dragoman.duckdb").dyads(country="PAK")

``import dragoman`` is cheap: spaCy and the dictionaries load on the first call that codes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import Entity, Event, Events, Store, TextInfo, code, code_many, load_coder
    from .coder import Coder
    from .errors import DragomanError

__all__ = ["Coder", "DragomanError", "Entity", "Event", "Events", "Store", "TextInfo", "__version__", "code", "code_many", "load_coder"]

_HOME = {"Coder": "coder", "DragomanError": "errors"}


def __getattr__(name: str) -> Any:
    """The public names, imported on first use (PEP 562)."""
    if name not in __all__ or name == "__version__":
        raise AttributeError(f"module 'dragoman' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{_HOME.get(name, 'api')}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
