"""How right are the generator's keys on articles it was not built on? Scored against gold files.

The development corpus (`tests/data/articles/corpus/{fr,en}/`) holds news articles written blind
(by writers who never read the generator) with, beside each, a gold file of what a careful reader
knows: people and whether they speak, every quote and its speaker, furniture lines, hedges, unnamed
sources, weekday dates, numbers, key facts (`NN-slug.gold.yaml`, see the corpus's SOURCES.md).

This script runs the real generator on each article and judges every question it can from the
question's content: the key against the gold (right, wrong, or unchecked when the gold cannot
tell), then whether a teacher could keep the question as it is (right key, no true distractor, no
answer given away, no garbled choice, one question per sentence). It prints precision per template
and per language, the keepable share, the key facts asked, and questions and skills per article,
for the development articles and the held-out ones separately (articles 13 to 16 of each language
were set aside before anyone read them: they are never tuned on).

    python benchmarks/score_generator.py                   # the corpus in tests/data
    python benchmarks/score_generator.py --details         # every wrong or unkeepable question
    python benchmarks/score_generator.py --all             # low-confidence questions too, and
                                                           # how confidence predicts rightness
    python benchmarks/score_generator.py --corpus DIR ...  # other folders of articles + gold
    python benchmarks/score_generator.py --held-out        # the held-out articles' figures too
                                                           # (for the final report only)

`tests/generate/test_corpus_scores.py` runs the same scoring and gates the figures.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from quiz.core.models import (  # noqa: E402
    CategorizeQuestion,
    HighlightQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    QuestionBase,
    SingleChoiceQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.core.text import normalise_answer, normalise_for_search  # noqa: E402
from quiz.generate import Article, GenerationError, Generator  # noqa: E402
from quiz.generate.languages import PROFILES  # noqa: E402
from quiz.generate.lexicon import country_named, fold  # noqa: E402
from quiz.generate.questions import format_date  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "articles" / "corpus"
HELD_OUT = frozenset({13, 14, 15, 16})
"""Article numbers set aside in each language before the articles were written or read."""

STORY_SKILLS = frozenset(
    {"comprehension", "context", "attribution", "fact_vs_opinion", "missing_voices", "language"}
)

RIGHT, WRONG, UNCHECKED = "right", "wrong", "unchecked"


# --- reading the corpus -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusArticle:
    path: Path
    gold: dict[str, Any]
    number: int

    @property
    def language(self) -> str:
        return str(self.gold["language"])

    @property
    def held_out(self) -> bool:
        return self.number in HELD_OUT

    @property
    def split(self) -> str:
        return "held-out" if self.held_out else "dev"


def corpus_articles(folders: Iterable[Path]) -> list[CorpusArticle]:
    """Every article with a gold file beside it, in the given folders (searched recursively)."""
    found: list[CorpusArticle] = []
    for folder in folders:
        for gold_path in sorted(folder.rglob("*.gold.yaml")):
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
            source = gold_path.parent / str(gold["source"])
            number = int(re.match(r"\d+", source.name).group(0)) if source.name[0].isdigit() else 0  # type: ignore[union-attr]
            found.append(CorpusArticle(source, gold, number))
    return found


# --- comparing texts --------------------------------------------------------------------------------


def norm(text: object) -> str:
    """Case, accents, quote marks, spaces and edge punctuation do not count."""
    return normalise_answer(str(text)).replace("’", "'")


def loose(text: object) -> str:
    """`norm`, with every quote mark and ellipsis dropped: for comparing quoted words."""
    return re.sub(r"\s+", " ", re.sub(r"[\"«»“”…]|\.\.\.", " ", norm(text))).strip()


def contains(outer: object, inner: object) -> bool:
    small = loose(inner)
    return bool(small) and small in loose(outer)


def overlaps(a: object, b: object) -> bool:
    return contains(a, b) or contains(b, a)


def words_of(text: object) -> list[str]:
    return re.findall(r"[\w'-]+", loose(text))


_TEMPLATE_FIELD = re.compile(r"\{(\w+)\}")


def parse_prompt(language: str, key: str, text: str) -> dict[str, str] | None:
    """The values a template's fields were filled with, read back from the written text."""
    template = PROFILES[language].texts[key]
    pattern = ""
    last = 0
    for match in _TEMPLATE_FIELD.finditer(template):
        pattern += re.escape(template[last : match.start()]) + f"(?P<{match.group(1)}>.+?)"
        last = match.end()
    pattern += re.escape(template[last:])
    found = re.fullmatch(pattern, text, re.DOTALL)
    return found.groupdict() if found else None


def _number_table(pairs: str) -> dict[str, int]:
    return {word: int(value) for word, value in (pair.split("=") for pair in pairs.split())}


_NUMBER_WORDS = {
    "fr": _number_table(
        "un=1 une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 "
        "douze=12 treize=13 quatorze=14 quinze=15 seize=16 vingt=20 trente=30 quarante=40 "
        "cinquante=50 soixante=60 cent=100 mille=1000 dizaine=10 douzaine=12 quinzaine=15 "
        "vingtaine=20 trentaine=30 centaine=100"
    ),
    "en": _number_table(
        "one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 "
        "twelve=12 thirteen=13 fourteen=14 fifteen=15 sixteen=16 twenty=20 thirty=30 forty=40 "
        "fifty=50 hundred=100 thousand=1000 dozen=12"
    ),
}
"""Numbers written in words, as the gold and the articles write them."""


def parse_number(text: str, language: str) -> float | None:
    """ "2,300" (en), "2 300" or "2.300" (fr), "1,5" (fr), "30 %", "dix", "une quinzaine"."""
    words = _NUMBER_WORDS[language]
    text = text.strip().replace("\u202f", " ").replace("\xa0", " ")
    for word, value in words.items():
        if re.search(rf"\b{word}\b", fold(text)):
            return float(value)
    digits = re.search(r"\d[\d ,.]*", text)
    if not digits:
        return None
    raw = digits.group(0).strip(" ,.")
    if language == "en":
        raw = raw.replace(",", "").replace(" ", "")
    else:
        raw = raw.replace(" ", "")
        raw = raw.replace(".", "") if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw) else raw
        raw = raw.replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return None


