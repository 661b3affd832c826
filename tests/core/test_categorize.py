"""`type: categorize` in the core: the model read from real YAML, every located `quiz check`
message, grading with partial credit, the words for feedback and reports, the stored form, and
the shuffle a player sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.core.answers import (
    CategorizeAnswer,
    ChoiceAnswer,
    decode_answer,
    describe_answer,
    describe_key,
    encode_answer,
    grade,
    right_answer,
)
from quiz.core.diagnostics import Severity
from quiz.core.kinds import kind_of
from quiz.core.loader import check_paths, load_question_set
from quiz.core.models import CategorizeQuestion, QuestionSet
from quiz.core.session import GameSession, GameSettings

DATA = Path(__file__).parent.parent / "data" / "categorize"
SET_FILE = DATA / "trier.yaml"


@pytest.fixture(scope="module")
def question_set() -> QuestionSet:
    return load_question_set(SET_FILE)


@pytest.fixture(scope="module")
def question(question_set: QuestionSet) -> CategorizeQuestion:
    [only] = question_set.questions
    assert isinstance(only, CategorizeQuestion)
    return only


# --- Loading a real file ------------------------------------------------------------------------


def test_a_categorize_question_loads_from_yaml_with_its_key(question: CategorizeQuestion) -> None:
    assert question.categories == ["Fait vérifiable", "Opinion", "Hypothèse", "Rumeur"]
    assert question.items[0].text == "Les ministres se sont rencontrés samedi à Tokyo."
    # "opinion" names "Opinion": case and accents do not matter, as for a choice's `answer:`.
    assert question.key == (0, 1, 2, 0)
    assert kind_of(question).name == "categorize"


def test_a_category_no_item_belongs_to_is_a_located_warning_not_an_error() -> None:
    report = check_paths([SET_FILE])
    assert report.errors == []
    [warning] = [w for w in report.warnings if w.code != "evidence-unchecked"]
    line = SET_FILE.read_text(encoding="utf-8").splitlines()[warning.line - 1]
    assert (line[warning.column - 1 :], warning.code) == ("Rumeur]", "empty-category")
    assert warning.severity is Severity.WARNING
    assert warning.message == "no item belongs to the category 'Rumeur'"
    assert warning.hint is not None
    assert "this is allowed" in warning.hint


def _check(tmp_path: Path, text: str) -> list[tuple[int, int, str, str, str | None]]:
    path = tmp_path / "set.yaml"
    path.write_text(text, encoding="utf-8")
    report = check_paths([path])
    return [(d.line, d.column, d.code, d.message, d.hint) for d in report.errors]


SET_HEAD = """\
id: essai
title: Essai
language: fr
article: {headline: Titre}
questions:
  - id: trier
    type: categorize
    skill: fact_vs_opinion
    prompt: Classe chaque phrase.
    explanation: Parce que.
    evidence: Une citation.
