"""Questions on voices: who said what, hedges and unnamed sources, who is never heard."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quiz.core.skills import Skill
from quiz.generate.extract import Facts
from quiz.generate.extract.voices import SURE_WAYS
from quiz.generate.lexicon import fold
from quiz.generate.questions.common import (
    Candidate,
    evidence_window,
    join_names,
    reliable_people,
    short,
    single,
    t,
)

# --- attribution ----------------------------------------------------------------------------------


_SPEAKER_CONFIDENCE = {"after": 0.9, "before": 0.9, "according": 0.9, "continued": 0.85}
"""How sure a speaker question is, by how its speaker was found; pronouns and context lower."""


def speaker_questions(facts: Facts) -> Iterator[Candidate]:
    people = reliable_people(facts)
    for quote in facts.quotes:
        if not quote.direct or quote.person is None or not quote.person.reliable:
            continue
        name = quote.person.name
        if any(fold(form) in fold(quote.words) for form in quote.person.forms):
            continue  # the speaker's own name in the prompt would give the answer away
        sentence = facts.sentence(quote.sentence).text
        start = sentence.find(quote.evidence)
        tag_at = sentence.find(quote.tag) if quote.tag else -1
        if tag_at >= 0:
            begin = min(start, tag_at)
            end = max(start + len(quote.evidence), tag_at + len(quote.tag))
            evidence = sentence[begin:end]
        else:
            evidence = quote.evidence
        # Choices: other people of the article, not named in the quote itself.
        others = [
            p
            for p in people
            if p != name
            and facts.analysis.person_for(p) is not quote.person
            and fold(p.split()[-1]) not in fold(quote.words)
        ]
        explanation = t(
            facts, "speaker.explain", name=name, evidence=short(evidence.strip(' "«»'), 40)
        )
        if quote.by_pronoun:
            explanation += " " + t(facts, "speaker.pronoun", pronoun=quote.tag, name=name)
        elif quote.how in SURE_WAYS:
            others.append(t(facts, "unattributed.key"))  # false: the article names the speaker
        fields = single(
            t(facts, "speaker.prompt", words=short(quote.words)),
            name,
            others,
            explanation=explanation,
            evidence=evidence,
        )
        if fields:
            confidence = _SPEAKER_CONFIDENCE.get(quote.how, 0.7)
            yield Candidate(
                "speaker", Skill.ATTRIBUTION, confidence, sentence, fields, subject=name
            )


def _speakers_then_people(facts: Facts) -> list[str]:
    """Choices for "who said this?": everyone quoted first, then the other reliable names."""
    speakers = [q.person.name for q in facts.quotes if q.person is not None and q.person.reliable]
    return list(dict.fromkeys([*speakers, *reliable_people(facts)]))


def unattributed_questions(facts: Facts) -> Iterator[Candidate]:
    people = _speakers_then_people(facts)
    for quote in facts.quotes:
        if not quote.direct or quote.how != "none":
            continue
        fields = single(
            t(facts, "unattributed.prompt", words=short(quote.words)),
            t(facts, "unattributed.key"),
            people,
            explanation=t(facts, "unattributed.explain"),
            evidence=quote.evidence,
        )
        if fields:
            yield Candidate(
                "unattributed",
                Skill.ATTRIBUTION,
                0.85,
                facts.sentence(quote.sentence).text,
                fields,
                subject=quote.words,
            )


def indirect_questions(facts: Facts) -> Iterator[Candidate]:
    """How is X reported? Only for someone whose words are surely never quoted directly: no
    quote is theirs, and no quote near their name has an unsure speaker."""
    quoted_directly = {id(q.person) for q in facts.quotes if q.direct and q.person}
    unsure_paragraphs = {
        facts.sentence(q.sentence).paragraph
        for q in facts.quotes
        if q.direct and q.how not in SURE_WAYS and q.how not in ("continued", "none")
    }
    for quote in facts.quotes:
        if quote.direct or quote.person is None or id(quote.person) in quoted_directly:
            continue
        paragraphs = {facts.sentence(m.sentence).paragraph for m in quote.person.mentions}
        if any(p + d in unsure_paragraphs for p in paragraphs for d in (-1, 0, 1)):
            continue
        name = quote.person.name
        fields = single(
            t(facts, "indirect.prompt", name=name),
            t(facts, "indirect.key"),
            [t(facts, "indirect.d1"), t(facts, "indirect.d2", name=name)],
            explanation=t(facts, "indirect.explain", evidence=quote.evidence),
            evidence=quote.evidence,
        )
        if fields:
            yield Candidate(
                "indirect",
                Skill.ATTRIBUTION,
                0.85,
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
    return short(claim.rstrip(". ").replace('"', "'"), 24)


def hedge_questions(facts: Facts) -> Iterator[Candidate]:
    people = _speakers_then_people(facts)
    for hedge in facts.hedges:
        if facts.page.opinion and not hedge.source:
            continue  # an opinion page's "could" is the author's rhetoric, not a reported hypothesis
        sentence = hedge.passage
        passage = short(sentence, 45) if len(sentence.split()) > 45 else sentence
        if hedge.source and hedge.source in passage:
            yield Candidate(
                "hedge_source",
                Skill.FACT_VS_OPINION,
                0.85,
                sentence,
                {
                    "type": "highlight",
                    "prompt": t(facts, "source.prompt"),
                    "text": passage,
                    "answer": [hedge.source],
                    "explanation": t(facts, "source.explain", source=hedge.source),
                    "evidence": hedge.source,
                },
                subject=str(hedge.sentence),
            )
            # A plain "officials said" is a source to notice, not a hypothesis to attribute.
            if hedge.cues:
                claim = _claim(sentence, hedge.source)
                fields = single(
                    t(facts, "claim.prompt", claim=claim),
                    t(facts, "claim.key"),
                    people,
                    explanation=t(facts, "claim.explain", source=hedge.source),
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
            check = single(
                t(facts, "check_claim.prompt", source=hedge.source),
                t(facts, "check_claim.key"),
                [t(facts, f"check_claim.d{i}") for i in (1, 2, 3)],
                explanation=t(facts, "check_claim.explain"),
                evidence=hedge.source,
            )
            if check:
                yield Candidate(
                    "check_claim",
                    Skill.LATERAL_READING,
                    0.85,
                    sentence,
                    check,
                    subject=str(hedge.sentence),
                )
        for cue in hedge.cues[:1]:
            if cue not in passage:
                continue
            at = sentence.find(cue)
            evidence = evidence_window(sentence, at, at + len(cue))
            yield Candidate(
                "hedge_cue",
                Skill.FACT_VS_OPINION,
                0.85 if hedge.source else 0.8,
                sentence,
                {
                    "type": "highlight",
                    "prompt": t(facts, "cue.prompt"),
                    "text": passage,
                    "answer": [cue],
                    "explanation": t(facts, "cue.explain", cue=cue),
                    "evidence": evidence,
                },
                subject=str(hedge.sentence),
            )
            if re.search(r"[«»\"]", sentence):
                continue  # someone's words: "presented as certain" would be about the speaker
            yield Candidate(
                "established",
                Skill.FACT_VS_OPINION,
                0.85 if hedge.source else 0.8,
                sentence,
                {
                    "type": "true_false",
                    "prompt": t(facts, "established.prompt", claim=_claim(sentence, hedge.source)),
                    "answer": False,
                    "explanation": t(
                        facts, "established.explain", source_or_cue=hedge.source or cue
                    ),
                    "evidence": evidence,
                },
                subject=str(hedge.sentence),
            )


def fact_questions(facts: Facts) -> Iterator[Candidate]:
    """Is this sentence a checkable fact? Only for a sentence that reports precise details (a
    figure, a date) in the journalist's own voice, with no hedge or estimate of any kind, no
    judging word, no reporting verb, no quotation: the key must hold for any careful reader. An
    opinion page gets no such question."""
    if facts.page.opinion:
        return
    profile = facts.profile
    quoted = {q.sentence for q in facts.quotes}
    details = {n.sentence: n.evidence for n in facts.numbers}
    for d in facts.dates:
        details.setdefault(d.sentence, d.text)
    for index, detail in sorted(details.items()):
        sentence = facts.sentence(index).text
        if index in quoted or re.search(r"[\"«»]", sentence):
            continue
        if not 8 <= len(sentence.split()) <= 35 or re.match(r"^[A-ZÀ-Þ' -]{3,}\s*[,(]", sentence):
            continue  # too short to be a statement, too long for a prompt, or a dateline
        if any(
            pattern.search(sentence)
            for pattern in (
                profile.hedges,
                profile.uncertain,
                profile.unnamed_sources,
                profile.evaluative,
                profile.reporting,
                profile.according_to,
            )
        ):
            continue
        fields = single(
            t(facts, "fact.prompt", sentence=sentence),
            t(facts, "fact.key"),
            [t(facts, "fact.d1"), t(facts, "fact.d2")],
            explanation=t(facts, "fact.explain", detail=detail),
            evidence=sentence,
        )
        if fields:
            yield Candidate(
                "fact", Skill.FACT_VS_OPINION, 0.8, sentence, fields, subject=str(index)
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
        evidence = evidence_window(sentence, at, at + len(name))
        fields = single(
            t(facts, "silent.prompt", name=name),
            name,
            voiced_places,
            explanation=t(facts, "silent.explain", name=name, count=count),
            evidence=evidence,
        )
        if fields:
            yield Candidate("silent", Skill.MISSING_VOICES, 0.75, sentence, fields, subject=name)


def silent_people_questions(facts: Facts) -> Iterator[Candidate]:
    """Who is never heard? Choices are people surely heard and people surely never heard (see
    `extract.voices.mark_voices`): anyone the rules are unsure of is not offered."""
    heard = facts.heard[:4]
    unheard = facts.unheard
    if not heard or not unheard or len(unheard) > 4:
        return
    first = unheard[0].mentions[0]
    sentence = facts.sentence(first.sentence).text
    evidence = evidence_window(sentence, first.start, first.end)
    people = sorted([*heard, *unheard], key=lambda p: p.first_sentence)
    yield Candidate(
        "silent_people",
        Skill.MISSING_VOICES,
        0.85,
        sentence,
        {
            "type": "multiple",
            "prompt": t(facts, "silent_people.prompt"),
            "choices": [p.name for p in people],
            "answer": [p.name for p in unheard],
            "explanation": t(
                facts,
                "silent_people.explain",
                silent=join_names(facts, [p.name for p in unheard]),
                voiced=join_names(facts, [p.name for p in heard]),
            ),
            "evidence": evidence,
        },
    )
