"""Loading the question sets for the home screen while Textual starts: a summary per set.

Validating sets (pydantic) and importing Textual each take a few hundred milliseconds of pure
Python. `preload_sets` forks a child that loads and checks every set, while the parent imports the
interface when a processor is free (`spare_core`); the child sends back a plain summary of each
valid set (what the home screen lists) and, for each file that did not load, its first located
error: the good sets are played, the broken files are named. The parent imports pydantic and
builds a full `QuestionSet` only when a player opens a set, so the home screen needs a third less
memory. Where `fork` is not available, the sets load in-process, with the same results.

This module imports neither Textual nor pydantic at import time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.core.set_files import set_files_in
from quiz.core.set_reading import (
    MAX_ARTICLE_BYTES,
    MAX_FILE_BYTES,
    FileProblem,
    read_bounded,
    resolve_linked,
)
from quiz.core.skills import Skill
from quiz.core.text import clean_text

if TYPE_CHECKING:
    from quiz.core.diagnostics import Diagnostic
    from quiz.core.models import QuestionSet


@dataclass(frozen=True)
class BrokenSetFile:
    """A file that did not load as a set: its first located error, and how many it has in all
    (`quiz check` lists them)."""

    path: str
    line: int
    column: int
    message: str
    errors: int

    def describe(self) -> str:
        """`file:line:col: message`, on one line, cleaned of control characters (the path and the
        message come from the file: they are shown, never obeyed)."""
        text = clean_text(f"{self.path}:{self.line}:{self.column}: {self.message}")
        return " ".join(text.split())

    @classmethod
    def from_errors(cls, errors: Iterable[Diagnostic]) -> list[BrokenSetFile]:
        """One entry per file with errors, in file order, each with its first error."""
        by_file: dict[str, list[Diagnostic]] = {}
        for error in sorted(errors):
            by_file.setdefault(error.path, []).append(error)
        return [
            cls(path, first.line, first.column, first.message, len(found))
            for path, found in by_file.items()
            for first in found[:1]
        ]


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
    draft_count: int = 0
    """Questions still marked `draft:`: not played unless the game includes drafts."""

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
            draft_count=question_set.draft_count,
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


@dataclass(frozen=True)
class FoundSets:
    """What the given files and folders hold: the sets that loaded, and the files that did not."""

    summaries: list[SetSummary]
    broken: list[BrokenSetFile] = field(default_factory=list)
    verified: bool = True
    """False when the sets were only summarised from their YAML (`quick_summaries`): `verify_sets`
    then checks them in full, after the home screen is up."""

    def entries(self) -> list[SetEntry]:
        return [SetEntry(summary) for summary in self.summaries]

    def to_json(self) -> dict[str, Any]:
        return {
            "sets": [summary.to_json() for summary in self.summaries],
            "broken": [asdict(broken) for broken in self.broken],
            "verified": self.verified,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FoundSets:
        return cls(
            [SetSummary.from_json(summary) for summary in data["sets"]],
            [BrokenSetFile(**broken) for broken in data["broken"]],
            data["verified"],
        )


def load_summaries(paths: Iterable[str | os.PathLike[str]]) -> FoundSets:
    """The summaries of every set in `paths` that loads, and the files that do not.

    A broken file does not keep the others from being played: it is listed with its first error.
    Sets unchanged since they last loaded cleanly come from the summary cache (`SummaryCache`);
    else they are summarised from their YAML alone (`quick_summaries`, to be checked in full by
    `verify_sets` once the home screen shows) or, when one file is unusual, all are loaded and
    checked at once; the cache keeps the sets that passed every check.
    """
    wanted = [Path(p) for p in paths]
    cache = SummaryCache()
    cached = cache.summaries(wanted)
    if cached is None:
        cached = BundledIndex().summaries(wanted)
    if cached is not None:
        return FoundSets(cached)
    quick = quick_summaries(wanted)
    if quick is not None:  # listed at once; checked by `verify_sets`, then cached
        return FoundSets(quick, verified=False)
    from quiz.core.loader import check_paths

    report = check_paths(wanted)
    question_sets = report.question_sets
    summaries = [SetSummary.of(question_set) for question_set in question_sets]
    cache.store(summaries, [qs.article.text_file for qs in question_sets])
    return FoundSets(summaries, BrokenSetFile.from_errors(report.errors))


def verify_sets(found: FoundSets) -> FoundSets:
    """The sets of `found` checked in full: the good ones (now cached), and every broken file."""
    if found.verified:
        return found
    from quiz.core.loader import check_paths

    report = check_paths([s.path for s in found.summaries if s.path is not None])
    question_sets = report.question_sets
    summaries = [SetSummary.of(question_set) for question_set in question_sets]
    SummaryCache().store(summaries, [qs.article.text_file for qs in question_sets])
    return FoundSets(summaries, [*found.broken, *BrokenSetFile.from_errors(report.errors)])


def quick_summaries(paths: Sequence[Path]) -> list[SetSummary] | None:
    """Summaries read straight from the YAML, without pydantic: a first start on a large library.

    Validating every question of 300 sets costs seconds before the home screen can show a list;
    a summary needs only the set's header, its question count and skills. `verify_sets` checks
    them in full once the list is up (and a set is checked again when a player opens it). Anything
    unusual (a YAML error, a missing or mistyped field, an article the loader would refuse, an id
    used twice) returns None: the full loader then runs and reports every located error.
    """
    files = _find_set_files(paths)
    if not files:
        return None
    summaries: list[SetSummary] = []
    for file in files:
        summary = _quick_summary(file)
        if summary is None:
            return None
        summaries.append(summary)
    ids = [summary.id for summary in summaries]
    return summaries if len(set(ids)) == len(ids) else None


def _quick_summary(file: Path) -> SetSummary | None:
    from quiz.core.yaml_reader import YamlProblem, read_yaml

    try:
        text = read_bounded(file, MAX_FILE_BYTES, "question set")
        data = read_yaml(text.removeprefix(b"\xef\xbb\xbf").decode("utf-8")).data
    except (FileProblem, UnicodeDecodeError, YamlProblem):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
        return None
    article: dict[str, Any] = data["article"]
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        return None
    present = {q.get("skill") for q in questions if isinstance(q, dict)}
    if len(present & {s.value for s in Skill}) != len(present) or len(present) == 0:
        return None  # a question without a skill, or an unknown one: the loader says which
    texts = [data.get("id"), data.get("title"), data.get("language"), article.get("headline")]
    optional = [data.get("description")] + [article.get(k) for k in ("outlet", "agency", "author")]
    published, text_file = article.get("published"), article.get("text_file")
    if not all(isinstance(t, str) and t.strip() for t in texts) or not all(
        t is None or (isinstance(t, str) and t.strip()) for t in [*optional, text_file]
    ):
        return None
    try:
        day = None if published is None else date.fromisoformat(str(published))
        if text_file is not None and not resolve_linked(file.parent, str(text_file)).is_file():
            return None  # missing: the loader explains
    except (ValueError, FileProblem):
        return None  # a bad date, or an article outside the set's folder: the loader explains
    identifier, title, language, headline = (str(t).strip() for t in texts)
    return SetSummary(
        path=str(file),
        id=identifier,
        title=title,
        language=language.lower(),
        description=_stripped(optional[0]),
        headline=headline,
        outlet=_stripped(optional[1]),
        agency=_stripped(optional[2]),
        author=_stripped(optional[3]),
        published=day,
        question_count=len(questions),
        skills=tuple(s for s in Skill if s.value in present),
        has_article_text=text_file is not None,
        draft_count=sum(1 for q in questions if isinstance(q, dict) and q.get("draft") is not None),
    )


def _stripped(text: Any) -> str | None:
    return None if text is None else str(text).strip()


# --- The summary cache ---------------------------------------------------------------------------

_CACHE_FORMAT = 3
"""2: an entry's article path is the set's `text_file`, relative to the set's folder; 3: summaries
count drafts."""
_INDEX_FORMAT = 1


def _cache_dir() -> Path:
    """The user's cache folder for quiz (XDG on Linux; platformdirs elsewhere)."""
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "quiz"
    import platformdirs

    return Path(platformdirs.user_cache_dir("quiz"))


