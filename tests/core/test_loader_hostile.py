"""Hostile input: what a malicious or broken file must not do to the loader.

An alias bomb must not expand, deep nesting must not crash the process (libyaml's composer
segfaults on it) nor raise RecursionError, YAML tags must not build Python objects, and a huge file
must be refused from its size, without being read. The one-second bounds are safety properties (a
bomb that expands takes minutes and gigabytes), not benchmarks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tracemalloc
import unicodedata
from pathlib import Path

import pytest

from quiz.core.diagnostics import Diagnostic, QuestionSetError
from quiz.core.loader import (
    MAX_ARTICLE_BYTES,
    MAX_FILE_BYTES,
    check_paths,
    load_question_set,
    parse_question_set,
)
from quiz.core.models import HighlightQuestion
from quiz.core.yaml_reader import MAX_DEPTH, YamlProblem, read_yaml

DATA = Path(__file__).parent.parent / "data"
DEEP = 100_000


def _refusal(text: str) -> Diagnostic:
    """The one error `parse_question_set` raises for `text`."""
    with pytest.raises(QuestionSetError) as raised:
        parse_question_set(text, "hostile.yaml")
    [diagnostic] = raised.value.diagnostics
    return diagnostic


def test_an_alias_bomb_is_refused_at_its_first_anchor_in_well_under_a_second() -> None:
    path = DATA / "hostile" / "alias-bomb.yaml"
    assert path.stat().st_size < 500
    start = time.perf_counter()
    report = check_paths([path])
    elapsed = time.perf_counter() - start

    assert elapsed < 1.0
    [diagnostic] = report.diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (3, 4, "anchor")
    assert "anchors (&a) are not allowed" in diagnostic.message


def test_an_alias_is_refused_even_without_a_visible_anchor_first() -> None:
    # An alias to an anchor that comes later (or never) is refused where it stands.
    diagnostic = _refusal("id: x\nquestions:\n  - *q\n")
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (3, 5, "alias")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("[" * DEEP, id="flow lists"),
        pytest.param("a: " + "{b: " * DEEP, id="flow mappings"),
        pytest.param("- " * DEEP + "x\n", id="block lists"),
        pytest.param("id: x\nquestions: " + "[" * DEEP + "]" * DEEP + "\n", id="closed flow lists"),
        # Indentation nests too: 3,000 levels already make a 4.5-million-character file.
        pytest.param("".join(" " * i + "k:\n" for i in range(3_000)), id="block mappings"),
    ],
)
def test_deep_nesting_is_refused_without_a_crash(text: str) -> None:
    start = time.perf_counter()
    diagnostic = _refusal(text)  # a RecursionError or a segfault would end the test here
    assert time.perf_counter() - start < 1.0
    assert diagnostic.code == "depth"
    assert "nested more than 20 levels deep" in diagnostic.message
    assert diagnostic.hint is not None
    assert "few levels" in diagnostic.hint


def test_the_bound_refuses_only_what_no_question_set_needs() -> None:
    nested = read_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH).data
    for _ in range(MAX_DEPTH - 1):
        [nested] = nested
    assert nested == []
    with pytest.raises(YamlProblem) as raised:
        read_yaml("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    assert (raised.value.line, raised.value.column, raised.value.code) == (0, MAX_DEPTH, "depth")


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.mkdir",
        "!!python/object:pathlib.Path",
        "!!python/name:os.system",
        "!!str",
        "!custom",
    ],
)
def test_no_tag_is_obeyed(tmp_path: Path, tag: str) -> None:
    target = tmp_path / "created-by-yaml"
    path = tmp_path / "tagged.yaml"
    path.write_text(f"id: x\ntitle: {tag} [{str(target)!r}]\n", encoding="utf-8")

    with pytest.raises(QuestionSetError) as raised:
        load_question_set(path)

    [diagnostic] = raised.value.diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (2, 8, "tag")
    assert "tags" in diagnostic.message
    assert not target.exists()


def _sparse_file(path: Path, size: int, head: bytes = b"id: x\n") -> Path:
    with path.open("wb") as stream:
        stream.write(head)
    os.truncate(path, size)
    return path


def test_a_huge_file_is_refused_from_its_size_without_being_read(tmp_path: Path) -> None:
    # 10 GB that take no disk: reading them would take minutes and all the memory.
    path = _sparse_file(tmp_path / "huge.yaml", 10 * 1024**3)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        report = check_paths([path])
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert elapsed < 1.0
    assert peak < 1024**2
    [diagnostic] = report.diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (1, 1, "too-large")
    assert "10,737,418,240 bytes" in diagnostic.message
    assert f"{MAX_FILE_BYTES:,} allowed" in diagnostic.message


def test_the_size_bound_starts_one_byte_past_the_limit(tmp_path: Path) -> None:
    path = _sparse_file(tmp_path / "just-over.yaml", MAX_FILE_BYTES + 1)
    [diagnostic] = check_paths([path]).diagnostics
    assert diagnostic.code == "too-large"


def test_a_huge_article_text_is_refused_at_its_link(tmp_path: Path) -> None:
    _sparse_file(tmp_path / "article.txt", MAX_ARTICLE_BYTES + 1, b"Texte\n")
    (tmp_path / "set.yaml").write_text(
        (DATA / "invalid" / "article-file-missing.yaml")
        .read_text(encoding="utf-8")
        .replace("articles/japon-russie-resume.text", "article.txt"),
        encoding="utf-8",
    )
    [diagnostic] = check_paths([tmp_path / "set.yaml"]).diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (7, 14, "article")
    assert "article.txt: the article file is" in diagnostic.message
    assert f"more than the {MAX_ARTICLE_BYTES:,} allowed" in diagnostic.message


def _bank_of(questions: int) -> str:
    """One set file of `questions` realistic questions (about 600 bytes each)."""
    head = (
        "id: banque\ntitle: Japon et Russie, la banque complète\nlanguage: fr\n"
        "article:\n  headline: Japon et Russie coopèrent\n  agency: AFP\nquestions:\n"
    )
    block = (
        "  - id: q{n}\n    type: single\n    skill: comprehension\n"
        "    prompt: Où les ministres russes et japonais se sont-ils retrouvés pour leur première "
        "rencontre « 2+2 » ?\n"
        "    choices: [Tokyo, Moscou, Pékin, Vladivostok]\n    answer: Tokyo\n"
        "    explanation: >\n      La dépêche de l'AFP situe la rencontre à Tokyo : les ministres "
        "russes Sergueï Lavrov et Sergueï Shoigu y ont retrouvé leurs homologues japonais.\n"
        "    evidence: ont tenu une rencontre « 2+2 » d'une journée avec leurs homologues russes\n"
    )
    return head + "".join(block.format(n=n) for n in range(questions))


def test_the_size_bound_admits_a_bank_of_ten_thousand_questions() -> None:
    assert len(_bank_of(10_000).encode()) < MAX_FILE_BYTES


@pytest.mark.slow
def test_a_bank_of_ten_thousand_questions_in_one_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "banque.yaml"
    path.write_text(_bank_of(10_000), encoding="utf-8")
    assert len(load_question_set(path).questions) == 10_000


def test_decomposed_accents_are_composed_so_a_highlight_target_is_found() -> None:
    # Text pasted from some PDFs and macOS apps spells "é" as "e" + U+0301; typed text does not.
    decomposed = unicodedata.normalize("NFD", "Le président a parlé")
    text = (DATA / "valid" / "japon-russie.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    text: « Nous avons pris un bon départ », s'est félicité M. Kishida.\n"
        "    answer: M. Kishida\n",
        f'    text: "{decomposed}"\n    answer: président\n',
    )
    question_set = parse_question_set(text, "nfd.yaml", DATA / "valid")
    [highlight] = [q for q in question_set.questions if q.id == "citation"]
    assert isinstance(highlight, HighlightQuestion)
    assert highlight.text == "Le président a parlé"
    assert highlight.target_words == frozenset({1})


# --- Numbers: Python refuses to convert more than 4,300 digits, with an exception --------------

EVERY_TYPE = (DATA / "every_type.yaml").read_text(encoding="utf-8")
HUGE = "9" * 4_301


@pytest.mark.parametrize(
    ("original", "replaced", "line", "column"),
    [
        pytest.param("points: 1000", f"points: {HUGE}", 14, 11, id="points"),
        pytest.param("answer: 4\n", f"answer: {HUGE}\n", 54, 13, id="numeric answer"),
        pytest.param("title: Every question type", f"title: {HUGE}", 3, 8, id="text"),
        pytest.param("choices: [Tokyo,", f"choices: [{HUGE},", 23, 15, id="choice"),
        pytest.param("answer: 4\n", f"answer: -{HUGE}.5\n", 54, 13, id="float"),
        pytest.param("answer: 4\n", f"answer: 0x{'f' * 4_000}\n", 54, 13, id="hexadecimal"),
    ],
)
def test_a_number_of_thousands_of_digits_is_a_located_error(
    original: str, replaced: str, line: int, column: int
) -> None:
    assert original in EVERY_TYPE
    diagnostic = _refusal(EVERY_TYPE.replace(original, replaced, 1))
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (
        line,
        column,
        "number-too-long",
    )
    assert "digits: a question set's numbers have at most 100" in diagnostic.message
    assert diagnostic.hint == "if it is text rather than a number, put it between quotes"


def test_a_quoted_number_of_thousands_of_digits_is_a_located_error_where_one_is_due() -> None:
    text = EVERY_TYPE.replace("points: 1000", f'points: "{HUGE}"', 1)
    diagnostic = _refusal(text)
    assert (diagnostic.line, diagnostic.column) == (14, 11)
    assert diagnostic.message.startswith("expected a whole number of points, found '999")


def test_long_text_made_of_digits_stays_text_when_quoted() -> None:
    text = EVERY_TYPE.replace("title: Every question type", f'title: "{HUGE}"', 1)
    assert parse_question_set(text, "digits.yaml", DATA).title == HUGE


def test_quiz_check_prints_the_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(EVERY_TYPE.replace("points: 1000", f"points: {HUGE}", 1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 1
    assert f"{path}:14:11: error: a number of 4,301 digits" in done.stdout
    assert "Traceback" not in done.stderr
