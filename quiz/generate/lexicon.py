"""Curated word lists the generator leans on where a small language model is weak on news.

Countries with their demonyms and capitals (a capital often stands for its government: "Tokyo et
Moscou sont convenus…"), news agencies, reporting verbs, hedges and unnamed sources, and the words
of page furniture. French and English; everything is compared after `fold` (no case, no accents).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from quiz.core.text import strip_accents


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case- and accent-free form used for every look-up in these lists."""
    return strip_accents(text).casefold().replace("’", "'")


@dataclass(frozen=True, eq=False)
class Country:
    """One country; the list holds each once, so identity is equality."""

    key: str
    name: dict[str, str]
    """The country's name with its article, by language ("le Japon", "Japan")."""
    bare: dict[str, str]
    """The name alone ("Japon", "Japan")."""
    demonyms: tuple[str, ...]
    """Adjective and noun forms in both languages, any gender and number."""
    capitals: tuple[str, ...]


_LEADING_ARTICLE = re.compile(r"^(?:le |la |les |l'|the )")


def without_article(name: str) -> str:
    """The name without its leading definite article: "les Kouriles" -> "Kouriles"."""
    return _LEADING_ARTICLE.sub("", name)


def _country(
    key: str,
    fr: str,
    en: str,
    demonyms: str,
    capitals: str,
) -> Country:
    return Country(
        key,
        {"fr": fr, "en": en},
        {"fr": without_article(fr), "en": without_article(en)},
        tuple(demonyms.split()),
        tuple(c.replace("_", " ") for c in capitals.split()),
    )


