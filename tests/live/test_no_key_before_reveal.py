"""Every byte the server sends to players, recorded on the wire: nothing before a question's reveal
holds its key, its explanation, its evidence, or which choice is right (every type, and a set of
categorize questions, whose pairs of item and category are the key)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from quiz.core.answers import (
    BooleanAnswer,
    CategorizeAnswer,
    ChoiceAnswer,
    HighlightAnswer,
    NumberAnswer,
    OrderAnswer,
    TextAnswer,
    describe_key,
)
from quiz.core.kinds import kind_of
from quiz.core.live_protocol import QuestionMessage
from quiz.core.question_view import QuestionView
from quiz.core.session import GameSession, GameSettings
from quiz.live.client import LiveClient

from .conftest import SEED, FakeClock, Served, load, serve, until

CATEGORIZE_SET = "live/categorize.yaml"


class RecordingProxy:
    """A TCP relay between players and the server that keeps everything the server sends."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.received: list[bytearray] = []
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        return int(self._server.sockets[0].getsockname()[1])

    async def _relay(
        self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter
    ) -> None:
        server_in, server_out = await asyncio.open_connection("127.0.0.1", self.target_port)
        record = bytearray()
        self.received.append(record)

        async def pump(
            source: asyncio.StreamReader, sink: asyncio.StreamWriter, keep: bool
        ) -> None:
            while data := await source.read(65536):
                if keep:
                    record.extend(data)
                sink.write(data)
                await sink.drain()
            sink.close()

        await asyncio.gather(
            pump(client_in, server_out, keep=False),
            pump(server_in, client_out, keep=True),
            return_exceptions=True,
        )

    async def close(self) -> None:
        assert self._server is not None
        self._server.close()


def text_frames(stream: bytes) -> tuple[bytes, list[str]]:
    """The HTTP response head, and every text message of a server's WebSocket byte stream."""
    head, _, rest = stream.partition(b"\r\n\r\n")
    messages, partial, at = [], b"", 0
    while at < len(rest):
        first, second = rest[at], rest[at + 1]
        assert not second & 0x80, "a server never masks its frames"
        length, at = second & 0x7F, at + 2
        if length == 126:
            length, at = int.from_bytes(rest[at : at + 2], "big"), at + 2
        elif length == 127:
            length, at = int.from_bytes(rest[at : at + 8], "big"), at + 8
        payload, at = rest[at : at + length], at + length
        opcode = first & 0x0F
        if opcode in (0x1, 0x0):
            partial += payload
            if first & 0x80:
                messages.append(partial.decode())
                partial = b""
    return head, messages


SOME_ANSWER: dict[str, Any] = {  # any answer of the right kind: what matters is what is sent
    "single": ChoiceAnswer(frozenset({0})),
    "multiple": ChoiceAnswer(frozenset({0, 1})),
    "true_false": BooleanAnswer(True),
    "numeric": NumberAnswer(4),
    "text": TextAnswer("AFP"),
    "order": OrderAnswer((0, 1, 2)),
    "highlight": HighlightAnswer(frozenset({7})),
}
SECRET_FIELDS = {"key", "key_text", "explanation", "evidence", "correct", "feedback", "right"}
VIEW_FIELDS = set(QuestionView.model_fields)


