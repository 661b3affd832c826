"""Start-up of the real `quiz` command against a minimal Textual app: time to a ready screen.

Each run is a fresh process in a pseudo-terminal of 80×24 (the real Linux driver, as a student
runs it): the installed `quiz` entry point, exactly as the README's first command starts it, and a
one-label Textual app as the baseline, runs interleaved so that machine load hits both alike. A run
is ready when its first screen has been drawn: the terminal output, escape codes removed, shows the
title of a set (quiz) or the label (baseline). The time counts from just before the spawn, so
interpreter start and every import count. Peak memory is the process's high-water mark of resident
memory at that moment (Linux's VmHWM; elsewhere the maximum over its whole run). Then Ctrl+Q quits
it, and it must exit with status 0. Medians and their ratios are printed:

- later starts: the bundled sets with the summary cache warm (every start but the first);
- first start: an empty user cache, as the README's first command on a new machine;
- a large library, 300 sets of 13 questions, later and first starts, against the bundled sets.

    python benchmarks/bench_startup.py [--runs 7] [--check]

Targets (`--check` exits 1 when one is missed): the bundled sets within 1.5x the minimal app in
time and memory, later and first starts; the 300 sets within 1.5x the bundled sets on later starts
and within 3x on the first.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SET = ROOT / "questions" / "conseil-regional-cars-scolaires.fr.yaml"
SAMPLE_ARTICLE = ROOT / "questions" / "articles" / "conseil-regional-cars-scolaires.txt"
LARGE_LIBRARY = 300
TIMEOUT = 60.0

MINIMAL = """
from textual.app import App
from textual.widgets import Label

class Minimal(App):
    def compose(self):
        yield Label("Ready for the benchmark")

Minimal().run()
"""
ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


@dataclass(frozen=True)
class Program:
    name: str
    command: list[str]
    ready_text: str
    """Text that is on the first screen once it is drawn."""
    cache: Callable[[], str] | None = None
    """The XDG cache folder the run sees (None: a fresh empty one each run)."""


def run_once(program: Program, cache: str) -> tuple[float, float]:
    """Seconds from spawn to the first screen, and peak RSS in MiB, of one run in a pty."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    environment = {**os.environ, "TERM": "xterm-256color", "XDG_CACHE_HOME": cache}
    for name in ("TEXTUAL", "NO_COLOR", "QUIZ_DB"):
        environment.pop(name, None)
    started = time.monotonic()
    child = subprocess.Popen(
        program.command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=environment,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)
    wanted = program.ready_text.encode()
    seen = b""
    ready_at: float | None = None
    peak: float | None = None
    deadline = started + TIMEOUT
    try:
        while ready_at is None and time.monotonic() < deadline:
            readable, _, _ = select.select([master], [], [], 0.5)
            if not readable:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break  # the child closed the terminal: it died
            seen += chunk
            if wanted in ESCAPES.sub(b"", seen[-200_000:]):
                ready_at = time.monotonic()
                peak = _memory_high_water_mark(child.pid)
        if ready_at is None:
            child.kill()
            raise SystemExit(f"{program.name}: no first screen within {TIMEOUT:.0f} s")
        os.write(master, b"\x11")  # Ctrl+Q
        _drain_until_exit(master, child)
        _, status, usage = os.wait4(child.pid, 0)
    finally:
        os.close(master)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{program.name}: exit status {os.waitstatus_to_exitcode(status)}")
    return ready_at - started, peak if peak is not None else usage.ru_maxrss / 1024


def _memory_high_water_mark(pid: int) -> float | None:
    """The process's peak resident memory so far, in MiB (None where /proc does not tell)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _drain_until_exit(master: int, child: subprocess.Popen[bytes]) -> None:
    """Keep reading the screen so the child never blocks on a full terminal while it quits."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        readable, _, _ = select.select([master], [], [], 0.2)
        if readable:
            try:
                if not os.read(master, 65536):
                    return
            except OSError:
                return
        elif child.poll() is not None:
            return
    child.kill()


