"""What went wrong on articles the generator had never seen (issue 10), one construction each.

Every article here is written for these tests, in our own words; each test failed on the
generator before this issue's fixes. The development corpus measures the same things at scale
(test_corpus_scores.py); these pin each defect down where a reader can see it.
"""

from __future__ import annotations

from datetime import date

import pytest

from quiz.core.models import MultipleChoiceQuestion, SingleChoiceQuestion
from quiz.generate import Article, GenerationError, Generator
from quiz.generate.questions.voices import fact_questions

from .conftest import facts_of

NOBODY = {"L'article ne le précise pas", "The article does not say"}


def _questions(generator: Generator, raw: str, name: str = "article.txt") -> list[object]:
    return list(generator.generate(Article(name, raw)).question_set.questions)


def _keys(questions: list[object]) -> list[object]:
    return [getattr(q, "answer", None) for q in questions]


# --- who speaks ---------------------------------------------------------------------------------

SPEAKERS_FR = """\
Pêche en mer du Nord : Copenhague et Oslo cherchent un accord sur le hareng

Publié le 12 mars 2025

Le ministre danois de la Pêche, Lars Holm, a reçu mardi à Copenhague son homologue norvégienne, \
Kari Dahl, pour une journée de discussions sur les quotas de hareng de la mer du Nord.

M. Holm a pour sa part estimé que l'accord "ouvre une période de stabilité pour nos pêcheurs et \
pour les ports de la côte ouest".

Les deux pays divergent encore sur ce que Mme Dahl, ministre de la Pêche, appelle « une \
répartition injuste des stocks entre les flottes du Nord ».

Selon une déclaration du ministre norvégien des Affaires étrangères, « la Norvège restera \
ouverte au dialogue dans les semaines à venir, quelle que soit l'issue de cette réunion ».

Les pêcheurs de Hirtshals ont dénoncé « une décision prise une fois de plus sans nous, dans un \
bureau de la capitale ».
"""

SPEAKERS_EN = """\
Library vote delayed as council seeks more time

Published March 12, 2025

The city council of Marlow delayed on Tuesday a vote on closing the Carnegie Library, after more \
than a hundred residents filled the chamber to oppose the plan.

In a statement, Mayor Joan Keller encouraged residents to keep writing to the council. "This is \
your library and your say," she wrote.

Keller told the council: "We cannot keep the doors open on goodwill alone." "The roof leaks \
every winter, and the heating fails every spring."

Councilwoman Rosa Diaz said that the library could share a building with the town archive, \
a plan first suggested by the archivist, Tom Berry.
"""


def test_a_named_speaker_is_never_the_article_does_not_say(generator: Generator) -> None:
    for raw in (SPEAKERS_FR, SPEAKERS_EN):
        questions = _questions(generator, raw)
        for question in questions:
            assert getattr(question, "answer", None) not in NOBODY, question.prompt  # type: ignore[attr-defined]
        facts = facts_of(generator, raw)
        assert [q.words for q in facts.quotes if q.direct and q.speaker is None] == []


def test_a_second_quoted_sentence_keeps_its_speaker(generator: Generator) -> None:
    facts = facts_of(generator, SPEAKERS_EN)
    roof = next(q for q in facts.quotes if q.direct and q.words.startswith("The roof leaks"))
    assert roof.person is not None
    assert roof.person.name == "Joan Keller"
    facts = facts_of(generator, SPEAKERS_FR)
    holm = next(q for q in facts.quotes if q.direct and "stabilité" in q.words)
    assert holm.person is not None
    assert holm.person.name == "Lars Holm"


NEVER_HEARD = """\
Fermeture de la bibliothèque Carnegie : la mairie recule

Publié le 3 avril 2025

La maire de Saint-Aubin, Claire Vasseur, a annoncé lundi que la bibliothèque Carnegie resterait \
ouverte jusqu'à la fin de l'année, après une pétition signée par 2 300 habitants.

Son adjoint aux finances, Paul Girard, a estimé que la ville pouvait « tenir un an, pas deux ». \
La directrice de l'établissement, Hélène Roux, a insisté pour que les horaires du samedi soient \
maintenus.

« Sans Marc Lebrun, notre ancien bibliothécaire, rien de tout cela n'aurait existé », a rappelé \
Mme Vasseur devant le conseil municipal.

Le président de l'association des lecteurs, Julien Morel, était présent dans la salle. Le \
préfet, Antoine Mercier, n'avait pas été associé aux discussions, qui ont duré trois heures.
"""


