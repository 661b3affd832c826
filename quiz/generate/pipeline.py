"""The generator end to end: article in, validated draft question set out.

`Generator` holds the loaded language models, so that a batch of articles loads each model once.
Nothing here prints or draws: the command line (`quiz generate`) reports progress and errors.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from quiz.core.diagnostics import QuestionSetError
from quiz.core.loader import parse_question_set
from quiz.core.models import QuestionSet
from quiz.core.text import normalise_for_search
from quiz.generate.clean import Page, detect_language, split_zones
from quiz.generate.extract import Facts, extract
from quiz.generate.html import looks_like_html, page_from_html
from quiz.generate.nlp import LanguageModel, load_model
from quiz.generate.questions import candidates
from quiz.generate.rank import select
from quiz.generate.understand import analyse
from quiz.generate.writer import (
    dump,
    header,
    passes_core_checks,
    question_fields,
    set_document,
    slug,
    valid_question,
    without_text_file,
)

DEFAULT_MAX_QUESTIONS = 24
MAX_ARTICLE_CHARS = 400_000
"""A news article is a few thousand characters; a whole saved site is refused, not parsed."""


class GenerationError(Exception):
    """The article cannot be turned into a set; the message says why, for the teacher."""


@dataclass(frozen=True)
class Article:
    """An article as given: a name for messages and the header, and its raw text or HTML."""

    name: str
    raw: str


@dataclass
class GeneratedSet:
    yaml_text: str
    article_text: str
    """The cleaned page, to be saved as the set's `text_file`."""
    question_set: QuestionSet
    facts: Facts
    language: str
    degraded: bool


class Generator:
    """Generates draft sets; each language's model is loaded on first use and then kept."""

    def __init__(
        self,
        language: str = "auto",
        max_questions: int = DEFAULT_MAX_QUESTIONS,
        pipelines: dict[str, str] | None = None,
    ) -> None:
        if language not in ("auto", "fr", "en"):
            raise GenerationError(f"unknown language '{language}': use auto, fr or en")
        if max_questions < 1:
            raise GenerationError("--max must be at least 1")
        self.language = language
        self.max_questions = max_questions
        self._pipelines = pipelines or {}
        self._models: dict[str, LanguageModel] = {}
        self.loads = 0
        """How many models were loaded: a batch of articles in one language loads one."""

    def model(self, language: str) -> LanguageModel:
        if language not in self._models:
            self._models[language] = load_model(language, self._pipelines.get(language))
            self.loads += 1
        return self._models[language]

    def page(self, article: Article) -> tuple[Page, str]:
        """The article's zones and its language (given, or detected from the text)."""
        if len(article.raw) > MAX_ARTICLE_CHARS:
            raise GenerationError(
                f"{article.name}: {len(article.raw):,} characters is more than one article "
                f"({MAX_ARTICLE_CHARS:,} at most)"
            )
        is_html = looks_like_html(article.raw)
        if is_html:
            page = page_from_html(article.raw, self.language)
            sample = "\n".join(page.body)
        else:
            sample = article.raw
        language = self.language if self.language != "auto" else detect_language(sample)
        if not is_html:
            page = split_zones(article.raw, language)
        if not page.body:
            raise GenerationError(
                f"{article.name}: no article body found (no paragraph of running text)"
            )
        return page, language

    def generate(
        self, article: Article, *, set_id: str | None = None, text_file: str | None = None
    ) -> GeneratedSet:
        """Generate and validate a set; `text_file` is the name the cleaned article will have."""
        page, language = self.page(article)
        model = self.model(language)
        analysis = analyse(page.body, model)
        facts = extract(page, analysis)
        article_text = page.text
        searchable = normalise_for_search(article_text)
        pool = [
            c
            for c in candidates(facts, model.degraded)
            if valid_question(question_fields(c, 0), searchable)
        ]
        # The core's cross-field checks run on the chosen few only (they are the costly part); a
        # question that fails one is dropped and the next best takes its place.
        while True:
            chosen = select(pool, self.max_questions)
            failing = [c for c in chosen if not passes_core_checks(question_fields(c, 0))]
            if not failing:
                break
            pool = [c for c in pool if all(c is not f for f in failing)]
        if not chosen:
            raise GenerationError(f"{article.name}: no question could be written from this text")
        questions = [question_fields(c, n) for n, c in enumerate(chosen, start=1)]
        identifier = set_id or slug(page.headline or article.name)
        document = set_document(
            set_id=identifier,
            page=page,
            language=language,
            questions=questions,
            text_file=text_file,
        )
        text = dump(
            document,
            header(
                source=article.name,
                model=model.description,
                degraded=model.degraded,
                language=language,
                text_file=text_file,
                published_from=page.published_from,
            ),
        )
        # The same check `quiz check` runs; the evidence was already checked against the page.
        try:
            unlinked = without_text_file(text, text_file) if text_file else text
            question_set = parse_question_set(unlinked, path=f"{identifier}.yaml")
        except QuestionSetError as error:  # a bug in a template: say so, with the details
            raise GenerationError(
                f"{article.name}: the generated set is invalid:\n{error}"
            ) from error
        return GeneratedSet(text, article_text, question_set, facts, language, model.degraded)


def write_set(generated: GeneratedSet, set_path: Path, text_path: Path | None) -> None:
    """Write the article text, then the set, and check the set as `quiz check` would."""
    if text_path is not None:
        text_path.write_text(generated.article_text, encoding="utf-8")
    try:
        parse_question_set(generated.yaml_text, path=str(set_path), base_dir=set_path.parent)
    except QuestionSetError as error:  # the linked article text did not read back: say so
        raise GenerationError(f"{set_path}: the set does not check:\n{error}") from error
    temporary = set_path.with_name(set_path.name + ".part")
    temporary.write_text(generated.yaml_text, encoding="utf-8")
    os.replace(temporary, set_path)
