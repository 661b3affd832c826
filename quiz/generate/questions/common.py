"""What every question builder shares: the candidate, the templates' filler, choices and quotes.

Two rules hold for every builder. The key comes from a fact with its verbatim evidence. A
distractor is of the same kind (another minister, another capital, another cause the article
gives for something else) or from a curated list, differs from the key once normalised, and is
false according to the article: a builder that cannot find such distractors writes no question.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from quiz.core.skills import Skill
from quiz.core.text import normalise_answer
from quiz.generate.extract import Facts
from quiz.generate.languages import profile


@dataclass
class Candidate:
    """A question before ranking: its YAML fields, its skill, and how sure we are of it."""

    kind: str
    skill: Skill
    confidence: float
    passage: str
    fields: dict[str, Any]
    subject: str = ""
    """What it is about, so that ranking keeps one question per (kind, subject)."""
    passages: tuple[str, ...] = ()
    """Every sentence the question shows, when it shows several (a categorize question's
    items): ranking then keeps each of them out of other questions, as it does `passage`."""


Builder = Callable[[Facts], Iterator[Candidate]]


def t(facts: Facts, key: str, **values: Any) -> str:
    return facts.profile.text(key, **values)


def pick_choices(key: str, distractors: list[str], limit: int = 3) -> list[str] | None:
    """Key and distinct distractors in a stable order, or None when there are too few."""
    seen = {normalise_answer(key)}
    kept: list[str] = []
    for text in distractors:
        norm = normalise_answer(text)
        if norm and norm not in seen:
            seen.add(norm)
            kept.append(text)
        if len(kept) == limit:
            break
    if not kept:
        return None
    # Rotate by a hash of the key so the right answer is not always first in the file.
    position = zlib.crc32(key.encode()) % (len(kept) + 1)
    return [*kept[:position], key, *kept[position:]]


def single(prompt: str, key: str, distractors: list[str], **extra: Any) -> dict[str, Any] | None:
    choices = pick_choices(key, distractors)
    if choices is None:
        return None
    return {"type": "single", "prompt": prompt, "choices": choices, "answer": key, **extra}


def short(text: str, words: int = 18) -> str:
    """The first `words` words and "…", never cut inside a quotation (an opening « or " left
    without its closing mark reads as garbled): the cut moves back before the open quote."""
    parts = text.split()
    if len(parts) <= words:
        return text
    kept = parts[:words]
    while kept:
        joined = " ".join(kept)
        if joined.count("«") <= joined.count("»") and joined.count('"') % 2 == 0:
            return joined + "…"
        kept = kept[:-1]
    return " ".join(parts[:words]) + "…"


def join_names(facts: Facts, names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t(facts, 'and')} {names[-1]}"


def format_date(value: date, language: str) -> str:
    """The date as the language writes it, with its weekday ("vendredi 1er novembre 2013")."""
    return profile(language).format_date(value)


def reliable_people(facts: Facts) -> list[str]:
    """People to offer as choices: surely people (see `Person.reliable`), and without a trained
    model only names seen twice or with a role (a rules-only pass takes "El Nino" for a person)."""
    persons = [p for p in facts.analysis.persons if p.reliable]
    if not facts.analysis.degraded:
        return [p.name for p in persons]
    with_role = {id(f.person) for f in facts.people if f.role}
    return [p.name for p in persons if id(p) in with_role or len(p.mentions) >= 2]


def passage_of(facts: Facts, sentence: int | None) -> str:
    return facts.sentence(sentence).text if sentence is not None else ""


def evidence_window(text: str, start: int, end: int, words: int = 6) -> str:
    """A few words either side of `text[start:end]`, cut on spaces: short and verbatim."""
    if start < 0:
        return short(text, 12)
    left = text[:start].split(" ")
    right = text[end:].split(" ")
    return (" ".join(left[-words:]) + text[start:end] + " ".join(right[: words + 1])).strip(" ,;:")
