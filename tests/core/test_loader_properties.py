"""Properties of the loader, with hypothesis.

1. Whatever it is given (bytes in a file, any text, broken variants of a real set), the loader
   either returns a set or raises `QuestionSetError` with located diagnostics, never another error.
2. A valid set written out with `yaml.safe_dump` loads back to the same model.

The default runs are moderate; the `slow` variants fuzz for longer.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.core.diagnostics import QuestionSetError
from quiz.core.loader import load_question_set, parse_question_set
from quiz.core.models import QuestionSet, QuestionType
from quiz.core.skills import Skill
from quiz.core.text import clean_text, normalise_answer

DATA = Path(__file__).parent.parent / "data"
VALID_TEXT = (DATA / "valid" / "japon-russie.yaml").read_text(encoding="utf-8")

LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
QUICK = settings(max_examples=200, deadline=None)
LONG = settings(max_examples=5_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _loads_or_fails_cleanly(load: Callable[[], QuestionSet], text: str | None) -> None:
    """`load` returns a set, or raises QuestionSetError whose diagnostics point inside the text."""
    try:
        load()
    except QuestionSetError as error:
        diagnostics = error.diagnostics
    else:
        return
    assert diagnostics, "an error with nothing to say"
    # YAML breaks lines at \r too; the end of an unterminated last line is one line further.
    lines = len(LINE_BREAK.findall(text)) + 2 if text is not None else None
    for diagnostic in diagnostics:
        assert diagnostic.line >= 1
        assert diagnostic.column >= 1
        assert diagnostic.message
        if lines is not None:
            assert diagnostic.line <= lines


# --- 1. nothing but our own error -----------------------------------------------------------------

# Text that looks like YAML often enough to reach deep into the parser, the schema and the checks.
YAML_ALPHABET = ":-[]{}&*!|>'\"#?,%@` \n\t\r\\~.0123456789abcéÀ«»’\x00\x07\ufeff\u202e\ud800"
ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates and controls included


@st.composite
def mangled_valid_set(draw: st.DrawFn) -> str:
    """The valid set with a few characters deleted, replaced or inserted."""
    text = VALID_TEXT
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["delete", "replace", "insert"]))
        piece = draw(st.text(st.sampled_from(YAML_ALPHABET), min_size=1, max_size=3))
        if edit == "delete":
            text = text[:at] + text[at + len(piece) :]
        elif edit == "replace":
            text = text[:at] + piece + text[at + len(piece) :]
        else:
            text = text[:at] + piece + text[at:]
    return text


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.dates(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def valid_set_with_one_node_replaced(draw: st.DrawFn) -> str:
    """The valid set's data with one value, anywhere, swapped for an arbitrary one."""
    data = yaml.safe_load(VALID_TEXT)
    node: Any = data
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = draw(st.sampled_from(keys))
        child = node[key]
        if not isinstance(child, dict | list) or not child or draw(st.booleans()):
            node[key] = draw(YAML_VALUES)
            break
        node = child
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


TEXTS = (
    st.text(ANY_CHARACTER, max_size=300)
    | st.text(st.sampled_from(YAML_ALPHABET), max_size=300)
    | mangled_valid_set()
    | valid_set_with_one_node_replaced()
)


def _parse(text: str) -> None:
    _loads_or_fails_cleanly(lambda: parse_question_set(text, "fuzz.yaml", DATA / "valid"), text)


@QUICK
@given(TEXTS)
def test_any_text_gives_a_set_or_located_errors(text: str) -> None:
    _parse(text)


@pytest.mark.slow
@LONG
@given(TEXTS)
def test_any_text_gives_a_set_or_located_errors_long(text: str) -> None:
    _parse(text)


BYTES = (
    st.binary(max_size=400)
    | TEXTS.map(lambda text: text.encode("utf-8", errors="surrogatepass"))
    | mangled_valid_set().map(lambda text: text.encode("latin-1", errors="replace"))
)


def _load_file(folder: Path, data: bytes) -> None:
    path = folder / "fuzz.yaml"
    path.write_bytes(data)
    _loads_or_fails_cleanly(lambda: load_question_set(path), None)