def test_never_heard_lists_only_people_who_never_speak(generator: Generator) -> None:
    questions = _questions(generator, NEVER_HEARD)
    for question in questions:
        if question.id.endswith("-silent-people"):  # type: ignore[attr-defined]
            assert isinstance(question, MultipleChoiceQuestion)
            assert set(question.answer or []) <= {"Julien Morel", "Antoine Mercier"}
            choices = {c.text for c in question.choices}
            assert "Marc Lebrun" not in choices
            assert not any("Carnegie" in c for c in choices)
    facts = facts_of(generator, NEVER_HEARD)
    unheard = {p.name for p in facts.unheard}
    assert {"Claire Vasseur", "Paul Girard", "Hélène Roux"}.isdisjoint(unheard)
    assert "Marc Lebrun" not in unheard  # named only inside Mme Vasseur's quote
    assert not any("Carnegie" in name for name in unheard)  # a library, not a person


# --- the page around the story --------------------------------------------------------------------

FURNITURE_FIRST = """\
Menu
Direct
Accessibility links
Sport
Dockers at Harwick walk out as pay talks collapse

Published March 4, 2025

About 1,200 dock workers at the port of Harwick began a three-day strike on Tuesday after talks \
over pay broke down, the Harbour Workers Union said.

"Our members have been offered less than inflation for the third year running," said the union's \
organiser, Dev Patel, at the gate.

The port handles about a quarter of the region's container traffic, and two shipping lines said \
on Tuesday that they would divert vessels to other ports.
"""


def test_page_furniture_is_never_the_headline(generator: Generator) -> None:
    generated = generator.generate(Article("harwick.txt", FURNITURE_FIRST))
    assert generated.question_set.article.headline == (
        "Dockers at Harwick walk out as pay talks collapse"
    )
    assert generated.question_set.title == (
        "Draft: Dockers at Harwick walk out as pay talks collapse"
    )


def test_a_saved_page_outlet_is_declared_not_guessed_from_the_title(generator: Generator) -> None:
    # No og:site_name; a page's JSON-LD names the page after its headline, which is no outlet.
    html = (
        "<html><head><title>Grève au port de Harwick</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "WebPage", "name": "Grève au port de Harwick"}</script></head><body>'
        "<article><h1>Grève au port de Harwick</h1>"
        "<p>Les dockers du port de Harwick ont entamé mardi une grève de trois jours après "
        "l'échec des négociations salariales, a annoncé le syndicat des travailleurs du port "
        "dans un communiqué publié en fin de matinée.</p>"
        "<p>« Nos adhérents se voient proposer moins que l'inflation pour la troisième année "
        "consécutive », a déclaré le délégué syndical, Dev Patel, devant les grilles du port.</p>"
        "<p>Le port traite environ un quart du trafic de conteneurs de la région, et deux "
        "compagnies maritimes ont annoncé mardi qu'elles dérouteraient leurs navires.</p>"
        "</article></body></html>"
    )
    generated = generator.generate(Article("port.html", html))
    assert generated.question_set.article.outlet != "Grève au port de Harwick"


# --- time, facts, opinions ----------------------------------------------------------------------------

TENSES = """\
Chantier du tramway : les travaux reportés

Mercredi 5 mars 2025

Les travaux du tramway de Lyon-Est devaient commencer lundi, mais la métropole a repoussé le \
chantier de deux semaines, faute d'accord avec les commerçants du cours Gambetta.

La décision a été prise mardi soir lors d'une réunion entre les élus et l'association des \
commerçants, qui réclamait des indemnités pour la durée des travaux.

Sans surprise, la tension ne cesse de monter entre la métropole et les riverains depuis le vote \
du projet en janvier 2024.
"""