COUNTRIES: tuple[Country, ...] = (
    _country(
        "jp", "le Japon", "Japan", "japonais japonaise japonaises Japanese nippon nippone", "Tokyo"
    ),
    _country("ru", "la Russie", "Russia", "russe russes Russian Russians", "Moscou Moscow Kremlin"),
    _country("cn", "la Chine", "China", "chinois chinoise chinoises Chinese", "Pékin Beijing"),
    _country(
        "us",
        "les États-Unis",
        "the United States",
        "américain américaine américains américaines American Americans",
        "Washington Maison-Blanche",
    ),
    _country("fr", "la France", "France", "français française françaises French", "Paris Élysée"),
    _country(
        "de",
        "l'Allemagne",
        "Germany",
        "allemand allemande allemands allemandes German Germans",
        "Berlin",
    ),
    _country(
        "gb",
        "le Royaume-Uni",
        "the United Kingdom",
        "britannique britanniques British",
        "Londres London Downing_Street",
    ),
    _country(
        "it", "l'Italie", "Italy", "italien italienne italiens italiennes Italian Italians", "Rome"
    ),
    _country(
        "es", "l'Espagne", "Spain", "espagnol espagnole espagnols espagnoles Spanish", "Madrid"
    ),
    _country(
        "pt",
        "le Portugal",
        "Portugal",
        "portugais portugaise portugaises Portuguese",
        "Lisbonne Lisbon",
    ),
    _country("be", "la Belgique", "Belgium", "belge belges Belgian Belgians", "Bruxelles Brussels"),
    _country("ch", "la Suisse", "Switzerland", "suisse suisses Swiss", "Berne Bern"),
    _country(
        "ca",
        "le Canada",
        "Canada",
        "canadien canadienne canadiens canadiennes Canadian Canadians",
        "Ottawa",
    ),
    _country(
        "au",
        "l'Australie",
        "Australia",
        "australien australienne australiens Australian Australians",
        "Canberra",
    ),
    _country(
        "kr",
        "la Corée du Sud",
        "South Korea",
        "sud-coréen sud-coréenne sud-coréens South_Korean",
        "Séoul Seoul",
    ),
    _country(
        "kp",
        "la Corée du Nord",
        "North Korea",
        "nord-coréen nord-coréenne nord-coréens North_Korean",
        "Pyongyang",
    ),
    _country("in", "l'Inde", "India", "indien indienne indiens Indian Indians", "New_Delhi"),
    _country(
        "br",
        "le Brésil",
        "Brazil",
        "brésilien brésilienne brésiliens Brazilian Brazilians",
        "Brasilia",
    ),
    _country(
        "mx", "le Mexique", "Mexico", "mexicain mexicaine mexicains Mexican Mexicans", "Mexico_City"
    ),
    _country(
        "ar",
        "l'Argentine",
        "Argentina",
        "argentin argentine argentins Argentine Argentinian",
        "Buenos_Aires",
    ),
    _country(
        "ua",
        "l'Ukraine",
        "Ukraine",
        "ukrainien ukrainienne ukrainiens Ukrainian Ukrainians",
        "Kiev Kyiv",
    ),
    _country(
        "pl", "la Pologne", "Poland", "polonais polonaise polonaises Polish", "Varsovie Warsaw"
    ),
    _country("tr", "la Turquie", "Turkey", "turc turque turcs turques Turkish", "Ankara"),
    _country(
        "ir", "l'Iran", "Iran", "iranien iranienne iraniens Iranian Iranians", "Téhéran Tehran"
    ),
    _country(
        "il",
        "Israël",
        "Israel",
        "israélien israélienne israéliens Israeli Israelis",
        "Jérusalem Jerusalem",
    ),
    _country(
        "eg",
        "l'Égypte",
        "Egypt",
        "égyptien égyptienne égyptiens Egyptian Egyptians",
        "Le_Caire Cairo",
    ),
    _country(
        "ma", "le Maroc", "Morocco", "marocain marocaine marocains Moroccan Moroccans", "Rabat"
    ),
    _country(
        "dz",
        "l'Algérie",
        "Algeria",
        "algérien algérienne algériens Algerian Algerians",
        "Alger Algiers",
    ),
    _country("sn", "le Sénégal", "Senegal", "sénégalais sénégalaise Senegalese", "Dakar"),
    _country(
        "ng", "le Nigeria", "Nigeria", "nigérian nigériane nigérians Nigerian Nigerians", "Abuja"
    ),
    _country(
        "za",
        "l'Afrique du Sud",
        "South Africa",
        "sud-africain sud-africaine South_African",
        "Pretoria",
    ),
    _country("ke", "le Kenya", "Kenya", "kényan kényane kényans Kenyan Kenyans", "Nairobi"),
    _country(
        "no",
        "la Norvège",
        "Norway",
        "norvégien norvégienne norvégiens Norwegian Norwegians",
        "Oslo",
    ),
    _country("se", "la Suède", "Sweden", "suédois suédoise suédoises Swedish", "Stockholm"),
    _country(
        "nl",
        "les Pays-Bas",
        "the Netherlands",
        "néerlandais néerlandaise Dutch",
        "Amsterdam La_Haye The_Hague",
    ),
    _country(
        "gr", "la Grèce", "Greece", "grec grecque grecs grecques Greek Greeks", "Athènes Athens"
    ),
    _country("id", "l'Indonésie", "Indonesia", "indonésien indonésienne Indonesian", "Jakarta"),
    _country("vn", "le Vietnam", "Vietnam", "vietnamien vietnamienne Vietnamese", "Hanoï Hanoi"),
    _country(
        "ph",
        "les Philippines",
        "the Philippines",
        "philippin philippine philippins Filipino",
        "Manille Manila",
    ),
    _country("tw", "Taïwan", "Taiwan", "taïwanais taïwanaise Taiwanese", "Taipei"),
    _country(
        "sa",
        "l'Arabie saoudite",
        "Saudi Arabia",
        "saoudien saoudienne saoudiens Saudi",
        "Riyad Riyadh",
    ),
    _country("cl", "le Chili", "Chile", "chilien chilienne chiliens Chilean Chileans", "Santiago"),
    _country("pe", "le Pérou", "Peru", "péruvien péruvienne péruviens Peruvian Peruvians", "Lima"),
    _country("co", "la Colombie", "Colombia", "colombien colombienne Colombian", "Bogota"),
    _country(
        "is", "l'Islande", "Iceland", "islandais islandaise Icelandic Icelanders", "Reykjavik"
    ),
    _country("fi", "la Finlande", "Finland", "finlandais finlandaise Finnish", "Helsinki"),
    _country(
        "et",
        "l'Éthiopie",
        "Ethiopia",
        "éthiopien éthiopienne éthiopiens Ethiopian Ethiopians",
        "Addis-Abeba Addis_Ababa",
    ),
    _country("sd", "le Soudan", "Sudan", "soudanais soudanaise Sudanese", "Khartoum"),
    _country("so", "la Somalie", "Somalia", "somalien somalienne Somali", "Mogadiscio Mogadishu"),
    _country("ug", "l'Ouganda", "Uganda", "ougandais ougandaise Ugandan", "Kampala"),
    _country("tz", "la Tanzanie", "Tanzania", "tanzanien tanzanienne Tanzanian", "Dodoma"),
    _country("pk", "le Pakistan", "Pakistan", "pakistanais pakistanaise Pakistani", "Islamabad"),
    _country("af", "l'Afghanistan", "Afghanistan", "afghan afghane afghans Afghan", "Kaboul Kabul"),
    _country("iq", "l'Irak", "Iraq", "irakien irakienne irakiens Iraqi", "Bagdad Baghdad"),
    _country("sy", "la Syrie", "Syria", "syrien syrienne syriens Syrian", "Damas Damascus"),
    _country("lb", "le Liban", "Lebanon", "libanais libanaise Lebanese", "Beyrouth Beirut"),
    _country("th", "la Thaïlande", "Thailand", "thaïlandais thaïlandaise Thai", "Bangkok"),
    _country("ve", "le Venezuela", "Venezuela", "vénézuélien vénézuélienne Venezuelan", "Caracas"),
    _country("cu", "Cuba", "Cuba", "cubain cubaine cubains Cuban", "La_Havane Havana"),
    _country("dk", "le Danemark", "Denmark", "danois danoise Danish", "Copenhague Copenhagen"),
    _country("at", "l'Autriche", "Austria", "autrichien autrichienne Austrian", "Vienne Vienna"),
    _country("ie", "l'Irlande", "Ireland", "irlandais irlandaise Irish", "Dublin"),
    _country(
        "ro", "la Roumanie", "Romania", "roumain roumaine roumains Romanian", "Bucarest Bucharest"
    ),
    _country("hu", "la Hongrie", "Hungary", "hongrois hongroise Hungarian", "Budapest"),
    _country("cz", "la Tchéquie", "Czech Republic", "tchèque tchèques Czech", "Prague"),
    _country("qa", "le Qatar", "Qatar", "qatari qatarie Qatari", "Doha"),
    _country("ml", "le Mali", "Mali", "malien malienne maliens Malian", "Bamako"),
    _country(
        "ci",
        "la Côte d'Ivoire",
        "Ivory Coast",
        "ivoirien ivoirienne ivoiriens Ivorian",
        "Abidjan Yamoussoukro",
    ),
    _country("cd", "la RDC", "DR Congo", "congolais congolaise Congolese", "Kinshasa"),
    _country("tn", "la Tunisie", "Tunisia", "tunisien tunisienne tunisiens Tunisian", "Tunis"),
    _country(
        "nz",
        "la Nouvelle-Zélande",
        "New Zealand",
        "néo-zélandais néo-zélandaise New_Zealander",
        "Wellington",
    ),
)
"""Also the source of distractor countries: the first ones are the most often in the news."""