"""


def test_an_item_in_no_listed_category_is_an_error_that_lists_the_categories(
    tmp_path: Path,
) -> None:
    errors = _check(
        tmp_path,
        SET_HEAD
        + """\
    categories: [Fait, Opinion]
    items:
      - {text: Une réunion a eu lieu., category: Fait}
      - {text: C'est un bon départ., category: Opinon}
""",
    )
    assert errors == [
        (
            15,
            len("      - {text: C'est un bon départ., category: ") + 1,
            "unknown-category",
            "'Opinon' is not one of the categories",
            "did you mean 'Opinion'? the categories are: 'Fait', 'Opinion' "
            "(or add it to `categories:`)",
        )
    ]


def test_repeated_categories_and_items_are_errors_at_the_repeat(tmp_path: Path) -> None:
    errors = _check(
        tmp_path,
        SET_HEAD
        + """\
    categories: [Fait, Opinion, fait]
    items:
      - {text: Une réunion a eu lieu., category: Fait}
      - {text: Une  réunion a eu lieu, category: Opinion}
""",
    )
    assert [(line, column, code) for line, column, code, _, _ in errors] == [
        (12, 33, "duplicate"),
        (15, 9, "duplicate"),
    ]
    assert errors[0][3] == "this category repeats category 1 ('Fait') (see line 12)"
    assert errors[1][3] == "this item repeats item 1 ('Une réunion a eu lieu.') (see line 14)"


@pytest.mark.parametrize(
    ("lists", "where", "message"),
    [
        (
            "categories: [Fait]\n    items: [{text: a, category: Fait}, {text: b, category: Fait}]",
            (12, 17),
            "needs at least 2 items, has 1",
        ),
        (
            "categories: [A, B, C, D, E, F, G]\n    items: [{text: a, category: A}, "
            "{text: b, category: B}]",
            (12, 17),
            "allows at most 6 items, has 7",
        ),
        (
            "categories: [Fait, Opinion]\n    items: [{text: a, category: Fait}]",
            (13, 12),
            "needs at least 2 items, has 1",
        ),
    ],
    ids=["one-category", "seven-categories", "one-item"],
)
def test_the_counts_of_categories_and_items_are_located_errors(
    tmp_path: Path, lists: str, where: tuple[int, int], message: str
) -> None:
    errors = _check(tmp_path, SET_HEAD + f"    {lists}\n")
    assert [(line, column, text) for line, column, _, text, _ in errors] == [(*where, message)]


def test_an_unknown_key_in_an_item_lists_an_items_keys(tmp_path: Path) -> None:
    errors = _check(
        tmp_path,
        SET_HEAD
        + """\
    categories: [Fait, Opinion]
    items:
      - {text: a, category: Fait}
      - {text: b, categorie: Opinion}
""",
    )
    [(line, column, code, message, hint)] = errors
    assert (line, column, code) == (15, 19, "unknown-key")
    assert message == "unknown key 'categorie' in this item"
    assert hint == "did you mean 'category'? allowed keys: category, text"


# --- Grading, words, storage ----------------------------------------------------------------------


def test_credit_is_the_share_of_items_placed_right(question: CategorizeQuestion) -> None:
    assert grade(question, CategorizeAnswer((0, 1, 2, 0))).correct
    three_of_four = grade(question, CategorizeAnswer((0, 1, 3, 0)))
    assert (three_of_four.fraction, three_of_four.correct) == (0.75, False)
    # An item left in no category is not placed right.
    assert grade(question, CategorizeAnswer((0, None, None, 0))).fraction == 0.5
    assert grade(question, CategorizeAnswer((None, None, None, None))).fraction == 0.0
    assert grade(question, right_answer(question)).correct


def test_an_answer_that_does_not_fit_is_refused(question: CategorizeQuestion) -> None:
    with pytest.raises(ValueError, match="has 4 items: the answer must place each of them, not 3"):
        grade(question, CategorizeAnswer((0, 1, 2)))
    with pytest.raises(
        ValueError, match=r"has 4 categories \(0 to 3\), the answer names category 4"
    ):
        grade(question, CategorizeAnswer((0, 1, 2, 4)))
    with pytest.raises(TypeError, match="takes a CategorizeAnswer, not a ChoiceAnswer"):
        grade(question, ChoiceAnswer(frozenset({0})))


def test_answer_and_key_read_as_item_and_category(question: CategorizeQuestion) -> None:
    assert describe_answer(question, CategorizeAnswer((1, 1, 2, None)), language="fr") == (
        "Les ministres se sont rencontrés samedi à Tokyo. → Opinion; "
        "Nous avons pris un bon départ. → Opinion; "
        "Le rapprochement pourrait s'expliquer par la montée de la Chine. → Hypothèse; "
        "Les deux pays ont annoncé des exercices communs. → —"
    )
    assert describe_answer(question, CategorizeAnswer((None,) * 4)) == "—"
    assert describe_key(question, language="fr").startswith(
        "Les ministres se sont rencontrés samedi à Tokyo. → Fait vérifiable; "
    )


@pytest.mark.parametrize("placements", [(0, 1, 2, 0), (None, 3, None, 1)])
def test_an_answer_is_stored_and_read_back(placements: tuple[int | None, ...]) -> None:
    answer = CategorizeAnswer(placements)
    stored = encode_answer(answer)
    assert stored == {"kind": "categorize", "placements": list(placements)}
    assert decode_answer(stored) == answer


@pytest.mark.parametrize(
    "stored",
    [
        {"kind": "categorize", "placements": [0, "1"]},
        {"kind": "categorize", "placements": [True, 0]},
        {"kind": "categorize"},
    ],
)
def test_a_damaged_stored_answer_is_refused(stored: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="not a stored answer"):
        decode_answer(stored)


# --- Play -----------------------------------------------------------------------------------------


def test_items_are_shuffled_from_the_seed_and_scored_like_any_question(
    question_set: QuestionSet,
) -> None:
    orders = set()
    for seed in range(8):
        session = GameSession(question_set, GameSettings("Léa", seed=seed))
        presented = session.start_question(0.0)
        assert sorted(presented.item_order) == [0, 1, 2, 3]
        assert presented.choice_order == ()  # the categories keep the file's order
        assert (
            presented.displayed_items[0][1]
            == question_set.questions[0].items[presented.item_order[0]].text
        )  # type: ignore[attr-defined]
        again = GameSession(question_set, GameSettings("Léa", seed=seed)).start_question(0.0)
        assert again.item_order == presented.item_order
        orders.add(presented.item_order)
        if seed == 0:
            result = session.answer(CategorizeAnswer((0, 1, 3, 0)), 6.0)
            # CLASSIC: 1000 × 0.75 × (1 − 0.5 × 6 / 60), no streak bonus for a partial answer.
            assert (result.points, result.correct, result.streak) == (713, False, 0)
            assert result.answer_text.endswith(
                "montée de la Chine. → Rumeur; "
                "Les deux pays ont annoncé des exercices communs. "
                "→ Fait vérifiable"
            )
    assert len(orders) > 1, "the seed changes the order"
