"""Locating diagnostics: the same line and column as a walk over the composed document, without
composing it, and without reading past the last node asked for.

The oracle below is how positions used to be found (compose the whole text, walk to the node):
right, but for one warning about `article:` it parsed a 100,000-question file a second time,
slower than the first and with gigabytes of nodes.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.core.loader import check_paths
from quiz.core.yaml_reader import locate, locate_all, read_yaml

DATA = Path(__file__).parent.parent / "data"
FILES = sorted(
    p
    for p in [*DATA.glob("*.yaml"), *DATA.glob("valid/*.yaml"), *DATA.glob("invalid/*.yaml")]
    if p.stem not in ("not-utf8",)
)


def _composed_walk(text: str, path: Sequence[str | int], at_key: bool) -> tuple[int, int]:
    """The oracle: the document composed in full, walked down `path` (absent elements skipped)."""
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return 0, 0
    if node is None:
        return 0, 0
    mark = node.start_mark
    for element in path:
        if isinstance(node, yaml.MappingNode) and isinstance(element, str):
            for key_node, value_node in node.value:
                if key_node.value == element:
                    mark = key_node.start_mark if at_key else value_node.start_mark
                    node = value_node
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(element, int)
            and 0 <= element < len(node.value)
        ):
            node = node.value[element]
            mark = node.start_mark
    return mark.line, mark.column


def _paths_in(data: object, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every path to a node of the data, the root included."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths_in(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths_in(value, (*prefix, index))
    return found


def _readable(path: Path) -> str | None:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        read_yaml(text)
    except Exception:  # what the reader refuses is never located
        return None
    return text


TEXTS = [text for text in map(_readable, FILES) if text is not None]
JUNK: list[str | int] = ["single", "type", "missing", 0, 1, 99, -1, "questions", "answer"]


@st.composite
def _requests(draw: st.DrawFn) -> tuple[str, list[tuple[tuple[str | int, ...], bool]]]:
    text = draw(st.sampled_from(TEXTS))
    real = _paths_in(read_yaml(text).data)
    requests = []
    for _ in range(draw(st.integers(1, 6))):
        path = list(draw(st.sampled_from(real)))
        # As pydantic reports them: a union's tag inside, a missing key at the end…
        for _ in range(draw(st.integers(0, 2))):
            path.insert(draw(st.integers(0, len(path))), draw(st.sampled_from(JUNK)))
        requests.append((tuple(path), draw(st.booleans())))
    return text, requests


@settings(max_examples=300, deadline=None)
@given(_requests())
def test_every_position_is_the_one_a_composed_walk_finds(
    case: tuple[str, list[tuple[tuple[str | int, ...], bool]]],
) -> None:
    text, requests = case
    expected = [_composed_walk(text, path, at_key) for path, at_key in requests]
    assert locate_all(text, requests) == expected


def test_no_request_and_an_empty_document_locate_at_the_start() -> None:
    assert locate_all("id: x\n", []) == []
    assert locate("", ("questions", 0)) == (0, 0)
    assert locate("# only a comment\n", ()) == (0, 0)


def test_locating_stops_at_the_last_node_asked_for() -> None:
    # What follows `article:` is never read: here it is not even YAML.
    text = "id: x\narticle:\n  headline: H\nquestions: [unclosed\n"
    assert locate(text, ("article",)) == (2, 2)
    assert locate(text, ("article", "headline"), at_key=True) == (2, 2)
    assert locate(text, ("id",), at_key=True) == (0, 0)


def _bank(questions: int) -> str:
    head = "id: big\ntitle: Big\nlanguage: fr\narticle:\n  headline: Un titre\nquestions:\n"
    item = (
        "  - id: q{n}\n    type: true_false\n    skill: comprehension\n    prompt: Vrai ?\n"
        "    answer: vrai\n    explanation: Parce que.\n    evidence: y\n"
    )
    return head + "".join(item.format(n=n) for n in range(questions))


def _best_cpu_seconds(work: object, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        work()  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best


def test_checking_a_big_set_with_a_warning_costs_about_one_parse(tmp_path: Path) -> None:
    # The set links no article: one warning, at `article:` near the top. Composing the whole
    # text again to locate it cost five times the first read (CPU time, best of three).
    path = tmp_path / "big.yaml"
    text = _bank(4_000)
    path.write_text(text, encoding="utf-8")
    report = check_paths([path])
    assert [(d.line, d.code) for d in report.diagnostics] == [(5, "evidence-unchecked")]
    reading = _best_cpu_seconds(lambda: read_yaml(text))
    checking = _best_cpu_seconds(lambda: check_paths([path]))
    assert checking < 2.5 * reading, (checking, reading)
