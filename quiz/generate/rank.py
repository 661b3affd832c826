"""Stage 5, rank: keep the best question of each kind and each subject, then cover every skill.

Candidates are many and overlapping (a role question for each minister, two highlight questions on
the same hedge). The set a teacher reviews should be short and varied: the best question of each
skill first, then the most confident others, with a cap per kind so no template dominates.
"""

from __future__ import annotations

import re

from quiz.core.skills import Skill
from quiz.core.text import normalise_answer
from quiz.generate.questions import Candidate

KIND_CAPS: dict[str, int] = {
    "role": 4,
    "who": 5,
    "when": 4,
    "speaker": 4,
    "number": 5,
    "date": 3,
    "fact": 2,
    "hedge_cue": 3,
    "established": 2,
    "cause": 2,
    "widget": 2,
}
"""How many questions of one kind a set keeps at most; kinds not listed keep one."""

ONE_PER_SENTENCE = frozenset(
    {
        Skill.COMPREHENSION,
        Skill.CONTEXT,
        Skill.ATTRIBUTION,
        Skill.FACT_VS_OPINION,
        Skill.MISSING_VOICES,
        Skill.LANGUAGE,
    }
)
"""Skills about the story itself: two questions on one sentence give each other away."""


def _shows_its_passage(candidate: Candidate) -> bool:
    """A story question whose prompt shows words of its sentence (a cloze, a quote, a claim):
    another such question on the same sentence would give its answer away."""
    if candidate.skill not in ONE_PER_SENTENCE:
        return False
    if candidate.passages:
        return True
    return shares_words(str(candidate.fields.get("prompt", "")), candidate.passage) or bool(
        candidate.fields.get("text")
    )


def shares_words(prompt: str, passage: str, run: int = 5) -> bool:
    """Whether `prompt` holds `run` consecutive words of `passage` (punctuation aside)."""
    words = _WORD.findall(normalise_answer(passage))
    shown = " " + " ".join(_WORD.findall(normalise_answer(prompt))) + " "
    return any(
        " " + " ".join(words[i : i + run]) + " " in shown for i in range(len(words) - run + 1)
    )


_WORD = re.compile(r"[\w'-]+")


def _shown(candidate: Candidate) -> tuple[str, ...]:
    """The sentences a question shows: its passage, or each of its items' sentences."""
    return candidate.passages or (candidate.passage,)


def deduplicate(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per (kind, subject) and per prompt: the most confident, first built on ties."""
    best: dict[tuple[str, str], tuple[int, Candidate]] = {}
    for index, candidate in enumerate(candidates):
        key = (candidate.kind, candidate.subject)
        if key not in best or candidate.confidence > best[key][1].confidence:
            best[key] = (index, candidate)
    kept: list[tuple[int, Candidate]] = sorted(best.values(), key=lambda pair: pair[0])
    seen_prompts: set[str] = set()
    result: list[Candidate] = []
    for _, candidate in kept:
        prompt = normalise_answer(str(candidate.fields.get("prompt", "")))
        if prompt in seen_prompts:
            continue
        seen_prompts.add(prompt)
        result.append(candidate)
    return result


def select(candidates: list[Candidate], limit: int) -> list[Candidate]:
    """At most `limit` questions: each skill's best first, then by confidence; in skill order."""
    pool = deduplicate(candidates)
    order = {id(c): i for i, c in enumerate(pool)}
    by_confidence = sorted(pool, key=lambda c: (-c.confidence, order[id(c)]))
    chosen: list[Candidate] = []
    chosen_ids: set[int] = set()
    per_kind: dict[str, int] = {}
    passages: set[str] = set()

    shows = {id(c): _shows_its_passage(c) for c in pool}

    def fits(candidate: Candidate) -> bool:
        return not shows[id(candidate)] or passages.isdisjoint(_shown(candidate))

    def take(candidate: Candidate) -> None:
        chosen.append(candidate)
        chosen_ids.add(id(candidate))
        per_kind[candidate.kind] = per_kind.get(candidate.kind, 0) + 1
        if shows[id(candidate)]:
            passages.update(_shown(candidate))

    # A question made of several sentences first (a categorize question's items): once
    # single-sentence questions have taken its sentences it has no others, while they do.
    for candidate in by_confidence:
        capped = per_kind.get(candidate.kind, 0) >= KIND_CAPS.get(candidate.kind, 1)
        if candidate.passages and not capped and len(chosen) < limit and fits(candidate):
            take(candidate)
    # Rare skills first: a sentence that alone can give a language question is not spent on a
    # comprehension question that many sentences could give.
    supply = {skill: sum(1 for c in pool if c.skill is skill) for skill in Skill}
    for skill in sorted(Skill, key=lambda s: (supply[s], list(Skill).index(s))):
        best = next((c for c in by_confidence if c.skill is skill and fits(c)), None)
        if best is not None and len(chosen) < limit:
            take(best)
    # Then the most confident, sentences not yet asked about first: a set should cover the
    # story, not circle one paragraph.
    covered = {passage for c in chosen for passage in _shown(c)}
    ranked = sorted(
        by_confidence, key=lambda c: (c.passage in covered, -c.confidence, order[id(c)])
    )
    for candidate in ranked:
        if len(chosen) >= limit:
            break
        if id(candidate) in chosen_ids or per_kind.get(candidate.kind, 0) >= KIND_CAPS.get(
            candidate.kind, 1
        ):
            continue
        if fits(candidate):
            take(candidate)
    skill_order = {skill: i for i, skill in enumerate(Skill)}
    return sorted(chosen, key=lambda c: (skill_order[c.skill], order[id(c)]))
