"""The words of generated questions, in each language the generator writes (French and English).

Kept apart from the logic that fills them so a teacher or translator can read and correct every
sentence in one place. Fields in braces are filled with the article's own words.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "role.prompt": "D'après l'article, quelle fonction occupe {name} ?",
        "role.explain": "L'article présente {name} comme {role} : « {evidence} ».",
        "side.prompt": "Lesquelles de ces personnes représentent {country} dans l'article ?",
        "side.explain": "{names} : l'article les présente comme responsables {of_country}.",
        "place.prompt": "Où la rencontre entre {a} et {b} a-t-elle eu lieu ?",
        "place.explain": "L'article situe la rencontre à {place} : « {evidence} ».",
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
    },
    "en": {
        "role.prompt": "According to the article, what is {name}'s position?",
        "role.explain": 'The article presents {name} as {role}: "{evidence}".',
        "side.prompt": "Which of these people represent {country} in the article?",
        "side.explain": "{names}: the article presents them as officials {of_country}.",
        "place.prompt": "Where did {a} and {b} meet?",
        "place.explain": 'The article places the meeting in {place}: "{evidence}".',
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
    },
}

_AROUND_THE_WEB_EN = (
    "Links to other websites, often sponsored",
    "these links, often paid for, lead off the site and are not sources of the article",
    ("The journalist's sources", "The rest of the article", "Readers' comments"),
)
"""The same sponsored-links block under either of its usual labels: one text to keep up to date."""

WIDGETS: dict[str, dict[str, tuple[str, str, tuple[str, ...]]]] = {
    # folded label -> (what it is: the key, why, distractors)
    "fr": {
        "ailleurs sur le web": (
            "Des liens vers d'autres sites, souvent sponsorisés",
            "ces liens, souvent payés, mènent hors du site et ne sont pas des sources de l'article",
            (
                "Les sources utilisées par le journaliste",
                "La suite de l'article",
                "Les réactions des lecteurs",
            ),
        ),
        "en direct": (
            "Un bandeau du site pour son fil d'actualité en continu",
            "c'est un bandeau du site qui renvoie à son fil d'actualité, pas une précision sur "
            "l'événement raconté",
            (
                "Que l'article a été écrit pendant l'événement",
                "Une vidéo de l'événement",
                "Une citation d'une personne de l'article",
            ),
        ),
        "lire aussi": (
            "Un lien vers un autre article du site",
            "c'est un renvoi vers un autre article, pas une partie du récit",
            ("La source de l'information", "Un résumé de l'article", "Un avis de la rédaction"),
        ),
        "a suivre aussi": (
            "Une sélection d'autres contenus proposés par le site",
            "c'est une rubrique de navigation du site",
            ("La suite de l'article", "Les sources de l'article", "Une correction de l'article"),
        ),
    },
    "en": {
        "around the web": _AROUND_THE_WEB_EN,
        "from around the web": _AROUND_THE_WEB_EN,
        "live": (
            "A banner for the site's live news feed",
            "it is a site banner pointing to its live feed, not a detail of the story",
            (
                "That the article was written during the event",
                "A video of the event",
                "A quote from one of the people in the story",
            ),
        ),
        "read more": (
            "A link to another article on the site",
            "it points to another article, not part of the story",
            ("The source of the information", "A summary of the article", "An editor's note"),
        ),
        "related stories": (
            "Links to other articles on the same site",
            "it is the site's navigation, not part of the story",
            ("The article's sources", "The rest of the article", "A correction to the article"),
        ),
        "advertisement": (
            "A paid advertisement",
            "it is paid space, not journalism",
            ("A quote from the article", "The article's sources", "The rest of the article"),
        ),
    },
}

SPONSORED_WIDGETS = frozenset(
    {"ailleurs sur le web", "around the web", "from around the web", "advertisement"}
)
"""Folded labels of paid or sponsored blocks: ranked first among the page widgets."""
