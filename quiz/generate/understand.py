"""Stage 2, understand: parse the body once and repair what a small model gets wrong on news.

The repairs: sentences cut inside a « quote » or before a lower-case "que…" are joined again;
"M. Lavrov" and "Lavrov" are merged with "Sergueï Lavrov"; a surname tagged as a place is a
person again; a role tagged as an organisation ("ministre japonais des Affaires étrangères") is
dropped from the organisations; without a trained English model, names are found by rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from quiz.generate.languages import LanguageProfile
from quiz.generate.languages.base import alternation, spaced
from quiz.generate.lexicon import AGENCIES, country_named, fold
from quiz.generate.nlp import LanguageModel

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MentionKind = Literal["person", "place", "org", "group"]


@dataclass(frozen=True)
class Sentence:
    index: int
    paragraph: int
    text: str
    span: Span
    """The sentence's tokens (a slice of its paragraph's parse)."""


@dataclass(frozen=True)
class Mention:
    kind: MentionKind
    text: str
    sentence: int
    start: int
    """Character offset within the sentence's text."""
    end: int


_SURNAME_PARTICLES = frozenset(
    spaced("van von de du des der den da di del della le la ni o mac mc ben bin ibn al el")
)


@dataclass(eq=False)
class Person:
    """One person of the story; compared by identity (two mentions, one person)."""

    name: str
    """The fullest form the article gives ("Sergueï Lavrov")."""
    mentions: list[Mention] = field(default_factory=list)
    titled: bool = False
    """Named once with an honorific ("M. Sarrazin", "Dr Pugh-Evans")."""

    @property
    def reliable(self) -> bool:
        """Surely a person: a first name and a surname, or an honorific. A lone capitalised word
        ("Valmoris", "Illex") is as often a firm, a product or a species."""
        if re.match(r"^[LDld]['’]", self.name):
            return False  # "L'Horizon": an article glued to a name is a title, not a person
        return len(self.name.split()) >= 2 or self.titled

    @property
    def surname(self) -> str:
        """The family name, with its particle: "van Loon", "Ní Bhriain", "de Wolff"."""
        words = self.name.split()
        for at in range(1, len(words) - 1):
            if fold(words[at]) in _SURNAME_PARTICLES:
                return " ".join(words[at:])
        return words[-1]

    @property
    def forms(self) -> set[str]:
        """Every way the article writes this person ("M. Lavrov", "Sergueï Lavrov"…)."""
        return {m.text for m in self.mentions} | {self.name}

    @property
    def first_sentence(self) -> int:
        return min((m.sentence for m in self.mentions), default=0)


@dataclass
class Analysis:
    profile: LanguageProfile
    degraded: bool
    sentences: list[Sentence]
    mentions: list[Mention]
    persons: list[Person]

    @property
    def language(self) -> str:
        return self.profile.code

    def person_for(self, text: str) -> Person | None:
        """The person a mention's text refers to ("M. Kishida" → Fumio Kishida)."""
        key = fold(_strip_honorific(text, self.profile))
        for person in self.persons:
            if key in {fold(_strip_honorific(f, self.profile)) for f in person.forms}:
                return person
        for person in self.persons:
            if key == fold(person.surname):
                return person
        # "M. de Wolff" for "Pieter de Wolff": the end of the full name.
        ends = [p for p in self.persons if fold(p.name).endswith(" " + key)]
        return ends[0] if len(ends) == 1 else None

    def mentions_in(self, sentence: int, kind: MentionKind | None = None) -> list[Mention]:
        return [
            m for m in self.mentions if m.sentence == sentence and (kind is None or m.kind == kind)
        ]


def analyse(paragraphs: list[str], model: LanguageModel) -> Analysis:
    """Parse the body paragraphs (one `nlp.pipe` pass) and build the repaired analysis."""
    profile = model.profile
    docs = list(model.nlp.pipe(paragraphs))
    sentences = _sentences(docs)
    mentions = _mentions(sentences, model)
    persons = _cluster_persons(mentions, profile)
    mentions = _repair_person_mentions(mentions, persons, sentences, profile)
    persons = _cluster_persons(mentions, profile)
    mentions = _surname_mentions(mentions, persons, sentences)
    persons = _cluster_persons(mentions, profile)
    return Analysis(profile, model.degraded, sentences, mentions, persons)


# --- sentences ----------------------------------------------------------------------------------

_ENDS_SENTENCE = re.compile(r'[.!?…]["»)]?\s*$|[.!?]\s*["»]\s*$')