def field_names(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {name for item in value.values() for name in field_names(item)}
    if isinstance(value, list):
        return {name for item in value for name in field_names(item)}
    return set()


def secrets_of(number: int, set_name: str = "every_type.yaml") -> list[str]:
    """Texts that would give question `number` away before its reveal: its explanation, evidence,
    choice feedback, accepted answers and key (and each part of a key of several parts: one
    categorize pair "item → category" gives that item away), less what the question itself
    shows (a single choice's key is one of its choices; a highlight's words are in its passage)."""
    question_set = load(set_name)
    question = question_set.questions[number - 1]
    shown = "\n".join(  # read from the file, not from the view under test
        [
            question.prompt,
            *(c.text for c in getattr(question, "choices", [])),
            *kind_of(question).item_texts(question),
            *getattr(question, "categories", []),
            getattr(question, "text", ""),
            "True\nFalse",
        ]
    )
    texts = [question.explanation, question.evidence]
    texts += [c.feedback for c in getattr(question, "choices", []) if c.feedback]
    answers = getattr(question, "answer", None)
    texts += answers if isinstance(answers, list) else []
    key = describe_key(question, language=question_set.language)
    texts += [key, *key.split("; ")]
    return [text for text in texts if text not in shown]


def check_player_stream(stream: bytes, set_name: str, questions: int) -> tuple[set[int], list[Any]]:
    """Read one player's recorded stream and assert that nothing sent before a question's reveal
    gives it away, and that acks, reveals and results come in order. Returns the questions whose
    answers were acknowledged, and the `question` messages as sent (JSON)."""
    head, messages = text_frames(stream)
    assert head.startswith(b"HTTP/1.1 101")
    assert len(messages) >= 1 + questions * 3
    revealed = 0  # the last question whose reveal this player has had
    open_question = 0
    mine: set[int] = set()  # the questions this player's answers were acknowledged for
    views = []
    for text in messages:
        message = json.loads(text)
        kind = message["type"]
        if kind == "question":
            open_question = message["question"]["number"]
            assert set(message["question"]) <= VIEW_FIELDS
            views.append(message)
        if kind == "reveal":
            revealed = message["question"]
        if kind == "result":
            assert message["question"] == revealed, "a result comes after its reveal"
            if message["outcome"] != "timed_out":
                assert revealed in mine, "the answer was acknowledged first"
        if kind == "ack":
            assert set(message) == {"type", "question"}, "an ack says nothing of right or wrong"
            assert message["question"] > revealed, "an answer is acknowledged before its reveal"
            mine.add(message["question"])
        if open_question > revealed:  # question `open_question` is not revealed yet
            assert not field_names(message) & SECRET_FIELDS, text
            for secret in secrets_of(open_question, set_name):
                assert secret not in text, (secret, text)
    return mine, views


async def test_no_byte_sent_before_a_reveal_gives_its_question_away(
    served: Served, clock: FakeClock
) -> None:
    proxy = RecordingProxy(served.port)
    port = await proxy.start()
    players = []
    for name in ("Ana", "Bo", "Cy"):
        client = LiveClient("127.0.0.1", port)
        served.clients.append(client)
        await client.connect()
        await client.join(served.code, name, "4B")
        players.append(client)
    remote = await served.remote()
    for number in range(1, 8):
        await remote.control("start" if number == 1 else "next")
        views = [(await until(client, "question")).question for client in players]
        clock.advance(2)
        answering = players if number == 7 else players[: 1 + (number == 4)]
        for client in answering:
            await client.answer(number, SOME_ANSWER[views[0].type])
            assert (await until(client, "ack")).question == number
        if number < 7:  # on the last one everybody answered: it closed by itself
            await remote.control("reveal")
        outcomes = [(await until(client, "result")).outcome for client in players]
        assert outcomes.count("timed_out") == len(players) - len(answering)
    await remote.control("next")
    for client in players:
        await until(client, "game_over")
    await proxy.close()

    order_view = None
    acknowledged: set[int] = set()
    for stream in proxy.received:
        mine, questions = check_player_stream(bytes(stream), "every_type.yaml", 7)
        acknowledged |= mine
        for message in questions:
            if message["question"]["type"] == "order":
                order_view = QuestionMessage.model_validate(message).question
    assert all(secrets_of(n) for n in range(1, 8))  # every question had something to keep
    assert len(acknowledged) == 7, "every question had an answer acknowledged"
    # The items of the ordering question are never sent in the file's order: that is the key.
    assert order_view is not None
    assert order_view.items != list(load().questions[5].items)  # type: ignore[attr-defined]


async def test_a_categorize_question_s_pairs_are_never_sent_before_its_reveal(
    tmp_path: Any, clock: FakeClock
) -> None:
    served = await serve(tmp_path / "class.sqlite3", clock, load(CATEGORIZE_SET))
    try:
        proxy = RecordingProxy(served.port)
        port = await proxy.start()
        players = []
        for name in ("Ana", "Bo"):
            client = LiveClient("127.0.0.1", port)
            served.clients.append(client)
            await client.connect()
            await client.join(served.code, name, "4B")
            players.append(client)
        remote = await served.remote()
        for number in (1, 2):
            await remote.control("start" if number == 1 else "next")
            views = [(await until(client, "question")).question for client in players]
            clock.advance(2)
            # Ana puts every item in the first category, Bo leaves them all unplaced.
            await players[0].answer(number, CategorizeAnswer((0,) * len(views[0].items)))
            await players[1].answer(number, CategorizeAnswer((None,) * len(views[1].items)))
            for client in players:
                assert (await until(client, "ack")).question == number
            reveal = await until(players[0], "reveal")  # everybody answered: it closed itself
            assert reveal.key == shown_key(number)  # with the reveal, in the view's terms
        await remote.control("next")
        for client in players:
            await until(client, "game_over")
        await proxy.close()
    finally:
        await served.close()

    question_set = load(CATEGORIZE_SET)
    for stream in proxy.received:
        acknowledged, questions = check_player_stream(bytes(stream), CATEGORIZE_SET, 2)
        assert acknowledged == {1, 2}
        for message in questions:
            view = QuestionMessage.model_validate(message).question
            question = question_set.questions[view.number - 1]
            texts = [item.text for item in question.items]  # type: ignore[attr-defined]
            assert sorted(view.items) == sorted(texts)
            assert view.items != texts, "the items are never sent in the file's order"
            assert view.categories == question.categories  # type: ignore[attr-defined]
            assert set(message["question"]) >= {"items", "categories"}
    for number, question in enumerate(question_set.questions, start=1):
        pairs = [f"{i.text} → {i.category}" for i in question.items]  # type: ignore[attr-defined]
        assert set(pairs) <= set(secrets_of(number, CATEGORIZE_SET)), "each pair was looked for"


def shown_key(number: int) -> list[int]:
    """The right category of each item of CATEGORIZE_SET's question `number`, as shown."""
    presented = GameSession(load(CATEGORIZE_SET), GameSettings("x", seed=SEED)).presentation(number)
    key = presented.question.key  # type: ignore[attr-defined]
    return [key[i] for i in presented.item_order]
