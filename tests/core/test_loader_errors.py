"""Every kind of mistake in a question-set file, each in a real file of `tests/data/invalid/`.

The table gives, for each file, exactly the diagnostics `quiz check` must print: line and column
(1-based, at the node at fault), severity, code, and a phrase of the message and of the hint.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from quiz.core.diagnostics import Diagnostic, QuestionSetError, Severity
from quiz.core.loader import check_paths, load_question_set, load_question_sets
from quiz.core.models import QUESTION_TYPES

DATA = Path(__file__).parent.parent / "data"
INVALID = DATA / "invalid"
VALID_SET = DATA / "valid" / "japon-russie.yaml"
ERROR, WARNING = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Expected:
    line: int
    column: int
    code: str
    message: str
    """A phrase the message must hold."""
    hint: str | None = None
    """A phrase the hint must hold (None: any hint, or none)."""
    severity: Severity = ERROR


EXPECTED: dict[str, list[Expected]] = {
    # YAML that cannot be read at all: one error, and nothing else is checked.
    "syntax-tab": [Expected(5, 1, "syntax", "cannot start any token", "never tabs")],
    "syntax-unquoted-colon": [
        Expected(3, 24, "syntax", "mapping values are not allowed", "must be quoted")
    ],
    "syntax-unclosed-quote": [Expected(3, 8, "syntax", "end of stream", "never closed")],
    "anchor": [Expected(3, 8, "anchor", "anchors (&titre) are not allowed", "in full")],
    "alias": [Expected(4, 14, "alias", "aliases (*titre) are not allowed", "in full")],
    "tag-python-object": [Expected(3, 8, "tag", "python/object/apply", "remove the '!…' tag")],
    "two-documents": [Expected(4, 1, "documents", "this is a second one", "'---'")],
    "not-a-mapping": [Expected(2, 1, "not-a-mapping", "a question set is a mapping")],
    "not-utf8": [Expected(3, 28, "encoding", "not UTF-8 text (byte 0xe8", "save it as UTF-8")],
    "control-character": [Expected(3, 23, "syntax", "U+0007 is not allowed", "delete it")],
    # Both lines are named: the diagnostic's own (the second key) and the first one's.
    "duplicate-key": [
        Expected(9, 3, "duplicate-key", "duplicate key 'agency': already given at line 7"),
        Expected(20, 9, "duplicate-key", "duplicate key 'text': already given at line 18"),
    ],
    # The schema.
    "unknown-key": [
        Expected(14, 5, "unknown-key", "unknown key 'explication'", "did you mean 'explanation'?")
    ],
    "missing-key": [Expected(8, 5, "missing-key", "missing required key 'evidence'", "add")],
    # One mistake, one message: the misspelt key is not also reported as a missing one.
    "misspelt-required-key": [
        Expected(13, 5, "unknown-key", "unknown key 'explication'", "did you mean 'explanation'?")
    ],
    "misspelt-type-key": [
        Expected(8, 5, "missing-key", "this question has no `type:`", "`type:` for `typ:`")
    ],
    "unknown-type": [
        Expected(9, 11, "unknown-type", "unknown question type 'multiples'", "'multiple'?")
    ],
    "unknown-skill": [Expected(10, 12, "unknown-skill", "'sourcng'", "did you mean 'sourcing'?")],
    "wrong-value-type": [Expected(12, 14, "invalid", "expected a list ('- ' items) here")],
    "bad-date": [Expected(7, 14, "invalid", "expected a date, found '02/11/2013'", "YYYY-MM-DD")],
    "bad-id": [Expected(8, 9, "invalid", "'l'endroit de la rencontre' is not a valid id", "ids")],
    "empty-text": [Expected(11, 13, "invalid", "this text is empty", "write something")],
    "negative-tolerance": [Expected(14, 16, "invalid", "must be at least 0")],
    # Numbers written as text are read by the set's language; what it cannot read says how.
    "number-ambiguous": [
        Expected(12, 13, "invalid", "expected a number, found '3,5'", "2,300 or 2 300")
    ],
    # The checks that need more than one field.
    "single-no-right-choice": [
        Expected(13, 14, "key-count", "exactly one right choice, this one has 0", "`answer:`")
    ],
    "single-two-right-choices": [
        Expected(14, 7, "key-count", "exactly one right choice, this one has 2", "type: multiple")
    ],
    "multiple-no-right-choice": [
        Expected(13, 14, "key-count", "at least one right choice, this one has none")
    ],
    # The misspelt or conflicting key is the mistake; the count of right choices it leaves wrong
    # is not a second one.
    "answer-not-a-choice": [
        Expected(14, 13, "answer-not-a-choice", "'Tokio' is not one of the choices", "'Tokyo'?"),
    ],
    "answer-correct-conflict": [
        Expected(18, 13, "conflicting-key", "`answer:` and the choices marked", "one way only"),
    ],
    "duplicate-choices": [
        Expected(13, 37, "duplicate", "repeats choice 2 ('Pékin') (see line 13)", "accents")
    ],
    "duplicate-question-id": [
        Expected(16, 9, "duplicate-id", "'lieu' is used twice in this set (see line 9)")
    ],
    "duplicate-ordering-items": [
        Expected(
            16, 9, "duplicate", "this item repeats item 1 ('La rencontre à Tokyo') (see line 14)"
        )
    ],
    "highlight-target-missing": [
        Expected(14, 14, "highlight-target", "'M. Kishda' is not in the question's text", "Kishida")
    ],
    "evidence-not-in-article": [
        Expected(15, 15, "evidence-not-found", "not in the article text", "verbatim quote")
    ],
    "article-file-missing": [
        Expected(
            7, 14, "article", "japon-russie-resume.text: cannot read the article file", "relative"
        )
    ],
    "no-article-text": [
        Expected(6, 3, "evidence-unchecked", "not checked", "text_file:", severity=WARNING)
    ],
}


def test_every_file_of_the_folder_has_its_expectations() -> None:
    files = {path.stem for path in INVALID.glob("*.yaml")} - {"several-mistakes"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_mistake_is_reported_at_the_node_at_fault(kind: str) -> None:
    path = INVALID / f"{kind}.yaml"
    report = check_paths([path])

    expected = EXPECTED[kind]
    found = [(d.line, d.column, d.severity, d.code) for d in report.diagnostics]
    assert found == [(e.line, e.column, e.severity, e.code) for e in expected]
    for diagnostic, wanted in zip(report.diagnostics, expected, strict=True):
        assert diagnostic.path == str(path)
        assert wanted.message in diagnostic.message
        if wanted.hint is not None:
            assert diagnostic.hint is not None
            assert wanted.hint in diagnostic.hint
        # What `quiz check` prints: the located line, then the hint indented under it.
        first_line = str(diagnostic).splitlines()[0]
        assert first_line == (
            f"{path}:{wanted.line}:{wanted.column}: {wanted.severity}: {diagnostic.message}"
        )


@pytest.mark.parametrize(
    "kind", sorted(k for k, v in EXPECTED.items() if any(e.severity is ERROR for e in v))
)
def test_load_question_set_raises_with_the_same_errors(kind: str) -> None:
    path = INVALID / f"{kind}.yaml"
    with pytest.raises(QuestionSetError) as raised:
        load_question_set(path)
    assert raised.value.diagnostics == check_paths([path]).errors
    assert f"{path}:{EXPECTED[kind][0].line}:{EXPECTED[kind][0].column}: error:" in str(
        raised.value
    )


def test_a_warning_does_not_stop_the_set_from_loading() -> None:
    question_set = load_question_set(INVALID / "no-article-text.yaml")
    assert question_set.article_text is None
    assert [q.id for q in question_set.questions] == ["lieu"]


def test_all_the_mistakes_of_a_file_are_reported_at_once() -> None:
    path = INVALID / "several-mistakes.yaml"
    report = check_paths([path])
    assert [(d.line, d.column, d.code) for d in report.diagnostics] == [
        (7, 3, "unknown-key"),
        (14, 13, "answer-not-a-choice"),
        (18, 11, "unknown-type"),
        (25, 12, "unknown-skill"),
        (28, 16, "invalid"),
        (31, 9, "duplicate-id"),
    ]
    # Schema errors in some questions do not hide the checks of the valid ones.
    by_code = {d.code: d for d in report.diagnostics}
    assert "did you mean 'published'?" in (by_code["unknown-key"].hint or "")
    assert "did you mean 'comprehension'?" in (by_code["unknown-skill"].hint or "")
    assert "(see line 9)" in by_code["duplicate-id"].message
    with pytest.raises(QuestionSetError) as raised:
        load_question_set(path)
    assert len(raised.value.diagnostics) == 6


def test_set_ids_are_unique_across_the_sets_of_a_folder() -> None:
    folder = DATA / "set-id-clash"
    report = check_paths([folder])

    assert [s.id for s in report.question_sets] == ["japon-russie"]
    assert report.files == 2
    [diagnostic] = report.diagnostics
    assert (diagnostic.path, diagnostic.line, diagnostic.column, diagnostic.code) == (
        str(folder / "b-copie.yaml"),
        3,
        5,
        "duplicate-set-id",
    )
    assert f"'japon-russie' is already used by {folder / 'a-premier.yaml'}:2" in diagnostic.message
    with pytest.raises(QuestionSetError):
        load_question_sets([folder])


def test_a_missing_path_is_an_error_not_a_crash(tmp_path: Path) -> None:
    report = check_paths([tmp_path / "absent.yaml"])
    assert [(d.line, d.column, d.code) for d in report.diagnostics] == [(1, 1, "not-found")]


def test_the_valid_set_loads_with_every_question_type_and_its_article() -> None:
    report = check_paths([VALID_SET.parent])
    assert report.diagnostics == []
    [question_set] = report.question_sets
    assert [q.type for q in question_set.questions] == list(QUESTION_TYPES)
    assert question_set.source_path == str(VALID_SET)
    assert question_set.article_text is not None
    assert question_set.article_text.startswith("Premier « 2+2 » entre le Japon et la Russie")
    # Evidence written with « » and ’ was found in an article that uses plain quotes.
    assert question_set.questions[0].evidence == "ont tenu une rencontre « 2+2 » d’une journée"
    assert load_question_set(VALID_SET) == question_set


def test_a_non_utf8_byte_is_located_in_characters(tmp_path: Path) -> None:
    path = tmp_path / "mixed.yaml"
    # Valid UTF-8 "Pékin" (é is two bytes) before a Latin-1 é on the same line.
    path.write_bytes("id: x\ntitle: Pékin et ".encode() + "été\n".encode("latin-1"))
    [diagnostic] = check_paths([path]).diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (2, 17, "encoding")


def test_a_set_id_clash_is_reported_even_when_the_first_set_has_other_errors(
    tmp_path: Path,
) -> None:
    clash = DATA / "set-id-clash"
    folder = tmp_path / "sets"
    shutil.copytree(clash / "articles", folder / "articles")
    first = (clash / "a-premier.yaml").read_text(encoding="utf-8")
    (folder / "a-premier.yaml").write_text(
        first.replace("evidence: à Tokyo", "evidence: à Moscou"), encoding="utf-8"
    )
    (folder / "b-copie.yaml").write_text(
        (clash / "b-copie.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )

    report = check_paths([folder])
    assert [(Path(d.path).name, d.line, d.code) for d in report.diagnostics] == [
        ("a-premier.yaml", 15, "evidence-not-found"),
        ("b-copie.yaml", 3, "duplicate-set-id"),
    ]


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        pytest.param(b"\xef\xbb\xbf\x00\x80", 1, 2, id="after a BOM"),
        pytest.param(b"\xef\xbb\xbfid: x\ntitle: caf\xe9\n", 2, 11, id="BOM, second line"),
        pytest.param(b"id: \xef", 1, 5, id="cut multi-byte character"),
    ],
)
def test_a_non_utf8_byte_is_located_with_or_without_a_byte_order_mark(
    tmp_path: Path, data: bytes, line: int, column: int
) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(data)
    [diagnostic] = check_paths([path]).diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (line, column, "encoding")


# --- Numbers: only finite ones, and whole ones where a count is due -----------------------------

EVERY_TYPE = DATA / "every_type.yaml"
FINITE_HINT = "infinity (.inf), not-a-number (.nan) and numbers beyond 1.8e308 are not allowed"


def _check_with(tmp_path: Path, original: str, replaced: str) -> list[Diagnostic]:
    """The diagnostics of every_type.yaml (and its article) with one line changed."""
    (tmp_path / "articles").mkdir()
    shutil.copy(DATA / "articles" / "every_type.txt", tmp_path / "articles")
    text = EVERY_TYPE.read_text(encoding="utf-8")
    assert original in text
    path = tmp_path / "set.yaml"
    path.write_text(text.replace(original, replaced, 1), encoding="utf-8")
    return check_paths([path]).diagnostics


TOLERANCE = "unit: islands"
"""Where a tolerance can go in every_type.yaml's numeric question (line 55, its value at 56:16)."""


