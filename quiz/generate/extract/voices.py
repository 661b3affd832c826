"""Who speaks: direct quotes and their speakers, reported speech, hedges and unnamed sources.

A quote is attributed the way a careful reader does it, and the way it was found is kept (`how`),
because questions trust some ways more than others:

- "after": the tag follows the quote ("…», a déclaré X" / '…," X said' / '…," said X');
- "before": the speaker introduces it ("X a déclaré : « … »", "X estime que la prime « … »");
- "according": "selon X, « … »", "pour X, … « … »", "according to X";
- "continued": a quote that opens a sentence right after another quote of the same paragraph;
- "pronoun": "« … », a-t-il ajouté" — the last person named before;
- "context": a quote opening a sentence after a sentence about one person;
- "role": a speaker named by role or office only ("la préfète", "the ministry");
- "unknown": someone speaks, the rules cannot say who;
- "none": nobody at all — no reporting verb, no name, no pronoun, no group: the only case in
  which "the article does not say" is a right answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.generate.extract.model import Facts, Hedge, Quote
from quiz.generate.languages import LanguageProfile
from quiz.generate.languages.base import spaced
from quiz.generate.lexicon import country_named, fold, is_capital, without_article
from quiz.generate.understand import Analysis, Mention, Person, Sentence

_QUOTED = re.compile(
    r"«\s*(?P<a>[^«»]+?)\s*»|\"(?P<b>[^\"]+)\""
    r"|(?<![\w'])'(?P<c>(?:[^']|(?<=\w)'(?=\w))+?)'(?![\w'])"
)
"""Guillemets, double quotes, and single quotes (British style); an apostrophe inside a word
("We're", "l'accord") is no quote mark."""

SURE_WAYS = frozenset({"after", "before", "according"})
"""Attributions read from a tag next to the quote: the speaker is named there."""


@dataclass(frozen=True)
class _Speaker:
    name: str
    person: Person | None
    how: str
    tag: str
    """The words that attribute the quote, as written."""


# --- quotes -----------------------------------------------------------------------------------------


def _is_speech(analysis: Analysis, sentence: Sentence, start: int, end: int, words: str) -> bool:
    """Quoted words that someone said, not a term in quotes ("2+2", "territoires du Nord")."""
    count = len(words.split())
    if count < 4:
        return False
    # 'lancer des "discussions sur la cyber-sécurité"': a quoted noun phrase is a term, not speech.
    before = sentence.text[:start].split()
    if before and fold(before[-1]) in analysis.profile.determiners:
        return False
    if count >= 7 or analysis.profile.first_person.search(words):
        return True
    if analysis.degraded:
        return False
    # A small model may tag a verb as a noun ("permettra"): any verb form counts in a quote.
    offset = sentence.span.start_char + (len(sentence.span.text) - len(sentence.span.text.lstrip()))
    return any(
        start <= token.idx - offset < end and token.pos_ in ("VERB", "AUX")
        for token in sentence.span
    )


def _persons_in(analysis: Analysis, sentence: Sentence, start: int, end: int) -> list[Mention]:
    return [
        m
        for m in analysis.mentions_in(sentence.index)
        if m.kind == "person" and start <= m.start and m.end <= end
    ]


_COMPLEMENT = re.compile(r"\b\w+\s+(?:de|d'|du|des|of)\s*$", re.IGNORECASE)
"""A name after "l'équipe de", "the team of": a complement, not the subject."""


def _reliable(analysis: Analysis, mention: Mention) -> Person | None:
    person = analysis.person_for(mention.text)
    return person if person is not None and person.reliable else None


def _antecedent(
    analysis: Analysis, sentence: Sentence, start: int, recent: list[Quote] | None = None
) -> Person | None:
    """Whom "il"/"she" refers to in news style: the last person who spoke in this sentence or
    the one before ("Tan said she had spoken to Mayor Whitfield. "…," she said": Tan), else the
    person named last before, in this paragraph or the one before. Names inside quotes do not
    count."""
    for quote in reversed(recent or []):
        if quote.sentence < sentence.index - 1:
            break
        if quote.person is not None and quote.how in ("after", "before", "according", "reported"):
            return quote.person
    inside = _quoted_spans(analysis)
    candidates = [
        m
        for m in analysis.mentions
        if m.kind == "person"
        and (m.sentence < sentence.index or (m.sentence == sentence.index and m.end <= start))
        and analysis.sentences[m.sentence].paragraph >= sentence.paragraph - 1
        and not any(s <= m.start < e for s, e in inside.get(m.sentence, []))
    ]
    if not candidates:
        return None
    last = max(candidates, key=lambda m: (m.sentence, m.start))
    return _reliable(analysis, last)


def _quoted_spans(analysis: Analysis) -> dict[int, list[tuple[int, int]]]:
    return {
        s.index: [(m.start(), m.end()) for m in _QUOTED.finditer(s.text)]
        for s in analysis.sentences
    }


_INDEFINITE = re.compile(
    r"\b(?:un|une|des|plusieurs|certains|cette|ce|cet|a|an|one|some|several|this|these|another)\s",
    re.IGNORECASE,
)
_INDIRECT_OBJECT = re.compile(r"\b(?:à|au|aux|to|devant|auprès de|selon)\s*$", re.IGNORECASE)


def _subject_after_verb(
    analysis: Analysis, sentence: Sentence, at: int, tag_end: int
) -> tuple[Mention | None, str]:
    """The speaker named after an inverted reporting verb ("…», a déclaré à l'AFP la ministre X"):
    the first person mention that is not an indirect object, unless an indefinite noun phrase
    ("un membre de l'équipe", "a spokesman") is the subject before it."""
    segment_end = min(tag_end, at + 160)
    for mention in analysis.mentions_in(sentence.index):
        if mention.start < at or mention.start >= segment_end:
            continue
        between = sentence.text[at : mention.start]
        if "." in between:
            break
        if _INDIRECT_OBJECT.search(between):
            continue  # "a déclaré à l'AFP", "told Reuters"
        if mention.kind != "person":
            continue
        if _INDEFINITE.search(" " + between) or _COMPLEMENT.search(between):
            return None, between.strip(" ,")
        return mention, between
    return None, sentence.text[at:segment_end].split(",")[0].strip()


def _after(
    analysis: Analysis, sentence: Sentence, end: int, recent: list[Quote]
) -> _Speaker | None:
    """A tag after the quote: '…», a déclaré X', '…," X said', '…», a-t-il ajouté'."""
    profile = analysis.profile
    tail = sentence.text[end:]
    next_quote = re.search(r"[«\"]", tail)
    tag_end = end + (next_quote.start() if next_quote else len(tail))
    tail = sentence.text[end:tag_end]
    pronoun = profile.pronoun_reporting.match(tail)
    if pronoun:
        person = _antecedent(analysis, sentence, end, recent)
        tag = pronoun.group(0).strip(" ,.!?")
        return _Speaker(person.name, person, "pronoun", tag) if person else None
    verb = profile.reporting.search(tail)
    if verb is None or verb.start() > 120:
        return None
    # '…," Wekesa told reporters', '…," Chief Executive Rachel Tan said', '…," the trust's chair,
    # Bev Naylor, told': the name before the verb, after a title or an apposition at most.
    for named in _persons_in(analysis, sentence, end, end + verb.start()):
        person = _reliable(analysis, named)
        lead = sentence.text[end : named.start].strip(" ,.!?")
        rest = sentence.text[named.end : end + verb.start()].strip()
        if (
            person is not None
            and len(lead.split()) <= 8
            and not re.search(r"[«»\"]", lead)
            and (rest in ("", ",") or re.fullmatch(r",[^,.;«»\"]{1,80},", rest))
        ):
            return _Speaker(person.name, person, "after", sentence.text[end : end + verb.end()])
    if verb.start() > 40 or sentence.text[end : end + verb.start()].strip(" ,.!?"):
        return None  # words between the quote and the verb that are no name: not a plain tag
    mention, subject = _subject_after_verb(analysis, sentence, end + verb.end(), tag_end)
    if mention is not None:
        person = _reliable(analysis, mention)
        if person is not None:
            tag = sentence.text[end : mention.end]
            return _Speaker(person.name, person, "after", tag.strip(" ,"))
        return _Speaker(mention.text, None, "unknown", mention.text)
    return _Speaker(subject, None, "role", subject) if subject else None


_PRONOUNS = frozenset(spaced("il elle ils elles on he she they"))
_RELATIVE = re.compile(r"\b(?:which|who|whom|that|qui|que|qu'|dont|où)\b", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"(?:^|[,;]\s*)(?:il|elle|ils|elles|he|she|they)\s+\S+", re.I)


def _before(
    analysis: Analysis, sentence: Sentence, start: int, clause_start: int, recent: list[Quote]
) -> _Speaker | None:
    """The speaker introducing the quote: 'X a déclaré : « … »', 'selon X, « … »', 'X estime que
    la prime « … »', 'Pour l'hydrologue X, … « … »'."""
    profile = analysis.profile
    head = sentence.text[:start]
    head_text = head[clause_start:]
    for mention in _persons_in(analysis, sentence, clause_start, start):
        lead = sentence.text[clause_start : mention.start]
        found = re.search(
            rf"(?:{profile.according_to.pattern})\s+(?:[\w'’-]+\s+){{0,2}}$", lead, re.IGNORECASE
        )
        person = _reliable(analysis, mention) if found else None
        if found and person is not None:
            tag = sentence.text[clause_start + found.start() : mention.end]
            return _Speaker(person.name, person, "according", tag)
    verbs = list(profile.reporting.finditer(head_text))
    colon = head_text.rstrip().endswith(":")
    if not verbs and not colon:
        return None
    verb_at = clause_start + (verbs[-1].start() if verbs else len(head_text.rstrip()) - 1)
    subjects = [
        m
        for m in analysis.mentions_in(sentence.index)
        if clause_start <= m.start and m.end <= verb_at and m.kind in ("person", "org", "group")
    ]
    just_before = head_text[: verb_at - clause_start].rstrip().split(" ")[-1:]
    if just_before and fold(just_before[0]) in _PRONOUNS:
        person = _antecedent(analysis, sentence, clause_start, recent)  # '…, she said: "…"'
        if person is not None:
            return _Speaker(person.name, person, "pronoun", head_text.strip())
        return _Speaker("", None, "unknown", head_text.strip())
    if subjects:
        first = subjects[0]
        lead = sentence.text[clause_start : first.start]
        if _COMPLEMENT.search(lead) or _RELATIVE.search(lead):
            return _Speaker(first.text, None, "role", "")  # "L'équipe de X…", "The letter, which X"
        if first.kind == "person":
            person = _reliable(analysis, first)
            if person is not None:
                return _Speaker(person.name, person, "before", sentence.text[first.start : verb_at])
            return _Speaker(first.text, None, "unknown", first.text)
        return _Speaker(first.text, None, "role", first.text)
    if _PRONOUN_SUBJECT.search(head_text[: verb_at - clause_start]):
        person = _antecedent(analysis, sentence, clause_start, recent)
        if person is not None:
            return _Speaker(person.name, person, "pronoun", head_text.strip())
    return _Speaker("", None, "unknown", head_text.strip())


def _nobody(analysis: Analysis, sentence: Sentence, start: int) -> bool:
    """A quote in a sentence that names no one and has no one speaking: no reporting verb, no
    "selon", no pronoun or group as subject, no colon, not a sentence opening on the quote."""
    profile = analysis.profile
    text = _QUOTED.sub(lambda m: " " * len(m.group(0)), sentence.text)  # words outside quotes
    return not (
        sentence.text.lstrip().startswith(("«", '"'))
        or profile.reporting.search(text)
        or profile.according_to.search(text)
        or _PRONOUN_SUBJECT.search(text[:start])
        or profile.human_groups.search(text[:start])
        or ":" in text[:start]
        or any(m.kind in ("person", "org", "group") for m in analysis.mentions_in(sentence.index))
    )


def find_quotes(analysis: Analysis) -> list[Quote]:
    quotes: list[Quote] = []
    previous: _Speaker | None = None
    previous_paragraph = -1
    for sentence in analysis.sentences:
        if sentence.paragraph != previous_paragraph:
            # A new paragraph keeps the last speaker only when the one before ended on a quote.
            last_text = analysis.sentences[sentence.index - 1].text if sentence.index else ""
            if not last_text.rstrip().endswith(("»", '"', ":", '."', '»."')):
                previous = None
            previous_paragraph = sentence.paragraph
        found_here = False
        clause_start = 0
        in_sentence: _Speaker | None = None
        for match in _QUOTED.finditer(sentence.text):
            # English puts the comma inside the quote marks ("…too long," she said).
            words = (match.group("a") or match.group("b") or match.group("c")).strip().rstrip(",")
            if not _is_speech(analysis, sentence, match.start(), match.end(), words):
                continue
            speaker = _after(analysis, sentence, match.end(), quotes)
            if (speaker is None or speaker.how == "unknown") and in_sentence is not None:
                # A second quote in the sentence, no one else named since the first: '"…,"
                # said Lindqvist. "We took it out of service…"' is Lindqvist again.
                others = [
                    m
                    for m in _persons_in(analysis, sentence, clause_start, match.start())
                    if analysis.person_for(m.text) is not in_sentence.person
                ]
                if not others:
                    speaker = _Speaker(in_sentence.name, in_sentence.person, "continued", "")
            if speaker is None:
                speaker = _before(analysis, sentence, match.start(), clause_start, quotes)
            clause_start = match.end()
            opens = not sentence.text[: match.start()].strip()
            if speaker is None and opens and previous is not None and previous.person is not None:
                how = "continued" if found_here or previous.how in SURE_WAYS else "context"
                speaker = _Speaker(previous.name, previous.person, how, previous.tag)
            if speaker is None and opens and sentence.index > 0:
                person = _only_person_of(analysis, analysis.sentences[sentence.index - 1])
                if (
                    person is not None
                    and sentence.paragraph == analysis.sentences[sentence.index - 1].paragraph
                ):
                    speaker = _Speaker(person.name, person, "context", "")
            if speaker is None:
                nobody = _nobody(analysis, sentence, match.start())
                speaker = _Speaker("", None, "none" if nobody else "unknown", "")
            quotes.append(
                Quote(
                    words,
                    speaker.name if speaker.how != "none" else None,
                    speaker.person,
                    sentence.index,
                    match.group(0),
                    direct=True,
                    by_pronoun=speaker.how == "pronoun",
                    how=speaker.how,
                    tag=speaker.tag,
                )
            )
            found_here = True
            if speaker.person is not None:
                previous = speaker
                in_sentence = speaker
        quotes.extend(_reported(analysis, sentence))
    return quotes


def _only_person_of(analysis: Analysis, sentence: Sentence) -> Person | None:
    """The one reliable person a sentence names outside quotes, if it names exactly one."""
    inside = [(m.start(), m.end()) for m in _QUOTED.finditer(sentence.text)]
    people = {
        id(p): p
        for m in analysis.mentions_in(sentence.index, "person")
        if not any(s <= m.start < e for s, e in inside)
        and (p := _reliable(analysis, m)) is not None
    }
    return next(iter(people.values())) if len(people) == 1 else None


def _reported(analysis: Analysis, sentence: Sentence) -> list[Quote]:
    """Reported speech: a named person, then a reporting verb, then "que"/"that" or a clause
    ("Bell told analysts the company expected…"), with no quote mark between them."""
    profile = analysis.profile
    found: list[Quote] = []
    for verb in profile.reporting.finditer(sentence.text):
        subjects = [
            m
            for m in analysis.mentions_in(sentence.index, "person")
            if m.end <= verb.start() and verb.start() - m.end <= 60
        ]
        if not subjects:
            continue
        subject = subjects[-1]
        if _COMPLEMENT.search(sentence.text[: subject.start]):
            continue  # "L'équipe de X a dit": the team speaks
        if re.search(r"[»\"']\s*,?[^«»\"]{0,60}$", sentence.text[: subject.start]):
            continue  # '…," the trust's chair, Bev Naylor, told': the tag of a direct quote
        between = sentence.text[subject.end : verb.start()]
        if re.search(r"[«»\"]", between) or re.search(r"[.;:]", between):
            continue
        if between.strip(" ,") and not re.fullmatch(r",[^,]{1,120},\s*", between):
            continue  # the verb's subject is not this name ("X, qui…, a dit" is fine)
        person = _reliable(analysis, subject)
        if person is None:
            continue
        tail = sentence.text[verb.end() :]
        that = re.search(rf"\b(?:{profile.that_words})", tail[:80])
        opening = re.search(r"[«\"]", tail)
        if (
            opening
            and (that is None or opening.start() < that.start())
            and ":" in tail[: opening.start() + 1]
        ):
            continue  # 'Keller told the council: "…"': a direct quote follows, not a paraphrase
        clause = tail[that.end() :].strip() if that else tail.strip()
        evidence = sentence.text[subject.start : verb.end()]
        found.append(
            Quote(
                clause,
                person.name,
                person,
                sentence.index,
                evidence,
                direct=False,
                how="reported",
                tag=evidence,
            )
        )
        break
    return found


# --- who speaks, who does not -----------------------------------------------------------------------


def mark_voices(facts: Facts) -> None:
    """Sort the article's people into those surely heard, surely never heard, and the rest.

    Heard: a quote or reported speech is attributed to them. Never heard: no sentence that names
    them has a reporting verb or a quote mark, they are named outside quotes, and no quote follows
    right after them. Anyone else is left out of "who is never heard?" questions.
    """
    analysis = facts.analysis
    profile = analysis.profile
    heard: set[int] = set()
    maybe_heard: set[int] = set()
    for quote in facts.quotes:
        if quote.person is not None:
            sure = quote.how in SURE_WAYS or quote.how in ("continued", "reported")
            (heard if sure else maybe_heard).add(id(quote.person))
            facts.voiced.add(fold(quote.person.name))
        elif quote.speaker:
            facts.voiced.add(fold(quote.speaker))
    inside = _quoted_spans(analysis)
    unsure_quotes = {
        q.sentence
        for q in facts.quotes
        if q.direct and q.how not in SURE_WAYS and q.how not in ("continued", "none")
    }
    for person in analysis.persons:
        outside = [
            m
            for m in person.mentions
            if not any(s <= m.start < e for s, e in inside.get(m.sentence, []))
        ]
        if not outside:
            continue  # named only inside someone else's quote: not a voice the article omits
        if id(person) in heard:
            facts.heard.append(person)
            continue
        if id(person) in maybe_heard:
            continue
        speaking = False
        for mention in outside:
            sentence = analysis.sentences[mention.sentence]
            following = (
                analysis.sentences[mention.sentence + 1].text
                if mention.sentence + 1 < len(analysis.sentences)
                else ""
            )
            if (
                profile.reporting.search(sentence.text)
                or profile.according_to.search(sentence.text)
                or mention.sentence in unsure_quotes
                or mention.sentence + 1 in unsure_quotes
                or _quoted_words(sentence.text)
                or _PRONOUN_REPORT_ANYWHERE.search(following)
                or (_PRONOUN_START.match(following) and profile.reporting.search(following))
            ):
                speaking = True
                break
        if not speaking and person.reliable and not _may_be_a_role_quote(facts, person):
            facts.unheard.append(person)
    # Governments by their capital: a capital named next to a reporting verb speaks; a country
    # is heard when any sentence naming it (capital, name, demonym: "a Norwegian official")
    # reports speech, a quote or a source other than an unnamed one.
    verbs = profile.reporting
    counts: dict[str, int] = {}
    order: list[str] = []
    for mention in analysis.mentions:
        if mention.kind not in ("place", "org"):
            continue
        text = analysis.sentences[mention.sentence].text
        after = verbs.match(text[mention.end :].lstrip(" ,"))
        before = re.search(rf"(?:{verbs.pattern})\s*$", text[: mention.start], re.IGNORECASE)
        if after or before:
            facts.voiced.add(fold(mention.text))
        if mention.kind == "place" and is_capital(mention.text, analysis.language):
            if mention.text not in counts:
                order.append(mention.text)
            counts[mention.text] = counts.get(mention.text, 0) + 1
    facts.silent_actors = [
        (name, counts[name])
        for name in order
        if fold(name) not in facts.voiced and not _country_heard(facts, name)
    ]


def _country_heard(facts: Facts, capital: str) -> bool:
    analysis = facts.analysis
    profile = analysis.profile
    country = country_named(capital, profile.code)
    if country is None:
        return True
    if any(f.country is country for f in facts.people):
        return True  # one of its officials is in the story
    names = country.names[profile.code]
    forms = {names.name, *names.demonyms, *names.capitals, *names.aliases}
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(without_article(f)) for f in forms) + r")\b", re.IGNORECASE
    )
    for sentence in analysis.sentences:
        if not pattern.search(sentence.text):
            continue
        text = profile.unnamed_sources.sub(" ", sentence.text)
        if verbs_or_quotes(profile, text):
            return True
    return False


def verbs_or_quotes(profile: LanguageProfile, text: str) -> bool:
    """A reporting verb, a source ("selon…") or quoted words of four words or more (a quoted
    term like "2+2" is no speech)."""
    return bool(
        profile.reporting.search(text)
        or profile.according_to.search(text)
        or any(len(m.group(0).split()) >= 4 for m in _QUOTED.finditer(text))
    )


def _may_be_a_role_quote(facts: Facts, person: Person) -> bool:
    """A quote given to a role only ("a déclaré la nouvelle présidente") may be this person's,
    when the role's title is in a sentence that names them ("élue présidente")."""
    titles = {fold(t) for t in facts.profile.titles if " " not in t}
    roles = [
        fold(q.speaker or q.tag)
        for q in facts.quotes
        if q.direct and q.person is None and q.how in ("role", "unknown", "context")
    ]
    role_titles = {w for role in roles for w in re.findall(r"[\w'-]+", role) if w in titles}
    if not role_titles:
        return False
    named_in = {fold(facts.sentence(m.sentence).text) for m in person.mentions}
    return any(re.search(rf"\b{re.escape(t)}\b", text) for t in role_titles for text in named_in)


