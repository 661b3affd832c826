"""The parsing libraries of the `interop` extra, imported only when a format needs one.

`pip install .` gives a student's machine the game alone; a teacher who imports or exports adds
`quiz[interop]`. A format that finds its library missing says so with that command.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from quiz.interop.errors import FormatUnavailable


def load(module: str, format_title: str) -> ModuleType:
    """The module, or `FormatUnavailable` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise FormatUnavailable(format_title, module) from None
