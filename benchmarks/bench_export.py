"""Benchmark: `quiz answers` exporting 100,000 answers as CSV, against the sqlite3 shell.

    python benchmarks/bench_export.py [--answers N] [--repeat R] [--check]

Fills a temporary results database with N answers, then times, best of R interleaved runs each:
- the real `quiz answers` command, the entry point a teacher runs, in a new process (interpreter
  start-up, imports, the store's query, the CSV file with its BOM, typed numbers, formula
  neutralising and atomic rename);
- `sqlite3 -csv` running the same SQL text with the same parameters into a file, also a new process
  (the shell cannot call quiz's `neutralise`, which the query calls for the few cells that may
  need it: the shell keeps those as they are, and so does a little less work than quiz);
- for information, the same export in this process (what the command costs beyond start-up).
It prints wall-clock and CPU times and their ratios; the target is a wall-clock ratio of the
command to sqlite3 of at most 2 (with `--check`, exit status 1 above it). Needs the `sqlite3`
command-line shell (Debian: `apt-get install sqlite3`), the installed `quiz` command beside this
Python, and POSIX `resource`.
"""

from __future__ import annotations

import argparse
import csv
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from quiz.store.csv_export import SQL_CELL_FUNCTION, write_csv
from quiz.store.db import ANSWERS_QUERY, ResultsStore
from quiz.store.exports import ExportRequest, build_export
from quiz.store.sets import SetTarget

SET_ID, SET_HASH = "bench", "0123456789abcdef"
QUESTIONS = 50
SKILLS = ("comprehension", "sourcing", "attribution", "fact_vs_opinion", "language")
ANSWER_TEXTS = ("Tokyo", "Moscou", "=1+1", "les « Kouriles »", "-4.5", "AFP, Reuters")


def fill(db_path: Path, answers: int) -> None:
    """A class's worth of results, written in bulk: the benchmark is about reading them back.

    The store creates the schema; the rows go in through one plain transaction, because committing
    100,000 answers one by one with `synchronous=FULL` would only time the disk.
    """
    ResultsStore.open(db_path).close()
    attempts = -(-answers // QUESTIONS)
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO players (id, name, class_name, created_at) VALUES (?, ?, ?, ?)",
        [
            (i, f"Élève {i}", f"Classe {i % 12}", "2026-03-16T09:00:00+00:00")
            for i in range(attempts)
        ],
    )
    connection.executemany(
        "INSERT INTO attempts (id, player_id, set_id, set_hash, set_title, rule, question_count, "
        "seed, started_at, finished_at) VALUES (?, ?, ?, ?, 'Bench', 'classic', ?, 1, ?, ?)",
        [
            (
                i,
                i,
                SET_ID,
                SET_HASH,
                QUESTIONS,
                "2026-03-16T09:00:00+00:00",
                None if i % 10 == 0 else "2026-03-16T09:10:00+00:00",
            )
            for i in range(attempts)
        ],
    )
    connection.executemany(
        "INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                n // QUESTIONS,
                n % QUESTIONS + 1,
                f"q{n % QUESTIONS + 1}",
                SKILLS[n % len(SKILLS)],
                ANSWER_TEXTS[n % len(ANSWER_TEXTS)],
                f'{{"choices": [{n % 4}]}}',
                n % 3 != 0,
                1.0 if n % 3 else 0.25,
                (n % 2900) / 100,
                0 if n % 3 == 0 else 500 + n % 500,
                n % 17 == 0,
                "2026-03-16T09:01:00.250+00:00",
            )
            for n in range(answers)
        ),
    )
    connection.execute("COMMIT")
    connection.close()


@dataclass
class Timing:
    wall: float
    cpu: float


