"""The `quiz` command line: thin wrappers that parse arguments, call the packages, and print."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from quiz.core.diagnostics import QuestionSetError, Severity
from quiz.core.text import clean_text, escape_unsafe
from quiz.paths import bundled_questions_dir

if TYPE_CHECKING:
    from quiz.tui.preload import BrokenSetFile

# The loader (pydantic), the results store and Textual are imported inside the commands that use
# them: `quiz --help` stays instant, and `quiz play` opens its home screen sooner (see
# quiz/tui/preload.py and benchmarks/bench_startup.py).

DB_ENV_VAR = "QUIZ_DB"
"""quiz.store.db.DB_ENV_VAR, repeated so the exports' options need no store import (tested)."""


def _say(text: str, *, err: bool = False, **style: Any) -> None:
    """Print one message. Paths, set texts and error messages are user text: a file named with an
    escape code must not retitle the terminal or write its clipboard, so they are cleaned here as
    on screen (`clean_text`)."""
    click.secho(clean_text(text), err=err, **style)


def _json_escape(character: str) -> str:
    return f"\\u{ord(character):04x}"


class _CleanGroup(click.Group):
    """Click's own usage errors quote what was typed ("Got unexpected extra argument (…)"): they
    are shown cleaned too, the same message otherwise."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as error:
            raise click.UsageError(clean_text(error.format_message()), error.ctx) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise click.UsageError(clean_text(error.format_message()), error.ctx) from None


def _default_question_paths() -> list[Path]:
    """`questions/` in the current folder when there is one, else the sets shipped with quiz."""
    here = Path("questions")
    return [here] if here.is_dir() else [bundled_questions_dir()]


@click.group(
    cls=_CleanGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
)
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
    # Drafts are no mistake: a note, so that none reaches students unnoticed (they are not played).
    with_drafts = [s for s in report.question_sets if s.draft_count]
    if output_format == "json":
        summary = {
            "files": report.files,
            "sets": len(report.question_sets),
            "questions": questions,
            "drafts": sum(s.draft_count for s in report.question_sets),
            "sets_with_drafts": [
                {"path": s.source_path, "id": s.id, "drafts": s.draft_count} for s in with_drafts
            ],
            "errors": errors,
            "warnings": warnings,
            "diagnostics": [d.as_dict() for d in report.diagnostics],
        }
        # Exact paths and messages, every character JSON escapes or not written as \uXXXX: what
        # reads the JSON gets the file's real name, and a terminal shows no escape code raw.
        click.echo(escape_unsafe(json.dumps(summary, ensure_ascii=False, indent=2), _json_escape))
    else:
        for diagnostic in report.diagnostics:
            colour = "red" if diagnostic.severity is Severity.ERROR else "yellow"
            head, _, hint = str(diagnostic).partition("\n")
            _say(head, fg=colour)
            if hint:
                _say(hint)
        for question_set in with_drafts:
            drafts, total = question_set.draft_count, len(question_set.questions)
            path = question_set.source_path or question_set.id
            _say(
                f"{path}: note: {drafts} of {total} {_plural(total, 'question')} "
                f"{'is a draft' if drafts == 1 else 'are drafts'}, left out of games until "
                f"reviewed: quiz review {path}",
                fg="cyan",
            )
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


# --- results store: the teacher's CSV exports (quiz/store) ---------------------------------------


def _export_options(*, statistics: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The options every export shares; `statistics` adds the set-file folder for prompts."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        options = [
            click.argument("set_argument", metavar="SET"),
            click.option(
                "--db",
                "db_path",
                type=click.Path(dir_okay=False, path_type=Path),
                envvar=DB_ENV_VAR,
                help=f"The results database (default: ${DB_ENV_VAR}, else the user's data folder).",
            ),
            click.option(
                "-o",
                "--output",
                type=click.Path(dir_okay=False, path_type=Path),
                help="The CSV file to write (replaced atomically); default: standard output.",
            ),
            click.option(
                "--delimiter",
                default=",",
                show_default=True,
                help="Cell separator: ',' ';' 'tab' or '|'. Use ';' for French-locale Excel "
                "(decimals then use a comma).",
            ),
            click.option("--class", "class_name", help="Only the players of this class."),
            click.option(
                "--set-version",
                metavar="HASH",
                help="The version of the set (content hash, or its start); default: the newest.",
            ),
            click.option(
                "--all-versions", is_flag=True, help="Every version of the set, each on its own."
            ),
            click.option(
                "--session",
                type=click.IntRange(1),
                metavar="GAME",
                help="Only the players of this live game (the number `quiz host` shows).",
            ),
        ]
        if statistics:
            options.append(
                click.option(
                    "--questions",
                    "questions_dir",
                    type=click.Path(file_okay=False, path_type=Path),
                    help="Where to find the set file when SET is an id (default: bundled sets).",
                )
            )
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _export(kind: str, set_argument: str, **options: Any) -> None:
    """Resolve SET, open the database, build the table, write the CSV; errors are one clear line."""
    from quiz.store.csv_export import check_delimiter, write_csv
    from quiz.store.db import ResultsStore, StoreError, default_db_path
    from quiz.store.exports import ExportRequest, build_export
    from quiz.store.sets import resolve_set

    try:
        delimiter = check_delimiter(options["delimiter"])
    except ValueError as error:
        raise click.BadParameter(clean_text(str(error)), param_hint="--delimiter") from error
    # Only the report and the skills need the set's questions; the others need its id alone.
    questions_dir = None
    if "questions_dir" in options:
        questions_dir = options["questions_dir"] or bundled_questions_dir()
    try:
        target = resolve_set(set_argument, questions_dir)
    except QuestionSetError as error:
        _say(str(error), err=True)
        sys.exit(1)
    request = ExportRequest(
        kind,
        target,
        class_name=options.get("class_name"),
        all_attempts=options.get("all_attempts", False),
        set_version=options.get("set_version"),
        all_versions=options.get("all_versions", False),
        decimal_comma=delimiter == ";",
        session=options.get("session"),
    )
    output = options.get("output")
    try:
        # Read-only: nothing is written, so a database on a read-only disk or folder exports too.
        database = options.get("db_path") or default_db_path()
        with ResultsStore.open(database, read_only=True) as store:
            export = build_export(store, request)
            count = write_csv(
                export.header, export.rows, output, delimiter=delimiter, prepared=export.prepared
            )
    except BrokenPipeError:
        # The reader stopped early (`quiz answers SET | head`): not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except (StoreError, OSError) as error:
        _say(f"error: {error}", err=True)
        sys.exit(1)
    for note in export.notes:
        _say(f"note: {note}", err=True)
    if output is not None:
        _say(f"wrote {count} {'row' if count == 1 else 'rows'} to {output}", err=True)


@main.command()
@_export_options(statistics=False)
@click.option(
    "--all-attempts", is_flag=True, help="Rank every finished attempt, not each best one."
)
def leaderboard(set_argument: str, **options: Any) -> None:
    """Rank the players of SET (a set file or id): rank, player, class, score, accuracy, time."""
    _export("leaderboard", set_argument, **options)


@main.command()
@_export_options(statistics=True)
@click.option("--all-attempts", is_flag=True, help="Every finished attempt, not only each first.")
def report(set_argument: str, **options: Any) -> None:
    """Per question of SET: facility, discrimination, mean time, wrong choices picked."""
    _export("report", set_argument, **options)


@main.command()
@_export_options(statistics=False)
def answers(set_argument: str, **options: Any) -> None:
    """Every answer to SET: one row per student per question, unfinished games included."""
    _export("answers", set_argument, **options)


@main.command()
@_export_options(statistics=True)
@click.option("--all-attempts", is_flag=True, help="Every finished attempt, not only each first.")
def skills(set_argument: str, **options: Any) -> None:
    """Per student, the percentage right in each media-literacy skill of SET."""
    _export("skills", set_argument, **options)


@main.command()
@_export_options(statistics=False)
def attempts(set_argument: str, **options: Any) -> None:
    """Every attempt at SET, finished or unfinished, with how far it got."""
    _export("attempts", set_argument, **options)


# --- end of results store ------------------------------------------------------------------------


# --- interop: Moodle GIFT and XML, Aiken, the Kahoot! spreadsheet (quiz.interop) -----------------

INTEROP_FORMATS = ("gift", "moodle-xml", "aiken", "kahoot-xlsx")
"""quiz.interop.registry.FORMAT_NAMES, repeated so that `quiz --help` imports no models (tested)."""


def _print_diagnostics(diagnostics: list[Any]) -> None:
    """Located errors and warnings on standard error, as `quiz check` prints them."""
    for diagnostic in diagnostics:
        colour = "red" if diagnostic.severity is Severity.ERROR else "yellow"
        head, _, hint = clean_text(str(diagnostic)).partition("\n")
        click.secho(head, fg=colour, err=True)
        if hint:
            click.echo(hint, err=True)


def _replace_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` in one step: an interrupted write leaves the old file whole."""
    temporary = path.with_name(f".{path.name}.partial")
    temporary.write_bytes(data)
    os.replace(temporary, path)


