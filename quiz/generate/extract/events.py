"""When and how much: dates against the article's own date, figures, meetings, causes, firsts."""

from __future__ import annotations

import re
from datetime import date, timedelta

from quiz.generate.clean import find_dates
from quiz.generate.extract.model import (
    Cause,
    DateMention,
    Meeting,
    NumberMention,
)
from quiz.generate.languages import LanguageProfile
from quiz.generate.lexicon import fold
from quiz.generate.understand import Analysis, Sentence


def find_date_mentions(analysis: Analysis, reference: date | None) -> list[DateMention]:
    """Full dates, weekdays and "hier"/"yesterday", each dated against the article's date when
    its clause says which way to count (see `_weekday_date`), and years."""
    profile = analysis.profile
    day_words = "|".join([*profile.weekdays, *profile.relative_days])
    months = "|".join(profile.months)
    found: list[DateMention] = []
    for sentence in analysis.sentences:
        text = sentence.text
        taken: list[tuple[int, int]] = []
        for full_date, written in find_dates(text, day_first=profile.day_first_dates):
            start = text.find(written)
            taken.append((start, start + len(written)))
            found.append(DateMention(written, full_date, sentence.index, written, "explicit"))
        for match in re.finditer(rf"\b(?:{day_words})\b", text, re.IGNORECASE):
            if any(s <= match.start() < e for s, e in taken):
                continue
            value, how = _weekday_date(sentence, match, profile, reference)
            found.append(
                DateMention(match.group(0), value, sentence.index, _window(text, match), how)
            )
        for match in re.finditer(
            rf"\b(?:(?:début|fin|mi-|courant|early|late|mid-)\s?(?:{months})?\s?)?(?:19|20)\d\d\b",
            text,
            re.IGNORECASE,
        ):
            if any(s <= match.start() < e for s, e in taken):
                continue
            found.append(DateMention(match.group(0), None, sentence.index, _window(text, match)))
    return found


def _weekday_date(
    sentence: Sentence, match: re.Match[str], profile: LanguageProfile, reference: date | None
) -> tuple[date | None, str]:
    """The date a weekday means, and how it was worked out: "explicit" ("jeudi 20 mars"),
    "forward" (a future, a plan or a deadline in its clause: the next such day after the
    article's date), "back" (otherwise, as news counts: the article's day or the days before),
    or "" (no reference date, or every such day)."""
    if reference is None:
        return None, ""
    text = sentence.text
    word = fold(match.group(0))
    if word in profile.relative_days:
        return reference + timedelta(days=profile.relative_days[word]), "back"
    weekday = [fold(d) for d in profile.weekdays].index(word)
    explicit = re.match(r"\s+(1er|\d{1,2})(?:st|nd|rd|th)?\b", text[match.end() :])
    if explicit:
        # "jeudi 20 mars", "du vendredi 26 au dimanche 28 juillet": the day is written out.
        day = 1 if explicit.group(1) == "1er" else int(explicit.group(1))
        rest = text[match.end() + explicit.end() : match.end() + explicit.end() + 40]
        written = re.search(rf"\b({'|'.join(profile.months)})\b", rest, re.IGNORECASE)
        between = rest[: written.start()] if written else rest
        days = "|".join(profile.weekdays)
        if written is None or re.sub(
            rf"(?i)\b(?:{days}|au|et|to|and|er|st|nd|rd|th)\b|[\s\d,-]", "", between
        ):
            return _counted(sentence, match, profile, reference, weekday)  # "mardi 61 300 euros"
        months = [fold(m) for m in profile.months]
        candidates = []
        for shift in range(-3, 10):
            year, month = divmod(reference.month - 1 + shift, 12)
            try:
                candidate = date(reference.year + year, month + 1, day)
            except ValueError:
                continue
            if written and months.index(fold(written.group(1))) != month:
                continue
            if candidate.weekday() == weekday:
                candidates.append(candidate)
        if candidates:
            return min(candidates, key=lambda d: abs((d - reference).days)), "explicit"
        return None, ""
    return _counted(sentence, match, profile, reference, weekday)


