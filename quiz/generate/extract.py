"""Stage 3, extract: the facts questions are written from, each with its verbatim evidence.

Every fact keeps the exact words of the body that show it (`evidence`) and the sentence they are
in (`passage`), so a teacher can check it and `quiz check` can find it. Facts come from the body
only; credits and furniture come from the page's other zones (see `clean.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from quiz.generate.clean import Page, find_dates
from quiz.generate.lexicon import (
    ACCORDING_TO,
    COUNTRY_BY_CAPITAL,
    HEDGE_WORDS,
    MEETING_WORDS,
    MONTHS,
    NUMBER_WORDS,
    REPORTING_FORMS,
    TITLE_WORDS,
    UNNAMED_SOURCES,
    WEEKDAYS,
    Country,
    country_named,
    fold,
)
from quiz.generate.understand import Analysis, Mention, Person, Sentence


@dataclass
class PersonFact:
    person: Person
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
    language: str = "fr"

    @property
    def role(self) -> str | None:
        """The role in the article's language, e.g. "ministre japonais des Affaires étrangères"."""
        if self.title is None:
            return None
        return role_text(self.title, self.portfolio, self.country, self.language, self.feminine)


def french_demonym(country: Country, feminine: bool) -> str:
    masculine = country.demonyms[0]
    if feminine:
        for form in (masculine + "e", masculine + "ne"):
            if form in country.demonyms:
                return form
    return masculine


def role_text(
    title: str,
    portfolio: str | None,
    country: Country | None,
    language: str,
    feminine: bool = False,
) -> str:
    if language == "fr":
        parts = [title.lower()]
        if country is not None:
            parts.append(french_demonym(country, feminine))
        if portfolio:
            parts.append(portfolio)
        return " ".join(parts)
    adjective = next((d for d in (country.demonyms if country else ()) if d[0].isupper()), None)
    portfolio_words = f"{portfolio} " if portfolio else ""
    prefix = f"{adjective.replace('_', ' ')} " if adjective else ""
    return f"{prefix}{portfolio_words}{title}".strip()


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


@dataclass(frozen=True)
class NumberMention:
    value: int
    text: str
    noun: str
    sentence: int
    evidence: str


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
    language: str
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
    voiced: set[str] = field(default_factory=set)
    """Folded names of actors (people, capitals) whose words the article reports."""
    silent_actors: list[tuple[str, int]] = field(default_factory=list)
    """Governments (by capital) the article mentions but never gives a voice, with mention count."""

    def sentence(self, index: int) -> Sentence:
        return self.analysis.sentences[index]

    def fact_for(self, person: Person) -> PersonFact | None:
        return next((f for f in self.people if f.person is person), None)


def extract(page: Page, analysis: Analysis) -> Facts:
    facts = Facts(analysis.language, page, analysis)
    facts.people = _people(analysis)
    facts.quotes = _quotes(analysis)
    facts.hedges = _hedges(analysis)
    facts.other_names = _other_names(analysis)
    facts.disputes = _disputes(analysis)
    facts.dates = _dates(analysis, page.published)
    facts.numbers = _numbers(analysis)
    facts.meetings = _meetings(analysis, facts.dates)
    facts.causes = _causes(analysis)
    facts.firsts = _firsts(analysis)
    facts.places = _places(analysis)
    _voices(facts)
    return facts


# --- people and roles ---------------------------------------------------------------------------


def _title_pattern(language: str) -> str:
    titles = sorted(TITLE_WORDS[language], key=len, reverse=True)
    return "|".join(re.escape(t) for t in titles)


_DEMONYM_WORD = r"[a-zà-ÿ-]+"
_PORTFOLIO_FR = (
    r"(?:des|de la|du|de l'|chargée? (?:des|de la|du|de l'))\s?[A-ZÀ-Þ][\w'-]*(?: [a-zà-ÿ][\w'-]*)?"
)


def _people(analysis: Analysis) -> list[PersonFact]:
    facts = [PersonFact(p, language=analysis.language) for p in analysis.persons]
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
            role = _role_before(sentence, mention, analysis.language, found) or _role_after(
                sentence, mention, analysis.language
            )
            if role is not None and (fact.title is None or role.confidence > fact.confidence):
                fact.title, fact.portfolio, fact.country = role.title, role.portfolio, role.country
                fact.feminine = role.feminine
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
    feminine: bool = False