# --- the gold, as the judges ask it -----------------------------------------------------------------


@dataclass
class Gold:
    data: dict[str, Any]
    language: str

    def list(self, name: str) -> list[Any]:
        return list(self.data.get(name) or [])

    def person(self, name: str) -> dict[str, Any] | None:
        """The gold person a written name refers to (full name, surname, "M. X"…)."""
        wanted = norm(name)
        if not wanted:
            return None
        for person in self.list("people"):
            forms = [person["name"], *(person.get("also") or [])]
            if wanted in {norm(f) for f in forms}:
                return person
        return None

    def people_named(self, text: str) -> list[dict[str, Any]]:
        return [p for p in self.list("people") if any(contains(text, f) for f in _forms(p))]

    def quote(self, words: str) -> dict[str, Any] | None:
        """The gold quote whose words these are (the prompt may shorten them with "…")."""
        head = loose(words.rstrip("…").rstrip(". "))
        if len(head) < 8:
            return None
        best = None
        for quote in self.list("quotes"):
            text = loose(quote["text"])
            matches = head in text or text in head
            if matches and (best is None or len(text) < len(loose(best["text"]))):
                best = quote
        return best

    def is_furniture(self, line: str) -> bool:
        """A line (or a label at the start of one) the gold lists as site furniture."""
        key = loose(line)
        return bool(key) and any(
            loose(f) == key or loose(f).startswith(key + " ") or loose(f).startswith(key + ":")
            for f in self.list("furniture")
        )

    def is_story(self, text: str) -> bool:
        """Not furniture, not packaging: words of the story itself."""
        key = loose(text)
        return bool(key) and not any(
            contains(f, key) or (len(words_of(f)) >= 6 and contains(key, f))
            for f in [*self.list("furniture"), *self.list("page_meta")]
        )

    def unnamed(self, phrase: str) -> bool:
        return any(overlaps(u, phrase) for u in self.list("unnamed_sources"))

    def speaks(self, person: dict[str, Any]) -> str:
        return str(person.get("speaks") or "none")


_HONORIFICS = ("M.", "Mme", "Me", "Dr", "Mr", "Mrs", "Ms", "Dr.", "Professor", "Cllr", "Pr")


def _forms(person: dict[str, Any]) -> list[str]:
    return [person["name"], *(person.get("also") or [])]


def _same_person(gold: Gold, a: str, b: str) -> bool:
    first, second = gold.person(a), gold.person(b)
    return first is not None and first is second


# --- judging one question ---------------------------------------------------------------------------


@dataclass
class Verdict:
    article: str
    language: str
    split: str
    template: str
    question_id: str
    confidence: float
    status: str
    reason: str = ""
    flags: list[str] = field(default_factory=list)
    passage: str = ""
    skill: str = ""
    items_right: int = 0
    items_judged: int = 0
    """For a categorize question: how many of its items are in the right group."""

    @property
    def keepable(self) -> bool:
        return self.status == RIGHT and not self.flags