def test_weekdays_are_counted_the_way_their_tense_says(generator: Generator) -> None:
    facts = facts_of(generator, TENSES)
    days = {d.text.lower(): d.value for d in facts.dates if d.text.lower() in ("lundi", "mardi")}
    assert days["lundi"] == date(2025, 3, 10)  # "devaient commencer lundi": the coming Monday
    assert days["mardi"] == date(2025, 3, 4)  # "prise mardi soir": the day before


def test_evaluative_sentences_are_not_keyed_as_checkable_facts(generator: Generator) -> None:
    facts = facts_of(generator, TENSES)
    for candidate in fact_questions(facts):
        assert "Sans surprise" not in candidate.passage
        assert "ne cesse de" not in candidate.passage


LEAKS = """\
Les 412 salariés de l'usine Valmont fixés sur leur sort en juin

Publié le 18 septembre 2024

LYON, 18 septembre (Reuters) - Le groupe chimique Valmont a annoncé mercredi la fermeture de son \
usine de Saint-Fons, où travaillent 412 salariés, d'ici la fin de l'année 2025.

Selon des analystes, la baisse des commandes européennes pourrait expliquer cette décision, la \
troisième fermeture d'usine du groupe en cinq ans.

La direction a présenté le projet aux représentants du personnel lors d'un comité convoqué \
mardi soir, qui a duré plus de quatre heures.
"""


def test_no_question_gives_its_answer_away(generator: Generator) -> None:
    questions = _questions(generator, LEAKS)
    for question in questions:
        if question.id.endswith("-number"):  # type: ignore[attr-defined]
            assert question.answer != 412  # type: ignore[attr-defined]  # the headline says 412
        if question.id.endswith("-hedge-claim"):  # type: ignore[attr-defined]
            assert "Selon des analystes" not in question.prompt  # type: ignore[attr-defined]
    shown: list[str] = []
    for question in questions:
        passage = question.draft.passage if question.draft else ""  # type: ignore[attr-defined]
        if passage and passage[:40] in question.prompt:  # type: ignore[attr-defined]
            shown.append(passage)
    assert len(shown) == len(set(shown)), "two questions show the same sentence"


# --- names and roles -----------------------------------------------------------------------------

NAMES = """\
Belgrade et Sarajevo relancent le dialogue sur l'énergie

Publié le 7 mai 2025

Le Premier ministre serbe Milan Kovač a reçu jeudi à Belgrade le président bosnien, Emir Hadžić, \
pour une première rencontre depuis deux ans. Le président Jean Dubreuil, qui dirige la \
commission européenne de l'énergie, assistait aux discussions.

M. Kovač a estimé que les deux pays pouvaient « avancer vite sur le gazoduc du Sud ». Olivier \
Lenoir, conseiller municipal de Belgrade, a salué une « journée utile ».

Olivier Lenoir a estimé que le projet coûterait plus cher que prévu par les deux gouvernements.

La maire de Novi Sad, Jelena Petrović, a demandé que sa ville soit associée au projet. M. Hadžić \
n'a pas fait de déclaration à l'issue de la rencontre, qui a duré quatre heures.
"""


def test_names_come_without_titles_or_brackets_and_roles_without_a_nationality(
    generator: Generator,
) -> None:
    facts = facts_of(generator, NAMES)
    names = {p.name for p in facts.analysis.persons}
    assert "Milan Kovač" in names
    assert not any(n.lower().startswith(("premier", "le ", "président ")) for n in names)
    assert not any("(" in n or ")" in n for n in names)
    roles = {f.person.name: f.written for f in facts.people if f.written}
    assert roles.get("Jelena Petrović") == "maire de Novi Sad"
    assert roles.get("Olivier Lenoir") == "conseiller municipal de Belgrade"


def test_french_elides_de_before_a_vowel(generator: Generator) -> None:
    questions = _questions(generator, NAMES)
    indirect = [q for q in questions if q.id.endswith("-indirect")]
    assert indirect  # "Olivier Lenoir a estimé que…": reported speech, asked about
    for question in questions:
        texts = [question.prompt, *(c.text for c in getattr(question, "choices", []))]
        assert not any(f"de {n}" in t for t in texts for n in ("Olivier", "Emir")), texts
        assert any("d'Olivier" in t for t in texts) or not question.id.endswith("-indirect")