@QUICK
@given(data=BYTES)
def test_any_bytes_in_a_file_give_a_set_or_located_errors(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    _load_file(_fuzz_folder(tmp_path_factory), data)


@pytest.mark.slow
@LONG
@given(data=BYTES)
def test_any_bytes_in_a_file_give_a_set_or_located_errors_long(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    _load_file(_fuzz_folder(tmp_path_factory), data)


def _fuzz_folder(factory: pytest.TempPathFactory) -> Path:
    """One folder for all the examples of a run, holding a copy of the article a set may link."""
    folder = factory.getbasetemp() / "fuzz"
    if not folder.exists():
        (folder / "articles").mkdir(parents=True)
        article = (DATA / "valid" / "articles" / "japon-russie.txt").read_bytes()
        (folder / "articles" / "japon-russie.txt").write_bytes(article)
    return folder


# --- 2. dump → load keeps a valid set unchanged ---------------------------------------------------

# Text as `clean_text` leaves it, once stripped: what a loaded set holds. Newlines are kept (block
# text); everything else is printable.
PRINTABLE = st.characters(exclude_categories=("C", "Zl", "Zp")) | st.sampled_from(" \n'\"«»’:-#")
CLEAN_TEXT = (
    st.text(PRINTABLE, min_size=1, max_size=40)
    .map(str.strip)
    .filter(lambda text: bool(text) and clean_text(text) == text)
)
IDENTIFIER = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.\-]{0,15}\Z")
WORD = st.from_regex(r"\A[A-Za-zÀ-ÖØ-öø-ÿ]{1,10}\Z")
NUMBER = st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**6), 10**6)


