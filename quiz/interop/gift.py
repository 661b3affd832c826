"""Moodle's GIFT text format, read with a real grammar (gift.lark) and written as Moodle writes it.

The reading follows Moodle's own importer: the file is split into questions at blank lines, comment
lines are set aside, and each block is parsed by the grammar; the kind of question is then decided
as Moodle decides it (a `~` makes a multiple choice, `=` with `->` a matching question, …).
quiz's own details that GIFT has no place for travel in `// quiz: {...}` comments (see
`quiz.interop.metadata`), which Moodle ignores.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from quiz.core.diagnostics import Diagnostic, Severity
from quiz.core.models import (
    CategorizeQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    QuestionSet,
    SingleChoiceQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.interop import matching, metadata
from quiz.interop.errors import InteropError
from quiz.interop.fields import (
    NotHeld,
    accent_loss,
    category_title,
    choice_fields,
    clean,
    number_text,
    plain_number,
)
from quiz.interop.html_text import html_to_text
from quiz.interop.libraries import load
from quiz.interop.limits import check_question_count, decode_text
from quiz.interop.model import Bank, Format, Loss, ReadQuestion, Unsupported, Written

TITLE = "Moodle GIFT"
_FORMAT_PREFIX = re.compile(r"\[(html|moodle|plain|markdown)\]")
_WEIGHT = re.compile(r"%-?[0-9]+(?:\.[0-9]*)?%")
# Escapes Moodle undoes; any other backslash stays as written.
_UNESCAPE = {":": ":", "#": "#", "=": "=", "{": "{", "}": "}", "~": "~", "n": "\n", "\\": "\\"}
MIN_MATCHING_PAIRS = 3
"""Moodle's GIFT documentation: "There must be at least three matching pairs" (its importer
takes two, and quiz reads two, but writes three or more so that any reader takes the file)."""
_RAW_TEXT = re.compile(r"\\([\s\S])|[ \t]*\n[ \t\n]*")


# --- reading -------------------------------------------------------------------------------------


@cache
def _parser() -> Any:
    lark = load("lark", TITLE)
    grammar = resources.files("quiz.interop").joinpath("gift.lark").read_text(encoding="utf-8")
    return lark.Lark(grammar, parser="lalr", lexer="contextual", propagate_positions=True)


@dataclass
class _Block:
    """One question's lines, comments blanked in place so that positions stay true."""

    line: int
    text: str
    comments: list[tuple[int, str]] = field(default_factory=list)


def _blocks(text: str) -> list[_Block]:
    """Questions are separated by blank lines; a comment line is not blank, as in Moodle."""
    blocks: list[_Block] = []
    current: _Block | None = None
    lines: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            if current is not None:
                current.text = "\n".join(lines)
                blocks.append(current)
            current, lines = None, []
            continue
        if current is None:
            current = _Block(number, "")
        if line.lstrip().startswith("//"):
            current.comments.append((number, line.lstrip()[2:]))
            line = " " * len(line)
        lines.append(line)
    if current is not None:
        current.text = "\n".join(lines)
        blocks.append(current)
    return blocks


def detect(data: bytes) -> bool:
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"::", b"$CATEGORY", b"// quiz-set:")):
        return True
    return b"{" in head and b"}" in head and not head.startswith((b"<", b"PK"))


def read(data: bytes, path: str) -> Bank:
    text = decode_text(data, path, "GIFT")
    blocks = _blocks(text)
    questions = [b for b in blocks if b.text.strip() and not b.text.lstrip().startswith("$")]
    check_question_count(len(questions), path)
    bank = Bank()
    errors: list[Diagnostic] = []
    parser = _parser()
    for block in blocks:
        _read_comments(block, bank, path)
        if not block.text.strip():
            continue
        try:
            tree = parser.parse(block.text)
        except Exception as error:  # lark's exceptions (its module is imported lazily)
            errors.append(_syntax_error(error, block, path))
            continue
        node = tree.children[0]
        if node.data == "category":
            category = str(node.children[0])[len("$CATEGORY:") :].strip()
            bank.title = bank.title or category_title(category)
            continue
        try:
            _read_question(node, block, path, bank)
        except _QuestionError as error:
            errors.append(
                Diagnostic(
                    path,
                    error.line,
                    error.column,
                    Severity.ERROR,
                    error.message,
                    error.hint,
                    code="gift",
                )
            )
    if errors:
        raise InteropError(errors)
    return bank


