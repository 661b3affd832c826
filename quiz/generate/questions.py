"""Stage 4, write questions: facts in, candidate questions out, one small builder per kind.

Every builder keeps to two rules. The key comes from a fact with its verbatim evidence. A
distractor is of the same kind (another minister, another capital, another cause the article
gives for something else) or from a curated list, differs from the key once normalised, and is
false by the article: a builder that cannot find such distractors writes no question.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from quiz.core.skills import Skill
from quiz.core.text import normalise_answer
from quiz.generate.clean import Zone, is_furniture
from quiz.generate.extract import Facts, role_text
from quiz.generate.lexicon import (
    COUNTRIES,
    COUNTRY_BY_CAPITAL,
    DISTRACTOR_AGENCIES,
    MONTHS,
    PORTFOLIOS,
    WEEKDAYS,
    capital,
    country_named,
    fold,
)
from quiz.generate.templates import SPONSORED_WIDGETS, TEXTS, WIDGETS


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


Builder = Callable[[Facts], Iterator[Candidate]]


def _t(facts: Facts, key: str, **values: Any) -> str:
    return TEXTS[facts.language][key].format(**values)


def _choices(key: str, distractors: list[str], limit: int = 3) -> list[str] | None:
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


def _single(prompt: str, key: str, distractors: list[str], **extra: Any) -> dict[str, Any] | None:
    choices = _choices(key, distractors)
    if choices is None:
        return None
    return {"type": "single", "prompt": prompt, "choices": choices, "answer": key, **extra}


def _short(text: str, words: int = 18) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + "…"


def _join(facts: Facts, names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {_t(facts, 'and')} {names[-1]}"


def format_date(value: date, language: str) -> str:
    weekday = WEEKDAYS[language][value.weekday()]
    month = MONTHS[language][value.month - 1]
    if language == "fr":
        day = "1er" if value.day == 1 else str(value.day)
        return f"{weekday} {day} {month} {value.year}"
    return f"{weekday} {value.day} {month} {value.year}"


# --- comprehension --------------------------------------------------------------------------------


def role_questions(facts: Facts) -> Iterator[Candidate]:
    known = [f for f in facts.people if f.role and f.country and f.evidence]
    countries = list(dict.fromkeys(f.country for f in known if f.country))
    for fact in known:
        assert fact.role is not None
        assert fact.evidence is not None
        assert fact.title
        others = [f.role for f in known if f is not fact and f.role]
        # Same title, other portfolio or other country: false for this person by the article.
        for country in countries:
            others.append(
                role_text(fact.title, fact.portfolio, country, facts.language, fact.feminine)
            )
        # Curated portfolios come last, for articles that name a single minister.
        ministers = fact.portfolio is not None and "minist" in fact.title.lower()
        curated = list(PORTFOLIOS[facts.language]) if ministers else []
        for portfolio in [*(k.portfolio for k in known), *curated]:
            if portfolio and normalise_answer(portfolio) != normalise_answer(fact.portfolio or ""):
                others.append(
                    role_text(fact.title, portfolio, fact.country, facts.language, fact.feminine)
                )
        name = fact.person.name
        fields = _single(
            _t(facts, "role.prompt", name=name),
            fact.role,
            others,
            explanation=_t(
                facts, "role.explain", name=name, role=fact.role, evidence=fact.evidence
            ),
            evidence=fact.evidence,
        )
        if fields:
            yield Candidate(
                "role",
                Skill.COMPREHENSION,
                fact.confidence,
                _passage(facts, fact.sentence),
                fields,
                subject=name,
            )


def side_questions(facts: Facts) -> Iterator[Candidate]:
    known = [f for f in facts.people if f.country and f.evidence]
    countries = list(dict.fromkeys(f.country for f in known if f.country))
    if len(countries) < 2:
        return
    for country in countries[::-1][:1]:
        right = [f for f in known if f.country is country]
        names = [f.person.name for f in known]
        evidence_fact = min(right, key=lambda f: len(f.evidence or ""))
        confidence = min(f.confidence for f in known)
        yield Candidate(
            "side",
            Skill.COMPREHENSION,
            confidence,
            _passage(facts, evidence_fact.sentence),
            {
                "type": "multiple",
                "prompt": _t(facts, "side.prompt", country=country.name[facts.language]),
                "choices": names,
                "answer": [f.person.name for f in right],
                "explanation": _t(
                    facts,
                    "side.explain",
                    names=_join(facts, [f.person.name for f in right]),
                    country=country.name[facts.language],
                ),
                "evidence": evidence_fact.evidence,
            },
            subject=country.key,
        )


def meeting_place_questions(facts: Facts) -> Iterator[Candidate]:
    for meeting in facts.meetings[:1]:
        if meeting.place is None or len(meeting.participants) < 2:
            continue
        sentence = facts.sentence(meeting.sentence).text
        place_at = sentence.find(meeting.place)
        evidence = _evidence_window(sentence, place_at, place_at + len(meeting.place), words=10)
        country = COUNTRY_BY_CAPITAL.get(fold(meeting.place))
        # Other cities of the article first, then capitals of the countries it names, then the
        # capitals most often in the news: all places where, by the article, they did not meet.
        cities = [p for p in facts.places if fold(p) in COUNTRY_BY_CAPITAL]
        named = [c for c in (country_named(p) for p in facts.places) if c is not None]
        cities += [capital(c, facts.language) for c in named if c is not country]
        cities += [capital(c, facts.language) for c in COUNTRIES[:8] if c is not country]
        names = [p.name for p in meeting.participants[:5]]
        a = ", ".join(names[:-1])
        fields = _single(
            _t(facts, "place.prompt", a=a, b=names[-1]),
            meeting.place,
            [c for c in cities if fold(c) != fold(meeting.place)],
            explanation=_t(facts, "place.explain", place=meeting.place, evidence=evidence),
            evidence=evidence,
        )
        if fields:
            yield Candidate("place", Skill.COMPREHENSION, 0.8, sentence, fields, subject=a)


def number_questions(facts: Facts) -> Iterator[Candidate]:
    for number in facts.numbers:
        cloze = number.evidence.replace(number.text, "…", 1)
        yield Candidate(
            "number",
            Skill.COMPREHENSION,
            0.8,
            facts.sentence(number.sentence).text,
            {
                "type": "numeric",
                "prompt": _t(facts, "number.prompt", cloze=cloze),
                "answer": number.value,
                "explanation": _t(
                    facts, "number.explain", evidence=number.evidence, value=number.value
                ),
                "evidence": number.evidence,
            },
            subject=number.evidence,
        )


def date_questions(facts: Facts) -> Iterator[Candidate]:
    reference = facts.page.published
    if reference is None:
        return
    shown_reference = format_date(reference, facts.language)
    weekdays = {fold(w) for w in WEEKDAYS[facts.language]}
    for mention in facts.dates:
        if mention.value is None or fold(mention.text) not in weekdays:
            continue
        if mention.value == reference:
            continue  # "samedi" written on Saturday: nothing to work out
        key = format_date(mention.value, facts.language)
        distractors = [
            format_date(mention.value + timedelta(days=7), facts.language),
            format_date(mention.value - timedelta(days=7), facts.language),
            format_date(reference + timedelta(days=1), facts.language),
        ]
        fields = _single(
            _t(
                facts,
                "date.prompt",
                reference=shown_reference,
                word=mention.text,
                evidence=mention.evidence,
            ),
            key,
            distractors,
            explanation=_t(
                facts, "date.explain", word=mention.text, reference=shown_reference, value=key
            ),
            evidence=mention.evidence,
        )
        confidence = 0.8 if facts.page.published_from != "caption" else 0.65
        if fields:
            yield Candidate(
                "date",
                Skill.COMPREHENSION,
                confidence,
                facts.sentence(mention.sentence).text,
                fields,
                subject=mention.text,
            )


# --- context --------------------------------------------------------------------------------------


def _as_choice(cue: str, cause: str, language: str) -> str:
    """ "(en raison) des besoins accrus…" → "les besoins accrus…": a cause that reads on its own."""
    if language == "fr":
        for lead, article in (("des ", "les "), ("du ", "le "), ("de la ", "la ")):
            if cue.endswith(lead):
                return article + cause
    return cause


def cause_questions(facts: Facts) -> Iterator[Candidate]:
    if len(facts.causes) < 2:
        return
    for cause in facts.causes:
        key = _as_choice(cause.cue, cause.cause, facts.language)
        others = [
            _as_choice(c.cue, c.cause, facts.language) for c in facts.causes if c is not cause
        ]
        fields = _single(
            _t(facts, "cause.prompt", effect=cause.effect, cue=cause.cue.strip()),
            key,
            others,
            explanation=_t(facts, "cause.explain", evidence=cause.evidence),
            evidence=cause.evidence,
        )
        if fields:
            yield Candidate(
                "cause",
                Skill.CONTEXT,
                0.75,
                facts.sentence(cause.sentence).text,
                fields,
                subject=cause.cause,
            )


def first_questions(facts: Facts) -> Iterator[Candidate]:
    for sentence in facts.firsts:
        if len(sentence.text.split()) > 35 or '"' in sentence.text or "«" in sentence.text:
            continue
        yield Candidate(
            "first",
            Skill.CONTEXT,
            0.7,
            sentence.text,
            {
                "type": "true_false",
                "prompt": _t(facts, "first.prompt", sentence=sentence.text),
                "answer": True,
                "explanation": _t(facts, "first.explain"),
                "evidence": sentence.text,
            },
            subject=str(sentence.index),
        )


# --- sourcing -------------------------------------------------------------------------------------


def credit_questions(facts: Facts) -> Iterator[Candidate]:
    for caption in facts.page.captions[:1]:
        credit = caption.credit
        if credit is None:
            continue
        bracket = f"[{credit.text}]" if f"[{credit.text}]" in caption.line else credit.text
        if credit.photographer:
            people = _reliable_people(facts)
            fields = _single(
                _t(facts, "photographer.prompt"),
                credit.photographer,
                people,
                explanation=_t(
                    facts, "photographer.explain", credit=credit.text, name=credit.photographer
                ),
                evidence=bracket,
            )
            if fields:
                yield Candidate("photographer", Skill.SOURCING, 0.85, caption.text, fields)
        if credit.pool:
            fields = _single(
                _t(facts, "pool.prompt", credit=credit.text),
                _t(facts, "pool.key"),
                [_t(facts, f"pool.d{i}") for i in (1, 2, 3)],
                explanation=_t(facts, "pool.explain"),
                evidence=bracket,
            )
            if fields:
                yield Candidate("pool", Skill.SOURCING, 0.9, caption.text, fields)
        for agency in credit.agencies[:1]:
            fields = _single(
                _t(facts, "agency.prompt"),
                agency,
                [a for a in DISTRACTOR_AGENCIES if a != agency],
                explanation=_t(facts, "agency.explain", credit=credit.text, agency=agency),
                evidence=bracket,
            )
            if fields:
                yield Candidate("agency", Skill.SOURCING, 0.9, caption.text, fields)


def dateline_questions(facts: Facts) -> Iterator[Candidate]:
    agency = facts.page.agency
    if agency is None:
        return
    line = next((b for b in [*facts.page.bylines, *facts.page.body[:1]] if agency in b), None)
    if line is None:
        return
    match = re.search(rf"^[A-ZÀ-Þ' -]+\(\s*{re.escape(agency)}\s*\)", line)
    evidence = match.group(0) if match else _short(line, 10).rstrip("…")
    fields = _single(
        _t(facts, "dateline.prompt"),
        agency,
        [a for a in DISTRACTOR_AGENCIES if a != agency],
        explanation=_t(facts, "dateline.explain", evidence=evidence, agency=agency),
        evidence=evidence,
    )
    if fields:
        yield Candidate("dateline", Skill.SOURCING, 0.85, line, fields)


# --- attribution ----------------------------------------------------------------------------------


def speaker_questions(facts: Facts) -> Iterator[Candidate]:
    people = _reliable_people(facts)
    for quote in facts.quotes:
        if not quote.direct or quote.person is None:
            continue
        name = quote.person.name
        sentence = facts.sentence(quote.sentence).text
        start = sentence.find(quote.evidence)
        speaker_at = sentence.find(quote.speaker or name)
        end = max(start + len(quote.evidence), speaker_at + len(quote.speaker or name))
        evidence = sentence[min(start, speaker_at) : end]
        fields = _single(
            _t(facts, "speaker.prompt", words=_short(quote.words)),
            name,
            # "The article does not say" is false here: it names the speaker.
            [*(p for p in people if p != name), _t(facts, "unattributed.key")],
            explanation=_t(
                facts, "speaker.explain", name=name, evidence=_short(evidence.strip(' "«»'), 40)
            ),
            evidence=evidence,
        )
        if fields:
            yield Candidate("speaker", Skill.ATTRIBUTION, 0.85, sentence, fields, subject=name)


def unattributed_questions(facts: Facts) -> Iterator[Candidate]:
    speakers = [q.person.name for q in facts.quotes if q.person is not None]
    people = list(dict.fromkeys([*speakers, *_reliable_people(facts)]))
    for quote in facts.quotes:
        if not quote.direct or quote.speaker is not None:
            continue
        fields = _single(
            _t(facts, "unattributed.prompt", words=_short(quote.words)),
            _t(facts, "unattributed.key"),
            people,
            explanation=_t(facts, "unattributed.explain"),
            evidence=quote.evidence,
        )
        if fields:
            yield Candidate(
                "unattributed",
                Skill.ATTRIBUTION,
                0.8,
                facts.sentence(quote.sentence).text,
                fields,
                subject=quote.words,
            )


def indirect_questions(facts: Facts) -> Iterator[Candidate]:
    quoted_directly = {q.person.name for q in facts.quotes if q.direct and q.person}
    for quote in facts.quotes:
        if quote.direct or quote.person is None or quote.person.name in quoted_directly:
            continue
        name = quote.person.name
        fields = _single(
            _t(facts, "indirect.prompt", name=name),
            _t(facts, "indirect.key"),
            [_t(facts, "indirect.d1"), _t(facts, "indirect.d2", name=name)],
            explanation=_t(facts, "indirect.explain", evidence=quote.evidence),
            evidence=quote.evidence,
        )
        if fields:
            yield Candidate(
                "indirect",
                Skill.ATTRIBUTION,
                0.8,
                facts.sentence(quote.sentence).text,
                fields,
                subject=name,
            )


# --- fact vs opinion ------------------------------------------------------------------------------


def _claim(passage: str, source: str | None) -> str:
    """What the hedged sentence claims, without its source ("Selon des observateurs, …" or
    "…, one diplomat said on condition of anonymity")."""
    claim = passage
    if source and claim.startswith(source):
        claim = claim[len(source) :].lstrip(" ,")
    elif source and source in claim:
        head = claim[: claim.index(source)]
        cut = head.rfind(",")
        if cut > 20:
            claim = head[:cut]
    # The prompt puts the claim in quote marks: its own quote marks become single ones.
    return _short(claim.rstrip(". ").replace('"', "'"), 24)


def hedge_questions(facts: Facts) -> Iterator[Candidate]:
    for hedge in facts.hedges:
        sentence = hedge.passage
        passage = _short(sentence, 45) if len(sentence.split()) > 45 else sentence
        if hedge.source and hedge.source in passage:
            yield Candidate(
                "hedge_source",
                Skill.FACT_VS_OPINION,
                0.85,
                sentence,
                {
                    "type": "highlight",
                    "prompt": _t(facts, "source.prompt"),
                    "text": passage,
                    "answer": [hedge.source],
                    "explanation": _t(facts, "source.explain", source=hedge.source),
                    "evidence": hedge.source,
                },
                subject=str(hedge.sentence),
            )
            # A plain "officials said" is a source to notice, not a hypothesis to attribute.
            if hedge.cues:
                claim = _claim(sentence, hedge.source)
                speakers = [q.person.name for q in facts.quotes if q.person is not None]
                people = list(dict.fromkeys([*speakers, *_reliable_people(facts)]))
                fields = _single(
                    _t(facts, "claim.prompt", claim=claim),
                    _t(facts, "claim.key"),
                    people,
                    explanation=_t(facts, "claim.explain", source=hedge.source),
                    evidence=hedge.source,
                )
                if fields:
                    yield Candidate(
                        "hedge_claim",
                        Skill.FACT_VS_OPINION,
                        0.8,
                        sentence,
                        fields,
                        subject=str(hedge.sentence),
                    )
            check = _single(
                _t(facts, "check_claim.prompt", source=hedge.source),
                _t(facts, "check_claim.key"),
                [_t(facts, f"check_claim.d{i}") for i in (1, 2, 3)],
                explanation=_t(facts, "check_claim.explain"),
                evidence=hedge.source,
            )
            if check:
                yield Candidate(
                    "check_claim",
                    Skill.LATERAL_READING,
                    0.75,
                    sentence,
                    check,
                    subject=str(hedge.sentence),
                )
        for cue in hedge.cues[:1]:
            if cue not in passage:
                continue
            yield Candidate(
                "hedge_cue",
                Skill.FACT_VS_OPINION,
                0.8 if hedge.source else 0.6,
                sentence,
                {
                    "type": "highlight",
                    "prompt": _t(facts, "cue.prompt"),
                    "text": passage,
                    "answer": [cue],
                    "explanation": _t(facts, "cue.explain", cue=cue),
                    "evidence": _evidence_window(
                        sentence, sentence.find(cue), sentence.find(cue) + len(cue)
                    ),
                },
                subject=str(hedge.sentence),
            )
            yield Candidate(
                "established",
                Skill.FACT_VS_OPINION,
                0.75 if hedge.source else 0.55,
                sentence,
                {
                    "type": "true_false",
                    "prompt": _t(facts, "established.prompt", claim=_claim(sentence, hedge.source)),
                    "answer": False,
                    "explanation": _t(
                        facts, "established.explain", source_or_cue=hedge.source or cue
                    ),
                    "evidence": _evidence_window(
                        sentence, sentence.find(cue), sentence.find(cue) + len(cue)
                    ),
                },
                subject=str(hedge.sentence),
            )


def fact_questions(facts: Facts) -> Iterator[Candidate]:
    hedged = {h.sentence for h in facts.hedges}
    quoted = {q.sentence for q in facts.quotes}
    details = {n.sentence: n.evidence for n in facts.numbers}
    for d in facts.dates:
        details.setdefault(d.sentence, d.text)
    for index, detail in sorted(details.items()):
        sentence = facts.sentence(index).text
        if index in hedged or index in quoted or '"' in sentence or "«" in sentence:
            continue
        if len(sentence.split()) > 35 or re.match(r"^[A-ZÀ-Þ' -]{3,}\s*\(", sentence):
            continue  # too long to read in a prompt, or opening with a dateline
        fields = _single(
            _t(facts, "fact.prompt", sentence=sentence),
            _t(facts, "fact.key"),
            [_t(facts, "fact.d1"), _t(facts, "fact.d2")],
            explanation=_t(facts, "fact.explain", detail=detail),
            evidence=sentence,
        )
        if fields:
            yield Candidate(
                "fact", Skill.FACT_VS_OPINION, 0.65, sentence, fields, subject=str(index)
            )


# --- missing voices -------------------------------------------------------------------------------


def silent_actor_questions(facts: Facts) -> Iterator[Candidate]:
    voiced_places = [p for p in facts.places if fold(p) in facts.voiced]
    for name, count in sorted(facts.silent_actors, key=lambda a: -a[1])[:1]:
        if count < 2 or not voiced_places:
            continue
        sentence_index = next(
            m.sentence for m in facts.analysis.mentions if m.text == name and m.kind == "place"
        )
        sentence = facts.sentence(sentence_index).text
        at = sentence.find(name)
        evidence = _evidence_window(sentence, at, at + len(name))
        fields = _single(
            _t(facts, "silent.prompt", name=name),
            name,
            voiced_places,
            explanation=_t(facts, "silent.explain", name=name, count=count),
            evidence=evidence,
        )
        if fields:
            yield Candidate("silent", Skill.MISSING_VOICES, 0.75, sentence, fields, subject=name)


def silent_people_questions(facts: Facts) -> Iterator[Candidate]:
    reliable = set(_reliable_people(facts))
    people = [p for p in facts.analysis.persons if p.name in reliable]
    voiced = [p for p in people if fold(p.name) in facts.voiced]
    silent = [p for p in people if fold(p.name) not in facts.voiced]
    if not voiced or not silent:
        return
    first = silent[0].mentions[0]
    sentence = facts.sentence(first.sentence).text
    evidence = _evidence_window(sentence, first.start, first.end)
    yield Candidate(
        "silent_people",
        Skill.MISSING_VOICES,
        0.7,
        sentence,
        {
            "type": "multiple",
            "prompt": _t(facts, "silent_people.prompt"),
            "choices": [p.name for p in people][:8],
            "answer": [p.name for p in silent if p in people[:8]],
            "explanation": _t(
                facts,
                "silent_people.explain",
                silent=_join(facts, [p.name for p in silent]),
                voiced=_join(facts, [p.name for p in voiced]),
            ),
            "evidence": evidence,
        },
    )


def dispute_questions(facts: Facts) -> Iterator[Candidate]:
    """A typed answer, so no distractor can be true: the place, or any other name it is given."""
    for dispute in facts.disputes[:1]:
        bare = re.sub(r"^(?:les |la |le |l'|the )", "", dispute.place)
        answers = [dispute.place, bare, bare.split()[-1]]
        for other in facts.other_names:
            if fold(bare.split()[-1]) in fold(other.place):
                answers += [other.other, re.sub(r"^(?:les |la |le |l'|the )", "", other.other)]
        unique = list({normalise_answer(a): a for a in reversed(answers)}.values())[::-1]
        sides = _join(facts, list(dispute.sides))
        yield Candidate(
            "dispute",
            Skill.COMPREHENSION,
            0.75,
            facts.sentence(dispute.sentence).text,
            {
                "type": "text",
                "prompt": _t(facts, "dispute.prompt", sides=sides),
                "answer": unique,
                "explanation": _t(facts, "dispute.explain", evidence=dispute.evidence),
                "evidence": dispute.evidence,
            },
            subject=dispute.place,
        )


# --- language -------------------------------------------------------------------------------------


def other_name_questions(facts: Facts) -> Iterator[Candidate]:
    for name in facts.other_names:
        bare = re.sub(r"^(?:les |la |le |l'|the )", "", name.other)
        answers = list(dict.fromkeys([name.other, bare]))
        sentence = facts.sentence(name.sentence).text
        yield Candidate(
            "other_name",
            Skill.LANGUAGE,
            0.85,
            sentence,
            {
                "type": "text",
                "prompt": _t(facts, "other_name.prompt", who=name.who, place=name.place),
                "answer": answers
                if normalise_answer(bare) != normalise_answer(name.other)
                else [name.other],
                "explanation": _t(facts, "other_name.explain", evidence=name.evidence),
                "evidence": name.evidence,
            },
            subject=name.place,
        )
        fields = _single(
            _t(facts, "two_names.prompt", place=name.place, other=name.other),
            _t(facts, "two_names.key"),
            [_t(facts, f"two_names.d{i}") for i in (1, 2, 3)],
            explanation=_t(facts, "two_names.explain", evidence=name.evidence),
            evidence=name.evidence,
        )
        if fields:
            yield Candidate("two_names", Skill.LANGUAGE, 0.8, sentence, fields, subject=name.place)


# --- page furniture and lateral reading -----------------------------------------------------------


def furniture_questions(facts: Facts) -> Iterator[Candidate]:
    page = facts.page
    found = [_furniture_label(f, facts.language) for f in page.furniture]
    labels = list(dict.fromkeys(label for label in found if label))
    if labels and page.body:
        items = labels[:3]
        article_parts = []
        if page.headline:
            article_parts.append(_t(facts, "headline.choice", headline=_short(page.headline, 10)))
        article_parts.append(_t(facts, "body.choice", start=" ".join(page.body[-1].split()[:6])))
        yield Candidate(
            "furniture",
            Skill.PAGE_FURNITURE,
            0.8,
            items[0],
            {
                "type": "multiple",
                "prompt": _t(facts, "furniture.prompt"),
                "choices": [*items, *article_parts],
                "answer": items,
                "explanation": _t(facts, "furniture.explain", items=", ".join(items)),
                "evidence": items[0],
            },
        )
    for label in labels:
        known = WIDGETS[facts.language].get(fold(label).strip(" :."))
        if known is None:
            continue
        meaning, why, distractors = known
        fields = _single(
            _t(facts, "widget.prompt", label=label),
            meaning,
            list(distractors),
            explanation=_t(facts, "widget.explain", label=label, meaning=why),
            evidence=label,
        )
        if fields:
            # Paid links posing as content are the lesson most worth a question.
            confidence = 0.85 if fold(label) in SPONSORED_WIDGETS else 0.8
            yield Candidate(
                "widget", Skill.PAGE_FURNITURE, confidence, label, fields, subject=label
            )
    for caption in page.captions[:1]:
        if not caption.printed_twice or caption.credit is None:
            continue
        fields = _single(
            _t(facts, "twice.prompt"),
            _t(facts, "twice.key"),
            [_t(facts, f"twice.d{i}") for i in (1, 2, 3)],
            explanation=_t(facts, "twice.explain", credit=caption.credit.text),
            evidence=caption.credit.text,
        )
        if fields:
            yield Candidate("twice", Skill.PAGE_FURNITURE, 0.85, caption.text, fields)


def _furniture_label(line: str, language: str) -> str | None:
    """The part of a furniture line worth asking about: "Lire aussi" of "Lire aussi : …"."""
    head = re.split(r"\s*:\s*", line, maxsplit=1)[0]
    if head != line and is_furniture(head, language):
        return head
    return line if len(line.split()) <= 6 and is_furniture(line, language) else None


def stale_questions(facts: Facts) -> Iterator[Candidate]:
    page = facts.page
    if page.published is None:
        return
    lines = [b.text for b in page.blocks if b.zone in (Zone.BYLINE, Zone.CAPTION)]
    written = next((w for line in lines for w in _date_texts(line, facts.language)), None)
    if written is None:
        return
    fields = _single(
        _t(facts, "stale.prompt", reference=format_date(page.published, facts.language)),
        _t(facts, "stale.key"),
        [_t(facts, f"stale.d{i}") for i in (1, 2, 3)],
        explanation=_t(facts, "stale.explain", evidence=written),
        evidence=written,
    )
    if fields:
        yield Candidate("stale", Skill.LATERAL_READING, 0.75, written, fields)


def _date_texts(line: str, language: str) -> list[str]:
    from quiz.generate.clean import find_dates

    return [written for _, written in find_dates(line, language)]


# --- helpers --------------------------------------------------------------------------------------


def _reliable_people(facts: Facts) -> list[str]:
    """People to offer as choices: without a trained model, only names seen twice or with a role
    (a rules-only pass takes "El Nino" for a person)."""
    if not facts.analysis.degraded:
        return [p.name for p in facts.analysis.persons]
    with_role = {id(f.person) for f in facts.people if f.role}
    return [p.name for p in facts.analysis.persons if id(p) in with_role or len(p.mentions) >= 2]


def _passage(facts: Facts, sentence: int | None) -> str:
    return facts.sentence(sentence).text if sentence is not None else ""


def _evidence_window(text: str, start: int, end: int, words: int = 6) -> str:
    """A few words either side of `text[start:end]`, cut on spaces: short and verbatim."""
    if start < 0:
        return _short(text, 12)
    left = text[:start].split(" ")
    right = text[end:].split(" ")
    return (" ".join(left[-words:]) + text[start:end] + " ".join(right[: words + 1])).strip(" ,;:")


BUILDERS: tuple[Builder, ...] = (
    role_questions,
    side_questions,
    meeting_place_questions,
    number_questions,
    dispute_questions,
    date_questions,
    cause_questions,
    first_questions,
    credit_questions,
    dateline_questions,
    speaker_questions,
    unattributed_questions,
    indirect_questions,
    hedge_questions,
    fact_questions,
    silent_actor_questions,
    silent_people_questions,
    other_name_questions,
    furniture_questions,
    stale_questions,
)


def candidates(facts: Facts, degraded: bool) -> list[Candidate]:
    """Every question the builders can write from these facts, with an adjusted confidence."""
    result: list[Candidate] = []
    for build in BUILDERS:
        for candidate in build(facts):
            if not candidate.fields:
                continue
            if degraded and candidate.skill in (Skill.COMPREHENSION, Skill.ATTRIBUTION):
                candidate.confidence *= 0.75  # names and roles found by rules only
            result.append(candidate)
    return result
