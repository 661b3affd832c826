"""The generator end to end: article in, validated draft question set out.

`Generator` holds the loaded language models, so that a batch of articles loads each model once.
Nothing here prints or draws: the command line (`quiz generate`) reports progress, warnings and
errors.

Precision comes first: a question whose confidence is below `MIN_CONFIDENCE` is left out of the
set unless `keep_all` is asked for (`quiz generate --all`), and then it is marked in the file.
Input that is not a news article is refused with the reason, before any question is written.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from quiz.core.diagnostics import QuestionSetError
from quiz.core.loader import parse_question_set
from quiz.core.models import QuestionSet
from quiz.core.text import normalise_for_search
from quiz.generate.clean import Page, language_scores, split_zones
from quiz.generate.extract import Facts, extract
from quiz.generate.html import looks_like_html, page_from_html
from quiz.generate.languages import PROFILES, LanguageProfile, UnknownLanguage, profile
from quiz.generate.nlp import LanguageModel, load_model
from quiz.generate.questions import candidates
from quiz.generate.rank import select
from quiz.generate.understand import analyse
from quiz.generate.writer import (
    dump,
    header,
    mark_low_confidence,
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
MIN_BODY_WORDS = 60
"""Fewer words of running text than this is a caption, a one-liner or a teaser, not an article."""
MIN_CONFIDENCE = 0.8
"""Questions below this confidence are left out unless asked for: measured on the development
corpus, questions at or above it have a right key at least 98% of the time."""


class GenerationError(Exception):
    """The article cannot be turned into a set; the message says why, for the teacher."""


@dataclass(frozen=True)
class Article:
    """An article as given: a name for messages and the header, and its raw text or HTML."""

    name: str
    raw: str
    notes: tuple[str, ...] = ()
    """What reading it involved that the teacher should know ("read as UTF-16")."""


@dataclass
class GeneratedSet:
    yaml_text: str
    article_text: str
    """The cleaned page, to be saved as the set's `text_file`."""
    question_set: QuestionSet
    facts: Facts
    language: str
    degraded: bool
    warnings: list[str] = field(default_factory=list)
    """What the teacher should know about this article before using the set."""
    left_out: int = 0
    """Questions written but left out for low confidence (kept, marked, with `keep_all`)."""


