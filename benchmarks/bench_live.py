"""Benchmark: the live game's server under a class of N players, against a bare aiohttp echo server.

    python benchmarks/bench_live.py [--players 2000] [--questions 5] [--repeat 3] [--check]

Both servers run in their own process on loopback; the players are N WebSocket clients in this one
process (one event loop), so the client side costs the same in both runs. The clients are
`wire_client.WireClient`s: each frame is stamped when the loop reads its bytes from the socket, so
that the time for 2,000 players' code to wake up one after the other in one process is not counted
as the server's; each player still decodes every message's JSON, as a real client does.
- Baseline: a bare aiohttp echo server with the live server's socket settings (no compression,
  the same heartbeat and frame limit), that does what an acknowledgement needs on the wire: it
  decodes each answer's JSON and replies with an encoded message of the ack's size. In each of Q
  rounds every client sends one answer, at a random moment within `--spread` seconds (after
  `--think`), and times the reply.
- The real thing: `python -m quiz.live` on a generated set of Q one-answer questions, with its
  results database. The host's remote control opens each question: the time from that control
  until the LAST player has the question is "question to all". Every player then answers at the
  same moments as the baseline's (counted from when their question arrived), and times the
  acknowledgement, which the server sends once the answer is graded, scored and committed to the
  database (a disk sync); when everyone has answered the question closes, and every player gets
  the reveal and their result.
- Host memory: the server process's peak resident size (VmHWM), read from /proc.
- The client's own health, so that a saturated client is seen rather than measured: the lag of a
  5 ms timer on its loop (p99, max) and the share of a core it used during the rounds. The client
  collects no garbage during a round (it collects between rounds): its pauses are not the server's.

Each run is an echo run then a live run, back to back; the ratio is taken within a run (same load),
and the summary is the median run of `--repeat` (memory: the worst), with the machine's load
average. Targets at 2,000 players: acknowledgement p99 at most 2x the echo's p99 and under 100 ms,
a question to every player within 250 ms, host memory under 300 MB (`--check`: exit 1 if the
median run misses one). Every wait is bounded: a stuck run fails instead of hanging. Linux only
(/proc).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
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

from wire_client import WireClient, connect

from quiz.core.live_protocol import PROTOCOL_VERSION
from quiz.live.server import Limits

ROOT = Path(__file__).resolve().parents[1]
PHASE_SECONDS = 120.0
"""The longest any phase may take (connecting everyone, one question…) before the run fails."""
CONNECTING_AT_ONCE = 100
ECHO_SERVER = """
import json, sys
from aiohttp import WSMsgType, web

HEARTBEAT, FRAME_BYTES = float(sys.argv[2]), int(sys.argv[3])

async def echo(request):
    ws = web.WebSocketResponse(compress=False, heartbeat=HEARTBEAT, max_msg_size=FRAME_BYTES)
    await ws.prepare(request)
    async for message in ws:
        if message.type is WSMsgType.TEXT:
            answer = json.loads(message.data)
            reply = {"type": "ack", "question": answer["question"]}
            await ws.send_str(json.dumps(reply, separators=(",", ":")))
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
    port: int, count: int, then: Callable[[WireClient], Awaitable[None]]
) -> list[WireClient]:
    """`count` WebSockets to the players' path, `CONNECTING_AT_ONCE` at a time, each passed to
    `then`."""
    gate = asyncio.Semaphore(CONNECTING_AT_ONCE)

    async def one() -> WireClient:
        async with gate:
            client = await connect("127.0.0.1", port, "/ws")
            await then(client)
            return client

    return list(
        await bounded(asyncio.gather(*(one() for _ in range(count))), f"connecting {count}")
    )


async def receive_json(client: WireClient) -> tuple[float, dict[str, Any]]:
    """The next message: (when its bytes arrived, its decoded JSON)."""
    arrived, text = await client.receive()
    return arrived, json.loads(text)


@dataclass
class Figures:
    latencies: list[float] = field(default_factory=list)
    deliveries: list[float] = field(default_factory=list)
    memory: tuple[int, int] = (0, 0)
    loop_lags: list[float] = field(default_factory=list)
    """The client's: how late a 5 ms timer fired, during the rounds."""
    client_busy: float = 0.0
    """The client's CPU time during the rounds over their wall time (1.0: one core, saturated)."""


