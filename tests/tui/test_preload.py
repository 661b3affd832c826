"""Loading the sets for the home screen, in a forked child or in-process: the same summaries."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from quiz.core.diagnostics import QuestionSetError
from quiz.core.skills import Skill
from quiz.paths import bundled_questions_dir
from quiz.tui.preload import (
    BrokenSetFile,
    BundledIndex,
    SetEntry,
    SetSummary,
    SummaryCache,
    load_summaries,
    preload_sets,
    verify_sets,
)

from .conftest import DATA, load


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "in-process"])
def test_summaries_describe_each_set_and_load_it_whole_on_demand(fork: bool) -> None:
    found = preload_sets([DATA / "every_type.yaml"], fork=fork).result()
    assert found.broken == []
    (entry,) = found.entries()
    summary = entry.summary
    assert summary.id == "every-type"
    assert summary.question_count == 7
    assert summary.agency == "AFP"
    assert summary.published is not None
    assert summary.published.isoformat() == "2013-11-02"
    assert Skill.FACT_VS_OPINION in summary.skills
    assert summary.has_article_text
    question_set = entry.load()
    assert question_set.id == "every-type"
    assert entry.load() is question_set  # loaded once


def test_a_forked_load_gives_what_an_in_process_load_gives() -> None:
    paths = [bundled_questions_dir(), DATA / "hostile.yaml"]
    forked = preload_sets(paths, fork=True).result()
    here = preload_sets(paths, fork=False).result()
    assert forked == here
    assert len(forked.summaries) >= 2


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "in-process"])
def test_a_broken_file_is_named_with_its_first_error_and_the_good_sets_still_load(
    tmp_path: Path, fork: bool
) -> None:
    folder = tmp_path / "sets"
    shutil.copytree(DATA / "numbers", folder)
    broken = folder / "broken.yaml"
    # Two mistakes: no article, and an empty list of questions.
    broken.write_text("id: broken\ntitle: Broken\nlanguage: fr\nquestions: []\n", encoding="utf-8")
    found = preload_sets([folder], fork=fork).result()
    assert [s.id for s in found.summaries] == ["numbers-harbour-en", "nombres-port-fr"]
    [file] = found.broken
    assert (file.path, file.line, file.column, file.errors) == (str(broken), 1, 1, 2)
    assert file.describe() == f"{broken}:1:1: missing required key 'article'"


def test_a_broken_files_name_and_error_are_cleaned_for_display() -> None:
    file = BrokenSetFile("sets/\x1b[31mbad.yaml", 3, 7, "unknown key\n'\x07x'", 1)
    assert file.describe() == "sets/[31mbad.yaml:3:7: unknown key 'x'"


def test_a_summary_survives_json() -> None:
    summary = SetSummary.of(load("every_type.yaml"))
    assert SetSummary.from_json(summary.to_json()) == summary
    assert SetEntry.of(load("every_type.yaml")).summary == summary


def test_unchanged_sets_come_from_the_cache_and_edited_ones_are_checked_again(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "sets"
    (folder / "articles").mkdir(parents=True)
    source = DATA / "every_type.yaml"
    (folder / "every_type.yaml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    article = folder / "articles" / "every_type.txt"
    article.write_text((DATA / "articles" / "every_type.txt").read_text(encoding="utf-8"))
    cache = SummaryCache(tmp_path / "cache")
    assert cache.summaries([folder]) is None  # nothing cached yet

    listed = load_summaries([folder])
    assert not listed.verified  # summarised from the YAML: nothing cached until checked in full
    assert SummaryCache().summaries([folder]) is None
    first = verify_sets(listed)
    assert (first.verified, first.broken) == (True, [])
    assert SummaryCache().summaries([folder]) == first.summaries  # the default cache, as set
    assert load_summaries([folder]) == first  # from the cache now, already checked

    # An edited article may no longer hold an evidence quote: not taken from the cache, listed
    # again from its YAML, and named broken once checked in full (or when the set is opened).
    article.write_text("Nothing left of the article.\n", encoding="utf-8")
    assert SummaryCache().summaries([folder]) is None
    again = load_summaries([folder])
    (entry,) = again.entries()
    with pytest.raises(QuestionSetError, match="evidence"):
        entry.load()
    checked = verify_sets(again)
    assert checked.summaries == []
    assert [(Path(b.path).name, "evidence" in b.message) for b in checked.broken] == [
        ("every_type.yaml", True)
    ]

    # A damaged cache file is only a miss.
    SummaryCache().file.write_text("{not json", encoding="utf-8")
    assert SummaryCache().summaries([folder]) is None


# --- The index shipped with the bundled sets ---------------------------------------------------


def test_the_shipped_index_is_what_the_loader_makes_of_the_bundled_sets() -> None:
    index = BundledIndex()
    shipped = json.loads(index.file.read_text(encoding="utf-8"))
    assert shipped == index.build(), "run: python -m quiz.tui.preload"


def test_a_first_start_on_the_bundled_sets_needs_no_pydantic(tmp_path: Path) -> None:
    """With an empty cache (the README's first command), the home screen comes from the index."""
    probe = (
        "import sys, json\n"
        "from quiz.paths import bundled_questions_dir\n"
        "from quiz.tui.preload import load_summaries\n"
        "found = load_summaries([bundled_questions_dir()]).summaries\n"
        "print(json.dumps({'pydantic': 'pydantic' in sys.modules, "
        "'ids': [s.id for s in found]}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "empty-cache")},
    )
    report = json.loads(done.stdout)
    assert report == {
        "pydantic": False,
        "ids": [s.id for s in load_summaries([bundled_questions_dir()]).summaries],
    }
    # ... and it is what the loader itself makes of the sets.
    from quiz.core.loader import load_question_sets

    by_loader = [SetSummary.of(s) for s in load_question_sets([bundled_questions_dir()])]
    by_index = BundledIndex().summaries([bundled_questions_dir()])
    assert by_index is not None
    assert [s.to_json() for s in by_index] == [s.to_json() for s in by_loader]


def test_the_index_is_not_used_for_an_edited_set_or_a_set_elsewhere(tmp_path: Path) -> None:
    folder = tmp_path / "bundled"
    shutil.copytree(bundled_questions_dir(), folder)
    index = BundledIndex(folder)
    assert index.summaries([folder]) is not None
    assert index.summaries([folder, DATA / "every_type.yaml"]) is None  # not all bundled
    edited = sorted(folder.glob("*.yaml"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert index.summaries([folder]) is None
    assert index.summaries([folder / "missing.yaml"]) is None


# --- Quick summaries: a first start on a large library reads the YAML without pydantic ----------


def test_quick_summaries_are_the_summaries_the_loader_gives() -> None:
    from quiz.core.loader import load_question_sets
    from quiz.tui.preload import quick_summaries

    paths = [bundled_questions_dir(), DATA / "every_type.yaml", DATA / "hostile.yaml"]
    quick = quick_summaries(paths)
    assert quick is not None
    assert quick == [SetSummary.of(s) for s in load_question_sets(paths)]


@pytest.mark.parametrize(
    "mistake",
    [
        ("skill: comprehension", "skill: comprension"),  # unknown skill
        ("title: ", "title: [not, text]\nx: "),  # a title that is not text
        ("questions:", "questions: {}\nnot-questions:"),  # questions that are not a list
        ("text_file: ", "text_file: ../../"),  # an article outside the set's folder
        ("id: ", "id: : :"),  # not YAML
    ],
    ids=["skill", "title", "questions", "article-outside", "yaml"],
)
def test_a_set_the_quick_path_cannot_summarise_goes_to_the_loader(
    tmp_path: Path, mistake: tuple[str, str]
) -> None:
    from quiz.tui.preload import quick_summaries

    (tmp_path / "articles").mkdir()
    shutil.copy(DATA / "articles" / "every_type.txt", tmp_path / "articles")
    text = (DATA / "every_type.yaml").read_text(encoding="utf-8")
    assert mistake[0] in text
    (tmp_path / "set.yaml").write_text(text.replace(mistake[0], mistake[1], 1), encoding="utf-8")
    assert quick_summaries([tmp_path]) is None
    found = load_summaries([tmp_path])  # the full loader runs, and locates the mistake
    assert found.summaries == []
    (broken,) = found.broken
    assert Path(broken.path).name == "set.yaml"


def test_a_quickly_summarised_set_is_checked_in_full_when_opened(tmp_path: Path) -> None:
    """Summaries skip validation: a key that is no choice is found when a player opens the set."""
    (tmp_path / "articles").mkdir()
    shutil.copy(DATA / "articles" / "every_type.txt", tmp_path / "articles")
    text = (DATA / "every_type.yaml").read_text(encoding="utf-8")
    (tmp_path / "set.yaml").write_text(text.replace("answer: Tokyo", "answer: Osaka"), "utf-8")
    (entry,) = preload_sets([tmp_path], fork=False).result().entries()
    assert entry.summary.question_count == 7
    with pytest.raises(QuestionSetError, match="Osaka"):
        entry.load()


# --- The cache reads a set's article as the loader does: inside its folder, bounded -------------


def _cached_set(tmp_path: Path) -> tuple[Path, Path]:
    """every_type.yaml and its article in a folder of their own, loaded once (so cached)."""
    folder = tmp_path / "sets"
    (folder / "articles").mkdir(parents=True)
    shutil.copy(DATA / "every_type.yaml", folder / "every_type.yaml")
    article = folder / "articles" / "every_type.txt"
    shutil.copy(DATA / "articles" / "every_type.txt", article)
    verify_sets(load_summaries([folder]))
    assert SummaryCache().summaries([folder]) is not None
    return folder, article


def test_an_article_that_now_leads_out_of_the_folder_is_not_taken_from_the_cache(
    tmp_path: Path,
) -> None:
    folder, article = _cached_set(tmp_path)
    # The very bytes the cache knows, but outside the set's folder: refused all the same.
    outside = tmp_path / "outside.txt"
    article.replace(outside)
    article.symlink_to(outside)
    assert SummaryCache().summaries([folder]) is None
    (broken,) = load_summaries([folder]).broken
    assert "outside the set's folder" in broken.message


def test_the_cache_reads_an_article_no_further_than_the_loaders_limit(tmp_path: Path) -> None:
    folder, article = _cached_set(tmp_path)
    with article.open("wb") as stream:  # 64 MB that take no disk
        stream.truncate(64 * 1024 * 1024)
    tracemalloc.start()
    try:
        assert SummaryCache().summaries([folder]) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # the old cache read the whole file to digest it
    (broken,) = verify_sets(load_summaries([folder])).broken  # listed, then found too large
    assert "67,108,864 bytes, more than" in broken.message


def _load_summaries_in_a_child(folder: Path) -> subprocess.CompletedProcess[str]:
    """`load_summaries([folder])` in a process with a time-out and 1.5 GB of address space: a
    read that never ends fails the test instead of hanging it or exhausting the machine."""
    probe = (
        "import sys\n"
        "from quiz.tui.preload import load_summaries\n"
        "for broken in load_summaries([sys.argv[1]]).broken:\n"
        "    print(broken.message)\n"
    )

    def bounded() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024,) * 2)

    return subprocess.run(
        [sys.executable, "-c", probe, str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=folder,
        preexec_fn=bounded,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes or devices here")
@pytest.mark.parametrize("kind", ["named pipe", "/dev/zero"])
def test_a_cached_set_whose_article_became_a_pipe_or_a_device_is_refused_at_once(
    tmp_path: Path, kind: str
) -> None:
    folder, article = _cached_set(tmp_path)
    article.unlink()
    if kind == "named pipe":
        os.mkfifo(article)
        expected = "the article file is a named pipe (FIFO), not a regular file"
    else:
        article.symlink_to("/dev/zero")
        expected = "the article file is outside the set's folder"
    done = _load_summaries_in_a_child(folder)
    assert done.returncode == 0, done.stderr[-2000:]
    assert expected in done.stdout