def time_quiz_export(db_path: Path, output: Path) -> tuple[Timing, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    with ResultsStore.open(db_path, create=False) as store:
        request = ExportRequest("answers", SetTarget(SET_ID, None, from_file=False))
        export = build_export(store, request)
        rows = write_csv(export.header, export.rows, output, prepared=export.prepared)
    return Timing(time.perf_counter() - wall, time.process_time() - cpu), rows


def shell_query() -> str:
    """The answers query as the sqlite3 shell can run it: quiz's registered function, which the
    shell cannot call, replaced by the same rule's core written in SQL (a formula sign first, or a
    carriage return), so that the baseline makes its cells safe too and the ratio compares like
    with like."""
    call = re.compile(rf"{SQL_CELL_FUNCTION}\(([a-z_.]+)\)")
    return " ".join(call.sub(lambda m: _sql_rule(m.group(1)), ANSWERS_QUERY).split())


def _sql_rule(expression: str) -> str:
    """A leading `'` before a formula sign (after leading spaces, full-width signs too) and line
    breaks as LF: what `neutralise` does to the cells the query hands it, less its number test."""
    signs = "'=', '+', '-', '@', '＝', '＋', '－', '＠'"
    text = f"replace(replace({expression}, char(13) || char(10), char(10)), char(13), char(10))"
    visible = f"ltrim({text}, ' ' || char(9) || char(12288))"
    quote = "''''"  # SQL for the one-character string "'"
    return f"CASE WHEN substr({visible}, 1, 1) IN ({signs}) THEN {quote} || {text} ELSE {text} END"


def time_sqlite_shell(shell: str, db_path: Path, output: Path) -> Timing:
    script = (
        f".parameter set :set_id '{SET_ID}'\n"
        f".parameter set :hash '{SET_HASH}'\n"
        ".parameter set :class NULL\n"
        ".parameter set :comma 0\n"
        ".headers on\n"
        ".mode csv\n"
        f".output {output}\n"
        f"{shell_query()};\n"
    )
    before, wall = _children_cpu(), time.perf_counter()
    subprocess.run([shell, str(db_path)], input=script, text=True, check=True)
    return Timing(time.perf_counter() - wall, _children_cpu() - before)


def time_quiz_command(quiz: Path, db_path: Path, output: Path) -> Timing:
    """The whole `quiz answers` command in a new process: Python start-up and imports included."""
    command = [str(quiz), "answers", SET_ID, "--db", str(db_path), "-o", str(output)]
    before, wall = _children_cpu(), time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return Timing(time.perf_counter() - wall, _children_cpu() - before)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def count_csv_rows(path: Path, encoding: str) -> int:
    with path.open(encoding=encoding, newline="") as stream:
        return sum(1 for _ in csv.reader(stream)) - 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 above the target of 2")
    options = parser.parse_args()
    shell = shutil.which("sqlite3")
    if shell is None:
        print("the sqlite3 shell is missing (Debian: apt-get install sqlite3)", file=sys.stderr)
        return 2
    entry_point = Path(sys.executable).with_name("quiz")
    if not entry_point.is_file():
        print(f"no `quiz` command beside {sys.executable}: install quiz first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        db_path, ours, theirs = (Path(folder) / n for n in ("bench.sqlite3", "quiz.csv", "sh.csv"))
        fill(db_path, options.answers)
        quiz: list[Timing] = []
        sqlite: list[Timing] = []
        command: list[Timing] = []
        for _ in range(options.repeat):  # interleaved, so that machine load hits all alike
            timing, rows = time_quiz_export(db_path, ours)
            quiz.append(timing)
            sqlite.append(time_sqlite_shell(shell, db_path, theirs))
            command.append(time_quiz_command(entry_point, db_path, ours))
        shell_rows = count_csv_rows(theirs, "utf-8")
        if rows != options.answers or shell_rows != options.answers:
            print(f"row counts differ: quiz {rows}, sqlite3 {shell_rows}", file=sys.stderr)
            return 1
        print(f"answers exported: {rows:,} (best of {options.repeat}, interleaved)")
        best = {
            name: Timing(min(t.wall for t in timings), min(t.cpu for t in timings))
            for name, timings in (
                ("export (in process)", quiz),
                ("sqlite3 -csv", sqlite),
                ("quiz answers command", command),
            )
        }
        for name, timing in best.items():
            print(f"{name:21} wall {timing.wall * 1000:7.1f} ms   cpu {timing.cpu * 1000:7.1f} ms")
        print(f"CSV sizes: quiz {ours.stat().st_size:,} bytes, sqlite3 {theirs.stat().st_size:,}")
        command_best, shell_best = best["quiz answers command"], best["sqlite3 -csv"]
        wall_ratio = command_best.wall / shell_best.wall
        cpu_ratio = command_best.cpu / shell_best.cpu
        print(
            f"ratio quiz answers / sqlite3 -csv:  wall {wall_ratio:.2f}   cpu {cpu_ratio:.2f}"
            "   (target <= 2, gated on wall)"
        )
        in_process = best["export (in process)"].wall / shell_best.wall
        print(f"ratio in-process export / sqlite3:  wall {in_process:.2f}   (information)")
    return 1 if options.check and wall_ratio > 2 else 0


if __name__ == "__main__":
    sys.exit(main())
