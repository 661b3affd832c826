"""One player's game of one question set: a state machine with no clock and no screen.

The caller passes the time (float seconds from any monotonic clock) to every call that needs it, so
a test can play a whole game with exact numbers. Every shuffle derives from the seed, per question,
so the same seed gives the same game, and a game rebuilt with `GameSession.resume` after a crash
continues exactly where it stopped.

While a question is asked its clock can be stopped (`pause_clock`, while the help covers the
question) and started again (`resume_clock`): the time in between counts neither towards the
limit nor towards the speed of the answer.

The phases, and the calls that move between them (anything else raises `SessionError`)::

    READY ──start_question──▶ ASKING ──answer / time_out──▶ ANSWERED
                                 ▲                             │
                                 └───────start_question────────┤ (while has_next)
                                                               │
                                               finish() ◀──────┘ (after the last question)
                                                  │
                                                  ▼
                                              FINISHED ── result()

After the last answer the session stays ANSWERED, so the screen can show that answer's feedback;
`has_next` is then False, `start_question` raises, and `finish()` ends the game and returns the
`GameResult` (also available from `result()` afterwards).
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from quiz.core.answers import WRONG, Answer, Grade, describe_answer, grade
from quiz.core.kinds import kind_of
from quiz.core.models import Choice, QuestionBase, QuestionSet, ScoringRule
from quiz.core.scoring import max_points, points_for
from quiz.core.skills import Skill
from quiz.core.text import clean_name

TIMED_OUT_TEXT = "—"
"""The answer text of a question whose time ran out."""


class SessionError(RuntimeError):
    """A call the session cannot take in its current phase (a bug in the caller, not the player)."""


class Phase(StrEnum):
    READY = "ready"
    """Created (or resumed), no question shown yet."""
    ASKING = "asking"
    """A question is on screen and its clock runs."""
    ANSWERED = "answered"
    """The current question is answered or timed out; its feedback can be shown."""
    FINISHED = "finished"
    """`finish()` was called after the last question; `result()` is available."""


@dataclass(frozen=True, slots=True)
class GameSettings:
    """Who plays and how. Names are cleaned here, at the boundary (`clean_name`).

    `seed` None draws a fresh one; the session exposes it as `GameSession.seed` so a store can save
    it and resume the same game. `rule` None uses the set's `defaults.scoring`. `timed` False turns
    every time limit off (the practice rule always does).
    """

    player: str
    class_name: str | None = None
    seed: int | None = None
    rule: ScoringRule | None = None
    timed: bool = True

    def __post_init__(self) -> None:
        player = clean_name(self.player)
        if not player:
            raise ValueError("a player name is needed (it is empty once spaces are removed)")
        object.__setattr__(self, "player", player)
        if self.class_name is not None:
            object.__setattr__(self, "class_name", clean_name(self.class_name) or None)


@dataclass(frozen=True, slots=True)
class PresentedQuestion:
    """A question as the player sees it: shuffled, numbered, with its limit and its points.

    `choice_order[p]` is the FILE index of the choice shown at display position `p` (empty for
    questions without choices); answers are always given in file indices. `item_order` is the same
    for the items of an ordering question (as first shown: never already right) or of a
    categorize question. Each kind shuffles its own (`QuestionKind.shuffle`).
    """

    question: QuestionBase
    number: int
    """1-based position in the game."""
    total: int
    choice_order: tuple[int, ...]
    item_order: tuple[int, ...]
    time_limit: int | None
    """Seconds, or None when untimed (settings.timed False, or the practice rule)."""
    points: int
    """The question's points (its own or the set's default), before the rule applies."""
    max_points: int
    """The most this question can earn under the game's rule."""

    @property
    def displayed_choices(self) -> list[tuple[int, Choice]]:
        """(file index, choice) pairs in display order."""
        choices = kind_of(self.question).choices(self.question)
        return [(i, choices[i]) for i in self.choice_order]

    @property
    def displayed_items(self) -> list[tuple[int, str]]:
        """(file index, item text) pairs of an ordering or categorize question, in their shuffled
        order (as first shown)."""
        items = kind_of(self.question).item_texts(self.question)
        return [(i, items[i]) for i in self.item_order]