def _quotes_open(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("«") > text.count("»")


def _sentences(docs: Iterable[Doc]) -> list[Sentence]:
    """spaCy's sentences, joined again where a small model cut inside a quote or a clause."""
    result: list[Sentence] = []
    for paragraph, doc in enumerate(docs):
        pieces = [(s.start, s.end) for s in doc.sents]
        # An opening quote mark left at the end of a sentence belongs to the next one.
        for i in range(len(pieces) - 1):
            start, end = pieces[i]
            last = doc[end - 1].text
            if end - 1 > start and (
                last == "«" or (last == '"' and doc[start:end].text.count('"') % 2 == 1)
            ):
                pieces[i] = (start, end - 1)
                pieces[i + 1] = (end - 1, pieces[i + 1][1])
        merged: list[tuple[int, int]] = []
        for start, end in pieces:
            if merged:
                previous = doc[merged[-1][0] : merged[-1][1]].text
                first = doc[start].text
                if (
                    _quotes_open(previous)
                    or first[:1].islower()
                    or not _ENDS_SENTENCE.search(previous)
                ):
                    merged[-1] = (merged[-1][0], end)
                    continue
            merged.append((start, end))
        for start, end in merged:
            span = doc[start:end]
            result.append(Sentence(len(result), paragraph, span.text.strip(), span))
    return result


# --- mentions -----------------------------------------------------------------------------------


def _kind(label: str, profile: LanguageProfile) -> MentionKind | None:
    kind = profile.label_kinds.get(label)
    return kind if kind in ("person", "place", "org", "group") else None  # type: ignore[return-value]


def _title_words(profile: LanguageProfile) -> set[str]:
    return {w for title in profile.titles for w in fold(title).split()}


def _mentions(sentences: list[Sentence], model: LanguageModel) -> list[Mention]:
    profile = model.profile
    titles = _title_words(profile)
    mentions: list[Mention] = []
    for sentence in sentences:
        offset = sentence.span.start_char
        lead = len(sentence.span.text) - len(sentence.span.text.lstrip())
        for entity in sentence.span.ents:
            kind = _kind(entity.label_, profile)
            text = entity.text.strip(" ,.;:")
            if kind is None or not text:
                continue
            if kind in ("org", "group") and (text[0].islower() or fold(text.split()[0]) in titles):
                # A role ("ministre japonais des Affaires…"), not an organisation; with a name
                # at its end ("Premier ministre serbe Milan Kovač"), a person.
                start = entity.start_char - offset - lead
                named = _person_or_not(
                    Mention("person", text, sentence.index, start, start + len(text)),
                    profile,
                    titles,
                    sentence.text,
                )
                if (
                    named is not None
                    and named.kind == "person"
                    and 2 <= len(named.text.split()) <= 4
                    and all(
                        w[:1].isupper() or fold(w) in _SURNAME_PARTICLES for w in named.text.split()
                    )
                    and any(fold(w) in titles for w in text[: named.start - start].split())
                ):
                    mentions.append(named)
                continue
            if kind == "place" and fold(text) in {fold(m) for m in profile.months}:
                continue
            start = entity.start_char - offset - lead
            found: Mention | None = Mention(kind, text, sentence.index, start, start + len(text))
            if kind == "person" and found is not None:
                found = _person_or_not(found, profile, titles, sentence.text)
            if found is not None:
                mentions.append(found)
        if model.degraded:
            by_rules = _rule_persons(sentence, mentions, titles, profile)
            known = {(m.sentence, m.text) for m in mentions}
            mentions.extend(m for m in by_rules if (m.sentence, m.text) not in known)
    if model.degraded:
        mentions = _confirmed_rule_persons(mentions, sentences, profile)
    return mentions


def _person_or_not(
    mention: Mention, profile: LanguageProfile, titles: set[str], sentence_text: str = ""
) -> Mention | None:
    """A person mention cleaned of what a model glues to a name — a title or a demonym before it
    ("Premier ministre serbe X"), a parenthesis ("Prénom) Nom"), a possessive — or, when it names
    an organisation ("Collectif Urgences Rurales", "Calderbrook Rovers"), an organisation."""
    text, start = mention.text, mention.start
    if "(" in text or ")" in text:
        cut = max(text.rfind("("), text.rfind(")"))
        text, start = text[cut + 1 :], start + cut + 1
        stripped = text.lstrip(" ")
        start += len(text) - len(stripped)
        text = stripped
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    rest = sentence_text[mention.end :] if sentence_text else ""
    joined = re.match(r"-[A-ZÀ-Þ][\w'’]+", rest)
    if joined:
        text += joined.group(0)  # "Marchal" + "-Duval": a model cut the name at its hyphen
    words = text.split()
    while words and (
        fold(words[0]) in titles
        or words[0][:1].islower()
        or fold(words[0]) in profile.not_names
        or (country_named(words[0], profile.code) and len(words) > 2)
    ):
        start += len(words[0]) + 1
        words = words[1:]
    text = " ".join(words)
    if not text or not text[0].isupper():
        return None
    if any(fold(w.strip(".,")) in profile.organisation_words for w in words):
        return Mention("org", text, mention.sentence, start, start + len(text))
    return Mention("person", text, mention.sentence, start, start + len(text))


_CAPITALISED_RUN = re.compile(
    r"\b[A-ZÀ-Þ][\wà-ÿ'’]+(?:-[A-ZÀ-Þ]?[\wà-ÿ'’]+)*"
    r"(?:\s+(?:(?:van|von|de|der|den|da|di|du|le|la|Ní|Ó|Mac|Mc)\s+)?[A-ZÀ-Þ][\wà-ÿ'’]+(?:-[A-ZÀ-Þ]?[\wà-ÿ'’]+)*){1,5}\b"
)


def _rule_persons(
    sentence: Sentence, found: list[Mention], titles: set[str], profile: LanguageProfile
) -> list[Mention]:
    """Without a trained model: runs of capitalised words, less places, titles, months, agencies.

    These are candidates only: `_confirmed_rule_persons` keeps those the text shows are people.
    """
    taken = [(m.start, m.end) for m in found if m.sentence == sentence.index]
    skip = {fold(w) for w in (*profile.months, *profile.weekdays, *AGENCIES)}
    result: list[Mention] = []
    for match in _CAPITALISED_RUN.finditer(sentence.text):
        words = match.group(0).split()
        if fold(words[0]) in profile.place_words or fold(words[-1]) in profile.place_words:
            start = sentence.text.find(match.group(0))
            result.append(
                Mention("place", match.group(0), sentence.index, start, start + len(match.group(0)))
            )
            continue
        # "Ethiopian Water Minister Dawit Alemu": the name is what follows the last title word.
        last_title = max((i for i, w in enumerate(words) if fold(w) in titles), default=-1)
        if any(fold(w.strip(".,")) in profile.organisation_words for w in words[last_title + 1 :]):
            start = match.start()
            result.append(Mention("org", match.group(0), sentence.index, start, match.end()))
            continue
        words = words[last_title + 1 :]
        while words and (
            fold(words[0]) in profile.not_names or country_named(words[0], profile.code)
        ):
            words = words[1:]
        if len(words) < 2 or len(words) > 4:
            continue
        if any(
            fold(w) in skip or country_named(w, profile.code) or fold(w) in profile.not_names
            for w in words
        ):
            continue
        text = " ".join(words)
        start = sentence.text.find(text, match.start())
        end = start + len(text)
        if any(s < end and start < e for s, e in taken):
            continue
        result.append(Mention("person", text, sentence.index, start, end))
    return result


def _confirmed_rule_persons(
    mentions: list[Mention], sentences: list[Sentence], profile: LanguageProfile
) -> list[Mention]:
    """Keep a rules-found name as a person only when the text shows one somewhere: an honorific
    or a title just before it, a role in apposition after it, a reporting verb next to it, or
    its surname alone as a subject ("Kowal said"). Anything else may be a firm or a place."""
    titles = alternation(profile.titles)
    honorifics = "|".join(re.escape(h) for h in profile.honorifics)
    affiliations = alternation(w for w in profile.not_names if len(w) > 3)
    confirmed: set[str] = set()
    candidates = [m for m in mentions if m.kind == "person"]
    for mention in candidates:
        text = sentences[mention.sentence].text
        before = text[: mention.start]
        after = text[mention.end :]
        surname = mention.text.split()[-1]
        if (
            re.search(
                rf"(?:\b(?:{honorifics})|\b(?i:{titles})|\b(?i:{affiliations}))\s*,?\s*$", before
            )
            or re.match(rf"^,\s+(?:(?i:a|an|the|who|whose)\s+|\d{{1,3}},|(?i:{titles})\b)", after)
            or profile.reporting.match(after.lstrip(" ,"))
            or re.search(
                rf"(?:{profile.reporting.pattern})[^.;:«»\"]{{0,60}},\s*$|"
                rf"(?:{profile.reporting.pattern})\s*,?\s*$",
                before,
                re.IGNORECASE,
            )
            or re.search(
                rf"\b(?:{honorifics})\s+{re.escape(surname)}\b", " ".join(s.text for s in sentences)
            )
            or any(
                re.match(rf"\s*,?\s*(?:{profile.reporting.pattern})", s.text[m.end() :], re.I)
                for s in sentences
                for m in re.finditer(rf"(?:^|(?<=[.!?] ))\b{re.escape(surname)}\b", s.text)
            )
        ):
            confirmed.add(fold(mention.text))
            confirmed.add(fold(surname))
    kept: list[Mention] = []
    for mention in mentions:
        unconfirmed = fold(mention.text) not in confirmed and (
            fold(mention.text.split()[-1]) not in confirmed
        )
        if mention.kind == "person" and unconfirmed:
            continue
        kept.append(mention)
    return kept


def _strip_honorific(text: str, profile: LanguageProfile) -> str:
    for honorific in profile.honorifics:
        if text.startswith(honorific + " "):
            return text[len(honorific) + 1 :].strip()
    return text


def _cluster_persons(mentions: list[Mention], profile: LanguageProfile) -> list[Person]:
    """One person per full name; "M. Lavrov" and "Lavrov" join the full name with that surname."""
    persons: list[Person] = []
    by_name: dict[str, Person] = {}
    person_mentions = [m for m in mentions if m.kind == "person"]
    for mention in person_mentions:
        name = _strip_honorific(mention.text, profile)
        if len(name.split()) >= 2 and fold(name) not in by_name:
            person = Person(name)
            by_name[fold(name)] = person
            persons.append(person)
    for mention in person_mentions:
        name = _strip_honorific(mention.text, profile)
        if fold(name) in by_name:
            by_name[fold(name)].mentions.append(mention)
            continue
        same_surname = [p for p in persons if fold(p.surname) == fold(name.split()[-1])]
        if len(same_surname) == 1:
            same_surname[0].mentions.append(mention)
        else:
            person = Person(mention.text if mention.text != name else name)
            by_name[fold(name)] = person
            person.mentions.append(mention)
            persons.append(person)
    persons = _merge_partial_names(persons)
    for person in persons:
        person.titled = any(_strip_honorific(m.text, profile) != m.text for m in person.mentions)
    persons.sort(key=lambda p: (p.first_sentence, p.name))
    return persons


def _merge_partial_names(persons: list[Person]) -> list[Person]:
    """ "Ní Bhriain" is "Gráinne Ní Bhriain", "Rhian Pugh" a cut "Rhian Pugh-Evans": a name that
    ends another, or starts it before a hyphen, is the same person when only one name fits."""
    kept: list[Person] = []
    for person in sorted(persons, key=lambda p: -len(p.name)):
        short = fold(person.name)
        longer = [
            p
            for p in kept
            if fold(p.name).endswith(" " + short) or fold(p.name).startswith(short + "-")
        ]
        if len(longer) == 1:
            longer[0].mentions.extend(person.mentions)
        else:
            kept.append(person)
    return kept


def _repair_person_mentions(
    mentions: list[Mention],
    persons: list[Person],
    sentences: list[Sentence],
    profile: LanguageProfile,
) -> list[Mention]:
    """Fix a small model's labels with what the rest of the article says about a name.

    "Tomás Rivas" tagged as an organisation is a person when the article also writes "M. Rivas";
    "Kishida" tagged as a place is a person when "Fumio Kishida" is one; a lone capitalised word
    tagged as a person right after "à"/"in" ("a reçu à Bergen") is a place.
    """
    surnames = {fold(p.surname) for p in persons if len(p.name.split()) >= 2}
    surnames |= {
        fold(_strip_honorific(m.text, profile))
        for m in mentions
        if m.kind == "person" and _strip_honorific(m.text, profile) != m.text
    }
    repaired: list[Mention] = []
    for mention in mentions:
        words = _strip_honorific(mention.text, profile).split()
        if (
            mention.kind != "person"
            and 1 <= len(words) <= 3
            and all(w[:1].isupper() for w in words)
            and fold(words[-1]) in surnames
        ):
            repaired.append(
                Mention("person", mention.text, mention.sentence, mention.start, mention.end)
            )
            continue
        if mention.kind == "person" and len(words) == 1 and mention.text == words[0]:
            before = sentences[mention.sentence].text[: mention.start]
            if fold(words[0]) not in surnames and profile.place_prepositions.search(before):
                repaired.append(
                    Mention("place", mention.text, mention.sentence, mention.start, mention.end)
                )
                continue
        repaired.append(mention)
    return repaired


def _surname_mentions(
    mentions: list[Mention], persons: list[Person], sentences: list[Sentence]
) -> list[Mention]:
    """Bare surnames the model missed ("Wekesa told reporters") become mentions of their person."""
    full = [p for p in persons if len(p.name.split()) >= 2]
    if not full:
        return mentions
    added = list(mentions)
    for sentence in sentences:
        taken = [(m.start, m.end) for m in mentions if m.sentence == sentence.index]
        for person in full:
            for match in re.finditer(rf"\b{re.escape(person.surname)}\b", sentence.text):
                if any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
                    continue
                added.append(
                    Mention("person", match.group(0), sentence.index, match.start(), match.end())
                )
                taken.append(match.span())
    added.sort(key=lambda m: (m.sentence, m.start))
    return added
