"""Loading question sets: one file or a folder, every mistake reported at its line and column.

`load_question_set` and `load_question_sets` return valid sets or raise `QuestionSetError` with all
the errors found; `check_paths` never raises for a bad file and returns every error and warning, for
`quiz check`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from quiz.core.checks import Finding, check_question_set, check_questions, nearest
from quiz.core.diagnostics import Diagnostic, QuestionSetError, Severity
from quiz.core.kinds import KINDS, QUESTION_TYPES
from quiz.core.models import (
    Article,
    Defaults,
    DraftInfo,
    Question,
    QuestionBase,
    QuestionSet,
)
from quiz.core.numbers import spells_non_finite
from quiz.core.set_files import set_files_in
from quiz.core.set_reading import (
    MAX_ARTICLE_BYTES,
    MAX_FILE_BYTES,
    FileProblem,
    read_text_file,
    resolve_linked,
)
from quiz.core.skills import Skill
from quiz.core.text import clean_text
from quiz.core.yaml_reader import YamlProblem, locate, locate_all, read_yaml

_QUESTION_ADAPTER: TypeAdapter[QuestionBase] = TypeAdapter(Question)
_SET_PARTS: dict[str, tuple[type[Any], str]] = {
    "article": (Article, "article"),
    "defaults": (Defaults, "defaults"),
}
"""The set's nested mappings and their names; each question type lists its own
(`QuestionKind.nested`: a choice, a categorize item…)."""
_QUESTION_PARTS: dict[str, tuple[type[Any], str]] = {"draft": (DraftInfo, "draft")}
_PART_NAMES: dict[type[Any], str] = {
    model: name
    for parts in (_SET_PARTS, _QUESTION_PARTS, *(kind.nested for kind in KINDS.values()))
    for model, name in parts.values()
}


@dataclass
class CheckReport:
    """What `check_paths` found: the sets that loaded, and every diagnostic of every file."""

    question_sets: list[QuestionSet] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]


def load_question_set(path: str | os.PathLike[str]) -> QuestionSet:
    """Load one set, or raise `QuestionSetError` with every error of the file."""
    question_set, diagnostics = _load_file(Path(path))
    if question_set is None or any(d.severity is Severity.ERROR for d in diagnostics):
        raise QuestionSetError([d for d in diagnostics if d.severity is Severity.ERROR])
    return question_set


def load_question_sets(paths: Iterable[str | os.PathLike[str]]) -> list[QuestionSet]:
    """Load every set in the given files and folders, or raise with every error of every file."""
    report = check_paths(paths)
    if report.errors:
        raise QuestionSetError(report.errors)
    return report.question_sets


def parse_question_set(
    text: str, path: str = "<text>", base_dir: Path | None = None
) -> QuestionSet:
    """Validate a set held in a string (what `quiz generate` writes), as if read from `path`."""
    question_set, diagnostics = _load_text(text, path, base_dir)
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if question_set is None or errors:
        raise QuestionSetError(errors)
    return question_set


def find_set_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Diagnostic]]:
    """The set files named or found (recursively, sorted) in the named folders."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(set_files_in(path))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(
                Diagnostic(
                    str(path), 1, 1, Severity.ERROR, "no such file or folder", code="not-found"
                )
            )
    return files, problems


def check_paths(paths: Iterable[str | os.PathLike[str]]) -> CheckReport:
    """Check every set in the given files and folders; set ids must be unique across them."""
    files, problems = find_set_files(paths)
    report = CheckReport(diagnostics=problems, files=len(files))
    # Where each id was first seen; its line is looked up only if another set repeats the id, so
    # that a folder of valid sets is parsed once (composing every file again doubled the cost).
    first_with_id: dict[str, Path] = {}
    for file in files:
        question_set, diagnostics = _load_file(file)
        report.diagnostics.extend(diagnostics)
        if question_set is None:
            continue
        if question_set.id in first_with_id:
            other = first_with_id[question_set.id]
            line = _locate_in_file(other, ("id",))[0] + 1
            where = _locate_in_file(file, ("id",))
            report.diagnostics.append(
                Diagnostic(
                    str(file),
                    where[0] + 1,
                    where[1] + 1,
                    Severity.ERROR,
                    f"set id '{question_set.id}' is already used by {other}:{line}",
                    "each set needs its own id: results and leaderboards are kept under it",
                    code="duplicate-set-id",
                )
            )
            continue
        # A set with other errors still claims its id, so that a clash is reported at once too.
        first_with_id[question_set.id] = file
        if not any(d.severity is Severity.ERROR for d in diagnostics):
            report.question_sets.append(question_set)
    report.diagnostics.sort()
    return report


