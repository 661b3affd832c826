"""Loading the question sets for the home screen while Textual starts: a summary per set.

Validating sets (pydantic) and importing Textual each take a few hundred milliseconds of pure
Python. `preload_sets` forks a child that loads and checks every set, while the parent imports the
interface when a processor is free (`spare_core`); the child sends back a plain summary of each
valid set (what the home screen lists) or every located error. The parent imports pydantic and
builds a full `QuestionSet` only when a player opens a set, so the home screen needs a third less
memory. Where `fork` is not available, the sets load in-process, with the same results.

This module imports neither Textual nor pydantic at import time.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.core.skills import Skill

if TYPE_CHECKING:
    from quiz.core.models import QuestionSet


class PreloadError(Exception):
    """Some set could not be loaded: `messages` holds every located error, as `quiz check` prints."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("\n".join(messages))


@dataclass(frozen=True)
class SetSummary:
    """What the home screen shows of a set; `path` is where to load the whole set from."""

    path: str | None
    id: str
    title: str
    language: str
    description: str | None
    headline: str
    outlet: str | None
    agency: str | None
    author: str | None
    published: date | None
    question_count: int
    skills: tuple[Skill, ...]
    has_article_text: bool

    @classmethod
    def of(cls, question_set: QuestionSet) -> SetSummary:
        article = question_set.article
        return cls(
            path=question_set.source_path,
            id=question_set.id,
            title=question_set.title,
            language=question_set.language,
            description=question_set.description,
            headline=article.headline,
            outlet=article.outlet,
            agency=article.agency,
            author=article.author,
            published=article.published,
            question_count=len(question_set.questions),
            skills=tuple(question_set.skills),
            has_article_text=question_set.article_text is not None,
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        data["skills"] = [skill.value for skill in self.skills]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SetSummary:
        published = data["published"]
        return cls(
            **{
                **data,
                "published": date.fromisoformat(published) if published else None,
                "skills": tuple(Skill(s) for s in data["skills"]),
            }
        )


@dataclass
class SetEntry:
    """A set on the home screen: its summary, and the whole set once it is needed."""

    summary: SetSummary
    _question_set: QuestionSet | None = field(default=None, repr=False)

    @classmethod
    def of(cls, question_set: QuestionSet) -> SetEntry:
        return cls(SetSummary.of(question_set), question_set)

    def load(self) -> QuestionSet:
        """The whole set (read again from its file the first time; `QuestionSetError` if broken)."""
        if self._question_set is None:
            from quiz.core.loader import load_question_set

            if self.summary.path is None:  # pragma: no cover - summaries of files have a path
                raise ValueError(f"set '{self.summary.id}' has no file to load it from")
            self._question_set = load_question_set(self.summary.path)
        return self._question_set


def load_summaries(paths: Iterable[str | os.PathLike[str]]) -> list[SetSummary]:
    """Load every set in `paths` here and now; `PreloadError` with every error if any fails."""
    from quiz.core.diagnostics import QuestionSetError
    from quiz.core.loader import load_question_sets

    try:
        question_sets = load_question_sets(paths)
    except QuestionSetError as error:
        raise PreloadError([str(d) for d in error.diagnostics]) from None
    return [SetSummary.of(question_set) for question_set in question_sets]


class PendingSets:
    """Sets being loaded by a forked child (or already loaded, without fork)."""

    def __init__(self, paths: Sequence[str | os.PathLike[str]], *, fork: bool = True) -> None:
        self._paths = [str(p) for p in paths]
        self._pid: int | None = None
        self._reader: int | None = None
        self._report: dict[str, Any] | None = None
        if fork and hasattr(os, "fork"):
            self._fork()

    def _fork(self) -> None:
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: load, report, exit without running the parent's cleanup
            os.close(reader)
            status = 0
            try:
                try:
                    report: dict[str, Any] = {
                        "sets": [s.to_json() for s in load_summaries(self._paths)]
                    }
                except PreloadError as error:
                    report = {"errors": error.messages}
                with os.fdopen(writer, "w", encoding="utf-8") as stream:
                    json.dump(report, stream)
            except BaseException:  # anything else: the parent loads in-process and reports it
                status = 1
            finally:
                os._exit(status)
        os.close(writer)
        self._pid, self._reader = pid, reader

    def wait(self) -> None:
        """Wait for the child to finish (its report is kept for `result`)."""
        if self._reader is not None and self._pid is not None:
            with os.fdopen(self._reader, encoding="utf-8") as stream:
                text = stream.read()
            _, status = os.waitpid(self._pid, 0)
            self._reader = self._pid = None
            if os.waitstatus_to_exitcode(status) == 0 and text:
                self._report = json.loads(text)

    def result(self) -> list[SetEntry]:
        """The loaded sets; `PreloadError` with every located error when a set is broken."""
        self.wait()
        report = self._report
        if report is None:  # no fork, or the child failed: load here, where errors surface
            return [SetEntry(summary) for summary in load_summaries(self._paths)]
        if "errors" in report:
            raise PreloadError(report["errors"])
        return [SetEntry(SetSummary.from_json(data)) for data in report["sets"]]


def spare_core() -> bool:
    """Whether a processor is free to load the sets while another imports Textual.

    On a busy machine the two would only take turns on the same core, and each would be slower.
    """
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # not on this system: assume an ordinary idle machine
        return True
    return (os.cpu_count() or 1) - load >= 1


def preload_sets(paths: Sequence[str | os.PathLike[str]], *, fork: bool = True) -> PendingSets:
    """Start loading the sets in `paths` (files or folders) alongside whatever the caller does."""
    return PendingSets([Path(p) for p in paths], fork=fork)