def test_one_person_is_one_choice_whatever_form_the_article_uses(generator: Generator) -> None:
    raw = (
        "Paths on the mountain to be repaired\n\nPublished May 22, 2025\n\n"
        "The park authority's chief executive, Dr Rhian Pugh-Evans, said on Thursday that a "
        "£1.8 million programme to repair eroded paths had been approved by the board.\n\n"
        '"People come in their thousands, and the path is disappearing," said Gethin Parry, a '
        "warden who has worked on the mountain for 22 years.\n\n"
        "Dr Pugh-Evans said the repairs would start in June. The mountain rescue team's chair, "
        "Owain Roberts, said volunteers had spent 6,000 hours on call-outs in 2024.\n"
    )
    facts = facts_of(generator, raw)
    assert [p.name for p in facts.analysis.persons].count("Rhian Pugh-Evans") == 1
    assert "Rhian Pugh" not in {p.name for p in facts.analysis.persons}
    for question in _questions(generator, raw):
        if isinstance(question, SingleChoiceQuestion):
            texts = [c.text for c in question.choices]
            assert not ("Rhian Pugh" in texts and "Rhian Pugh-Evans" in texts), texts


# --- text that is no article ---------------------------------------------------------------------------

RECIPE_EN = """\
Lemon drizzle cake

Ingredients
225g butter
225g caster sugar
4 eggs
Zest of one lemon

Method
Heat the oven to 180C and line a loaf tin with baking paper before you start with the batter.
Beat the butter and the sugar together until pale and creamy, then add the eggs one at a time.
Fold in the flour and the lemon zest, spoon the mixture into the tin and level the top gently.
Bake for 45 to 50 minutes, until a thin skewer pushed into the middle comes out clean and dry.
"""


def test_a_recipe_is_refused_with_the_reason(generator: Generator) -> None:
    with pytest.raises(GenerationError, match="does not read like a news article"):
        generator.generate(Article("cake.txt", RECIPE_EN))


@pytest.mark.parametrize(
    "raw",
    [
        "The mayor of Marlow resigned on Tuesday after losing a vote of no confidence.\n",
        "Le maire de Marlow a démissionné mardi après avoir perdu un vote de confiance.\n",
    ],
)
def test_a_one_liner_is_refused(generator: Generator, raw: str) -> None:
    with pytest.raises(GenerationError, match="too short for a news article"):
        generator.generate(Article("one.txt", raw))


def test_english_text_never_gets_french_prompts(generator: Generator) -> None:
    generated = generator.generate(Article("harwick.txt", FURNITURE_FIRST))
    assert generated.language == "en"
    assert all("D'après" not in q.prompt for q in generated.question_set.questions)
    with pytest.raises(GenerationError, match="--lang en"):
        Generator(language="fr").generate(Article("harwick.txt", FURNITURE_FIRST))


# --- other kinds of pages -------------------------------------------------------------------------

WIKI_PAGE = """\
Marlow council approves new bus lanes after long debate
From Wikinews, the free news source you can write!
Tuesday, March 11, 2025

The town council of Marlow approved on Monday a plan to paint bus lanes on three of its busiest \
streets, after a four-hour debate in which shopkeepers warned of lost trade.

Councillors voted 9 to 4 in favour of the plan, which the council says will cut journey times \
on the number 12 bus by about a quarter.

"Buses carry more people down the High Street than cars do," said the council's transport \
lead, Priya Shah, before the vote. The Marlow Traders' Association said in a statement that it \
would ask for the decision to be reviewed.

Sources
"Bus lanes approved after heated meeting" - The Marlow Herald, March 11, 2025
"Traders fear for footfall as council backs bus plan" - Marlow Radio, March 10, 2025, with a long \
list of the streets concerned and of the times at which the lanes would be in force each day.
Share this:
Categories: Transport | Local government | United Kingdom
This text is released under the Creative Commons Attribution 2.5 License.
"""