def _is_feminine(evidence: str, adjective: str | None) -> bool:
    """French only: "la ministre", "Mme X", or a feminine demonym ("norvégienne")."""
    if re.match(r"(?i)la\b|l'ancienne\b", evidence) or re.search(r"\bMme\b", evidence):
        return True
    if adjective:
        country = country_named(adjective)
        return bool(
            country
            and adjective != country.demonyms[0]
            and adjective.endswith("e")
            and not adjective.endswith("s")
        )
    return False


_FORMER = re.compile(
    r"\b(?:ancien|ancienne|anciens|ex|feu|futur|future|former|late|then|"
    r"outgoing|sortant|sortante|incoming)[ -]?$",
    re.IGNORECASE,
)
"""A word before a title that means the person does not hold that role now (or not only)."""


def _role_before(
    sentence: Sentence, mention: Mention, language: str, earlier: list[PersonFact]
) -> _Role | None:
    """ "Le ministre japonais des Affaires étrangères, Fumio Kishida" / "celui de la Défense, X"."""
    before = sentence.text[: mention.start]
    if language == "fr":
        pattern = re.compile(
            rf"(?:(?:le|la|l')\s?)?(?P<title>{_title_pattern('fr')})"
            rf"(?: (?P<adj>{_DEMONYM_WORD}))?(?: (?P<port>{_PORTFOLIO_FR}))?"
            rf"(?: (?P<of>(?:du|de la|de l'|des)\s?[A-ZÀ-Þ][\w'-]+))?,? $",
            re.IGNORECASE,
        )
        match = pattern.search(before)
        if match and _FORMER.search(before[: match.start()]):
            return None  # "l'ancien ministre russe X": not the role he holds
        if match:
            country = _country_of(match.group("adj")) or _country_of(match.group("of"))
            adj = match.group("adj")
            portfolio = match.group("port")
            if adj and not _country_of(adj) and not portfolio:
                return None  # "le ministre a dit, X": not an apposition
            evidence = sentence.text[match.start() : mention.end]
            feminine = _is_feminine(evidence, adj)
            return _Role(match.group("title"), portfolio, country, evidence, 0.9, feminine)
        same = re.search(rf"\b(?:celui|celle) (?P<port>{_PORTFOLIO_FR}),? $", before)
        if same and earlier:
            model = earlier[-1]
            if model.title:
                evidence = sentence.text[same.start() : mention.end]
                return _Role(model.title, same.group("port"), model.country, evidence, 0.8)
        return None
    pattern = re.compile(
        rf"(?:(?P<owner>[A-Z][\w.-]*(?: [A-Z][\w-]+)?)'s |(?P<adj>[A-Z][a-z]+) )?"
        rf"(?P<port>(?:[A-Z][a-z]+ )?)(?P<title>{_title_pattern('en')}),? (?:of [A-Z]\w+ )?$",
        re.IGNORECASE,
    )
    match = pattern.search(before)
    if not match or _FORMER.search(before[: match.start()]):
        return None
    title = match.group("title")
    port = (match.group("port") or "").strip()
    words = title.split()
    if len(words) == 2 and words[1].lower() == "minister" and words[0].lower() != "prime":
        port, title = words[0].capitalize(), "Minister"
    country = _country_of(match.group("owner")) or _country_of(match.group("adj"))
    if port and country is None and _country_of(port):
        country, port = _country_of(port), ""
    evidence = sentence.text[match.start() : mention.end]
    return _Role(title.title() if title.islower() else title, port or None, country, evidence, 0.85)