def _locate_in_file(path: Path, node: tuple[str | int, ...]) -> tuple[int, int]:
    """The 0-based position of `node` in a file that has already loaded (for a later message)."""
    text = read_text_file(path, MAX_FILE_BYTES, "question set")
    return (0, 0) if isinstance(text, Diagnostic) else locate(text, node)


def _load_file(path: Path) -> tuple[QuestionSet | None, list[Diagnostic]]:
    name = str(path)
    text = read_text_file(path, MAX_FILE_BYTES, "question set")
    if isinstance(text, Diagnostic):
        return None, [text]
    return _load_text(text, name, path.parent)


def _file_error(path: str, message: str, hint: str | None, code: str) -> Diagnostic:
    return Diagnostic(path, 1, 1, Severity.ERROR, message, hint, code=code)


def _yaml_error(path: str, problem: YamlProblem) -> Diagnostic:
    """A problem the YAML reader found (0-based position) as an error in the file (1-based)."""
    return Diagnostic(
        path,
        problem.line + 1,
        problem.column + 1,
        Severity.ERROR,
        problem.message,
        problem.hint,
        code=problem.code,
    )


def _load_text(
    text: str, path: str, base_dir: Path | None
) -> tuple[QuestionSet | None, list[Diagnostic]]:
    try:
        result = read_yaml(text)
    except YamlProblem as problem:
        return None, [_yaml_error(path, problem)]
    diagnostics = [_yaml_error(path, problem) for problem in result.problems]
    data = result.data
    if not isinstance(data, dict):
        # At the document's first node, not at 1:1, which is often a comment.
        line, column = locate(text, ())
        diagnostics.append(
            Diagnostic(
                path,
                line + 1,
                column + 1,
                Severity.ERROR,
                "a question set is a mapping of keys (id, title, language, article, questions)",
                "start from the example in the README's teacher's guide",
                code="not-a-mapping",
            )
        )
        return None, diagnostics

    findings: list[Finding] = []
    question_set: QuestionSet | None = None
    # Numbers written as text (`answer: 2,300`) are read as the set's language writes them.
    language = data.get("language")
    context = {"language": language.strip() if isinstance(language, str) else None}
    try:
        question_set = QuestionSet.model_validate(data, context=context)
    except ValidationError as error:
        findings.extend(_findings_from_pydantic(error.errors()))
        findings.extend(_check_valid_questions(data.get("questions"), context))
    if question_set is not None:
        question_set._source_path = path
        findings.extend(_attach_article(question_set, base_dir))
        findings.extend(check_question_set(question_set))

    if findings:
        # Every position in one partial pass over the text: a second full parse of a
        # 100,000-question file took longer than the first, and gigabytes, for one warning.
        requests = [(f.path, f.code == "unknown-key") for f in findings]
        requests += [(f.related, False) for f in findings if f.related is not None]
        positions = iter(locate_all(text, requests))
        places = [next(positions) for _ in findings]
        for finding, (line, column) in zip(findings, places, strict=True):
            message = finding.message
            if finding.related is not None:
                message += f" (see line {next(positions)[0] + 1})"
            diagnostics.append(
                Diagnostic(
                    path,
                    line + 1,
                    column + 1,
                    finding.severity,
                    message,
                    finding.hint,
                    code=finding.code,
                )
            )
    diagnostics.sort()
    return question_set, diagnostics


def _check_valid_questions(questions: Any, context: dict[str, Any]) -> list[Finding]:
    """When the set as a whole is invalid, still check the questions that are valid on their own."""
    if not isinstance(questions, list):
        return []
    valid: list[tuple[int, QuestionBase]] = []
    for index, raw in enumerate(questions):
        try:
            valid.append((index, _QUESTION_ADAPTER.validate_python(raw, context=context)))
        except ValidationError:
            continue  # already reported, with its path, by the validation of the whole set
    return list(check_questions(valid))


