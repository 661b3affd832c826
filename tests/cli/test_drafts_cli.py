"""`quiz check` notes the drafts of each set (a note, not an error); `quiz serve` passes
--include-drafts on to each tab's game."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from quiz.cli import main
from quiz.tui.serve import play_command

DATA = Path(__file__).resolve().parents[1] / "data"
DRAFT = DATA / "review" / "fr_peche_nordique-quiz.yaml"


def test_check_notes_the_drafts_of_each_set_and_still_passes() -> None:
    result = CliRunner().invoke(main, ["check", str(DRAFT), str(DATA / "every_type.yaml")])
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if ": note: " in line]
    assert notes == [
        f"{DRAFT}: note: 20 of 20 questions are drafts, left out of games until reviewed: "
        f"quiz review {DRAFT}"
    ]
    assert "0 errors, 0 warnings" in result.output


def test_check_in_json_counts_the_drafts() -> None:
    result = CliRunner().invoke(main, ["check", "--format", "json", str(DRAFT)])
    report = json.loads(result.output)
    assert report["drafts"] == 20
    assert report["sets_with_drafts"] == [
        {"path": str(DRAFT), "id": "fr-peche-nordique-quiz", "drafts": 20}
    ]
    assert report["errors"] == 0


def test_serve_passes_include_drafts_to_every_tab() -> None:
    assert "--include-drafts" in play_command(Path("c.sqlite3"), [DRAFT], None, include_drafts=True)
    assert "--include-drafts" not in play_command(Path("c.sqlite3"), [DRAFT], None)
