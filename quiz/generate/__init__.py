"""Article in, draft question set out: the teacher's `quiz generate`.

Stages, each in its own module: `clean` (zones of the page), `html` (saved web pages), `nlp`
(loading spaCy, an optional extra), `understand` (parse and repairs), `extract` (facts with
evidence), `questions` (candidate questions), `rank` (choose), `writer` (YAML). What each
language needs (patterns, word lists, the words of the questions) is one profile per language in
`languages`. `pipeline.Generator` runs them; importing this package does not import spaCy.
"""

from quiz.generate.nlp import INSTALL_HINT, ModelUnavailable
from quiz.generate.pipeline import (
    DEFAULT_MAX_QUESTIONS,
    Article,
    GeneratedSet,
    GenerationError,
    Generator,
    write_set,
)

__all__ = [
    "DEFAULT_MAX_QUESTIONS",
    "INSTALL_HINT",
    "Article",
    "GeneratedSet",
    "GenerationError",
    "Generator",
    "ModelUnavailable",
    "write_set",
]
