"""Opening a 60-question draft with its article in the real `quiz review`, against the home
screen's start-up (`quiz` on the bundled sets) in the same run: time to the first screen drawn.

Both are fresh processes of the installed `quiz` entry point in a pseudo-terminal of 80×24, runs
interleaved so that machine load hits both alike (see bench_startup.py, whose runner this uses).
The home screen is ready when it lists the bundled sets; the review when its first screen is
drawn: the list, the first question as a student sees it, and the article. The article scrolls to
the question's evidence (marked ▶ ◀) a few frames later: that time is printed too, not gated. The
draft is the generated fixture of the tests (20 questions from `quiz generate`, with its article),
its questions repeated under new ids up to 60.

    python benchmarks/bench_review.py [--runs 7] [--check]

Target (`--check` exits 1 when missed): the review within 1.5x the home screen's start-up.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from bench_startup import ROOT, Program, run_once

DRAFT = ROOT / "tests" / "data" / "review" / "fr_peche_nordique-quiz.yaml"
QUESTIONS = 60
TARGET = 1.5


def sixty_question_draft(folder: Path) -> Path:
    """The generated draft's questions, repeated under new ids up to 60, beside its article."""
    text = DRAFT.read_text(encoding="utf-8")
    head, body = text.split("questions:\n", 1)
    blocks = re.split(r"(?m)^(?=- id: )", body)
    questions = [b for b in blocks if b.startswith("- id: ")]
    repeated = []
    for number in range(QUESTIONS):
        block = questions[number % len(questions)]
        repeated.append(re.sub(r"^- id: (\S+)", rf"- id: \g<1>-{number:02}", block, count=1))
    path = folder / DRAFT.name
    path.write_text(head + "questions:\n" + "".join(repeated), encoding="utf-8")
    shutil.copyfile(DRAFT.with_suffix(".txt"), folder / DRAFT.with_suffix(".txt").name)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each program (default 7)")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target is missed")
    arguments = parser.parse_args()
    quiz = Path(sys.executable).with_name("quiz")
    if not quiz.is_file():
        print(f"no `quiz` command beside {sys.executable}: install quiz first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        draft = sixty_question_draft(Path(folder))
        cache = str(Path(folder) / "cache")
        review = [str(quiz), "review", "--lang", "en", str(draft)]
        programs = {
            "home screen": Program("home screen", [str(quiz)], "Japon et Russie"),
            # The first question's header in the preview: drawn with the list and the article.
            "review, 60 questions": Program("review", review, "q01-role-00 · One answer"),
            "review, evidence shown": Program("review, evidence", review, "◀"),
        }
        for program in programs.values():  # warm the file cache, bytecode and summaries
            run_once(program, cache)
        results: dict[str, list[float]] = {name: [] for name in programs}
        for index in range(arguments.runs):
            order = list(programs.items())
            for name, program in order if index % 2 == 0 else reversed(order):
                results[name].append(run_once(program, cache)[0])
    medians = {name: statistics.median(times) for name, times in results.items()}
    print(f"runs per program: {arguments.runs} (interleaved), terminal 80x24, medians")
    for name, seconds in medians.items():
        print(f"{name:22} {seconds * 1000:6.0f} ms")
    shown = medians["review, evidence shown"] / medians["home screen"]
    print(f"ratio review with the evidence in sight / home screen {shown:5.2f}  (not gated)")
    ratio = medians["review, 60 questions"] / medians["home screen"]
    verdict = "ok" if ratio <= TARGET else "MISSED"
    print(f"ratio review / home screen {ratio:5.2f}  (target <= {TARGET})  {verdict}")
    return 1 if arguments.check and ratio > TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