class ClientWatch:
    """The client's own health during the rounds: its loop's lag and its CPU share. Its garbage is
    collected between rounds, not during them (a collection walks every connection)."""

    def __init__(self, figures: Figures) -> None:
        self.figures = figures
        self._ticker: asyncio.Task[None] | None = None
        self._wall = self._cpu = 0.0

    async def _tick(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.005)
            self.figures.loop_lags.append(time.perf_counter() - before - 0.005)

    def __enter__(self) -> ClientWatch:
        gc.collect()
        gc.freeze()  # the connections are alive for the whole run: never walk them again
        gc.disable()
        self._ticker = asyncio.get_running_loop().create_task(self._tick())
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc_info: object) -> None:
        assert self._ticker is not None
        self._ticker.cancel()
        busy = time.process_time() - self._cpu
        wall = time.perf_counter() - self._wall
        self.figures.client_busy = max(self.figures.client_busy, busy / wall)
        gc.enable()
        gc.unfreeze()
        gc.collect()


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
    limits = Limits()
    process, _ = await spawn(
        "-c", ECHO_SERVER, str(port), str(limits.heartbeat), str(limits.frame_bytes),
        ready=lambda line: "ready" in line,
    )  # fmt: skip
    figures = Figures()
    try:

        async def nothing(client: WireClient) -> None:
            return None

        clients = await connect_all(port, players, nothing)

        async def answer(client: WireClient, number: int, delay: float) -> float:
            await asyncio.sleep(delay)
            message = {"type": "answer", "question": number, "answer": answer_of(0)}
            sent = client.send_text(json.dumps(message))
            replied, _ = await receive_json(client)
            return replied - sent

        for number in range(1, rounds + 1):
            with ClientWatch(figures):
                waits = [answer(c, number, delays[number - 1][i]) for i, c in enumerate(clients)]
                figures.latencies += await bounded(asyncio.gather(*waits), "the echoes")
        figures.memory = memory_kib(process.pid)
        for client in clients:
            client.close()
    finally:
        stop(process)
    return figures


def answer_of(position: int) -> dict[str, Any]:
    return {"kind": "choice", "selected": [position]}


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
        names = iter(range(players))

        async def join(client: WireClient) -> None:
            name = f"Player {next(names):05d}"
            join = {
                "type": "join",
                "version": PROTOCOL_VERSION,
                "code": started["code"],
                "name": name,
            }
            client.send_text(json.dumps(join))
            for _ in range(2):  # the welcome, and the lobby
                await receive_json(client)

        clients = await connect_all(port, players, join)
        host = await connect("127.0.0.1", port, "/host")
        host.send_text(
            json.dumps({"type": "host", "version": PROTOCOL_VERSION, "token": started["token"]})
        )
        await receive_json(host)

        async def play(client: WireClient, number: int, delay: float) -> tuple[float, float]:
            """(when the question arrived, how long the ack took)."""
            while True:
                arrived, message = await receive_json(client)
                if message["type"] == "question":
                    break
            position = message["question"]["choices"].index("Tokyo")
            await asyncio.sleep(max(0.0, arrived + delay - time.perf_counter()))
            answer = {"type": "answer", "question": number, "answer": answer_of(position)}
            sent = client.send_text(json.dumps(answer))
            while True:
                acknowledged, message = await receive_json(client)
                if message["type"] == "ack":
                    break
            while (await receive_json(client))[1]["type"] != "result":
                pass  # the reveal, then this player's result: the question is over
            return arrived, acknowledged - sent

        for number in range(1, rounds + 1):
            with ClientWatch(figures):
                games = [
                    asyncio.create_task(play(client, number, delays[number - 1][i]))
                    for i, client in enumerate(clients)
                ]
                await asyncio.sleep(0.2)  # every player waits for the question
                action = "start" if number == 1 else "next"
                opened = host.send_text(json.dumps({"type": "control", "action": action}))
                results = await bounded(asyncio.gather(*games), f"question {number}")
            figures.deliveries.append(max(arrived for arrived, _ in results) - opened)
            figures.latencies += [ack for _, ack in results]
        figures.memory = memory_kib(process.pid)
        host.close()
        for client in clients:
            client.close()
    finally:
        stop(process)
    return figures


