"""The facts the generator extracts, each with the verbatim words of the article that show it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from quiz.generate.clean import Page
from quiz.generate.languages import LanguageProfile
from quiz.generate.lexicon import Country
from quiz.generate.understand import Analysis, Person, Sentence


@dataclass
class PersonFact:
    person: Person
    profile: LanguageProfile
    title: str | None = None
    """"ministre", "Foreign Minister"…"""
    portfolio: str | None = None
    """"des Affaires étrangères", "Defence"…"""
    country: Country | None = None
    evidence: str | None = None
    sentence: int | None = None
    confidence: float = 0.0
    feminine: bool = False
    """"La ministre norvégienne…": French roles agree with the person's gender."""
    written: str | None = None
    """The role as the article writes it."""

    @property
    def role(self) -> str | None:
        """The role in the article's language, e.g. "ministre japonais des Affaires étrangères"."""
        if self.title is None:
            return None
        return role_text(self.profile, self.title, self.portfolio, self.country, self.feminine)


def role_text(
    profile: LanguageProfile,
    title: str,
    portfolio: str | None,
    country: Country | None,
    feminine: bool = False,
) -> str:
    demonyms = country.demonyms(profile.code) if country is not None else ()
    return profile.role_text(title, portfolio, demonyms, feminine)


@dataclass(frozen=True)
class Quote:
    words: str
    """What was said: inside the quote marks, or the reported clause."""
    speaker: str | None
    """Who said it, as the article names them; None when the article does not say; "" when a
    reporting verb is there but its subject is no name we know ("les organisations estiment…")."""
    person: Person | None
    sentence: int
    evidence: str
    direct: bool
    by_pronoun: bool = False
    """'« … », a-t-il ajouté': the speaker is the person named last before the quote."""
    how: str = ""
    """How the speaker was found: see `extract.voices` ("after", "before", "pronoun"…)."""
    tag: str = ""
    """The words that attribute the quote ("a déclaré M. Rivas")."""


@dataclass(frozen=True)
class Hedge:
    sentence: int
    passage: str
    cues: tuple[str, ...]
    """The conditional or hedging words, as written ("pourrait")."""
    source: str | None
    """The unnamed source, as written ("Selon des observateurs")."""


@dataclass(frozen=True)
class OtherName:
    place: str
    other: str
    who: str
    evidence: str
    sentence: int


@dataclass(frozen=True)
class Dispute:
    """Two sides at odds over a named place: "Tokyo et Moscou s'affrontent sur les îles…"."""

    sides: tuple[str, ...]
    place: str
    evidence: str
    sentence: int


@dataclass(frozen=True)
class DateMention:
    text: str
    value: date | None
    sentence: int
    evidence: str
    how: str = ""
    """How `value` was worked out: "explicit", "back" (counted back from the article's date),
    "forward" (a future in its clause), or "" (not dated)."""


@dataclass(frozen=True)
class NumberMention:
    value: float
    text: str
    """The figure as written ("1 150", "1,3", "douze")."""
    noun: str
    sentence: int
    evidence: str
    """The clause it is in, with its closing punctuation: the cloze's text."""


@dataclass(frozen=True)
class Meeting:
    participants: tuple[Person, ...]
    place: str | None
    sentence: int
    evidence: str
    when: DateMention | None = None
    """The date in the meeting's sentence, or else in the article's first sentence (the lede)."""


@dataclass(frozen=True)
class Cause:
    effect: str
    """The words before the cue, as written."""
    cue: str
    cause: str
    sentence: int
    evidence: str


@dataclass
class Facts:
    profile: LanguageProfile
    page: Page
    analysis: Analysis
    people: list[PersonFact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    hedges: list[Hedge] = field(default_factory=list)
    other_names: list[OtherName] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    causes: list[Cause] = field(default_factory=list)
    firsts: list[Sentence] = field(default_factory=list)
    """Sentences saying something happens for the first time: context."""
    places: list[str] = field(default_factory=list)
    heard: list[Person] = field(default_factory=list)
    """People a quote or reported speech is surely attributed to."""
    unheard: list[Person] = field(default_factory=list)
    """People the article names (outside quotes) and surely never lets speak."""
    voiced: set[str] = field(default_factory=set)
    """Folded names of actors (people, capitals) whose words the article reports."""
    silent_actors: list[tuple[str, int]] = field(default_factory=list)
    """Governments (by capital) the article mentions but never gives a voice, with mention count."""

    @property
    def language(self) -> str:
        return self.profile.code

    def sentence(self, index: int) -> Sentence:
        return self.analysis.sentences[index]