class Judge:
    """Judges the questions of one generated set against one gold file."""

    def __init__(self, item: CorpusArticle, generated: Any) -> None:
        self.item = item
        self.gold = Gold(item.gold, item.language)
        self.language = item.language
        self.generated = generated
        self.page = generated.facts.page
        self.texts = PROFILES[self.language].texts
        self.items: tuple[int, int] = (0, 0)
        """(right, judged) items of the last categorize question judged."""

    # Each `judge_<template>` returns (status, reason).

    def judge(self, question: QuestionBase) -> Verdict:
        template = question.id.split("-", 1)[1].replace("-", "_")
        judge = getattr(self, f"judge_{template}", None)
        self.items = (0, 0)
        status, reason = judge(question) if judge else (UNCHECKED, "no judge for this template")
        confidence = question.draft.confidence if question.draft else 1.0
        verdict = Verdict(
            self.item.path.name,
            self.language,
            self.item.split,
            template,
            question.id,
            confidence,
            status,
            reason,
            passage=(question.draft.passage or "") if question.draft else "",
            skill=str(question.skill),
            items_right=self.items[0],
            items_judged=self.items[1],
        )
        verdict.flags = list(self.flags(question, template))
        return verdict

    # --- comprehension

    def judge_role(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, SingleChoiceQuestion)
        found = parse_prompt(self.language, "role.prompt", q.prompt)
        if not found or q.answer is None:
            return UNCHECKED, "prompt not understood"
        person = self.gold.person(found["name"])
        if person is None:
            return WRONG, f"not a person of the article: {found['name']}"
        roles = [r for r in [person.get("role"), *(person.get("role_also") or [])] if r]
        if not roles:
            return WRONG, f"the article gives {found['name']} no role"
        if _role_matches(q.answer, roles):
            return RIGHT, ""
        return WRONG, f"role {q.answer!r}, gold {roles!r}"

    def judge_side(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, MultipleChoiceQuestion)
        found = parse_prompt(self.language, "side.prompt", q.prompt)
        country = country_named(found["country"]) if found else None
        if country is None:
            return UNCHECKED, "country not understood"
        answer = {norm(a) for a in q.answer or []}
        for choice in q.choices:
            person = self.gold.person(choice.text)
            if person is None:
                return WRONG, f"not a person: {choice.text}"
            roles = " ".join(r for r in [person.get("role"), *(person.get("role_also") or [])] if r)
            of_country = any(country_named(w) is country for w in re.findall(r"[\w'-]+", roles))
            if of_country != (norm(choice.text) in answer):
                return WRONG, f"{choice.text}: role {roles!r}"
        return RIGHT, ""

    def judge_place(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, SingleChoiceQuestion)
        facts = " ".join(
            f"{k.get('fact', '')} {k.get('evidence', '')}" for k in self.gold.list("key_facts")
        )
        if q.answer and contains(facts, q.answer):
            return RIGHT, "the place is in a key fact"
        return UNCHECKED, "meeting place not in the gold"

    def judge_number(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, NumericQuestion)
        found = parse_prompt(self.language, "number.prompt", q.prompt)
        if not found:
            return UNCHECKED, "prompt not understood"
        raw = _cut_out(q.evidence, found["cloze"])
        if raw is None:
            return WRONG, "the cloze is not the evidence with one gap"
        value = parse_number(raw, self.language)
        if value is None or abs(value - q.answer) > 1e-9:
            return WRONG, f"{raw!r} read as {q.answer}"
        for number in self.gold.list("numbers"):
            if overlaps(number["evidence"], q.evidence) and contains(raw, number["value"]):
                gold_value = parse_number(str(number["value"]), self.language)
                if gold_value is not None and abs(gold_value - q.answer) > 1e-9:
                    return WRONG, f"gold reads {number['value']!r}"
        return RIGHT, ""

    def judge_dispute(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, TextQuestion)
        for pair in self.gold.list("places_two_names"):
            if any(overlaps(a, p) for a in q.answer for p in pair):
                return RIGHT, ""
        return UNCHECKED, "disputed place not in the gold"

    def judge_date(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, SingleChoiceQuestion)
        found = parse_prompt(self.language, "date.prompt", q.prompt)
        if not found or q.answer is None:
            return UNCHECKED, "prompt not understood"
        gold_date = self.gold.data.get("date")
        if isinstance(gold_date, date) and norm(found["reference"]) != norm(
            format_date(gold_date, self.language)
        ):
            return WRONG, f"article dated {found['reference']}, gold {gold_date}"
        for ref in self.gold.list("weekday_refs"):
            if fold(ref["word"]) == fold(found["word"]) and _same_place(
                ref["text"], found["evidence"], found["word"]
            ):
                if ref.get("date") is None:
                    return WRONG, "the gold says this day cannot be dated"
                expected = format_date(ref["date"], self.language)
                if norm(expected) == norm(q.answer):
                    return RIGHT, ""
                return WRONG, f"{q.answer}, gold {expected}"
        return UNCHECKED, "weekday not in the gold"

    def judge_cause(self, q: QuestionBase) -> tuple[str, str]:
        return self._verbatim_story(q)

    def judge_first(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, TrueFalseQuestion)
        if not q.answer:
            return UNCHECKED, "a false statement"
        return self._verbatim_story(q)

    def judge_who(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, SingleChoiceQuestion)
        person = self.gold.person(q.answer or "")
        if person is None:
            return WRONG, f"not a person of the article: {q.answer}"
        found = parse_prompt(self.language, "who.prompt", q.prompt)
        if not found or not any(
            norm(found["cloze"].replace("…", form, 1)) == norm(q.evidence)
            for form in [
                *_forms(person),
                *(f"{h} {f}" for f in _forms(person) for h in _HONORIFICS),
            ]
        ):
            return WRONG, "the blank is not this person's name in the sentence"
        return self._verbatim_story(q)

    def judge_when(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, SingleChoiceQuestion)
        found = parse_prompt(self.language, "when.prompt", q.prompt) or parse_prompt(
            self.language, "month.prompt", q.prompt
        )
        if not found or norm(found["cloze"].replace("…", q.answer or "", 1)) != norm(q.evidence):
            return WRONG, "the blank is not the sentence's weekday"
        if any(c.text != q.answer and contains(q.evidence, c.text) for c in q.choices):
            return WRONG, "a wrong choice is also in the sentence"
        weekdays = {fold(d) for d in PROFILES[self.language].weekdays}
        if fold(q.answer or "") in weekdays:
            refs = [
                r for r in self.gold.list("weekday_refs") if fold(r["word"]) == fold(q.answer or "")
            ]
            if not any(_same_place(r["text"], q.evidence, q.answer or "") for r in refs):
                return WRONG, f"{q.answer!r} is no weekday reference of the gold here"
        elif self.language == "en" and not (q.answer or "")[:1].isupper():
            return WRONG, f"{q.answer!r} is no month here"
        return self._verbatim_story(q)

    def _verbatim_story(self, q: QuestionBase) -> tuple[str, str]:
        """A key taken word for word from a sentence of the story is right when the sentence is."""
        if not self.gold.is_story(q.evidence):
            return WRONG, "the evidence is page furniture or packaging"
        if normalise_for_search(q.evidence) not in normalise_for_search(self.page.text):
            return WRONG, "the evidence is not in the article"
        return RIGHT, ""

    # --- sourcing

    def judge_photographer(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, SingleChoiceQuestion)
        expected = self.gold.data.get("photographer")
        if expected and norm(expected) == norm(q.answer or ""):
            return RIGHT, ""
        return WRONG, f"{q.answer}, gold {expected}"

    def judge_pool(self, q: QuestionBase) -> tuple[str, str]:
        credit = self.gold.data.get("photo_credit") or ""
        return (RIGHT, "") if "pool" in fold(credit) else (WRONG, f"credit {credit!r}")

    def judge_agency(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, SingleChoiceQuestion)
        credit = self.gold.data.get("photo_credit") or ""
        if q.answer and re.search(rf"\b{re.escape(fold(q.answer))}\b", fold(credit)):
            return RIGHT, ""
        return WRONG, f"{q.answer}, credit {credit!r}"

    def judge_dateline(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, SingleChoiceQuestion)
        agencies = [self.gold.data.get("agency"), *self.gold.list("agencies_mentioned")]
        if any(a and _same_agency(a, q.answer or "") for a in agencies):
            return RIGHT, ""
        return WRONG, f"{q.answer}, gold {agencies}"

    # --- attribution

    def _quote_of(self, q: QuestionBase, key: str) -> tuple[dict[str, Any] | None, str]:
        found = parse_prompt(self.language, key, q.prompt)
        words = found["words"] if found else ""
        return (self.gold.quote(words) if words else None), words

    def judge_speaker(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, SingleChoiceQuestion)
        quote, words = self._quote_of(q, "speaker.prompt")
        return self._speaker_key(quote, words, q.answer or "")

    def judge_unattributed(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, SingleChoiceQuestion)
        quote, words = self._quote_of(q, "unattributed.prompt")
        return self._speaker_key(quote, words, q.answer or "")

    def _speaker_key(self, quote: dict[str, Any] | None, words: str, key: str) -> tuple[str, str]:
        if quote is None:
            if any(
                contains(t, words) or contains(words, t) for t in self.gold.list("terms_in_quotes")
            ):
                return WRONG, f"a quoted term, not speech: {words!r}"
            return WRONG, f"not a quote of the gold: {words[:50]!r}"
        if quote.get("unsure"):
            return UNCHECKED, "the gold is unsure who says it"
        speaker = quote.get("speaker")
        nobody = norm(self.texts["unattributed.key"])
        if norm(key) == nobody:
            return (RIGHT, "") if not speaker else (WRONG, f"the article names {speaker}")
        if not speaker:
            return WRONG, f"{key}, but the article names nobody"
        names = [speaker, *(quote.get("speaker_also") or [])]
        person = self.gold.person(speaker)
        if person is not None:
            names += _forms(person)
        if any(norm(key) == norm(n) for n in names) or (
            person is not None and self.gold.person(key) is person
        ):
            return RIGHT, ""
        return WRONG, f"{key}, gold {speaker}"

    def judge_indirect(self, q: QuestionBase) -> tuple[str, str]:
        found = parse_prompt(self.language, "indirect.prompt", q.prompt)
        person = self.gold.person(found["name"]) if found else None
        if person is None:
            return WRONG, "not a person of the article"
        speaks = self.gold.speaks(person)
        return (RIGHT, "") if speaks == "reported" else (WRONG, f"gold: speaks {speaks}")

    # --- fact and opinion

    def judge_hedge_source(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, HighlightQuestion)
        if all(self.gold.unnamed(a) for a in q.answer):
            return RIGHT, ""
        return WRONG, f"{q.answer} is no unnamed source of the gold"

    def judge_hedge_claim(self, q: QuestionBase) -> tuple[str, str]:
        return (RIGHT, "") if self.gold.unnamed(q.evidence) else (WRONG, "no unnamed source")

    def judge_check_claim(self, q: QuestionBase) -> tuple[str, str]:
        return self.judge_hedge_claim(q)

    def judge_hedge_cue(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, HighlightQuestion)
        for cue in q.answer:
            if not any(
                re.search(rf"(?<!\w){re.escape(loose(cue))}(?!\w)", loose(h))
                and contains(q.text, h.rstrip("…"))
                for h in self.gold.list("hedges")
            ):
                return WRONG, f"{cue!r} is in no hedge of the gold"
        return RIGHT, ""

    def judge_established(self, q: QuestionBase) -> tuple[str, str]:
        passage = q.draft.passage if q.draft and q.draft.passage else q.evidence
        marks = [*self.gold.list("hedges"), *self.gold.list("unnamed_sources")]
        if any(contains(passage, m) for m in marks):
            return RIGHT, ""
        return WRONG, "the sentence holds no gold hedge or unnamed source"

    def judge_fact(self, q: QuestionBase) -> tuple[str, str]:
        passage = q.draft.passage if q.draft and q.draft.passage else q.evidence
        for opinion in self.gold.list("opinion_sentences"):
            if overlaps(passage, opinion):
                return WRONG, "the gold calls it an opinion"
        for mark in [*self.gold.list("hedges"), *self.gold.list("unnamed_sources")]:
            if contains(passage, mark):
                return WRONG, f"hedged: {mark!r}"
        for quote in self.gold.list("quotes"):
            if contains(passage, quote["text"]):
                return WRONG, "a quotation"
        return RIGHT, ""

    # --- categorize: every item in its one group

    def judge_categorize(self, q: QuestionBase) -> tuple[str, str]:
        """Right only when every item is: each judged on its own (`_item_group`)."""
        assert isinstance(q, CategorizeQuestion)
        groups = {norm(self.texts[f"categorize.{g}"]): g for g in ("named", "unnamed", "hedge")}
        wrong: list[str] = []
        for item in q.items:
            group = groups.get(norm(item.category))
            problem = (
                self._item_problem(item.text, group) if group else f"unknown {item.category!r}"
            )
            if problem:
                wrong.append(f"{item.text[:50]!r} as {group}: {problem}")
        self.items = (len(q.items) - len(wrong), len(q.items))
        return (RIGHT, "") if not wrong else (WRONG, "; ".join(wrong))

    def _named_speaker_quote(self, text: str) -> tuple[dict[str, Any] | None, str]:
        """The gold quote an item shows, when its speaker is a named person of the gold."""
        quoted = [
            m.group(1) or m.group(2) or m.group(3)
            for m in re.finditer(r"«([^»]+)»|\"([^\"]+)\"|(?<!\w)'(.+?)'(?!\w)", text)
        ]
        if len(quoted) != 1:
            return None, f"{len(quoted)} quotations in the item"
        words = quoted[0].split("…")[0]
        quote = self.gold.quote(words)
        if quote is None:
            return None, "not a quote of the gold"
        if quote.get("unsure"):
            return None, "the gold is unsure who says it"
        person = self.gold.person(str(quote.get("speaker") or ""))
        if person is None:
            return None, f"speaker {quote.get('speaker')!r} is no named person"
        outside = text.replace(quoted[0], " ")
        if not any(contains(outside, form) for form in _forms(person)):
            return None, f"{person['name']} is not named in the item"
        return quote, ""

    def _item_problem(self, text: str, group: str) -> str:
        """Why an item is not surely in `group` ("" when it is): it must show its group's
        evidence in the gold, and no other group's."""
        if not self.gold.is_story(text):
            return "not the story"
        for part in text.split("…"):
            part = part.strip(" ,;:«»\"'")
            if part and normalise_for_search(part) not in normalise_for_search(self.page.text):
                return "words not in the article"
        quote, why_not = self._named_speaker_quote(text)
        shown = f"{text} {quote['text']}" if quote else text
        hedged = [h for h in self.gold.list("hedges") if overlaps(shown, h)]
        unnamed = [u for u in self.gold.list("unnamed_sources") if overlaps(text, u)]
        offices = [o for o in self.gold.list("office_sources") if overlaps(text, o)]
        speakers = [
            p["name"]
            for p in self.gold.list("people")
            if self.gold.speaks(p) in ("direct", "reported")
            and any(overlaps(text, e) for e in _listed(p.get("speaks_evidence")))
        ]
        named_quotes = [
            x["text"]
            for x in self.gold.list("quotes")
            if self.gold.person(str(x.get("speaker") or "")) is not None
            and overlaps(text, x["text"])
        ]
        if group == "named":
            if quote is None:
                return why_not
            others = hedged + unnamed + offices
            return f"also {others[0]!r}" if others else ""
        if named_quotes or speakers:
            return f"a named person speaks: {(named_quotes + speakers)[0]!r}"
        if offices:
            return f"an office speaks: {offices[0]!r}"
        if group == "unnamed":
            if not any(contains(text, u) for u in unnamed):
                return "no unnamed source of the gold"
            return f"also hedged: {hedged[0]!r}" if hedged else ""
        if not any(contains(text, h) or contains(h, text) for h in hedged):
            return "no hedge of the gold"
        return f"also an unnamed source: {unnamed[0]!r}" if unnamed else ""

    # --- missing voices

    def judge_silent(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, SingleChoiceQuestion)
        key = q.answer or ""
        country = country_named(key)
        speakers = [
            *(x.get("speaker") or "" for x in self.gold.list("quotes")),
            *self.gold.list("office_sources"),
        ]
        for speaker in speakers:
            words = re.findall(r"[\w'-]+", speaker)
            if contains(speaker, key) or (
                country and any(country_named(w) is country for w in words)
            ):
                return WRONG, f"{key} speaks: {speaker!r}"
        if any(contains(v, key) for v in self.gold.list("missing_voices")):
            return RIGHT, ""
        return UNCHECKED, "not in the gold's missing voices"

    def judge_silent_people(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, MultipleChoiceQuestion)
        answer = {norm(a) for a in q.answer or []}
        for choice in q.choices:
            person = self.gold.person(choice.text)
            if person is None:
                return WRONG, f"not a person of the article: {choice.text}"
            silent = self.gold.speaks(person) == "none"
            if silent != (norm(choice.text) in answer):
                return WRONG, f"{choice.text} speaks: {self.gold.speaks(person)}"
        return RIGHT, ""

    # --- language

    def _pair(self, a: str, b: str) -> bool:
        return any(
            (overlaps(a, x) and overlaps(b, y)) or (overlaps(a, y) and overlaps(b, x))
            for x, y in (tuple(p) for p in self.gold.list("places_two_names"))
        )

    def judge_other_name(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, TextQuestion)
        found = parse_prompt(self.language, "other_name.prompt", q.prompt)
        if found and self._pair(found["place"], q.answer[0]):
            return RIGHT, ""
        return WRONG, f"{q.answer[0]!r} is not another name of the place in the gold"

    def judge_two_names(self, q: QuestionBase) -> tuple[str, str]:
        found = parse_prompt(self.language, "two_names.prompt", q.prompt)
        if found and self._pair(found["place"], found["other"]):
            return RIGHT, ""
        return WRONG, "not two names of one place in the gold"

    # --- page

    def judge_furniture(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, MultipleChoiceQuestion)
        answer = {norm(a) for a in q.answer or []}
        headline_choice = self.texts["headline.choice"].split("{")[0]
        for choice in q.choices:
            if norm(choice.text) in answer:
                if not self.gold.is_furniture(choice.text):
                    return WRONG, f"{choice.text!r} is not furniture in the gold"
            elif choice.text.startswith(headline_choice):
                found = parse_prompt(self.language, "headline.choice", choice.text)
                headline = (found or {}).get("headline", "")
                if not contains(self.gold.data["headline"], headline.rstrip("…")):
                    return WRONG, f"the headline offered is {headline!r}"
        return RIGHT, ""

    def judge_widget(self, q: QuestionBase) -> tuple[str, str]:
        found = parse_prompt(self.language, "widget.prompt", q.prompt)
        if found and self.gold.is_furniture(found["label"]):
            return RIGHT, ""
        return WRONG, "the label is not furniture in the gold"

    def judge_twice(self, q: QuestionBase) -> tuple[str, str]:
        return (RIGHT, "") if self.gold.data.get("caption_repeated") else (WRONG, "printed once")

    def judge_author(self, q: QuestionBase) -> tuple[str, str]:
        assert isinstance(q, SingleChoiceQuestion)
        bylines = [m for m in self.gold.list("page_meta") if contains(m, q.answer or "")]
        if q.answer and bylines:
            return RIGHT, ""
        return WRONG, f"{q.answer!r} is named in no byline of the gold"

    def judge_genre(self, q: QuestionBase) -> tuple[str, str]:
        style = self.gold.data.get("style")
        return (RIGHT, "") if style == "opinion" else (WRONG, f"the gold style is {style}")

    def judge_stale(self, q: QuestionBase) -> tuple[str, str]:
        found = parse_prompt(self.language, "stale.prompt", q.prompt)
        gold_date = self.gold.data.get("date")
        if found and isinstance(gold_date, date):
            expected = format_date(gold_date, self.language)
            if norm(found["reference"]) == norm(expected):
                return RIGHT, ""
            return WRONG, f"dated {found['reference']}, gold {expected}"
        return UNCHECKED, "no date"

    # --- what makes a right question unkeepable

    def flags(self, q: QuestionBase, template: str) -> Iterator[str]:
        choices = [c.text for c in getattr(q, "choices", [])]
        answer = getattr(q, "answer", None)
        keys = (
            [answer]
            if isinstance(answer, str)
            else [a for a in answer if isinstance(a, str)]
            if isinstance(answer, list)
            else []
        )
        curated = set(self.texts.values())
        if isinstance(q, SingleChoiceQuestion | TextQuestion) and template not in ("speaker",):
            for key in keys:
                if key in curated:
                    continue  # a key written by the template ("A checkable fact"), not the article
                if len(loose(key)) >= 4 and contains(q.prompt, key):
                    yield "the prompt gives the answer away"
        headline = str(self.gold.data.get("headline") or "")
        if isinstance(q, NumericQuestion):
            found = parse_prompt(self.language, "number.prompt", q.prompt)
            raw = _cut_out(q.evidence, found["cloze"]) if found else None
            if raw and re.search(rf"(?<![\w,.]){re.escape(raw.strip())}(?![\w])", headline):
                yield "the number is in the headline"
            if found and not _whole_clause(found["cloze"], q.draft.passage if q.draft else ""):
                yield "the cloze is cut mid-phrase"
        if template == "hedge_claim":
            found = parse_prompt(self.language, "claim.prompt", q.prompt)
            if found and any(
                contains(found["claim"], u) for u in self.gold.list("unnamed_sources")
            ):
                yield "the prompt quotes the unnamed source it asks about"
        for text in [*choices, *keys]:
            if text.count("(") != text.count(")") or text.count("«") != text.count("»"):
                yield f"garbled choice {text!r}"
            if re.search(r"\bde [AEIOUÉÈaeiouéè]", text) and self.language == "fr":
                yield f"elision missing in {text!r}"
        people = [self.gold.person(c) for c in choices]
        seen: dict[int, str] = {}
        for text, person in zip(choices, people, strict=True):
            if person is None:
                continue
            if id(person) in seen:
                yield f"one person offered twice: {seen[id(person)]!r} and {text!r}"
            seen[id(person)] = text
        if template == "dateline" and isinstance(q, SingleChoiceQuestion):
            mentioned = {norm(a) for a in self.gold.list("agencies_mentioned")}
            for choice in choices:
                if norm(choice) in mentioned and norm(choice) != norm(q.answer or ""):
                    yield f"distractor {choice!r} is an agency of the article"
        if template == "role" and isinstance(q, SingleChoiceQuestion):
            found = parse_prompt(self.language, "role.prompt", q.prompt)
            person = self.gold.person(found["name"]) if found else None
            roles = (
                [r for r in [person.get("role"), *(person.get("role_also") or [])] if r]
                if person
                else []
            )
            for choice in choices:
                if choice != q.answer and roles and _role_matches(choice, roles):
                    yield f"distractor {choice!r} is also the person's role"


