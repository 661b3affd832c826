"""People and their roles: appositions, "celui de…", counterparts, a title before the name.

The patterns come from the language profile; what they capture (a title, a demonym, a portfolio,
the place the role is "of") is the same in every language. A role is kept with the words that
show it, and only when those words hold together: a title alone, or a demonym that is no country's
without a portfolio ("le ministre a dit, X"), is no apposition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.generate.extract.model import PersonFact
from quiz.generate.languages import LanguageProfile
from quiz.generate.lexicon import Country, country_named, fold
from quiz.generate.understand import Analysis, Mention, Sentence


def people_facts(analysis: Analysis) -> list[PersonFact]:
    profile = analysis.profile
    facts = [PersonFact(p, profile=profile) for p in analysis.persons]
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
            role = _role_before(sentence, mention, profile, found) or _role_after(
                sentence, mention, profile
            )
            if role is not None and (fact.title is None or role.confidence > fact.confidence):
                fact.title, fact.portfolio, fact.country = role.title, role.portfolio, role.country
                fact.feminine, fact.written = role.feminine, role.written
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
    written: str
    """The role as the article writes it ("vice-ministre argentine")."""
    feminine: bool = False


def _from_match(
    match: re.Match[str], profile: LanguageProfile, evidence: str, confidence: float
) -> _Role | None:
    groups = match.groupdict()
    adjective = groups.get("adj")
    portfolio = (groups.get("port") or "").strip() or None
    of = groups.get("of")
    country = (
        _country_of(groups.get("owner"), profile)
        or _country_of(adjective, profile)
        or _country_of(of, profile)
    )
    if adjective and _country_of(adjective, profile) is None:
        if adjective[:1].isupper() and portfolio is None:
            portfolio = adjective  # "Water Minister": a capitalised word before the title
        elif not portfolio and not of:
            return None  # "le ministre a dit, X": the word after the title is no demonym
    if portfolio and country is None and _country_of(portfolio, profile):
        country, portfolio = _country_of(portfolio, profile), None  # "Kenyan Minister"
    title = match.group("title")
    written = _written_role(match, profile)
    demonyms = country.demonyms(profile.code) if country else ()
    feminine = profile.is_feminine(evidence, adjective, demonyms)
    if of and not portfolio and country is None:
        portfolio = of  # "maire de Montarcy", "mayor of Bellport"
    return _Role(title, portfolio, country, evidence, confidence, written, feminine)


def _written_role(match: re.Match[str], profile: LanguageProfile) -> str:
    """The role's words in the match, without the article before it or the comma after it; a
    country's possessive ("Kenya's") is left to the demonym, another owner ("the trust's") kept."""
    groups = match.groupdict()
    names = [g for g in ("owner", "adj", "port", "title") if groups.get(g)]
    start = min((match.start(g) for g in names), default=match.start("title"))
    if groups.get("owner") and _country_of(groups["owner"], profile):
        start = min(match.start(g) for g in names if g != "owner")
    text = match.string[start : match.end()].strip(" ,.")
    return re.sub(r"^(?:le|la|l'|the|a|an|our|notre)\s+", "", text, flags=re.IGNORECASE)


def _role_before(
    sentence: Sentence, mention: Mention, profile: LanguageProfile, earlier: list[PersonFact]
) -> _Role | None:
    """ "Le ministre japonais des Affaires étrangères, Fumio Kishida" / "celui de la Défense, X"."""
    before = sentence.text[: mention.start]
    match = profile.role_before.search(before)
    if match and profile.former.search(before[: match.start()]):
        return None  # "l'ancien ministre russe X": not the role he holds
    if match:
        evidence = sentence.text[match.start() : mention.end]
        return _from_match(match, profile, evidence, 0.9)
    if profile.same_role is not None:
        same = profile.same_role.search(before)
        if same and earlier and earlier[-1].title is not None:
            model = earlier[-1]
            assert model.title is not None
            evidence = sentence.text[same.start() : mention.end]
            portfolio = same.group("port")
            demonyms = model.country.demonyms(profile.code) if model.country else ()
            written = profile.role_text(model.title, portfolio, demonyms, model.feminine)
            return _Role(model.title, portfolio, model.country, evidence, 0.8, written)
    return None


def _role_after(sentence: Sentence, mention: Mention, profile: LanguageProfile) -> _Role | None:
    """A role after the name: "Fumio Kishida, ministre japonais des Affaires étrangères,"."""
    after = sentence.text[mention.end :]
    match = profile.role_after.search(after)
    if not match:
        return None
    evidence = sentence.text[mention.start : mention.end + match.end() - 1]
    return _from_match(match, profile, evidence, 0.85)


def _counterparts(
    sentence: Sentence,
    analysis: Analysis,
    by_person: dict[int, PersonFact],
    found: list[PersonFact],
) -> None:
    """ "…leurs homologues russes, Sergueï Lavrov, et Sergueï Shoigu": same roles, other country."""
    profile = analysis.profile
    match = profile.counterpart.search(sentence.text)
    if not match:
        return
    country = _country_of(match.group("adj"), profile)
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
        assert model.title is not None
        feminine = profile.is_feminine(" ".join(sorted(target.person.forms)), None, ())
        target.title, target.portfolio, target.country = model.title, model.portfolio, country
        target.feminine = feminine
        target.written = profile.role_text(
            model.title, model.portfolio, country.demonyms(profile.code), feminine
        )
        target.evidence, target.sentence, target.confidence = (
            evidence,
            sentence.index,
            confidence,
        )


def _country_of(word: str | None, profile: LanguageProfile) -> Country | None:
    if not word:
        return None
    word = re.sub(r"^(?:du|de la|de l'|des|d'|de|of)\s?", "", word.strip())
    return country_named(word, profile.code) if fold(word) else None