def _quoted_words(text: str) -> bool:
    """Quoted words, two words or more: maybe a fragment of someone's speech (« parfaitement
    conscient »), unlike a quoted label ("2+2")."""
    return any(len(re.findall(r"[^\W\d_]{2,}", m.group(0))) >= 2 for m in _QUOTED.finditer(text))


_PRONOUN_START = re.compile(r"\s*(?:il|elle|ils|elles|he|she|they)\b", re.IGNORECASE)
_PRONOUN_REPORT_ANYWHERE = re.compile(
    r"-t-(?:il|elle)\b|\b(?:il|elle|ils|elles|he|she|they)\s+(?:a|ont|avait|has|had)?\s*"
    r"(?:dit|déclaré|ajouté|estimé|expliqué|said|added|told|says)\b",
    re.IGNORECASE,
)


# --- hedges ---------------------------------------------------------------------------------------


def find_hedges(analysis: Analysis) -> list[Hedge]:
    hedges: list[Hedge] = []
    profile = analysis.profile
    verbs = profile.reporting
    for sentence in analysis.sentences:
        text = sentence.text
        source_match = profile.unnamed_sources.search(text)
        cues: list[str] = []
        for match in profile.hedges.finditer(text):
            # "ils avaient indiqué que les deux pays se retrouveraient", "she said it would need
            # repairs before it could reopen": tense agreement in reported speech, no hedge.
            if verbs.search(text[: match.start()]):
                continue
            if fold(match.group(0)) in profile.weak_hedges:
                continue  # "may" the month, "would" of reported speech
            cues.append(match.group(0))
        if source_match or cues:
            source = source_match.group(0) if source_match else None
            if source and text.startswith(source):
                source = source[0].upper() + source[1:]
            hedges.append(Hedge(sentence.index, text, tuple(dict.fromkeys(cues)), source))
    return hedges
