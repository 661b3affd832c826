"""`quiz serve` before it serves: the command each tab runs, the address students open, and the
databases and sets it refuses with one clear line (no traceback)."""

from __future__ import annotations

import shutil
import socket
import sys
from pathlib import Path

from click.testing import CliRunner

from quiz.cli import main
from quiz.tui.serve import play_command, public_url

DATA = Path(__file__).resolve().parents[1] / "data"


def test_each_tab_runs_quiz_play_on_the_absolute_database_and_sets(tmp_path: Path) -> None:
    odd = tmp_path / 'it\'s a "set" folder; rm -rf ~'
    words = play_command(Path("class.sqlite3"), [odd], "fr")  # run as it is: no shell reads it
    assert words[:4] == [sys.executable, "-m", "quiz", "play"]
    assert words[4:6] == ["--db", str(Path("class.sqlite3").absolute())]
    assert words[6:] == ["--lang", "fr", "--", str(odd)]
    assert "--teacher" not in words  # served tabs are students


def test_a_wildcard_host_is_announced_with_an_address_browsers_can_reach() -> None:
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    url = public_url("0.0.0.0", 8080)
    assert url.startswith("http://")
    assert url.endswith(":8080")
    assert "0.0.0.0" not in url


def test_a_file_that_is_not_a_database_stops_the_server_with_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database, but long enough to be read as one\n" * 100)
    result = CliRunner().invoke(main, ["serve", "--db", str(notes)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "is not a quiz results database" in result.output
    assert "Traceback" not in result.output


def test_a_folder_as_database_is_refused_by_the_option(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory" in result.output


def test_a_database_in_a_missing_folder_stops_the_server(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "nope" / "x.sqlite3")])
    assert result.exit_code == 1
    assert "does not exist" in result.output


def test_when_no_set_loads_the_server_stops_before_any_tab_fails(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\ntitle: x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "db.sqlite3"), str(broken)])
    assert result.exit_code == 1
    assert "1 file could not be loaded; no question set could be loaded:" in result.stderr
    assert f"{broken}:1:1: missing required key" in result.stderr


def test_a_broken_file_is_named_and_the_good_sets_are_served(tmp_path: Path) -> None:
    """One broken file no longer stops the class: the server goes on to serve the good sets (here
    it then stops at once, on a port this test holds, so that the test need not stop a server)."""
    folder = tmp_path / "sets"
    shutil.copytree(DATA / "numbers", folder)
    (folder / "broken.yaml").write_text("id: broken\ntitle: x\n", encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        arguments = ["serve", "--db", str(tmp_path / "db.sqlite3"), "--port", str(port)]
        result = CliRunner().invoke(main, [*arguments, str(folder)])
    assert "1 file could not be loaded; playing the other sets:" in result.stderr
    assert f"{folder / 'broken.yaml'}:1:1: missing required key 'language'" in result.stderr
    assert "Serving the quiz on" in result.stdout  # it went on with the two good sets
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr
