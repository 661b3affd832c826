"""The live game's protocol: every JSON message between the host's server, its players and its
remote control, as pydantic models (docs/live.md describes the conversation).

Messages travel as WebSocket text frames, one JSON object each, told apart by `type`. What a
client sends is validated strictly (no coercion, no unknown fields, every size bounded) before the
server does anything with it: a message that fails is answered with an `error` and the connection
is closed. What the server sends is built from these models too, so the browser page, `quiz join`
and the tests all read the same shapes.

The protocol is versioned: `join`, `rejoin` and `host` carry `PROTOCOL_VERSION`, and a server
refuses a client that speaks another version. Answers use the results store's own encoding
(`quiz.core.answers.encode_answer`), in display positions (see `quiz.core.question_view`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from quiz.core.kinds.categorize import MAX_CATEGORIES, MAX_ITEMS
from quiz.core.question_view import QuestionView

PROTOCOL_VERSION = 1

MAX_MESSAGE_BYTES = 16 * 1024
"""The largest message a client may send; a bigger one is an error and the end of the connection."""
MAX_NAME_CHARS = 200
"""A name or class as typed, before `clean_name` trims it to 40 characters."""
MAX_TEXT_ANSWER_CHARS = 200
MAX_PICKS = 2000
"""Indices in one answer: choices and items are at most 12, a passage's words a few hundred."""
MAX_QUESTIONS = 10_000

JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""Join codes avoid letters and digits that read alike on a projector (0/O, 1/I)."""
JOIN_CODE_LENGTH = 5


class _Incoming(BaseModel):
    """From a client: strict types (no "1" for 1), no unknown fields, frozen."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Outgoing(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Index = Annotated[int, Field(ge=0, le=MAX_PICKS)]
Name = Annotated[str, Field(max_length=MAX_NAME_CHARS)]
Token = Annotated[str, Field(min_length=1, max_length=128)]
QuestionNumber = Annotated[int, Field(ge=1, le=MAX_QUESTIONS)]


# --- Answers, as `encode_answer` writes them (display positions) ----------------------------------


class ChoicePicks(_Incoming):
    kind: Literal["choice"]
    selected: list[Index] = Field(max_length=12)


class BooleanPick(_Incoming):
    kind: Literal["boolean"]
    value: bool


class NumberPick(_Incoming):
    kind: Literal["number"]
    value: Annotated[float, Field(allow_inf_nan=False)]


class TextPick(_Incoming):
    kind: Literal["text"]
    text: str = Field(max_length=MAX_TEXT_ANSWER_CHARS)


class OrderPick(_Incoming):
    kind: Literal["order"]
    order: list[Index] = Field(max_length=12)


class HighlightPick(_Incoming):
    kind: Literal["highlight"]
    words: list[Index] = Field(max_length=MAX_PICKS)


class CategorizePick(_Incoming):
    """`placements[p]`: the category index of the item shown at position `p`, None if unplaced."""

    kind: Literal["categorize"]
    placements: list[Annotated[int, Field(ge=0, lt=MAX_CATEGORIES)] | None] = Field(
        max_length=MAX_ITEMS
    )


AnswerPayload = Annotated[
    ChoicePicks | BooleanPick | NumberPick | TextPick | OrderPick | HighlightPick | CategorizePick,
    Field(discriminator="kind"),
]


# --- Player → server ------------------------------------------------------------------------------


class Join(_Incoming):
    """Enter the game under a name (unique in the game) with the code on the projector."""

    type: Literal["join"]
    version: int
    code: str = Field(max_length=16)
    name: Name
    class_name: Name | None = None


class Rejoin(_Incoming):
    """Come back after a dropped connection, with the token `welcome` gave."""

    type: Literal["rejoin"]
    version: int
    token: Token


class SubmitAnswer(_Incoming):
    """The answer to question `question` (the one being asked): one per question, no changes."""

    type: Literal["answer"]
    question: QuestionNumber
    answer: AnswerPayload


PlayerMessage = Annotated[Join | Rejoin | SubmitAnswer, Field(discriminator="type")]
PLAYER_MESSAGE: TypeAdapter[Join | Rejoin | SubmitAnswer] = TypeAdapter(PlayerMessage)


# --- Host's remote control → server ---------------------------------------------------------------

ControlAction = Literal["start", "next", "reveal", "skip", "pause", "resume", "kick", "end"]


class HostHello(_Incoming):
    """Take the host's controls: the token the server was started with (loopback only)."""

    type: Literal["host"]
    version: int
    token: Token


class Control(_Incoming):
    """One of the host's keys. `player` names whom to kick."""

    type: Literal["control"]
    action: ControlAction
    player: Name | None = None


HostMessage = Annotated[HostHello | Control, Field(discriminator="type")]
HOST_MESSAGE: TypeAdapter[HostHello | Control] = TypeAdapter(HostMessage)


# --- Server → players -----------------------------------------------------------------------------


class GameInfo(_Outgoing):
    title: str
    set_id: str
    language: str
    questions: int
    rule: str
    code: str


class Welcome(_Outgoing):
    """You are in: keep `token` to come back after a dropped connection."""

    type: Literal["welcome"] = "welcome"
    version: int = PROTOCOL_VERSION
    player: str
    class_name: str
    token: str
    rejoined: bool
    game: GameInfo
    players: int


class Lobby(_Outgoing):
    """Waiting for the host to start (or to ask the next question)."""

    type: Literal["lobby"] = "lobby"
    players: int


class QuestionMessage(_Outgoing):
    """A question is open: answer before `remaining` seconds run out (None: no time limit)."""

    type: Literal["question"] = "question"
    question: QuestionView
    remaining: float | None
    paused: bool = False
    answered: bool = False
    """True when this player has already answered it (after a rejoin)."""


class Ack(_Outgoing):
    """Your answer to `question` is recorded. Says nothing of whether it is right."""

    type: Literal["ack"] = "ack"
    question: int


class Paused(_Outgoing):
    type: Literal["paused"] = "paused"
    question: int
    remaining: float | None


class Resumed(_Outgoing):
    type: Literal["resumed"] = "resumed"
    question: int
    remaining: float | None


class Skipped(_Outgoing):
    """The host dropped this question: it counts for nobody."""

    type: Literal["skipped"] = "skipped"
    question: int


class Bar(_Outgoing):
    """One bar of the answers' distribution: a choice (`label` is its text) or an outcome
    (`outcome` names it: right, partial, wrong, timed_out)."""

    label: str = ""
    outcome: Literal["right", "partial", "wrong", "timed_out"] | None = None
    count: int
    right: bool


class Standing(_Outgoing):
    rank: int
    name: str
    score: int


Outcome = Literal["right", "partial", "wrong", "timed_out"]


class Reveal(_Outgoing):
    """The end of a question, the same for everyone: the key, the teaching and the distribution."""

    type: Literal["reveal"] = "reveal"
    question: int
    key: list[int]
    """In the view's terms: right choices' positions, shown items' positions in the right order,
    the words to pick, each shown item's category; empty for numbers and texts (`key_text`)."""
    key_text: str
    explanation: str
    evidence: str
    bars: list[Bar]
    answered: int
    players: int
    top: list[Standing]


class Result(_Outgoing):
    """Your own line of a reveal."""

    type: Literal["result"] = "result"
    question: int
    outcome: Outcome
    answer_text: str
    points: int
    streak: int
    score: int
    rank: int
    players: int


class GameOver(_Outgoing):
    type: Literal["game_over"] = "game_over"
    score: int
    rank: int
    players: int
    top: list[Standing]


ErrorCode = Literal[
    "version",
    "malformed",
    "too_large",
    "flood",
    "bad_origin",
    "not_joined",
    "already_joined",
    "wrong_code",
    "name_needed",
    "name_taken",
    "full",
    "game_over",
    "unknown_token",
    "kicked",
    "replaced",
    "not_open",
    "late",
    "paused",
    "already_answered",
    "bad_answer",
    "too_slow",
    "forbidden",
    "cannot",
    "unknown_player",
    "unavailable",
]


class Error(_Outgoing):
    """Something the client did was refused; when `fatal`, the server closes the connection."""

    type: Literal["error"] = "error"
    code: ErrorCode
    message: str
    fatal: bool


class HostState(_Outgoing):
    """To the remote control: where the game is, after every control and change of phase."""

    type: Literal["state"] = "state"
    phase: Literal["lobby", "asking", "closed", "finished"]
    question: int
    total: int
    players: int
    connected: int
    answered: int
    paused: bool
    session: int
    code: str
    reply_to: ControlAction | None = None
    """The control this state answers; None when it is pushed on a change of phase."""


ServerMessage = Annotated[
    Welcome
    | Lobby
    | QuestionMessage
    | Ack
    | Paused
    | Resumed
    | Skipped
    | Reveal
    | Result
    | GameOver
    | Error
    | HostState,
    Field(discriminator="type"),
]
SERVER_MESSAGE: TypeAdapter[
    Welcome
    | Lobby
    | QuestionMessage
    | Ack
    | Paused
    | Resumed
    | Skipped
    | Reveal
    | Result
    | GameOver
    | Error
    | HostState
] = TypeAdapter(ServerMessage)
"""How clients (quiz join, the tests, the benchmark) read what the server sends."""