@main.command("import")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "format_name",
    type=click.Choice(INTEROP_FORMATS),
    help="The file's format; by default it is recognised from the file.",
)
@click.option(
    "-o",
    "--output",
    metavar="SET.yaml|-",
    help="Where to write the set (default: the file's name with .yaml, here); - prints it.",
)
@click.option("--lang", help="The questions' language (fr, en…) when the file does not say.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def import_command(
    source: Path, format_name: str | None, output: str | None, lang: str | None, force: bool
) -> None:
    """Import a question bank: Moodle GIFT or XML, Aiken, or a Kahoot! spreadsheet.

    The set written passes `quiz check`. What the file lacks (a skill, an explanation, an evidence
    quote) is filled with a placeholder marked DRAFT and the question marked `draft:` for you to
    complete; what quiz cannot hold is listed, question by question. Needs the interop extra:
    pip install 'quiz[interop]' (Aiken needs nothing more).
    """
    from quiz.interop import FormatUnavailable, InteropError, import_file

    target = Path(output) if output and output != "-" else Path(source.name.split(".")[0] + ".yaml")
    if output != "-":
        if target.suffix not in (".yaml", ".yml"):
            raise click.BadParameter("a set file ends in .yaml", param_hint="-o")
        if target.exists() and not force:
            raise click.ClickException(f"{target} exists: choose another -o, or add --force")
        if target.resolve() == source.resolve():
            raise click.ClickException(f"{target} is the file being imported: choose another -o")
    try:
        result = import_file(source, target, format_name=format_name, language=lang)
    except InteropError as error:
        _print_diagnostics(error.diagnostics)
        sys.exit(1)
    except FormatUnavailable as error:
        raise click.ClickException(str(error)) from None
    _print_diagnostics(result.diagnostics)
    count = len(result.question_set.questions)
    if output == "-":
        click.echo(result.yaml_text, nl=False)
    else:
        try:
            _replace_file(target, result.yaml_text.encode("utf-8"))
        except OSError as error:
            raise click.ClickException(f"cannot write {target}: {error.strerror}") from None
    left_out = sum(1 for d in result.diagnostics if d.code == "not-held")
    _say(
        f"{'printed' if output == '-' else f'wrote {target}:'} {count} "
        f"{_plural(count, 'question')} from {result.format.title}"
        + (f", {result.drafts} marked draft: to complete" if result.drafts else "")
        + (f"; {left_out} left out" if left_out else ""),
        err=True,
    )