def _digest(path: Path, limit: int = MAX_FILE_BYTES) -> str | None:
    """The digest of a set file, read as the loader reads it; None when the loader would refuse it
    (too large, not a regular file…), so that the loader runs and says why."""
    try:
        return hashlib.sha256(read_bounded(path, limit, "question set")).hexdigest()
    except FileProblem:
        return None


def _article_digest(set_file: Path, linked: str) -> str | None:
    """The digest of the article a set links, found and read under the loader's rules."""
    try:
        return _digest(resolve_linked(set_file.parent, linked), MAX_ARTICLE_BYTES)
    except FileProblem:
        return None


def _unchanged(entry: dict[str, Any] | None, file: Path) -> bool:
    """Whether a cached or shipped `entry` was made from exactly this file and its article."""
    if entry is None or entry["sha"] != _digest(file):
        return False
    article = entry["article"]
    if article is None:
        return True
    sha = _article_digest(file, article["path"])
    return sha is not None and article["sha"] == sha


def _code_fingerprint() -> str:
    """Changes whenever the code that validates sets changes, so a verdict is never stale."""
    core = Path(__file__).resolve().parent.parent / "core"
    stamps = sorted(
        f"{p.name}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in core.glob("*.py")
    )
    return hashlib.sha256(f"{_CACHE_FORMAT}|{'|'.join(stamps)}".encode()).hexdigest()[:16]