def _listed(value: Any) -> list[str]:
    """A gold field written as one string or as a list of strings."""
    if not value:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _same_agency(gold: str, written: str) -> bool:
    """The same agency, or its initials ("MNS" for "Meridian News Service")."""
    initials = "".join(w[0] for w in gold.split() if w[:1].isupper())
    return norm(gold) == norm(written) or (len(initials) >= 2 and written == initials)


def _role_matches(key: str, roles: list[str]) -> bool:
    """Every word of the key is in the gold role (a demonym matches its country), or the reverse."""

    def stems(text: str) -> set[str]:
        ignored = {
            "le",
            "la",
            "les",
            "l",
            "the",
            "a",
            "an",
            "de",
            "du",
            "des",
            "d",
            "of",
            "s",
            "'s",
        }
        result = set()
        for word in re.findall(r"[\w-]+", loose(text)):
            if word in ignored:
                continue
            country = country_named(word)
            result.add(f"country:{country.key}" if country else word[:5])
        return result

    key_stems = stems(key)
    return bool(key_stems) and any(
        key_stems <= stems(role) or (stems(role) <= key_stems and len(stems(role)) >= 2)
        for role in roles
    )


def _runs(text: str, run: int = 5) -> set[str]:
    words = words_of(text)
    return {" ".join(words[i : i + run]) for i in range(len(words) - run + 1)}


