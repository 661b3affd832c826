"""A `categorize` question: sort passages of the article by who vouches for them.

Three groups a student learns to tell apart: the words of a person the article names (a quote
with its speaker named in the tag beside it), what an unnamed source says ("selon des
observateurs", with no hedge), and a hypothesis (a conditional or a hedge, with no source and no
quotation). A passage goes in only when it belongs to one group without doubt: a hedged sentence
from an unnamed source, a named person's hedged quote, a quote whose speaker is found from a
pronoun or the context, are all left out. Items are the article's own words: a sentence whole, or
a quote with its tag, its inside cut with "…" when long.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from quiz.core.skills import Skill
from quiz.generate.extract import Facts, Quote
from quiz.generate.extract.voices import SURE_WAYS
from quiz.generate.questions.common import Candidate, reliable_people, short, t

NAMED, UNNAMED, HEDGE = "named", "unnamed", "hedge"
GROUPS = (NAMED, UNNAMED, HEDGE)
"""The groups, in the order students see them."""

MAX_ITEMS = 6
MAX_PER_GROUP = 3
MIN_ITEMS = 3
MAX_WORDS = 35
"""A passage longer than this is no item a student can read at a glance."""
QUOTE_WORDS = 16
"""A long quote is cut to this many words inside its marks, its tag kept whole."""

_QUOTE_MARKS = re.compile(r"[«»\"“”]")


@dataclass(frozen=True)
class _Item:
    group: str
    text: str
    """What the student reads: verbatim, or a quote cut with "…" inside its marks."""
    verbatim: str
    """The longest verbatim run of `text`: the question's evidence can be it."""
    sentence: int
    cue: str
    """What puts it in its group: the speaker's name, the source, the hedge word."""


def _is_marked(facts: Facts, text: str) -> bool:
    """Any mark of another group: an unnamed source, a hedge of any kind, an estimate."""
    profile = facts.profile
    return bool(
        profile.unnamed_sources.search(text)
        or profile.hedges.search(text)
        or profile.uncertain.search(text)
    )


def _named_item(facts: Facts, quote: Quote, people: set[str]) -> _Item | None:
    """A quote whose speaker is named in the tag beside it, with nothing hedged or unnamed in
    its sentence; the item is the quote and its tag."""
    if not quote.direct or quote.how not in SURE_WAYS or quote.person is None:
        return None
    if quote.person.name not in people or not quote.tag:
        return None
    sentence = facts.sentence(quote.sentence).text
    if _is_marked(facts, sentence):
        return None
    start = sentence.find(quote.evidence)
    tag_at = sentence.find(quote.tag)
    if start < 0 or tag_at < 0:
        return None
    begin = min(start, tag_at)
    end = max(start + len(quote.evidence), tag_at + len(quote.tag))
    span = sentence[begin:end].strip(" ,;:")
    name = next(
        (f for f in sorted(quote.person.forms, key=len, reverse=True) if f in quote.tag), None
    )
    if name is None or name in quote.evidence:
        return None  # the speaker must be named in the tag, not inside the quote
    whole = sentence.strip()
    if len(whole.split()) <= MAX_WORDS:
        return _Item(NAMED, whole, whole, quote.sentence, name)  # the tag read to its end
    if len(span.split()) <= MAX_WORDS:
        return _Item(NAMED, span, span, quote.sentence, name)
    # Too long: the quote's inside is cut, its marks and its tag kept as written.
    inner = quote.evidence[1:-1].strip()
    cut = short(inner, QUOTE_WORDS)
    if not cut.endswith("…"):
        return None
    shortened = quote.evidence[0] + cut + quote.evidence[-1]
    text = (sentence[begin:start] + shortened + sentence[start + len(quote.evidence) : end]).strip(
        " ,;:"
    )
    if len(text.split()) > MAX_WORDS:
        return None
    verbatim = max(text.split("…"), key=len).strip(' ,;:«»"')
    return _Item(NAMED, text, verbatim, quote.sentence, name)


def _plain(index: int, text: str, quoted: set[int]) -> bool:
    """A sentence that quotes nobody and is short enough to read as one item."""
    return index not in quoted and not _QUOTE_MARKS.search(text) and len(text.split()) <= MAX_WORDS


def _items(facts: Facts) -> list[_Item]:
    """Every passage that belongs to exactly one group, in the article's order."""
    profile = facts.profile
    people = set(reliable_people(facts))
    quoted = {q.sentence for q in facts.quotes}
    found: dict[int, _Item] = {}
    per_sentence: dict[int, int] = {}
    for quote in facts.quotes:
        per_sentence[quote.sentence] = per_sentence.get(quote.sentence, 0) + 1
    for quote in facts.quotes:
        if per_sentence[quote.sentence] > 1:
            continue  # two voices in one sentence: which one is the item?
        item = _named_item(facts, quote, people)
        if item is not None:
            found.setdefault(item.sentence, item)
    for hedge in facts.hedges:
        text = hedge.passage.strip()
        if hedge.sentence in found or not _plain(hedge.sentence, text, quoted):
            continue
        if hedge.source and not hedge.cues:
            if profile.hedges.search(text) or profile.uncertain.search(text):
                continue  # an unnamed source's hypothesis: two groups at once
            if facts.analysis.mentions_in(hedge.sentence, "person"):
                continue  # "X said, according to sources…": a named person speaks too
            found[hedge.sentence] = _Item(UNNAMED, text, text, hedge.sentence, hedge.source)
        elif hedge.cues and not hedge.source and not facts.page.opinion:
            # On an opinion page a "could" is the author's rhetoric, not a reported hypothesis.
            if any(
                pattern.search(text)
                for pattern in (profile.unnamed_sources, profile.according_to, profile.reporting)
            ):
                continue  # someone puts the hypothesis forward: whose words are they?
            found[hedge.sentence] = _Item(HEDGE, text, text, hedge.sentence, hedge.cues[0])
    return [found[index] for index in sorted(found)]


def _chosen(items: list[_Item]) -> list[_Item]:
    """At most MAX_ITEMS, the groups taking turns, each group in the article's order."""
    queues = {group: [i for i in items if i.group == group][:MAX_PER_GROUP] for group in GROUPS}
    chosen: list[_Item] = []
    while len(chosen) < MAX_ITEMS and any(queues.values()):
        for group in GROUPS:
            if queues[group] and len(chosen) < MAX_ITEMS:
                chosen.append(queues[group].pop(0))
    return sorted(chosen, key=lambda i: i.sentence)


def categorize_questions(facts: Facts) -> Iterator[Candidate]:
    chosen = _chosen(_items(facts))
    groups = [g for g in GROUPS if any(i.group == g for i in chosen)]
    if len(groups) < 2 or len(chosen) < MIN_ITEMS:
        return
    names = {group: t(facts, f"categorize.{group}") for group in GROUPS}
    explanation = " ".join(
        t(facts, f"categorize.explain_{group}", cue=next(i.cue for i in chosen if i.group == group))
        for group in groups
    )
    sentences = tuple(facts.sentence(i.sentence).text for i in chosen)
    yield Candidate(
        "categorize",
        Skill.FACT_VS_OPINION,
        0.85,
        " … ".join(sentences),
        {
            "type": "categorize",
            "prompt": t(facts, "categorize.prompt"),
            "categories": [names[g] for g in groups],
            "items": [{"text": i.text, "category": names[i.group]} for i in chosen],
            "explanation": explanation,
            "evidence": min((i.verbatim for i in chosen), key=len),
        },
        subject="categorize",
        passages=sentences,
    )
