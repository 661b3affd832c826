"""Stage 1, clean: normalise a copied article and split the page into zones.

A page copied from a news site is not an article: menus, live-ticker words, "Lire aussi" links,
cookie banners, a photo caption (sometimes printed twice) and its credit surround the story.
Story questions must come from the body only, while the furniture and credits are the material of
sourcing and page questions, so every line is given a zone here, once, and later stages ask for
the zone they need. A line the rules cannot place goes to `OTHER`: kept in the saved text, never
asked about — a question about a line we are unsure of would risk a wrong key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from quiz.core.text import clean_text
from quiz.generate.languages import PROFILES, LanguageProfile
from quiz.generate.languages.base import spaced
from quiz.generate.lexicon import AGENCIES, fold


class Zone(StrEnum):
    HEADLINE = "headline"
    BYLINE = "byline"
    """The story's packaging: dateline, byline, publication date, agency signature, copyright."""
    CAPTION = "caption"
    BODY = "body"
    FURNITURE = "furniture"
    """Lines recognised as the site's: menus, tickers, links to other articles, cookie banners."""
    OTHER = "other"
    """Outside the story, but not recognised: subheads, section names, stray lines."""


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
    opinion: bool = False
    """The page marks itself as opinion (a column, an editorial, a blog)."""
    opinion_label: str | None = None
    """The words that say so, as the page writes them ("Opinion", "Tribune")."""

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


def language_scores(text: str) -> dict[str, int]:
    """How many of each language's commonest words the text holds."""
    words = re.findall(r"[a-zà-ÿ']+", text.casefold())
    return {code: sum(w in p.stopwords for w in words) for code, p in PROFILES.items()}


def detect_language(text: str) -> str:
    """The language whose commonest words the text uses most (ties go to the first registered)."""
    scores = language_scores(text)
    return max(PROFILES, key=lambda code: scores[code])


# --- credits and dates --------------------------------------------------------------------------

_CREDIT_WORDS = sorted(
    {w for p in PROFILES.values() for w in p.credit_prefixes}, key=len, reverse=True
)
_CREDIT_WORD = "|".join(re.escape(w) for w in _CREDIT_WORDS)
_BRACKET_CREDIT = re.compile(r"\s*\[([^\[\]]{2,120})\]\s*$")
_PAREN_CREDIT = re.compile(
    rf"\s*\(((?:{_CREDIT_WORD}|©)[^()]{{0,100}}|[^()]{{0,60}}/\s*(?:AFP|Reuters|AP|EPA|"
    r"Getty Images|Pool)[^()]{0,40})\)\s*$",
    re.IGNORECASE,
)
_PREFIX_CREDIT = re.compile(rf"(?:^|\s)(?:{_CREDIT_WORD})\s*:\s*(.{{2,100}})$", re.IGNORECASE)
_COPYRIGHT_CREDIT = re.compile(r"(?:^|\s)©\s*([^©]{2,100})$")
_NAME_PART = r"[A-ZÀ-Þ][\w.'’-]*(?: (?:[A-ZÀ-Þ][\w.'’-]*|de|du|des|le|la|van|von|da|di|of|the))*"
_TRAILING_CREDIT = re.compile(rf"(?<=[.!?])\s+({_NAME_PART}\s?/\s?{_NAME_PART})$")
"""A credit after the caption's last sentence, with no word to announce it: ". CPA/Ingrid Holm"."""
_CREDIT_LINE = re.compile(
    rf"^(?:(?:{_CREDIT_WORD})\s*:?\s+|©\s*)(.{{2,100}})$"
    rf"|^({_NAME_PART}\s?(?:/|-| pour | for )\s?{_NAME_PART})$",
    re.IGNORECASE,
)
"""A credit on its own line: "Photo L'Écho des Combes - Cédric Valat", "Julien Mabire / X"."""
_AGENCY_KEYS = {fold(k): k for k in AGENCIES}
_PARTICLES = frozenset(spaced("de du des le la van von da di del della der den ben bin al el"))
_NOT_A_PHOTOGRAPHER = re.compile(
    r"\b(?:the|l'|la|le|les|agence|agency|authority|park|news|times|press|presse|public|"
    r"publique|radio|tv|info|journal|gazette|herald|post|service|ministry|ministère|"
    r"university|université|cnrs|inrae|ifremer|nasa|esa|police|council|conseil|archives?|"
    r"handout|dr|museum|musée|club|fédération|federation|office|department|département|"
    r"préfecture|mairie|courrier|écho|echo|wire|chronicle|beacon|sentinel|daily|dispatch)\b",
    re.IGNORECASE,
)