def _role_after(sentence: Sentence, mention: Mention, language: str) -> _Role | None:
    """A role after the name: "Fumio Kishida, ministre japonais des Affaires étrangères,"."""
    after = sentence.text[mention.end :]
    if language == "fr":
        pattern = re.compile(
            rf"^, (?:le |la |l')?(?P<title>{_title_pattern('fr')})"
            rf"(?: (?P<adj>{_DEMONYM_WORD}))?(?: (?P<port>{_PORTFOLIO_FR}))?"
            rf"(?: (?P<of>(?:du|de la|de l'|des)\s?[A-ZÀ-Þ][\w'-]+))?[,.]",
            re.IGNORECASE,
        )
        match = pattern.search(after)
        if not match:
            return None
        country = _country_of(match.group("adj")) or _country_of(match.group("of"))
        if match.group("adj") and not _country_of(match.group("adj")) and not match.group("port"):
            return None
        evidence = sentence.text[mention.start : mention.end + match.end() - 1]
        feminine = _is_feminine(match.group(0)[2:], match.group("adj"))
        return _Role(match.group("title"), match.group("port"), country, evidence, 0.85, feminine)
    pattern = re.compile(
        rf"^, (?:the |(?P<owner>[A-Z][\w.-]+)'s |(?P<adj>[A-Z][a-z]+) )?(?P<port>(?:[a-z]+ )?)"
        rf"(?P<title>{_title_pattern('en')})(?: of (?P<of>[A-Z][\w-]+(?: [A-Z][\w-]+)?))?[,.]",
    )
    match = pattern.search(after)
    if not match:
        return None
    title = match.group("title")
    words = title.split()
    port = (match.group("port") or "").strip()
    if len(words) == 2 and words[1] == "minister" and words[0] != "prime":
        port, title = words[0], "minister"
    country = (
        _country_of(match.group("owner"))
        or _country_of(match.group("adj"))
        or _country_of(match.group("of"))
    )
    evidence = sentence.text[mention.start : mention.end + match.end() - 1]
    return _Role(title.title(), port.capitalize() if port else None, country, evidence, 0.8)


def _counterparts(
    sentence: Sentence,
    analysis: Analysis,
    by_person: dict[int, PersonFact],
    found: list[PersonFact],
) -> None:
    """ "…leurs homologues russes, Sergueï Lavrov, et Sergueï Shoigu": same roles, other country."""
    cue = (
        r"(?:son|sa|ses|leur|leurs) homologues? (?P<adj>[a-zà-ÿ-]+),? "
        if analysis.language == "fr"
        else r"(?:his|her|their) (?P<adj>[A-Z][a-z]+) counterparts?,? "
    )
    match = re.search(cue, sentence.text)
    if not match:
        return
    country = _country_of(match.group("adj"))
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
        target.title, target.portfolio, target.country = model.title, model.portfolio, country
        target.feminine = any(f.startswith("Mme ") for f in target.person.forms)
        target.evidence, target.sentence, target.confidence = (
            evidence,
            sentence.index,
            confidence,
        )


def _country_of(word: str | None) -> Country | None:
    if not word:
        return None
    return country_named(re.sub(r"^(?:du|de la|de l'|des|of)\s?", "", word.strip()))


# --- quotes and voices ----------------------------------------------------------------------------

_QUOTED = re.compile(r"«\s*(?P<a>[^«»]+?)\s*»|\"(?P<b>[^\"]+)\"")


_DETERMINERS = frozenset(
    (
        "des",
        "les",
        "un",
        "une",
        "le",
        "la",
        "du",
        "de",
        "aux",
        "au",
        "ces",
        "ses",
        "leurs",
        "leur",
        "son",
        "sa",
        "the",
        "a",
        "an",
        "of",
    )
)


def _is_speech(sentence: Sentence, start: int, end: int, words: str, degraded: bool) -> bool:
    """Quoted words that someone said, not a term in quotes ("2+2", "territoires du Nord")."""
    count = len(words.split())
    if count < 4:
        return False
    # 'lancer des "discussions sur la cyber-sécurité"': a quoted noun phrase is a term, not speech.
    before = sentence.text[:start].split()
    if before and fold(before[-1]) in _DETERMINERS:
        return False
    if count >= 7 or re.search(r"\b(?:je|j'|nous|I|we|our|my|notre|nos)\b", words, re.I):
        return True
    if degraded:
        return False
    # A small model may tag a verb as a noun ("permettra"): any verb form counts in a quote.
    offset = sentence.span.start_char + (len(sentence.span.text) - len(sentence.span.text.lstrip()))
    return any(
        start <= token.idx - offset < end and token.pos_ in ("VERB", "AUX")
        for token in sentence.span
    )