def _shown_words(prompt: str) -> set[str]:
    return _runs(prompt)


def _same_place(gold_text: str, evidence: str, word: str) -> bool:
    """Two quotes of one weekday mention: one holds the other, or both hold the word with the
    same neighbours."""
    if overlaps(gold_text, evidence):
        return True
    tokens = words_of(evidence)
    key = fold(word)
    gold = " ".join(words_of(gold_text))
    for at, token in enumerate(tokens):
        if token == key:
            for window in (tokens[max(0, at - 2) : at + 1], tokens[at : at + 3]):
                if len(window) >= 3 and " ".join(window) in gold:
                    return True
    return False


def _cut_out(evidence: str, cloze: str) -> str | None:
    """What the cloze's gap "…" replaced in the evidence."""
    if cloze.count("…") < 1:
        return None
    before, _, after = cloze.partition("…")
    if not evidence.startswith(before) or not evidence.endswith(after):
        return None
    return evidence[len(before) : len(evidence) - len(after)] or None


def _whole_clause(cloze: str, passage: str) -> bool:
    """The cloze starts where the sentence or a clause starts, and ends where one ends."""
    text = cloze.split("…")[0]
    at = normalise_for_search(passage).find(normalise_for_search(text).strip())
    if at < 0:
        return True
    before = normalise_for_search(passage)[:at].rstrip()
    starts = not before or before[-1] in ',;:(-«"' or before.endswith(("que", "qu'", "that"))
    ends = cloze.rstrip().endswith((".", ",", ";", ":", "»", '"', "!", "?", ")"))
    return starts and ends