@dataclass
class Run:
    """One echo run and one live run, back to back, as figures."""

    load: float
    """The machine's load average (1 minute) when the run started."""
    echo_p50: float
    echo_p99: float
    ack_p50: float
    ack_p99: float
    delivery_worst: float
    delivery_median: float
    echo_peak_mb: float
    live_peak_mb: float
    client_lag_p99: float
    client_lag_max: float
    client_busy: float
    ratio: float
    """ack p99 / echo p99, within this run (same load)."""

    @classmethod
    def of(cls, load: float, echo: Figures, live: Figures) -> Run:
        lags = echo.loop_lags + live.loop_lags
        return cls(
            load,
            statistics.median(echo.latencies),
            percentile(echo.latencies, 0.99),
            statistics.median(live.latencies),
            percentile(live.latencies, 0.99),
            max(live.deliveries),
            statistics.median(live.deliveries),
            echo.memory[1] / 1024,
            live.memory[1] / 1024,
            percentile(lags, 0.99),
            max(lags),
            max(echo.client_busy, live.client_busy),
            percentile(live.latencies, 0.99) / percentile(echo.latencies, 0.99),
        )

    def line(self, label: str) -> str:
        return (
            f"{label:6} load {self.load:4.1f} │ echo p50 {self.echo_p50 * 1000:5.1f} p99 "
            f"{self.echo_p99 * 1000:5.1f} │ ack p50 {self.ack_p50 * 1000:5.1f} p99 "
            f"{self.ack_p99 * 1000:5.1f} ({self.ratio:4.2f}x) │ question to all "
            f"{self.delivery_worst * 1000:5.1f} (median {self.delivery_median * 1000:5.1f}) │ "
            f"memory echo {self.echo_peak_mb:5.1f} MB, host {self.live_peak_mb:5.1f} MB │ client "
            f"lag p99 {self.client_lag_p99 * 1000:4.1f} max {self.client_lag_max * 1000:5.1f}, "
            f"CPU {self.client_busy:4.0%}"
        )


def median_run(runs: list[Run]) -> Run:
    """Each figure's median over the runs (the ratio's too); memory: the worst run's."""
    median = Run(
        *(
            statistics.median(getattr(run, name) for run in runs)
            for name in Run.__dataclass_fields__
        )
    )
    median.echo_peak_mb = max(run.echo_peak_mb for run in runs)
    median.live_peak_mb = max(run.live_peak_mb for run in runs)
    return median


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
        "--repeat", type=int, default=3, help="echo and live runs, interleaved; the median counts"
    )
    parser.add_argument(
        "--db-folder",
        help="where the game's database goes (default: a temporary folder); a RAM disk takes "
        "the disk sync out of the acknowledgement, for a diagnosis only",
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
        f"times in ms, {options.repeat} interleaved runs, {os.cpu_count()} cores"
    )
    runs = []
    for number in range(1, options.repeat + 1):
        load = os.getloadavg()[0]
        echo = asyncio.run(echo_run(options.players, options.questions, delays))
        with tempfile.TemporaryDirectory(dir=options.db_folder) as folder:
            live = asyncio.run(live_run(options.players, options.questions, delays, Path(folder)))
        runs.append(Run.of(load, echo, live))
        print(runs[-1].line(f"run {number}"), flush=True)
    median = median_run(runs)
    print(median.line("median"))
    ratio = median.ratio
    print(f"ratio ack p99 / echo p99 (the median of the runs' ratios): {ratio:.2f}")
    missed = []
    if ratio > 2:
        missed.append(f"ack p99 is {ratio:.2f}x the echo's (target ≤ 2)")
    if median.ack_p99 >= 0.100:
        missed.append(f"ack p99 {median.ack_p99 * 1000:.1f} ms (target < 100 ms)")
    if median.delivery_worst > 0.250:
        missed.append(
            f"a question took {median.delivery_worst * 1000:.1f} ms to reach everyone "
            "(target ≤ 250 ms)"
        )
    if median.live_peak_mb >= 300:
        missed.append(f"host memory peaked at {median.live_peak_mb:.0f} MB (target < 300 MB)")
    if median.client_busy > 0.9:
        print(
            f"warning: the client used {median.client_busy:.0%} of a core: it may be what is measured"
        )
    for line in missed:
        print(f"missed: {line}")
    if not missed:
        print("every target met")
    return 1 if options.check and missed else 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
