"""Who speaks: direct quotes and their speakers, reported speech, hedges and unnamed sources."""

from __future__ import annotations

import re

from quiz.generate.extract.model import (
    Facts,
    Hedge,
    Quote,
)
from quiz.generate.lexicon import fold, is_capital
from quiz.generate.understand import Analysis, Person, Sentence

# --- quotes and voices ----------------------------------------------------------------------------

_QUOTED = re.compile(r"«\s*(?P<a>[^«»]+?)\s*»|\"(?P<b>[^\"]+)\"")


def _is_speech(analysis: Analysis, sentence: Sentence, start: int, end: int, words: str) -> bool:
    """Quoted words that someone said, not a term in quotes ("2+2", "territoires du Nord")."""
    count = len(words.split())
    if count < 4:
        return False
    # 'lancer des "discussions sur la cyber-sécurité"': a quoted noun phrase is a term, not speech.
    before = sentence.text[:start].split()
    if before and fold(before[-1]) in analysis.profile.determiners:
        return False
    if count >= 7 or analysis.profile.first_person.search(words):
        return True
    if analysis.degraded:
        return False
    # A small model may tag a verb as a noun ("permettra"): any verb form counts in a quote.
    offset = sentence.span.start_char + (len(sentence.span.text) - len(sentence.span.text.lstrip()))
    return any(
        start <= token.idx - offset < end and token.pos_ in ("VERB", "AUX")
        for token in sentence.span
    )


def _last_person_before(analysis: Analysis, sentence: Sentence, start: int) -> Person | None:
    """The person named last before a position: whom "il"/"she" refers to in news style."""
    candidates = [
        m
        for m in analysis.mentions
        if m.kind == "person"
        and (m.sentence < sentence.index or (m.sentence == sentence.index and m.end <= start))
        and analysis.sentences[m.sentence].paragraph >= sentence.paragraph - 1
    ]
    if not candidates:
        return None
    last = max(candidates, key=lambda m: (m.sentence, m.start))
    return analysis.person_for(last.text)


def _speaker_near(
    analysis: Analysis, sentence: Sentence, start: int, end: int
) -> tuple[str | None, Person | None]:
    """The person named next to a reporting verb just after or just before the quote."""
    verbs = analysis.profile.reporting
    after = sentence.text[end:]
    pronoun = analysis.profile.pronoun_reporting.match(after)
    if pronoun:
        person = _last_person_before(analysis, sentence, start)
        return pronoun.group(0).strip(" ,.!?"), person
    verb = verbs.search(after)
    if verb and verb.start() < 40:
        # '…", s'est félicité M. Kishida' (after the verb) or '…," Wekesa told' (before it).
        for mention in analysis.mentions_in(sentence.index):
            if mention.kind in ("person", "org") and end <= mention.start < end + verb.end() + 40:
                return mention.text, analysis.person_for(mention.text)
    before = sentence.text[:start]
    for mention in reversed(analysis.mentions_in(sentence.index)):
        if mention.end > start or mention.kind not in ("person", "org"):
            continue
        between = sentence.text[mention.end : start]
        if verbs.search(between) and len(between) < 60:
            return mention.text, analysis.person_for(mention.text)
        if analysis.profile.according_to.search(before[max(0, mention.start - 12) : mention.start]):
            return mention.text, analysis.person_for(mention.text)
        break
    # A reporting verb with a subject we cannot name: someone speaks, we cannot say who. Only a
    # sentence with no reporting verb at all has a quote with no speaker.
    if (
        (verb and verb.start() < 40)
        or verbs.search(before)
        or analysis.profile.according_to.search(before)
    ):
        return "", None
    return None, None