# --- the set's own keys: headline, outlet, date, credit ----------------------------------------------


def set_verdicts(item: CorpusArticle, generated: Any) -> list[Verdict]:
    gold = item.gold
    article = generated.question_set.article
    verdicts: list[Verdict] = []

    def add(template: str, status: str, reason: str = "") -> None:
        verdicts.append(
            Verdict(
                item.path.name, item.language, item.split, template, template, 1.0, status, reason
            )
        )

    headline = getattr(article, "headline", None)
    add(
        "set_headline",
        RIGHT if norm(headline) == norm(gold["headline"]) else WRONG,
        f"{headline!r}",
    )
    outlet = getattr(article, "outlet", None)
    if outlet:
        right = gold.get("outlet") and norm(outlet) == norm(gold["outlet"])
        add("set_outlet", RIGHT if right else WRONG, f"{outlet!r}, gold {gold.get('outlet')!r}")
    agency = getattr(article, "agency", None)
    if agency:
        agencies = [gold.get("agency"), *(gold.get("agencies_mentioned") or [])]
        right = any(a and _same_agency(a, agency) for a in agencies)
        add("set_agency", RIGHT if right else WRONG, f"{agency!r}, gold {agencies!r}")
    published = getattr(article, "published", None)
    if published:
        right = str(published) == str(gold.get("date"))
        add("set_date", RIGHT if right else WRONG, f"{published}, gold {gold.get('date')}")
    credit = getattr(article, "photo_credit", None)
    if credit:
        expected = gold.get("photo_credit") or ""
        right = bool(expected) and overlaps(credit, expected)
        add("set_credit", RIGHT if right else WRONG, f"{credit!r}, gold {expected!r}")
    return verdicts