@main.command("export")
@click.argument("set_argument", metavar="SET")
@click.option(
    "--to", "format_name", type=click.Choice(INTEROP_FORMATS), required=True, help="The format."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (replaced in one step); default: standard output.",
)
def export_command(set_argument: str, format_name: str, output: Path | None) -> None:
    """Write SET (a set file, or the id of a bundled set) for Moodle, Aiken or Kahoot!.

    What the format cannot hold is listed, question by question, at the question's line in the
    set's file; nothing is cut short or dropped without a line saying so. Needs the interop extra:
    pip install 'quiz[interop]' (Aiken needs nothing more).
    """
    from quiz.interop import FormatUnavailable, InteropError, export_set
    from quiz.store.sets import resolve_set

    try:
        target = resolve_set(set_argument, bundled_questions_dir())
    except QuestionSetError as error:
        _print_diagnostics(error.diagnostics)
        sys.exit(1)
    if target.question_set is None:
        raise click.ClickException(
            f"no set file is named {set_argument}, and no bundled set has that id"
        )
    try:
        result = export_set(target.question_set, format_name)
    except InteropError as error:
        _print_diagnostics(error.diagnostics)
        sys.exit(1)
    except FormatUnavailable as error:
        raise click.ClickException(str(error)) from None
    if output is None and result.format.binary and sys.stdout.isatty():
        raise click.ClickException(
            f"{result.format.title} is a binary file: give -o FILE{result.format.suffix}"
        )
    _print_diagnostics(result.diagnostics)
    for note in result.notes:
        _say(f"note: {note}", err=True)
    if output is None:
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
    else:
        try:
            _replace_file(output, result.data)
        except OSError as error:
            raise click.ClickException(f"cannot write {output}: {error.strerror}") from None
    total = len(target.question_set.questions)
    _say(
        f"{'wrote ' + str(output) + ':' if output else 'printed'} {result.exported} of {total} "
        f"{_plural(total, 'question')} as {result.format.title}"
        + (f"; {total - result.exported} left out" if result.exported < total else ""),
        err=True,
    )


