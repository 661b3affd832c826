"""Stage 1, clean: normalise a copied article and split the page into zones.

A page copied from a news site is not an article: live-ticker words, "Lire aussi" links, a photo
caption (sometimes printed twice) and its credit surround the story. Story questions must come
from the body only, while the furniture and credits are the material of sourcing and page
questions, so every line is given a zone here, once, and later stages ask for the zone they need.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from quiz.core.text import clean_text
from quiz.generate.lexicon import (
    AGENCIES,
    FURNITURE_LINES,
    FURNITURE_PREFIXES,
    MONTHS,
    STOPWORDS,
    fold,
)


class Zone(StrEnum):
    HEADLINE = "headline"
    BYLINE = "byline"
    """Dateline, byline, publication date, agency signature."""
    CAPTION = "caption"
    BODY = "body"
    FURNITURE = "furniture"


@dataclass(frozen=True)
class Block:
    zone: Zone
    text: str


@dataclass(frozen=True)
class Credit:
    """A picture credit such as "[Kimimasa Mayama / Pool/AFP]"."""

    text: str
    photographer: str | None
    agencies: tuple[str, ...]
    pool: bool


@dataclass(frozen=True)
class Caption:
    text: str
    """The caption without its credit."""
    credit: Credit | None
    printed_twice: bool
    line: str
    """The caption's line as it appears on the page (with the credit, and the repetition)."""


@dataclass
class Page:
    """An article as zones, plus what the page says about who made it."""

    blocks: list[Block]
    captions: list[Caption] = field(default_factory=list)
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: str | None = None
    """Where `published` was read: "metadata", "dateline" or "caption"."""
    agency: str | None = None

    @property
    def headline(self) -> str | None:
        return next((b.text for b in self.blocks if b.zone is Zone.HEADLINE), None)

    @property
    def body(self) -> list[str]:
        """The story's paragraphs: the only source of story facts."""
        return [b.text for b in self.blocks if b.zone is Zone.BODY]

    @property
    def furniture(self) -> list[str]:
        return [b.text for b in self.blocks if b.zone is Zone.FURNITURE]

    @property
    def bylines(self) -> list[str]:
        return [b.text for b in self.blocks if b.zone is Zone.BYLINE]

    @property
    def text(self) -> str:
        """The cleaned page, zone by zone in page order: the file evidence is checked against."""
        return "\n\n".join(b.text for b in self.blocks) + "\n"


# --- normalising --------------------------------------------------------------------------------

_QUOTE_MARKS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
    }
)
_INLINE_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_GUILLEMET_SPACES = re.compile(r"«\s*(.*?)\s*»", re.DOTALL)