def _counted(
    sentence: Sentence,
    match: re.Match[str],
    profile: LanguageProfile,
    reference: date,
    weekday: int,
) -> tuple[date | None, str]:
    """A weekday counted from the article's date, forward or back as its clause says."""
    text = sentence.text
    before = text[: match.start()]
    clause = before[_clause_start(before, profile) :]
    if profile.habitual.search(before):
        return None, ""
    forward = bool(
        profile.forward_after.match(text[match.end() :])
        or profile.forward_cues.search(clause)
        or any(
            "Fut" in token.morph.get("Tense", [])
            for token in sentence.span
            if sentence.span.start_char + len(before) - len(clause)
            <= token.idx
            < sentence.span.start_char + match.start()
        )
    )
    if forward and not profile.backward_cues.search(clause):
        ahead = (weekday - reference.weekday()) % 7 or 7
        return reference + timedelta(days=ahead), "forward"
    back = (reference.weekday() - weekday) % 7
    return reference - timedelta(days=back), "back"


def _clause_start(before: str, profile: LanguageProfile) -> int:
    """Where the clause ending at a weekday starts."""
    starts = [m.end() for m in profile.clause_start.finditer(before)]
    return starts[-1] if starts else 0


def _window(text: str, match: re.Match[str], words: int = 5) -> str:
    """The match with a few words either side, cut on word boundaries: a short evidence quote."""
    before = text[: match.start()].split(" ")
    after = text[match.end() :].split(" ")
    left = " ".join(before[-words:]) if len(before) > 1 else before[0]
    right = " ".join(after[: words + 1])
    return (left + match.group(0) + right).strip(" ,;:")


_NUMBER = r"(?P<n>\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?(?![\d]))"
_NOT_A_FIGURE_AFTER = re.compile(
    r"^(?:\s?(?:h|:)\s?\d|e\b|er\b|ème|st\b|nd\b|rd\b|th\b|/\d|-\d{2,})"
)


def find_numbers(analysis: Analysis, headline: str | None = None) -> list[NumberMention]:
    """Figures of the story, each with the clause it is in: "412 emplois", "$310 million",
    "46,3 %", "58 voix contre 41". Years, dates, hours, ordinals, names ("Radio 1"), references
    back ("les deux pays") and figures already in the headline (a question on them would be
    answered by the title) are left out."""
    profile = analysis.profile
    months = "|".join(profile.months)
    words = "|".join(profile.number_words)
    pattern = re.compile(rf"(?<![\w+/:.,-])(?:{_NUMBER}|(?P<w>\b(?:{words})\b))", re.IGNORECASE)
    month_after = re.compile(rf"^\s*(?:{months})\b", re.IGNORECASE)
    month_before = re.compile(rf"\b(?:{months})\.?\s*$", re.IGNORECASE)
    in_headline = set(re.findall(r"\d[\d ,.]*\d|\d", headline or ""))
    found: list[NumberMention] = []
    for sentence in analysis.sentences:
        text = sentence.text
        for match in pattern.finditer(text):
            raw = (match.group("n") or match.group("w")).strip()
            before, after = text[: match.start()], text[match.end() :]
            previous_word = before.rstrip().split(" ")[-1:] or [""]
            if fold(previous_word[0]) in profile.referring_words:
                continue  # "les deux pays", "nos deux économies": a reference, not a figure
            if _NOT_A_FIGURE_AFTER.match(after) or month_after.match(after):
                continue  # "7h30", "13e", "12 octobre", "2024-25"
            named = month_before.search(before) or re.search(r"[A-ZÀ-Þ][\w-]*\s$", before[-20:])
            if named and not match.group("w"):
                continue  # "Oct. 14", "Radio 1", "Article 12"
            if match.group("n") and re.fullmatch(r"(?:1[89]|20)\d\d", raw):
                continue  # a year
            value = _value(raw, profile)
            if value is None or (value < 2 and value == int(value)):
                continue
            if raw in in_headline or (match.group("n") and raw.replace(" ", "") in in_headline):
                continue
            if match.group("w") and re.search(rf"\b{re.escape(fold(raw))}\b", fold(headline or "")):
                continue  # "trois ans" when the headline says "condamné à trois ans"
            noun = re.match(r"\s*(?:%|[$£€]|[\w'’-]+)", after)
            if noun and fold(noun.group(0).strip()) in ("fois", "times"):
                continue  # "citée deux fois": how often, not a figure of the story
            clause = clause_of(text, match.start(), match.end(), min_words=8)
            if clause is None:
                continue
            found.append(
                NumberMention(
                    value, raw, noun.group(0).strip() if noun else "", sentence.index, clause
                )
            )
    return found