# --- generate: draft question sets from news articles (quiz.generate) -----------------------------


@main.command()
@click.argument("articles", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    metavar="FILE|DIR",
    help="Where to write: a .yaml file (one article), a folder, or - to print the set.",
)
@click.option(
    "--lang",
    type=click.Choice(["auto", "fr", "en"]),
    default="auto",
    show_default=True,
    help="The article's language.",
)
@click.option(
    "--max",
    "max_questions",
    type=click.IntRange(1, 200),
    default=24,  # quiz.generate's DEFAULT_MAX_QUESTIONS, not imported: `quiz --help` stays light
    show_default=True,
    help="At most this many questions per set.",
)
@click.option("--force", is_flag=True, help="Replace sets that already exist.")
@click.option(
    "--all",
    "keep_all",
    is_flag=True,
    help="Keep low-confidence questions too (marked LOW CONFIDENCE in the file).",
)
def generate(
    articles: tuple[str, ...],
    output: str | None,
    lang: str,
    max_questions: int,
    force: bool,
    keep_all: bool,
) -> None:
    """Write a draft question set from each news ARTICLE (text or saved HTML; - reads stdin).

    Every question is marked `draft:` with a confidence and the passage it came from; review them
    before playing. Questions the generator is less sure of are left out unless --all is given.
    Needs the generator's extra: pip install 'quiz[generate]'.
    """
    from quiz.generate import GenerationError, Generator, ModelUnavailable, write_set
    from quiz.generate.files import plan_outputs, read_article
    from quiz.generate.writer import slug

    try:
        plans = plan_outputs(list(articles), output, force)
        generator = Generator(lang, max_questions, keep_all=keep_all)
    except GenerationError as error:
        raise click.ClickException(clean_text(str(error))) from None

    failures = 0
    announced_degraded: set[str] = set()
    report: list[str] = []  # printed after the progress bar, which would overwrite it
    with click.progressbar(
        plans,
        label="Generating",
        file=sys.stderr,
        item_show_func=lambda plan: clean_text(plan.source) if plan else None,
        hidden=len(plans) < 2,  # one article: no bar, just the result line
    ) as progress:
        for plan in progress:
            try:
                article = read_article(plan.source)
                set_id = slug(plan.set_id) if plan.set_id else None
                text_file = plan.text_path.name if plan.text_path else None
                generated = generator.generate(article, set_id=set_id, text_file=text_file)
                if plan.set_path is None:
                    click.echo(generated.yaml_text, nl=False)
                else:
                    write_set(generated, plan.set_path, plan.text_path)
            except ModelUnavailable as error:
                raise click.ClickException(clean_text(str(error))) from None
            except (GenerationError, OSError) as error:
                failures += 1
                report.append(str(error))
                continue
            if generated.degraded and generated.language not in announced_degraded:
                announced_degraded.add(generated.language)
                report.append(
                    f"Rules-only mode ({generated.language}): no trained language model for this "
                    "language, so names and roles are found by rules and the sets are shorter."
                )
            name = plan.source if plan.set_path is None else str(plan.set_path)
            report.extend(f"{name}: warning: {w}" for w in generated.warnings)
            if plan.set_path is not None:
                question_set = generated.question_set
                left_out = (
                    f" ({generated.left_out} less sure left out: --all keeps them)"
                    if generated.left_out
                    else ""
                )
                report.append(
                    f"{plan.set_path}: {len(question_set.questions)} draft questions over "
                    f"{len(question_set.skills)} skills{left_out}"
                )
    for line in report:
        _say(line, err=True)
    if failures:
        raise SystemExit(1)