class AnsweredQuestion(Protocol):
    """What `GameSession.resume` reads of each saved answer (a `QuestionResult` has all of it)."""

    @property
    def question_id(self) -> str: ...
    @property
    def answer(self) -> Answer | None: ...
    @property
    def elapsed(self) -> float: ...
    @property
    def timed_out(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class QuestionResult:
    """What happened on one question. `answer` is None exactly when `timed_out`."""

    question_id: str
    skill: Skill
    answer: Answer | None
    answer_text: str
    """`describe_answer` of the answer, or "—" when the time ran out."""
    grade: Grade
    timed_out: bool
    elapsed: float
    """Seconds from `start_question` to the answer (the limit itself when timed out)."""
    points: int
    max_points: int
    streak: int
    """Fully right answers in a row, this one included (0 after a wrong or partial answer)."""

    @property
    def correct(self) -> bool:
        return self.grade.correct


@dataclass(frozen=True, slots=True)
class SkillScore:
    """One skill's share of a game."""

    asked: int
    correct: int
    points: int
    max_points: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.asked if self.asked else 0.0


@dataclass(frozen=True, slots=True)
class GameResult:
    """A finished game: what the results store saves and the results screen shows."""

    player: str
    class_name: str | None
    set_id: str
    set_title: str
    content_hash: str
    rule: ScoringRule
    seed: int
    results: tuple[QuestionResult, ...]
    """One per question, in play order."""
    total_score: int
    max_possible: int
    correct_count: int
    total_time: float
    """Seconds spent answering (the sum of `elapsed`)."""
    skills: dict[Skill, SkillScore] = field(default_factory=dict)
    """Per skill, in vocabulary order, only the skills the game asked."""

    @property
    def question_count(self) -> int:
        return len(self.results)

    @property
    def accuracy(self) -> float:
        """The share of questions answered fully right, in [0, 1]."""
        return self.correct_count / len(self.results) if self.results else 0.0


class GameSession:
    """Plays one question set for one player; see the module docstring for the phases."""

    def __init__(self, question_set: QuestionSet, settings: GameSettings) -> None:
        self.question_set = question_set
        self.settings = settings
        self.seed: int = settings.seed if settings.seed is not None else secrets.randbits(32)
        self.rule: ScoringRule = settings.rule or question_set.defaults.scoring
        self.questions: tuple[QuestionBase, ...] = self._question_order()
        self._phase = Phase.READY
        self._results: list[QuestionResult] = []
        self._current: PresentedQuestion | None = None
        self._started_at = 0.0
        self._paused_at: float | None = None
        self._paused_for = 0.0
        self._result: GameResult | None = None

    # --- Building ---------------------------------------------------------------------------------

    @classmethod
    def resume(
        cls,
        question_set: QuestionSet,
        settings: GameSettings,
        previous: Sequence[AnsweredQuestion],
    ) -> GameSession:
        """Rebuild a game after a crash, ready to ask the first unanswered question.

        `settings` must carry the seed of the interrupted game (`GameSession.seed`), so the order
        is the same. Only each saved answer's question id, answer, elapsed time and timed-out flag
        are read: grades, points and streaks are recomputed, so they cannot disagree with the set.
        Raises `SessionError` when the saved answers do not match this set and seed.
        """
        if settings.seed is None:
            raise SessionError("resuming a game needs the seed it was started with")
        session = cls(question_set, settings)
        if len(previous) > len(session.questions):
            raise SessionError(
                f"{len(previous)} saved answers for a game of {len(session.questions)} questions"
            )
        for number, saved in enumerate(previous, start=1):
            question = session.questions[number - 1]
            if saved.question_id != question.id:
                raise SessionError(
                    f"saved answer {number} is for question '{saved.question_id}', but question "
                    f"{number} of this game is '{question.id}': the set or the seed changed"
                )
            session._current = session._present(number - 1)
            try:
                session._settle(None if saved.timed_out else saved.answer, saved.elapsed)
            except (TypeError, ValueError) as error:
                raise SessionError(
                    f"saved answer {number} does not fit question '{question.id}': {error}"
                ) from error
        session._current = None
        session._phase = Phase.ANSWERED if previous else Phase.READY
        return session

    def _question_order(self) -> tuple[QuestionBase, ...]:
        questions = list(self.question_set.questions)
        if self.question_set.defaults.shuffle_questions:
            random.Random(f"{self.seed}:questions").shuffle(questions)
        return tuple(questions)

    def _rng(self, question: QuestionBase, purpose: str) -> random.Random:
        # Seeded per question and purpose (str seeds hash with SHA-512, stable across runs), so a
        # question's shuffles do not depend on which questions were shown before it.
        return random.Random(f"{self.seed}:{question.id}:{purpose}")

    def _present(self, index: int) -> PresentedQuestion:
        question = self.questions[index]
        shuffled = kind_of(question).shuffle(
            question,
            lambda purpose: self._rng(question, purpose),
            self.question_set.defaults.shuffle_choices,
        )
        points = self.question_set.points_for(question)
        return PresentedQuestion(
            question=question,
            number=index + 1,
            total=len(self.questions),
            choice_order=shuffled.choice_order,
            item_order=shuffled.item_order,
            time_limit=self._time_limit(question),
            points=points,
            max_points=max_points(self.rule, points),
        )

    def presentation(self, number: int) -> PresentedQuestion:
        """Question `number` (1-based) as this game shows it, without asking it: a live game shows
        every player the same shuffle, taken from one session, and asks in the host's own pace."""
        if not 1 <= number <= len(self.questions):
            raise SessionError(f"this game has questions 1 to {len(self.questions)}, not {number}")
        return self._present(number - 1)

    def _time_limit(self, question: QuestionBase) -> int | None:
        if not self.settings.timed or self.rule is ScoringRule.PRACTICE:
            return None
        return self.question_set.time_limit_for(question)

    # --- Playing ----------------------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        """Where the game is; only the methods below move it."""
        return self._phase

    @property
    def results(self) -> tuple[QuestionResult, ...]:
        """The results so far, in play order."""
        return tuple(self._results)

    @property
    def score(self) -> int:
        """The points so far."""
        return sum(r.points for r in self._results)

    @property
    def streak(self) -> int:
        """Fully right answers in a row so far (the last result's streak)."""
        return self._results[-1].streak if self._results else 0

    @property
    def has_next(self) -> bool:
        """Whether a question remains after the current one (or, before the first, at all)."""
        asked = len(self._results) + (1 if self.phase is Phase.ASKING else 0)
        return asked < len(self.questions)

    @property
    def current(self) -> PresentedQuestion | None:
        """The question being asked or just answered (None before the first and after a resume)."""
        return self._current

    def start_question(self, now: float) -> PresentedQuestion:
        """Show the next question and start its clock (READY or ANSWERED → ASKING)."""
        self._expect(Phase.READY, Phase.ANSWERED, doing="start a question")
        if not self.has_next:
            raise SessionError("every question has been answered: call finish()")
        self._current = self._present(len(self._results))
        self._started_at = now
        self._paused_at, self._paused_for = None, 0.0
        self._phase = Phase.ASKING
        return self._current

    @property
    def clock_paused(self) -> bool:
        """Whether the current question's clock is stopped (see `pause_clock`)."""
        return self._paused_at is not None

    def pause_clock(self, now: float) -> None:
        """Stop the current question's clock (ASKING only; pausing twice changes nothing)."""
        self._expect(Phase.ASKING, doing="pause the clock")
        if self._paused_at is None:
            self._paused_at = now

    def resume_clock(self, now: float) -> None:
        """Start the clock again where `pause_clock` stopped it; a no-op when it runs, or when no
        question is being asked any more."""
        if self.phase is Phase.ASKING and self._paused_at is not None:
            self._paused_for += max(0.0, now - self._paused_at)
            self._paused_at = None

    def _elapsed(self, now: float) -> float:
        """Seconds the current question's clock has run: paused time does not count."""
        stopped = self._paused_at if self._paused_at is not None else now
        return stopped - self._started_at - self._paused_for

    def remaining(self, now: float) -> float | None:
        """Seconds left on the current question (≥ 0), or None when no clock runs."""
        current = self._current
        if self.phase is not Phase.ASKING or current is None or current.time_limit is None:
            return None
        return max(0.0, current.time_limit - self._elapsed(now))

    def answer(self, given: Answer, now: float) -> QuestionResult:
        """Grade `given` (ASKING → ANSWERED). An answer after the time limit counts as timed out.

        Raises `TypeError`/`ValueError` (from `grade`) for an answer that does not fit the question;
        the session stays ASKING then, so the screen can let the player try again.
        """
        self._expect(Phase.ASKING, doing="answer")
        return self._settle(given, self._elapsed(now))

    def time_out(self, now: float) -> QuestionResult:
        """The clock ran out on the current question (ASKING → ANSWERED): no answer, no points.

        The caller decides when time is up (its timer may fire a hair early); the recorded time is
        the limit itself. Raises `SessionError` for an untimed question.
        """
        self._expect(Phase.ASKING, doing="time out")
        current = self._require_current()
        if current.time_limit is None:
            raise SessionError(f"question {current.number} has no time limit to run out")
        return self._record(None, max(0.0, self._elapsed(now)), timed_out=True)

    def finish(self) -> GameResult:
        """End the game after the last question (ANSWERED → FINISHED) and return its result."""
        if self.phase is Phase.FINISHED and self._result is not None:
            return self._result
        self._expect(Phase.ANSWERED, Phase.READY, doing="finish")
        if len(self._results) < len(self.questions):
            left = len(self.questions) - len(self._results)
            raise SessionError(f"{left} question(s) are still to be asked before finish()")
        self._result = self._build_result()
        self._phase = Phase.FINISHED
        return self._result

    def result(self) -> GameResult:
        """The finished game's result (FINISHED only)."""
        self._expect(Phase.FINISHED, doing="read the result")
        assert self._result is not None  # set together with the phase
        return self._result

    # --- Internals --------------------------------------------------------------------------------

    def _expect(self, *phases: Phase, doing: str) -> None:
        if self.phase not in phases:
            wanted = " or ".join(p.name for p in phases)
            raise SessionError(f"cannot {doing} in phase {self.phase.name} (only in {wanted})")

    def _require_current(self) -> PresentedQuestion:
        if self._current is None:  # pragma: no cover - ASKING always has a current question
            raise SessionError("no question is being asked")
        return self._current

    def _settle(self, given: Answer | None, elapsed: float) -> QuestionResult:
        """Record `given` (None: the time ran out), late answers counting as timed out."""
        current = self._require_current()
        elapsed = max(0.0, elapsed)
        late = current.time_limit is not None and elapsed > current.time_limit
        if given is None or late:
            return self._record(None, elapsed, timed_out=True)
        return self._record(given, elapsed, timed_out=False)

    def _record(self, given: Answer | None, elapsed: float, *, timed_out: bool) -> QuestionResult:
        current = self._require_current()
        question = current.question
        language = self.question_set.language
        if timed_out or given is None:
            outcome, text = WRONG, TIMED_OUT_TEXT
            if current.time_limit is not None:
                elapsed = min(elapsed, float(current.time_limit))
        else:
            outcome = grade(question, given)  # raises before any state changes
            text = describe_answer(question, given, language=language)
        streak = self.streak + 1 if outcome.correct else 0
        earned = (
            0
            if timed_out
            else points_for(self.rule, outcome, current.points, elapsed, current.time_limit, streak)
        )
        result = QuestionResult(
            question_id=question.id,
            skill=question.skill,
            answer=None if timed_out else given,
            answer_text=text,
            grade=outcome,
            timed_out=timed_out,
            elapsed=elapsed,
            points=earned,
            max_points=current.max_points,
            streak=streak,
        )
        self._results.append(result)
        self._paused_at = None
        self._phase = Phase.ANSWERED
        return result

    def _build_result(self) -> GameResult:
        by_skill: dict[Skill, list[QuestionResult]] = {}
        for result in self._results:
            by_skill.setdefault(result.skill, []).append(result)
        skills = {
            skill: SkillScore(
                asked=len(rows),
                correct=sum(r.correct for r in rows),
                points=sum(r.points for r in rows),
                max_points=sum(r.max_points for r in rows),
            )
            for skill in Skill
            if (rows := by_skill.get(skill))
        }
        return GameResult(
            player=self.settings.player,
            class_name=self.settings.class_name,
            set_id=self.question_set.id,
            set_title=self.question_set.title,
            content_hash=self.question_set.content_hash,
            rule=self.rule,
            seed=self.seed,
            results=tuple(self._results),
            total_score=sum(r.points for r in self._results),
            max_possible=sum(r.max_points for r in self._results),
            correct_count=sum(r.correct for r in self._results),
            total_time=sum(r.elapsed for r in self._results),
            skills=skills,
        )