def _unique_texts(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    """Texts that the duplicate checks tell apart (they compare case- and accent-blind)."""
    return st.lists(
        CLEAN_TEXT.filter(lambda text: normalise_answer(text) != ""),
        min_size=min_size,
        max_size=max_size,
        unique_by=normalise_answer,
    )


@st.composite
def question(draw: st.DrawFn, question_id: str) -> dict[str, Any]:
    kind: str = draw(st.sampled_from(QuestionType.__args__))  # type: ignore[attr-defined]
    data: dict[str, Any] = {
        "id": question_id,
        "type": kind,
        "skill": draw(st.sampled_from([s.value for s in Skill])),
        "prompt": draw(CLEAN_TEXT),
    }
    if kind in ("single", "multiple"):
        texts = draw(_unique_texts(2, 6))
        right = (
            {draw(st.integers(0, len(texts) - 1))}
            if kind == "single"
            else set(draw(st.lists(st.integers(0, len(texts) - 1), min_size=1, unique=True)))
        )
        if draw(st.booleans()):  # the key as `answer:`, choices as plain text
            data["choices"] = texts
            answers = [texts[i] for i in sorted(right)]
            data["answer"] = answers[0] if kind == "single" else answers
        else:  # the key as `correct: true` on choice mappings
            data["choices"] = [
                {"text": text, "correct": i in right}
                | ({"feedback": draw(CLEAN_TEXT)} if draw(st.booleans()) else {})
                for i, text in enumerate(texts)
            ]
    elif kind == "true_false":
        data["answer"] = draw(st.sampled_from([True, False, "vrai", "faux", "Vrai"]))
    elif kind == "numeric":
        data["answer"] = draw(NUMBER)
        data["tolerance"] = draw(st.floats(0, 1e6) | st.integers(0, 100))
        if draw(st.booleans()):
            data["unit"] = draw(CLEAN_TEXT)
    elif kind == "text":
        data["answer"] = draw(_unique_texts(1, 3))
        data["case_sensitive"] = draw(st.booleans())
    elif kind == "order":
        data["items"] = draw(_unique_texts(2, 6))
    elif kind == "categorize":
        categories = draw(_unique_texts(2, 4))
        data["categories"] = categories
        data["items"] = [
            {"text": text, "category": draw(st.sampled_from(categories))}
            for text in draw(_unique_texts(2, 5))
        ]
    else:  # highlight: pick one word of a passage of several
        words = draw(st.lists(WORD, min_size=2, max_size=8))
        data["text"] = " ".join(words)
        data["answer"] = [draw(st.sampled_from(words))]
    data["explanation"] = draw(CLEAN_TEXT)
    data["evidence"] = draw(CLEAN_TEXT)
    if draw(st.booleans()):
        data["difficulty"] = draw(st.sampled_from(["easy", "medium", "hard"]))
        data["time_limit"] = draw(st.integers(5, 3600))
        data["points"] = draw(st.integers(1, 100_000))
    return data


@st.composite
def question_set(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(st.lists(IDENTIFIER, min_size=1, max_size=5, unique=True))
    article: dict[str, Any] = {"headline": draw(CLEAN_TEXT)}
    for key in ("outlet", "agency", "author", "url", "photo_credit"):
        if draw(st.booleans()):
            article[key] = draw(CLEAN_TEXT)
    if draw(st.booleans()):
        article["published"] = draw(st.dates(date(1900, 1, 1), date(2100, 12, 31)))
    data: dict[str, Any] = {
        "id": draw(IDENTIFIER),
        "title": draw(CLEAN_TEXT),
        "language": draw(st.from_regex(r"\A[a-z]{2,3}(-[A-Z]{2})?\Z")),
        "article": article,
        "questions": [draw(question(question_id)) for question_id in ids],
    }
    if draw(st.booleans()):
        data["description"] = draw(CLEAN_TEXT)
    if draw(st.booleans()):
        data["defaults"] = {
            "time_limit": draw(st.none() | st.integers(5, 3600)),
            "points": draw(st.integers(1, 100_000)),
            "scoring": draw(st.sampled_from(["classic", "accuracy", "practice"])),
            "shuffle_questions": draw(st.booleans()),
            "shuffle_choices": draw(st.booleans()),
        }
    return data


# Block style as teachers write, flow style for short lists ([a, b]) or all flow; long lines folded.
STYLES = st.fixed_dictionaries(
    {
        "default_flow_style": st.sampled_from([False, None, True]),
        "width": st.sampled_from([40, 100, 10_000]),
        "allow_unicode": st.booleans(),
    }
)


def _round_trip(data: dict[str, Any], style: dict[str, Any]) -> None:
    original = QuestionSet.model_validate(data)
    text = yaml.safe_dump(data, sort_keys=False, **style)
    loaded = parse_question_set(text, "round-trip.yaml")
    assert loaded.model_dump() == original.model_dump()


@QUICK
@given(question_set(), STYLES)
def test_a_valid_set_survives_dump_and_load_unchanged(
    data: dict[str, Any], style: dict[str, Any]
) -> None:
    _round_trip(data, style)


@pytest.mark.slow
@LONG
@given(question_set(), STYLES)
def test_a_valid_set_survives_dump_and_load_unchanged_long(
    data: dict[str, Any], style: dict[str, Any]
) -> None:
    _round_trip(data, style)


def test_words_yaml_1_1_reads_as_booleans_or_numbers_stay_text() -> None:
    # Words YAML 1.1 would turn into booleans or numbers stay text in a question set.
    data = {
        "id": "s",
        "title": "Non",
        "language": "fr",
        "article": {"headline": "Oui"},
        "questions": [
            {
                "id": "q",
                "type": "single",
                "skill": "language",
                "prompt": "on",
                "choices": ["yes", "no", "off", "1e5", string.digits],
                "answer": "no",
                "explanation": "~ null",
                "evidence": "2013-11-02",
            }
        ],
    }
    _round_trip(data, {"allow_unicode": True})
    plain = "id: s\ntitle: Non\nlanguage: fr\narticle: {headline: Oui}\nquestions: []\n"
    with pytest.raises(QuestionSetError) as raised:
        parse_question_set(plain)
    assert [d.code for d in raised.value.diagnostics] == ["invalid"]  # only the empty list


def test_numbers_keep_the_teachers_spelling_where_text_is_expected() -> None:
    # YAML 1.1 would show students "630" for the choice 10:30, "7" for 007, "12.5" for 12.50.
    text = """\
id: 1.10
title: Horaires
language: fr
article: {headline: Japon et Russie}
defaults: {points: 1_000, time_limit: +20}
questions:
  - id: heure
    type: single
    skill: comprehension
    prompt: À quelle heure la rencontre a-t-elle commencé ?
    choices: [10:30, 007, 12.50, 0x1F, 2.5, 1945]
    answer: 10:30
    explanation: e
    evidence: v
  - {id: n, type: numeric, skill: comprehension, prompt: p, answer: 1_000.50, tolerance: .5,
     explanation: e, evidence: v}
"""
    question_set = parse_question_set(text)
    single, numeric = question_set.questions
    assert question_set.id == "1.10"
    assert [c.text for c in single.choices] == ["10:30", "007", "12.50", "0x1F", "2.5", "1945"]
    assert single.correct_choices == frozenset({0})
    assert (question_set.defaults.points, question_set.defaults.time_limit) == (1000, 20)
    assert (numeric.answer, numeric.tolerance) == (1000.5, 0.5)
