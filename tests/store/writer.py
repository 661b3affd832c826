"""A student's game as a separate process, for the concurrency and crash tests.

    python tests/store/writer.py DB PLAYER ANSWERS [--deferred] [--attempt ID] [--go FILE]

Opens the database, waits until FILE exists (so that many writers start at the same moment),
starts an attempt (or continues ATTEMPT after its last answer), records ANSWERS answers, each
committed at once, prints "started <id>" then one "answered <n>" line per answer (flushed, so a
parent can kill it at a known point) and exits 0; a store error is printed on stderr, status 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from quiz.store.db import ResultsStore, StoreError

SET_ID, SET_HASH = "concurrency", "0123456789abcdef"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("player")
    parser.add_argument("answers", type=int)
    parser.add_argument("--deferred", action="store_true")
    parser.add_argument("--attempt", type=int)
    parser.add_argument("--questions", type=int)
    parser.add_argument("--go", type=Path)
    options = parser.parse_args()
    begin = "BEGIN" if options.deferred else "BEGIN IMMEDIATE"
    questions = options.questions or options.answers
    try:
        with ResultsStore.open(options.db, _begin=begin) as store:
            while options.go is not None and not options.go.exists():
                time.sleep(0.005)
            attempt = options.attempt or store.start_attempt(
                options.player, "5e B", SET_ID, SET_HASH, "Concurrency", "classic", questions, 7
            )
            done = len(store.attempt_answers(attempt))
            print(f"started {attempt}", flush=True)
            for number in range(done + 1, min(done + options.answers, questions) + 1):
                store.record_answer(
                    attempt,
                    f"q{number}",
                    "comprehension",
                    number,
                    f"réponse {number}",
                    {"choices": [number % 4]},
                    number % 3 != 0,
                    1.0 if number % 3 != 0 else 0.0,
                    1.5,
                    900 if number % 3 != 0 else 0,
                    False,
                )
                print(f"answered {number}", flush=True)
    except StoreError as error:
        print(f"store error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