@pytest.mark.parametrize(
    ("original", "replaced", "line", "column", "found"),
    [
        pytest.param(TOLERANCE, f"{TOLERANCE}\n    tolerance: .inf", 56, 16, ".inf", id=".inf"),
        pytest.param(TOLERANCE, f"{TOLERANCE}\n    tolerance: 1e309", 56, 16, "1e309", id="1e309"),
        pytest.param(TOLERANCE, f"{TOLERANCE}\n    tolerance: .NaN", 56, 16, ".NaN", id=".nan"),
        pytest.param(
            TOLERANCE, f"{TOLERANCE}\n    tolerance: '1e309'", 56, 16, "1e309", id="quoted"
        ),
        pytest.param("answer: 4\n", "answer: -.inf\n", 54, 13, "-.inf", id="answer"),
    ],
)
def test_a_number_that_is_not_finite_is_refused_in_plain_words(
    tmp_path: Path, original: str, replaced: str, line: int, column: int, found: str
) -> None:
    [diagnostic] = _check_with(tmp_path, original, replaced)
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (line, column, "invalid")
    assert diagnostic.message == f"expected a finite number, found '{found}'"
    assert diagnostic.hint is not None
    assert FINITE_HINT in diagnostic.hint


def test_a_draft_confidence_must_be_finite_too(tmp_path: Path) -> None:
    [diagnostic] = _check_with(tmp_path, TOLERANCE, f"{TOLERANCE}\n    draft: {{confidence: .nan}}")
    assert (diagnostic.line, diagnostic.column) == (56, 25)
    assert diagnostic.message == "expected a finite number, found '.nan'"


@pytest.mark.parametrize(
    ("original", "replaced", "line", "column", "message"),
    [
        pytest.param(
            "time_limit: 20",
            "time_limit: 7.5",
            13,
            15,
            "expected a whole number of seconds, found '7.5'",
            id="seconds",
        ),
        pytest.param(
            "time_limit: 20",
            "time_limit: .inf",
            13,
            15,
            "expected a whole number of seconds, found '.inf'",
            id="infinite seconds",
        ),
        pytest.param(
            "points: 1000",
            "points: 12.5",
            14,
            11,
            "expected a whole number of points, found '12.5'",
            id="points",
        ),
    ],
)
def test_a_count_must_be_a_whole_number(
    tmp_path: Path, original: str, replaced: str, line: int, column: int, message: str
) -> None:
    [diagnostic] = _check_with(tmp_path, original, replaced)
    assert (diagnostic.line, diagnostic.column) == (line, column)
    assert diagnostic.message == message
