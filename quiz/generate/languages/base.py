"""What the generator must know about a language, in one object: `LanguageProfile`.

Each language is one module of this package that builds a profile (`fr.py`, `en.py`); the stages of
the generator receive the profile and never test which language it is. The fields are grouped as
the stages use them: the spaCy pipeline, the page around the story, people and roles, voices,
time and numbers, places, and the words of the questions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CountryNames:
    """One country as a language writes it."""

    name: str
    """With its article when the language uses one: "le Japon", "the Netherlands", "Japan"."""
    demonyms: tuple[str, ...]
    """Adjective and noun forms, masculine first ("japonais", "japonaise"…)."""
    capitals: tuple[str, ...]
    """The capital first, then other names that stand for the government ("Kremlin")."""
    aliases: tuple[str, ...] = ()
    """Other names of the country ("USA", "Britain")."""


def countries_table(table: str) -> dict[str, CountryNames]:
    """Countries written one a line: `key | name | demonyms, … | capitals, … | aliases, …`.

    The order of the lines matters: distractor countries are taken from the top.
    """
    countries: dict[str, CountryNames] = {}
    for line in table.strip().splitlines():
        key, name, demonyms, capitals, *rest = (cell.strip() for cell in line.split("|"))
        countries[key] = CountryNames(
            name,
            _cells(demonyms),
            _cells(capitals),
            _cells(rest[0]) if rest else (),
        )
    return countries


def _cells(text: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in text.split(",") if cell.strip())


def words(text: str) -> tuple[str, ...]:
    """A word list written as one string, one entry a line or separated by commas."""
    return tuple(w.strip() for w in re.split(r"[,\n]", text) if w.strip())


def spaced(text: str) -> tuple[str, ...]:
    """A word list written as one string, separated by spaces."""
    return tuple(text.split())


def alternation(entries: Iterable[str]) -> str:
    """A regex alternation of literal entries, longest first (so "premier ministre" beats "ministre")."""
    return "|".join(re.escape(e) for e in sorted(set(entries), key=len, reverse=True))


@dataclass(frozen=True)
class Widget:
    """A page widget a question can explain: what it is (the key), why, and wrong readings."""

    meaning: str
    why: str
    distractors: tuple[str, ...]
    sponsored: bool = False
    """Paid links posing as content: the lesson most worth a question."""


@dataclass(frozen=True)
class LanguageProfile:
    code: str
    """ISO 639-1 code, as `--lang` and a set's `language:` write it."""
    name: str
    """The language's name in English, for messages."""

    # --- the spaCy pipeline -------------------------------------------------------------------
    pipeline: str | None
    """The trained spaCy package, or None: rules only (names found by rules, announced)."""
    pipeline_missing: str
    """Why there is no pipeline or what to install: said in the set's header and on the terminal."""
    person_label: str
    place_label: str
    org_label: str
    group_label: str
    label_kinds: dict[str, str]
    """The pipeline's entity labels and what they are: "PER" -> "person", "LOC" -> "place"…"""
    ruler_place_patterns: tuple[Any, ...]
    """Extra entity-ruler token patterns for places ("mer de Chine orientale")."""
    group_nouns: tuple[str, ...]
    """Collective nouns of peoples the ruler tags as groups ("Soviétiques")."""

    # --- recognising the language and the page --------------------------------------------------
    stopwords: frozenset[str]
    """The commonest words: counted to tell the language of a text."""
    furniture_lines: frozenset[str]
    """Whole lines (folded) that belong to the site, not the story."""
    furniture_prefixes: tuple[str, ...]
    """A line starting with one of these (folded) is a link or a prompt of the site."""
    furniture_words: re.Pattern[str]
    """Words that make any line site furniture wherever they are (cookies, subscriptions)."""
    end_of_story: frozenset[str]
    """Folded headings after which the page holds no more story ("Sources", "External links"):
    the cited sources, categories and licence of a wiki page."""
    site_banner: re.Pattern[str]
    """A site's banner naming it ("From Wikinews, the free news source…"): group `site`."""
    byline: re.Pattern[str]
    """A byline, a publication line or an agency signature."""
    credit_prefixes: tuple[str, ...]
    """Words that introduce a picture credit ("Photo", "Photograph")."""
    opinion_labels: re.Pattern[str]
    """Words that mark a page as opinion, in a line outside the story ("Tribune", "Opinion",
    "Comment") or a disclaimer anywhere ("n'engage que son auteur")."""
    day_first_dates: bool
    """ "05/03/2025" is the 5th of March (French), not the 3rd of May."""

    # --- people and roles -----------------------------------------------------------------------
    titles: tuple[str, ...]
    """Titles and roles, lower case, most specific first ("premier ministre", "ministre")."""
    portfolios: tuple[str, ...]
    """Curated wrong portfolios for a role question when the article names one minister."""
    honorifics: tuple[str, ...]
    not_names: frozenset[str]
    """Folded capitalised words that start no person's name (sentence openers, institutions)."""
    organisation_words: frozenset[str]
    """Folded words that make a name an organisation's, not a person's ("collectif", "forum")."""
    place_words: frozenset[str]
    """Folded words that make a capitalised run a place ("lake", "rue")."""
    place_prepositions: re.Pattern[str]
    """Text ending in a preposition of place: a lone capitalised word after it is a place."""
    role_before: re.Pattern[str]
    """A role written before a name, ending where the name starts; groups `title`, `adj`,
    `port`, `of`, `owner` when present."""
    role_after: re.Pattern[str]
    """A role in apposition after a name (", ministre de la Défense,"); same groups."""
    same_role: re.Pattern[str] | None
    """ "celui de la Défense, X": the role of the person named before, another portfolio."""
    counterpart: re.Pattern[str]
    """ "son homologue russe, X": the role of the person named before, another country."""
    former: re.Pattern[str]
    """A word before a title saying the person does not hold it now ("ancien", "former")."""
    is_feminine: Callable[[str, str | None, tuple[str, ...]], bool]
    """(evidence, adjective, demonyms of its country) -> whether the role is feminine."""
    role_text: Callable[[str, str | None, tuple[str, ...], bool], str]
    """(title, portfolio, demonyms of the country or (), feminine) -> the role as written."""

    # --- voices ---------------------------------------------------------------------------------
    reporting: re.Pattern[str]
    """Finite forms of reporting verbs."""
    according_to: re.Pattern[str]
    unnamed_sources: re.Pattern[str]
    hedges: re.Pattern[str]
    weak_hedges: frozenset[str]
    """Folded hedge words too often something else ("may" the month, "would" in reported speech)."""
    pronoun_reporting: re.Pattern[str]
    """After a quote: a reporting verb whose subject is a pronoun ("a-t-il ajouté", "she said")."""
    that_words: str
    """The regex of the conjunction that opens reported speech ("que|qu'", "that")."""
    determiners: frozenset[str]
    """A quoted phrase after one of these is a term, not speech ('des "discussions"')."""
    first_person: re.Pattern[str]
    """First-person words: quoted words holding one are speech."""
    uncertain: re.Pattern[str]
    """Words of estimate or uncertainty beyond the conditional ("estimé à", "envisageait",
    "it is understood"): a sentence holding one is no plain fact."""
    human_groups: re.Pattern[str]
    """Nouns of people speaking as a group ("les pêcheurs", "the union", "residents")."""
    evaluative: re.Pattern[str]
    """Words by which a sentence judges rather than reports: it is no plain fact."""

    # --- time and numbers -----------------------------------------------------------------------
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    relative_days: dict[str, int]
    clause_start: re.Pattern[str]
    """Where the clause holding a weekday starts: a punctuation mark or a conjunction."""
    forward_cues: re.Pattern[str]
    """Words in a weekday's clause, before it, that put the day after the article's date:
    a future, a plan, a deadline ("doit", "prévue", "d'ici", "will", "due to", "by")."""
    forward_after: re.Pattern[str]
    """Words just after a weekday that put it after the article's date ("prochain")."""
    backward_cues: re.Pattern[str]
    """Words in the clause that put the day before, whatever else it says ("dernier", "last")."""
    habitual: re.Pattern[str]
    """Words before a weekday that make it every such day ("chaque", "every"): no one date."""
    number_words: dict[str, int]
    decimal_comma: bool
    """ "1,5" is one and a half (French); "1,500" is fifteen hundred (English)."""
    referring_words: frozenset[str]
    """A number after one of these refers back ("les deux pays"): it is no figure."""
    format_date: Callable[[Any], str]
    """A date as the language writes it, with its weekday."""

    # --- events, places -------------------------------------------------------------------------
    meeting_words: re.Pattern[str]
    cause_cues: re.Pattern[str]
    cause_choice: Callable[[str, str], str]
    """(cue, cause) -> the cause as a choice that reads on its own ("des besoins" -> "les
    besoins")."""
    first_words: re.Pattern[str]
    other_name: re.Pattern[str]
    """ "…, que Tokyo appelle les territoires du Nord": groups `who`/`other` (or `who2`/`other2`)."""
    place_lead: re.Pattern[str]
    """Words that start a place's name before the recognised word ("les îles")."""
    dispute: re.Pattern[str]
    of_country: Callable[[str], str]
    """ "le Japon" -> "du Japon"; "Japan" -> "of Japan"."""

    # --- the questions --------------------------------------------------------------------------
    texts: dict[str, str]
    widgets: dict[str, Widget] = field(default_factory=dict)
    """Folded furniture label -> what it is, for the widget question."""
    countries: dict[str, CountryNames] = field(default_factory=dict)

    polish: Callable[[str], str] = str
    """The last touch on a filled-in text: French elides "de Olivier" into "d'Olivier"."""

    def text(self, key: str, **values: Any) -> str:
        return self.polish(self.texts[key].format(**values))
