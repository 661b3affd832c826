"""The live game's referee: one question set played by a whole class, at the host's pace.

The host opens each question; the server's own clock times it; every answer is graded with the
core's `grade`, scored with the core's `points_for`, and committed to the results store before it
is acknowledged. A second answer, a late one, or one to a question that is not open is refused.
Nothing a player is sent before a question closes holds its key, its explanation or which choice
is right (they get its `QuestionView`); the reveal brings them, with the distribution of answers
and the leaderboard.

    LOBBY ──start──▶ ASKING ──reveal, time's up, everyone answered──▶ CLOSED ──next──▶ ASKING …
                       │ skip: the question counts for nobody            │ skip: the next question
                       ▼                                                 ▼ is never asked
                     CLOSED                                            CLOSED
    end (from anywhere; an open question is closed first) ──▶ FINISHED

Everything is in the store as it happens (players, answers, which question is where), so a host
restarted on the same set resumes the game (`LiveGame.open`): scores and streaks are recomputed
from the stored answers, and a question that was open when the host died is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

from quiz.core.answers import (
    WRONG,
    Answer,
    Grade,
    decode_answer,
    describe_answer,
    describe_key,
    encode_answer,
    grade,
)
from quiz.core.live_protocol import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    PROTOCOL_VERSION,
    Bar,
    ControlAction,
    Error,
    ErrorCode,
    GameInfo,
    GameOver,
    HostState,
    Join,
    Lobby,
    Outcome,
    Paused,
    QuestionMessage,
    Rejoin,
    Result,
    Resumed,
    Reveal,
    Skipped,
    Standing,
    SubmitAnswer,
    Welcome,
)
from quiz.core.models import QuestionSet, ScoringRule
from quiz.core.question_view import (
    file_answer,
    picked_choices,
    question_view,
    shows_choice_bars,
    view_key,
)
from quiz.core.scoring import points_for
from quiz.core.session import TIMED_OUT_TEXT, GameSession, GameSettings, PresentedQuestion
from quiz.core.text import clean_name
from quiz.live.recorder import Recorder
from quiz.store.db import (
    AnswerRecord,
    LiveSessionInfo,
    ResultsStore,
    StoredAnswer,
    StoreError,
    live_name_key,
)

MAX_PLAYERS = 5000
TOP = 5
"""How many names the reveals and the end of the game list."""


class Phase(StrEnum):
    LOBBY = "lobby"
    ASKING = "asking"
    CLOSED = "closed"
    FINISHED = "finished"


class Refusal(Exception):
    """A player's or the host's request that the game turns down; `fatal` ends the connection."""

    def __init__(self, code: ErrorCode, message: str, *, fatal: bool = False) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message
        self.fatal = fatal


@dataclass(frozen=True, slots=True)
class PlayerAnswer:
    """What one player did on one question (a `QuestionResult` of the live game)."""

    answer: Answer | None
    """In the file's indices; None when timed out."""
    answer_text: str
    grade: Grade
    timed_out: bool
    elapsed: float
    points: int
    streak: int

    @property
    def outcome(self) -> Outcome:
        if self.timed_out:
            return "timed_out"
        if self.grade.correct:
            return "right"
        return "partial" if self.grade.fraction > 0 else "wrong"


@dataclass(eq=False)
class Player:
    """One student in the game; `id` is their attempt in the results store."""

    id: int
    name: str
    class_name: str
    token_hash: str
    kicked: bool = False
    connected: bool = False
    answers: dict[int, PlayerAnswer] = field(default_factory=dict)
    """By question number."""

    @property
    def score(self) -> int:
        return sum(a.points for a in self.answers.values())

    @property
    def total_time(self) -> float:
        return sum(a.elapsed for a in self.answers.values())

    def streak_before(self, number: int) -> int:
        """Right answers in a row up to (not including) question `number`."""
        earlier = [n for n in self.answers if n < number]
        return self.answers[max(earlier)].streak if earlier else 0


class Hub(Protocol):
    """Where the game's messages go: the server's player connections."""

    async def send(self, player: Player, *messages: bytes) -> None:
        """To one player (several messages go out together, in order)."""

    async def broadcast(self, data: bytes) -> None:
        """To every connected player."""

    async def drop(self, player: Player, data: bytes) -> None:
        """Send `data` (an error) to the player, then close their connection."""


