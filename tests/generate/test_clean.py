"""Stage 1: normalising text and giving each line of a copied page its zone."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.generate.clean import (
    Zone,
    detect_language,
    find_dates,
    is_furniture,
    normalise,
    parse_credit,
    split_caption,
    split_zones,
)
from quiz.generate.languages import profile

FR, EN = profile("fr"), profile("en")

PAGE = """\
EN CONTINU
Partager

Les maires de Lyon et Turin signent un pacte ferroviaire

Par Paul Girard
Publié le 4 avril 2024

Le maire de Lyon et son homologue de Turin à la gare, le 3 avril 2024 [Anne Roux / AFP] \
Le maire de Lyon et son homologue de Turin à la gare, le 3 avril 2024 [Anne Roux / AFP]

Les deux villes ont signé mercredi un pacte pour relancer la liaison ferroviaire directe, \
interrompue depuis un éboulement en 2023.

« C\u2019est une\u00a0victoire pour les voyageurs », a déclaré le maire.

Lire aussi : Le chantier du tunnel prend du retard
Les plus lus
Météo : un week-end ensoleillé
"""


def test_normalise_unifies_spaces_and_quote_marks_but_keeps_guillemets() -> None:
    text = normalise("«\u00a0Bonjour\u202f» l\u2019\u00e9t\u00e9 \u201cici\u201d\u2014non\u0007")
    assert text == '« Bonjour » l\'été "ici"-non'


def test_zones_of_a_copied_page() -> None:
    page = split_zones(PAGE, FR)
    zones = {block.text[:20]: block.zone for block in page.blocks}
    assert zones["EN CONTINU"] is Zone.FURNITURE
    assert zones["Partager"] is Zone.FURNITURE
    assert page.headline == "Les maires de Lyon et Turin signent un pacte ferroviaire"
    assert page.bylines == ["Par Paul Girard", "Publié le 4 avril 2024"]
    assert len(page.body) == 2
    assert page.body[1].startswith("« C'est une victoire")
    assert "Lire aussi : Le chantier du tunnel prend du retard" in page.furniture
    assert "Météo : un week-end ensoleillé" in page.furniture  # a related link after the body
    assert page.published == date(2024, 4, 4)
    assert page.published_from == "dateline"


def test_a_caption_printed_twice_is_one_caption_with_its_credit() -> None:
    page = split_zones(PAGE, FR)
    (caption,) = page.captions
    assert caption.printed_twice
    assert caption.text == "Le maire de Lyon et son homologue de Turin à la gare, le 3 avril 2024"
    assert caption.credit is not None
    assert caption.credit.photographer == "Anne Roux"
    assert caption.credit.agencies == ("AFP",)
    assert not caption.credit.pool


def test_credits_in_their_usual_forms() -> None:
    pool = parse_credit("Kim Lee / Pool/AFP")
    assert (pool.photographer, pool.agencies, pool.pool) == ("Kim Lee", ("AFP",), True)
    reuters = split_caption("Des manifestants à Quito (Photo: Ana Ruiz / Reuters)")
    assert reuters is not None
    assert reuters.credit is not None
    assert reuters.credit.agencies == ("Reuters",)
    assert reuters.text == "Des manifestants à Quito"
    assert split_caption("Une phrase ordinaire du récit, sans crédit.") is None


def test_dates_written_out_in_both_languages() -> None:
    assert find_dates("le 1er novembre 2013 à Tokyo") == [(date(2013, 11, 1), "1er novembre 2013")]
    assert find_dates("on March 2, 2021 in Nairobi") == [(date(2021, 3, 2), "March 2, 2021")]
    assert find_dates("le 31 février 2020") == []  # no such day: not a date


def test_language_detection_and_furniture_words() -> None:
    assert (
        detect_language("Les ministres ont annoncé samedi que la rencontre est une première.")
        == "fr"
    )
    assert detect_language("The ministers said on Saturday that the meeting was a first.") == "en"
    assert is_furniture("À suivre aussi", FR)
    assert is_furniture("Read more: Drought in the north", EN)
    assert not is_furniture("Les deux pays ont signé un accord.", FR)


def test_dateline_gives_the_agency() -> None:
    page = split_zones(
        "Titre court\n\nQUITO (Reuters) - Le président a annoncé lundi des élections anticipées "
        "dans tout le pays pour le mois prochain.\n",
        FR,
    )
    assert page.agency == "Reuters"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_gets_zones_without_crashing(raw: str) -> None:
    page = split_zones(raw, FR)
    # Every non-blank line of the page lands in exactly one zone, in order.
    lines = [line for line in normalise(raw).split("\n") if line]
    assert [block.text for block in page.blocks] == lines
    assert page.text.endswith("\n")
