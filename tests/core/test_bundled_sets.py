"""The question sets shipped in `questions/`: they load cleanly, use the whole game, quote truly.

The two sets on the AFP seed article cannot link the article (its text is not ours to ship), so the
loader cannot check their evidence quotes; this test does, against the seed article kept beside the
repository (the `seed_article` fixture), and also checks that each quote points where the answer is: in the dispatch itself, not
in the site's menus around it — unless the question is precisely about those menus.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from quiz.core.loader import check_paths, load_question_set
from quiz.core.models import (
    QUESTION_TYPES,
    HighlightQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderingQuestion,
    QuestionSet,
    SingleChoiceQuestion,
    TextQuestion,
)
from quiz.core.skills import Skill
from quiz.core.text import normalise_answer, normalise_for_search

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "questions"

SEED_SETS = ("afp-2013-japon-russie-2plus2.fr.yaml", "afp-2013-japan-russia-2plus2.en.yaml")
SAMPLE_SET = "conseil-regional-cars-scolaires.fr.yaml"
ALL_SETS = (*SEED_SETS, SAMPLE_SET)

FURNITURE_AFTER_BODY = "À suivre aussi"
"""The first of the site's link blocks that follow the dispatch on the saved page."""


@dataclass(frozen=True)
class SeedPage:
    """The saved page cut into the parts a reader must tell apart, each normalised for search."""

    whole: str
    caption: str
    """Between the headline and the dispatch: the photo caption (printed twice) and its credit."""
    body: str
    """The dispatch itself, from its first paragraph to the site's link blocks."""


def _seed_page(question_set: QuestionSet, seed_article: Path) -> SeedPage:
    raw = seed_article.read_text(encoding="utf-8")
    headline_end = raw.index(question_set.article.headline) + len(question_set.article.headline)
    credit = f"[{question_set.article.photo_credit}]"
    body_start = raw.rindex(credit) + len(credit)
    body_end = raw.index(FURNITURE_AFTER_BODY, body_start)
    return SeedPage(
        whole=normalise_for_search(raw),
        caption=normalise_for_search(raw[headline_end:body_start]),
        body=normalise_for_search(raw[body_start:body_end]),
    )


def _load(name: str) -> QuestionSet:
    return load_question_set(BUNDLED / name)


def test_bundled_folder_loads_with_no_errors_and_only_the_expected_warnings() -> None:
    report = check_paths([BUNDLED])

    assert report.errors == [], "\n".join(str(d) for d in report.errors)
    assert set(ALL_SETS) <= {Path(s.source_path or "").name for s in report.question_sets}
    # The seed sets cannot link the AFP text, so the loader says once per set that it cannot check
    # their quotes; anything else is a real problem.
    warned = sorted((Path(d.path).name, d.code) for d in report.warnings)
    assert warned == sorted((name, "evidence-unchecked") for name in SEED_SETS)


def test_sample_set_links_its_article_and_has_no_warning_at_all() -> None:
    report = check_paths([BUNDLED / SAMPLE_SET])

    assert report.diagnostics == []
    (question_set,) = report.question_sets
    assert question_set.article.text_file is not None
    assert question_set.article_text is not None
    assert len(question_set.questions) >= 10
    assert {q.type for q in question_set.questions} == set(QUESTION_TYPES)
    assert len(question_set.skills) >= 7


@pytest.mark.parametrize("name", SEED_SETS)
def test_seed_set_covers_every_question_type_and_every_skill(name: str) -> None:
    question_set = _load(name)

    assert len(question_set.questions) >= 18
    assert {q.type for q in question_set.questions} == set(QUESTION_TYPES)
    assert question_set.skills == list(Skill)
    assert question_set.article.agency == "AFP"
    assert str(question_set.article.published) == "2013-11-02"
    assert question_set.article.text_file is None, "the AFP text must not ship with quiz"


@pytest.mark.parametrize("name", SEED_SETS)
def test_seed_set_quotes_are_verbatim_and_point_into_the_dispatch(
    name: str, seed_article: Path
) -> None:
    question_set = _load(name)
    page = _seed_page(question_set, seed_article)

    for question in question_set.questions:
        quote = normalise_for_search(question.evidence)
        assert quote in page.whole, f"{question.id}: evidence not in the article: {quote!r}"
        if question.skill is Skill.PAGE_FURNITURE:
            continue  # its answer is in the headline, the caption or the menus: anywhere will do
        # A credit is printed in the caption, so a sourcing question may quote it there.
        allowed = (page.body, page.caption) if question.skill is Skill.SOURCING else (page.body,)
        assert any(quote in part for part in allowed), (
            f"{question.id}: the quote is outside the dispatch's text: {quote!r}"
        )
        if isinstance(question, HighlightQuestion):
            passage = normalise_for_search(question.text)
            assert passage in page.whole, f"{question.id}: the passage is not the article's"


def test_sample_set_highlight_passages_come_from_its_article() -> None:
    question_set = _load(SAMPLE_SET)
    assert question_set.article_text is not None
    article = normalise_for_search(question_set.article_text)
    highlights = [q for q in question_set.questions if isinstance(q, HighlightQuestion)]

    assert highlights
    for question in highlights:
        assert normalise_for_search(question.text) in article, question.id


@pytest.mark.parametrize("name", ALL_SETS)
def test_every_key_is_consistent_with_its_question(name: str) -> None:
    question_set = _load(name)
    ids = [q.id for q in question_set.questions]
    assert len(ids) == len(set(ids))

    for q in question_set.questions:
        if isinstance(q, SingleChoiceQuestion):
            assert len(q.correct_choices) == 1, q.id
        elif isinstance(q, MultipleChoiceQuestion):
            # At least one right and one wrong choice, or there is nothing to think about.
            assert 1 <= len(q.correct_choices) < len(q.choices), q.id
        elif isinstance(q, HighlightQuestion):
            assert 0 < len(q.target_words) < len(q.words), q.id
        elif isinstance(q, TextQuestion):
            assert all(q.accepts(answer) for answer in q.answer), q.id
        elif isinstance(q, NumericQuestion):
            assert q.accepts(q.answer), q.id
        elif isinstance(q, OrderingQuestion):
            assert len({normalise_answer(item) for item in q.items}) == len(q.items), q.id


@pytest.mark.parametrize("name", ALL_SETS)
def test_each_set_is_in_the_language_its_file_name_says(name: str) -> None:
    question_set = _load(name)
    assert name.endswith(f".{question_set.language}.yaml")
    assert question_set.id == name.removesuffix(".yaml")