_COUNTRY_ALIASES = {
    "etats-unis": "us",
    "usa": "us",
    "us": "us",
    "u.s.": "us",
    "uk": "gb",
    "urss": "ru",
}


def _build_country_index() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country]]:
    by_name: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    keys = {c.key: c for c in COUNTRIES}
    for country in COUNTRIES:
        for bare in country.bare.values():
            by_name[fold(bare)] = country
        for demonym in country.demonyms:
            by_demonym[fold(demonym.replace("_", " "))] = country
        for capital in country.capitals:
            by_capital[fold(capital)] = country
    for alias, key in _COUNTRY_ALIASES.items():
        by_name[alias] = keys[key]
    return by_name, by_demonym, by_capital


COUNTRY_BY_NAME, COUNTRY_BY_DEMONYM, COUNTRY_BY_CAPITAL = _build_country_index()


_CAPITALS_IN_ENGLISH = {
    "Moscou": "Moscow",
    "Pékin": "Beijing",
    "Londres": "London",
    "Lisbonne": "Lisbon",
    "Bruxelles": "Brussels",
    "Berne": "Bern",
    "Séoul": "Seoul",
    "Varsovie": "Warsaw",
    "Téhéran": "Tehran",
    "Jérusalem": "Jerusalem",
    "Le Caire": "Cairo",
    "Alger": "Algiers",
    "Athènes": "Athens",
    "Hanoï": "Hanoi",
    "Manille": "Manila",
    "Riyad": "Riyadh",
    "Addis-Abeba": "Addis Ababa",
    "Mogadiscio": "Mogadishu",
    "Kaboul": "Kabul",
    "Bagdad": "Baghdad",
    "Damas": "Damascus",
    "Beyrouth": "Beirut",
    "La Havane": "Havana",
    "Copenhague": "Copenhagen",
    "Vienne": "Vienna",
    "Bucarest": "Bucharest",
    "Kiev": "Kyiv",
}


