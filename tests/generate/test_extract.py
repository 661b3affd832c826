"""Stage 3: facts with their evidence, on short articles written for these tests."""

from __future__ import annotations

from datetime import date

from quiz.generate import Generator

from .conftest import facts_of

SUMMIT = """\
Le Pérou et le Chili relancent leur coopération minière

Publié le 6 mai 2022

Le ministre péruvien des Mines, Julio Pérez, et celui de l'Énergie, Raúl Soto, ont reçu vendredi \
à Lima leurs homologues chiliens, Ana Castillo, et Diego Fuentes, pour une première \
rencontre de ce genre.

« Nous ouvrons une nouvelle étape pour nos deux économies », a déclaré M. Pérez lors d'une \
conférence de presse.

Un accord commun "permettra de réduire les coûts de transport de moitié", alors que les \
exportations reculent en raison de la baisse des prix du cuivre.

Mme Castillo a précisé jeudi que les deux pays se retrouveraient en 2023 pour un bilan.

Les deux voisins se disputent toujours trois zones de pêche au large d'Arica, que Lima appelle \
"le triangle extérieur".

Selon des analystes, la concurrence de La Paz pourrait expliquer en partie ce rapprochement. \
La Paz est citée deux fois dans le communiqué, mais La Paz n'a pas réagi.
"""


def test_roles_from_appositions_celui_de_and_counterparts(generator: Generator) -> None:
    facts = facts_of(generator, SUMMIT)
    roles = {f.person.name: (f.role, f.country.key if f.country else None) for f in facts.people}
    assert roles["Julio Pérez"] == ("ministre péruvien des Mines", "pe")
    assert roles["Raúl Soto"] == ("ministre péruvien de l'Énergie", "pe")
    assert roles["Ana Castillo"] == ("ministre chilienne des Mines", "cl")
    assert roles["Diego Fuentes"] == ("ministre chilien de l'Énergie", "cl")
    for fact in facts.people:
        assert fact.evidence is not None
        assert fact.evidence in SUMMIT.replace("\\\n", "")


def test_quotes_with_and_without_speaker_and_reported_speech(generator: Generator) -> None:
    facts = facts_of(generator, SUMMIT)
    direct = {q.words: q for q in facts.quotes if q.direct}
    ours = direct["Nous ouvrons une nouvelle étape pour nos deux économies"]
    assert ours.person is not None
    assert ours.person.name == "Julio Pérez"
    orphan = direct["permettra de réduire les coûts de transport de moitié"]
    assert orphan.speaker is None
    (reported,) = [q for q in facts.quotes if not q.direct]
    assert reported.person is not None
    assert reported.person.name == "Ana Castillo"
    assert reported.evidence == "Mme Castillo a précisé"
    # Terms in quotes ("le triangle extérieur") are not speech.
    assert all("triangle" not in q.words for q in facts.quotes)


def test_hedges_unnamed_sources_and_tense_agreement(generator: Generator) -> None:
    facts = facts_of(generator, SUMMIT)
    (hedge,) = facts.hedges  # "se retrouveraient" after "a précisé que" is reported, not hedged
    assert hedge.source == "Selon des analystes"
    assert hedge.cues == ("pourrait",)


def test_other_names_dates_numbers_causes(generator: Generator) -> None:
    facts = facts_of(generator, SUMMIT)
    (other,) = facts.other_names
    assert (other.other, other.who) == ("le triangle extérieur", "Lima")
    assert "Arica" in other.place
    days = {d.text: d.value for d in facts.dates}
    assert days["vendredi"] == date(2022, 5, 6)
    assert days["jeudi"] == date(2022, 5, 5)
    assert [(n.value, n.noun) for n in facts.numbers] == [(3, "zones")]  # not "nos deux économies"
    assert [c.cause for c in facts.causes] == ["la baisse des prix du cuivre"]
    assert facts.firsts
    assert "première rencontre" in facts.firsts[0].text


def test_meeting_place_and_participants(generator: Generator) -> None:
    facts = facts_of(generator, SUMMIT)
    (meeting,) = facts.meetings
    assert meeting.place == "Lima"
    assert meeting.when is not None
    assert meeting.when.value == date(2022, 5, 6)  # "vendredi", the article being of 6 May
    assert {p.name for p in meeting.participants} == {
        "Julio Pérez",
        "Raúl Soto",
        "Ana Castillo",
        "Diego Fuentes",
    }


def test_disputes_name_the_sides_and_the_place(generator: Generator) -> None:
    facts = facts_of(
        generator,
        "Deux voisins et un archipel\n\nTokyo et Séoul se disputent toujours les îles Dokdo, "
        "que Tokyo appelle Takeshima, depuis la fin de la guerre. Les deux capitales ont "
        "pourtant signé lundi un accord de pêche pour la saison.\n",
    )
    (dispute,) = facts.disputes
    assert dispute.sides == ("Tokyo", "Séoul")
    assert dispute.place == "les îles Dokdo"
    assert dispute.evidence == "Tokyo et Séoul se disputent toujours les îles Dokdo"


def test_days_ahead_count_forward_and_former_roles_are_left_alone(generator: Generator) -> None:
    facts = facts_of(
        generator,
        "Un accord attendu\n\nPublié le 6 mai 2022\n\nL'ancien ministre péruvien des Mines Luis "
        "Vega a reçu vendredi le ministre chilien de l'Énergie, Diego Fuentes, à Lima. Le "
        "gouvernement pourrait relever son offre d'ici lundi, et les deux pays signeront un "
        "accord mardi prochain.\n",
    )
    roles = {f.person.name: f.role for f in facts.people}
    assert roles["Diego Fuentes"] == "ministre chilien de l'Énergie"
    assert roles.get("Luis Vega") is None  # a former minister holds no role now
    days = {d.text: d.value for d in facts.dates}
    assert days["vendredi"] == date(2022, 5, 6)
    # Written on Friday 6 May: "d'ici lundi" and "mardi prochain" are the days after it.
    assert days["lundi"] == date(2022, 5, 9)
    assert days["mardi"] == date(2022, 5, 10)


def test_a_pronoun_after_a_quote_points_to_the_last_person_named(generator: Generator) -> None:
    facts = facts_of(
        generator,
        "Un port sous tension\n\nLe maire de Brest, Hélène Caradec, a visité lundi les quais "
        "en grève depuis une semaine.\n\n« Nous ne laisserons pas le port mourir », a-t-elle "
        "assuré devant les dockers.\n",
    )
    (quote,) = [q for q in facts.quotes if q.direct]
    assert quote.by_pronoun
    assert quote.how == "pronoun"
    assert quote.tag == "a-t-elle assuré"
    assert quote.person is not None
    assert quote.person.name == "Hélène Caradec"