def _value(raw: str, profile: LanguageProfile) -> float | None:
    if raw.lower() in profile.number_words:
        return float(profile.number_words[raw.lower()])
    text = re.sub(r"[ \u00a0\u202f]", "", raw)
    if profile.decimal_comma:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
            text = text.replace(".", "")
        text = text.replace(",", ".")
    else:
        text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


_CLAUSE_OPENING = re.compile(r"[,;:]\s|\s[-–—]\s|[«\"]\s?")
_CLAUSE_CLOSING = re.compile(r"[,;:.!?»\"](?=\s|$)|\s[-–—]\s")
_DEPENDENT_START = re.compile(
    r"^(?:qui|que|qu'|dont|où|et|ou|mais|soit|which|who|whom|that|and|or|but|while)\b", re.I
)


_DANGLING_END = re.compile(r"\b(?:et|ou|mais|and|or|but)\s*[,;:]$", re.IGNORECASE)


def clause_of(text: str, start: int, end: int, min_words: int = 6) -> str | None:
    """The clause holding text[start:end], with its closing punctuation: from the last ", ", ";"
    or ":" before it (or the sentence start) to the next one (or the sentence end). A clause too
    short to stand alone, or opening on "qui"/"et"/"which", takes the one before it along."""
    lefts = [0, *(m.end() for m in _CLAUSE_OPENING.finditer(text[:start]))]
    closing = _CLAUSE_CLOSING.search(text, end)
    right = closing.end() if closing else len(text)
    left = lefts.pop()
    clause = text[left:right].strip()
    while lefts and (len(clause.split()) < min_words or _DEPENDENT_START.match(clause)):
        left = lefts.pop()
        clause = text[left:right].strip()
    while right < len(text) and (len(clause.split()) < min_words or _DANGLING_END.search(clause)):
        more = _CLAUSE_CLOSING.search(text, right)
        right = more.end() if more else len(text)
        clause = text[left:right].strip()
    words = len(clause.split())
    balanced = (
        clause.count('"') % 2 == 0
        and clause.count("«") == clause.count("»")
        and clause.count("(") == clause.count(")")
    )
    edged = clause.rstrip(".,;:!?").endswith(('"', "»")) or clause.startswith(('"', "«"))
    if words < min_words or words > 35 or not balanced or edged:
        return None
    return clause


def find_meetings(analysis: Analysis, dates: list[DateMention]) -> list[Meeting]:
    found: list[Meeting] = []
    for sentence in analysis.sentences:
        cue = analysis.profile.meeting_words.search(sentence.text)
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


def find_causes(analysis: Analysis) -> list[Cause]:
    found: list[Cause] = []
    for sentence in analysis.sentences:
        for match in analysis.profile.cause_cues.finditer(sentence.text):
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


def find_firsts(analysis: Analysis) -> list[Sentence]:
    return [s for s in analysis.sentences if analysis.profile.first_words.search(s.text)]