def _speaker_near(
    analysis: Analysis, sentence: Sentence, start: int, end: int
) -> tuple[str | None, Person | None]:
    """The person named next to a reporting verb just after or just before the quote."""
    verbs = REPORTING_FORMS[analysis.language]
    after = sentence.text[end:]
    verb = verbs.search(after)
    if verb and verb.start() < 40:
        # '…", s'est félicité M. Kishida' (after the verb) or '…," Wekesa told' (before it).
        for mention in analysis.mentions_in(sentence.index):
            if mention.kind in ("person", "org") and end <= mention.start < end + verb.end() + 40:
                return mention.text, analysis.person_for(mention.text)
    before = sentence.text[:start]
    for mention in reversed(analysis.mentions_in(sentence.index)):
        if mention.end > start or mention.kind not in ("person", "org"):
            continue
        between = sentence.text[mention.end : start]
        if verbs.search(between) and len(between) < 60:
            return mention.text, analysis.person_for(mention.text)
        if ACCORDING_TO[analysis.language].search(
            before[max(0, mention.start - 12) : mention.start]
        ):
            return mention.text, analysis.person_for(mention.text)
        break
    # A reporting verb with a subject we cannot name: someone speaks, we cannot say who. Only a
    # sentence with no reporting verb at all has a quote with no speaker.
    if (
        (verb and verb.start() < 40)
        or verbs.search(before)
        or ACCORDING_TO[analysis.language].search(before)
    ):
        return "", None
    return None, None


def _quotes(analysis: Analysis) -> list[Quote]:
    quotes: list[Quote] = []
    verbs = REPORTING_FORMS[analysis.language]
    for sentence in analysis.sentences:
        direct_here = False
        for match in _QUOTED.finditer(sentence.text):
            # English puts the comma inside the quote marks ("…too long," she said).
            words = (match.group("a") or match.group("b")).strip().rstrip(",")
            if not _is_speech(sentence, match.start(), match.end(), words, analysis.degraded):
                continue
            direct_here = True
            speaker, person = _speaker_near(analysis, sentence, match.start(), match.end())
            quotes.append(
                Quote(words, speaker, person, sentence.index, match.group(0), direct=True)
            )
        if direct_here:
            continue
        link = (
            r"(?:\s+\w+){0,2}?\s+(?:que|qu'|that)\b"
            if analysis.language != "en"
            else (r"(?:\s+\w+){0,2}?\s+that\b")
        )
        for verb in verbs.finditer(sentence.text):
            if not re.match(link, sentence.text[verb.end() :]):
                continue
            subjects = [
                m
                for m in analysis.mentions_in(sentence.index)
                if m.end <= verb.start() and m.kind in ("person", "place", "org")
            ]
            if not subjects or verb.start() - subjects[-1].end > 40:
                continue
            speaker_mentions = [subjects[-1]]
            joined = re.search(r"(?:et|and) $", sentence.text[: subjects[-1].start])
            if joined and len(subjects) >= 2:
                speaker_mentions.insert(0, subjects[-2])
            speaker = (
                " et ".join(m.text for m in speaker_mentions)
                if analysis.language == "fr"
                else (" and ".join(m.text for m in speaker_mentions))
            )
            evidence = sentence.text[speaker_mentions[0].start : verb.end()]
            tail = sentence.text[verb.end() :]
            clause = re.sub(r"^.*?\b(?:que|qu'|that)\s*", "", tail, count=1).strip()
            quotes.append(
                Quote(
                    clause,
                    speaker,
                    analysis.person_for(speaker_mentions[0].text)
                    if len(speaker_mentions) == 1
                    else None,
                    sentence.index,
                    evidence,
                    direct=False,
                )
            )
            break
    return quotes


def _voices(facts: Facts) -> None:
    analysis = facts.analysis
    for quote in facts.quotes:
        if not quote.speaker:
            continue
        if quote.person is not None:
            facts.voiced.add(fold(quote.person.name))
        for part in re.split(r" et | and ", quote.speaker):
            facts.voiced.add(fold(part))
    # Anyone next to a reporting verb speaks, with or without "que"/"that" ("Ampuero said the
    # deal…", "a estimé M. Rivas"): such a person is no missing voice.
    verbs = REPORTING_FORMS[analysis.language]
    for mention in analysis.mentions:
        if mention.kind not in ("person", "place", "org"):
            continue
        text = analysis.sentences[mention.sentence].text
        after = verbs.match(text[mention.end :].lstrip(" ,"))
        before = re.search(rf"(?:{verbs.pattern})\s*$", text[: mention.start], re.IGNORECASE)
        if after or before:
            person = analysis.person_for(mention.text) if mention.kind == "person" else None
            facts.voiced.add(fold(person.name if person else mention.text))
    counts: dict[str, int] = {}
    order: list[str] = []
    for mention in analysis.mentions:
        if mention.kind == "place" and fold(mention.text) in COUNTRY_BY_CAPITAL:
            if mention.text not in counts:
                order.append(mention.text)
            counts[mention.text] = counts.get(mention.text, 0) + 1
    facts.silent_actors = [(name, counts[name]) for name in order if fold(name) not in facts.voiced]


