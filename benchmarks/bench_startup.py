"""Start-up of the game against a minimal Textual app: time to a ready screen, and peak memory.

Each run is a fresh process in a pseudo-terminal of 80×24 (the real Linux driver, as a student
runs it). The process reports the moment its first screen is ready (the home screen with the
bundled sets; the minimal app's one label) and then exits; the time counts from just before the
process is spawned, so interpreter start and every import are included. Peak memory is the
child's maximum resident set size (the larger of the game's and of the child that loads the sets,
as Linux reports it). Runs alternate between the two apps so that machine load hits
both alike; medians and their ratios are printed.

    python benchmarks/bench_startup.py [--runs 7] [--check]

Targets: time ratio ≤ 1.5 and memory ratio ≤ 1.5. "quiz" runs with the set summaries cached, as
every start after the first (or after a set changes) does; "first start" runs with an empty user
cache, as the README's first command does: the bundled sets' summaries then come from the index
shipped beside them (questions/summaries.json), so it should cost about the same (reported, not a
target; sets of one's own are loaded and checked with pydantic on their first start).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5
"""The most the game may take, in time and in memory, relative to the minimal app."""

# The child programs. Both exit from Textual's auto-pilot once their first screen is up.
MINIMAL = """
import sys, time
from textual.app import App
from textual.widgets import Label

class Minimal(App):
    def compose(self):
        yield Label("Hello")

async def ready(pilot):
    await pilot.pause()
    assert pilot.app.screen.query_one(Label)
    open(sys.argv[1], "w").write(repr(time.monotonic()))
    pilot.app.exit()

Minimal().run(auto_pilot=ready)
"""

QUIZ = """
import sys, time
# The steps of `quiz play` (quiz/cli.py), in its order: start loading the bundled sets, import the
# interface meanwhile, then open the home screen on the loaded sets.
import quiz.cli
from quiz.paths import bundled_questions_dir
from quiz.tui.preload import preload_sets, spare_core

pending = preload_sets([bundled_questions_dir()])
if not spare_core():
    pending.wait()
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen

async def ready(pilot):
    await pilot.pause()
    while not isinstance(pilot.app.screen, HomeScreen) or not pilot.app.screen.is_mounted:
        await pilot.pause(0.001)
    await pilot.pause()
    assert pilot.app.screen.shown, "the home screen lists no set"
    open(sys.argv[1], "w").write(repr(time.monotonic()))
    pilot.app.exit()

found = pending.result()
QuizApp(found.entries(), broken=found.broken, language="en").run(auto_pilot=ready)
"""


def run_once(program: str, cache: str | None = None) -> tuple[float, float]:
    """Seconds from spawn to ready, and peak RSS in MiB, of one run of `program` in a pty.

    `cache` is the cache folder (XDG_CACHE_HOME) the run sees; None keeps the user's.
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    drained = threading.Thread(target=_drain, args=(master,), daemon=True)
    drained.start()
    with tempfile.NamedTemporaryFile("r", suffix=".ready") as ready_file:
        environment = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
        if cache is not None:
            environment["XDG_CACHE_HOME"] = cache
        started = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-c", program, ready_file.name],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            cwd=ROOT,
            start_new_session=True,
        )
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        os.close(slave)
        os.close(master)
        ready_text = Path(ready_file.name).read_text()
    if child.returncode != 0 or not ready_text:
        raise SystemExit(f"the benchmark child failed (status {child.returncode})")
    return float(ready_text) - started, usage.ru_maxrss / 1024


def _drain(fd: int) -> None:
    """Read the child's screen output so that it never blocks on a full terminal buffer."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each app (default 7)")
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 when a target is missed"
    )
    arguments = parser.parse_args()
    runs = arguments.runs
    with tempfile.TemporaryDirectory() as warm_cache:
        run_once(MINIMAL)  # warm the file cache and bytecode of both, and quiz's set summaries
        run_once(QUIZ, warm_cache)
        results: dict[str, list[tuple[float, float]]] = {"minimal": [], "quiz": [], "cold": []}
        for index in range(runs):
            with tempfile.TemporaryDirectory() as empty_cache:
                order = [
                    ("minimal", MINIMAL, None),
                    ("quiz", QUIZ, warm_cache),
                    ("cold", QUIZ, empty_cache),
                ]
                for name, program, cache in order if index % 2 == 0 else reversed(order):
                    results[name].append(run_once(program, cache))

    def medians(name: str) -> tuple[float, float]:
        times, memory = zip(*results[name], strict=True)
        return statistics.median(times), statistics.median(memory)

    minimal_time, minimal_memory = medians("minimal")
    quiz_time, quiz_memory = medians("quiz")
    cold_time, cold_memory = medians("cold")
    rows = [
        ("minimal Textual app (one label)", minimal_time, minimal_memory),
        ("quiz, home screen ready", quiz_time, quiz_memory),
        ("quiz, first start (empty cache)", cold_time, cold_memory),
    ]
    print(f"runs per app: {runs} (interleaved), terminal 80x24, medians")
    for label, seconds, mebibytes in rows:
        print(f"{label:34} {seconds * 1000:6.0f} ms  {mebibytes:5.1f} MiB")
    print(f"time ratio:   {quiz_time / minimal_time:.2f}  (target <= 1.5)")
    print(f"memory ratio: {quiz_memory / minimal_memory:.2f}  (target <= 1.5)")
    print(
        f"first start, empty summary cache: time ratio {cold_time / minimal_time:.2f}, "
        f"memory ratio {cold_memory / minimal_memory:.2f}"
    )
    missed = quiz_time / minimal_time > TARGET or quiz_memory / minimal_memory > TARGET
    if arguments.check and missed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
