"""A class plays a categorize question into a real database: `quiz report` counts, per item, how
often each category was chosen, and `quiz answers` carries each student's placements."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from quiz.cli import main
from quiz.core.answers import CategorizeAnswer, encode_answer
from quiz.core.loader import load_question_set
from quiz.core.session import GameSession, GameSettings
from quiz.store.db import ResultsStore

SET_FILE = Path(__file__).parent.parent / "data" / "categorize" / "trier.yaml"
# Items: a meeting (Fait vérifiable), "a good start" (Opinion), "pourrait" (Hypothèse), exercises
# (Fait vérifiable). Categories: 0 Fait vérifiable, 1 Opinion, 2 Hypothèse, 3 Rumeur.
CLASS = {
    "Léa": (0, 1, 2, 0),
    "Hugo": (0, 0, 2, 0),
    "Inès": (0, 0, 3, None),
}


def _play_class(db: Path) -> None:
    """Each student's game as the app records it: the session grades, the store keeps it."""
    question_set = load_question_set(SET_FILE)
    with ResultsStore.open(db) as store:
        for player, placements in CLASS.items():
            session = GameSession(question_set, GameSettings(player, "5e B", seed=1))
            attempt = store.start_attempt(
                player,
                "5e B",
                question_set.id,
                question_set.content_hash,
                question_set.title,
                str(session.rule),
                len(session.questions),
                session.seed,
            )
            presented = session.start_question(0.0)
            result = session.answer(CategorizeAnswer(placements), 10.0)
            assert result.answer is not None
            store.record_answer(
                attempt,
                result.question_id,
                str(result.skill),
                presented.number,
                result.answer_text,
                encode_answer(result.answer),
                result.correct,
                result.grade.fraction,
                result.elapsed,
                result.points,
                result.timed_out,
            )
            session.finish()
            store.finish_attempt(attempt)


def _export(kind: str, db: Path, tmp_path: Path) -> list[dict[str, str]]:
    output = tmp_path / f"{kind}.csv"
    result = CliRunner().invoke(
        main, [kind, str(SET_FILE), "--db", str(db), "-o", str(output)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    with output.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_report_counts_each_category_chosen_for_each_item(tmp_path: Path) -> None:
    db = tmp_path / "classe.sqlite3"
    _play_class(db)
    [row] = _export("report", db, tmp_path)
    assert (row["question id"], row["answers"], row["facility %"]) == (
        "fait-ou-opinion",
        "3",
        "66.7",  # (1 + 0.75 + 0.25) / 3
    )
    assert row["picks per item"].split(" | ") == [
        "Les ministres se sont rencontrés samedi à Tokyo. → "
        "Fait vérifiable (3) ✓ · Opinion (0) · Hypothèse (0) · Rumeur (0)",
        "Nous avons pris un bon départ. → "
        "Fait vérifiable (2) · Opinion (1) ✓ · Hypothèse (0) · Rumeur (0)",
        "Le rapprochement pourrait s'expliquer par la montée de la Chine. → "
        "Fait vérifiable (0) · Opinion (0) · Hypothèse (2) ✓ · Rumeur (1)",
        "Les deux pays ont annoncé des exercices communs. → "
        "Fait vérifiable (2) ✓ · Opinion (0) · Hypothèse (0) · Rumeur (0) · — (1)",
    ]
    assert row["wrong choices picked"] == (
        "Nous avons pris un bon départ. → Fait vérifiable (2) | "
        "Le rapprochement pourrait s'expliquer par la montée de la Chine. → Rumeur (1) | "
        "Les deux pays ont annoncé des exercices communs. → — (1)"
    )


def test_the_answers_export_carries_each_placement(tmp_path: Path) -> None:
    db = tmp_path / "classe.sqlite3"
    _play_class(db)
    rows = {r["player"]: r for r in _export("answers", db, tmp_path)}
    assert set(rows) == set(CLASS)
    assert rows["Hugo"]["answer"] == (
        "Les ministres se sont rencontrés samedi à Tokyo. → Fait vérifiable; "
        "Nous avons pris un bon départ. → Fait vérifiable; "
        "Le rapprochement pourrait s'expliquer par la montée de la Chine. → Hypothèse; "
        "Les deux pays ont annoncé des exercices communs. → Fait vérifiable"
    )