# --- hedges ---------------------------------------------------------------------------------------


def _hedges(analysis: Analysis) -> list[Hedge]:
    hedges: list[Hedge] = []
    verbs = REPORTING_FORMS[analysis.language]
    for sentence in analysis.sentences:
        text = sentence.text
        source_match = UNNAMED_SOURCES[analysis.language].search(text)
        cues: list[str] = []
        for match in HEDGE_WORDS[analysis.language].finditer(text):
            # "ils avaient indiqué que les deux pays se retrouveraient": tense agreement, no hedge.
            reported = verbs.search(text[: match.start()])
            if reported and re.search(
                r"\b(?:que|qu'|that)\b", text[reported.end() : match.start()]
            ):
                continue
            if analysis.language == "en" and match.group(0).lower() in ("may", "would"):
                continue  # too often a month or a plain future-in-the-past
            cues.append(match.group(0))
        if source_match or cues:
            source = source_match.group(0) if source_match else None
            if source and analysis.language == "fr":
                source = source[0].upper() + source[1:] if text.startswith(source) else source
            hedges.append(Hedge(sentence.index, text, tuple(dict.fromkeys(cues)), source))
    return hedges


# --- places, dates, numbers, meetings, causes -----------------------------------------------------


_OTHER_NAME = {
    "fr": re.compile(
        r"(?:que|qu') (?P<who>[A-ZÀ-Þ][\w-]+|(?:les |la |le |l')[\w' -]{3,40}?) "
        r"(?:appellent|appelle|nomment|nomme|surnomment|surnomme|désigne comme)"
        r" (?P<other>(?:les |la |le |l')?\"?[^\",.;]+\"?)"
    ),
    "en": re.compile(
        r"(?:which|that|what) (?P<who>[A-Z][\w-]+|(?:the |local |some )?[\w -]{3,40}?) "
        r"(?:calls|call|names|name|refers? to as)"
        r" (?P<other>(?:the )?\"?[^\",.;]+\"?)"
        r"|known (?:in|to) (?P<who2>[A-Z][\w-]+) as (?P<other2>(?:the )?\"?[^\",.;]+\"?)"
    ),
}
_PLACE_LEAD = re.compile(
    r"(?:(?:les |la |le |l')?(?:îles?|archipel(?: des?)?|mer|région|province|islands?|the)\s)$",
    re.IGNORECASE,
)


def _place_start(text: str, start: int) -> int:
    """Where a place's name starts with its lead words: "les îles Kouriles", not "Kouriles"."""
    lead = _PLACE_LEAD.search(text[:start])
    start = lead.start() if lead else start
    article = re.search(r"(?:\b(?:les|la|le|the) |\bl')$", text[:start])
    return article.start() if article else start


def _other_names(analysis: Analysis) -> list[OtherName]:
    found: list[OtherName] = []
    for sentence in analysis.sentences:
        for match in _OTHER_NAME[analysis.language].finditer(sentence.text):
            who = match.group("who") or match.groupdict().get("who2")
            other = (match.group("other") or match.groupdict().get("other2") or "").strip()
            places = [
                m
                for m in analysis.mentions_in(sentence.index, "place")
                if m.end <= match.start()
                and fold(m.text) not in (fold(who or ""),)
                and not country_named(m.text)
            ]
            if not places or not who:
                continue
            place = places[-1]
            start = _place_start(sentence.text, place.start)
            name = sentence.text[start : place.end]
            evidence = sentence.text[start : match.end()]
            found.append(OtherName(name, other.replace('"', ""), who, evidence, sentence.index))
    return found


_DISPUTE = {
    "fr": re.compile(
        r"\b(?:s'affrontent|s'opposent|se disputent|revendiquent|se querellent)"
        r"(?: toujours| encore| depuis des années)? (?:sur|à propos de|au sujet de|pour)?\s?",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:dispute|disputes|disputed|contest|contests|contested|both claim|are at odds over)"
        r"(?: over| about)?\s",
        re.IGNORECASE,
    ),
}


