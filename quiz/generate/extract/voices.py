"""Who speaks: direct quotes and their speakers, reported speech, hedges and unnamed sources."""

from __future__ import annotations

import re

from quiz.generate.extract.model import (
    Facts,
    Hedge,
    Quote,
)
from quiz.generate.lexicon import (
    ACCORDING_TO,
    COUNTRY_BY_CAPITAL,
    HEDGE_WORDS,
    REPORTING_FORMS,
    UNNAMED_SOURCES,
    fold,
)
from quiz.generate.understand import Analysis, Person, Sentence

# --- quotes and voices ----------------------------------------------------------------------------

_QUOTED = re.compile(r"«\s*(?P<a>[^«»]+?)\s*»|\"(?P<b>[^\"]+)\"")


_DETERMINERS = frozenset(
    (
        "des",
        "les",
        "un",
        "une",
        "le",
        "la",
        "du",
        "de",
        "aux",
        "au",
        "ces",
        "ses",
        "leurs",
        "leur",
        "son",
        "sa",
        "the",
        "a",
        "an",
        "of",
    )
)


def _is_speech(sentence: Sentence, start: int, end: int, words: str, degraded: bool) -> bool:
    """Quoted words that someone said, not a term in quotes ("2+2", "territoires du Nord")."""
    count = len(words.split())
    if count < 4:
        return False
    # 'lancer des "discussions sur la cyber-sécurité"': a quoted noun phrase is a term, not speech.
    before = sentence.text[:start].split()
    if before and fold(before[-1]) in _DETERMINERS:
        return False
    if count >= 7 or re.search(r"\b(?:je|j'|nous|I|we|our|my|notre|nos)\b", words, re.I):
        return True
    if degraded:
        return False
    # A small model may tag a verb as a noun ("permettra"): any verb form counts in a quote.
    offset = sentence.span.start_char + (len(sentence.span.text) - len(sentence.span.text.lstrip()))
    return any(
        start <= token.idx - offset < end and token.pos_ in ("VERB", "AUX")
        for token in sentence.span
    )


_PRONOUN_REPORTING = {
    "fr": re.compile(
        r"^\s*[,.!?]?\s*(?:a|avait|ont|avaient)-t?-?(?:il|elle|ils|elles) [a-zéèêû]+"
        r"|^\s*[,.!?]?\s*[a-zéèêîû]+-t-(?:il|elle)\b"
        r"|^\s*[,.!?]?\s*(?:dit|poursuit|ajoute|estime|conclut|explique|précise|"
        r"insiste|affirme|souligne|rappelle|assure)-(?:il|elle|ils|elles)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"^\s*,?\s*(?:he|she) (?:said|added|told|explained|insisted|warned|says|adds)\b"
        r"|^\s*,?\s*(?:said|added) (?:he|she)\b",
        re.IGNORECASE,
    ),
}


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
    verbs = REPORTING_FORMS[analysis.language]
    after = sentence.text[end:]
    pronoun = _PRONOUN_REPORTING[analysis.language].match(after)
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
        if ACCORDING_TO[analysis.language].search(
            before[max(0, mention.start - 12) : mention.start]
        ):
            return mention.text, analysis.person_for(mention.text)
        break
    # A reporting verb with a subject we cannot name: someone speaks, we cannot say who. Only a
    # sentence with no reporting verb at all has a quote with no speaker.
    if (
        (verb and verb.start() < 40)
        or verbs.search(before)
        or ACCORDING_TO[analysis.language].search(before)
    ):
        return "", None
    return None, None


def find_quotes(analysis: Analysis) -> list[Quote]:
    quotes: list[Quote] = []
    verbs = REPORTING_FORMS[analysis.language]
    for sentence in analysis.sentences:
        direct_here = False
        for match in _QUOTED.finditer(sentence.text):
            # English puts the comma inside the quote marks ("…too long," she said).
            words = (match.group("a") or match.group("b")).strip().rstrip(",")
            if not _is_speech(sentence, match.start(), match.end(), words, analysis.degraded):
                continue
            direct_here = True
            speaker, person = _speaker_near(analysis, sentence, match.start(), match.end())
            by_pronoun = bool(
                _PRONOUN_REPORTING[analysis.language].match(sentence.text[match.end() :])
            )
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
        link = (
            r"(?:\s+\w+){0,2}?\s+(?:que|qu'|that)\b"
            if analysis.language != "en"
            else (r"(?:\s+\w+){0,2}?\s+that\b")
        )
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
            speaker = (
                " et ".join(m.text for m in speaker_mentions)
                if analysis.language == "fr"
                else (" and ".join(m.text for m in speaker_mentions))
            )
            evidence = sentence.text[speaker_mentions[0].start : verb.end()]
            tail = sentence.text[verb.end() :]
            clause = re.sub(r"^.*?\b(?:que|qu'|that)\s*", "", tail, count=1).strip()
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
        for part in re.split(r" et | and ", quote.speaker):
            facts.voiced.add(fold(part))
    # Anyone next to a reporting verb speaks, with or without "que"/"that" ("Ampuero said the
    # deal…", "a estimé M. Rivas"): such a person is no missing voice.
    verbs = REPORTING_FORMS[analysis.language]
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
        if mention.kind == "place" and fold(mention.text) in COUNTRY_BY_CAPITAL:
            if mention.text not in counts:
                order.append(mention.text)
            counts[mention.text] = counts.get(mention.text, 0) + 1
    facts.silent_actors = [(name, counts[name]) for name in order if fold(name) not in facts.voiced]


# --- hedges ---------------------------------------------------------------------------------------


def find_hedges(analysis: Analysis) -> list[Hedge]:
    hedges: list[Hedge] = []
    verbs = REPORTING_FORMS[analysis.language]
    for sentence in analysis.sentences:
        text = sentence.text
        source_match = UNNAMED_SOURCES[analysis.language].search(text)
        cues: list[str] = []
        for match in HEDGE_WORDS[analysis.language].finditer(text):
            # "ils avaient indiqué que les deux pays se retrouveraient": tense agreement, no hedge.
            reported = verbs.search(text[: match.start()])
            if reported and re.search(
                r"\b(?:que|qu'|that)\b", text[reported.end() : match.start()]
            ):
                continue
            if analysis.language == "en" and match.group(0).lower() in ("may", "would"):
                continue  # too often a month or a plain future-in-the-past
            cues.append(match.group(0))
        if source_match or cues:
            source = source_match.group(0) if source_match else None
            if source and analysis.language == "fr":
                source = source[0].upper() + source[1:] if text.startswith(source) else source
            hedges.append(Hedge(sentence.index, text, tuple(dict.fromkeys(cues)), source))
    return hedges