class SummaryCache:
    """Summaries of sets that passed every check, keyed by the exact bytes of their files.

    A set is taken from the cache only when its file and its article file are byte-for-byte the
    ones that passed every check, with the same version of the checking code; anything else (a new
    or edited file, a changed article, a newer quiz) reads the sets again.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.file = (folder or _cache_dir()) / "set-summaries.json"

    def summaries(self, paths: Sequence[Path]) -> list[SetSummary] | None:
        """The summaries of every set in `paths` if all are cached and unchanged, else None."""
        files = _find_set_files(paths)
        if files is None or not files:
            return None
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data.get("code") != _code_fingerprint():
                return None
            entries = data["sets"]
            found: list[SetSummary] = []
            for file in files:
                entry = entries.get(str(file.resolve()))
                if not _unchanged(entry, file):
                    return None
                found.append(SetSummary.from_json(entry["summary"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # a missing, old or damaged cache is only a cache miss
        ids = [summary.id for summary in found]
        return found if len(set(ids)) == len(ids) else None  # duplicates: let the loader say so

    def store(self, summaries: Sequence[SetSummary], articles: Sequence[str | None]) -> None:
        """Remember sets that just passed every check, with the `text_file` each links (best
        effort: a cache never fails a run)."""
        try:
            try:
                data = json.loads(self.file.read_text(encoding="utf-8"))
                if data.get("code") != _code_fingerprint():
                    raise ValueError("older code")
            except (OSError, ValueError):
                data = {"code": _code_fingerprint(), "sets": {}}
            for summary, article in zip(summaries, articles, strict=True):
                if summary.path is None:
                    continue
                path = Path(summary.path)
                article_sha = _article_digest(path, article) if article else None
                data["sets"][str(path.resolve())] = {
                    "sha": _digest(path),
                    "article": {"path": article, "sha": article_sha} if article else None,
                    "summary": summary.to_json(),
                }
            self.file.parent.mkdir(parents=True, exist_ok=True)
            partial = self.file.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            partial.replace(self.file)
        except (OSError, ValueError, TypeError):
            pass


class BundledIndex:
    """The summaries of the bundled sets, shipped beside them (`questions/summaries.json`).

    The first start on the bundled sets (the README's first command) then opens without pydantic
    too. An entry is used only for a file whose bytes (and article's bytes) are the ones it was
    made from; a test keeps the index equal to what the loader makes of the sets today, and a set
    is loaded and checked in full anyway when a player opens it.
    """

    FILE_NAME = "summaries.json"

    def __init__(self, folder: Path | None = None) -> None:
        from quiz.paths import bundled_questions_dir

        self.folder = (folder or bundled_questions_dir()).resolve()
        self.file = self.folder / self.FILE_NAME

    def summaries(self, paths: Sequence[Path]) -> list[SetSummary] | None:
        """The summaries of every set in `paths` when all are bundled and unchanged, else None."""
        files = _find_set_files(paths)
        if not files:
            return None
        try:
            entries = json.loads(self.file.read_text(encoding="utf-8"))["sets"]
            found: list[SetSummary] = []
            for file in files:
                resolved = file.resolve()
                if resolved.parent != self.folder:
                    return None
                entry = entries.get(resolved.name)
                if not _unchanged(entry, resolved):
                    return None
                found.append(SetSummary.from_json({**entry["summary"], "path": str(file)}))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return found

    def build(self) -> dict[str, Any]:
        """The index of the folder's sets as the loader reads them now (`QuestionSetError` if not)."""
        from quiz.core.loader import load_question_sets

        sets: dict[str, Any] = {}
        for question_set in load_question_sets([self.folder]):
            assert question_set.source_path is not None  # loaded from a file
            file = Path(question_set.source_path)
            linked = question_set.article.text_file
            summary = SetSummary.of(question_set).to_json()
            summary.pop("path")
            sets[file.name] = {
                "sha": _digest(file),
                "article": {"path": linked, "sha": _article_digest(file, linked)}
                if linked
                else None,
                "summary": summary,
            }
        return {"format": _INDEX_FORMAT, "sets": dict(sorted(sets.items()))}

    def write(self) -> None:
        text = json.dumps(self.build(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        self.file.write_text(text, encoding="utf-8")


def _find_set_files(paths: Sequence[Path]) -> list[Path] | None:
    """The set files in `paths`, found as `quiz.core.loader.find_set_files` finds them (without
    importing the loader); None when a path does not exist, so the loader reports it."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(set_files_in(path))
        elif path.is_file():
            files.append(path)
        else:
            return None
    return files


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
                report = load_summaries(self._paths).to_json()
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

    def result(self) -> FoundSets:
        """The sets that loaded, and the files that did not (each with its first error)."""
        self.wait()
        report = self._report
        if report is None:  # no fork, or the child failed: load here, where errors surface
            return load_summaries(self._paths)
        return FoundSets.from_json(report)


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


if __name__ == "__main__":  # python -m quiz.tui.preload: rewrite questions/summaries.json
    BundledIndex().write()
