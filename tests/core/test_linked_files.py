"""The article a set links (`article.text_file`): only an ordinary file in the set's own folder.

A set is a file anyone can hand a teacher. Whatever it names — an absolute path, `../..`, a link
leading out of its folder, a named pipe, a device, a folder — must give a located error in
`quiz check` and when the set is played, never show the file to students, and never hang.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quiz.core.diagnostics import Diagnostic, QuestionSetError
from quiz.core.loader import check_paths, load_question_set, parse_question_set

DATA = Path(__file__).parent.parent / "data"
EVERY_TYPE = DATA / "every_type.yaml"
ARTICLE = DATA / "articles" / "every_type.txt"
TEXT_FILE_AT = (11, 14)
"""Line and column of `text_file:`'s value in every_type.yaml."""
QUIZ = [sys.executable, "-m", "quiz"]


def _set_linking(folder: Path, linked: str) -> Path:
    """every_type.yaml copied into `folder`, its `text_file:` replaced by `linked`."""
    folder.mkdir(parents=True, exist_ok=True)
    text = EVERY_TYPE.read_text(encoding="utf-8")
    path = folder / "set.yaml"
    path.write_text(text.replace("articles/every_type.txt", linked), encoding="utf-8")
    return path


def _article_error(path: Path) -> Diagnostic:
    [diagnostic] = check_paths([path]).diagnostics
    assert (diagnostic.line, diagnostic.column) == TEXT_FILE_AT
    assert diagnostic.code == "article"
    return diagnostic


@pytest.mark.parametrize("linked", ["/proc/self/environ", "/etc/passwd", "/dev/stdin"])
def test_an_absolute_path_is_refused(tmp_path: Path, linked: str) -> None:
    diagnostic = _article_error(_set_linking(tmp_path, linked))
    assert diagnostic.message == (
        f"{linked}: an absolute path: the article file must be named relative to the set's folder"
    )
    assert diagnostic.hint is not None
    assert "set's folder" in diagnostic.hint


def test_a_path_out_of_the_folder_is_refused_even_when_the_file_exists(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    path = _set_linking(tmp_path / "sets" / "mine", "../../secret.txt")
    diagnostic = _article_error(path)
    assert diagnostic.message == "../../secret.txt: the article file is outside the set's folder"


def test_a_link_leading_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    folder = tmp_path / "sets"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "every_type.txt").symlink_to(outside)
    path = _set_linking(folder, "articles/every_type.txt")
    assert "outside the set's folder" in _article_error(path).message
    with pytest.raises(QuestionSetError):
        load_question_set(path)  # what `quiz play` and each tab of `quiz serve` do


def test_a_link_to_the_environment_of_the_process_is_refused(tmp_path: Path) -> None:
    (tmp_path / "environ.txt").symlink_to("/proc/self/environ")
    diagnostic = _article_error(_set_linking(tmp_path, "environ.txt"))
    assert "outside the set's folder" in diagnostic.message


def test_links_and_dot_dots_that_stay_inside_the_folder_are_fine(tmp_path: Path) -> None:
    folder = tmp_path / "sets"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "real.txt").write_text(ARTICLE.read_text(encoding="utf-8"))
    (folder / "link.txt").symlink_to(folder / "texts" / "real.txt")
    for linked in ("link.txt", "texts/../texts/real.txt", "./texts/real.txt"):
        question_set = load_question_set(_set_linking(folder, linked))
        assert question_set.article_text == ARTICLE.read_text(encoding="utf-8")


def test_a_folder_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    diagnostic = _article_error(_set_linking(tmp_path, "articles"))
    assert diagnostic.message == ("articles: the article file is a folder, not a regular file")


def test_a_set_held_in_a_string_is_confined_to_its_base_folder(tmp_path: Path) -> None:
    text = EVERY_TYPE.read_text(encoding="utf-8").replace(
        "articles/every_type.txt", "../articles/every_type.txt"
    )
    with pytest.raises(QuestionSetError) as raised:
        parse_question_set(text, "generated.yaml", DATA / "valid")
    [diagnostic] = raised.value.diagnostics
    assert "outside the set's folder" in diagnostic.message


# --- Named pipes: refused from their type, without opening them ---------------------------------


@pytest.fixture
def set_linking_a_fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp_path / "article.txt")
    return _set_linking(tmp_path, "article.txt")


def test_a_named_pipe_is_refused_at_once(set_linking_a_fifo: Path) -> None:
    # In a real process with a time-out: a loader that opened the pipe would wait for a writer
    # forever (the test then fails on the time-out instead of hanging).
    start = time.monotonic()
    done = subprocess.run(
        [*QUIZ, "check", str(set_linking_a_fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=set_linking_a_fifo.parent,
    )
    assert done.returncode == 1
    assert (
        f"{set_linking_a_fifo}:11:14: error: article.txt: the article file is a named pipe (FIFO), "
        "not a regular file" in done.stdout
    )
    assert time.monotonic() - start < 30


def test_playing_a_set_that_links_a_named_pipe_stops_with_the_error(
    set_linking_a_fifo: Path, tmp_path: Path
) -> None:
    done = subprocess.run(
        [*QUIZ, "play", "--db", str(tmp_path / "results.sqlite3"), str(set_linking_a_fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        stdin=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert "a named pipe (FIFO), not a regular file" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_set_file_that_became_a_named_pipe_is_refused(tmp_path: Path) -> None:
    # The game loads a set whole from the path its summary recorded: that path may have changed.
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp_path / "set.yaml")
    probe = (
        "import sys\n"
        "from quiz.core.diagnostics import QuestionSetError\n"
        "from quiz.core.loader import load_question_set\n"
        "try:\n"
        "    load_question_set(sys.argv[1])\n"
        "except QuestionSetError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "set.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=tmp_path,
    )
    assert done.stdout.strip() == (
        f"{tmp_path / 'set.yaml'}:1:1: error: the question set file is a named pipe (FIFO), not a "
        "regular file\n    hint: name an ordinary question set file saved as UTF-8 text"
    )