def _read_comments(block: _Block, bank: Bank, path: str) -> None:
    for number, comment in block.comments:
        values = metadata.decode(comment, metadata.SET_PREFIX)
        if isinstance(values, dict) and not bank.set_fields:
            bank.set_fields = values
        elif isinstance(values, str):
            bank.warnings.append(
                Diagnostic(path, number, 1, Severity.WARNING, f"{values}: ignored", code="gift")
            )


def _question_metadata(block: _Block, path: str, notes: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for _number, comment in block.comments:
        values = metadata.decode(comment, metadata.QUESTION_PREFIX)
        if isinstance(values, str):
            notes.append(f"{values}: ignored")
        elif values is not None:
            for key, value in values.items():
                if key in metadata.QUESTION_KEYS:
                    found[key] = clean(value) if isinstance(value, str) else value
                else:
                    notes.append(f"the quiz comment's key '{key}' is not known: ignored")
    return found


class _QuestionError(Exception):
    def __init__(self, line: int, column: int, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.line, self.column, self.message, self.hint = line, column, message, hint


def _unescape(raw: str) -> str:
    """GIFT escapes undone; a line break in the file is a space, `\\n` a line break."""

    def replace(match: re.Match[str]) -> str:
        escaped = match.group(1)
        if escaped is None:
            return " "
        return _UNESCAPE.get(escaped, "\\" + escaped)

    return _RAW_TEXT.sub(replace, raw)


def _text(raw: str, default_format: str, notes: list[str]) -> tuple[str, str]:
    """A GIFT text as quiz text, and its format (`[html]` prefix or the question's)."""
    raw = raw.strip()
    text_format = default_format
    prefix = _FORMAT_PREFIX.match(raw)
    if prefix:
        text_format = prefix.group(1)
        raw = raw[prefix.end() :]
    text = _unescape(raw)
    if text_format == "html":
        text, dropped = html_to_text(text)
        for what in dropped:
            note = f"the HTML held {what}, which plain text cannot: left out"
            if note not in notes:
                notes.append(note)
    return clean(text), text_format


def _token_text(block: _Block, start: Any, end: Any) -> str:
    """The block's text from one token's start to another's end (spaces kept as written)."""
    return block.text[start.start_pos : end.end_pos]


def _read_question(node: Any, block: _Block, path: str, bank: Bank) -> None:
    line = block.line + (node.meta.line - 1 if not node.meta.empty else 0)
    notes: list[str] = []
    name: str | None = None
    before = ""
    after: Any = None
    answers = None
    for child in node.children:
        if getattr(child, "type", None) == "TITLE":
            name = clean(_unescape(str(child)[2:-2]))
        elif getattr(child, "data", None) == "answers":
            answers = child
        elif answers is None:
            before = str(child)
        else:
            after = child
    if after is not None and answers is not None:
        # Moodle puts a blank where the answers stood, keeping the spaces around them.
        before += "_____" + block.text[answers.meta.end_pos : after.end_pos]
    prompt, question_format = _text(before, "moodle", notes)
    if answers is None:
        bank.warnings.append(
            Diagnostic(
                path,
                line,
                1,
                Severity.WARNING,
                "a description (text without answers) is not a question: left out",
                code="not-held",
            )
        )
        return
    body = None
    general = None
    for child in answers.children:
        if getattr(child, "type", None) == "GENERAL_FEEDBACK":
            general = str(child)[4:]
        else:
            body = child
    fields: dict[str, Any] = {"prompt": prompt}
    if general is not None:
        fields["explanation"], _ = _text(general, question_format, notes)
    kind = _kind(body)
    reader = IMPORTS[kind]
    if isinstance(reader, Unsupported):
        bank.warnings.append(
            Diagnostic(
                path,
                line,
                1,
                Severity.WARNING,
                f"{reader.reason}: question{f' {name!r}' if name else ''} left out",
                code="not-held",
            )
        )
        return
    assert callable(reader)
    context = _Context(block, line, question_format, notes)
    try:
        fields.update(reader(body, context))
    except NotHeld as reason:
        bank.warnings.append(
            Diagnostic(
                path,
                line,
                1,
                Severity.WARNING,
                f"{reason}: question{f' {name!r}' if name else ''} left out",
                code="not-held",
            )
        )
        return
    quiz_only = _question_metadata(block, path, notes)
    matching.apply_category_order(fields, quiz_only.pop(matching.ORDER_KEY, None), notes)
    fields.update(quiz_only)
    bank.questions.append(ReadQuestion(fields, line, 1, name, notes))


@dataclass
class _Context:
    block: _Block
    line: int
    text_format: str
    notes: list[str]

    def text(self, token: Any) -> str:
        return _text(str(token), self.text_format, self.notes)[0] if token is not None else ""

    def error(self, token: Any, message: str, hint: str | None = None) -> _QuestionError:
        line = self.block.line + token.line - 1 if token is not None else self.line
        column = token.column if token is not None else 1
        return _QuestionError(line, column, message, hint)


def _kind(body: Any) -> str:
    """Moodle's rule: `~` makes a multiple choice, `=` with `->` a matching one, else short answer."""
    if body is None:
        return "essay"
    if body.data == "true_false":
        return "truefalse"
    if body.data == "numeric":
        return "numerical"
    markers = [_parts(node)[0] for node in body.children]
    if any(marker is not None and marker.type == "WRONG" for marker in markers):
        return "multichoice"
    if any("->" in str(_parts(node)[2] or "") for node in body.children):
        return "match"
    return "shortanswer"


def _parts(node: Any) -> tuple[Any, Any, Any, Any]:
    """A choice's (marker, weight, text, feedback) tokens, each None when absent."""
    marker = weight = text = feedback = None
    for child in node.children:
        kind = getattr(child, "type", None)
        if kind in ("RIGHT", "WRONG"):
            marker = child
        elif kind == "WEIGHT":
            weight = child
        elif kind == "ANSWER_TEXT":
            text = child
        elif getattr(child, "data", None) == "feedback":
            feedback = child.children[0] if child.children else None
    return marker, weight, text, feedback


def _percent(token: Any) -> float:
    return float(str(token).strip("%")) / 100


def _read_multichoice(body: Any, context: _Context) -> dict[str, Any]:
    entries = []  # (text, weight, feedback)
    for node in body.children:
        marker, weight, text_token, feedback = _parts(node)
        if marker.type == "RIGHT":
            # As in Moodle, `=` gives full credit and a %n% after it is part of the text.
            raw = _token_text(context.block, weight, text_token or weight) if weight else None
            text = context.text(raw) if raw is not None else context.text(text_token)
            value = 1.0
        else:
            text = context.text(text_token)
            value = _percent(weight) if weight is not None else 0.0
        if not text:
            raise context.error(marker, "this answer is empty", "write its text after the = or ~")
        entries.append((text, value, context.text(feedback) or None))
    if len(entries) < 2:
        raise context.error(
            body.children[0].children[0],
            "a multiple-choice question needs at least two answers",
            "add wrong answers with ~, or write a short answer as {=answer}",
        )
    single = any(node.children[0].type == "RIGHT" for node in body.children)
    return choice_fields(entries, single, context.notes)


def _read_short_answer(body: Any, context: _Context) -> dict[str, Any]:
    accepted = []
    for node in body.children:
        marker, weight, text_token, feedback = _parts(node)
        text = context.text(text_token)
        value = _percent(weight) if weight is not None else 1.0
        if not text:
            raise context.error(marker or text_token, "this answer is empty")
        if value < 0.9999:
            context.notes.append(
                f"the answer {text!r} earns {value:.0%}: quiz accepts an answer fully or not at all, "
                "so it is left out"
            )
            continue
        if feedback is not None and context.text(feedback):
            context.notes.append(f"the feedback on the answer {text!r} has no place in quiz")
        accepted.append(text)
    if not accepted:
        raise NotHeld("no answer gives full credit")
    return {"type": "text", "answer": accepted}


def _read_true_false(body: Any, context: _Context) -> dict[str, Any]:
    value = str(body.children[0]) in ("T", "TRUE")
    if any(child.children and context.text(child.children[0]) for child in body.children[1:]):
        context.notes.append("the feedback on true and false has no place in quiz")
    return {"type": "true_false", "answer": value}


def _number(token: Any) -> float:
    return float(str(token))


def _read_numeric(body: Any, context: _Context) -> dict[str, Any]:
    answers = []  # (weight, answer, tolerance, feedback, token)
    for node in body.children:
        if node.data == "other_number":
            if node.children[0].children:
                context.notes.append("the feedback for any other number has no place in quiz")
            continue
        weight = 1.0
        range_node = feedback = None
        for child in node.children:
            if getattr(child, "type", None) == "WEIGHT":
                weight = _percent(child)
            elif getattr(child, "data", None) in ("tolerance", "interval"):
                range_node = child
            elif getattr(child, "data", None) == "feedback":
                feedback = child.children[0] if child.children else None
        assert range_node is not None
        low = _number(range_node.children[0])
        if range_node.data == "interval":
            high = _number(range_node.children[1])
            if high < low:
                raise context.error(
                    range_node.children[0],
                    f"the range {number_text(low)}..{number_text(high)} ends below its start",
                    "write the smaller number first",
                )
            answer, tolerance = (low + high) / 2, (high - low) / 2
        else:
            answer = low
            tolerance = (
                abs(_number(range_node.children[1])) if len(range_node.children) > 1 else 0.0
            )
        answers.append((weight, answer, tolerance, context.text(feedback) or None))
    full = [position for position, entry in enumerate(answers) if entry[0] >= 0.9999]
    if not full:
        raise NotHeld("no number gives full credit")
    kept = answers[full[0]]
    for position, (weight, answer, tolerance, _feedback) in enumerate(answers):
        if position != full[0]:
            described = f"{number_text(answer)} ± {number_text(tolerance)}"
            context.notes.append(
                f"the further accepted number {described} ({weight:.0%}) has no place in quiz"
            )
    if kept[3]:
        context.notes.append("the feedback on the number has no place in quiz")
    fields: dict[str, Any] = {"type": "numeric", "answer": plain_number(kept[1])}
    if kept[2]:
        fields["tolerance"] = plain_number(kept[2])
    return fields


def _read_matching(body: Any, context: _Context) -> dict[str, Any]:
    """`=item -> category` pairs, split at the first '->' as Moodle does (`= -> category`: an
    extra category); left out, with the reason, when they do not fit categorize's limits."""
    rows = []
    for node in body.children:
        marker, weight, text_token, feedback = _parts(node)
        # As in Moodle, a %n% after `=` is part of the text: matching pairs have no weights.
        start, end = weight or text_token, text_token or weight
        raw = _token_text(context.block, start, end) if start is not None else ""
        if "->" not in raw:
            raise context.error(
                start or marker,
                "this matching pair has no '->'",
                "write each pair as =item -> category",
            )
        item, category = raw.split("->", 1)
        if feedback is not None and context.text(feedback):
            note = "the feedback on a matching pair has no place in quiz (nor in Moodle)"
            if note not in context.notes:
                context.notes.append(note)
        # The answer side is plain text in Moodle: escapes undone, no [format] prefix.
        rows.append(matching.Row(context.text(item), clean(_unescape(category.strip()))))
    return matching.categorize_fields(rows)


IMPORTS: dict[str, Callable[[Any, _Context], dict[str, Any]] | Unsupported] = {
    "multichoice": _read_multichoice,
    "truefalse": _read_true_false,
    "shortanswer": _read_short_answer,
    "numerical": _read_numeric,
    "match": _read_matching,
    "essay": Unsupported("an essay question (an open answer marked by hand) has no quiz form"),
}
"""GIFT's kinds of question → how each becomes a quiz question (the type table, one way)."""


def _syntax_error(error: Exception, block: _Block, path: str) -> Diagnostic:
    """A lark error as a located message in a teacher's words."""
    line = block.line + getattr(error, "line", 1) - 1
    column = getattr(error, "column", 1)
    token = getattr(error, "token", None)
    kind = getattr(token, "type", None)
    expected = set(getattr(error, "expected", None) or getattr(error, "allowed", None) or ())
    message, hint = "this is not GIFT", "see the GIFT format in docs/interop.md"
    if kind == "$END" and "RBRACE" in expected:
        opening = _first_unescaped(block.text, "{")
        if opening is not None:
            line, column = _position(block, opening)
        message = "the answers opened here with '{' are never closed"
        hint = "end them with '}' before the blank line that ends the question"
    elif kind == "LBRACE" and "RBRACE" in expected:
        message = "a '{' inside the answers: the answers opened earlier are not closed"
        hint = r"close them with '}', or write a brace that is part of an answer as \{"
    elif kind == "LBRACE":
        message = "a second '{': a question has one set of answers in braces"
        hint = r"write a brace that is part of the text as \{"
    elif kind == "RBRACE" and "LBRACE" in expected:
        message = "this '}' closes no answers"
        hint = r"write a brace that is part of the text as \}"
    elif "NUMBER" in expected:
        message = "a number was expected here (numerical answers: {#4}, {#3:2} or {#1..5})"
        hint = r"write a '#' that is part of the text as \#"
    elif error.__class__.__name__ == "UnexpectedCharacters":
        character = block.text[
            getattr(error, "pos_in_stream", 0) : getattr(error, "pos_in_stream", 0) + 1
        ]
        message = f"'{character}' cannot stand here"
        hint = rf"if it is part of the text, write it as \{character}"
    elif token is not None:
        message = f"'{token}' cannot stand here"
        hint = r"GIFT's special characters ~ = # { } : are written \~ \= \# \{ \} \: in text"
    return Diagnostic(path, line, column, Severity.ERROR, message, hint, code="gift-syntax")


def _first_unescaped(text: str, character: str) -> int | None:
    escaped = False
    for index, current in enumerate(text):
        if escaped:
            escaped = False
        elif current == "\\":
            escaped = True
        elif current == character:
            return index
    return None


def _position(block: _Block, offset: int) -> tuple[int, int]:
    before = block.text[:offset]
    return block.line + before.count("\n"), offset - (before.rfind("\n") + 1) + 1


# --- writing -------------------------------------------------------------------------------------


def _escape(text: str) -> str:
    """Moodle's own escaping: \\ ~ = # { } : escaped, line breaks as \\n."""
    text = text.replace("\\", "\\\\")
    for special in "~=#{}:":
        text = text.replace(special, "\\" + special)
    return text.replace("\r", "").replace("\n", "\\n")


def _part(text: str) -> str:
    """An answer or feedback text; a text that would read as a format prefix is marked plain."""
    escaped = _escape(text)
    return "[plain]" + escaped if _FORMAT_PREFIX.match(text) else escaped


def _weighted(marker: str, weight: str | None, text: str) -> str:
    """`=text`, `~%50%text`; a text that would read as a weight gets an explicit one first."""
    if weight is None and _WEIGHT.match(text) and marker == "~":
        weight = "0"
    prefix = f"%{weight}%" if weight is not None else ""
    return f"\t{marker}{prefix}{_part(text)}"


def _fraction(share: float) -> str:
    """A weight as Moodle writes it: 50, 33.33333, -25."""
    text = f"{share * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _write_single(question: SingleChoiceQuestion, lines: list[str], losses: list[str]) -> None:
    """`=right ~wrong`, as Moodle writes a one-answer multiple choice."""
    right = question.correct_choices
    _write_choice_lines(
        question,
        [
            _weighted("=" if i in right else "~", None, c.text)
            for i, c in enumerate(question.choices)
        ],
        lines,
    )


def _write_multiple(question: MultipleChoiceQuestion, lines: list[str], losses: list[str]) -> None:
    """`~%50%right ~%-50%wrong`: quiz's scoring as Moodle's weights."""
    right = question.correct_choices
    share = 1 / len(right) if right else 0
    if len(right) > 10:
        losses.append(
            f"{len(right)} right answers weigh {_fraction(share)}% each, a grade Moodle does not "
            "list: import it with 'Match grades: nearest grade'"
        )
    weighted = [
        _weighted("~", _fraction(share if i in right else -share), c.text)
        for i, c in enumerate(question.choices)
    ]
    _write_choice_lines(question, weighted, lines)


def _write_choice_lines(
    question: SingleChoiceQuestion | MultipleChoiceQuestion, answers: list[str], lines: list[str]
) -> None:
    """Each choice's line, with its feedback after `#`."""
    for line, entry in zip(answers, question.choices, strict=True):
        lines.append(line + ("#" + _part(entry.feedback) if entry.feedback else ""))


def _write_true_false(question: TrueFalseQuestion, lines: list[str], losses: list[str]) -> None:
    lines.append("TRUE" if question.answer else "FALSE")


def _write_numeric(question: NumericQuestion, lines: list[str], losses: list[str]) -> None:
    if question.unit:
        losses.append(f"Moodle will not show the unit '{question.unit}' (GIFT has none)")
    lines.append(f"#{number_text(question.answer)}:{number_text(question.tolerance)}")


def _write_short_answer(question: TextQuestion, lines: list[str], losses: list[str]) -> None:
    for accepted in question.answer:
        if "->" in accepted:
            raise _Unwritable(
                f"the accepted answer {accepted!r} contains '->', which GIFT reads as a matching "
                "pair (and cannot escape)"
            )
    if question.case_sensitive:
        losses.append("Moodle will accept any case: GIFT cannot mark an answer case-sensitive")
    losses.extend(accent_loss(question))
    for accepted in question.answer:
        weight = "100" if _WEIGHT.match(accepted) else None
        lines.append(_weighted("=", weight, accepted))


def _write_categorize(question: CategorizeQuestion, lines: list[str], losses: list[str]) -> None:
    """A matching question: `=item -> category` for each item, `= -> category` for a category no
    item has (an extra answer for students to choose)."""
    rows = matching.rows_of(question)
    if len(rows) < MIN_MATCHING_PAIRS:
        raise _Unwritable(
            f"GIFT, as Moodle documents it, needs at least {MIN_MATCHING_PAIRS} matching pairs and "
            f"this question makes {len(rows)}: add an item or a category no item has, or export "
            "to Moodle XML, which has no such minimum"
        )
    for row in rows:
        if "->" in row.item:
            raise _Unwritable(
                f"the item {row.item!r} contains '->', which GIFT reads as the end of the item "
                "(and cannot escape)"
            )
        lines.append(f"\t={_part(row.item)} -> {_escape(row.category)}")


class _Unwritable(Exception):
    """This question cannot be written faithfully in the format: left out with this reason."""


# A writer takes the model of the type its entry names (`Any` lets one table hold them all; a
# test checks each writer's parameter against the type's model in `quiz.core.kinds`), appends the
# lines inside the braces, and notes what the question loses.
Writer = Callable[[Any, list[str], list[str]], None]

EXPORTS: dict[str, Writer | Unsupported] = {
    "single": _write_single,
    "multiple": _write_multiple,
    "true_false": _write_true_false,
    "numeric": _write_numeric,
    "text": _write_short_answer,
    "order": Unsupported(
        "GIFT, as Moodle documents it, has no ordering question (Moodle XML has: --to moodle-xml)"
    ),
    "highlight": Unsupported("GIFT has no question where students pick words in a passage"),
    "categorize": _write_categorize,
}
"""quiz's question types → how GIFT writes each (the type table, the other way)."""


def write(question_set: QuestionSet) -> Written:
    out = [metadata.encode("// " + metadata.SET_PREFIX, metadata.set_metadata(question_set))]
    title = " ".join(question_set.title.split()).replace("/", "//")
    out += [f"$CATEGORY: $course$/top/{title}", ""]
    written = Written(b"")
    for index, question in enumerate(question_set.questions):
        writer = EXPORTS[question.type]
        if isinstance(writer, Unsupported):
            written.losses.append(Loss(index, writer.reason, skipped=True))
            continue
        assert callable(writer)
        answers: list[str] = []
        losses: list[str] = []
        try:
            writer(question, answers, losses)
        except _Unwritable as reason:
            written.losses.append(Loss(index, str(reason), skipped=True))
            continue
        written.losses.extend(Loss(index, what) for what in losses)
        quiz_only = metadata.question_metadata(question, metadata.QUESTION_KEYS)
        head = f"::{_escape(question.id)}::[plain]{_escape(question.prompt)}"
        general = f"####{_part(question.explanation)}"
        out.append(metadata.encode("// " + metadata.QUESTION_PREFIX, quiz_only))
        if len(answers) == 1 and not answers[0].startswith("\t"):
            out.append(f"{head}{{{answers[0]}{general}}}")
        else:
            out += [f"{head}{{", *answers, f"\t{general}", "}"]
        out.append("")
        written.exported += 1
    written.data = "\n".join(out).encode("utf-8")
    written.notes.append(
        "each question's skill, evidence and other quiz-only details are kept in a "
        "`// quiz:` comment above it: quiz reads them back, Moodle ignores them"
    )
    return written


FORMAT = Format(
    name="gift",
    title=TITLE,
    suffix=".gift",
    binary=False,
    exports=EXPORTS,
    imports=IMPORTS,
    detect=detect,
    read=read,
    write=write,
)
