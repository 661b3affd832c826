"""Benchmark: the live game's server under a class of N players, against a bare aiohttp echo server.

    python benchmarks/bench_live.py [--players 2000] [--questions 5] [--repeat 3] [--check]

Both servers run in their own process on loopback; the players are N WebSocket clients in this one
process (one aiohttp session, one event loop), so the client side costs the same in both runs.
- Baseline: a bare aiohttp echo server (`web.WebSocketResponse`, nothing else). In each of Q rounds
  every client sends one answer-sized message, at a random moment within `--spread` seconds, and
  times the echo.
- The real thing: `python -m quiz.live` on a generated set of Q one-answer questions, with its
  results database. The host's remote control opens each question: the time until the LAST player
  has it is "question to all". Every player then answers at a random moment within `--spread`
  seconds (the same moments as the baseline's), and times the acknowledgement, which the server
  sends once the answer is graded, scored and committed to the database; when everyone has
  answered the question closes, and every player gets the reveal and their result.
- Host memory: the server process's peak resident size (VmHWM), read from /proc.

Targets at 2,000 players: acknowledgement p99 at most 2× the echo's p99 and under 100 ms, a
question to every player within 250 ms, host memory under 300 MB (`--check`: exit 1 if one is
missed). Every wait is bounded: a stuck run fails instead of hanging. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from quiz.core.live_protocol import PROTOCOL_VERSION

ROOT = Path(__file__).resolve().parents[1]
PHASE_SECONDS = 120.0
"""The longest any phase may take (connecting everyone, one question…) before the run fails."""
CONNECTING_AT_ONCE = 100
ECHO_SERVER = """
import sys
from aiohttp import WSMsgType, web

async def echo(request):
    ws = web.WebSocketResponse(compress=False)
    await ws.prepare(request)
    async for message in ws:
        if message.type is WSMsgType.TEXT:
            await ws.send_str(message.data)
    return ws

app = web.Application()
app.router.add_get("/ws", echo)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, backlog=4096,
            print=lambda *_: print("ready", flush=True))
