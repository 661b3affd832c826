"""Stage 2: the repairs a small model needs on news."""

from __future__ import annotations

import pytest

from quiz.generate import Generator
from quiz.generate.languages import profile
from quiz.generate.nlp import load_model
from quiz.generate.understand import analyse


def test_sentences_are_not_cut_inside_quotes_or_before_que(generator: Generator) -> None:
    model = generator.model("fr")
    analysis = analyse(
        [
            "La réunion de Lima est d'autant plus importante que jusqu'ici Quito refusait tout "
            "contact. « Nous avançons. Lentement, mais nous avançons », a déclaré M. Pérez.",
        ],
        model,
    )
    texts = [s.text for s in analysis.sentences]
    assert texts[0].endswith("refusait tout contact.")
    assert texts[1] == "« Nous avançons. Lentement, mais nous avançons », a déclaré M. Pérez."


def test_titles_and_surnames_join_the_full_name(generator: Generator) -> None:
    analysis = analyse(
        [
            "Le ministre péruvien de l'Économie, Julio Pérez, a reçu lundi son homologue "
            "chilienne, Ana Castillo.",
            "M. Pérez a ensuite visité le port. Mme Castillo a parlé d'un bon début. "
            "Castillo rentre mardi.",
        ],
        generator.model("fr"),
    )
    names = {p.name: p.forms for p in analysis.persons}
    assert set(names) == {"Julio Pérez", "Ana Castillo"}
    assert "M. Pérez" in names["Julio Pérez"]
    assert {"Mme Castillo", "Castillo"} <= names["Ana Castillo"]
    castillo = analysis.person_for("Mme Castillo")
    assert castillo is not None
    assert castillo.name == "Ana Castillo"


def test_a_lone_capital_after_a_preposition_is_a_place(generator: Generator) -> None:
    analysis = analyse(
        ["La ministre Ana Castillo a reçu à Bergen son homologue Julio Pérez pour un accord."],
        generator.model("fr"),
    )
    assert "Bergen" not in {p.name for p in analysis.persons}


def test_degraded_english_finds_names_by_rules() -> None:
    model = load_model(profile("en"))
    assert model.degraded
    analysis = analyse(
        [
            "Brazilian Environment Minister Lucia Ramos met Peru's Trade Minister Jorge Salas in "
            "Lima on Monday.",
            '"We have work to do," Ramos told reporters near Lake Titicaca.',
        ],
        model,
    )
    names = {p.name: p.forms for p in analysis.persons}
    assert set(names) == {"Lucia Ramos", "Jorge Salas"}
    assert "Ramos" in names["Lucia Ramos"]
    places = {m.text for m in analysis.mentions if m.kind == "place"}
    assert {"Lima", "Lake Titicaca"} <= places


def test_french_without_its_model_says_how_to_install() -> None:
    from quiz.generate import ModelUnavailable

    with pytest.raises(ModelUnavailable, match=r"pip install 'quiz\[generate\]'"):
        load_model(profile("fr"), pipeline="no_such_pipeline_installed")
