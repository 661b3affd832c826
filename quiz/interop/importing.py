"""`quiz import`: a foreign question bank in, a question set that passes `quiz check` out.

What the file gives is kept as written; what a set needs and the file lacks (a skill, an
explanation, an evidence quote, the article's headline) is filled with a placeholder that says
so, and the question is marked `draft:` with a comment naming what to complete — nothing is
invented. Questions quiz has no form for, and details it cannot hold, are reported at their line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from quiz.core.checks import check_questions
from quiz.core.diagnostics import Diagnostic, QuestionSetError, Severity
from quiz.core.loader import parse_question_set
from quiz.core.models import Article, Defaults, Question, QuestionBase, QuestionSet
from quiz.core.question_base import in_field_order
from quiz.core.text import clean_text, strip_accents
from quiz.interop.errors import InteropError
from quiz.interop.limits import check_question_count, read_source
from quiz.interop.model import Bank, Format, ReadQuestion
from quiz.interop.registry import detect_format, get_format

_QUESTION: TypeAdapter[QuestionBase] = TypeAdapter(Question)
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}")
PLACEHOLDER_SKILL = "comprehension"
"""The schema needs a skill: this one stands in, and the question's comment says to choose."""

# The placeholders start with a word a teacher (and `grep`) finds at once.
_PLACEHOLDERS = {
    "en": {
        "explanation": "DRAFT: explain why this is the answer (the imported file gave no explanation).",
        "evidence": "DRAFT: quote the words of the article that hold the answer.",
        "headline": "DRAFT: the headline of the article these questions are about",
    },
    "fr": {
        "explanation": "BROUILLON : explique pourquoi c'est la réponse (le fichier importé n'en donnait pas).",
        "evidence": "BROUILLON : cite les mots de l'article qui donnent la réponse.",
        "headline": "BROUILLON : le titre de l'article dont parlent ces questions",
    },
}
_SET_ORDER = ("id", "title", "language", "description", "article", "defaults")


@dataclass
class ImportResult:
    """The set as YAML text (already checked as `quiz check` would), and the import's report."""

    yaml_text: str
    question_set: QuestionSet
    format: Format
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Warnings located in the imported file: questions left out, details quiz cannot hold."""
    drafts: int = 0


def import_file(
    path: Path, output: Path, *, format_name: str | None = None, language: str | None = None
) -> ImportResult:
    """Read `path` (its format named or detected) into a set to be saved as `output`.

    Raises `InteropError` (located errors) for a file that cannot be read, and `FormatUnavailable`
    when the format's library is not installed.
    """
    data = read_source(path)
    fmt = get_format(format_name) if format_name else detect_format(data, path)
    bank = fmt.read(data, str(path))
    check_question_count(len(bank.questions), str(path))
    return _build_set(bank, fmt, path, output, language)


def _build_set(
    bank: Bank, fmt: Format, source: Path, output: Path, language: str | None
) -> ImportResult:
    name = str(source)
    diagnostics = list(bank.warnings)

    def warn(line: int, column: int, message: str, hint: str | None = None) -> None:
        diagnostics.append(
            Diagnostic(name, line, column, Severity.WARNING, message, hint, code="import")
        )

    set_fields = _valid_set_fields(bank.set_fields, warn)
    chosen_language = language or set_fields.get("language")
    if not chosen_language:
        chosen_language = "en"
        warn(1, 1, "the file does not say its language: the set is marked 'en'", "use --lang fr")
    placeholders = _PLACEHOLDERS.get(str(chosen_language)[:2], _PLACEHOLDERS["en"])

    article = dict(set_fields.get("article") or {"headline": placeholders["headline"]})
    linked = article.get("text_file")
    if linked and not (output.parent / str(linked)).is_file():
        del article["text_file"]
        warn(
            1,
            1,
            f"the set linked the article text '{linked}', which is not beside {output.name}: "
            "the link is left out",
            "copy the article's text file there and add `text_file:` back under `article:`",
        )

    questions: list[dict[str, Any]] = []
    comments: list[list[str]] = []
    drafts = 0
    used_ids: set[str] = set()
    for number, read in enumerate(bank.questions, start=1):
        fields, missing = _complete(read, number, used_ids, placeholders)
        problem = _problem(fields)
        if problem is not None:
            warn(read.line, read.column, f"question not imported: {problem}")
            continue
        used_ids.add(fields["id"])
        comment = [f"from {source.name}:{read.line}"]
        if missing:
            drafts += 1
            to_do = ", ".join(
                f"skill ('{PLACEHOLDER_SKILL}' stands in)" if key == "skill" else key
                for key in missing
            )
            comment.append(f"to complete: {to_do}; then remove `draft:`")
        for note in read.notes:
            warn(read.line, read.column, f"question '{fields['id']}': {note}")
            comment.append(f"not imported: {note}")
        questions.append(fields)
        comments.append(comment)
    if not questions:
        raise InteropError(
            [
                *diagnostics,
                Diagnostic(
                    name,
                    1,
                    1,
                    Severity.ERROR,
                    f"no question of this {fmt.title} file can be imported",
                    "the warnings above say why for each one",
                    code="nothing-to-import",
                ),
            ]
        )

    document: dict[str, Any] = {
        "id": set_fields.get("id") or _slug(source.name.split(".")[0]) or "imported",
        "title": set_fields.get("title") or bank.title or source.stem,
        "language": chosen_language,
    }
    if set_fields.get("description"):
        document["description"] = set_fields["description"]
    document["article"] = article
    if set_fields.get("defaults"):
        document["defaults"] = set_fields["defaults"]
    yaml_text = _render(document, questions, comments, _header(source, fmt, drafts))
    try:
        question_set = parse_question_set(yaml_text, str(output), output.parent)
    except QuestionSetError as error:  # a fault of this module, not of the file: say where
        raise InteropError(error.diagnostics) from None
    return ImportResult(yaml_text, question_set, fmt, sorted(diagnostics), drafts)


def _valid_set_fields(
    values: dict[str, Any], warn: Callable[[int, int, str], None]
) -> dict[str, Any]:
    """The `quiz-set:` comment's fields that are valid; a broken one is reported and left out."""
    kept: dict[str, Any] = {}
    for key, value in values.items():
        try:
            if key == "article":
                Article.model_validate(value)
            elif key == "defaults":
                Defaults.model_validate(value)
            elif key == "id":
                if not (isinstance(value, str) and _IDENTIFIER.fullmatch(value)):
                    raise ValueError
            elif key in ("title", "language", "description"):
                if not (isinstance(value, str) and value.strip()):
                    raise ValueError
            else:
                warn(1, 1, f"the quiz-set comment's key '{key}' is not known: left out")
                continue
        except (ValidationError, ValueError):
            warn(1, 1, f"the quiz-set comment's '{key}' is not valid: left out")
            continue
        kept[key] = clean_text(value) if isinstance(value, str) else value
    return kept


