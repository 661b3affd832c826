"""The media-literacy skills every question is tagged with (one per question).

The vocabulary draws on Stanford's Civic Online Reasoning, SIFT, the News Literacy Project and the
CLEMI; reports break scores down by these ids, so they are part of the file format: never rename one.
"""

from __future__ import annotations

from enum import StrEnum


class Skill(StrEnum):
    COMPREHENSION = "comprehension"
    CONTEXT = "context"
    SOURCING = "sourcing"
    ATTRIBUTION = "attribution"
    FACT_VS_OPINION = "fact_vs_opinion"
    MISSING_VOICES = "missing_voices"
    LANGUAGE = "language"
    PAGE_FURNITURE = "page_furniture"
    LATERAL_READING = "lateral_reading"

    @property
    def description(self) -> str:
        return SKILL_DESCRIPTIONS[self]


SKILL_DESCRIPTIONS: dict[Skill, str] = {
    Skill.COMPREHENSION: "say who, what, where, when, how many",
    Skill.CONTEXT: "explain why the event matters, with the background the article gives",
    Skill.SOURCING: "name who produced the information and when: agency, outlet, photographer, date",
    Skill.ATTRIBUTION: "tell who said what, and notice when a quote has no clear speaker",
    Skill.FACT_VS_OPINION: "separate checkable facts from analysis, hedges and unnamed sources",
    Skill.MISSING_VOICES: "notice whose perspective the article mentions but never gives",
    Skill.LANGUAGE: "notice that word choice frames a story",
    Skill.PAGE_FURNITURE: "tell the article from what surrounds it on the page",
    Skill.LATERAL_READING: "say what to check elsewhere, and where",
}
