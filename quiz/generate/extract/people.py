"""People and their roles: appositions, "celui de…", counterparts, a title before the name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.generate.extract.model import PersonFact
from quiz.generate.lexicon import (
    TITLE_WORDS,
    Country,
    country_named,
)
from quiz.generate.understand import Analysis, Mention, Sentence


def _title_pattern(language: str) -> str:
    titles = sorted(TITLE_WORDS[language], key=len, reverse=True)
    return "|".join(re.escape(t) for t in titles)


_DEMONYM_WORD = r"[a-zà-ÿ-]+"
_PORTFOLIO_FR = (
    r"(?:des|de la|du|de l'|chargée? (?:des|de la|du|de l'))\s?[A-ZÀ-Þ][\w'-]*(?: [a-zà-ÿ][\w'-]*)?"
)
_ROLE_FR = (
    rf"(?P<title>{_title_pattern('fr')})"
    rf"(?: (?P<adj>{_DEMONYM_WORD}))?(?: (?P<port>{_PORTFOLIO_FR}))?"
    rf"(?: (?P<of>(?:du|de la|de l'|des)\s?[A-ZÀ-Þ][\w'-]+))?"
)
"""A French role, the same before and after the name: "ministre japonais des Affaires étrangères"."""

# Built once: the title alternatives are long, and these run for every mention of a person.
_ROLE_BEFORE_FR = re.compile(rf"(?:(?:le|la|l')\s?)?{_ROLE_FR},? $", re.IGNORECASE)
_ROLE_BEFORE_EN = re.compile(
    rf"(?:(?P<owner>[A-Z][\w.-]*(?: [A-Z][\w-]+)?)'s |(?P<adj>[A-Z][a-z]+) )?"
    rf"(?P<port>(?:[A-Z][a-z]+ )?)(?P<title>{_title_pattern('en')}),? (?:of [A-Z]\w+ )?$",
    re.IGNORECASE,
)
_ROLE_AFTER_FR = re.compile(rf"^, (?:le |la |l')?{_ROLE_FR}[,.]", re.IGNORECASE)
_ROLE_AFTER_EN = re.compile(
    rf"^, (?:the |(?P<owner>[A-Z][\w.-]+)'s |(?P<adj>[A-Z][a-z]+) )?(?P<port>(?:[a-z]+ )?)"
    rf"(?P<title>{_title_pattern('en')})(?: of (?P<of>[A-Z][\w-]+(?: [A-Z][\w-]+)?))?[,.]",
)


def people_facts(analysis: Analysis) -> list[PersonFact]:
    facts = [PersonFact(p, language=analysis.language) for p in analysis.persons]
    by_person = {id(f.person): f for f in facts}
    for sentence in analysis.sentences:
        persons_here = [
            (m, analysis.person_for(m.text)) for m in analysis.mentions_in(sentence.index, "person")
        ]
        found: list[PersonFact] = []
        for mention, person in persons_here:
            if person is None:
                continue
            fact = by_person[id(person)]
            role = _role_before(sentence, mention, analysis.language, found) or _role_after(
                sentence, mention, analysis.language
            )
            if role is not None and (fact.title is None or role.confidence > fact.confidence):
                fact.title, fact.portfolio, fact.country = role.title, role.portfolio, role.country
                fact.feminine = role.feminine
                fact.evidence, fact.sentence, fact.confidence = (
                    role.evidence,
                    sentence.index,
                    role.confidence,
                )
            if fact.sentence == sentence.index:
                found.append(fact)
        _counterparts(sentence, analysis, by_person, found)
    return facts


@dataclass
class _Role:
    title: str
    portfolio: str | None
    country: Country | None
    evidence: str
    confidence: float
    feminine: bool = False


def _is_feminine(evidence: str, adjective: str | None) -> bool:
    """French only: "la ministre", "Mme X", or a feminine demonym ("norvégienne")."""
    if re.match(r"(?i)la\b|l'ancienne\b", evidence) or re.search(r"\bMme\b", evidence):
        return True
    if adjective:
        country = country_named(adjective)
        return bool(
            country
            and adjective != country.demonyms[0]
            and adjective.endswith("e")
            and not adjective.endswith("s")
        )
    return False


_FORMER = re.compile(
    r"\b(?:ancien|ancienne|anciens|ex|feu|futur|future|former|late|then|"
    r"outgoing|sortant|sortante|incoming)[ -]?$",
    re.IGNORECASE,
)
"""A word before a title that means the person does not hold that role now (or not only)."""


def _role_before(
    sentence: Sentence, mention: Mention, language: str, earlier: list[PersonFact]
) -> _Role | None:
    """ "Le ministre japonais des Affaires étrangères, Fumio Kishida" / "celui de la Défense, X"."""
    before = sentence.text[: mention.start]
    if language == "fr":
        match = _ROLE_BEFORE_FR.search(before)
        if match and _FORMER.search(before[: match.start()]):
            return None  # "l'ancien ministre russe X": not the role he holds
        if match:
            country = _country_of(match.group("adj")) or _country_of(match.group("of"))
            adj = match.group("adj")
            portfolio = match.group("port")
            if adj and not _country_of(adj) and not portfolio:
                return None  # "le ministre a dit, X": not an apposition
            evidence = sentence.text[match.start() : mention.end]
            feminine = _is_feminine(evidence, adj)
            return _Role(match.group("title"), portfolio, country, evidence, 0.9, feminine)
        same = re.search(rf"\b(?:celui|celle) (?P<port>{_PORTFOLIO_FR}),? $", before)
        if same and earlier:
            model = earlier[-1]
            if model.title:
                evidence = sentence.text[same.start() : mention.end]
                return _Role(model.title, same.group("port"), model.country, evidence, 0.8)
        return None
    match = _ROLE_BEFORE_EN.search(before)
    if not match or _FORMER.search(before[: match.start()]):
        return None
    title = match.group("title")
    port = (match.group("port") or "").strip()
    words = title.split()
    if len(words) == 2 and words[1].lower() == "minister" and words[0].lower() != "prime":
        port, title = words[0].capitalize(), "Minister"
    country = _country_of(match.group("owner")) or _country_of(match.group("adj"))
    if port and country is None and _country_of(port):
        country, port = _country_of(port), ""
    evidence = sentence.text[match.start() : mention.end]
    return _Role(title.title() if title.islower() else title, port or None, country, evidence, 0.85)


def _role_after(sentence: Sentence, mention: Mention, language: str) -> _Role | None:
    """A role after the name: "Fumio Kishida, ministre japonais des Affaires étrangères,"."""
    after = sentence.text[mention.end :]
    if language == "fr":
        match = _ROLE_AFTER_FR.search(after)
        if not match:
            return None
        country = _country_of(match.group("adj")) or _country_of(match.group("of"))
        if match.group("adj") and not _country_of(match.group("adj")) and not match.group("port"):
            return None
        evidence = sentence.text[mention.start : mention.end + match.end() - 1]
        feminine = _is_feminine(match.group(0)[2:], match.group("adj"))
        return _Role(match.group("title"), match.group("port"), country, evidence, 0.85, feminine)
    match = _ROLE_AFTER_EN.search(after)
    if not match:
        return None
    title = match.group("title")
    words = title.split()
    port = (match.group("port") or "").strip()
    if len(words) == 2 and words[1] == "minister" and words[0] != "prime":
        port, title = words[0], "minister"
    country = (
        _country_of(match.group("owner"))
        or _country_of(match.group("adj"))
        or _country_of(match.group("of"))
    )
    evidence = sentence.text[mention.start : mention.end + match.end() - 1]
    return _Role(title.title(), port.capitalize() if port else None, country, evidence, 0.8)


def _counterparts(
    sentence: Sentence,
    analysis: Analysis,
    by_person: dict[int, PersonFact],
    found: list[PersonFact],
) -> None:
    """ "…leurs homologues russes, Sergueï Lavrov, et Sergueï Shoigu": same roles, other country."""
    cue = (
        r"(?:son|sa|ses|leur|leurs) homologues? (?P<adj>[a-zà-ÿ-]+),? "
        if analysis.language == "fr"
        else r"(?:his|her|their) (?P<adj>[A-Z][a-z]+) counterparts?,? "
    )
    match = re.search(cue, sentence.text)
    if not match:
        return
    country = _country_of(match.group("adj"))
    models = [f for f in found if f.title and f.sentence == sentence.index]
    models = [f for f in models if sentence.text.find(f.person.name) < match.start()]
    named = [
        m
        for m in analysis.mentions_in(sentence.index, "person")
        if m.start >= match.end() and m.start - match.end() < 80
    ]
    targets: list[PersonFact] = []
    for mention in named:
        person = analysis.person_for(mention.text)
        if person is not None and by_person[id(person)] not in targets:
            targets.append(by_person[id(person)])
    if not targets or not models or country is None:
        return
    if len(models) != len(targets) and len(models) != 1:
        return
    last = named[len(targets) - 1]
    evidence = sentence.text[match.start() : last.end]
    for index, target in enumerate(targets):
        model = models[index] if len(models) == len(targets) else models[0]
        confidence = 0.75 if len(models) == len(targets) else 0.6
        if target.title is not None and target.confidence >= confidence:
            continue
        target.title, target.portfolio, target.country = model.title, model.portfolio, country
        target.feminine = any(f.startswith("Mme ") for f in target.person.forms)
        target.evidence, target.sentence, target.confidence = (
            evidence,
            sentence.index,
            confidence,
        )


def _country_of(word: str | None) -> Country | None:
    if not word:
        return None
    return country_named(re.sub(r"^(?:du|de la|de l'|des|of)\s?", "", word.strip()))
