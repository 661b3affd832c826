"""The categorize template: passages sorted into a named person / an unnamed source / a
hypothesis, and only passages that belong to one group without doubt.

The articles are our own short texts, one rule each; the corpus measures the same at scale
(`test_corpus_scores.py`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quiz.core.loader import check_paths, parse_question_set
from quiz.core.models import CategorizeQuestion
from quiz.generate import Article, Generator, write_set
from quiz.generate.questions.categorize import categorize_questions
from quiz.generate.rank import ONE_PER_SENTENCE

from .conftest import ARTICLES, facts_of

HEADER_FR = """\
Transports : la région de Valbrune veut rouvrir une ligne de train

Publié le 14 mai 2025

"""

NAMED_FR = (
    "« Ce train, nous le réclamons depuis vingt ans et nous ne lâcherons rien », a déclaré "
    "Hélène Marchetti, la présidente de l'association des usagers."
)
UNNAMED_FR = (
    "Selon des observateurs, le conseil régional a déjà réservé une enveloppe de douze millions "
    "d'euros pour les travaux."
)
HEDGE_FR = "La première rame pourrait circuler entre Valbrune et Saint-Oren dès l'automne 2027."
UNNAMED_AND_HEDGE_FR = (
    "Selon des sources proches du dossier, la SNCF serait prête à financer une partie des "
    "travaux de la gare."
)
HEDGED_QUOTE_FR = (
    "« Le chantier pourrait durer deux ans », a précisé Marc Delorme, ingénieur de la région."
)
FILLER_FR = (
    "La ligne entre Valbrune et Saint-Oren a été fermée aux voyageurs en 2004, après des années "
    "de baisse de la fréquentation. Le conseil régional a voté mardi une étude de réouverture, "
    "par 41 voix contre 12. Les élus de l'opposition ont voté contre le projet."
)


def _article_fr(*sentences: str) -> str:
    return HEADER_FR + FILLER_FR + "\n\n" + "\n\n".join(sentences) + "\n"


HEADER_EN = """\
Harbour town votes to reopen its ferry pier

Published May 14, 2025

"""

NAMED_EN = (
    '"We have waited twenty years for this ferry and we will not give up," said Helen Marsh, '
    "the chair of the passengers' association."
)
UNNAMED_EN = (
    "According to two people familiar with the talks, the county has already set aside "
    "twelve million pounds for the works."
)
HEDGE_EN = "The first crossing could run between Kelby and the island as early as autumn 2027."
FILLER_EN = (
    "The pier at Kelby was closed to passengers in 2004 after years of falling traffic. The "
    "county council voted on Tuesday for a study of reopening it, by 41 votes to 12. Opposition "
    "councillors voted against the plan. Helen Marsh has campaigned for the pier since 2010."
)


def _article_en(*sentences: str) -> str:
    return HEADER_EN + FILLER_EN + "\n\n" + "\n\n".join(sentences) + "\n"


def _items(generator: Generator, raw: str) -> dict[str, str]:
    """Each item's text and group, from the template alone (before ranking)."""
    found = list(categorize_questions(facts_of(generator, raw)))
    assert len(found) <= 1
    if not found:
        return {}
    fields: dict[str, Any] = found[0].fields
    return {item["text"]: item["category"] for item in fields["items"]}


def test_each_group_gets_its_own_passages_in_french(generator: Generator) -> None:
    items = _items(generator, _article_fr(NAMED_FR, UNNAMED_FR, HEDGE_FR))
    assert items == {
        NAMED_FR: "Une personne nommée parle",
        UNNAMED_FR: "Une source sans nom",
        HEDGE_FR: "Une hypothèse, pas une certitude",
    }


def test_each_group_gets_its_own_passages_in_english(generator: Generator) -> None:
    items = _items(generator, _article_en(NAMED_EN, UNNAMED_EN, HEDGE_EN))
    assert items == {
        NAMED_EN: "A named person speaks",
        UNNAMED_EN: "A source with no name",
        HEDGE_EN: "A hypothesis, not a certainty",
    }


def test_an_unnamed_source_with_a_hedge_is_left_out(generator: Generator) -> None:
    items = _items(generator, _article_fr(NAMED_FR, UNNAMED_AND_HEDGE_FR, UNNAMED_FR, HEDGE_FR))
    assert UNNAMED_AND_HEDGE_FR not in items
    assert len(items) == 3


def test_a_named_person_s_hedged_quote_is_left_out(generator: Generator) -> None:
    items = _items(generator, _article_fr(HEDGED_QUOTE_FR, NAMED_FR, UNNAMED_FR, HEDGE_FR))
    assert not any("Le chantier pourrait durer" in text for text in items)
    assert len(items) == 3


def test_a_quote_given_by_a_pronoun_is_left_out(generator: Generator) -> None:
    by_pronoun = "« Nous ne lâcherons rien, ni cette année ni la suivante », a-t-elle ajouté."
    items = _items(generator, _article_fr(NAMED_FR, by_pronoun, UNNAMED_FR, HEDGE_FR))
    assert not any("ni cette année" in text for text in items)


def test_too_few_items_or_one_group_writes_nothing(generator: Generator) -> None:
    assert _items(generator, _article_fr(NAMED_FR, UNNAMED_FR)) == {}  # two items
    assert _items(generator, _article_fr(HEDGE_FR, UNNAMED_AND_HEDGE_FR)) == {}


def test_the_written_set_checks_and_is_the_same_every_time(generator: Generator) -> None:
    raw = _article_fr(NAMED_FR, UNNAMED_FR, HEDGE_FR)
    first = generator.generate(Article("ligne.txt", raw))
    again = generator.generate(Article("ligne.txt", raw))
    assert first.yaml_text == again.yaml_text
    question_set = parse_question_set(first.yaml_text, path="ligne.yaml")
    sorting = [q for q in question_set.questions if isinstance(q, CategorizeQuestion)]
    assert len(sorting) == 1
    assert sorting[0].skill == "fact_vs_opinion"
    # No other story question is on one of its items' sentences: it would give the group away
    # (a lateral-reading question may name the source: it asks what to check, not who speaks).
    for question in question_set.questions:
        if question.skill in ONE_PER_SENTENCE and question is not sorting[0] and question.draft:
            assert question.draft.passage not in (NAMED_FR, UNNAMED_FR, HEDGE_FR)


def test_sets_with_one_pass_quiz_check_as_written(generator: Generator, tmp_path: Path) -> None:
    """Our short text, and a corpus article on which the template fires."""
    port = ARTICLES / "corpus" / "en" / "01-ravensmouth-port-strike.txt"
    for name, raw in (
        ("ligne", _article_fr(NAMED_FR, UNNAMED_FR, HEDGE_FR)),
        ("port", port.read_text(encoding="utf-8")),
    ):
        generated = generator.generate(Article(name, raw), text_file=f"{name}.txt")
        assert "type: categorize" in generated.yaml_text
        set_path = tmp_path / f"{name}.yaml"
        write_set(generated, set_path, tmp_path / f"{name}.txt")
        assert check_paths([set_path]).diagnostics == []


def test_the_seed_gets_none_its_unnamed_source_hedges(
    generator: Generator, seed_article: Path
) -> None:
    """The seed's one unnamed-source sentence ("Selon des observateurs, … pourrait …") is a
    hedge too: left out, so one quote remains, too few items for a question."""
    facts = facts_of(generator, seed_article.read_text(encoding="utf-8"))
    assert list(categorize_questions(facts)) == []
    observers = [h for h in facts.hedges if h.source == "Selon des observateurs"]
    assert observers
    assert observers[0].cues