def capital(country: Country, language: str) -> str:
    """The country's capital as the language writes it (the list gives the French name first)."""
    french = country.capitals[0]
    return _CAPITALS_IN_ENGLISH.get(french, french) if language == "en" else french


def of_country(country: Country, language: str) -> str:
    """ "du Japon", "de la Russie", "des États-Unis", "de l'Inde"; "of Japan"."""
    name = country.name[language]
    if language != "fr":
        return f"of {name}"
    for article, contracted in (
        ("le ", "du "),
        ("les ", "des "),
        ("la ", "de la "),
        ("l'", "de l'"),
    ):
        if name.startswith(article):
            return contracted + name[len(article) :]
    return f"d'{name}" if name[:1] in "AEIOUÉÈÎY" else f"de {name}"


def country_named(text: str) -> Country | None:
    """The country a name, demonym or capital refers to ("russes", "Pékin", "the United States")."""
    key = without_article(fold(text.strip()))
    return COUNTRY_BY_NAME.get(key) or COUNTRY_BY_DEMONYM.get(key) or COUNTRY_BY_CAPITAL.get(key)


AGENCIES: dict[str, str] = {
    "AFP": "Agence France-Presse",
    "Reuters": "Reuters",
    "AP": "Associated Press",
    "Associated Press": "Associated Press",
    "Kyodo": "Kyodo",
    "ANSA": "ANSA",
    "DPA": "Deutsche Presse-Agentur",
    "EFE": "EFE",
    "Belga": "Belga",
    "ATS": "Agence télégraphique suisse",
    "Xinhua": "Xinhua",
    "TASS": "TASS",
    "Ria Novosti": "RIA Novosti",
    "PA": "PA Media",
    "Bloomberg": "Bloomberg",
    "Yonhap": "Yonhap",
    "Anadolu": "Anadolu",
    "Getty Images": "Getty Images",
    "EPA": "European Pressphoto Agency",
}
"""Agencies and picture agencies; the keys are how credits write them."""

DISTRACTOR_AGENCIES = ("AFP", "Reuters", "AP", "DPA", "EFE", "Kyodo")

TITLE_WORDS: dict[str, tuple[str, ...]] = {
    "fr": (
        "premier ministre",
        "ministre",
        "vice-ministre",
        "secrétaire d'État",
        "secrétaire général",
        "président",
        "présidente",
        "vice-président",
        "vice-présidente",
        "chef de la diplomatie",
        "chef de l'État",
        "chef du gouvernement",
        "porte-parole",
        "ambassadeur",
        "ambassadrice",
        "maire",
        "directeur",
        "directrice",
        "gouverneur",
        "chancelier",
        "chancelière",
        "député",
        "députée",
        "sénateur",
        "sénatrice",
        "commissaire",
        "entraîneur",
        "capitaine",
        "roi",
        "reine",
        "général",
    ),
    "en": (
        "prime minister",
        "foreign minister",
        "defence minister",
        "defense minister",
        "finance minister",
        "interior minister",
        "minister",
        "secretary of state",
        "secretary-general",
        "secretary",
        "president",
        "vice president",
        "chancellor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "mayor",
        "governor",
        "director",
        "chief executive",
        "senator",
        "coach",
        "captain",
        "king",
        "queen",
        "general",
    ),
}