def _is_person_name(part: str) -> bool:
    """Two to four capitalised words (particles allowed), no word of an organisation."""
    words = part.split()
    if not 2 <= len(words) <= 4 or _NOT_A_PHOTOGRAPHER.search(part):
        return False
    capitalised = [w for w in words if w[:1].isupper()]
    return len(capitalised) >= 2 and all(w[:1].isupper() or w in _PARTICLES for w in words)


def parse_credit(text: str, outlets: frozenset[str] = frozenset()) -> Credit:
    """Split "Kimimasa Mayama / Pool/AFP" into photographer, pool and agencies.

    The photographer is named only when exactly one part of the credit is a person's name (not
    an agency, the pool, the outlet, or an organisation): "Onde Publique - Léa Martinon".
    """
    inner = re.sub(rf"^(?:{_CREDIT_WORD}|©)\s*:?\s*", "", text.strip(), flags=re.I)
    parts = [
        p.strip(" ©.")
        for p in re.split(r"\s*/\s*|\s+-\s+|,\s*|\s+pour\s+|\s+for\s+", inner)
        if p.strip(" ©.")
    ]
    agencies = tuple(_AGENCY_KEYS[fold(p)] for p in parts if fold(p) in _AGENCY_KEYS)
    pool = any(fold(p) == "pool" for p in parts)
    outlet_keys = {fold(o) for o in outlets}
    people = [
        p
        for p in parts
        if fold(p) not in _AGENCY_KEYS
        and fold(p) != "pool"
        and fold(p) not in outlet_keys
        and _is_person_name(p)
    ]
    return Credit(text.strip(), people[0] if len(people) == 1 else None, agencies, pool)


def split_caption(line: str, outlets: frozenset[str] = frozenset()) -> Caption | None:
    """A caption line and its credit, or None when the line is no caption."""
    if any(p.furniture_words.search(line) for p in PROFILES.values()):
        return None  # "Copyright © The Times. All rights reserved."
    half = _repeated_half(line)
    printed_twice = half is not None
    single = half if half is not None else line
    for pattern in (_BRACKET_CREDIT, _PAREN_CREDIT, _PREFIX_CREDIT, _COPYRIGHT_CREDIT):
        match = pattern.search(single)
        if match and match.start() > 0:
            credit = parse_credit(match.group(1), outlets)
            if credit.agencies or credit.photographer or pattern is not _BRACKET_CREDIT:
                return Caption(single[: match.start()].strip(), credit, printed_twice, line)
    match = _TRAILING_CREDIT.search(single)
    if match and len(match.group(1).split()) <= 6:
        credit = parse_credit(match.group(1), outlets)
        if credit.agencies or credit.photographer:
            return Caption(single[: match.start()].strip(), credit, printed_twice, line)
    return None


def credit_line(line: str) -> str | None:
    """The credit when the line is a picture credit on its own, else None."""
    if len(line.split()) > 10 or line.endswith(("?", "!")):
        return None
    if any(p.furniture_words.search(line) for p in PROFILES.values()):
        return None  # "© 2025 The Times. All rights reserved." is the site's footer
    match = _CREDIT_LINE.match(line)
    if not match:
        return None
    credit = (match.group(1) or match.group(2)).strip()
    if match.group(2) and not any(_is_person_name(p) for p in re.split(r"\s?/\s?| - ", credit)):
        return None  # "Accueil / Sport" is a breadcrumb, not a credit
    return credit


def _repeated_half(line: str) -> str | None:
    """The caption when a line is one caption printed twice ("A [x] A [x]")."""
    middle = len(line) // 2
    for cut in range(max(1, middle - 2), min(len(line), middle + 3)):
        first, second = line[:cut].strip(), line[cut:].strip()
        if first and first == second:
            return first
    return None