class _NoHub:
    async def send(self, player: Player, *messages: bytes) -> None:
        return None

    async def broadcast(self, data: bytes) -> None:
        return None

    async def drop(self, player: Player, data: bytes) -> None:
        return None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def _json(message: object) -> bytes:
    return message.model_dump_json().encode()  # type: ignore[attr-defined, no-any-return]


class LiveGame:
    """One live game of `question_set`; build it with `LiveGame.open`, then let a server in."""

    def __init__(
        self,
        question_set: QuestionSet,
        recorder: Recorder,
        info: LiveSessionInfo,
        *,
        clock: Callable[[], float],
        wall_clock: Callable[[], datetime],
    ) -> None:
        self.question_set = question_set
        self.recorder = recorder
        self.session_id = info.id
        self.code = info.join_code
        self.rule = ScoringRule(info.rule)
        self.seed = info.seed
        self.clock = clock
        self.wall_clock = wall_clock
        self.language = question_set.language
        self._shuffles = GameSession(
            question_set, GameSettings("live", seed=self.seed, rule=self.rule)
        )
        self.total = len(self._shuffles.questions)
        self.hub: Hub = _NoHub()
        self.phase = Phase.LOBBY
        self.number = 0
        """The question asked (or skipped) last; 0 before the first."""
        self.skipped = False
        """Whether question `number` was skipped."""
        self.current: PresentedQuestion | None = None
        self.players: dict[int, Player] = {}
        self._names: set[str] = set()
        self._tokens: dict[str, Player] = {}
        self._kicked = 0
        self._present: set[int] = set()
        """Ids of the connected players still in the game."""
        self._answers_now = 0
        """Answers to the open question (they decide when everyone has answered, cheaply)."""
        self._started_at = 0.0
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._deadline: asyncio.TimerHandle | None = None
        self._closing: asyncio.Task[None] | None = None
        self._control = asyncio.Lock()
        self.reveal: Reveal | None = None
        """The last question's reveal (None before one, and after a skip)."""
        self.listeners: list[Callable[[], None]] = []
        """Called after every change (a join, an answer, a new phase): the host's screens."""

    # --- Opening: a new game, or the one a crashed host left ---------------------------------------

    @classmethod
    async def open(
        cls,
        question_set: QuestionSet,
        recorder: Recorder,
        *,
        rule: ScoringRule | None = None,
        seed: int | None = None,
        new: bool = False,
        clock: Callable[[], float],
        wall_clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> LiveGame:
        """The unfinished live game of this version of the set, resumed; else (or with `new`) a
        new one with `rule` (else the set's) and `seed` (else a random one)."""
        set_id, set_hash = question_set.id, question_set.content_hash
        info = (
            None
            if new
            else await recorder.run(lambda s: s.unfinished_live_session(set_id, set_hash))
        )
        if info is None:
            chosen_rule = rule or question_set.defaults.scoring
            chosen_seed = seed if seed is not None else secrets.randbits(31)
            code = new_join_code()
            session = await recorder.run(
                lambda s: s.start_live_session(
                    set_id,
                    set_hash,
                    question_set.title,
                    str(chosen_rule),
                    chosen_seed,
                    code,
                    len(question_set.questions),
                    started_at=wall_clock(),
                )
            )
            info = await recorder.run(lambda s: s.live_session(session))
            return cls(question_set, recorder, info, clock=clock, wall_clock=wall_clock)
        game = cls(question_set, recorder, info, clock=clock, wall_clock=wall_clock)
        await game._resume(info)
        return game

    async def _resume(self, info: LiveSessionInfo) -> None:
        players = await self.recorder.run(lambda s: s.live_players(info.id))
        stored = await self.recorder.run(lambda s: s.live_answers(info.id))
        for row in players:
            player = Player(row.attempt_id, row.player, row.class_name, row.token_hash, row.kicked)
            self._add(player)
            self._kicked += row.kicked
        for attempt, answer in stored:  # in question order: streaks build up as they did
            owner = self.players.get(attempt)
            if owner is not None:
                owner.answers[answer.question_number] = self._stored(owner, answer)
        self.number = info.current_question
        if info.state == "lobby":
            return
        self.phase = Phase.CLOSED
        self.current = self._shuffles.presentation(self.number)
        self.skipped = info.state == "skipped"
        if info.state == "asking":  # the host died with the question open: close it now
            limit = self.current.time_limit
            self._record_time_outs(float(limit) if limit else 0.0)
            await self.recorder.run(lambda s: s.set_live_progress(info.id, self.number, "closed"))
        if not self.skipped:
            self.reveal = self._build_reveal(self.ranks())

    def _stored(self, player: Player, stored: StoredAnswer) -> PlayerAnswer:
        answer = None
        if not stored.timed_out and stored.answer_json is not None:
            try:
                answer = decode_answer(stored.answer_json)
            except ValueError:
                answer = None
        streak = player.streak_before(stored.question_number) + 1 if stored.correct else 0
        return PlayerAnswer(
            answer,
            stored.answer_text,
            Grade(stored.fraction, stored.correct),
            stored.timed_out,
            stored.elapsed,
            stored.points,
            streak,
        )

    def _add(self, player: Player) -> None:
        self.players[player.id] = player
        self._names.add(live_name_key(player.name))
        self._tokens[player.token_hash] = player

    # --- What the host's screen reads ---------------------------------------------------------------

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def remaining(self) -> float | None:
        """Seconds left on the open question (None when none is open, or it has no limit)."""
        if self.phase is not Phase.ASKING or self.current is None:
            return None
        limit = self.current.time_limit
        return None if limit is None else max(0.0, limit - self._elapsed())

    def _elapsed(self) -> float:
        now = self.clock()
        paused = self._paused_total + (now - self._paused_at if self._paused_at is not None else 0)
        return max(0.0, now - self._started_at - paused)

    @property
    def in_game(self) -> list[Player]:
        """Every player not kicked out, in the order they joined."""
        return [p for p in self.players.values() if not p.kicked]

    @property
    def player_count(self) -> int:
        """How many are in the game (`len(in_game)`, without going through them all)."""
        return len(self.players) - self._kicked

    @property
    def answered(self) -> int:
        """How many have answered the open (or last) question, time-outs excluded."""
        if self.phase is Phase.ASKING:
            return self._answers_now
        return sum(
            1
            for p in self.in_game
            if (a := p.answers.get(self.number)) is not None and not a.timed_out
        )

    def standings(self) -> list[tuple[int, Player]]:
        """(rank, player), best first: by score, then by time spent, as the store's leaderboard
        ranks finished games; equal players share a rank."""
        keyed = sorted((-p.score, p.total_time, p.id, p) for p in self.in_game)  # each sum once
        standings: list[tuple[int, Player]] = []
        for position, (score, time, _, player) in enumerate(keyed, start=1):
            tied = position > 1 and keyed[position - 2][:2] == (score, time)
            standings.append((standings[-1][0] if tied else position, player))
        return standings

    def host_state(self) -> HostState:
        return HostState(
            phase=self.phase.value,
            question=self.number,
            total=self.total,
            players=self.player_count,
            connected=len(self._present),
            answered=self.answered,
            paused=self.paused,
            session=self.session_id,
            code=self.code,
        )

    def _changed(self) -> None:
        for listener in list(self.listeners):
            listener()

    # --- Players coming and going -------------------------------------------------------------------

    async def join(self, message: Join) -> tuple[Player, str]:
        """A new player; returns them and their resume token (only its hash is kept)."""
        _check_version(message.version)
        if self.phase is Phase.FINISHED:
            raise Refusal("game_over", "this game is over", fatal=True)
        if not hmac.compare_digest(message.code.strip().upper().encode(), self.code.encode()):
            raise Refusal(
                "wrong_code", "that is not this game's code: check the projector", fatal=True
            )
        name = clean_name(message.name)
        if not name:
            raise Refusal("name_needed", "type your name to join", fatal=True)
        key = live_name_key(name)
        if key in self._names:
            raise Refusal(
                "name_taken", f"someone already plays as {name}: pick another name", fatal=True
            )
        if len(self.players) >= MAX_PLAYERS:
            raise Refusal("full", f"this game is full ({MAX_PLAYERS} players)", fatal=True)
        class_name = clean_name(message.class_name or "")
        token = secrets.token_urlsafe(24)
        token_hash = _hash(token)
        self._names.add(
            key
        )  # taken now: a second join with this name while this one is saved fails
        moment = self.wall_clock()
        try:
            attempt = await self.recorder.run(
                lambda s: s.join_live_session(
                    self.session_id, name, class_name, token_hash, started_at=moment
                )
            )
        except StoreError as error:
            self._names.discard(key)
            raise Refusal(
                "unavailable", f"the game could not record you: {error}", fatal=True
            ) from None
        player = Player(attempt, name, class_name, token_hash)
        self._add(player)
        self._changed()
        return player, token

    def rejoin(self, message: Rejoin) -> Player:
        _check_version(message.version)
        player = self._tokens.get(_hash(message.token))
        if player is None:
            raise Refusal("unknown_token", "this game does not know you: join again", fatal=True)
        if player.kicked:
            raise Refusal("kicked", "the host removed you from this game", fatal=True)
        return player

    def greeting(self, player: Player, token: str, *, rejoined: bool) -> list[bytes]:
        """What a player who just (re)joined is sent: who they are, then where the game is."""
        welcome = Welcome(
            player=player.name,
            class_name=player.class_name,
            token=token,
            rejoined=rejoined,
            game=GameInfo(
                title=self.question_set.title,
                set_id=self.question_set.id,
                language=self.language,
                questions=self.total,
                rule=self.rule.value,
                code=self.code,
            ),
            players=self.player_count,
        )
        return [_json(welcome), *self._where_we_are(player)]

    def _where_we_are(self, player: Player) -> list[bytes]:
        if self.phase is Phase.FINISHED:
            ranks = self.ranks()
            return [_json(self._game_over(player, ranks, self._top(ranks)))]
        if self.phase is Phase.ASKING and self.current is not None:
            return [self._question_message(answered=self.number in player.answers)]
        if self.phase is Phase.CLOSED and self.reveal is not None and self.number in player.answers:
            return [_json(self.reveal), _json(self._result(player, self.ranks()))]
        return [_json(Lobby(players=self.player_count))]

    def set_connected(self, player: Player, connected: bool) -> None:
        player.connected = connected
        if connected and not player.kicked:
            self._present.add(player.id)
        else:
            self._present.discard(player.id)
        self._changed()
        if not connected:
            self._close_if_everyone_answered()

    # --- Answers ------------------------------------------------------------------------------------

    async def answer(self, player: Player, message: SubmitAnswer) -> None:
        """Grade and record `player`'s answer; returns once it is committed (then acknowledge it).

        Raises `Refusal` for an answer to a question that is not open, a second or a late one,
        during a pause, or one that does not fit the question (fatal: no client of ours sends it).
        """
        current = self.current
        if self.phase is not Phase.ASKING or current is None or message.question != self.number:
            code: ErrorCode = "late" if message.question == self.number else "not_open"
            raise Refusal(code, f"question {message.question} is not open for answers")
        if self.paused:
            raise Refusal("paused", "the game is paused: wait for the host")
        if self.number in player.answers:
            raise Refusal("already_answered", "you have already answered this question")
        elapsed = self._elapsed()
        limit = current.time_limit
        if limit is not None and elapsed > limit:
            raise Refusal("late", "time is up for this question")
        question = current.question
        try:
            given = file_answer(current, decode_answer(message.answer.model_dump()))
            result = grade(question, given)
        except (TypeError, ValueError) as error:
            raise Refusal(
                "bad_answer", f"that answer does not fit this question: {error}", fatal=True
            ) from None
        streak = player.streak_before(self.number) + 1 if result.correct else 0
        points = points_for(self.rule, result, current.points, elapsed, limit, streak)
        text = describe_answer(question, given, language=self.language)
        outcome = PlayerAnswer(given, text, result, False, elapsed, points, streak)
        player.answers[self.number] = outcome
        self._answers_now += 1
        written = self._record(player, self.number, outcome)
        self._changed()
        self._close_if_everyone_answered()
        # A store problem is shown on the host's screen; the answer still counts in the game.
        with contextlib.suppress(StoreError):
            await written

    def _record(self, player: Player, number: int, outcome: PlayerAnswer) -> asyncio.Future[None]:
        assert self.current is not None
        question = self.current.question
        encoded = None if outcome.answer is None else encode_answer(outcome.answer)
        moment = self.wall_clock()
        return self.recorder.record(
            AnswerRecord(
                player.id,
                question.id,
                str(question.skill),
                number,
                outcome.answer_text,
                encoded,
                outcome.grade.correct,
                outcome.grade.fraction,
                outcome.elapsed,
                outcome.points,
                outcome.timed_out,
                moment,
            )
        )

    def _close_if_everyone_answered(self) -> None:
        if self.phase is not Phase.ASKING or self._closing is not None or not self._present:
            return
        if self._answers_now < len(self._present):  # the usual case, without looking at everyone
            return
        if all(self.number in self.players[i].answers for i in self._present):
            self._closing = asyncio.get_running_loop().create_task(self.close_question())

    # --- The host's controls --------------------------------------------------------------------------

    async def control(self, action: ControlAction, player_name: str | None = None) -> None:
        """One of the host's keys; `Refusal("cannot")` when it makes no sense now. Returns once
        what it changed is committed to the store."""
        try:
            await self._control_now(action, player_name)
        finally:
            with contextlib.suppress(StoreError):
                await self.recorder.run(lambda s: None)  # every write queued before is committed

    async def _control_now(self, action: ControlAction, player_name: str | None) -> None:
        if action in ("start", "next"):
            await self.next_question()
        elif action == "reveal":
            if self.phase is not Phase.ASKING:
                raise Refusal("cannot", "no question is open")
            await self.close_question()
        elif action == "skip":
            await self.skip()
        elif action == "pause":
            await self.pause()
        elif action == "resume":
            await self.resume()
        elif action == "kick":
            await self.kick(player_name or "")
        elif action == "end":
            await self.end()

    async def next_question(self) -> None:
        async with self._control:
            if self.phase not in (Phase.LOBBY, Phase.CLOSED):
                raise Refusal(
                    "cannot", f"a question opens from the lobby or after a reveal, not {self.phase}"
                )
            if self.number >= self.total:
                await self._finish()
                return
            number = self.number + 1
            # Queued, not awaited: the players' answers are queued after it, so a crash can never
            # keep their answers without this. The host's reply waits for it (`control`).
            self._remember(lambda s: s.set_live_progress(self.session_id, number, "asking"))
            self.number, self.skipped, self.reveal = number, False, None
            self.current = self._shuffles.presentation(number)
            self._started_at, self._paused_at, self._paused_total = self.clock(), None, 0.0
            self.phase = Phase.ASKING
            self._closing, self._answers_now = None, 0
            self._schedule_deadline()
            await self.hub.broadcast(self._question_message())
            self._changed()
            self._close_if_everyone_answered()

    def _question_message(self, *, answered: bool = False) -> bytes:
        assert self.current is not None
        return _json(
            QuestionMessage(
                question=question_view(self.current, self.language),
                remaining=self.remaining(),
                paused=self.paused,
                answered=answered,
            )
        )

    async def close_question(self) -> None:
        """Close the open question: time-outs for those who did not answer, then the reveal."""
        async with self._control:
            if self.phase is not Phase.ASKING or self.current is None:
                return
            self._stop_clock()
            limit = self.current.time_limit
            duration = self._elapsed() if limit is None else min(self._elapsed(), float(limit))
            self.phase = Phase.CLOSED
            self._record_time_outs(duration)
            number = self.number
            # Awaited: the answers queued before it are then committed and acknowledged, so no
            # player sees the reveal before the acknowledgement of their answer.
            with contextlib.suppress(StoreError):
                await self.recorder.run(
                    lambda s: s.set_live_progress(self.session_id, number, "closed")
                )
            ranks = self.ranks()
            self.reveal = self._build_reveal(ranks)
            reveal = _json(self.reveal)
            for player in self.in_game:  # the reveal and each one's result, in one write
                if player.connected:
                    await self.hub.send(player, reveal, _json(self._result(player, ranks)))
            # While the class reads the reveal: the store's journal is copied into the database
            # now rather than by a commit during the next question (see `Recorder`).
            self.recorder.checkpoint().add_done_callback(_retrieved)
            self._changed()

    def _record_time_outs(self, elapsed: float) -> None:
        for player in self.in_game:
            if self.number not in player.answers:
                outcome = PlayerAnswer(None, TIMED_OUT_TEXT, WRONG, True, elapsed, 0, 0)
                player.answers[self.number] = outcome
                self._record(player, self.number, outcome).add_done_callback(_retrieved)

    def _remember(self, write: Callable[[ResultsStore], object]) -> None:
        """Queue a write nobody waits for (a problem shows on the host's screen)."""
        self.recorder.submit(write).add_done_callback(_retrieved)

    async def skip(self) -> None:
        """Skip the open question (its answers are dropped: it counts for nobody), or else the
        next one (it is never asked)."""
        async with self._control:
            if self.phase is Phase.ASKING:
                self._stop_clock()
                self.phase = Phase.CLOSED  # no answer gets in while the others are dropped
                number = self.number
                for player in self.players.values():
                    player.answers.pop(number, None)
                self._remember(lambda s: s.discard_live_answers(self.session_id, number))
            elif self.phase in (Phase.LOBBY, Phase.CLOSED) and self.number < self.total:
                number = self.number + 1
                self.current = self._shuffles.presentation(number)
            else:
                raise Refusal("cannot", "there is no question to skip")
            with contextlib.suppress(StoreError):  # after the answers in flight, as a reveal
                await self.recorder.run(
                    lambda s: s.set_live_progress(self.session_id, number, "skipped")
                )
            self.number, self.skipped, self.reveal = number, True, None
            self.phase = Phase.CLOSED
            await self.hub.broadcast(_json(Skipped(question=number)))
            self._changed()

    async def pause(self) -> None:
        async with self._control:
            if self.phase is not Phase.ASKING or self.paused:
                raise Refusal("cannot", "only an open question can be paused")
            self._stop_clock()
            self._paused_at = self.clock()
            await self.hub.broadcast(
                _json(Paused(question=self.number, remaining=self.remaining()))
            )
            self._changed()

    async def resume(self) -> None:
        async with self._control:
            if self.phase is not Phase.ASKING or self._paused_at is None:
                raise Refusal("cannot", "the game is not paused")
            self._paused_total += self.clock() - self._paused_at
            self._paused_at = None
            self._schedule_deadline()
            await self.hub.broadcast(
                _json(Resumed(question=self.number, remaining=self.remaining()))
            )
            self._changed()

    async def kick(self, name: str) -> None:
        """Remove a player: they are disconnected, their token stops working, and their game is
        left unfinished (out of the leaderboards)."""
        key = live_name_key(name)
        player = next((p for p in self.in_game if live_name_key(p.name) == key), None)
        if player is None:
            raise Refusal("unknown_player", f"no player called {clean_name(name)} is in the game")
        player.kicked = True
        self._kicked += 1
        with contextlib.suppress(StoreError):  # shown as a store problem; they are out all the same
            await self.recorder.run(lambda s: s.kick_live_player(player.id))
        self._present.discard(player.id)
        await self.hub.drop(
            player,
            refusal_message(Refusal("kicked", "the host removed you from this game", fatal=True)),
        )
        self._changed()
        self._close_if_everyone_answered()

    async def end(self) -> None:
        """End the game now (an open question is closed and revealed first)."""
        if self.phase is Phase.FINISHED:
            raise Refusal("cannot", "the game is already over")
        await self.close_question()
        async with self._control:
            await self._finish()

    async def _finish(self) -> None:
        self._stop_clock()
        moment = self.wall_clock()
        with contextlib.suppress(StoreError):  # shown as a store problem
            await self.recorder.run(lambda s: s.finish_live_session(self.session_id, moment))
        self.phase = Phase.FINISHED
        ranks = self.ranks()
        top = self._top(ranks)
        for player in self.in_game:
            if player.connected:
                await self.hub.send(player, _json(self._game_over(player, ranks, top)))
        self._changed()

    # --- The clock ----------------------------------------------------------------------------------

    def _schedule_deadline(self) -> None:
        self._stop_clock()
        remaining = self.remaining()
        if remaining is not None:
            loop = asyncio.get_running_loop()
            self._deadline = loop.call_later(max(remaining, 0.0), self._deadline_reached)

    def _deadline_reached(self) -> None:
        """The timer fired: close the question if its time is really up (the clock decides)."""
        self._deadline = None
        remaining = self.remaining()
        if remaining is None or self.paused:
            return
        if remaining > 0:
            self._schedule_deadline()
        elif self._closing is None:
            self._closing = asyncio.get_running_loop().create_task(self.close_question())

    def _stop_clock(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    # --- Reveals ------------------------------------------------------------------------------------

    def _build_reveal(self, ranks: dict[int, int]) -> Reveal:
        assert self.current is not None
        presented, number = self.current, self.number
        question = presented.question
        given = [a for p in self.in_game if (a := p.answers.get(number)) is not None]
        key = view_key(presented)
        timed_out = sum(1 for a in given if a.timed_out)
        bars: list[Bar]
        if shows_choice_bars(presented):
            labels = question_view(presented, self.language).choices
            counts = [0] * len(labels)
            for answer in given:
                if answer.answer is not None:
                    for position in picked_choices(presented, answer.answer):
                        counts[position] += 1
            bars = [
                Bar(label=label, count=count, right=position in key)
                for position, (label, count) in enumerate(zip(labels, counts, strict=True))
            ]
            bars.append(Bar(outcome="timed_out", count=timed_out, right=False))
        else:
            outcomes: list[Outcome] = ["right", "partial", "wrong", "timed_out"]
            bars = [
                Bar(
                    outcome=name,
                    count=sum(1 for a in given if a.outcome == name),
                    right=name == "right",
                )
                for name in outcomes
            ]
        return Reveal(
            question=number,
            key=key,
            key_text=describe_key(question, language=self.language),
            explanation=question.explanation,
            evidence=question.evidence,
            bars=bars,
            answered=len(given) - timed_out,
            players=self.player_count,
            top=self._top(ranks),
        )

    def ranks(self) -> dict[int, int]:
        """Each player's rank, by id (`standings` once, for everyone)."""
        return {player.id: rank for rank, player in self.standings()}

    def _top(self, ranks: dict[int, int]) -> list[Standing]:
        best = sorted(self.in_game, key=lambda p: (ranks[p.id], p.total_time, p.id))[:TOP]
        return [Standing(rank=ranks[p.id], name=p.name, score=p.score) for p in best]

    def _result(self, player: Player, ranks: dict[int, int]) -> Result:
        outcome = player.answers.get(self.number)
        return Result(
            question=self.number,
            outcome=outcome.outcome if outcome else "timed_out",
            answer_text=outcome.answer_text if outcome else TIMED_OUT_TEXT,
            points=outcome.points if outcome else 0,
            streak=outcome.streak if outcome else 0,
            score=player.score,
            rank=ranks.get(player.id, 0),
            players=self.player_count,
        )

    def _game_over(self, player: Player, ranks: dict[int, int], top: list[Standing]) -> GameOver:
        return GameOver(
            score=player.score,
            rank=ranks.get(player.id, 0),
            players=self.player_count,
            top=top,
        )


def _check_version(version: int) -> None:
    if version != PROTOCOL_VERSION:
        raise Refusal(
            "version",
            f"this game speaks version {PROTOCOL_VERSION} of the protocol, not {version}: "
            "update quiz, or reload the page",
            fatal=True,
        )


def _retrieved(future: asyncio.Future[Any]) -> None:
    """Take a write's outcome so that asyncio does not warn of an exception never retrieved."""
    if not future.cancelled():
        future.exception()


def refusal_message(refusal: Refusal) -> bytes:
    """The `error` message that tells a client about `refusal`."""
    return _json(Error(code=refusal.code, message=refusal.message, fatal=refusal.fatal))