PORTFOLIOS: dict[str, tuple[str, ...]] = {
    # Curated wrong portfolios for role questions when the article names only one minister.
    "fr": (
        "de l'Intérieur",
        "de la Santé",
        "de l'Économie",
        "des Affaires étrangères",
        "de la Défense",
        "de l'Éducation",
    ),
    "en": ("Interior", "Health", "Finance", "Foreign", "Defence", "Education"),
}

HONORIFICS: dict[str, tuple[str, ...]] = {
    "fr": ("M.", "Mme", "Mlle", "Me", "Dr", "Pr", "Mgr"),
    "en": ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof.", "Sir", "Dame"),
}

_FR_VERB_FORMS = (
    r"(?:a|ont|avait|avaient|aurait)\s+(?:aussi\s+|également\s+|encore\s+|notamment\s+)?"
    r"(?:déclaré|dit|ajouté|affirmé|estimé|souligné|expliqué|indiqué|annoncé|assuré|précisé|"
    r"réagi|prévenu|rappelé|confié|insisté|lancé|conclu|regretté|dénoncé|reconnu|averti|jugé|"
    r"martelé|répondu|confirmé|promis|noté|observé|relevé|tweeté|écrit)"
    r"|s'(?:est|sont)\s+(?:félicitée?s?|réjouie?s?|inquiétée?s?|interrogée?s?|exclamée?s?|"
    r"emportée?s?|étonnée?s?|défendue?s?)"
    r"|déclare|dit|ajoute|affirme|estime|souligne|explique|indique|annonce|assure|précise|"
    r"prévient|rappelle|confie|insiste|lance|conclut|regrette|dénonce|reconnaît|avertit|juge|"
    r"martèle|répond|confirme|note|observe|relève|écrit|se félicite|se réjouit|s'inquiète"
    r"|déclarent|disent|ajoutent|affirment|estiment|soulignent|expliquent|indiquent|annoncent|"
    r"assurent|précisent|préviennent|rappellent|dénoncent|regrettent|reconnaissent|jugent|"
    r"notent|répondent|confirment|écrivent|se félicitent|s'inquiètent"
)
_EN_VERB_FORMS = (
    r"(?:has\s+|had\s+)?(?:said|added|told|stated|declared|announced|explained|insisted|warned|"
    r"claimed|argued|noted|stressed|confirmed|denied|admitted|replied|wrote|tweeted|welcomed|"
    r"promised|suggested|acknowledged)|says|adds|tells|warns|insists|explains|argues|notes|claims"
    r"|say|tell|warn|insist|argue|claim|believe"
)
REPORTING_FORMS: dict[str, re.Pattern[str]] = {
    "fr": re.compile(rf"\b(?:{_FR_VERB_FORMS})\b", re.IGNORECASE),
    "en": re.compile(rf"\b(?:{_EN_VERB_FORMS})\b", re.IGNORECASE),
}
"""Finite forms of reporting verbs, found in text: surer than a small model's lemmas."""

ACCORDING_TO: dict[str, re.Pattern[str]] = {
    "fr": re.compile(r"\b(?:selon|d'après|de source)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:according to|sources? (?:close to|said))\b", re.IGNORECASE),
}

UNNAMED_SOURCES: dict[str, re.Pattern[str]] = {
    "fr": re.compile(
        r"\b(?:selon|d'après)\s+(?:des|certains|plusieurs|de nombreux|nombre d')\s*"
        r"(?:observateurs|analystes|experts|spécialistes|sources?|diplomates|responsables|"
        r"commentateurs|médias|témoins|proches)\b"
        r"|\bde source (?:diplomatique|proche|sûre|policière|gouvernementale|officielle|"
        r"militaire|judiciaire)\b"
        r"|\b(?:selon|d'après) (?:une|plusieurs|des) sources?(?: [a-zà-ÿ'-]+){0,4}?(?=[,.;])"
        r"|\bselon nos informations\b"
        r"|\bun responsable qui a requis l'anonymat\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:according to|said)\s+(?:some|several|many|unnamed|anonymous)?\s*"
        r"(?:observers|analysts|experts|sources|diplomats|officials|commentators|insiders)\b"
        r"|\b(?:observers|analysts|experts|sources|diplomats|officials)"
        r" (?:say|said|believe|think)\b"
        r"|\b(?:speaking )?on condition of anonymity\b|\ba source close to\b",
        re.IGNORECASE,
    ),
}

