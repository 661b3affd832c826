"""Places: the other names a place is given, disputes over a place, the places mentioned."""

from __future__ import annotations

import re

from quiz.generate.extract.model import (
    Dispute,
    OtherName,
)
from quiz.generate.languages import LanguageProfile
from quiz.generate.lexicon import country_named, fold
from quiz.generate.understand import Analysis


def _place_start(text: str, start: int, profile: LanguageProfile) -> int:
    """Where a place's name starts with its lead words: "les îles Kouriles", not "Kouriles"."""
    lead = profile.place_lead.search(text[:start])
    start = lead.start() if lead else start
    article = re.search(r"(?:\b(?:les|la|le|the) |\bl')$", text[:start])
    return article.start() if article else start


def find_other_names(analysis: Analysis) -> list[OtherName]:
    found: list[OtherName] = []
    for sentence in analysis.sentences:
        for match in analysis.profile.other_name.finditer(sentence.text):
            who = match.group("who") or match.groupdict().get("who2")
            other = (match.group("other") or match.groupdict().get("other2") or "").strip()
            places = [
                m
                for m in analysis.mentions_in(sentence.index, "place")
                if m.end <= match.start()
                and fold(m.text) not in (fold(who or ""),)
                and not country_named(m.text, analysis.language)
            ]
            if not places or not who:
                continue
            place = places[-1]
            start = _place_start(sentence.text, place.start, analysis.profile)
            name = sentence.text[start : place.end]
            evidence = sentence.text[start : match.end()]
            found.append(OtherName(name, other.replace('"', ""), who, evidence, sentence.index))
    return found


def find_disputes(analysis: Analysis) -> list[Dispute]:
    """Sides (places or countries named before the verb) and the named place just after it."""
    found: list[Dispute] = []
    for sentence in analysis.sentences:
        match = analysis.profile.dispute.search(sentence.text)
        if not match:
            continue
        places = analysis.mentions_in(sentence.index, "place")
        sides = tuple(m.text for m in places if m.end <= match.start())
        after = [m for m in places if match.end() <= m.start < match.end() + 25]
        if len(sides) < 2 or not after:
            continue
        target = after[0]
        start = max(_place_start(sentence.text, target.start, analysis.profile), match.end())
        name = sentence.text[start : target.end]
        evidence = sentence.text[sentence.text.find(sides[0]) : target.end]
        found.append(Dispute(sides[-2:], name, evidence, sentence.index))
    return found


def find_places(analysis: Analysis) -> list[str]:
    seen: dict[str, str] = {}
    for mention in analysis.mentions:
        if mention.kind == "place":
            seen.setdefault(fold(mention.text), mention.text)
    return list(seen.values())