def _disputes(analysis: Analysis) -> list[Dispute]:
    """Sides (places or countries named before the verb) and the named place just after it."""
    found: list[Dispute] = []
    for sentence in analysis.sentences:
        match = _DISPUTE[analysis.language].search(sentence.text)
        if not match:
            continue
        places = analysis.mentions_in(sentence.index, "place")
        sides = tuple(m.text for m in places if m.end <= match.start())
        after = [m for m in places if match.end() <= m.start < match.end() + 25]
        if len(sides) < 2 or not after:
            continue
        target = after[0]
        start = max(_place_start(sentence.text, target.start), match.end())
        name = sentence.text[start : target.end]
        evidence = sentence.text[sentence.text.find(sides[0]) : target.end]
        found.append(Dispute(sides[-2:], name, evidence, sentence.index))
    return found


def _places(analysis: Analysis) -> list[str]:
    seen: dict[str, str] = {}
    for mention in analysis.mentions:
        if mention.kind == "place":
            seen.setdefault(fold(mention.text), mention.text)
    return list(seen.values())


_RELATIVE_DAYS = {
    "fr": {"hier": -1, "aujourd'hui": 0, "demain": 1, "avant-hier": -2},
    "en": {"yesterday": -1, "today": 0, "tomorrow": 1},
}


def _dates(analysis: Analysis, reference: date | None) -> list[DateMention]:
    language = analysis.language
    weekdays = {fold(d): i for i, d in enumerate(WEEKDAYS[language])}
    day_words = "|".join([*WEEKDAYS[language], *_RELATIVE_DAYS[language]])
    months = "|".join(MONTHS[language])
    found: list[DateMention] = []
    for sentence in analysis.sentences:
        text = sentence.text
        taken: list[tuple[int, int]] = []
        for full_date, written in find_dates(text, language):
            start = text.find(written)
            taken.append((start, start + len(written)))
            found.append(DateMention(written, full_date, sentence.index, written))
        for match in re.finditer(rf"\b(?:{day_words})\b", text, re.IGNORECASE):
            if any(s <= match.start() < e for s, e in taken):
                continue
            word = fold(match.group(0))
            value: date | None = None
            if reference is not None and not _points_forward(sentence, match, language):
                if word in weekdays:
                    back = (reference.weekday() - weekdays[word]) % 7
                    value = reference - timedelta(days=back)
                else:
                    value = reference + timedelta(days=_RELATIVE_DAYS[language][word])
            found.append(DateMention(match.group(0), value, sentence.index, _window(text, match)))
        for match in re.finditer(
            rf"\b(?:(?:début|fin|mi-|courant|early|late|mid-)\s?(?:{months})?\s?)?(?:19|20)\d\d\b",
            text,
            re.IGNORECASE,
        ):
            if any(s <= match.start() < e for s, e in taken):
                continue
            found.append(DateMention(match.group(0), None, sentence.index, _window(text, match)))
    return found


_FORWARD_BEFORE = re.compile(
    r"(?:d'ici|dès|jusqu'à|jusqu'au|avant|à partir de|by|until|before|from|next|this coming)\s*$",
    re.IGNORECASE,
)
_FORWARD_AFTER = re.compile(r"^\s*(?:prochain|prochaine|next)\b", re.IGNORECASE)
_FUTURE_WORDS = re.compile(r"\b(?:will|shall|won't|'ll)\b", re.IGNORECASE)


def _points_forward(sentence: Sentence, match: re.Match[str], language: str) -> bool:
    """A weekday that may lie after the article's date: "d'ici lundi", "next Monday", a future
    tense in the sentence. Such a day cannot be dated by counting back, so it is left undated."""
    text = sentence.text
    if _FORWARD_BEFORE.search(text[: match.start()]) or _FORWARD_AFTER.match(text[match.end() :]):
        return True
    if language == "en" and _FUTURE_WORDS.search(text):
        return True
    return any("Fut" in token.morph.get("Tense", []) for token in sentence.span)


def _window(text: str, match: re.Match[str], words: int = 5) -> str:
    """The match with a few words either side, cut on word boundaries: a short evidence quote."""
    before = text[: match.start()].split(" ")
    after = text[match.end() :].split(" ")
    left = " ".join(before[-words:]) if len(before) > 1 else before[0]
    right = " ".join(after[: words + 1])
    return (left + match.group(0) + right).strip(" ,;:")