# --- key facts ------------------------------------------------------------------------------------


def key_facts_asked(
    item: CorpusArticle, verdicts: list[Verdict], questions: list[Any]
) -> tuple[int, int]:
    """(asked, total): a key fact is asked when a story question comes from its sentence."""
    facts = list(item.gold.get("key_facts") or [])
    asked = 0
    for fact in facts:
        evidence = fact["evidence"]
        fact_words = set(words_of(evidence))
        for question in questions:
            if str(question.skill) not in STORY_SKILLS:
                continue
            passage = question.draft.passage if question.draft and question.draft.passage else ""
            shared = fact_words & set(words_of(passage))
            if (
                contains(passage, evidence)
                or contains(evidence, question.evidence)
                or (fact_words and len(shared) >= 0.6 * len(fact_words))
            ):
                asked += 1
                break
    return asked, len(facts)


# --- running and reporting ---------------------------------------------------------------------------


@dataclass
class ArticleScore:
    item: CorpusArticle
    words: int
    questions: int
    skills: int
    facts_asked: int
    facts_total: int
    verdicts: list[Verdict]
    error: str | None = None


def score_article(generator: Generator, item: CorpusArticle) -> ArticleScore:
    raw = item.path.read_text(encoding="utf-8")
    try:
        generated = generator.generate(Article(item.path.name, raw))
    except GenerationError as error:
        return ArticleScore(item, 0, 0, 0, 0, len(item.gold.get("key_facts") or []), [], str(error))
    judge = Judge(item, generated)
    questions = list(generated.question_set.questions)
    verdicts = [judge.judge(q) for q in questions]
    # Two questions showing the same sentence of the story in their prompts: one gives the
    # other's answer away.
    seen: set[str] = set()
    for verdict, question in zip(verdicts, questions, strict=True):
        shown = _shown_words(question.prompt + " " + str(getattr(question, "text", "")))
        if verdict.skill in STORY_SKILLS and verdict.passage and _runs(verdict.passage) & shown:
            if verdict.passage in seen:
                verdict.flags.append("another question shows the same sentence")
            seen.add(verdict.passage)
    # A categorize question shows several sentences, one per item: another question showing
    # one of them gives its group away.
    for verdict, question in zip(verdicts, questions, strict=True):
        if isinstance(question, CategorizeQuestion):
            items = [_runs(i.text) for i in question.items]
            if any(
                other.passage in seen and other is not verdict and _runs(other.passage) & runs
                for other in verdicts
                for runs in items
            ):
                verdict.flags.append("another question shows an item's sentence")
    verdicts += set_verdicts(item, generated)
    asked, total = key_facts_asked(item, verdicts, questions)
    words = sum(len(p.split()) for p in generated.facts.page.body)
    skills = len({q.skill for q in questions})
    return ArticleScore(item, words, len(questions), skills, asked, total, verdicts)


@dataclass
class Figures:
    right: int = 0
    wrong: int = 0
    unchecked: int = 0
    keepable: int = 0
    questions: int = 0

    def add(self, verdict: Verdict) -> None:
        if verdict.status == RIGHT:
            self.right += 1
        elif verdict.status == WRONG:
            self.wrong += 1
        else:
            self.unchecked += 1
        if not verdict.template.startswith("set_"):
            self.questions += 1
            self.keepable += verdict.keepable

    @property
    def precision(self) -> float:
        judged = self.right + self.wrong
        return self.right / judged if judged else 1.0

    @property
    def keepable_share(self) -> float:
        return self.keepable / self.questions if self.questions else 1.0


@dataclass
class LanguageSummary:
    figures: Figures
    facts_asked: int
    facts_total: int
    long_articles: int
    long_articles_rich: int
    """Articles of 250+ words, and those with at least 6 questions over at least 4 skills."""
    errors: int

    @property
    def facts_share(self) -> float:
        return self.facts_asked / self.facts_total if self.facts_total else 1.0