# --- review: a draft set, question by question (quiz.review, quiz/tui/screens/review.py) ----------


@main.command()
@click.argument("set_file", metavar="SET", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    help="Language of the interface (the questions keep their own); by default the locale's.",
)
def review(set_file: Path, lang: str | None) -> None:
    """Review a draft set: accept, edit or drop each question beside the article, then save.

    Saving keeps the file's comments and layout, removes the `draft:` block of the questions
    accepted or edited and the questions dropped; a file changed on disk meanwhile is not
    overwritten. Keys: a accept, d drop, u undo, e edit, o $EDITOR, Ctrl+S save, F1 help.
    """
    from quiz.review.session import ReviewSession
    from quiz.review.set_file import ReviewError

    try:
        session = ReviewSession.open(set_file)
    except ReviewError as error:
        for message in error.messages:
            click.secho(clean_text(message), fg="red", err=True)
        sys.exit(1)
    from quiz.tui.i18n import detect_language
    from quiz.tui.review_app import ReviewApp

    ReviewApp(session, language=lang or detect_language()).run()


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
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=DB_ENV_VAR,
    help=f"The results database (default: ${DB_ENV_VAR}, else the user's data folder).",
)
@click.option(
    "--teacher",
    is_flag=True,
    help="Enable the teacher's view (F3): every player's results, and the CSV exports.",
)
@click.option(
    "--include-drafts",
    is_flag=True,
    help="Also play questions still marked `draft:` (not reviewed: see `quiz review`).",
)
def play(
    paths: tuple[Path, ...],
    lang: str | None,
    player: str | None,
    class_name: str | None,
    seed: int | None,
    rule: str | None,
    db_path: Path | None = None,
    teacher: bool = False,
    include_drafts: bool = False,
) -> None:
    """Play question sets: PATHS are set files or folders; by default the bundled sets.

    A file that fails to load is named on standard error and on the home screen with its first
    located error, and the other sets are played; when no set loads, nothing starts (status 1).
    Questions still marked `draft:` are left out unless --include-drafts.
    """
    from quiz.tui.preload import preload_sets, spare_core

    # The sets load in a forked child (see quiz.tui.preload), alongside the import of Textual when
    # a processor is free for it.
    pending = preload_sets(paths or [bundled_questions_dir()])
    if not spare_core():
        pending.wait()
    from quiz.tui.app import QuizApp
    from quiz.tui.i18n import detect_language

    found = pending.result()
    _report_broken(found.broken, none_loaded=not found.summaries)
    scoring_rule = None
    if rule:
        from quiz.core.models import ScoringRule

        scoring_rule = ScoringRule(rule)
    from quiz.tui.store_sink import StoreSink

    sink = StoreSink(db_path)  # None: $QUIZ_DB, else the user's data folder
    app = QuizApp(
        found.entries(),
        broken=found.broken,
        unverified=not found.verified,
        language=lang or detect_language(),
        player=player,
        class_name=class_name,
        seed=seed,
        rule=scoring_rule,
        sink=sink,
        teacher=teacher,
        include_drafts=include_drafts,
    )
    sink.attach(app)
    try:
        app.run()
    finally:
        sink.close()  # the last answers are written before the process ends
        unsaved = sink.unsaved()
        if unsaved is not None:  # no answer is lost without a word
            _say(f"warning: {unsaved}", fg="yellow", err=True)
    # Sets listed from their YAML alone were checked while the game ran: name what that found.
    found_later = [file for file in app.broken if file not in found.broken]
    _report_broken(found_later, none_loaded=False)