_MONTH_NUMBERS: dict[str, int] = {}
for _profile in PROFILES.values():
    for _number, _month in enumerate(_profile.months, start=1):
        _MONTH_NUMBERS[fold(_month)] = _number
        for _length in (3, 4):  # "Oct.", "Sept.", "janv."
            _MONTH_NUMBERS.setdefault(fold(_month[:_length]) + ".", _number)
            _MONTH_NUMBERS.setdefault(fold(_month[:_length]), _number)
_MONTH_NAMES = "|".join(
    sorted(
        {re.escape(m) for p in PROFILES.values() for m in p.months}
        | {re.escape(m[:n]) + r"\.?" for p in PROFILES.values() for m in p.months for n in (3, 4)},
        key=len,
        reverse=True,
    )
)
_DAY = r"(1er|\d{1,2})(?:st|nd|rd|th)?"
_DATE_PATTERNS = (
    # (pattern, groups of day, month, year); every language's months, whatever the page's.
    (re.compile(rf"\b{_DAY}\s+({_MONTH_NAMES})(?<!\.)\.?,?\s+(\d{{4}})\b", re.I), (1, 2, 3)),
    (
        re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I),
        (2, 1, 3),
    ),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), (3, 2, 1)),
)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def find_dates(text: str, day_first: bool = False) -> list[tuple[date, str]]:
    """Full dates written out ("2 novembre 2013", "Nov. 2, 2013", "2013-11-02") in `text`, in
    any language's months; "05/03/2025" too when the page's language writes the day first."""
    found: list[tuple[date, str]] = []
    for pattern, (d, m, y) in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            day_text, month_text, year_text = match.group(d), match.group(m), match.group(y)
            if month_text.isdigit():
                month = int(month_text)
            else:
                month = _MONTH_NUMBERS.get(fold(month_text).rstrip(".")) or _MONTH_NUMBERS.get(
                    fold(month_text), 0
                )
            day = 1 if day_text == "1er" else int(day_text)
            try:
                found.append((date(int(year_text), month, day), match.group(0)))
            except ValueError:
                continue
    if day_first:
        for match in _NUMERIC_DATE.finditer(text):
            try:
                value = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
            except ValueError:
                continue
            found.append((value, match.group(0)))
    found.sort(key=lambda pair: text.find(pair[1]))
    return found


# --- zones --------------------------------------------------------------------------------------

_END_OF_STORY = frozenset(h for p in PROFILES.values() for h in p.end_of_story)
_BREADCRUMB = re.compile(r"^[^.!?]{1,40}(?:\s[>›|]\s[^.!?]{1,40})+$")
_DATELINE = re.compile(
    r"^([A-ZÀ-Þ][A-ZÀ-Þa-zà-ÿ'., -]{2,40}?)(?:,\s*[^()]{0,30})?\s*\(([A-Z][\w -]{1,30})\)\s*[-:—]\s*"
)
_AUTHOR_LINE = re.compile(r"^[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){1,2}, [\w'’ -]{2,40}$(?<![.!?])")
"""An author's name and role on a line of their own: "Kate Mabey, Science Editor"."""
_SIGNATURE = re.compile(r"^[a-z]{2,4}(?:/[a-z]{2,4}){1,4}$")
"""An agency's initials signature at the end of a dispatch: "afp/lf/mr"."""


def _ordered(profile: LanguageProfile | None) -> list[LanguageProfile]:
    first = [profile] if profile is not None else []
    return [*first, *(p for p in PROFILES.values() if p is not profile)]


def is_furniture(line: str, profile: LanguageProfile | None = None) -> bool:
    """Words of the site around the story: ticker, menus, "Lire aussi", cookie banners…

    Every language's lists are checked (an English ticker word on a French page is furniture),
    the page's own first.
    """
    key = fold(line).strip(" :.!»«>-|•·")
    if not key:
        return False
    if _BREADCRUMB.match(line):
        return True  # "Accueil > Économie", "Home | Technology | Markets"
    for language in _ordered(profile):
        if key in language.furniture_lines:
            return True
        if any(key.startswith(prefix) for prefix in language.furniture_prefixes):
            return True
        if language.furniture_words.search(line) or language.site_banner.search(line):
            return True
    return False


