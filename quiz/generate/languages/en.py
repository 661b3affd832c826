"""English: everything the generator knows about the language, in one profile.

No trained English pipeline can be installed from the package registry, so English runs rules
only: names, places and roles are found by the patterns below (titles, honorifics, capitalised
runs), and the generator says so in every English set it writes. The same precision is required
of it; it asks fewer questions, because it asks only what the rules can vouch for.
"""

from __future__ import annotations

import re
from datetime import date

from quiz.generate.languages.base import (
    LanguageProfile,
    Widget,
    alternation,
    countries_table,
    spaced,
    words,
)

CODE = "en"

TITLES = words(
    """
    prime minister, first minister, foreign minister, foreign secretary, home secretary,
    defence minister, defense minister, finance minister, interior minister, health minister,
    minister, deputy minister, secretary of state, secretary-general, secretary general,
    secretary, president, vice president, chancellor, spokesman, spokeswoman, spokesperson,
    ambassador, mayor, deputy mayor, governor, director, director general, chief executive,
    chief executive officer, chief financial officer, chief operating officer, chairman,
    chairwoman, chair, senator, congressman, congresswoman, councilman, councilwoman,
    councillor, councilor, council member, commissioner, coach, manager, captain, king, queen,
    general, judge, justice, prosecutor, district attorney, attorney general, sheriff,
    police chief, chief constable, professor, economist, analyst, lawyer, attorney, founder,
    co-founder, editor, correspondent, union leader, general secretary, superintendent,
    principal, dean, researcher, scientist, headteacher, leader, chief, officer, inspector,
    filmmaker, film-maker, director, actor, actress, artist, writer, singer, musician, producer,
    photographer, journalist, reporter, broadcaster, architect, engineer, economist, lawyer,
    solicitor, barrister, pilot, astronaut, athlete, player, striker, goalkeeper, chef,
    clerk, county clerk, td, mla, msp, mp, mep, cllr, student, phd student, nurse, doctor,
    farmer, fisherman, skipper, teacher, worker, resident, owner, pharmacist, paramedic,
    volunteer, shop steward, convener, organiser, organizer, campaigner, activist, author,
    novelist, poet, historian, glaciologist, epidemiologist, physician, surgeon, consultant,
    minister for health, health minister, minister for finance, treasurer, rector, vicar
    """
)

_TITLE = rf"(?P<title>(?i:{alternation(TITLES)}))"
_ROLE_HEAD = (
    r"(?<![\w'’-])(?:(?P<owner>[A-Z][\w.-]*(?: [A-Z][\w-]+)?)['’]s |(?P<adj>[A-Z][a-z]+) )?"
    r"(?P<port>(?:[A-Z][a-z]+ )?)"
)


def _of_country(name: str) -> str:
    return f"of {name}"


def _role_text(title: str, portfolio: str | None, demonyms: tuple[str, ...], feminine: bool) -> str:
    adjective = next((d for d in demonyms if d[:1].isupper()), None)
    parts = [adjective, portfolio, title]
    return " ".join(p for p in parts if p)


def _is_feminine(evidence: str, adjective: str | None, demonyms: tuple[str, ...]) -> bool:
    return False  # English roles do not agree with the person


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _format_date(value: date) -> str:
    return f"{_WEEKDAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]} {value.year}"


_REPORTING_VERBS = (
    r"(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:said|added|told|stated|declared|announced|explained|"
    r"insisted|warned|claimed|argued|noted|stressed|confirmed|denied|admitted|replied|wrote|"
    r"tweeted|welcomed|promised|suggested|acknowledged|encouraged|urged|described|predicted|"
    r"estimated|recalled|conceded|complained|cautioned|pointed out|pledged|vowed|maintained|"
    r"questioned|asked|accused|criticised|criticized|praised|called for|called on|"
    r"reiterated|signalled|signaled|indicated|contended|countered|testified|ruled|"
    r"disputed|rejected|defended|blamed|conceded|joked|recounted|observed|remarked|"
    r"reported|responded|said in a statement)"
    r"|saying|adding|arguing|warning|noting|calling|describing|insisting|claiming|"
    r"explaining|stressing|urging|telling"
    r"|says|adds|tells|warns|insists|explains|argues|notes|claims|admits|concedes|"
    r"believes|fears|hopes|wants|thinks|describes|recalls|predicts|estimates|urges|"
    r"say|tell|warn|insist|argue|claim|believe|fear|hope|admit|estimate|want"
)