HEDGE_WORDS: dict[str, re.Pattern[str]] = {
    "fr": re.compile(
        r"\b(?:pourrai(?:t|ent)|devrai(?:t|ent)|serai(?:t|ent)|aurai(?:t|ent)|"
        r"semblerai(?:t|ent)|probablement|peut-être|sans doute|vraisemblablement|"
        r"il est possible que|selon toute vraisemblance|apparemment)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:could|might|may|would|possibly|probably|perhaps|reportedly|allegedly|"
        r"appears? to|seems? to|is likely to|are likely to)\b",
        re.IGNORECASE,
    ),
}

FURNITURE_LINES: dict[str, tuple[str, ...]] = {
    # Whole lines (folded) that belong to the page, not the article.
    "fr": (
        "en direct",
        "a suivre",
        "a suivre aussi",
        "ailleurs sur le web",
        "dernieres actualites",
        "lire aussi",
        "a lire aussi",
        "voir aussi",
        "sur le meme sujet",
        "les plus lus",
        "les plus partages",
        "publicite",
        "partager",
        "partager sur facebook",
        "partager sur twitter",
        "abonnez-vous",
        "newsletter",
        "contenu sponsorise",
        "sponsorise",
        "recommande pour vous",
        "nos articles",
        "en continu",
        "fil info",
        "a la une",
        "dans la meme rubrique",
        "commentaires",
        "video",
        "vos reactions",
    ),
    "en": (
        "live",
        "breaking",
        "breaking news",
        "read more",
        "related",
        "related stories",
        "related articles",
        "more on this story",
        "most read",
        "most popular",
        "advertisement",
        "sponsored",
        "sponsored content",
        "recommended",
        "recommended for you",
        "share",
        "share this",
        "share this article",
        "sign up",
        "newsletter",
        "around the web",
        "from around the web",
        "you may also like",
        "top stories",
        "latest news",
        "comments",
    ),
}
FURNITURE_PREFIXES: dict[str, tuple[str, ...]] = {
    # A line starting with these is a link to another article ("Lire aussi : …").
    "fr": ("lire aussi", "a lire aussi", "voir aussi", "a lire", "sur le meme sujet", "publicite"),
    "en": ("read more", "read also", "see also", "related:", "more:", "advertisement"),
}

MEETING_WORDS: dict[str, re.Pattern[str]] = {
    "fr": re.compile(
        r"\b(?:rencontre|réunion|entretien|sommet|dialogue|entrevue|s'est entretenu|ont rencontré|"
        r"a rencontré|se sont rencontrés|ont tenu|se sont réunis)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:met|meeting|meetings|talks|summit|held talks|sat down with|hosted)\b", re.IGNORECASE
    ),
}

NUMBER_WORDS: dict[str, dict[str, int]] = {
    "fr": {
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "quinze": 15,
        "vingt": 20,
        "trente": 30,
        "cent": 100,
        "mille": 1000,
    },
    "en": {
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
}

MONTHS: dict[str, tuple[str, ...]] = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
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
    ),
}
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

STOPWORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "de",
            "et",
            "est",
            "une",
            "un",
            "dans",
            "pour",
            "que",
            "qui",
            "sur",
            "avec",
            "par",
            "au",
            "aux",
            "pas",
            "ont",
            "a",
            "sont",
            "cette",
            "ce",
            "il",
            "elle",
            "ils",
            "leurs",
            "leur",
            "selon",
            "été",
            "entre",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "is",
            "that",
            "for",
            "on",
            "with",
            "as",
            "was",
            "by",
            "at",
            "from",
            "it",
            "an",
            "are",
            "were",
            "has",
            "have",
            "said",
            "this",
            "which",
            "their",
            "its",
            "been",
            "be",
        ]
    ),
}