def _attach_article(question_set: QuestionSet, base_dir: Path | None) -> list[Finding]:
    linked = question_set.article.text_file
    if linked is None:
        return []
    try:
        text = read_text_file(
            resolve_linked(base_dir or Path.cwd(), linked), MAX_ARTICLE_BYTES, "article"
        )
    except FileProblem as problem:  # not in the set's folder: never opened
        text = _file_error(linked, problem.message, problem.hint, problem.code)
    if isinstance(text, Diagnostic):
        return [
            Finding(
                ("article", "text_file"),
                f"{linked}: {text.message}",
                text.hint or "the path is relative to the folder of the set's file",
                code="article",
            )
        ]
    question_set._article_text = clean_text(text)
    return []


# --- pydantic's errors, in a teacher's words ------------------------------------------------------

_TYPE_NAMES = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "dict": "a mapping (key: value lines)",
    "list": "a list ('- ' items)",
    "NoneType": "nothing",
}


# Where a whole number is due, what it counts: "time_limit: 7.5" is not a number of seconds.
_WHOLE_NUMBERS = {"time_limit": "a whole number of seconds", "points": "a whole number of points"}
_FINITE_HINT = (
    "write an ordinary number such as 2 or 0.5: infinity (.inf), not-a-number (.nan) and numbers "
    "beyond 1.8e308 are not allowed"
)


