"""Questions still marked `draft:` are counted, and left out of the set students play."""

from __future__ import annotations

from pathlib import Path

from quiz.core.loader import load_question_set

DATA = Path(__file__).resolve().parents[1] / "data"


def test_a_set_of_drafts_only_has_nothing_to_play() -> None:
    question_set = load_question_set(DATA / "review" / "fr_peche_nordique-quiz.yaml")
    assert question_set.draft_count == 20
    assert question_set.without_drafts() is None


def test_the_played_set_leaves_the_drafts_out_and_is_a_version_of_its_own(tmp_path: Path) -> None:
    text = (DATA / "every_type.yaml").read_text(encoding="utf-8")
    text = text.replace("  - id: city\n", "  - id: city\n    draft: {confidence: 0.4}\n")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "every_type.txt").write_text(
        (DATA / "articles" / "every_type.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    whole = load_question_set(tmp_path / "set.yaml")
    whole_hash = whole.content_hash
    played = whole.without_drafts()
    assert played is not None
    assert whole.draft_count == 1
    assert [q.id for q in played.questions] == [q.id for q in whole.questions[1:]]
    assert played.article_text == whole.article_text
    assert played.source_path == whole.source_path
    assert played.content_hash != whole_hash  # results of the two are never mixed
    assert whole.content_hash == whole_hash
    assert load_question_set(DATA / "every_type.yaml").without_drafts() is not None
