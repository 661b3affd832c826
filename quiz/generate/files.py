"""Where `quiz generate` reads articles and writes sets: decided up front, refused before any work.

For `ARTICLE` the set is `ARTICLE-STEM-quiz.yaml` and the cleaned article `ARTICLE-STEM-quiz.txt`
(in the current folder, in `-o DIR`, or as named by `-o FILE.yaml`); `-o -` prints the set alone.
An existing file is never overwritten without `--force`, and an input is never overwritten at all.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from quiz.generate.pipeline import MAX_ARTICLE_CHARS, Article, GenerationError

STDIN = "-"
SET_SUFFIX = "-quiz"


@dataclass(frozen=True)
class OutputPlan:
    source: str
    set_path: Path | None
    """None: print the set to standard output."""
    text_path: Path | None

    @property
    def set_id(self) -> str | None:
        return self.set_path.stem if self.set_path is not None else None


def read_article(source: str) -> Article:
    """The article's text from a file or standard input, with a clear error if it cannot be read."""
    if source == STDIN:
        data = sys.stdin.buffer.read(MAX_ARTICLE_CHARS * 4 + 1)
        name = "standard input"
    else:
        path = Path(source)
        try:
            with path.open("rb") as stream:
                data = stream.read(MAX_ARTICLE_CHARS * 4 + 1)
        except OSError as error:
            raise GenerationError(f"{source}: cannot read the article: {error.strerror}") from error
        name = path.name
    text, notes = _decode(data, source)
    if not text.strip():
        raise GenerationError(f"{source}: the article is empty")
    return Article(name, text, notes)


def _utf16_order(data: bytes) -> str | None:
    """ "utf-16" when the bytes are UTF-16 (a byte-order mark, or every other byte zero)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:2000]
    if len(sample) >= 8:
        even_zero = sample[0::2].count(0) / len(sample[0::2])
        odd_zero = sample[1::2].count(0) / len(sample[1::2])
        if odd_zero > 0.3 and even_zero < 0.05:
            return "utf-16-le"
        if even_zero > 0.3 and odd_zero < 0.05:
            return "utf-16-be"
    return None


def _decode(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """UTF-8 (with or without its mark), UTF-16 (said so), else Windows-1252 (said so); bytes
    that are none of these (an image, a PDF, a word-processor file) are refused."""
    utf16 = _utf16_order(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), ("the file was UTF-16 text: read as such",)
        except UnicodeDecodeError as error:
            raise GenerationError(
                f"{source}: the file looks like UTF-16 but does not decode: save it as UTF-8"
            ) from error
    if b"\x00" in data[:4000]:
        raise GenerationError(
            f"{source}: the article is not text (a binary file?): save it as plain text or HTML"
        )
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:  # the few bytes cp1252 does not decode
        raise GenerationError(f"{source}: the article is not text (save it as UTF-8)") from error
    return text, ("the file was not UTF-8: read as Windows-1252, check accented letters",)


def plan_outputs(sources: list[str], output: str | None, force: bool) -> list[OutputPlan]:
    """Where each article's set goes; raises `GenerationError` for any clash, before any work."""
    if not sources:
        raise GenerationError("name at least one article (or - for standard input)")
    if sources.count(STDIN) > 1:
        raise GenerationError("standard input (-) can be read only once")
    if output == STDIN:
        if len(sources) > 1:
            raise GenerationError("-o - prints one set: give one article, or -o FOLDER")
        return [OutputPlan(sources[0], None, None)]

    folder: Path | None = None
    single_file: Path | None = None
    if output is None:
        folder = Path()
    elif Path(output).is_dir() or output.endswith(("/", "\\")) or len(sources) > 1:
        folder = Path(output)
    else:
        single_file = Path(output)
        if single_file.suffix not in (".yaml", ".yml"):
            raise GenerationError(f"-o {output}: a set file ends in .yaml (or give a folder)")

    plans: list[OutputPlan] = []
    for source in sources:
        if single_file is not None:
            set_path = single_file
        else:
            assert folder is not None
            stem = "article" if source == STDIN else Path(source).stem
            set_path = folder / f"{stem}{SET_SUFFIX}.yaml"
        plans.append(OutputPlan(source, set_path, set_path.with_suffix(".txt")))

    inputs = {Path(s).resolve() for s in sources if s != STDIN}
    seen: set[Path] = set()
    for plan in plans:
        for path in (plan.set_path, plan.text_path):
            assert path is not None
            resolved = path.resolve()
            if resolved in inputs:
                raise GenerationError(f"{path}: this is one of the articles; choose another -o")
            if resolved in seen:
                raise GenerationError(
                    f"{path}: two articles would be written to the same file; rename one"
                )
            seen.add(resolved)
            if path.exists() and not force:
                raise GenerationError(f"{path} exists: use --force to replace it")
    if folder is not None and not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as error:
            raise GenerationError(
                f"{folder}: cannot create the folder: {error.strerror}"
            ) from error
    return plans