def _complete(
    read: ReadQuestion, number: int, used_ids: set[str], placeholders: dict[str, str]
) -> tuple[dict[str, Any], list[str]]:
    """The question's fields with an id and, for what the file lacked, marked placeholders."""
    fields = dict(read.fields)
    fields["id"] = _unique_id(read.name, number, used_ids)
    missing = [key for key in ("skill", "explanation", "evidence") if not fields.get(key)]
    for key in missing:
        fields[key] = PLACEHOLDER_SKILL if key == "skill" else placeholders[key]
    if missing and "draft" not in fields:
        # Confidence 0: nobody has written these parts yet.
        fields["draft"] = {"confidence": 0.0}
    ordered = in_field_order(fields)
    return ordered, missing


def _problem(fields: dict[str, Any]) -> str | None:
    """Why quiz cannot hold the question as read, in a teacher's words; None when it can."""
    try:
        question = _QUESTION.validate_python(fields)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"][1:]) or "question"
        return f"{where}: {first['msg']}"
    for finding in check_questions([(0, question)]):
        # A warning (a category no item has…) is the teacher's choice: `quiz check` shows it.
        if finding.severity is Severity.ERROR:
            return finding.message
    return None


def _unique_id(name: str | None, number: int, used: set[str]) -> str:
    """The file's own name for the question when it is a valid id, else one made from it."""
    base = ""
    if name:
        name = name.strip()
        base = name if _IDENTIFIER.fullmatch(name) else _slug(name)
    base = base or f"q{number:02d}"
    candidate, suffix = base, 2
    while candidate in used:
        candidate = f"{base[:75]}-{suffix}"
        suffix += 1
    return candidate


def _slug(text: str, limit: int = 60) -> str:
    words = re.findall(r"[a-z0-9]+", strip_accents(text).casefold())
    result = ""
    for word in words:
        if len(result) + len(word) + 1 > limit:
            break
        result = f"{result}-{word}" if result else word
    return result


def _header(source: Path, fmt: Format, drafts: int) -> str:
    lines = [f"Imported by `quiz import` from {source.name} ({fmt.title})."]
    if drafts:
        lines += [
            f"{drafts} question(s) are marked `draft:`: the file gave no skill, explanation or "
            "evidence for them.",
            "The comment above each says what to complete; placeholders start with DRAFT or "
            "BROUILLON.",
            "Complete them, check every key against the article, then remove the `draft:` block.",
        ]
    return "".join(f"# {_one_line(line)}\n" for line in lines)


class _NoAliasDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Never an anchor or alias: the loader refuses them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(value: Any) -> str:
    return yaml.dump(
        value,
        Dumper=_NoAliasDumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )


def _render(
    document: dict[str, Any],
    questions: list[dict[str, Any]],
    comments: list[list[str]],
    header: str,
) -> str:
    """The set as YAML, each question preceded by its comment lines."""
    parts = [header, _dump({key: document[key] for key in _SET_ORDER if key in document})]
    parts.append("questions:\n")
    for fields, comment in zip(questions, comments, strict=True):
        parts.append("".join(f"  # {_one_line(line)}\n" for line in comment))
        item = _dump([fields])
        parts.append("".join(f"  {line}\n" if line else "\n" for line in item.splitlines()))
    return "".join(parts)


def _one_line(text: str) -> str:
    return " ".join(clean_text(text).split())
