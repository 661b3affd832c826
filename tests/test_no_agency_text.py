"""The AFP dispatch the project started from is not ours to ship: no tracked file may copy it.

Quoting a phrase or a sentence for an exercise is a quotation; carrying whole paragraphs is a copy.
A paragraph of the dispatch counts as copied into a file when any stretch of WINDOW characters of it
(spaces and quotation marks folded) stands in that file; a file that copies two paragraphs or more
fails. Every file git tracks is read, whatever its kind: tests, benchmarks, docs, sets, snapshots.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from quiz.core.text import normalise_for_search

REPO = Path(__file__).resolve().parents[1]
WINDOW = 150
"""Longer than any quotation a question needs (the longest evidence quote is about 90 characters)."""
STEP = 10
LONGEST_FILE = 8 * 1024 * 1024


def _tracked_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=False)
    if listed.returncode != 0:  # an unpacked archive, not a checkout: read every file
        return [p for p in REPO.rglob("*") if p.is_file() and ".git" not in p.parts]
    return [REPO / name for name in listed.stdout.decode().split("\0") if name]


def _paragraphs(seed_article: Path) -> list[str]:
    text = seed_article.read_text(encoding="utf-8")
    paragraphs = (normalise_for_search(p) for p in text.split("\n"))
    return [p for p in paragraphs if len(p) >= WINDOW]


def copied_paragraphs(text: str, paragraphs: list[str]) -> int:
    """How many of `paragraphs` have a stretch of WINDOW characters inside `text`."""
    folded = normalise_for_search(text.replace("\\\n", ""))  # a backslash-continued string too
    return sum(
        any(p[start : start + WINDOW] in folded for start in range(0, len(p) - WINDOW + 1, STEP))
        for p in paragraphs
    )


def test_the_seed_has_paragraphs_to_look_for(seed_article: Path) -> None:
    assert len(_paragraphs(seed_article)) >= 8


def test_the_guard_finds_a_copy_even_reflowed_and_cut(seed_article: Path) -> None:
    paragraphs = _paragraphs(seed_article)
    # Two paragraphs, each cut at both ends and wrapped over lines, as a pasted copy would be.
    copy = "\n".join(p[7:-7].replace(" ", "\n    ", 3) for p in paragraphs[2:4])
    assert copied_paragraphs(copy, paragraphs) == 2


def test_no_tracked_file_copies_the_dispatch(seed_article: Path) -> None:
    paragraphs = _paragraphs(seed_article)
    copies = []
    for path in _tracked_files():
        if not path.is_file() or path.stat().st_size > LONGEST_FILE:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if (count := copied_paragraphs(text, paragraphs)) >= 2:
            copies.append(f"{path.relative_to(REPO)}: {count} paragraphs")
    assert not copies, "these files copy the AFP dispatch: " + "; ".join(copies)


@pytest.mark.parametrize(
    "path", ["tests/data/valid/articles/japon-russie.txt", "benchmarks/bench_loader.py"]
)
def test_the_copies_found_before_are_gone(seed_article: Path, path: str) -> None:
    """The two files that once held six and five paragraphs of the dispatch hold none now."""
    text = (REPO / path).read_text(encoding="utf-8")
    assert copied_paragraphs(text, _paragraphs(seed_article)) == 0