def normalise(text: str) -> str:
    """NFC, no control characters, one kind of space, straight quote marks, « guillemets » kept.

    French guillemets stay (they are how French marks speech) but get one plain space inside, so
    an evidence quote copied with or without the typographic spaces is found the same way.
    """
    text = unicodedata.normalize("NFC", clean_text(text.replace("\r\n", "\n")))
    text = text.translate(_QUOTE_MARKS)
    lines = [_INLINE_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _GUILLEMET_SPACES.sub(r"« \1 »", "\n".join(lines))


def detect_language(text: str) -> str:
    """ "fr" or "en", by counting each language's most common words (ties go to French)."""
    words = re.findall(r"[a-zà-ÿ']+", text.casefold())
    scores = {lang: sum(w in stop for w in words) for lang, stop in STOPWORDS.items()}
    return "en" if scores["en"] > scores["fr"] else "fr"


# --- credits and dates --------------------------------------------------------------------------

_BRACKET_CREDIT = re.compile(r"\s*\[([^\[\]]{2,120})\]\s*$")
_PAREN_CREDIT = re.compile(
    r"\s*\(((?:photo|crédit|credit|image|©)[^()]{0,100}|[^()]{0,60}/\s*(?:AFP|Reuters|AP|EPA|"
    r"Getty Images|Pool)[^()]{0,40})\)\s*$",
    re.IGNORECASE,
)
_PREFIX_CREDIT = re.compile(r"\s*(?:photo|crédit|credit|image)\s*:\s*(.{2,100})$", re.IGNORECASE)
_AGENCY_KEYS = {fold(k): k for k in AGENCIES}


def parse_credit(text: str) -> Credit:
    """Split "Kimimasa Mayama / Pool/AFP" into photographer, pool and agencies."""
    inner = re.sub(r"^(?:photo|crédit|credit|image|©)\s*:?\s*", "", text.strip(), flags=re.I)
    parts = [p.strip(" ©") for p in re.split(r"\s*/\s*|\s+-\s+|,\s*", inner) if p.strip(" ©")]
    agencies = tuple(_AGENCY_KEYS[fold(p)] for p in parts if fold(p) in _AGENCY_KEYS)
    pool = any(fold(p) == "pool" for p in parts)
    people = [
        p
        for p in parts
        if fold(p) not in _AGENCY_KEYS and fold(p) != "pool" and re.match(r"^[A-ZÀ-Þ][\w.'-]+", p)
    ]
    return Credit(text.strip(), people[0] if people else None, agencies, pool)


def split_caption(line: str) -> Caption | None:
    """A caption line and its credit, or None when the line is no caption."""
    half = _repeated_half(line)
    printed_twice = half is not None
    single = half if half is not None else line
    for pattern in (_BRACKET_CREDIT, _PAREN_CREDIT, _PREFIX_CREDIT):
        match = pattern.search(single)
        if match:
            credit = parse_credit(match.group(1))
            if credit.agencies or credit.photographer or pattern is not _BRACKET_CREDIT:
                return Caption(single[: match.start()].strip(), credit, printed_twice, line)
    return None


def _repeated_half(line: str) -> str | None:
    """The caption when a line is one caption printed twice ("A [x] A [x]")."""
    middle = len(line) // 2
    for cut in range(max(1, middle - 2), min(len(line), middle + 3)):
        first, second = line[:cut].strip(), line[cut:].strip()
        if first and first == second:
            return first
    return None


_MONTH_NUMBERS = {fold(m): i % 12 + 1 for i, m in enumerate(MONTHS["fr"] + MONTHS["en"])}
_MONTH_NAMES = "|".join(sorted(MONTHS["fr"] + MONTHS["en"], key=len, reverse=True))
_DATE_PATTERNS = (
    # (pattern, groups of day, month, year); both languages, whatever the article's language.
    (re.compile(rf"\b(1er|\d{{1,2}})\s+({_MONTH_NAMES})\s+(\d{{4}})\b", re.I), (1, 2, 3)),
    (re.compile(rf"\b({_MONTH_NAMES})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I), (2, 1, 3)),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), (3, 2, 1)),
)


def find_dates(text: str) -> list[tuple[date, str]]:
    """Full dates written out ("2 novembre 2013", "November 2, 2013", "2013-11-02") in `text`,
    French or English whatever the page's language: the patterns hold both languages' months."""
    found: list[tuple[date, str]] = []
    for pattern, (d, m, y) in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            day_text, month_text, year_text = match.group(d), match.group(m), match.group(y)
            month = int(month_text) if month_text.isdigit() else _MONTH_NUMBERS[fold(month_text)]
            day = 1 if day_text == "1er" else int(day_text)
            try:
                found.append((date(int(year_text), month, day), match.group(0)))
            except ValueError:
                continue
    return found


# --- zones --------------------------------------------------------------------------------------

_BYLINE = re.compile(
    r"^(?:par|by)\s+[A-ZÀ-Þ]"
    r"|^(?:publié|mis à jour|modifié|published|updated|posted)\b"
    r"|^[A-ZÀ-Þ][A-ZÀ-Þ' -]{2,40}\s*\((?:AFP|Reuters|AP|Belga|ATS|DPA)\)\s*-?\s*$"
    r"|^\(?(?:avec\s+)?(?:AFP|Reuters|AP|Belga|ATS|DPA)\)?\.?$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^([A-ZÀ-Þ][A-ZÀ-Þa-zà-ÿ' -]{2,40})\s*\((AFP|Reuters|AP|Belga|ATS|DPA|Kyodo)\)\s*[-:]\s*"
)


_BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s[>›/|]\s[^.!?]{1,40})+$")


def is_furniture(line: str, language: str) -> bool:
    """Page words around the story: ticker, section names, "Lire aussi", breadcrumbs…"""
    key = fold(line).strip(" :.!»«>-|•")
    if not key:
        return False
    if _BREADCRUMB.match(line):
        return True  # "Accueil > Économie"
    languages = ("fr", "en") if language not in FURNITURE_LINES else (language, "en", "fr")
    for lang in languages:
        if key in FURNITURE_LINES[lang]:
            return True
        if any(key.startswith(prefix) for prefix in FURNITURE_PREFIXES[lang]):
            return True
    return False


def _is_prose(line: str) -> bool:
    """A paragraph of the story: long enough and ending like a sentence."""
    words = len(line.split())
    return words >= 14 or (words >= 6 and line.rstrip().endswith((".", '"', "»", "!", "?")))


def split_zones(text: str, language: str) -> Page:
    """Give each paragraph of a plain-text page its zone."""
    lines = [line for line in normalise(text).split("\n") if line]
    blocks: list[Block] = []
    captions: list[Caption] = []
    seen_body = False
    after_furniture_heading = False
    for line in lines:
        caption = split_caption(line)
        if is_furniture(line, language):
            blocks.append(Block(Zone.FURNITURE, line))
            after_furniture_heading = True
            continue
        if caption is not None and not line.startswith(("«", '"')):
            captions.append(caption)
            blocks.append(Block(Zone.CAPTION, line))
            continue
        if _BYLINE.search(line) and len(line.split()) <= 14:
            blocks.append(Block(Zone.BYLINE, line))
            continue
        # The headline: the first line before the story that is short or does not end a sentence.
        has_headline = any(b.zone is Zone.HEADLINE for b in blocks)
        looks_like_title = not _is_prose(line) or (len(line.split()) <= 20 and line[-1] not in ".»")
        if not has_headline and not seen_body and looks_like_title:
            blocks.append(Block(Zone.HEADLINE, line))
            continue
        if _is_prose(line) and not (after_furniture_heading and len(line.split()) < 14):
            blocks.append(Block(Zone.BODY, line))
            seen_body = True
            after_furniture_heading = False
            continue
        # Short lines between or after the paragraphs: related links, section names, ticker words.
        blocks.append(Block(Zone.FURNITURE, line))
    page = Page(blocks, captions)
    _read_provenance(page)
    return page


def _read_provenance(page: Page) -> None:
    """Agency, dateline and date from the bylines, the first paragraph and the captions."""
    for line in [*page.bylines, *page.body[:1]]:
        match = _DATELINE.match(line)
        if match:
            page.agency = page.agency or match.group(2)
        for agency in AGENCIES:
            escaped = re.escape(agency)
            if re.search(
                rf"\(\s*(?:avec\s+)?{escaped}\s*\)|^{escaped}$|\b(?:avec|with) {escaped}\b", line
            ):
                page.agency = page.agency or agency
    if page.published is None:
        for line in page.bylines:
            dates = find_dates(line)
            if dates:
                page.published, page.published_from = dates[0][0], "dateline"
                break
    if page.published is None:
        for caption in page.captions:
            dates = find_dates(caption.text)
            if dates:
                page.published, page.published_from = dates[0][0], "caption"
                break
    if page.agency is None:
        agencies = [a for c in page.captions if c.credit for a in c.credit.agencies]
        if (
            agencies
            and len(set(agencies)) == 1
            and any(re.search(rf"\b{re.escape(agencies[0])}\b", b) for b in page.bylines)
        ):
            page.agency = agencies[0]
