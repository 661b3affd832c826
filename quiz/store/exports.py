"""The teacher's exports as tables (a header and rows), ready for `write_csv`.

Each export covers one version of a set — the newest with results unless told otherwise — because
results of an edited set never mix with the old version's; `all_versions` lists every version, each
ranked or computed on its own, with the version in the `set version` column. `session` keeps the
players of one live class game (`quiz host`), on the version of the set it was played with.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from quiz.core.skills import Skill
from quiz.store.db import (
    ANSWERS_HEADER,
    ATTEMPTS_HEADER,
    LEADERBOARD_HEADER,
    AnalysedAnswer,
    ResultsStore,
    SetVersion,
    StoreError,
)
from quiz.store.sets import SetTarget
from quiz.store.stats import discrimination_indices, facility

if TYPE_CHECKING:
    from quiz.core.kinds.kind import QuestionKind
    from quiz.core.models import QuestionBase, QuestionSet

REPORT_HEADER = (
    "question id",
    "prompt",
    "skill",
    "answers",
    "facility %",
    "discrimination %",
    "mean time (s)",
    "wrong choices picked",
    "picks per item",
    "set version",
)
NO_ANSWER = "(no answer)"
MOST_COMMON_WRONG_ANSWERS = 5


@dataclass
class Export:
    """A table to write, and notes for the teacher (printed on standard error, not in the CSV)."""

    header: Sequence[str]
    rows: Iterable[Sequence[Any]]
    notes: list[str] = field(default_factory=list)
    prepared: bool = False
    """The rows' cells are already safe for CSV (`write_csv(..., prepared=True)`)."""


def choose_versions(
    store: ResultsStore,
    target: SetTarget,
    *,
    set_version: str | None = None,
    all_versions: bool = False,
    session: int | None = None,
) -> tuple[list[SetVersion], list[str]]:
    """The versions of the set to export, newest first, and notes on the choice made."""
    versions = store.set_versions(target.set_id)
    if session is not None:
        return [_session_version(store, target, versions, session)], []
    if not versions:
        known = ", ".join(store.set_ids()) or "none yet"
        raise StoreError(
            f"no results for set {target.set_id!r} in {store.path} (sets with results: {known})"
        )
    notes: list[str] = []
    if all_versions:
        return versions, notes
    if set_version:
        matching = [v for v in versions if v.set_hash.startswith(set_version.strip().lower())]
        if len(matching) != 1:
            listed = ", ".join(v.set_hash for v in versions)
            problem = "matches several versions" if matching else "is not a version with results"
            raise StoreError(f"{set_version!r} {problem} of {target.set_id!r} (versions: {listed})")
        return matching, notes
    chosen = versions[0]
    question_set = target.question_set
    if target.from_file and question_set is not None:
        file_version = [v for v in versions if v.set_hash == question_set.content_hash]
        if file_version:
            chosen = file_version[0]
        else:
            notes.append(
                f"the file's version of {target.set_id!r} ({question_set.content_hash}) has no "
                f"results; showing the newest version with results ({chosen.set_hash})"
            )
    if len(versions) > 1:
        notes.append(
            f"{target.set_id!r} has {len(versions)} versions with results; this export covers "
            f"{chosen.set_hash} (--set-version HASH or --all-versions for the others)"
        )
    return [chosen], notes


def _session_version(
    store: ResultsStore, target: SetTarget, versions: Sequence[SetVersion], session: int
) -> SetVersion:
    """The version of the set a live game was played with; `StoreError` when it is another set's."""
    game = store.live_session(session)
    if game.set_id != target.set_id:
        raise StoreError(
            f"live game {session} played {game.set_id!r}, not {target.set_id!r}: name its set"
        )
    for version in versions:
        if version.set_hash == game.set_hash:
            return version
    return SetVersion(game.set_hash, game.set_title, 0, game.started_at, game.started_at)


def leaderboard_export(
    store: ResultsStore,
    set_id: str,
    versions: Sequence[SetVersion],
    *,
    class_name: str | None = None,
    all_attempts: bool = False,
    session: int | None = None,
) -> Export:
    rows = [
        row.cells()
        for version in versions
        for row in store.leaderboard(
            set_id, class_name, all_attempts, set_hash=version.set_hash, session=session
        )
    ]
    return Export(LEADERBOARD_HEADER, rows)