def is_byline(line: str, profile: LanguageProfile | None = None) -> bool:
    """A byline, a publication line ("Publié le … - Mis à jour le …"), a dateline alone, an
    agency's signature: the story's packaging, no sentence of it."""
    if len(line.split()) > 25 or (len(line.split()) > 16 and _ends_a_sentence(line)):
        return False
    if any(language.byline.search(line) for language in _ordered(profile)):
        return True
    if _SIGNATURE.match(line) or _AUTHOR_LINE.match(line):
        return True
    # A line that starts with a date: "13 January 2025", "4 March 2025 · 14:52 GMT · Updated…".
    dates = find_dates(line, day_first=True)
    if dates and len(line.split()) <= 12:
        head = line[: line.find(dates[0][1])]
        return not re.search(r"[a-zà-ÿ]{3,}", head, re.IGNORECASE) or any(
            re.match(rf"(?i)(?:{d}|{d[:3]}\.?)\b", head)  # "Thursday", "Thu"
            for language in _ordered(profile)
            for d in language.weekdays
        )
    return False


def _is_prose(line: str) -> bool:
    """A paragraph of the story: long enough and ending like a sentence."""
    words = len(line.split())
    return words >= 14 or (words >= 6 and line.rstrip().endswith((".", '"', "»", "!", "?")))


def _ends_a_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", '"', "»", "!", "?", ":"))


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    letters = [c for c in line if c.isalpha()]
    return (
        len(words) >= 4
        and not line.rstrip().endswith(".")
        and not (letters and all(c.isupper() for c in letters))
        and " | " not in line
        and len(words) <= 30
    )