"""


def question_set(path: Path, questions: int) -> Path:
    lines = [
        "id: bench-live",
        "title: Live benchmark",
        "language: en",
        "article: {headline: A headline}",
        "defaults: {time_limit: 60, points: 1000, scoring: classic}",
        "questions:",
    ]
    for number in range(1, questions + 1):
        lines += [
            f"  - id: q{number}",
            "    type: single",
            "    skill: comprehension",
            f"    prompt: Question number {number}, which of these is right?",
            "    choices: [Tokyo, Moscow, Beijing, Canberra]",
            "    answer: Tokyo",
            "    explanation: It is Tokyo.",
            "    evidence: met in Tokyo",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def memory_kib(pid: int) -> tuple[int, int]:
    """(resident, peak resident) of a process, in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0])
    return fields["VmRSS"], fields["VmHWM"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def bounded(awaitable: Awaitable[Any], what: str) -> Any:
    try:
        return await asyncio.wait_for(awaitable, PHASE_SECONDS)
    except TimeoutError:
        raise SystemExit(f"timed out after {PHASE_SECONDS:.0f} s: {what}") from None


async def connect_all(
    session: aiohttp.ClientSession, url: str, count: int, then: Callable[[Any], Awaitable[None]]
) -> list[Any]:
    """`count` WebSockets to `url`, `CONNECTING_AT_ONCE` at a time, each passed to `then`."""
    gate = asyncio.Semaphore(CONNECTING_AT_ONCE)

    async def one() -> Any:
        async with gate:
            ws = await session.ws_connect(url, max_msg_size=1 << 22)
            await then(ws)
            return ws

    return list(
        await bounded(asyncio.gather(*(one() for _ in range(count))), f"connecting {count}")
    )


@dataclass
class Figures:
    latencies: list[float] = field(default_factory=list)
    deliveries: list[float] = field(default_factory=list)
    memory: tuple[int, int] = (0, 0)


async def spawn(*command: str, ready: Callable[[str], bool]) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    line = await bounded(asyncio.to_thread(process.stdout.readline), f"{command[0]} to start")
    if not ready(line):
        process.kill()
        raise SystemExit(
            f"{command} did not start: {line}{process.stderr and process.stderr.read()}"
        )
    return process, line


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- The baseline ----------------------------------------------------------------------------------


async def echo_run(players: int, rounds: int, delays: list[list[float]]) -> Figures:
    port = free_port()
    process, _ = await spawn("-c", ECHO_SERVER, str(port), ready=lambda line: "ready" in line)
    figures = Figures()
    message = json.dumps(
        {"type": "answer", "question": 1, "answer": {"kind": "choice", "selected": [2]}}
    )
    try:
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def nothing(ws: Any) -> None:
                return None

            sockets = await connect_all(session, f"ws://127.0.0.1:{port}/ws", players, nothing)

            async def answer(ws: Any, delay: float) -> float:
                await asyncio.sleep(delay)
                sent = time.perf_counter()
                await ws.send_str(message)
                reply = await ws.receive()
                json.loads(reply.data)  # read as the live clients read theirs
                return time.perf_counter() - sent

            for number in range(rounds):
                waits = [answer(ws, delays[number][i]) for i, ws in enumerate(sockets)]
                figures.latencies += await bounded(asyncio.gather(*waits), "the echoes")
            figures.memory = memory_kib(process.pid)
            for ws in sockets:
                await ws.close()
    finally:
        stop(process)
    return figures


# --- The live game ---------------------------------------------------------------------------------


async def live_run(players: int, rounds: int, delays: list[list[float]], folder: Path) -> Figures:
    port = free_port()
    path = question_set(folder / "bench.yaml", rounds)
    db = folder / "bench.sqlite3"
    process, line = await spawn(
        "-m", "quiz.live", str(path), "--port", str(port), "--db", str(db), "--new", "--seed", "1",
        ready=lambda line: line.startswith("{"),
    )  # fmt: skip
    started = json.loads(line)
    figures = Figures()
    try:
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as session:
            names = iter(range(players))

            async def join(ws: Any) -> None:
                name = f"Player {next(names):05d}"
                join = {
                    "type": "join",
                    "version": PROTOCOL_VERSION,
                    "code": started["code"],
                    "name": name,
                }
                await ws.send_str(json.dumps(join))
                for _ in range(2):  # the welcome, and the lobby
                    json.loads((await ws.receive()).data)

            url = f"ws://127.0.0.1:{port}/ws"
            sockets = await connect_all(session, url, players, join)
            host = await session.ws_connect(f"ws://127.0.0.1:{port}/host")
            await host.send_str(
                json.dumps({"type": "host", "version": PROTOCOL_VERSION, "token": started["token"]})
            )
            json.loads((await host.receive()).data)

            async def play(ws: Any, number: int, delay: float) -> tuple[float, float]:
                """(when the question arrived, how long the ack took)."""
                while True:
                    message = json.loads((await ws.receive()).data)
                    if message["type"] == "question":
                        break
                arrived = time.perf_counter()
                position = message["question"]["choices"].index("Tokyo")
                await asyncio.sleep(delay)
                answer = {
                    "type": "answer",
                    "question": number,
                    "answer": {"kind": "choice", "selected": [position]},
                }
                sent = time.perf_counter()
                await ws.send_str(json.dumps(answer))
                while json.loads((await ws.receive()).data)["type"] != "ack":
                    pass
                acknowledged = time.perf_counter() - sent
                while json.loads((await ws.receive()).data)["type"] != "result":
                    pass  # the reveal, then this player's result: the question is over
                return arrived, acknowledged

            for number in range(1, rounds + 1):
                games = [
                    asyncio.create_task(play(ws, number, delays[number - 1][i]))
                    for i, ws in enumerate(sockets)
                ]
                await asyncio.sleep(0.2)  # every player waits for the question
                opened = time.perf_counter()
                action = "start" if number == 1 else "next"
                await host.send_str(json.dumps({"type": "control", "action": action}))
                results = await bounded(asyncio.gather(*games), f"question {number}")
                figures.deliveries.append(max(arrived for arrived, _ in results) - opened)
                figures.latencies += [ack for _, ack in results]
            figures.memory = memory_kib(process.pid)
            await host.close()
            for ws in sockets:
                await ws.close()
    finally:
        stop(process)
    return figures


@dataclass
class Run:
    """One echo run and one live run, back to back, as figures."""

    echo_p50: float
    echo_p99: float
    ack_p50: float
    ack_p99: float
    delivery_worst: float
    delivery_median: float
    echo_peak_mb: float
    live_peak_mb: float

    @classmethod
    def of(cls, echo: Figures, live: Figures) -> Run:
        return cls(
            statistics.median(echo.latencies),
            percentile(echo.latencies, 0.99),
            statistics.median(live.latencies),
            percentile(live.latencies, 0.99),
            max(live.deliveries),
            statistics.median(live.deliveries),
            echo.memory[1] / 1024,
            live.memory[1] / 1024,
        )

    def line(self, label: str) -> str:
        return (
            f"{label:6} echo p50 {self.echo_p50 * 1000:6.1f} p99 {self.echo_p99 * 1000:6.1f} │ "
            f"ack p50 {self.ack_p50 * 1000:6.1f} p99 {self.ack_p99 * 1000:6.1f} │ "
            f"question to all {self.delivery_worst * 1000:6.1f} (median "
            f"{self.delivery_median * 1000:6.1f}) │ memory echo {self.echo_peak_mb:5.1f} MB, "
            f"host {self.live_peak_mb:5.1f} MB"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", type=int, default=2000)
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument(
        "--think", type=float, default=1.0, help="seconds before the first answers (reading)"
    )
    parser.add_argument(
        "--spread", type=float, default=2.0, help="seconds over which players then answer"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="echo and live runs, interleaved; the best counts"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    options = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = 2 * options.players + 200
    if soft < needed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, needed), hard))
    randomness = random.Random(13)
    delays = [
        [options.think + randomness.uniform(0, options.spread) for _ in range(options.players)]
        for _ in range(options.questions)
    ]
    print(
        f"players {options.players}, questions {options.questions}, answers from "
        f"{options.think} s to {options.think + options.spread} s after each question; "
        f"times in ms, best of {options.repeat} interleaved runs"
    )
    runs = []
    for number in range(1, options.repeat + 1):
        echo = asyncio.run(echo_run(options.players, options.questions, delays))
        with tempfile.TemporaryDirectory() as folder:
            live = asyncio.run(live_run(options.players, options.questions, delays, Path(folder)))
        runs.append(Run.of(echo, live))
        print(runs[-1].line(f"run {number}"), flush=True)
    best = Run(
        *(min(getattr(run, name) for run in runs) for name in Run.__dataclass_fields__),
    )
    best.echo_peak_mb = max(run.echo_peak_mb for run in runs)  # memory: the worst run counts
    best.live_peak_mb = max(run.live_peak_mb for run in runs)
    print(best.line("best"))
    ratio = best.ack_p99 / best.echo_p99
    print(f"ratio ack p99 / echo p99: {ratio:.2f}")
    missed = []
    if ratio > 2:
        missed.append(f"ack p99 is {ratio:.2f}× the echo's (target ≤ 2)")
    if best.ack_p99 >= 0.100:
        missed.append(f"ack p99 {best.ack_p99 * 1000:.1f} ms (target < 100 ms)")
    if best.delivery_worst > 0.250:
        missed.append(
            f"a question took {best.delivery_worst * 1000:.1f} ms to reach everyone "
            "(target ≤ 250 ms)"
        )
    if best.live_peak_mb >= 300:
        missed.append(f"host memory peaked at {best.live_peak_mb:.0f} MB (target < 300 MB)")
    for line in missed:
        print(f"missed: {line}")
    if not missed:
        print("every target met")
    return 1 if options.check and missed else 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
