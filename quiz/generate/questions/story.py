"""Questions on the story itself: comprehension, context, the disputed place and its names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from quiz.core.skills import Skill
from quiz.core.text import normalise_answer
from quiz.generate.extract import Facts, PersonFact, role_text
from quiz.generate.extract.events import clause_of
from quiz.generate.languages.base import spaced
from quiz.generate.lexicon import (
    COUNTRIES,
    country_named,
    fold,
    is_capital,
    without_article,
)
from quiz.generate.questions.common import (
    Candidate,
    evidence_window,
    format_date,
    join_names,
    passage_of,
    single,
    t,
)

# --- comprehension --------------------------------------------------------------------------------


_NOT_ROLES = frozenset(
    spaced("professor prof cllr justice dr sir dame mr mrs ms me maître docteur")
)
"""Honorifics a pattern can take for a role ("Mrs Justice Okafor", "Cllr Hughes")."""


def _stems(text: str) -> set[str]:
    """Word stems of a role, its little words aside: "avocate" and "avocat" are one."""
    little = {"de", "du", "des", "la", "le", "les", "l", "d", "of", "the", "a", "an", "s"}
    return {w[:5] for w in re.findall(r"\w+", normalise_answer(text)) if w not in little}


def _role_key(fact: PersonFact) -> str | None:
    written = (fact.written or fact.role or "").strip()
    words = [fold(w) for w in written.split()]
    if not written or all(w in _NOT_ROLES for w in words):
        return None
    return written


def role_questions(facts: Facts) -> Iterator[Candidate]:
    """What is X's position? The key is the role as the article writes it; wrong choices are
    other people's roles in the article, and for officials of a country the same title with
    another country or portfolio."""
    known = [
        f for f in facts.people if _role_key(f) and f.evidence and f.title and f.person.reliable
    ]
    countries = list(dict.fromkeys(f.country for f in known if f.country))
    for fact in known:
        key = _role_key(fact)
        assert key is not None
        assert fact.evidence is not None
        assert fact.title
        others = [_role_key(f) or "" for f in known if f.person is not fact.person]
        if fact.country is not None:
            # Same title, other country or portfolio: false for this person by the article.
            for country in countries:
                others.append(
                    role_text(facts.profile, fact.title, fact.portfolio, country, fact.feminine)
                )
            ministers = fact.portfolio is not None and "minist" in fact.title.lower()
            curated = list(facts.profile.portfolios) if ministers else []
            for portfolio in [*(k.portfolio for k in known), *curated]:
                if portfolio and normalise_answer(portfolio) != normalise_answer(
                    fact.portfolio or ""
                ):
                    others.append(
                        role_text(facts.profile, fact.title, portfolio, fact.country, fact.feminine)
                    )
        key_words = _stems(key)
        # A wrong choice inside the key or the key inside it ("councillor" for a "Unionist
        # councillor", "avocate" for an "avocat de l'association") is true of this person too.
        others = [
            o for o in others if o and not _stems(o) <= key_words and not key_words <= _stems(o)
        ]
        if len({normalise_answer(o) for o in others}) < 2:
            continue  # one wrong choice is a coin toss, not a question
        name = fact.person.name
        fields = single(
            t(facts, "role.prompt", name=name),
            key,
            others,
            explanation=t(facts, "role.explain", name=name, role=key, evidence=fact.evidence),
            evidence=fact.evidence,
        )
        if fields:
            yield Candidate(
                "role",
                Skill.COMPREHENSION,
                fact.confidence,
                passage_of(facts, fact.sentence),
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
            passage_of(facts, evidence_fact.sentence),
            {
                "type": "multiple",
                "prompt": t(facts, "side.prompt", country=country.name(facts.language)),
                "choices": names,
                "answer": [f.person.name for f in right],
                "explanation": t(
                    facts,
                    "side.explain",
                    names=join_names(facts, [f.person.name for f in right]),
                    of_country=facts.profile.of_country(country.name(facts.language)),
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
        evidence = evidence_window(sentence, place_at, place_at + len(meeting.place), words=10)
        country = (
            country_named(meeting.place, facts.language)
            if is_capital(meeting.place, facts.language)
            else None
        )
        # Other cities of the article first, then capitals of the countries it names, then the
        # capitals most often in the news: all places where, by the article, they did not meet.
        cities = [p for p in facts.places if is_capital(p, facts.language)]
        named = [c for c in (country_named(p, facts.language) for p in facts.places) if c]
        cities += [c.capital(facts.language) for c in named if c is not country]
        cities += [c.capital(facts.language) for c in COUNTRIES[:8] if c is not country]
        names = [p.name for p in meeting.participants[:5]]
        a = ", ".join(names[:-1])
        fields = single(
            t(facts, "place.prompt", a=a, b=names[-1]),
            meeting.place,
            [c for c in cities if fold(c) != fold(meeting.place)],
            explanation=t(facts, "place.explain", place=meeting.place, evidence=evidence),
            evidence=evidence,
        )
        if fields:
            yield Candidate("place", Skill.COMPREHENSION, 0.8, sentence, fields, subject=a)


def number_questions(facts: Facts) -> Iterator[Candidate]:
    for number in facts.numbers:
        cloze = number.evidence.replace(number.text, "…", 1)
        if "…" not in cloze or number.text in cloze:
            continue  # the figure twice in its clause: a cloze would show it
        value: int | float = (
            int(number.value) if number.value == int(number.value) else number.value
        )
        yield Candidate(
            "number",
            Skill.COMPREHENSION,
            0.85,
            facts.sentence(number.sentence).text,
            {
                "type": "numeric",
                "prompt": t(facts, "number.prompt", cloze=cloze),
                "answer": value,
                "explanation": t(
                    facts, "number.explain", evidence=number.evidence, value=number.text
                ),
                "evidence": number.evidence,
            },
            subject=number.evidence,
        )


def who_questions(facts: Facts) -> Iterator[Candidate]:
    """Who did what: a sentence of the story with a person's name left blank, the other people
    of the article as wrong choices. The key is the name the sentence holds, so it is right by
    construction; no choice is named elsewhere in the shown words."""
    people = [p for p in facts.analysis.persons if p.reliable]
    if len(people) < 3:
        return
    inside = {
        s.index: [(m.start(), m.end()) for m in re.finditer(r"«[^»]*»|\"[^\"]*\"", s.text)]
        for s in facts.analysis.sentences
    }
    for sentence in facts.analysis.sentences:
        for mention in facts.analysis.mentions_in(sentence.index, "person"):
            if any(s <= mention.start < e for s, e in inside[sentence.index]):
                continue
            person = facts.analysis.person_for(mention.text)
            if person is None or not person.reliable:
                continue
            text, offset = _passage(sentence.text, mention.start, mention.end)
            if not text or any(
                len(m.group(0).split()) >= 4 for m in re.finditer(r"«[^»]*»|\"[^\"]*\"", text)
            ):
                continue  # no readable clause, or a quotation: the speaker question asks those
            start = mention.start - offset
            end = mention.end - offset
            honorific = re.search(
                r"(?:" + "|".join(re.escape(h) for h in facts.profile.honorifics) + r")\s$",
                text[:start],
            )
            if honorific:
                start = honorific.start()  # "Mr …" would half-answer: blank "Mr Buckley" whole
            cloze = text[:start] + "…" + text[end:]
            shown = fold(cloze)
            if any(re.search(rf"\b{re.escape(fold(p.surname))}\b", shown) for p in people):
                continue  # a name still in view: the person's own, or a wrong choice's
            others = [p.name for p in people if p is not person]
            fields = single(
                t(facts, "who.prompt", cloze=cloze),
                person.name,
                others,
                explanation=t(facts, "who.explain", evidence=text, name=person.name),
                evidence=text,
            )
            if fields and len(fields["choices"]) >= 3:
                yield Candidate(
                    "who",
                    Skill.COMPREHENSION,
                    0.85,
                    sentence.text,
                    fields,
                    subject=str(sentence.index),
                )


def _passage(text: str, start: int, end: int, min_words: int = 8) -> tuple[str, int]:
    """The sentence, or when it is too long to read in a prompt the clause holding
    text[start:end]; with the offset of what is returned within the sentence."""
    if len(text.split()) <= 35:
        return text, 0
    clause = clause_of(text, start, end, min_words=min_words)
    if clause is None:
        return "", 0
    offset = text.find(clause)
    return (clause, offset) if offset <= start and end <= offset + len(clause) else ("", 0)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"«[^»]*»|\"[^\"]*\"", text)]


def when_questions(facts: Facts) -> Iterator[Candidate]:
    """When: a sentence with its weekday (or else its month) left blank, other days (months) as
    wrong choices, none of them written in the sentence. The key is the word the sentence holds."""
    profile = facts.profile
    for sentence in facts.analysis.sentences:
        for names in (profile.weekdays, profile.months):
            # As the language writes them, or capitalised at a sentence start: "May" the month,
            # never "may" the verb.
            forms = {w for n in names for w in (n, n[:1].upper() + n[1:])}
            pattern = re.compile(r"\b(?:" + "|".join(sorted(forms)) + r")\b")
            quoted = _quoted_spans(sentence.text)
            found = [
                m
                for m in pattern.finditer(sentence.text)
                if not any(s <= m.start() < e for s, e in quoted)
            ]
            if not found:
                continue
            prompt = "when.prompt" if names is profile.weekdays else "month.prompt"
            fields = _when_fields(facts, sentence.text, found[0], names, pattern, prompt)
            if fields:
                yield Candidate(
                    "when",
                    Skill.COMPREHENSION,
                    0.85,
                    sentence.text,
                    fields,
                    subject=str(sentence.index),
                )
            break


def _when_fields(
    facts: Facts,
    sentence: str,
    match: re.Match[str],
    names: tuple[str, ...],
    pattern: re.Pattern[str],
    prompt: str,
) -> dict[str, Any] | None:
    text, offset = _passage(sentence, match.start(), match.end(), min_words=6)
    if not text:
        return None
    written = match.group(0)
    start = match.start() - offset
    present = {fold(m.group(0)) for m in pattern.finditer(sentence)}
    folded = [fold(n) for n in names]
    index = folded.index(fold(written))
    others = [
        names[(index + shift) % len(names)]
        for shift in (1, 3, 5, 2, 4, 6)
        if fold(names[(index + shift) % len(names)]) not in present
    ][:3]
    others = [(w[:1].upper() if written[:1].isupper() else w[:1].lower()) + w[1:] for w in others]
    cloze = text[:start] + "…" + text[start + len(written) :]
    return single(
        t(facts, prompt, cloze=cloze),
        written,
        others,
        explanation=t(facts, "when.explain", evidence=text),
        evidence=text,
    )


def date_questions(facts: Facts) -> Iterator[Candidate]:
    reference = facts.page.published
    if reference is None:
        return
    shown_reference = format_date(reference, facts.language)
    weekdays = {fold(w) for w in facts.profile.weekdays}
    for mention in facts.dates:
        if mention.value is None or fold(mention.text) not in weekdays:
            continue
        if mention.how not in ("back", "forward"):
            continue  # "jeudi 20 mars" gives its date: nothing to work out
        sentence_text = facts.sentence(mention.sentence).text
        at = sentence_text.find(mention.evidence)
        if any(s <= at < e for s, e in _quoted_spans(sentence_text)):
            continue  # a speaker's "on Monday": counted from when they spoke, or every Monday
        if mention.value == reference:
            continue  # "samedi" written on Saturday: nothing to work out
        key = format_date(mention.value, facts.language)
        distractors = [
            format_date(mention.value + timedelta(days=7), facts.language),
            format_date(mention.value - timedelta(days=7), facts.language),
            format_date(reference + timedelta(days=1), facts.language),
        ]
        fields = single(
            t(
                facts,
                "date.prompt",
                reference=shown_reference,
                word=mention.text,
                evidence=mention.evidence,
            ),
            key,
            distractors,
            explanation=t(
                facts, "date.explain", word=mention.text, reference=shown_reference, value=key
            ),
            evidence=mention.evidence,
        )
        # A date read from a photo caption may be the picture's, not the article's.
        confidence = 0.85 if facts.page.published_from != "caption" else 0.6
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


def cause_questions(facts: Facts) -> Iterator[Candidate]:
    if len(facts.causes) < 2:
        return
    for cause in facts.causes:
        key = facts.profile.cause_choice(cause.cue, cause.cause)
        others = [
            facts.profile.cause_choice(c.cue, c.cause) for c in facts.causes if c is not cause
        ]
        fields = single(
            t(facts, "cause.prompt", effect=cause.effect, cue=cause.cue.strip()),
            key,
            others,
            explanation=t(facts, "cause.explain", evidence=cause.evidence),
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
            0.8,
            sentence.text,
            {
                "type": "true_false",
                "prompt": t(facts, "first.prompt", sentence=sentence.text),
                "answer": True,
                "explanation": t(facts, "first.explain"),
                "evidence": sentence.text,
            },
            subject=str(sentence.index),
        )


def dispute_questions(facts: Facts) -> Iterator[Candidate]:
    """A typed answer, so no distractor can be true: the place, or any other name it is given."""
    for dispute in facts.disputes[:1]:
        bare = without_article(dispute.place)
        answers = [dispute.place, bare, bare.split()[-1]]
        for other in facts.other_names:
            if fold(bare.split()[-1]) in fold(other.place):
                answers += [other.other, without_article(other.other)]
        unique = list({normalise_answer(a): a for a in reversed(answers)}.values())[::-1]
        sides = join_names(facts, list(dispute.sides))
        yield Candidate(
            "dispute",
            Skill.COMPREHENSION,
            0.75,
            facts.sentence(dispute.sentence).text,
            {
                "type": "text",
                "prompt": t(facts, "dispute.prompt", sides=sides),
                "answer": unique,
                "explanation": t(facts, "dispute.explain", evidence=dispute.evidence),
                "evidence": dispute.evidence,
            },
            subject=dispute.place,
        )


# --- language -------------------------------------------------------------------------------------


def other_name_questions(facts: Facts) -> Iterator[Candidate]:
    for name in facts.other_names:
        bare = without_article(name.other)
        answers = list(dict.fromkeys([name.other, bare]))
        sentence = facts.sentence(name.sentence).text
        yield Candidate(
            "other_name",
            Skill.LANGUAGE,
            0.85,
            sentence,
            {
                "type": "text",
                "prompt": t(facts, "other_name.prompt", who=name.who, place=name.place),
                "answer": answers
                if normalise_answer(bare) != normalise_answer(name.other)
                else [name.other],
                "explanation": t(facts, "other_name.explain", evidence=name.evidence),
                "evidence": name.evidence,
            },
            subject=name.place,
        )
        fields = single(
            t(facts, "two_names.prompt", place=name.place, other=name.other),
            t(facts, "two_names.key"),
            [t(facts, f"two_names.d{i}") for i in (1, 2, 3)],
            explanation=t(facts, "two_names.explain", evidence=name.evidence),
            evidence=name.evidence,
        )
        if fields:
            yield Candidate("two_names", Skill.LANGUAGE, 0.8, sentence, fields, subject=name.place)