def summarise(scores: list[ArticleScore]) -> LanguageSummary:
    figures = Figures()
    for score in scores:
        for verdict in score.verdicts:
            figures.add(verdict)
    long_articles = [s for s in scores if s.words >= 250]
    return LanguageSummary(
        figures,
        sum(s.facts_asked for s in scores),
        sum(s.facts_total for s in scores),
        len(long_articles),
        sum(1 for s in long_articles if s.questions >= 6 and s.skills >= 4),
        sum(1 for s in scores if s.error),
    )


def categorize_items(scores: list[ArticleScore]) -> tuple[int, int]:
    """(right, judged) items of every categorize question: each item is judged on its own."""
    verdicts = [v for s in scores for v in s.verdicts if v.template == "categorize"]
    return sum(v.items_right for v in verdicts), sum(v.items_judged for v in verdicts)


def score_corpus(
    folders: Iterable[Path], generator: Generator | None = None, *, held_out: bool = False
) -> list[ArticleScore]:
    """Every article's score; the held-out articles only when asked (they are not tuned on)."""
    generator = generator or Generator()
    return [
        score_article(generator, item)
        for item in corpus_articles(folders)
        if held_out or not item.held_out
    ]


def _print_table(title: str, rows: dict[str, Figures]) -> None:
    print(f"\n{title}")
    print(f"  {'template':<18}{'n':>5}{'right':>7}{'wrong':>7}{'unchk':>7}{'prec':>8}{'keep':>7}")
    for name, f in sorted(rows.items()):
        keep = f"{f.keepable_share:6.0%}" if f.questions else "     -"
        print(
            f"  {name:<18}{f.right + f.wrong + f.unchecked:>5}{f.right:>7}{f.wrong:>7}"
            f"{f.unchecked:>7}{f.precision:>8.1%}{keep:>7}"
        )


def report(scores: list[ArticleScore], *, details: bool, show_held_out: bool) -> None:
    for split in ("dev", "held-out"):
        in_split = [s for s in scores if s.item.split == split]
        if not in_split:
            continue
        print(f"\n===== {split} articles =====")
        for language in sorted({s.item.language for s in in_split}):
            mine = [s for s in in_split if s.item.language == language]
            per_template: dict[str, Figures] = defaultdict(Figures)
            for score in mine:
                for verdict in score.verdicts:
                    per_template[verdict.template].add(verdict)
            _print_table(f"[{split}] {language}: per template", per_template)
            right, judged = categorize_items(mine)
            if judged:
                print(f"  categorize items in their right group: {right}/{judged}")
            summary = summarise(mine)
            f = summary.figures
            print(
                f"  {language} {split}: {len(mine)} articles, {f.questions} questions, keys right "
                f"{f.precision:.1%} ({f.wrong} wrong, {f.unchecked} unchecked), keepable "
                f"{f.keepable_share:.0%}, key facts asked {summary.facts_asked}/"
                f"{summary.facts_total} ({summary.facts_share:.0%}), 250+ words with ≥6 questions "
                f"over ≥4 skills: {summary.long_articles_rich}/{summary.long_articles}"
                + (f", {summary.errors} refused" if summary.errors else "")
            )
            if split == "dev" or show_held_out:
                print(
                    f"  {'article':<42}{'words':>6}{'qs':>4}{'skills':>7}{'facts':>7}{'wrong':>6}"
                )
                for score in mine:
                    wrong = sum(v.status == WRONG for v in score.verdicts)
                    print(
                        f"  {score.item.path.name[:41]:<42}{score.words:>6}{score.questions:>4}"
                        f"{score.skills:>7}{score.facts_asked:>4}/{score.facts_total:<2}{wrong:>6}"
                        + (f"  {score.error}" if score.error else "")
                    )
            if details and (split == "dev" or show_held_out):
                for score in mine:
                    for v in score.verdicts:
                        if (
                            v.status == WRONG
                            or (v.status == RIGHT and v.flags)
                            or v.status == UNCHECKED
                        ):
                            print(
                                f"    {v.article} {v.question_id} [{v.status}] {v.reason}"
                                + (f" flags={v.flags}" if v.flags else "")
                            )


def calibration(scores: list[ArticleScore]) -> None:
    buckets: dict[str, Counter[str]] = defaultdict(Counter)
    for score in scores:
        for v in score.verdicts:
            if v.template.startswith("set_"):
                continue
            name = (
                "≥0.9"
                if v.confidence >= 0.9
                else "0.8–0.9"
                if v.confidence >= 0.8
                else "0.7–0.8"
                if v.confidence >= 0.7
                else "<0.7"
            )
            buckets[name][v.status] += 1
    print("\nconfidence calibration (questions of every article)")
    for name in ("≥0.9", "0.8–0.9", "0.7–0.8", "<0.7"):
        c = buckets[name]
        judged = c[RIGHT] + c[WRONG]
        share = c[RIGHT] / judged if judged else 1.0
        print(
            f"  {name:<8} right {c[RIGHT]:>4}  wrong {c[WRONG]:>3}  unchecked {c[UNCHECKED]:>3}  {share:.1%}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, nargs="+", default=[CORPUS])
    parser.add_argument("--details", action="store_true", help="every wrong or unkeepable question")
    parser.add_argument(
        "--held-out", action="store_true", help="score the held-out articles too (final report)"
    )
    parser.add_argument("--show-held-out", action="store_true", help="per-article held-out lines")
    parser.add_argument("--all", action="store_true", help="keep low-confidence questions too")
    args = parser.parse_args(argv)
    generator = Generator(keep_all=args.all)
    scores = score_corpus(args.corpus, generator, held_out=args.held_out)
    if not scores:
        print("no article with a gold file found", file=sys.stderr)
        return 1
    report(scores, details=args.details, show_held_out=args.show_held_out)
    calibration(scores)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