def answers_export(
    store: ResultsStore,
    set_id: str,
    versions: Sequence[SetVersion],
    *,
    class_name: str | None = None,
    decimal_comma: bool = False,
    session: int | None = None,
) -> Export:
    """One row per student per question, streamed from the database with cells made safe by the
    query itself: 100,000 rows never go through a Python loop."""

    # A chain of cursors rather than a generator: nothing runs when it is dropped after the
    # database is closed (a generator's `yield from` would close a cursor of a closed database).
    rows = itertools.chain.from_iterable(
        store.answer_rows(
            set_id, version.set_hash, class_name, decimal_comma=decimal_comma, session=session
        )
        for version in versions
    )
    return Export(ANSWERS_HEADER, rows, prepared=True)


def attempts_export(
    store: ResultsStore,
    set_id: str,
    versions: Sequence[SetVersion],
    *,
    class_name: str | None = None,
    session: int | None = None,
) -> Export:
    """Every attempt, finished or not: what a teacher checks for games left unfinished."""
    rows = [
        row
        for version in versions
        for row in store.attempts(set_id, version.set_hash, class_name, session=session)
    ]
    return Export(ATTEMPTS_HEADER, rows)


def report_export(
    store: ResultsStore,
    target: SetTarget,
    versions: Sequence[SetVersion],
    *,
    class_name: str | None = None,
    all_attempts: bool = False,
    session: int | None = None,
) -> Export:
    """Per question: facility, discrimination, mean time and the wrong choices picked."""
    notes = []
    if target.question_set is None:
        notes.append(
            f"no set file found for {target.set_id!r}: prompts are left empty and wrong answers "
            "are counted by their text (give the set file's path for the full report)"
        )
    rows: list[Sequence[Any]] = []
    for version in versions:
        answers = store.analysed_answers(
            target.set_id,
            version.set_hash,
            class_name=class_name,
            all_attempts=all_attempts,
            session=session,
        )
        rows.extend(_report_rows(answers, target.question_set, version.set_hash))
    return Export(REPORT_HEADER, rows, notes)


def skills_export(
    store: ResultsStore,
    target: SetTarget,
    versions: Sequence[SetVersion],
    *,
    class_name: str | None = None,
    all_attempts: bool = False,
    session: int | None = None,
) -> Export:
    """Per student, the percentage right in each media-literacy skill the set trains."""
    per_version = [
        store.analysed_answers(
            target.set_id,
            version.set_hash,
            class_name=class_name,
            all_attempts=all_attempts,
            session=session,
        )
        for version in versions
    ]
    present = {a.skill for answers in per_version for a in answers}
    if target.question_set is not None:
        present.update(target.question_set.skills)
    skills = [s.value for s in Skill if s.value in present] + sorted(
        s for s in present if s not in Skill.__members__.values()
    )
    header = ("player", "class", "answers", *(f"{s} %" for s in skills), "overall %", "set version")
    rows: list[Sequence[Any]] = []
    for version, answers in zip(versions, per_version, strict=True):
        by_student: dict[tuple[str, str], list[AnalysedAnswer]] = defaultdict(list)
        for answer in answers:
            by_student[(answer.class_name, answer.player)].append(answer)
        for (group, player), given in sorted(by_student.items()):
            by_skill: dict[str, list[float]] = defaultdict(list)
            for answer in given:
                by_skill[answer.skill].append(answer.fraction)
            cells = [_percent(facility(by_skill.get(skill, []))) for skill in skills]
            overall = _percent(facility([a.fraction for a in given]))
            rows.append((player, group, len(given), *cells, overall, version.set_hash))
    return Export(header, rows)


