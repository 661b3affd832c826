"""From an article to a draft under review, for the teacher's view: the draft is written beside
the article, as `quiz generate ARTICLE -o ITS_FOLDER/` writes it — or, when that draft is already
there (a review under way), it is reviewed as it is, never generated over.
"""

from __future__ import annotations

from pathlib import Path

from quiz.generate.files import SET_SUFFIX


class DraftNotMade(Exception):
    """Why no draft came out of the article (the generator's own words)."""


def draft_path(article: Path) -> Path:
    """Where `quiz generate` puts the draft of `article` when told to write beside it."""
    return article.parent / f"{article.stem}{SET_SUFFIX}.yaml"


def draft_for(article: Path) -> Path:
    """The draft of `article`: the one beside it, else a new one generated (spaCy: seconds)."""
    existing = draft_path(article)
    if existing.is_file():
        return existing
    try:
        from quiz.generate import GenerationError, Generator, ModelUnavailable, write_set
        from quiz.generate.files import plan_outputs, read_article
        from quiz.generate.writer import slug
    except ImportError as error:  # the generate extra is not installed
        raise DraftNotMade(
            f"the generator is not installed ({error.name}): pip install 'quiz[generate]'"
        ) from None
    try:
        (plan,) = plan_outputs([str(article)], f"{article.parent}/", force=False)
        assert plan.set_path is not None  # a file, not standard output
        assert plan.text_path is not None
        generated = Generator("auto", 24).generate(
            read_article(plan.source),
            set_id=slug(plan.set_path.stem),
            text_file=plan.text_path.name,
        )
        write_set(generated, plan.set_path, plan.text_path)
    except (GenerationError, ModelUnavailable, OSError) as error:
        raise DraftNotMade(str(error)) from None
    return plan.set_path
