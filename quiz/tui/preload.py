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


def load_summaries(paths: Iterable[str | os.PathLike[str]]) -> list[SetSummary]:
    """The summaries of every set in `paths`; `PreloadError` with every error if any fails.

    Sets unchanged since they last loaded cleanly come from the summary cache (`SummaryCache`);
    otherwise everything is loaded and checked, and the cache is refreshed.
    """
    wanted = [Path(p) for p in paths]
    cache = SummaryCache()
    cached = cache.summaries(wanted)
    if cached is None:
        cached = BundledIndex().summaries(wanted)
    if cached is not None:
        return cached
    quick = quick_summaries(wanted)
    if quick is not None:
        cache.store(*quick)
        return quick[0]
    from quiz.core.diagnostics import QuestionSetError
    from quiz.core.loader import load_question_sets

    try:
        question_sets = load_question_sets(wanted)
    except QuestionSetError as error:
        raise PreloadError([str(d) for d in error.diagnostics]) from None
    summaries = [SetSummary.of(question_set) for question_set in question_sets]
    cache.store(summaries, [_article_file(qs) for qs in question_sets])
    return summaries


def quick_summaries(paths: Sequence[Path]) -> tuple[list[SetSummary], list[str | None]] | None:
    """Summaries read straight from the YAML, without pydantic: a first start on a large library.

    Validating every question of 300 sets costs seconds before the home screen can show a list;
    a summary needs only the set's header, its question count and skills. Each set is still loaded
    and checked in full when a player opens it, where its errors are shown. Anything unusual (a
    YAML error, a missing or mistyped field, an id used twice) returns None: the full loader then
    runs and reports every located error, as before. Also returns each set's article file.
    """
    files = _find_set_files(paths)
    if not files:
        return None
    summaries: list[SetSummary] = []
    articles: list[str | None] = []
    for file in files:
        found = _quick_summary(file)
        if found is None:
            return None
        summaries.append(found[0])
        articles.append(found[1])
    ids = [summary.id for summary in summaries]
    return (summaries, articles) if len(set(ids)) == len(ids) else None


def _quick_summary(file: Path) -> tuple[SetSummary, str | None] | None:
    from quiz.core.set_files import MAX_FILE_BYTES
    from quiz.core.yaml_reader import YamlProblem, read_yaml

    try:
        if not file.is_file() or file.stat().st_size > MAX_FILE_BYTES:
            return None
        data = read_yaml(file.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8")).data
    except (OSError, UnicodeDecodeError, YamlProblem):
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
    except ValueError:
        return None
    identifier, title, language, headline = (str(t).strip() for t in texts)
    article_path = None
    if text_file is not None:
        folder = file.resolve().parent
        linked = (folder / str(text_file).strip()).resolve()
        if not linked.is_relative_to(folder) or not linked.is_file():
            return None  # outside the set's folder, or missing: the loader explains
        article_path = str(file.parent / str(text_file).strip())
    summary = SetSummary(
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
        has_article_text=article_path is not None,
        draft_count=sum(1 for q in questions if isinstance(q, dict) and q.get("draft") is not None),
    )
    return summary, article_path


def _stripped(text: Any) -> str | None:
    return None if text is None else str(text).strip()


def _article_file(question_set: QuestionSet) -> str | None:
    """Where the loader read the set's article text (relative to the set's file)."""
    linked = question_set.article.text_file
    if linked is None or question_set.source_path is None:
        return None
    return str(Path(question_set.source_path).parent / linked)


# --- The summary cache ---------------------------------------------------------------------------

_CACHE_FORMAT = 2  # 2: summaries count drafts


def _cache_dir() -> Path:
    """The user's cache folder for quiz (XDG on Linux; platformdirs elsewhere)."""
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "quiz"
    import platformdirs

    return Path(platformdirs.user_cache_dir("quiz"))


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _unchanged(entry: dict[str, Any] | None, file: Path, *, articles_from: Path) -> bool:
    """Whether a cached or shipped `entry` was made from exactly this file and its article (whose
    recorded path is relative to `articles_from`)."""
    if entry is None or entry["sha"] != _digest(file):
        return False
    article = entry["article"]
    return article is None or article["sha"] == _digest(articles_from / article["path"])


def _code_fingerprint() -> str:
    """Changes whenever the code that validates sets changes, so a verdict is never stale."""
    core = Path(__file__).resolve().parent.parent / "core"
    stamps = sorted(
        f"{p.name}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in core.glob("*.py")
    )
    return hashlib.sha256(f"{_CACHE_FORMAT}|{'|'.join(stamps)}".encode()).hexdigest()[:16]


class SummaryCache:
    """Summaries of sets as last read, keyed by the exact bytes of their files.

    A set is taken from the cache only when its file and its article file are byte-for-byte the
    ones it was made from, with the same version of the checking code; anything else (a new or
    edited file, a changed article, a newer quiz) reads the sets again. A cached summary says
    nothing about a set's validity: every set is checked in full when a player opens it.
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
                if not _unchanged(entry, file, articles_from=Path()):
                    return None
                found.append(SetSummary.from_json(entry["summary"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # a missing, old or damaged cache is only a cache miss
        ids = [summary.id for summary in found]
        return found if len(set(ids)) == len(ids) else None  # duplicates: let the loader say so

    def store(self, summaries: Sequence[SetSummary], articles: Sequence[str | None]) -> None:
        """Remember sets just summarised (best effort: a cache never fails a run)."""
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
                article_sha = _digest(Path(article)) if article else None
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
                if not _unchanged(entry, resolved, articles_from=self.folder):
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
                "article": {"path": linked, "sha": _digest(file.parent / linked)}
                if linked
                else None,
                "summary": summary,
            }
        return {"format": _CACHE_FORMAT, "sets": dict(sorted(sets.items()))}

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


if __name__ == "__main__":  # python -m quiz.tui.preload: rewrite questions/summaries.json
    BundledIndex().write()
