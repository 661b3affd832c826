"""The `quiz` command line: thin commands that parse, call the packages, and print."""

from __future__ import annotations

import sys

import click


@click.group()
def main() -> None:
    """A media-literacy quiz game for the terminal."""


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
def generate(
    articles: tuple[str, ...], output: str | None, lang: str, max_questions: int, force: bool
) -> None:
    """Write a draft question set from each news ARTICLE (text or saved HTML; - reads stdin).

    Every question is marked `draft:` with a confidence and the passage it came from; review them
    before playing. Needs the generator's extra: pip install 'quiz[generate]'.
    """
    from quiz.generate import GenerationError, Generator, ModelUnavailable, write_set
    from quiz.generate.files import plan_outputs, read_article
    from quiz.generate.writer import slug

    try:
        plans = plan_outputs(list(articles), output, force)
        generator = Generator(lang, max_questions)
    except GenerationError as error:
        raise click.ClickException(str(error)) from None

    failures = 0
    announced_degraded = False
    report: list[str] = []  # printed after the progress bar, which would overwrite it
    with click.progressbar(
        plans,
        label="Generating",
        file=sys.stderr,
        item_show_func=lambda plan: plan.source if plan else None,
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
                raise click.ClickException(str(error)) from None
            except (GenerationError, OSError) as error:
                failures += 1
                report.append(str(error))
                continue
            if generated.degraded and not announced_degraded:
                announced_degraded = True
                report.append(
                    "Degraded mode: no trained model for this language, names and roles found "
                    "by rules only (install en_core_web_sm for better English sets)."
                )
            if plan.set_path is not None:
                question_set = generated.question_set
                report.append(
                    f"{plan.set_path}: {len(question_set.questions)} draft questions over "
                    f"{len(question_set.skills)} skills"
                )
    for line in report:
        click.echo(line, err=True)
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