def _report_broken(broken: Sequence[BrokenSetFile], *, none_loaded: bool) -> None:
    """Name on standard error each file that did not load, with its first located error (as the
    home screen does); stop with status 1 when no set loaded at all."""
    if broken:
        count = len(broken)
        head = "no question set could be loaded" if none_loaded else "playing the other sets"
        _say(f"{count} {_plural(count, 'file')} could not be loaded; {head}:", fg="red", err=True)
        for file in broken:
            more = file.errors - 1
            extra = f" (+{more} more {_plural(more, 'error')})" if more else ""
            _say(f"  {file.describe()}{extra}", fg="red", err=True)
        click.echo("`quiz check` on these files shows every error and how to fix it.", err=True)
    if none_loaded and broken:
        sys.exit(1)


# --- classroom: the game in browser tabs (quiz/tui/serve.py) --------------------------------------


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="0.0.0.0: the whole network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=DB_ENV_VAR,
    help=f"The results database every tab writes into (default: ${DB_ENV_VAR}, else the user's "
    "data folder).",
)
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    help="Language of the interface in every tab; by default the locale's.",
)
@click.option("--public-url", help="The address students open, if not http://HOST:PORT.")
# A class, on its teacher's machine: each tab's `quiz play` takes about 50 MB of memory.
@click.option(
    "--max-players",
    default=40,
    show_default=True,
    type=click.IntRange(1, 200),
    help="Games at once; the next tabs are told the quiz is full (each takes ~50 MB).",
)
@click.option(
    "--include-drafts",
    is_flag=True,
    help="Also play questions still marked `draft:` (not reviewed: see `quiz review`).",
)
def serve(
    paths: tuple[Path, ...],
    host: str,
    port: int,
    db_path: Path | None,
    lang: str | None,
    public_url: str | None,
    max_players: int,
    include_drafts: bool = False,
) -> None:
    """Serve the game to browsers: each tab is a player writing into the same database.

    PATHS are set files or folders; by default the bundled sets. Only this machine can connect
    unless --host says otherwise (see docs/serve.md for what opening it to the network exposes).
    The teacher's view is never served: use `quiz play --teacher` on your own terminal.
    """
    from quiz.store.db import StoreError, default_db_path
    from quiz.tui import serve as serving
    from quiz.tui.i18n import detect_language

    if db_path is None:
        db_path = default_db_path()
        db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = serving.check_database(db_path)
    except StoreError as error:
        _say(f"error: {error}", err=True)
        sys.exit(1)
    from quiz.tui.preload import load_summaries, verify_sets

    sets = list(paths) or [bundled_questions_dir()]
    found = verify_sets(load_summaries(sets))  # said once here; each tab's home names them too
    _report_broken(found.broken, none_loaded=not found.summaries)
    url = public_url or serving.public_url(host, port)
    command = serving.play_command(db, sets, lang, include_drafts=include_drafts)
    _say(f"Serving the quiz on {url} (results in {db}); Ctrl+C stops it.")
    if host not in serving.LOOPBACK_HOSTS:
        click.echo(
            "Anyone who can reach this machine can play and write results: no login, no "
            "encryption. Use a trusted network only (see docs/serve.md).",
            err=True,
        )
        if public_url is None and "//127." in url:
            click.echo(
                "This machine's name resolves only to itself: find its network address "
                "(ip addr, ipconfig) and pass it with --public-url http://ADDRESS:PORT.",
                err=True,
            )
    try:
        serving.serve(command, host, port, url, max_players, lang or detect_language())
    except OSError as error:  # the port is taken, or the address is not this machine's
        _say(f"error: cannot serve on {host}:{port}: {error.strerror or error}", err=True)
        sys.exit(1)


