"""Saved web pages: the story from trafilatura; captions, credits and furniture from the page."""

from __future__ import annotations

from datetime import date

from quiz.generate.clean import Zone
from quiz.generate.html import looks_like_html, page_from_html
from quiz.generate.languages import profile

from .conftest import ARTICLES


def test_html_page_zones_keep_captions_credits_and_furniture() -> None:
    raw = (ARTICLES / "fr_glacier_page.html").read_text(encoding="utf-8")
    assert looks_like_html(raw)
    page = page_from_html(raw, profile("fr"))

    assert page.headline == "Chili et Argentine relancent le dialogue sur le glacier Perito"
    assert page.outlet == "Le Courrier des Andes"
    assert page.published == date(2023, 6, 10)
    assert page.published_from == "metadata"
    assert page.agency == "AFP"  # "Par Lucía Ferrer, avec AFP"

    (caption,) = page.captions
    assert caption.credit is not None
    assert caption.credit.photographer == "Martín Soto"
    assert caption.credit.agencies == ("AFP",)

    assert len(page.body) == 7
    assert page.body[0].startswith("Le Chili et l'Argentine ont décidé vendredi")
    body_text = " ".join(page.body)
    for furniture in ("Lire aussi", "Ailleurs sur le web", "Patagonie : la fonte", "astuce"):
        assert furniture not in body_text
    assert "Lire aussi" in page.furniture
    assert "Ailleurs sur le web" in page.furniture
    assert "Cette astuce pour réduire sa facture" in page.furniture
    # The ticker above the headline stays above it in the saved text.
    zones = [block.zone for block in page.blocks]
    assert zones[0] is Zone.FURNITURE
    assert page.blocks[0].text == "En direct"
    assert zones[1] is Zone.HEADLINE


def test_plain_text_is_not_html() -> None:
    assert not looks_like_html("Le <b>gras</b> au milieu d'une phrase n'en fait pas une page.")


def test_an_xhtml_page_with_an_encoding_declaration_is_read_as_html() -> None:
    raw = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html><body><article><h1>Un pont à Nantes</h1>'
        "<p>Le maire de Nantes, Paul Martin, a inauguré lundi un pont de 300 mètres, qui "
        "pourrait changer la circulation dans tout le centre-ville selon des urbanistes.</p>"
        "</article></body></html>"
    )
    assert looks_like_html(raw)
    page = page_from_html(raw, profile("fr"))
    assert page.headline == "Un pont à Nantes"
    assert page.body[0].startswith("Le maire de Nantes")
    assert "<" not in page.text
