"""How much `quiz generate` costs beyond spaCy's own parse, measured in one run.

1. A French article of about 700 words (a test article's page, its body paragraphs repeated with
   numbered variations until the body reaches 700 words) is parsed by the loaded pipeline
   (`nlp(text)`, the baseline) and generated from (`Generator.generate`, model already loaded).
   The ratio of the medians is printed; the target is at most 1.5.
2. A batch of 20 articles is generated with one `Generator`: the model must load once.

Run from the repository root: `python benchmarks/bench_generate.py [--repeat N] [--check]`;
`--check` exits 1 when the ratio misses its target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.generate import Article, Generator  # noqa: E402
from quiz.generate.clean import Zone, split_zones  # noqa: E402
from quiz.generate.languages import profile  # noqa: E402

ARTICLES = ROOT / "tests" / "data" / "articles"
TARGET_RATIO = 1.5


def article_of_words(words: int) -> str:
    """The French test page with its body grown to `words` words, furniture and caption kept."""
    raw = (ARTICLES / "fr_peche_nordique.txt").read_text(encoding="utf-8")
    page = split_zones(raw, profile("fr"))
    body = page.body
    grown: list[str] = []
    round_number = 0
    while sum(len(p.split()) for p in grown) < words:
        for paragraph in body:
            grown.append(paragraph if round_number == 0 else f"{paragraph} (Point {round_number}.)")
            if sum(len(p.split()) for p in grown) >= words:
                break
        round_number += 1
    lines: list[str] = []
    body_written = False
    for block in page.blocks:
        if block.zone is Zone.BODY:
            if not body_written:
                lines.extend(grown)
                body_written = True
            continue
        lines.append(block.text)
    return "\n\n".join(lines) + "\n"


def interleaved_medians(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Median seconds of each action, run in turn so both see the same machine load."""
    timings: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for action, bucket in ((first, timings[0]), (second, timings[1])):
            start = time.perf_counter()
            action()
            bucket.append(time.perf_counter() - start)
    return statistics.median(timings[0]), statistics.median(timings[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement (median)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    raw = article_of_words(700)
    body = split_zones(raw, profile("fr")).body
    body_words = sum(len(p.split()) for p in body)
    # The baseline parses the article's body, the text the generator itself gives spaCy (the
    # page's furniture and caption, which it does not parse, would only flatter the ratio).
    body_text = "\n\n".join(body)
    generator = Generator(language="fr")
    started = time.perf_counter()
    nlp = generator.model("fr").nlp
    load_seconds = time.perf_counter() - started
    article = Article("bench.txt", raw)
    generator.generate(article)  # warm-up: first-call caches of spaCy and pydantic
    nlp(body_text)

    parse, generate = interleaved_medians(
        lambda: nlp(body_text), lambda: generator.generate(article), args.repeat
    )
    ratio = generate / parse
    print(f"article: {len(raw.split())} words on the page, {body_words} in the body")
    print(f"model load (once): {load_seconds:.2f} s")
    print(f"spaCy nlp(body text) median: {parse * 1000:.1f} ms")
    print(f"generate (model loaded) median: {generate * 1000:.1f} ms")
    print(f"ratio generate / parse: {ratio:.2f} (target <= {TARGET_RATIO})")

    batch = Generator(language="fr")
    sources = [ARTICLES / "fr_peche_nordique.txt", ARTICLES / "fr_glacier_page.html"]
    started = time.perf_counter()
    for index in range(20):
        path = sources[index % len(sources)]
        batch.generate(Article(path.name, path.read_text(encoding="utf-8")))
    batch_seconds = time.perf_counter() - started
    print(
        f"batch of 20 articles: {batch_seconds:.2f} s including one model load; "
        f"models loaded: {batch.loads}"
    )
    if batch.loads != 1:
        print("the batch loaded the model more than once", file=sys.stderr)
        return 1
    return 1 if args.check and ratio > TARGET_RATIO else 0


if __name__ == "__main__":
    raise SystemExit(main())
