"""Stage 4, write questions: facts in, candidate questions out, one small builder per kind.

The builders are grouped by what they ask about: `story` (comprehension, context, language),
`voices` (attribution, fact vs opinion, missing voices) and `page` (sourcing, page furniture,
lateral reading); `categorize` sorts passages by who vouches for them; `common` holds what they
share.
"""

from __future__ import annotations

from quiz.generate.extract import Facts
from quiz.generate.questions.categorize import categorize_questions
from quiz.generate.questions.common import Builder, Candidate, format_date, pick_choices
from quiz.generate.questions.page import (
    author_questions,
    credit_questions,
    dateline_questions,
    furniture_questions,
    genre_questions,
    stale_questions,
)
from quiz.generate.questions.story import (
    cause_questions,
    date_questions,
    dispute_questions,
    first_questions,
    meeting_place_questions,
    number_questions,
    other_name_questions,
    role_questions,
    side_questions,
    when_questions,
    who_questions,
)
from quiz.generate.questions.voices import (
    fact_questions,
    hedge_questions,
    indirect_questions,
    silent_actor_questions,
    silent_people_questions,
    speaker_questions,
    unattributed_questions,
)

__all__ = ["BUILDERS", "Builder", "Candidate", "candidates", "format_date", "pick_choices"]

BUILDERS: tuple[Builder, ...] = (
    role_questions,
    who_questions,
    when_questions,
    side_questions,
    meeting_place_questions,
    number_questions,
    dispute_questions,
    date_questions,
    cause_questions,
    first_questions,
    credit_questions,
    author_questions,
    dateline_questions,
    speaker_questions,
    unattributed_questions,
    indirect_questions,
    categorize_questions,
    hedge_questions,
    fact_questions,
    silent_actor_questions,
    silent_people_questions,
    other_name_questions,
    furniture_questions,
    genre_questions,
    stale_questions,
)


def candidates(facts: Facts) -> list[Candidate]:
    """Every question the builders can write from these facts. Each builder sets its question's
    confidence from how its evidence was found; rules-only English is held to the same bar."""
    result: list[Candidate] = []
    for build in BUILDERS:
        for candidate in build(facts):
            if candidate.fields:
                result.append(candidate)
    return result