def split_zones(text: str, profile: LanguageProfile) -> Page:
    """Give each line of a plain-text page its zone."""
    lines = [line for line in normalise(text).split("\n") if line]
    zones: list[Zone | None] = [None] * len(lines)
    captions: dict[int, Caption] = {}
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1

    # Lines that say what they are, whatever surrounds them.
    for index, line in enumerate(lines):
        if is_byline(line, profile):
            zones[index] = Zone.BYLINE
        elif credit_line(line) is not None:
            zones[index] = Zone.CAPTION  # its caption, if any, is the line before (below)
        elif (caption := split_caption(line)) is not None and not line.startswith(("«", '"')):
            zones[index] = Zone.CAPTION
            captions[index] = caption
        elif is_furniture(line, profile):
            zones[index] = Zone.FURNITURE
        elif line.startswith("©"):
            zones[index] = Zone.BYLINE

    # A credit on its own line captions the line before it; the same caption printed again (a
    # layout repeating itself) is the same caption, not a second one. A "©" line with no caption
    # before it is the page's copyright, not a picture credit.
    for index, line in enumerate(lines):
        credit = (
            credit_line(line) if zones[index] is Zone.CAPTION and index not in captions else None
        )
        if credit is None:
            continue
        previous = index - 1
        if previous >= 0 and zones[previous] is None and len(lines[previous].split()) <= 45:
            twice = counts[lines[previous]] > 1
            zones[previous] = Zone.CAPTION
            captions[previous] = Caption(
                lines[previous], parse_credit(credit), twice, f"{lines[previous]} {line}"
            )
            for other, text_other in enumerate(lines):
                if text_other == lines[previous] and zones[other] is None:
                    zones[other] = Zone.CAPTION
        elif line.startswith("©"):
            zones[index] = Zone.BYLINE
        else:
            captions[index] = Caption("", parse_credit(credit), False, line)
    for index, line in enumerate(lines):
        if zones[index] is None and counts[line] > 1 and len(line.split()) <= 45:
            zones[index] = Zone.CAPTION  # a caption printed twice without its credit

    # The headline is the title that heads the story: among the title-like lines before the
    # body, the first of the last run of them (a standfirst may follow a headline; a site's
    # tagline or a weather line comes before the menus). A line followed by a byline is a
    # title even if it ends with a full stop ("I was wrong."). The body: prose from the first
    # line ending like a sentence that is no such title.
    def followed_by_byline(i: int) -> bool:
        later = [j for j in range(i + 1, min(i + 3, len(lines))) if zones[j] is not Zone.OTHER]
        return bool(later) and zones[later[0]] is Zone.BYLINE

    first_body = next(
        (
            i
            for i, line in enumerate(lines)
            if zones[i] is None
            and _is_prose(line)
            and (_ends_a_sentence(line) or len(line.split()) > 30)
            and not (len(line.split()) <= 20 and followed_by_byline(i))
        ),
        len(lines),
    )
    first_byline = next((i for i in range(first_body) if zones[i] is Zone.BYLINE), first_body)
    candidates = [
        i
        for i in range(first_byline)
        if zones[i] is None
        and (
            _looks_like_headline(lines[i]) or (followed_by_byline(i) and len(lines[i].split()) >= 4)
        )
    ]
    if candidates:
        runs: list[list[int]] = [[candidates[0]]]
        for index in candidates[1:]:
            between = [j for j in range(runs[-1][-1] + 1, index) if zones[j] is not Zone.CAPTION]
            if between:
                runs.append([index])
            else:
                runs[-1].append(index)
        zones[runs[-1][0]] = Zone.HEADLINE
    after_furniture_heading = False
    story_ended = False
    for index, line in enumerate(lines):
        if index > first_body and fold(line).strip(" :") in _END_OF_STORY:
            story_ended = True  # "Sources", "External links": cited sources, categories, licence
            zones[index] = Zone.FURNITURE
            continue
        if story_ended and zones[index] in (None, Zone.CAPTION):
            zones[index] = Zone.FURNITURE if is_furniture(line, profile) else Zone.OTHER
            continue
        if zones[index] is Zone.FURNITURE:
            after_furniture_heading = True
            continue
        if zones[index] is not None:
            continue
        if index < first_body:
            zones[index] = Zone.OTHER
        elif _is_prose(line) and not (after_furniture_heading and len(line.split()) < 14):
            zones[index] = Zone.BODY
            after_furniture_heading = False
        elif after_furniture_heading:
            zones[index] = Zone.FURNITURE  # the links listed under "Lire aussi", "Most read"…
        else:
            zones[index] = Zone.OTHER  # a subhead, a section name, a stray line

    # "Hélène Marchal-Duval est journaliste et chroniqueuse.": the author's note, not the story.
    authors = {
        m.group(1)
        for i, line in enumerate(lines)
        if zones[i] is Zone.BYLINE
        for m in re.finditer(
            r"(?<![\w'’-])(?!(?:Par|By|Posté|Posted|Publié|Published)\b)"
            r"([A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){1,2})",
            line,
        )
    }
    for index, line in enumerate(lines):
        if (
            zones[index] is Zone.BODY
            and index > first_body
            and any(line.startswith(author + " ") for author in authors)
            and len(line.split()) <= 40
        ):
            zones[index] = Zone.OTHER
    blocks = [Block(zone or Zone.OTHER, line) for zone, line in zip(zones, lines, strict=True)]
    ordered_captions = [captions[i] for i in sorted(captions)]
    page = Page(blocks, _first_of_each(ordered_captions))
    page.opinion = is_opinion(page, profile)
    for block in blocks:
        for language in _ordered(profile):
            banner = language.site_banner.search(block.text)
            if banner and block.zone is not Zone.BODY:
                page.outlet = page.outlet or banner.group("site")
    read_provenance(page, profile)
    return page


def is_opinion(page: Page, profile: LanguageProfile) -> bool:
    """The page marks itself as opinion: a label outside the story ("Opinion", "Tribune", a
    breadcrumb "Home > Opinion"), or a disclaimer anywhere ("The views expressed are…").
    The label's words are kept in `page.opinion_label`."""
    for block in page.blocks:
        if block.zone is Zone.BODY:
            found = re.search(r"views expressed|n'engage que", block.text, re.IGNORECASE)
            if found:
                return True
            continue
        words = block.text.split()
        if block.text.count("|") >= 2 or (len(words) >= 4 and all(w[:1].isupper() for w in words)):
            continue  # a site menu lists "Opinion" among its sections
        if block.zone is Zone.HEADLINE or len(words) > 12:
            continue
        # The label heads the line or one step of a breadcrumb ("Opinion", "Opinion | By X",
        # "Accueil > Opinion > Tribunes"); "Have an opinion on this story?" is no label.
        for segment in re.split(r"\s[>›|/]\s", block.text):
            for language in _ordered(profile):
                found = language.opinion_labels.match(segment.strip())
                if found:
                    page.opinion_label = page.opinion_label or found.group(0)
                    return True
    return False


