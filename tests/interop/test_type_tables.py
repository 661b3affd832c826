"""Each format's type table: one entry per question type, and each writer made for its type.

The tables hold writers typed `Any` so that one table holds them all; these tests stand in for
the type checker: a writer's first parameter must accept the model of the type its entry names.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable
from typing import Any

import pytest

from quiz.core.kinds import KINDS
from quiz.interop import FORMATS
from quiz.interop.model import Unsupported


def writer_of(entry: object) -> Callable[..., Any] | None:
    """The callable in a table entry (Moodle XML pairs it with Moodle's type name)."""
    if isinstance(entry, Unsupported):
        return None
    if isinstance(entry, tuple):
        entry = entry[-1]
    assert callable(entry)
    return entry


def accepted_models(writer: Callable[..., Any]) -> set[type]:
    """The classes a writer's first parameter is annotated with (a union gives several)."""
    first = next(iter(inspect.signature(writer).parameters))
    hint = typing.get_type_hints(writer)[first]
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return set(typing.get_args(hint))
    return {hint}


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_each_writer_takes_the_model_of_the_type_its_entry_names(format_name: str) -> None:
    mismatched = []
    for type_name, entry in FORMATS[format_name].exports.items():
        writer = writer_of(entry)
        if writer is None:
            continue
        model = KINDS[type_name].model
        if model not in accepted_models(writer):
            mismatched.append(f"{type_name} → {writer.__name__}{accepted_models(writer)}")
    assert not mismatched


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_an_unsupported_type_says_why(format_name: str) -> None:
    for entry in FORMATS[format_name].exports.values():
        if isinstance(entry, Unsupported):
            assert len(entry.reason) > 20