def find_quotes(analysis: Analysis) -> list[Quote]:
    quotes: list[Quote] = []
    profile = analysis.profile
    verbs = profile.reporting
    for sentence in analysis.sentences:
        direct_here = False
        for match in _QUOTED.finditer(sentence.text):
            # English puts the comma inside the quote marks ("…too long," she said).
            words = (match.group("a") or match.group("b")).strip().rstrip(",")
            if not _is_speech(analysis, sentence, match.start(), match.end(), words):
                continue
            direct_here = True
            speaker, person = _speaker_near(analysis, sentence, match.start(), match.end())
            by_pronoun = bool(profile.pronoun_reporting.match(sentence.text[match.end() :]))
            quotes.append(
                Quote(
                    words,
                    speaker,
                    person,
                    sentence.index,
                    match.group(0),
                    direct=True,
                    by_pronoun=by_pronoun,
                )
            )
        if direct_here:
            continue
        link = rf"(?:\s+\w+){{0,2}}?\s+(?:{profile.that_words})"
        for verb in verbs.finditer(sentence.text):
            if not re.match(link, sentence.text[verb.end() :]):
                continue
            subjects = [
                m
                for m in analysis.mentions_in(sentence.index)
                if m.end <= verb.start() and m.kind in ("person", "place", "org")
            ]
            if not subjects or verb.start() - subjects[-1].end > 40:
                continue
            speaker_mentions = [subjects[-1]]
            joined = re.search(r"(?:et|and) $", sentence.text[: subjects[-1].start])
            if joined and len(subjects) >= 2:
                speaker_mentions.insert(0, subjects[-2])
            speaker = f" {profile.text('and')} ".join(m.text for m in speaker_mentions)
            evidence = sentence.text[speaker_mentions[0].start : verb.end()]
            tail = sentence.text[verb.end() :]
            clause = re.sub(rf"^.*?\b(?:{profile.that_words})\s*", "", tail, count=1).strip()
            quotes.append(
                Quote(
                    clause,
                    speaker,
                    analysis.person_for(speaker_mentions[0].text)
                    if len(speaker_mentions) == 1
                    else None,
                    sentence.index,
                    evidence,
                    direct=False,
                )
            )
            break
    return quotes


def mark_voices(facts: Facts) -> None:
    analysis = facts.analysis
    for quote in facts.quotes:
        if not quote.speaker:
            continue
        if quote.person is not None:
            facts.voiced.add(fold(quote.person.name))
        for part in quote.speaker.split(f" {facts.profile.text('and')} "):
            facts.voiced.add(fold(part))
    # Anyone next to a reporting verb speaks, with or without "que"/"that" ("Ampuero said the
    # deal…", "a estimé M. Rivas"): such a person is no missing voice.
    verbs = analysis.profile.reporting
    for mention in analysis.mentions:
        if mention.kind not in ("person", "place", "org"):
            continue
        text = analysis.sentences[mention.sentence].text
        after = verbs.match(text[mention.end :].lstrip(" ,"))
        before = re.search(rf"(?:{verbs.pattern})\s*$", text[: mention.start], re.IGNORECASE)
        if after or before:
            person = analysis.person_for(mention.text) if mention.kind == "person" else None
            facts.voiced.add(fold(person.name if person else mention.text))
    counts: dict[str, int] = {}
    order: list[str] = []
    for mention in analysis.mentions:
        if mention.kind == "place" and is_capital(mention.text, analysis.language):
            if mention.text not in counts:
                order.append(mention.text)
            counts[mention.text] = counts.get(mention.text, 0) + 1
    facts.silent_actors = [(name, counts[name]) for name in order if fold(name) not in facts.voiced]


# --- hedges ---------------------------------------------------------------------------------------


def find_hedges(analysis: Analysis) -> list[Hedge]:
    hedges: list[Hedge] = []
    profile = analysis.profile
    verbs = profile.reporting
    for sentence in analysis.sentences:
        text = sentence.text
        source_match = profile.unnamed_sources.search(text)
        cues: list[str] = []
        for match in profile.hedges.finditer(text):
            # "ils avaient indiqué que les deux pays se retrouveraient": tense agreement, no hedge.
            reported = verbs.search(text[: match.start()])
            if reported and re.search(
                r"\b(?:que|qu'|that)\b", text[reported.end() : match.start()]
            ):
                continue
            if fold(match.group(0)) in profile.weak_hedges:
                continue  # "may" the month, "would" of reported speech
            cues.append(match.group(0))
        if source_match or cues:
            source = source_match.group(0) if source_match else None
            if source and text.startswith(source):
                source = source[0].upper() + source[1:]
            hedges.append(Hedge(sentence.index, text, tuple(dict.fromkeys(cues)), source))
    return hedges