_REFERRING_WORDS = frozenset(
    [
        "les",
        "des",
        "ces",
        "leurs",
        "ses",
        "nos",
        "vos",
        "mes",
        "tes",
        "the",
        "these",
        "those",
        "their",
        "our",
        "his",
        "her",
        "its",
        "both",
    ]
)


def _numbers(analysis: Analysis) -> list[NumberMention]:
    words = NUMBER_WORDS[analysis.language]
    number = r"\d+(?:[ .,]\d{3})*|" + "|".join(words)
    pattern = re.compile(
        rf"(?<![\w+-])(?P<n>{number})\s+(?P<noun>[a-zà-ÿ][a-zà-ÿ-]{{2,}})", re.IGNORECASE
    )
    months = {fold(m) for m in MONTHS[analysis.language]}
    found: list[NumberMention] = []
    for sentence in analysis.sentences:
        for match in pattern.finditer(sentence.text):
            raw, noun = match.group("n"), match.group("noun")
            before = sentence.text[: match.start()].rstrip().split(" ")[-1:] or [""]
            if fold(before[0]) in _REFERRING_WORDS:
                continue  # "les deux pays", "nos deux économies": a reference, not a figure
            if (
                fold(noun) in months
                or fold(noun) in ("fois", "times")
                or re.fullmatch(r"(?:19|20)\d\d", raw)
            ):
                continue
            value = words.get(raw.lower()) or int(re.sub(r"\D", "", raw) or 0)
            if value < 2:
                continue
            found.append(
                NumberMention(value, raw, noun, sentence.index, _window(sentence.text, match, 4))
            )
    return found


def _meetings(analysis: Analysis, dates: list[DateMention]) -> list[Meeting]:
    found: list[Meeting] = []
    for sentence in analysis.sentences:
        cue = MEETING_WORDS[analysis.language].search(sentence.text)
        people = [
            analysis.person_for(m.text) for m in analysis.mentions_in(sentence.index, "person")
        ]
        participants = tuple(dict.fromkeys(p for p in people if p is not None))
        if not cue or len(participants) < 2:
            continue
        place = None
        for mention in analysis.mentions_in(sentence.index, "place"):
            lead = sentence.text[max(0, mention.start - 3) : mention.start]
            if lead in (" à ", " a ", "in ") or lead.endswith((" à ", " in ")):
                place = mention.text
                break  # the first "à X" of the sentence: "…à Genève avant de rentrer à Moscou"
        when = next((d for d in dates if d.sentence == sentence.index), None) or next(
            (d for d in dates if d.sentence == 0), None
        )
        found.append(Meeting(participants, place, sentence.index, sentence.text, when))
    return found


_CAUSE_CUES = {
    "fr": r"en raison (?:de |du |des |d')|à cause (?:de |du |des |d')|parce qu'|parce que ",
    "en": r"because of |due to |owing to |because ",
}
_ARTICLE_FOR_CHOICE = {"de ": "", "du ": "le ", "des ": "les ", "d'": "", "of ": "", "to ": ""}


def _causes(analysis: Analysis) -> list[Cause]:
    found: list[Cause] = []
    for sentence in analysis.sentences:
        for match in re.finditer(_CAUSE_CUES[analysis.language], sentence.text):
            rest = sentence.text[match.end() :]
            cause = re.split(r"[,.;:]| et alors | and while ", rest)[0].strip()
            words = cause.split()
            if not 2 <= len(words) <= 12:
                continue
            # The effect is the clause the cue ends: from the last comma or quote mark before it.
            head = re.split(r"[,;:\"«»]", sentence.text[: match.start()])[-1]
            effect = " ".join(head.split()[-12:])
            if len(effect.split()) < 3:
                continue
            evidence = f"{effect} {match.group(0)}{cause}".strip()
            if evidence not in sentence.text:
                continue
            found.append(Cause(effect, match.group(0), cause, sentence.index, evidence))
    return found


_FIRST = {
    "fr": re.compile(
        r"\b(?:premi[eè]re? (?:rencontre|réunion|visite|fois)|pour la première fois|inédite?s?)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:first (?:meeting|visit|time|ever)|for the first time|unprecedented)\b", re.IGNORECASE
    ),
}


def _firsts(analysis: Analysis) -> list[Sentence]:
    return [s for s in analysis.sentences if _FIRST[analysis.language].search(s.text)]
