"""Which files are question sets: kept apart from the loader so that finding them imports no
pydantic (the game's home screen lists sets before it needs the models)."""

from __future__ import annotations

from pathlib import Path

SET_SUFFIXES = (".yaml", ".yml")


def set_files_in(folder: Path) -> list[Path]:
    """The set files anywhere below `folder`, sorted."""
    return sorted(p for p in folder.rglob("*") if p.suffix in SET_SUFFIXES and p.is_file())