PROFILE = LanguageProfile(
    code=CODE,
    name="English",
    pipeline=None,
    pipeline_missing=(
        "no trained English pipeline can be installed from the package registry: names, roles "
        "and quotes are found by rules only"
    ),
    person_label="PERSON",
    place_label="GPE",
    org_label="ORG",
    group_label="NORP",
    label_kinds={
        "PERSON": "person",
        "GPE": "place",
        "LOC": "place",
        "FAC": "place",
        "ORG": "org",
        "NORP": "group",
    },
    ruler_place_patterns=(
        [
            {"IS_TITLE": True, "OP": "?"},
            {"IS_TITLE": True},
            {"ORTH": {"IN": ["Sea", "Ocean", "Strait", "Gulf", "Islands", "Peninsula"]}},
        ],
    ),
    group_nouns=("Soviets",),
    stopwords=frozenset(
        spaced(
            "the of and to in is that for on with as was by at from it an are were has have said "
            "this which their its been be"
        )
    ),
    furniture_lines=frozenset(
        words(
            """
            live, breaking, breaking news, read more, related, related stories, related articles,
            related coverage, more on this story, most read, most popular, advertisement,
            sponsored, sponsored content, recommended, recommended for you, share, share this,
            share this article, sign up, newsletter, around the web, from around the web,
            you may also like, top stories, latest news, comments, menu, search, home,
            skip to main content, skip to content, subscribe, log in, sign in, accept all,
            manage preferences, trending, listen, watch, video, print, email, copy link,
            more from, follow us, see all, view comments, sources, external links, related news,
            categories, share this:, discuss, have an opinion on this story?, jump to navigation,
            jump to search, navigation menu, main page, random article, edit, view history
            """
        )
    ),
    furniture_prefixes=words(
        """
        read more, read also, see also, related:, more:, advertisement, live:, live -, live |,
        breaking:, sign up, subscribe, support local journalism, get our, listen to this article,
        listen:, watch:, trending on, sponsored:, most read, more from, follow us, share on,
        copyright, all rights reserved, terms of use, cookie, share this, categories:,
        category:, this text is released under, released under the creative commons,
        this article features first-hand journalism, this page was last edited,
        from wikinews, leave a reply, leave a comment,
        powered by, theme:, comments (
        """
    ),
    furniture_words=re.compile(
        r"^\d+ comments?$|\bcookies?\b|\ball rights reserved\b|\bterms of (?:use|service)\b|\bprivacy policy\b"
        r"|\bsponsored\b|\bnewsletter\b",
        re.IGNORECASE,
    ),
    end_of_story=frozenset(
        words("sources, source, references, external links, related news, see also, notes")
    ),
    site_banner=re.compile(r"\b(?:From|from) (?P<site>Wiki\w+),? the free news source"),
    byline=re.compile(
        r"^(?:By|BY)\s+(?:[A-Z]|staff\b|our\b)"
        r"|^(?i:published|updated|posted|last updated|first published)\b"
        r"|^[A-Z][A-Z' .,-]{2,40}\s*\([A-Z][\w -]{1,30}\)\s*[-—]?\s*$"
        r"|^\(?(?:with\s+)?(?:AFP|Reuters|AP|PA)\)?\.?$"
        r"|^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? \d{1,2}(?:st|nd|rd|th)?"
        r" [A-Z][a-z]+,? \d{4}"
        r"|^\((?i:reporting by)\b"
    ),
    credit_prefixes=("photo", "photograph", "picture", "image", "credit", "photo credit"),
    opinion_labels=re.compile(
        r"\b(?:opinion|comment is free|editorial|column|columnist|blog|op-ed|"
        r"the views expressed|are (?:the author's|his|her|their) own)\b",
        re.IGNORECASE,
    ),
    day_first_dates=False,
    titles=TITLES,
    portfolios=("Interior", "Health", "Finance", "Foreign", "Defence", "Education"),
    honorifics=(
        "Mr",
        "Mr.",
        "Mrs",
        "Mrs.",
        "Ms",
        "Ms.",
        "Dr",
        "Dr.",
        "Prof.",
        "Professor",
        "Sir",
        "Dame",
        "Cllr",
        "Cllr.",
        "Sen.",
        "Rep.",
        "Gov.",
        "Lt",
        "Sgt",
        "Det",
        "Insp",
    ),
    not_names=frozenset(
        words(
            """
            the, a, an, in, on, at, but, and, he, she, they, it, this, that, after, before, when,
            while, as, mr, mrs, ms, dr, ministry, foreign, defence, defense, affairs, council,
            union, nations, united, national, european, world, war, cup, league, party, monday,
            tuesday, wednesday, thursday, friday, saturday, sunday, january, february, march,
            april, june, july, august, september, october, november, december, department,
            office, court, high, supreme, county, city, state, government, police, university,
            hospital, agency, authority, commission, committee, board, federation, association,
            company, group, bank, news, times, daily, school, park, street, road, health, service,
            trust, club, north, south, east, west, new, under, by, for, from, with, if, some, many,
            one, two, three, its, his, her, their, our, we, i, you, there, here, local, chief,
            executive, financial, officer, mayor, president, minister, secretary, spokesman,
            spokeswoman, spokesperson, councillor, councilwoman, councilman, judge, professor,
            director, manager, coach, captain, governor, senator, deputy, leader, inspector,
            democrat, republican, labour, conservative, socialist, independent, liberal, green,
            tory, het, der, die, das, el, los, las, il, lo, justice, sen, rep, gov, lt, col,
            gen, sgt, det, supt, insp, cllr, councillor, mp, mep
            """
        )
    ),
    organisation_words=frozenset(
        words(
            """
            holdings, forum, inc, ltd, plc, llc, capital, ledger, water, courts, court, control,
            letters, survey, rovers, united, league, radio, house, edition, guild, institute,
            institution, party, association, union, council, committee, authority, agency,
            service, services, group, company, corporation, bank, fund, foundation, trust,
            university, college, school, hospital, clinic, department, ministry, office,
            commission, board, times, post, news, press, wire, journal, chronicle, herald, gazette,
            tribune, beacon, sentinel, dispatch, review, magazine, network, television, tv, fm,
            airlines, airways, energy, motors, semiconductor, systems, technologies, labs,
            partners, associates, research, laboratory, observatory, museum, festival, church,
            cathedral, club, team, fc, society, alliance, coalition, movement, front, assembly,
            parliament, senate, congress, police, army, navy, force, barracudas, féin, fein,
            sherpa, extra, centre, center, library, guildhall, station, airport, county,
            district, federation, federal, national, international, global, health, care,
            medical, public, state, city, town, village, mountain, path, park
            """
        )
    ),
    place_words=frozenset(
        words(
            "lake, river, mount, mountain, sea, gulf, bay, island, islands, strait, valley, "
            "desert, cape, port, street, avenue, square, province, region, county, park, path, "
            "road, bridge, hill, forest, creek, harbour, harbor, dome"
        )
    ),
    place_prepositions=re.compile(r"\b(?:in|at|from|near|to|across|outside)\s$"),
    role_before=re.compile(rf"{_ROLE_HEAD}{_TITLE},? (?:of [A-Z]\w+ )?$"),
    role_after=re.compile(
        r"^, (?:(?:the|a|an) )?(?:(?P<owner>[\w.-]+)['’]s )?(?:(?P<adj>[A-Z][a-z]+) )?"
        rf"(?P<port>(?:[a-z]+ ){{0,2}}){_TITLE}"
        r"(?: (?:of|at|for) (?P<of>(?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+){0,3}))?[,.]"
    ),
    same_role=None,
    counterpart=re.compile(r"(?:his|her|their) (?P<adj>[A-Z][a-z]+) counterparts?,? "),
    former=re.compile(r"\b(?:ex|former|late|then|outgoing|incoming|future)[ -]?$", re.IGNORECASE),
    is_feminine=_is_feminine,
    role_text=_role_text,
    reporting=re.compile(rf"\b(?:{_REPORTING_VERBS})\b", re.IGNORECASE),
    according_to=re.compile(r"\b(?:according to|sources? (?:close to|said))\b", re.IGNORECASE),
    unnamed_sources=re.compile(
        r"\b(?:according to\s+)?(?:(?:a|one|two|three|several)\s+)?(?:person|people|source|sources)"
        r" (?:familiar with|close to|briefed on)(?: the [a-z]+(?: [a-z]+)?)?"
        r"|\b(?:according to|said)\s+(?:some|several|many|unnamed|anonymous|two|three)?\s*"
        r"(?:observers|analysts|experts|sources|diplomats|officials|commentators|insiders)\b"
        r"|\b(?:[a-z]+ )?(?:observers|analysts|experts|sources|diplomats)"
        r" (?:\w+ly )?(?:say|said|believe|think|warn|warned)\b"
        r"|\b(?:speaking )?on condition of anonymity\b|\ba source close to\b"
        r"|\b(?:a |one )?(?:person|people|source|sources) (?:familiar with|close to|briefed on)"
        r"(?: the [a-z]+(?: [a-z]+)?)?"
        r"|\bwho (?:asked|declined) (?:not to be named|to be named)\b"
        r"|\bwho spoke on condition of anonymity\b",
        re.IGNORECASE,
    ),
    hedges=re.compile(
        r"\b(?:could(?! not| never| have)|might|may|would(?! not| never| have)|possibly|probably|"
        r"perhaps|"
        r"reportedly|allegedly|"
        r"appears? to|seems? to|is likely to|are likely to|is expected to|are expected to|"
        r"an estimated|is thought to|are thought to|is believed to|are believed to)\b",
        re.IGNORECASE,
    ),
    weak_hedges=frozenset({"may", "would"}),
    pronoun_reporting=re.compile(
        r"^\s*,?\s*(?:he|she|they) (?:said|added|told|explained|insisted|warned|says|adds|"
        r"wrote|argued|noted|recalled|continued)\b"
        r"|^\s*,?\s*(?:said|added|says|adds) (?:he|she|they)\b",
        re.IGNORECASE,
    ),
    that_words=r"that",
    determiners=frozenset(spaced("the a an of these those its their his her our")),
    first_person=re.compile(r"\b(?:I|we|our|my|us|me|I'm|we're|I've|we've)\b"),
    uncertain=re.compile(
        r"\b(?:estimated?|estimates?|understood|expected|believed|thought to|likely|unlikely|"
        r"possible|possibly|probably|appears?|seems?|reportedly|allegedly|is said to|could|"
        r"would|may|might|should|about|around|roughly|nearly|almost|perhaps|fear|fears|hope|"
        r"hopes|plans?|planned|considering|risk|threat|threaten\w*)\b",
        re.IGNORECASE,
    ),
    human_groups=re.compile(
        r"\b(?:the|its|their)\s+(?:\w+\s+)?(?:ministry|department|council|government|police|"
        r"court|agency|company|firm|board|commission|authority|office|prefecture|club|league|"
        r"federation|association|spokesman|spokeswoman|spokesperson)\b"
        r"|\b(?:the|some|many|local|several)\s+(?:\w+\s+)?(?:union|unions|workers|residents|"
        r"fishermen|farmers|parents|pupils|students|protesters|strikers|nurses|doctors|patients|"
        r"staff|employees|members|families|campaigners|activists|supporters|fans|volunteers|"
        r"councillors|officials|critics|opponents|organisers|organizers|dockers|crews)\b",
        re.IGNORECASE,
    ),
    evaluative=re.compile(
        r"\b(?:unsurprisingly|predictably|sadly|thankfully|fortunately|unfortunately|"
        r"shameful|scandalous|absurd|unacceptable|disgrace|farce|of course|clearly|obviously|"
        r"it is time|high time|it must be said|remarkable|extraordinary|astonishing|"
        r"bold gamble|gamble|irony|ironically|sorry state|it remains to be seen|one can|"
        r"we should|we must|should never|best-loved|beloved)\b",
        re.IGNORECASE,
    ),
    months=_MONTHS,
    weekdays=_WEEKDAYS,
    relative_days={"yesterday": -1, "today": 0, "tomorrow": 1},
    clause_start=re.compile(r"[,;:()\"—]|\b(?:that|which|who|but|and|when)\s", re.IGNORECASE),
    forward_cues=re.compile(
        r"\b(?:will|shall|won't|'ll|would|is due|are due|was due|were due|scheduled|"
        r"is set to|are set to|expected to|plans? to|planned|going to|until|by|before|"
        r"beyond|from|starting|next|to resume|to meet|to vote|to decide|deadline)\b",
        re.IGNORECASE,
    ),
    forward_after=re.compile(r"^\s*(?:next|week)\b", re.IGNORECASE),
    backward_cues=re.compile(r"\b(?:last|since|had)\b", re.IGNORECASE),
    habitual=re.compile(r"\b(?:every|each)\s*$", re.IGNORECASE),
    number_words={
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "fifteen": 15,
        "twenty": 20,
        "thirty": 30,
        "hundred": 100,
        "thousand": 1000,
    },
    decimal_comma=False,
    referring_words=frozenset(spaced("the these those their our his her its both")),
    format_date=_format_date,
    meeting_words=re.compile(
        r"\b(?:met|meeting|meetings|talks|summit|held talks|sat down with|hosted)\b", re.IGNORECASE
    ),
    cause_cues=re.compile(r"because of |due to |owing to |because "),
    cause_choice=lambda cue, cause: cause,
    first_words=re.compile(
        r"\b(?:first (?:meeting|visit|time|ever)|for the first time|unprecedented)\b", re.IGNORECASE
    ),
    other_name=re.compile(
        r"(?:which|that|what) (?P<who>[A-Z][\w-]+|(?:the |local |some |many )?[\w -]{3,40}?) "
        r"(?:(?:still )?calls?|names?|refers? to as)"
        r" (?P<other>(?:the )?\"?[^\",.;]+\"?)"
        r"|known (?:in|to) (?P<who2>[A-Z][\w-]+) as (?P<other2>(?:the )?\"?[^\",.;]+\"?)"
    ),
    place_lead=re.compile(r"(?:(?:the )?(?:islands?|the)\s)$", re.IGNORECASE),
    dispute=re.compile(
        r"\b(?:dispute|disputes|disputed|contest|contests|contested|both claim|are at odds over)"
        r"(?: over| about)?\s",
        re.IGNORECASE,
    ),
    of_country=_of_country,
    texts={
        "role.prompt": "According to the article, what is {name}'s position?",
        "role.explain": 'The article presents {name} as {role}: "{evidence}".',
        "side.prompt": "Which of these people represent {country} in the article?",
        "side.explain": "{names}: the article presents them as officials {of_country}.",
        "place.prompt": "Where did {a} and {b} meet?",
        "place.explain": 'The article places the meeting in {place}: "{evidence}".',
        "who.prompt": 'Who? Complete from the article: "{cloze}"',
        "who.explain": 'The article says: "{evidence}" ({name}).',
        "when.prompt": 'Which day? Complete from the article: "{cloze}"',
        "when.explain": 'The article says: "{evidence}".',
        "genre.prompt": 'The page presents this text as "{label}". What kind of text is it?',
        "genre.key": "An opinion piece: the author gives their own view",
        "genre.d1": "An agency report of the facts",
        "genre.d2": "An official press release",
        "genre.d3": "An advertisement",
        "genre.explain": '"{label}" marks an opinion piece: its judgements are its author\'s, not facts established by reporting.',
        "month.prompt": 'Which month? Complete from the article: "{cloze}"',
        "author.prompt": "Who wrote this text?",
        "author.explain": 'The byline "{byline}" names the author, {name}. Knowing who writes tells you where a text speaks from.',
        "author.agency": "A news agency",
        "number.prompt": 'Fill in the number, from the article: "{cloze}"',
        "dispute.prompt": "According to the article, which place do {sides} dispute?",
        "dispute.explain": '"{evidence}": that is what the dispute is about.',
        "number.explain": 'The article says "{evidence}": {value}.',
        "date.prompt": 'The article is dated {reference}. Which day does "{word}" mean in '
        '"{evidence}"?',
        "date.explain": 'A news report counts days from its own date: "{word}", written on '
        "{reference}, means {value}. Check an article's date before dating an event.",
        "cause.prompt": 'Complete from the article: "…{effect} {cue}…"',
        "cause.explain": 'The article gives this reason: "{evidence}". The other choices are '
        "reasons the article gives for other things.",
        "first.prompt": 'True or false? According to the article: "{sentence}"',
        "first.explain": 'That is what the article says; a "first" is often what makes an event '
        "news.",
        "photographer.prompt": "Who took the photo that goes with the article?",
        "photographer.explain": 'The credit "{credit}" names the photographer, {name}. The people '
        "in a photo are not its authors.",
        "pool.prompt": 'In the photo credit "{credit}", what does "Pool" mean?',
        "pool.key": "One photographer was chosen to cover the event for several media, who "
        "share the pictures",
        "pool.d1": "The photo was taken at a swimming pool",
        "pool.d2": "The photo combines several pictures",
        "pool.d3": "The photo was supplied by the government",
        "pool.explain": "When access is limited (an official meeting), one photographer goes in "
        'and the pictures are shared by the media of the "pool": a source worth knowing.',
        "agency.prompt": "Which news agency is credited for the article's photo?",
        "agency.explain": 'The credit "{credit}" names the agency {agency}. Who produced a '
        "picture or a text is the first question to ask.",
        "dateline.prompt": "Which news agency supplied the text or information of this article?",
        "dateline.explain": '"{evidence}" shows the text draws on the agency {agency}.',
        "speaker.prompt": 'Who said: "{words}"?',
        "speaker.explain": 'The article attributes these words to {name}: "{evidence}".',
        "speaker.pronoun": '"{pronoun}" refers to {name}, the last person named before.',
        "unattributed.prompt": 'According to the article, who spoke these words: "{words}"?',
        "unattributed.key": "The article does not say",
        "unattributed.explain": "The words are in quotation marks, so someone said them, but no "
        'verb such as "said" tells who. A quote without a speaker cannot be checked.',
        "indirect.prompt": "How does the article report what {name} said?",
        "indirect.key": "In the journalist's words, without quotation marks (reported speech)",
        "indirect.d1": "Word for word, in quotation marks",
        "indirect.d2": "It reports nothing {name} said",
        "indirect.explain": '"{evidence} that…": the journalist sums up what was said. A '
        "paraphrase can simplify or shift the meaning; only a direct quote gives the exact words.",
        "source.prompt": "In this passage, which words show that the information comes from "
        "sources who are not named?",
        "source.explain": '"{source}": we do not know who these sources are or what they really '
        "know. It is a lead, not an established fact.",
        "cue.prompt": "Which word of this passage shows that this is a hypothesis, not an "
        "established fact?",
        "cue.explain": '"{cue}" presents the idea as possible, not certain.',
        "claim.prompt": 'Who puts forward this idea: "{claim}"?',
        "claim.key": "Sources the article does not name",
        "claim.explain": 'The article writes "{source}": this is neither an established fact '
        "nor the view of an identified person.",
        "established.prompt": 'True or false? The article presents it as certain that "{claim}".',
        "established.explain": '"{source_or_cue}": this is a reported hypothesis, not a fact '
        "the article establishes.",
        "fact.prompt": "Is this sentence of the article a checkable fact, a hypothesis or an "
        'opinion? "{sentence}"',
        "fact.key": "A checkable fact",
        "fact.d1": "A hypothesis",
        "fact.d2": "The journalist's opinion",
        "fact.explain": "It reports precise details ({detail}) without hedging or judging; other "
        "sources can confirm them.",
        "categorize.prompt": "Put each passage of the article in the right group: who is "
        "speaking, and is it certain?",
        "categorize.named": "A named person speaks",
        "categorize.unnamed": "A source with no name",
        "categorize.hedge": "A hypothesis, not a certainty",
        "categorize.explain_named": "When the article says who is speaking ({cue}), you can "
        "check who that person is.",
        "categorize.explain_unnamed": '"{cue}": you do not know who this source is, or what '
        "they really know.",
        "categorize.explain_hedge": '"{cue}" presents the idea as possible, not certain.',
        "silent.prompt": "The article talks about {name}. Which of these governments does the "
        "article mention without ever reporting what it says?",
        "silent.explain": "{name} is mentioned {count} times, but the article reports no statement "
        "from it: we do not learn its point of view.",
        "silent_people.prompt": "Which of these people does the article never quote by name, "
        "directly or in reported speech?",
        "silent_people.explain": "{silent}: the article names them but never lets them speak, "
        "unlike {voiced}.",
        "other_name.prompt": "According to the article, what other name is used for {place} by "
        "{who}?",
        "other_name.explain": '"{evidence}": the same place has two names depending on the side.',
        "two_names.prompt": 'The article refers to the same place as "{place}" and as "{other}". '
        "Why two names?",
        "two_names.key": "The name depends on who is speaking: it reflects a point of view",
        "two_names.d1": "They are two different places",
        "two_names.d2": "One of the names is a typo",
        "two_names.d3": "The name changed after the article was published",
        "two_names.explain": "Choosing a name, above all for a disputed place, already takes a "
        'point of view: "{evidence}".',
        "furniture.prompt": "Which of these parts of the page are not part of the article?",
        "furniture.explain": "{items}: these belong to the website (sections, links, banners), not "
        "to the journalist's text.",
        "body.choice": '"{start}…" (a paragraph)',
        "headline.choice": 'The headline "{headline}"',
        "twice.prompt": "The photo caption appears twice in a row on the page. What does that "
        "tell you?",
        "twice.key": "The page layout repeated the same text: it adds nothing",
        "twice.d1": "The article has two different photos",
        "twice.d2": "The second caption corrects the first",
        "twice.d3": "The journalist stresses an important point",
        "twice.explain": 'Both captions and their credit "{credit}" are identical: a repetition '
        "on the page is not a second source.",
        "widget.prompt": 'On the page, what does "{label}" mark?',
        "widget.explain": '"{label}" belongs to the website, not to the article: {meaning}.',
        "stale.prompt": "This article is dated {reference}. What should you do before using it "
        "today?",
        "stale.key": "Look for more recent reporting to learn what has changed since",
        "stale.d1": "Nothing: an agency report stays true forever",
        "stale.d2": "Only check that the photo is sharp",
        "stale.d3": "Share it as it is, since the source is serious",
        "stale.explain": "Information that was right on its date can be out of date: the date "
        "({evidence}) tells you which moment it describes.",
        "check_claim.prompt": 'The article writes "{source}". How could you check this '
        "information?",
        "check_claim.key": "Look for other sources on the subject that name their experts",
        "check_claim.d1": "Believe it, since it is in an agency report",
        "check_claim.d2": "Read the same article again, more slowly",
        "check_claim.d3": "Count how often it is shared on social media",
        "check_claim.explain": "An anonymous source can only be checked by reading elsewhere "
        "(lateral reading): other outlets, named specialists.",
        "and": "and",
        "none": "nobody",
        "draft.title": "Draft: {headline}",
    },
    widgets={
        **dict.fromkeys(
            ("around the web", "from around the web"),
            Widget(
                "Links to other websites, often sponsored",
                "these links, often paid for, lead off the site and are not sources of the article",
                ("The journalist's sources", "The rest of the article", "Readers' comments"),
                sponsored=True,
            ),
        ),
        "live": Widget(
            "A banner for the site's live news feed",
            "it is a site banner pointing to its live feed, not a detail of the story",
            (
                "That the article was written during the event",
                "A video of the event",
                "A quote from one of the people in the story",
            ),
        ),
        "read more": Widget(
            "A link to another article on the site",
            "it points to another article, not part of the story",
            ("The source of the information", "A summary of the article", "An editor's note"),
        ),
        "related stories": Widget(
            "Links to other articles on the same site",
            "it is the site's navigation, not part of the story",
            ("The article's sources", "The rest of the article", "A correction to the article"),
        ),
        "advertisement": Widget(
            "A paid advertisement",
            "it is paid space, not journalism",
            ("A quote from the article", "The article's sources", "The rest of the article"),
            sponsored=True,
        ),
    },
    countries=countries_table(
        """
        jp | Japan | Japanese | Tokyo
        ru | Russia | Russian, Russians | Moscow, Kremlin
        cn | China | Chinese | Beijing
        us | the United States | American, Americans | Washington, White House | U.S., USA, America
        fr | France | French | Paris, Elysee
        de | Germany | German, Germans | Berlin
        gb | the United Kingdom | British, Briton, Britons | London, Downing Street | UK, Britain, Great Britain
        it | Italy | Italian, Italians | Rome
        es | Spain | Spanish | Madrid
        pt | Portugal | Portuguese | Lisbon
        be | Belgium | Belgian, Belgians | Brussels
        ch | Switzerland | Swiss | Bern
        ca | Canada | Canadian, Canadians | Ottawa
        au | Australia | Australian, Australians | Canberra
        kr | South Korea | South Korean | Seoul
        kp | North Korea | North Korean | Pyongyang
        in | India | Indian, Indians | New Delhi
        br | Brazil | Brazilian, Brazilians | Brasilia
        mx | Mexico | Mexican, Mexicans | Mexico City
        ar | Argentina | Argentine, Argentinian, Argentines | Buenos Aires
        ua | Ukraine | Ukrainian, Ukrainians | Kyiv, Kiev
        pl | Poland | Polish | Warsaw
        tr | Turkey | Turkish | Ankara
        ir | Iran | Iranian, Iranians | Tehran
        il | Israel | Israeli, Israelis | Jerusalem
        eg | Egypt | Egyptian, Egyptians | Cairo
        ma | Morocco | Moroccan, Moroccans | Rabat
        dz | Algeria | Algerian, Algerians | Algiers
        sn | Senegal | Senegalese | Dakar
        ng | Nigeria | Nigerian, Nigerians | Abuja
        za | South Africa | South African | Pretoria
        ke | Kenya | Kenyan, Kenyans | Nairobi
        no | Norway | Norwegian, Norwegians | Oslo
        se | Sweden | Swedish | Stockholm
        nl | the Netherlands | Dutch | Amsterdam, The Hague
        gr | Greece | Greek, Greeks | Athens
        id | Indonesia | Indonesian | Jakarta
        vn | Vietnam | Vietnamese | Hanoi
        ph | the Philippines | Filipino | Manila
        tw | Taiwan | Taiwanese | Taipei
        sa | Saudi Arabia | Saudi | Riyadh
        cl | Chile | Chilean, Chileans | Santiago
        pe | Peru | Peruvian, Peruvians | Lima
        co | Colombia | Colombian | Bogota
        is | Iceland | Icelandic, Icelanders | Reykjavik
        fi | Finland | Finnish | Helsinki
        et | Ethiopia | Ethiopian, Ethiopians | Addis Ababa
        sd | Sudan | Sudanese | Khartoum
        so | Somalia | Somali | Mogadishu
        ug | Uganda | Ugandan | Kampala
        tz | Tanzania | Tanzanian | Dodoma
        pk | Pakistan | Pakistani | Islamabad
        af | Afghanistan | Afghan | Kabul
        iq | Iraq | Iraqi | Baghdad
        sy | Syria | Syrian | Damascus
        lb | Lebanon | Lebanese | Beirut
        th | Thailand | Thai | Bangkok
        ve | Venezuela | Venezuelan | Caracas
        cu | Cuba | Cuban | Havana
        dk | Denmark | Danish | Copenhagen
        at | Austria | Austrian | Vienna
        ie | Ireland | Irish | Dublin
        ro | Romania | Romanian | Bucharest
        hu | Hungary | Hungarian | Budapest
        cz | Czech Republic | Czech | Prague
        qa | Qatar | Qatari | Doha
        ml | Mali | Malian | Bamako
        ci | Ivory Coast | Ivorian | Abidjan, Yamoussoukro
        cd | DR Congo | Congolese | Kinshasa
        tn | Tunisia | Tunisian | Tunis
        nz | New Zealand | New Zealander | Wellington
        """
    ),
)
