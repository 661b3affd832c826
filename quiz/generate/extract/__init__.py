"""Stage 3, extract: the facts questions are written from, each with its verbatim evidence.

Every fact keeps the exact words of the body that show it (`evidence`) and the sentence they are
in (`passage`), so a teacher can check it and `quiz check` can find it. Facts come from the body
only; credits and furniture come from the page's other zones (see `clean.py`).
"""

from __future__ import annotations

from quiz.generate.clean import Page
from quiz.generate.extract.events import (
    find_causes,
    find_date_mentions,
    find_firsts,
    find_meetings,
    find_numbers,
)
from quiz.generate.extract.model import (
    Cause,
    DateMention,
    Dispute,
    Facts,
    Hedge,
    Meeting,
    NumberMention,
    OtherName,
    PersonFact,
    Quote,
    role_text,
)
from quiz.generate.extract.people import people_facts
from quiz.generate.extract.places import find_disputes, find_other_names, find_places
from quiz.generate.extract.voices import find_hedges, find_quotes, mark_voices
from quiz.generate.understand import Analysis

__all__ = [
    "Cause",
    "DateMention",
    "Dispute",
    "Facts",
    "Hedge",
    "Meeting",
    "NumberMention",
    "OtherName",
    "PersonFact",
    "Quote",
    "extract",
    "role_text",
]


def extract(page: Page, analysis: Analysis) -> Facts:
    facts = Facts(analysis.profile, page, analysis)
    facts.people = people_facts(analysis)
    facts.quotes = find_quotes(analysis)
    facts.hedges = find_hedges(analysis)
    facts.other_names = find_other_names(analysis)
    facts.disputes = find_disputes(analysis)
    facts.dates = find_date_mentions(analysis, page.published)
    facts.numbers = find_numbers(analysis, page.headline)
    facts.meetings = find_meetings(analysis, facts.dates)
    facts.causes = find_causes(analysis)
    facts.firsts = find_firsts(analysis)
    facts.places = find_places(analysis)
    mark_voices(facts)
    return facts
