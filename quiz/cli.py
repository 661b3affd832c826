"""The `quiz` command line: thin wrappers that parse arguments, call the packages, and print."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from quiz.core.diagnostics import Severity
from quiz.core.loader import check_paths
from quiz.core.schema import question_set_json_schema
from quiz.paths import bundled_questions_dir


def _default_question_paths() -> list[Path]:
    """`questions/` in the current folder when there is one, else the sets shipped with quiz."""
    here = Path("questions")
    return [here] if here.is_dir() else [bundled_questions_dir()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quiz")
def main() -> None:
    """A media-literacy quiz game about real news articles."""


# --- question sets -------------------------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: one object with every diagnostic, for editors and CI.",
)
def check(paths: tuple[Path, ...], output_format: str) -> None:
    """Check question sets: every error and warning, located as file:line:col.

    PATHS are set files or folders (searched recursively for .yaml/.yml); by default `questions/`.
    Exits with status 1 when there is any error.
    """
    report = check_paths(paths or _default_question_paths())
    questions = sum(len(s.questions) for s in report.question_sets)
    errors, warnings = len(report.errors), len(report.warnings)
    if output_format == "json":
        summary = {
            "files": report.files,
            "sets": len(report.question_sets),
            "questions": questions,
            "errors": errors,
            "warnings": warnings,
            "diagnostics": [d.as_dict() for d in report.diagnostics],
        }
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        for diagnostic in report.diagnostics:
            colour = "red" if diagnostic.severity is Severity.ERROR else "yellow"
            head, _, hint = str(diagnostic).partition("\n")
            click.secho(head, fg=colour)
            if hint:
                click.echo(hint)
        verdict = "ok" if not errors else "failed"
        click.secho(
            f"{verdict}: {report.files} {_plural(report.files, 'file')}, "
            f"{len(report.question_sets)} {_plural(len(report.question_sets), 'valid set')}, "
            f"{questions} {_plural(questions, 'question')}; "
            f"{errors} {_plural(errors, 'error')}, {warnings} {_plural(warnings, 'warning')}",
            fg="red" if errors else "green",
            bold=True,
        )
    sys.exit(1 if errors else 0)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of question-set files (for editors: see the README)."""
    text = json.dumps(question_set_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def _plural(count: int, word: str) -> str:
    return word if count == 1 else f"{word}s"