def _dateline_day(page: Page, profile: LanguageProfile) -> tuple[int, int] | None:
    """(month, day) of a dateline that gives no year: "BUENOS AIRES, 6 février (AFP) -"."""
    for line in [*page.bylines, *page.body[:1]]:
        match = _DATELINE.match(line)
        if not match:
            continue
        head = line[: match.end()]
        for pattern in (rf"\b{_DAY}\s+({_MONTH_NAMES})", rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})\b"):
            found = re.search(pattern, head, re.IGNORECASE)
            if found:
                day_text, month_text = (
                    found.groups()
                    if found.group(1)[0].isdigit()
                    else (
                        found.group(2),
                        found.group(1),
                    )
                )
                month = _MONTH_NUMBERS.get(fold(month_text).rstrip(".")) or _MONTH_NUMBERS.get(
                    fold(month_text)
                )
                if month:
                    return month, 1 if day_text == "1er" else int(day_text)
    return None


def _next_on_or_after(reference: date, month: int, day: int) -> date | None:
    """The first (month, day) on or after `reference`: a dispatch is not older than its photo."""
    for year in (reference.year, reference.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate >= reference:
            return candidate
    return None


def _first_of_each(captions: list[Caption]) -> list[Caption]:
    """One caption per text: a caption printed twice is one caption (its `printed_twice` set)."""
    seen: dict[str, Caption] = {}
    for caption in captions:
        key = caption.text or caption.line
        if key in seen:
            first = seen[key]
            if first.credit is None and caption.credit is not None:
                seen[key] = Caption(first.text, caption.credit, True, first.line)
            else:
                seen[key] = Caption(first.text, first.credit, True, first.line)
        else:
            seen[key] = caption
    return list(seen.values())


def read_provenance(page: Page, profile: LanguageProfile) -> None:
    """Agency, dateline and date from the bylines, the first paragraph and the captions."""
    day_first = profile.day_first_dates
    for line in [*page.bylines, *page.body[:1]]:
        match = _DATELINE.match(line)
        if match and match.group(1).split(",")[0].isupper() and len(match.group(2).split()) <= 3:
            page.agency = page.agency or match.group(2)  # "OSLO, Nov. 12 (CPA) -"
        for agency in AGENCIES:
            escaped = re.escape(agency)
            if re.search(
                rf"\(\s*(?:avec\s+|with\s+)?{escaped}\s*\)|^{escaped}$|\b(?:avec|with) {escaped}\b",
                line,
            ):
                page.agency = page.agency or agency
    if page.published is None:
        for line in page.bylines:
            dates = find_dates(line, day_first=day_first)
            if dates:
                page.published, page.published_from = dates[0][0], "dateline"
                break
    caption_dates = [d for c in page.captions for d, _ in find_dates(c.text, day_first=day_first)]
    if page.published is None and caption_dates:
        # "OSLO, Nov. 12 (CPA) -": a dateline gives the day, a caption the year.
        day_and_month = _dateline_day(page, profile)
        if day_and_month is not None:
            page.published = _next_on_or_after(caption_dates[0], *day_and_month)
            page.published_from = "dateline"
    if page.published is None and caption_dates:
        page.published, page.published_from = caption_dates[0], "caption"
    if page.agency is None:
        agencies = [a for c in page.captions if c.credit for a in c.credit.agencies]
        if (
            agencies
            and len(set(agencies)) == 1
            and any(re.search(rf"\b{re.escape(agencies[0])}\b", b) for b in page.bylines)
        ):
            page.agency = agencies[0]
