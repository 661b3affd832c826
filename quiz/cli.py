"""The `quiz` command line: thin wrappers that parse arguments, call the packages, and print."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from quiz.core.diagnostics import Severity
from quiz.core.text import clean_text
from quiz.paths import bundled_questions_dir

# The loader (pydantic) and Textual are imported inside the commands that use them: `quiz --help`
# stays instant, and `quiz play` can load the sets while Textual is being imported.


def _default_question_paths() -> list[Path]:
    """`questions/` in the current folder when there is one, else the sets shipped with quiz."""
    here = Path("questions")
    return [here] if here.is_dir() else [bundled_questions_dir()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True)
@click.version_option(package_name="quiz")
@click.pass_context
def main(context: click.Context) -> None:
    """A media-literacy quiz game about real news articles.

    Without a command, opens the game on the bundled question sets (`quiz play`).
    """
    if context.invoked_subcommand is None:
        context.invoke(play)


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
    from quiz.core.loader import check_paths

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
    from quiz.core.schema import question_set_json_schema

    text = json.dumps(question_set_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def _plural(count: int, word: str) -> str:
    return word if count == 1 else f"{word}s"


# --- playing: the Textual game ---------------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    help="Language of the interface (the questions keep their own); by default the locale's.",
)
@click.option("--player", help="The player's name: skips the player screen.")
@click.option("--class", "class_name", help="The player's class (with --player).")
@click.option("--seed", type=int, help="Fixes every shuffle, for a replayable game.")
@click.option(
    "--rule",
    type=click.Choice(["classic", "accuracy", "practice"]),  # quiz.core.models.ScoringRule
    help="Scoring rule for every set, instead of each set's own.",
)
def play(
    paths: tuple[Path, ...],
    lang: str | None,
    player: str | None,
    class_name: str | None,
    seed: int | None,
    rule: str | None,
) -> None:
    """Play question sets: PATHS are set files or folders; by default the bundled sets.

    A set that fails to load is reported with its located errors, and nothing starts (status 1).
    """
    from quiz.tui.preload import PreloadError, preload_sets, spare_core

    # The sets load in a forked child (see quiz.tui.preload), alongside the import of Textual when
    # a processor is free for it.
    pending = preload_sets(paths or [bundled_questions_dir()])
    if not spare_core():
        pending.wait()
    from quiz.tui.app import QuizApp
    from quiz.tui.i18n import detect_language

    try:
        question_sets = pending.result()
    except PreloadError as error:
        for message in error.messages:
            click.secho(clean_text(message), fg="red", err=True)
        sys.exit(1)
    scoring_rule = None
    if rule:
        from quiz.core.models import ScoringRule

        scoring_rule = ScoringRule(rule)
    app = QuizApp(
        question_sets,
        language=lang or detect_language(),
        player=player,
        class_name=class_name,
        seed=seed,
        rule=scoring_rule,
    )
    app.run()
