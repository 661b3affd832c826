"""A question-set file opened for review: its exact text and data, where each question sits in
it, and saving a new text in one atomic step — refused when the file changed on disk meanwhile.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quiz.core.diagnostics import Diagnostic, Severity
from quiz.core.set_reading import MAX_FILE_BYTES, read_text_file
from quiz.core.yaml_reader import YamlProblem, read_yaml
from quiz.review import splice


class ReviewError(Exception):
    """Why a set cannot be opened for review or saved: lines as `quiz check` prints them."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


class ChangedOnDisk(ReviewError):
    """The file is no longer what was opened: saving would overwrite someone else's changes."""


def _problem(path: Path, line: int, column: int, message: str, hint: str | None = None) -> str:
    return str(Diagnostic(str(path), line, column, Severity.ERROR, message, hint))


@dataclass
class SetFile:
    """The text of a set file as read, its plain data, and its questions' nodes in the text."""

    path: Path
    text: str
    bom: bool
    data: dict[str, Any]
    doc: splice.Text
    root: yaml.MappingNode
    questions_key: yaml.Node
    questions_node: yaml.SequenceNode

    @classmethod
    def open(cls, path: Path) -> SetFile:
        """Read `path` within the loader's limits; `ReviewError` when it cannot be reviewed."""
        text = read_text_file(path, MAX_FILE_BYTES, "question set")
        if isinstance(text, Diagnostic):
            raise ReviewError([str(text)])
        try:
            with path.open("rb") as stream:
                bom = stream.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8
        except OSError as error:
            message = f"cannot read the file: {error.strerror}"
            raise ReviewError([_problem(path, 1, 1, message)]) from None
        return cls.parse(path, text, bom=bom)

    @classmethod
    def parse(cls, path: Path, text: str, *, bom: bool = False) -> SetFile:
        """A set from its text, as if read from `path`."""
        try:
            result = read_yaml(text)
        except YamlProblem as problem:
            raise ReviewError(
                [
                    _problem(
                        path, problem.line + 1, problem.column + 1, problem.message, problem.hint
                    )
                ]
            ) from None
        if result.problems:
            raise ReviewError(
                [
                    _problem(path, p.line + 1, p.column + 1, p.message, p.hint)
                    for p in result.problems
                ]
            )
        data = result.data
        root = splice.compose(text)
        questions = data.get("questions") if isinstance(data, dict) else None
        if not isinstance(root, yaml.MappingNode) or not isinstance(questions, list):
            where = root.start_mark if root is not None else None  # where the loader points
            raise ReviewError(
                [
                    _problem(
                        path,
                        where.line + 1 if where else 1,
                        where.column + 1 if where else 1,
                        "nothing to review: the file is not a set with a `questions:` list",
                        "run `quiz check` on it to see what is wrong",
                    )
                ]
            )
        found = splice.entry(root, "questions")
        assert found is not None  # the data has the key, so does the text
        key_node, sequence = found
        line = sequence.start_mark.line + 1
        if not isinstance(sequence, yaml.SequenceNode) or sequence.flow_style:
            raise ReviewError(
                [
                    _problem(
                        path,
                        line,
                        sequence.start_mark.column + 1,
                        "the questions are written as a flow list ([…]): the review edits "
                        "block lists only ('- ' items)",
                        "edit this set in your text editor",
                    )
                ]
            )
        for item, value in zip(sequence.value, questions, strict=True):
            if not isinstance(value, dict) or getattr(item, "flow_style", False):
                raise ReviewError(
                    [
                        _problem(
                            path,
                            item.start_mark.line + 1,
                            item.start_mark.column + 1,
                            "each question must be a block mapping of keys ('key: value' lines)",
                            "edit this question in your text editor, or run `quiz check` on it",
                        )
                    ]
                )
        return cls(path, text, bom, data, splice.Text(text), root, key_node, sequence)

    @property
    def questions(self) -> list[dict[str, Any]]:
        return self.data["questions"]  # type: ignore[no-any-return]

    def question_line(self, index: int) -> int:
        """The 1-based line of question `index`'s '- ' (for `$EDITOR +LINE`)."""
        return self.doc.line_of(self.doc.dash(self.questions_node.value[index])) + 1

    def encoded(self, text: str) -> bytes:
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")

    def save(self, text: str) -> None:
        """Replace the file with `text` in one step; `ChangedOnDisk` if it is not as opened."""
        try:
            current = self.path.read_bytes()
        except OSError as error:
            raise ReviewError(
                [_problem(self.path, 1, 1, f"cannot read the file again: {error.strerror}")]
            ) from None
        if current != self.encoded(self.text):
            raise ChangedOnDisk(
                [
                    _problem(
                        self.path,
                        1,
                        1,
                        "the file changed on disk since it was opened: not overwritten",
                        "leave without saving and review it again, or undo the other change",
                    )
                ]
            )
        try:
            _write_atomically(self.path, self.encoded(text))
        except OSError as error:
            raise ReviewError(
                [_problem(self.path, 1, 1, f"cannot save the file: {error.strerror or error}")]
            ) from None


def _write_atomically(target: Path, data: bytes) -> None:
    """Write `data` beside `target`, then rename it over `target`: a crash leaves one or the other
    whole, never half of each. The file keeps its permissions."""
    mode = target.stat().st_mode & 0o7777
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    try:
        folder = os.open(target.parent, os.O_RDONLY)
    except OSError:
        return  # not every system opens folders (the rename is done all the same)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