def large_library(folder: Path) -> Path:
    """300 copies of the practice set (13 questions, its article linked), each with its own id."""
    library = folder / "library"
    (library / "articles").mkdir(parents=True)
    shutil.copyfile(SAMPLE_ARTICLE, library / "articles" / SAMPLE_ARTICLE.name)
    text = SAMPLE_SET.read_text(encoding="utf-8")
    first_id = re.search(r"^id: (.+)$", text, flags=re.MULTILINE)
    assert first_id is not None
    for number in range(LARGE_LIBRARY):
        copy = text.replace(first_id.group(0), f"id: {first_id.group(1)}-{number:03}", 1)
        (library / f"set-{number:03}.yaml").write_text(copy, encoding="utf-8")
    return library


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each program (default 7)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    arguments = parser.parse_args()
    quiz = Path(sys.executable).with_name("quiz")
    if not quiz.is_file():
        print(f"no `quiz` command beside {sys.executable}: install quiz first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        warm = str(Path(folder) / "warm-cache")
        library = large_library(Path(folder))
        bundled_questions = ROOT / "questions"
        bundled_title = "Japon et Russie"
        library_title = "Cars scolaires"
        programs = {
            "minimal": (Program("minimal", [sys.executable, "-c", MINIMAL], "Ready for"), warm),
            "bundled": (Program("bundled", [str(quiz)], bundled_title), warm),
            "bundled first": (Program("bundled first", [str(quiz)], bundled_title), None),
            "300 sets": (
                Program("300 sets", [str(quiz), "play", str(library)], library_title),
                warm,
            ),
            "300 sets first": (
                Program("300 sets first", [str(quiz), "play", str(library)], library_title),
                None,
            ),
        }
        # The summaries of sets checked in full, as any start leaves them once its background
        # check has run (a benchmark run quits before that).
        warm_up = "import sys\nfrom quiz.tui.preload import load_summaries, verify_sets\n"
        warm_up += "verify_sets(load_summaries(sys.argv[1:]))"
        subprocess.run(
            [sys.executable, "-c", warm_up, str(bundled_questions), str(library)],
            check=True,
            env={**os.environ, "XDG_CACHE_HOME": warm},
        )
        for program, cache in programs.values():  # warm the file cache and bytecode
            run_once(program, cache or tempfile.mkdtemp(dir=folder))
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
        for index in range(arguments.runs):
            order = list(programs.items())
            for name, (program, cache) in order if index % 2 == 0 else reversed(order):
                results[name].append(run_once(program, cache or tempfile.mkdtemp(dir=folder)))

    def median(name: str) -> tuple[float, float]:
        times, memory = zip(*results[name], strict=True)
        return statistics.median(times), statistics.median(memory)

    print(f"runs per program: {arguments.runs} (interleaved), terminal 80x24, medians")
    for name in programs:
        seconds, mebibytes = median(name)
        print(f"{name:16} {seconds * 1000:6.0f} ms  {mebibytes:6.1f} MiB")
    minimal, bundled, first = median("minimal"), median("bundled"), median("bundled first")
    library_warm, library_first = median("300 sets"), median("300 sets first")
    checks = [
        ("time, bundled sets / minimal app", bundled[0] / minimal[0], 1.5),
        ("memory, bundled sets / minimal app", bundled[1] / minimal[1], 1.5),
        ("time, first start / minimal app", first[0] / minimal[0], 1.5),
        ("memory, first start / minimal app", first[1] / minimal[1], 1.5),
        ("time, 300 sets / bundled sets", library_warm[0] / bundled[0], 1.5),
        ("time, 300 sets first start / bundled sets", library_first[0] / bundled[0], 3.0),
    ]
    missed = False
    for label, ratio, target in checks:
        verdict = "ok" if ratio <= target else "MISSED"
        missed = missed or ratio > target
        print(f"ratio {label:42} {ratio:5.2f}  (target <= {target})  {verdict}")
    return 1 if arguments.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