# --- live class games: the host's screen and the students' clients (quiz/live, quiz/tui) ----------


@main.command()
@click.argument("set_path", metavar="SET", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--host",
    "listen_host",
    default="127.0.0.1",
    show_default=True,
    help="0.0.0.0: the classroom network (see docs/live.md for what that exposes).",
)
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=DB_ENV_VAR,
    help=f"The results database (default: ${DB_ENV_VAR}, else the user's data folder).",
)
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    help="Language of the interface (the projector's and the browser page's).",
)
@click.option(
    "--rule",
    type=click.Choice(["classic", "accuracy", "practice"]),  # quiz.core.models.ScoringRule
    help="Scoring rule, instead of the set's own (a resumed game keeps its rule).",
)
@click.option("--seed", type=int, help="Fixes the shuffles (a resumed game keeps its seed).")
@click.option(
    "--new", is_flag=True, help="Start a new game even if this set has an unfinished one."
)
@click.option("--public-url", help="The address students open, if not http://HOST:PORT.")
def host(
    set_path: Path,
    listen_host: str,
    port: int,
    db_path: Path | None,
    lang: str | None,
    rule: str | None,
    seed: int | None,
    new: bool,
    public_url: str | None,
) -> None:
    """Host a live class game of SET (a set file) on this screen (a projector).

    Students join with `quiz join HOST:PORT` or in a browser at http://HOST:PORT/, with the code
    the screen shows; you start each question, and reveal it when the time is up. An unfinished
    game of the same set is resumed (--new starts another). Only this machine can join unless
    --host says otherwise.
    """
    from quiz.core.loader import load_question_set

    try:
        question_set = load_question_set(set_path)
    except QuestionSetError as error:
        click.echo(clean_text(str(error)), err=True)
        sys.exit(1)
    from quiz.live.hosting import listening_socket

    try:
        sock = listening_socket(listen_host, port)
    except OSError as error:  # the port is taken, or the address is not this machine's
        click.echo(
            f"error: cannot listen on {listen_host}:{port}: {error.strerror or error}", err=True
        )
        sys.exit(1)
    from quiz.core.models import ScoringRule
    from quiz.tui.i18n import detect_language
    from quiz.tui.live_host import LiveHostApp
    from quiz.tui.serve import public_url as address_for

    url = (public_url or address_for(listen_host, port)).rstrip("/")
    local_only = listen_host in ("127.0.0.1", "localhost", "::1")
    app = LiveHostApp(
        question_set,
        sock,
        db_path,
        language=lang or detect_language(),
        url=url,
        address=url.split("//", 1)[-1],
        local_only=local_only,
        rule=ScoringRule(rule) if rule else None,
        seed=seed,
        new=new,
    )
    app.run()
    sys.exit(app.return_code or 0)


@main.command()
@click.argument("address", metavar="HOST[:PORT]")
@click.option("--code", help="The game's code, shown on the teacher's screen.")
@click.option("--name", help="Your name in the game.")
@click.option("--class", "class_name", help="Your class.")
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    help="Language of the interface (the questions keep their own); by default the locale's.",
)
def join(
    address: str, code: str | None, name: str | None, class_name: str | None, lang: str | None
) -> None:
    """Join the live game the teacher hosts at HOST[:PORT] (the port is 8765 unless told).

    Without --code and --name, asks for them. A dropped connection is retried, and running this
    again gets you back into the same game with your score.
    """
    from quiz.live.client import parse_address

    try:
        host_name, port = parse_address(address)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="HOST[:PORT]") from None
    from quiz.tui.i18n import detect_language
    from quiz.tui.live_join import LiveJoinApp

    LiveJoinApp(
        host_name,
        port,
        code=code,
        name=name,
        class_name=class_name,
        language=lang or detect_language(),
    ).run()
