"""How much the real `quiz check` costs over the loader alone, on a bank of 10,000 questions.

Generates the bank of `bench_loader.py` (by default 10,000 questions in 100 files) as the bundled
AFP sets are written: no article text linked, so every set has a warning to locate. Then times,
interleaved, best of N runs, in the processes' CPU time (see `bench_loader._best_of` for why not
wall time):

- check:  the installed `quiz check FOLDER`, a real process (interpreter start, imports, output);
- loader: `quiz.core.loader.load_question_sets` on the same bank, alone in a process of its own,
          so that both sides pay the interpreter's start, the imports and a first run's warm-up.

The budget is 1.5×; `--check` exits non-zero above it. (Locating the warnings once parsed every
file a second time; the loader paid for it too, so tests/core/test_locate.py guards that part.)
Run: `python benchmarks/bench_check.py [--check] [--files 100] [--questions 100] [--runs 5]`.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_loader import write_bank

BUDGET = 1.5


def _quiz_command() -> str:
    """The `quiz` entry point installed beside this interpreter (else the one on PATH)."""
    beside = Path(sys.executable).with_name("quiz")
    found = str(beside) if beside.is_file() else shutil.which("quiz")
    if found is None:
        raise SystemExit("the quiz command is not installed: pip install -e .")
    return found


# The loader alone, in a process of its own like the command: both pay the interpreter's start,
# the imports and a first run's warm-up, so the ratio is what the command adds.
LOADER = (
    "import sys\n"
    "from quiz.core.loader import load_question_sets\n"
    "print(sum(len(s.questions) for s in load_question_sets([sys.argv[1]])))\n"
)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(command: list[str]) -> tuple[float, str]:
    """CPU seconds of one process running `command`, and the last line it printed."""
    before = _children_cpu()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = _children_cpu() - before
    if done.returncode != 0:
        raise SystemExit(f"{command[:2]} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return seconds, done.stdout.splitlines()[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--questions", type=int, default=100, help="questions per file")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--check", action="store_true", help=f"exit 1 if the ratio is > {BUDGET}")
    args = parser.parse_args(argv)
    expected = args.files * args.questions

    with tempfile.TemporaryDirectory(prefix="quiz-check-bank-") as tmp:
        bank = Path(tmp)
        write_bank(bank, args.files, args.questions, link_article=False)
        size = sum(f.stat().st_size for f in bank.glob("*.yaml"))
        measures = {
            "check": [_quiz_command(), "check", str(bank)],
            "loader": [sys.executable, "-c", LOADER, str(bank)],
        }
        best = dict.fromkeys(measures, float("inf"))
        verdict = ""
        for _ in range(args.runs):
            for name, command in measures.items():
                seconds, last_line = _run(command)
                best[name] = min(best[name], seconds)
                if name == "check":
                    verdict = last_line
                elif last_line != str(expected):  # both sides must read the whole bank
                    print(f"the loader read {last_line} questions, not {expected}", file=sys.stderr)
                    return 2

    warnings = f"{args.files} warning" + ("s" if args.files != 1 else "")
    if not verdict.endswith(f"0 errors, {warnings}"):
        print(f"unexpected verdict: {verdict}", file=sys.stderr)
        return 2
    ratio = best["check"] / best["loader"]
    print(f"bank: {expected:,} questions in {args.files} files, {size / 1e6:.1f} MB; {verdict}")
    print(f"quiz check:       {best['check'] * 1000:8.1f} ms CPU (best of {args.runs})")
    print(f"the loader alone: {best['loader'] * 1000:8.1f} ms CPU (best of {args.runs})")
    print(f"ratio: {ratio:.2f}  (budget {BUDGET})")
    if args.check and ratio > BUDGET:
        print(f"over budget: {ratio:.2f} > {BUDGET}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