def _report_rows(
    answers: Sequence[AnalysedAnswer], question_set: QuestionSet | None, set_hash: str
) -> list[Sequence[Any]]:
    by_question: dict[str, list[AnalysedAnswer]] = defaultdict(list)
    scores: dict[int, dict[str, float]] = defaultdict(dict)
    for answer in answers:
        by_question[answer.question_id].append(answer)
        scores[answer.attempt_id][answer.question_id] = answer.fraction
    questions = {q.id: q for q in question_set.questions} if question_set else {}
    order = list(questions) + [q for q in by_question if q not in questions]
    discrimination = discrimination_indices(scores, order)
    same_version = question_set is not None and question_set.content_hash == set_hash
    language = question_set.language if question_set else "en"
    rows: list[Sequence[Any]] = []
    for question_id in order:
        given = by_question.get(question_id, [])
        question = questions.get(question_id)
        skill = str(question.skill) if question else (given[0].skill if given else "")
        mean_time = sum(a.elapsed for a in given) / len(given) if given else None
        rows.append(
            (
                question_id,
                question.prompt if question else "",
                skill,
                len(given),
                _percent(facility([a.fraction for a in given])),
                _percent(discrimination.get(question_id)),
                None if mean_time is None else round(mean_time, 1),
                _wrong_picks(question if same_version else None, given, language),
                _picks_per_item(question if same_version else None, given),
                set_hash,
            )
        )
    return rows


def _wrong_picks(
    question: QuestionBase | None, answers: Sequence[AnalysedAnswer], language: str
) -> str:
    """How often each wrong answer was given, most given first: "Moscou (3) | Pékin (0)".

    The question's kind counts what it knows how to (every wrong choice of a choice question,
    unpicked ones too: a distractor nobody falls for is worth knowing about); otherwise, and
    without the set file, the most common wrong answers are counted by their text.
    """
    counts = _kind_of(question).wrong_picks(question, answers, language) if question else None
    if counts is None:
        counts = Counter((a.answer_text.strip() or NO_ANSWER) for a in answers if a.fraction < 1)
        counts = Counter(dict(counts.most_common(MOST_COMMON_WRONG_ANSWERS)))
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    return " | ".join(f"{text} ({count})" for text, count in ranked)


def _picks_per_item(question: QuestionBase | None, answers: Sequence[AnalysedAnswer]) -> str:
    """For a question whose answer places each item (categorize): per item, how often each
    category was chosen; empty for the other types."""
    return _kind_of(question).picks_per_item(question, answers) if question else ""


def _kind_of(question: QuestionBase) -> QuestionKind[Any, Any]:
    # The question kinds (pydantic models) load only for a report on a set file: `quiz answers`
    # and the other exports from the database alone start without them.
    from quiz.core.kinds import kind_of

    return kind_of(question)


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


EXPORTS = ("leaderboard", "report", "answers", "skills", "attempts")


@dataclass(frozen=True)
class ExportRequest:
    """What a teacher asked for on the command line, already parsed."""

    kind: str
    target: SetTarget
    class_name: str | None = None
    all_attempts: bool = False
    set_version: str | None = None
    all_versions: bool = False
    decimal_comma: bool = False
    session: int | None = None
    """Only the players of this live game (`quiz host`), on its version of the set."""


def build_export(store: ResultsStore, request: ExportRequest) -> Export:
    """The table for one of `EXPORTS`, with notes on which version of the set it covers.

    The database is checked whole first: a damaged file is one clear `DamagedDatabaseError`, never
    a table quietly missing rows.
    """
    store.check_integrity()
    versions, notes = choose_versions(
        store,
        request.target,
        set_version=request.set_version,
        all_versions=request.all_versions,
        session=request.session,
    )
    set_id, group, session = request.target.set_id, request.class_name, request.session
    every = request.all_attempts
    if request.kind == "leaderboard":
        export = leaderboard_export(
            store, set_id, versions, class_name=group, all_attempts=every, session=session
        )
    elif request.kind == "answers":
        comma = request.decimal_comma
        export = answers_export(
            store, set_id, versions, class_name=group, decimal_comma=comma, session=session
        )
    elif request.kind == "attempts":
        export = attempts_export(store, set_id, versions, class_name=group, session=session)
    elif request.kind == "report":
        export = report_export(
            store, request.target, versions, class_name=group, all_attempts=every, session=session
        )
    elif request.kind == "skills":
        export = skills_export(
            store, request.target, versions, class_name=group, all_attempts=every, session=session
        )
    else:
        raise ValueError(f"unknown export {request.kind!r}; expected one of {EXPORTS}")
    export.notes[:0] = notes
    return export
