"""Questions on the page around the story: credits, agency, furniture, the date to check."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.core.skills import Skill
from quiz.generate.clean import Zone, find_dates, is_furniture
from quiz.generate.extract import Facts
from quiz.generate.lexicon import (
    DISTRACTOR_AGENCIES,
    fold,
)
from quiz.generate.questions.common import (
    Candidate,
    format_date,
    reliable_people,
    short,
    single,
    t,
)

# --- sourcing -------------------------------------------------------------------------------------


def credit_questions(facts: Facts) -> Iterator[Candidate]:
    for caption in facts.page.captions[:1]:
        credit = caption.credit
        if credit is None:
            continue
        bracket = f"[{credit.text}]" if f"[{credit.text}]" in caption.line else credit.text
        if credit.photographer:
            people = reliable_people(facts)
            fields = single(
                t(facts, "photographer.prompt"),
                credit.photographer,
                people,
                explanation=t(
                    facts, "photographer.explain", credit=credit.text, name=credit.photographer
                ),
                evidence=bracket,
            )
            if fields:
                yield Candidate("photographer", Skill.SOURCING, 0.85, caption.text, fields)
        if credit.pool:
            fields = single(
                t(facts, "pool.prompt", credit=credit.text),
                t(facts, "pool.key"),
                [t(facts, f"pool.d{i}") for i in (1, 2, 3)],
                explanation=t(facts, "pool.explain"),
                evidence=bracket,
            )
            if fields:
                yield Candidate("pool", Skill.SOURCING, 0.9, caption.text, fields)
        for agency in credit.agencies[:1]:
            fields = single(
                t(facts, "agency.prompt"),
                agency,
                [a for a in DISTRACTOR_AGENCIES if a != agency],
                explanation=t(facts, "agency.explain", credit=credit.text, agency=agency),
                evidence=bracket,
            )
            if fields:
                yield Candidate("agency", Skill.SOURCING, 0.9, caption.text, fields)


_BYLINE_NAME = re.compile(
    r"\b(?:[Pp]ar|[Bb]y)\s+(?P<name>[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){1,2})"
    r"(?=\s*(?:,|$|\||-))"
)
"""One author in a byline: "Par Anne Berthier, géographe", "Posted … by Marisa Delgado-Klein"."""


def author_questions(facts: Facts) -> Iterator[Candidate]:
    """Who wrote this text? Asked when one byline names one person and no agency: the article's
    people (who did not write it) and "a news agency" are the wrong choices."""
    page = facts.page
    names = [(line, m.group("name")) for line in page.bylines for m in _BYLINE_NAME.finditer(line)]
    if len(names) != 1 or page.agency:
        return
    line, name = names[0]
    if re.search(r"\b(?:et|and|avec|with)\b", line):
        return  # several authors, or an agency's help
    people = [p.name for p in facts.analysis.persons if p.reliable and fold(p.name) != fold(name)]
    fields = single(
        t(facts, "author.prompt"),
        name,
        [*people[:2], t(facts, "author.agency")],
        explanation=t(facts, "author.explain", byline=line, name=name),
        evidence=line,
    )
    if fields and len(fields["choices"]) >= 3:
        yield Candidate("author", Skill.SOURCING, 0.85, line, fields)


def dateline_questions(facts: Facts) -> Iterator[Candidate]:
    agency = facts.page.agency
    if agency is None:
        return
    line = next((b for b in [*facts.page.bylines, *facts.page.body[:1]] if agency in b), None)
    if line is None:
        return
    match = re.search(rf"^[A-ZÀ-Þ' -]+\(\s*{re.escape(agency)}\s*\)", line)
    evidence = match.group(0) if match else short(line, 10).rstrip("…")
    fields = single(
        t(facts, "dateline.prompt"),
        agency,
        [a for a in DISTRACTOR_AGENCIES if a != agency],
        explanation=t(facts, "dateline.explain", evidence=evidence, agency=agency),
        evidence=evidence,
    )
    if fields:
        yield Candidate("dateline", Skill.SOURCING, 0.85, line, fields)


# --- page furniture and lateral reading -----------------------------------------------------------


def furniture_questions(facts: Facts) -> Iterator[Candidate]:
    page = facts.page
    found = [_furniture_label(f, facts) for f in page.furniture]
    labels = list(dict.fromkeys(label for label in found if label))
    if labels and page.body:
        items = labels[:3]
        article_parts = []
        if page.headline:
            article_parts.append(t(facts, "headline.choice", headline=short(page.headline, 10)))
        opening = short(page.body[-1].lstrip('«" '), 6).rstrip("…")
        article_parts.append(t(facts, "body.choice", start=opening.strip(' «»"')))
        yield Candidate(
            "furniture",
            Skill.PAGE_FURNITURE,
            0.8,
            items[0],
            {
                "type": "multiple",
                "prompt": t(facts, "furniture.prompt"),
                "choices": [*items, *article_parts],
                "answer": items,
                "explanation": t(facts, "furniture.explain", items=", ".join(items)),
                "evidence": items[0],
            },
        )
    for label in labels:
        widget = facts.profile.widgets.get(fold(label).strip(" :."))
        if widget is None:
            continue
        fields = single(
            t(facts, "widget.prompt", label=label),
            widget.meaning,
            list(widget.distractors),
            explanation=t(facts, "widget.explain", label=label, meaning=widget.why),
            evidence=label,
        )
        if fields:
            # Paid links posing as content are the lesson most worth a question.
            confidence = 0.85 if widget.sponsored else 0.8
            yield Candidate(
                "widget", Skill.PAGE_FURNITURE, confidence, label, fields, subject=label
            )
    for caption in page.captions[:1]:
        if not caption.printed_twice or caption.credit is None:
            continue
        fields = single(
            t(facts, "twice.prompt"),
            t(facts, "twice.key"),
            [t(facts, f"twice.d{i}") for i in (1, 2, 3)],
            explanation=t(facts, "twice.explain", credit=caption.credit.text),
            evidence=caption.credit.text,
        )
        if fields:
            yield Candidate("twice", Skill.PAGE_FURNITURE, 0.85, caption.text, fields)


def _furniture_label(line: str, facts: Facts) -> str | None:
    """The part of a furniture line worth asking about: "Lire aussi" of "Lire aussi : …"."""
    head = re.split(r"\s*:\s*", line, maxsplit=1)[0]
    if head != line and is_furniture(head, facts.profile):
        return head
    return line if len(line.split()) <= 6 and is_furniture(line, facts.profile) else None


def genre_questions(facts: Facts) -> Iterator[Candidate]:
    """What kind of text is this? Asked of a page that labels itself opinion, with its label."""
    label = facts.page.opinion_label
    if not facts.page.opinion or not label:
        return
    fields = single(
        t(facts, "genre.prompt", label=label),
        t(facts, "genre.key"),
        [t(facts, f"genre.d{i}") for i in (1, 2, 3)],
        explanation=t(facts, "genre.explain", label=label),
        evidence=label,
    )
    if fields:
        yield Candidate("genre", Skill.FACT_VS_OPINION, 0.85, label, fields)


def stale_questions(facts: Facts) -> Iterator[Candidate]:
    page = facts.page
    if page.published is None:
        return
    lines = [b.text for b in page.blocks if b.zone in (Zone.BYLINE, Zone.CAPTION)]
    written = next((w for line in lines for _, w in find_dates(line)), None)
    if written is None:
        return
    fields = single(
        t(facts, "stale.prompt", reference=format_date(page.published, facts.language)),
        t(facts, "stale.key"),
        [t(facts, f"stale.d{i}") for i in (1, 2, 3)],
        explanation=t(facts, "stale.explain", evidence=written),
        evidence=written,
    )
    if fields:
        # The curated key is right whenever the date is the article's; a caption's may not be.
        confidence = 0.85 if page.published_from != "caption" else 0.6
        yield Candidate("stale", Skill.LATERAL_READING, confidence, written, fields)