class Generator:
    """Generates draft sets; each language's model is loaded on first use and then kept."""

    def __init__(
        self,
        language: str = "auto",
        max_questions: int = DEFAULT_MAX_QUESTIONS,
        pipelines: dict[str, str] | None = None,
        *,
        keep_all: bool = False,
    ) -> None:
        if language != "auto":
            try:
                profile(language)
            except UnknownLanguage as error:
                raise GenerationError(str(error)) from None
        if max_questions < 1:
            raise GenerationError("--max must be at least 1")
        self.language = language
        self.max_questions = max_questions
        self.keep_all = keep_all
        self._pipelines = pipelines or {}
        self._models: dict[str, LanguageModel] = {}
        self.loads = 0
        """How many models were loaded: a batch of articles in one language loads one."""

    def model(self, language: str) -> LanguageModel:
        if language not in self._models:
            self._models[language] = load_model(profile(language), self._pipelines.get(language))
            self.loads += 1
        return self._models[language]

    def page(self, article: Article) -> tuple[Page, str]:
        """The article's zones and its language (given, or detected from the text)."""
        page, chosen, _ = self._read(article)
        return page, chosen.code

    def _read(self, article: Article) -> tuple[Page, LanguageProfile, list[str]]:
        if len(article.raw) > MAX_ARTICLE_CHARS:
            raise GenerationError(
                f"{article.name}: {len(article.raw):,} characters is more than one article "
                f"({MAX_ARTICLE_CHARS:,} at most)"
            )
        warnings = list(article.notes)
        is_html = looks_like_html(article.raw)
        first_guess = profile(self.language if self.language != "auto" else next(iter(PROFILES)))
        if is_html:
            page = page_from_html(article.raw, first_guess)
            sample = "\n".join(page.body)
        else:
            sample = article.raw
        chosen = self._language_of(article, sample, warnings)
        if not is_html or chosen is not first_guess:
            page = (
                page_from_html(article.raw, chosen) if is_html else split_zones(article.raw, chosen)
            )
        if not page.body:
            raise GenerationError(
                f"{article.name}: no article body found (no paragraph of running text)"
            )
        return page, chosen, warnings

    def _language_of(self, article: Article, sample: str, warnings: list[str]) -> LanguageProfile:
        """The language asked for, or the detected one; refused when the text is plainly in
        another language than the one asked for (an English article never gets French prompts)."""
        scores = language_scores(sample)
        detected = max(PROFILES, key=lambda code: scores[code])
        if self.language == "auto":
            if scores[detected] < 10:
                warnings.append(
                    f"the language was hard to tell ({PROFILES[detected].name} assumed): "
                    "give --lang if it is wrong"
                )
            return profile(detected)
        asked = self.language
        if detected != asked and scores[detected] >= 10 and scores[detected] > 3 * scores[asked]:
            raise GenerationError(
                f"{article.name}: the article reads as {PROFILES[detected].name}, not "
                f"{PROFILES[asked].name}: use --lang {detected} (or --lang auto)"
            )
        return profile(asked)

    def generate(
        self, article: Article, *, set_id: str | None = None, text_file: str | None = None
    ) -> GeneratedSet:
        """Generate and validate a set; `text_file` is the name the cleaned article will have."""
        page, chosen, warnings = self._read(article)
        _check_is_an_article(article, page, chosen)
        model = self.model(chosen.code)
        analysis = analyse(page.body, model)
        facts = extract(page, analysis)
        if page.opinion:
            warnings.append(
                "the page marks itself as opinion: its sentences are the author's views, so no "
                "question asks whether one is a fact"
            )
        article_text = page.text
        searchable = normalise_for_search(article_text)
        pool = [c for c in candidates(facts) if valid_question(question_fields(c, 0), searchable)]
        confident = [c for c in pool if c.confidence >= MIN_CONFIDENCE]
        chosen_pool = pool if self.keep_all else confident
        # The core's cross-field checks run on the chosen few only (they are the costly part); a
        # question that fails one is dropped and the next best takes its place.
        while True:
            chosen_questions = select(chosen_pool, self.max_questions)
            failing = [c for c in chosen_questions if not passes_core_checks(question_fields(c, 0))]
            if not failing:
                break
            chosen_pool = [c for c in chosen_pool if all(c is not f for f in failing)]
        if not chosen_questions:
            if pool and not self.keep_all:
                raise GenerationError(
                    f"{article.name}: no question is sure enough to propose from this text "
                    f"({len(pool)} below confidence {MIN_CONFIDENCE}: --all writes them, marked)"
                )
            raise GenerationError(f"{article.name}: no question could be written from this text")
        left_out = len({(c.kind, c.subject) for c in pool if c.confidence < MIN_CONFIDENCE})
        questions = [question_fields(c, n) for n, c in enumerate(chosen_questions, start=1)]
        identifier = set_id or slug(page.headline or article.name)
        document = set_document(
            set_id=identifier,
            page=page,
            profile=chosen,
            questions=questions,
            text_file=text_file,
        )
        text = dump(
            document,
            header(
                source=article.name,
                model=model.description,
                degraded=model.degraded,
                degraded_reason=chosen.pipeline_missing,
                language=chosen.code,
                text_file=text_file,
                published_from=page.published_from,
                warnings=warnings,
                left_out=0 if self.keep_all else left_out,
                min_confidence=MIN_CONFIDENCE,
            ),
        )
        if self.keep_all:
            low = [q["id"] for q in questions if q["draft"]["confidence"] < MIN_CONFIDENCE]
            text = mark_low_confidence(text, low)
        # The same check `quiz check` runs; the evidence was already checked against the page.
        try:
            unlinked = without_text_file(text, text_file) if text_file else text
            question_set = parse_question_set(unlinked, path=f"{identifier}.yaml")
        except QuestionSetError as error:  # a bug in a template: say so, with the details
            raise GenerationError(
                f"{article.name}: the generated set is invalid:\n{error}"
            ) from error
        return GeneratedSet(
            text,
            article_text,
            question_set,
            facts,
            chosen.code,
            model.degraded,
            warnings,
            0 if self.keep_all else left_out,
        )


_NEWS_SIGNS = re.compile(r"[«»\"]|\b\d{4}\b")


def _check_is_an_article(article: Article, page: Page, chosen: LanguageProfile) -> None:
    """Refuse what is no news article before any question is written about it."""
    body = "\n".join(page.body)
    words = len(body.split())
    if words < MIN_BODY_WORDS:
        raise GenerationError(
            f"{article.name}: {words} words of running text is too short for a news article "
            f"(at least {MIN_BODY_WORDS}); give the whole article"
        )
    days = re.compile(
        r"\b(?:" + "|".join(re.escape(d) for d in (*chosen.weekdays, *chosen.months)) + r")\b",
        re.IGNORECASE,
    )
    # Names of people and places in the middle of sentences: a news story is about someone
    # somewhere; a recipe or a manual is not.
    names = set(re.findall(r"(?<=[a-zà-ÿ,] )[A-ZÀ-Þ][\w'-]+", body))
    if not (
        chosen.reporting.search(body)
        or _NEWS_SIGNS.search(body)
        or days.search(body)
        or len(names) >= 2
    ):
        raise GenerationError(
            f"{article.name}: this does not read like a news article (nobody is quoted or "
            "reported, no date, no one named): the generator writes questions about news reports"
        )


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