OPINION_PAGE = """\
Accueil > Opinion > Tribunes
Tribune
Il faut sauver les petites lignes de train
Par Anne Berthier, géographe

Publié le 2 février 2025

La fermeture annoncée de la ligne entre Saint-Aubin et Lormes, le 15 janvier, est une erreur \
que la région paiera longtemps. Il faut le dire clairement : sans train, ces vallées se videront.

La région avance un chiffre, 4 millions d'euros par an, pour justifier sa décision. Mais ce \
calcul oublie tout ce que la ligne rapporte aux communes qu'elle traverse.

Cette tribune n'engage que son auteur.
"""


def test_a_wiki_page_ends_at_its_sources_and_names_its_site(generator: Generator) -> None:
    generated = generator.generate(Article("wiki.txt", WIKI_PAGE))
    page = generated.facts.page
    assert page.headline == "Marlow council approves new bus lanes after long debate"
    assert page.outlet == "Wikinews"
    body = " ".join(page.body)
    assert "Marlow Herald" not in body
    assert "list of the streets" not in body  # a long cited source is still no story
    assert "Creative Commons" not in body


def test_an_opinion_page_says_so_and_asks_for_no_checkable_fact(generator: Generator) -> None:
    generated = generator.generate(Article("tribune.txt", OPINION_PAGE))
    assert generated.facts.page.opinion
    ids = [q.id for q in generated.question_set.questions]
    assert not any(i.endswith("-fact") for i in ids)
    genre = [q for q in generated.question_set.questions if q.id.endswith("-genre")]
    assert genre
    assert any("opinion" in generated.warnings[0].lower() for _ in [0])


def test_a_wiki_invitation_to_give_an_opinion_is_no_opinion_label(generator: Generator) -> None:
    raw = WIKI_PAGE.replace("Share this:\n", "Share this:\nHave an opinion on this story?\n")
    assert not generator.generate(Article("wiki.txt", raw)).facts.page.opinion


BLOG_POST = """\
Notes from the staff room
A blog about teaching maths in a small town
Home | About | Archive
OPINION
We were wrong to scrap homework.
Posted on May 3, 2025 by Dana Okafor

Last September our school in Marlow dropped homework for every pupil under fourteen, after a \
survey of parents found that most of them spent their evenings arguing over fractions.

Eight months later, the results of the spring tests are in. Pupils in Year 8 scored lower in \
algebra than any year group since 2019, and the head of maths, Paul Ridley, told the governors \
that the gap had opened in the weeks after half-term.

Dana Okafor teaches maths at Riverside Academy in Marlow and writes this blog at weekends.
"""

STANDFIRST = """\
Opinion
The four-day week worked in Dunmore. Ministers should admit it

Two years of data from one small council say more than a year of speeches from Westminster

Ros Carver, Political Columnist
Wednesday 27 August 2025 5:00am BST

Dunmore District Council moved its 300 office staff to a four-day week in January 2024, \
keeping their pay and asking them to do the same work in 32 hours instead of 37.

Eighteen months on, the council's own figures show that sick days fell by a third and that the \
number of unfilled posts dropped from 41 to 12, while complaints from residents did not rise.
"""


def test_the_headline_is_the_title_not_a_tagline_or_a_standfirst(generator: Generator) -> None:
    blog = generator.generate(Article("blog.txt", BLOG_POST)).facts.page
    assert blog.headline == "We were wrong to scrap homework."
    assert blog.opinion
    assert not any(p.startswith("Dana Okafor teaches") for p in blog.body)  # the author's note
    column = generator.generate(Article("column.txt", STANDFIRST)).facts.page
    assert column.headline == "The four-day week worked in Dunmore. Ministers should admit it"


def test_a_byline_naming_one_author_asks_who_wrote_it(generator: Generator) -> None:
    questions = _questions(generator, BLOG_POST)
    (author,) = [q for q in questions if q.id.endswith("-author")]  # type: ignore[attr-defined]
    assert isinstance(author, SingleChoiceQuestion)
    assert author.answer == "Dana Okafor"
    assert "Paul Ridley" in {c.text for c in author.choices}  # named in the story, not its author