def _found(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    shown = str(value)
    return f"'{shown[:60]}…'" if len(shown) > 60 else f"'{shown}'"


def _model_at(path: Sequence[str | int]) -> type[Any]:
    """The model of the mapping at `path` (a pydantic error's location).

    Pydantic names a question's type after its index (`questions`, 3, `single`, `choices`): that
    is how the question's kind, and the models inside it, are found.
    """
    model: type[Any] = QuestionSet
    parts = _SET_PARTS
    rest = path
    if len(path) >= 3 and path[0] == "questions" and isinstance(path[2], str):
        kind = KINDS.get(path[2])
        if kind is not None:
            model, parts, rest = kind.model, {**_QUESTION_PARTS, **kind.nested}, path[3:]
    for element in rest:
        if isinstance(element, str) and element in parts:
            model, parts = parts[element][0], {}
    return model


def _findings_from_pydantic(errors: Sequence[ErrorDetails]) -> list[Finding]:
    """One finding per mistake: a misspelt key is one unknown key, not also a missing one.

    Pydantic reports `explication:` written for `explanation:` twice, as an unknown key and as a
    missing required key; only the unknown key is kept, as its hint names the key it stands for.
    """
    misspelt: set[tuple[str | int, ...]] = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            parent = tuple(error["loc"][:-1])
            guess = nearest(str(error["loc"][-1]), sorted(_model_at(parent).model_fields))
            if guess is not None:
                misspelt.add((*parent, guess))
    return [
        _finding_from_pydantic(error)
        for error in errors
        if not (error["type"] == "missing" and tuple(error["loc"]) in misspelt)
    ]


def _finding_from_pydantic(error: ErrorDetails) -> Finding:
    path: tuple[str | int, ...] = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    code = "invalid"
    hint: str | None = None

    if kind == "missing":
        message = f"missing required key '{path[-1]}'"
        hint = f"add `{path[-1]}:` to this {_describe(path[:-1])}"
        path = path[:-1]
        code = "missing-key"
    elif kind == "extra_forbidden":
        key = str(path[-1])
        allowed = sorted(_model_at(path[:-1]).model_fields)
        guess = nearest(key, allowed)
        message = f"unknown key '{key}' in this {_describe(path[:-1])}"
        hint = (
            (f"did you mean '{guess}'? " if guess else "") + "allowed keys: " + ", ".join(allowed)
        )
        code = "unknown-key"
    elif kind == "union_tag_invalid":
        tag = str(ctx.get("tag"))
        guess = nearest(tag, list(QUESTION_TYPES))
        message = f"unknown question type '{tag}'"
        hint = (
            (f"did you mean '{guess}'? " if guess else "")
            + "the types are: "
            + ", ".join(QUESTION_TYPES)
        )
        path = (*path, "type")
        code = "unknown-type"
    elif kind == "union_tag_not_found":
        message = "this question has no `type:`"
        hint = "add `type:` with one of: " + ", ".join(QUESTION_TYPES)
        keys = [str(key) for key in value] if isinstance(value, dict) else []
        typo = next((key for key in keys if nearest(key, ["type"])), None)
        if typo is not None:
            hint = f"did you mean `type:` for `{typo}:`? the types are: " + ", ".join(
                QUESTION_TYPES
            )
        code = "missing-key"
    elif kind == "enum" and path and path[-1] == "skill":
        skills = [s.value for s in Skill]
        guess = nearest(str(value), skills)
        message = f"unknown skill '{value}'"
        hint = (
            (f"did you mean '{guess}'? " if guess else "") + "the skills are: " + ", ".join(skills)
        )
        code = "unknown-skill"
    elif kind in ("enum", "literal_error"):
        message = f"{_found(value)} is not allowed here; expected {ctx.get('expected')}"
    elif kind.endswith("_type") or kind in ("model_attributes_type", "model_type"):
        expected = _TYPE_NAMES.get(kind.removesuffix("_type"), kind.removesuffix("_type"))
        if kind in ("model_type", "model_attributes_type", "dict_type"):
            expected = _TYPE_NAMES["dict"]
        message = f"expected {expected} here, found {_found(value)}"
        if kind == "string_type" and isinstance(value, bool):
            hint = "write true/false/yes/no between quotes when you mean the words"
    elif kind == "bool_parsing":
        message = f"expected true or false (vrai/faux, yes/no), found {_found(value)}"
    elif kind in ("int_parsing", "int_from_float", "int_parsing_size") or (
        kind == "finite_number" and path and path[-1] in _WHOLE_NUMBERS
    ):
        expected = _WHOLE_NUMBERS.get(str(path[-1]) if path else "", "a whole number")
        message = f"expected {expected}, found {_found(value)}"
        if kind == "int_parsing_size":
            hint = "a number this long cannot be read: a question set needs a few digits"
    elif kind == "finite_number" or (kind == "float_parsing" and spells_non_finite(value)):
        message = f"expected a finite number, found {_found(value)}"
        hint = _FINITE_HINT
    elif kind == "float_parsing":
        message = f"expected a number, found {_found(value)}"
    elif kind == "number_format":
        message = f"expected a number, found {_found(value)}"
        language = ctx.get("language")
        where = f"the set's language is '{language}'" if language else "with no set language"
        hint = f"{where}: write {ctx.get('forms')}"
    elif kind in ("date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        message = f"expected a date, found {_found(value)}"
        hint = "write dates as YYYY-MM-DD, for example 2013-11-02"
    elif kind == "string_too_short":
        message = "this text is empty"
        hint = "write something, or remove the key if it is optional"
    elif kind == "string_too_long":
        message = f"this text is longer than {ctx.get('max_length')} characters"
    elif kind == "too_short":
        message = f"needs at least {ctx.get('min_length')} items, has {ctx.get('actual_length')}"
    elif kind == "too_long":
        message = f"allows at most {ctx.get('max_length')} items, has {ctx.get('actual_length')}"
    elif kind == "string_pattern_mismatch":
        if path and path[-1] == "language":
            message = f"{_found(value)} is not a language code"
            hint = "use a code such as fr, en, es or pt-BR"
        else:
            message = f"{_found(value)} is not a valid id"
            hint = "ids use letters, digits, '-', '_' and '.', starting with a letter or digit"
    elif kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {
            "greater_than_equal": ("at least", "ge"),
            "greater_than": ("more than", "gt"),
            "less_than_equal": ("at most", "le"),
            "less_than": ("less than", "lt"),
        }[kind]
        message = f"must be {bound[0]} {ctx.get(bound[1])}, found {_found(value)}"
    else:
        message = error["msg"]
    return Finding(path, message, hint, code=code)


def _describe(path: Sequence[str | int]) -> str:
    model = _model_at(path)
    if model is QuestionSet and not path:
        return "set"
    if any(model is kind.model for kind in KINDS.values()):
        return "question"
    return _PART_NAMES.get(model, "mapping")
