"""Safe, located YAML reading for question sets, in one pass over libyaml's event stream.

Why not `yaml.safe_load`: it cannot refuse anchors before they expand (an alias bomb), it lets
duplicate keys silently overwrite each other, libyaml's composer crashes the process on deep
nesting, and it forgets where each value came from. Here the C parser's events are built into plain
dicts and lists directly, refusing aliases, tags, duplicate keys and deep nesting as they appear.
Positions are not kept on the happy path: when something is wrong, `locate` composes the (already
vetted) text again and walks to the node at fault.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import yaml

from quiz.core.text import clean_text

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 20
"""Deepest nesting of lists and mappings; a question set needs about six levels."""
MAX_NUMBER_DIGITS = 100
"""Most digits in a plain number. Python refuses to convert more than 4,300 (a denial-of-service
guard) with an exception; a question set needs a dozen at most."""


class YamlProblem(Exception):
    """A problem with the YAML itself, at a 0-based line and column."""

    def __init__(
        self, line: int, column: int, message: str, hint: str | None = None, *, code: str
    ) -> None:
        super().__init__(message)
        self.line, self.column, self.message, self.hint, self.code = (
            line,
            column,
            message,
            hint,
            code,
        )


class YamlResult:
    """The data read, and the problems that did not stop the reading (duplicate keys)."""

    __slots__ = ("data", "problems")

    def __init__(self, data: Any, problems: list[YamlProblem]) -> None:
        self.data = data
        self.problems = problems


# YAML 1.1 reads `no`, `off`, `yes`, `on` as booleans: a French choice "Non" would become False.
# They stay text here; where the model wants a boolean, pydantic accepts these words.
_BOOLEANS = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_MAYBE_SPECIAL = frozenset("-+.0123456789~nNtTfF")
_resolver: Any = yaml.resolver.Resolver()  # PyYAML's classes are untyped
_constructor: Any = yaml.constructor.SafeConstructor()

_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"


class _NumberTooLong(Exception):
    """A plain number with more than `MAX_NUMBER_DIGITS` digits (located by `read_yaml`)."""

    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def _check_number_length(value: str) -> None:
    """Refuse a plain number too long to be one, before anything converts it."""
    if len(value) > MAX_NUMBER_DIGITS:
        digits = sum(character.isalnum() for character in value)  # hexadecimal digits too
        if digits > MAX_NUMBER_DIGITS:
            raise _NumberTooLong(digits)


def _plain_scalar(value: str) -> Any:
    """What a plain (unquoted) scalar means; dates stay text for pydantic to parse."""
    if not value:
        return None
    if value[0] not in _MAYBE_SPECIAL:
        return clean_text(value)
    if value in _NULLS:
        return None
    boolean = _BOOLEANS.get(value)
    if boolean is not None:
        return boolean
    number: int | float
    if _INT.match(value):
        _check_number_length(value)
        number = int(value.replace("_", ""))
    else:
        tag = _resolver.resolve(yaml.ScalarNode, value, (True, False))
        if tag == _INT_TAG:
            _check_number_length(value)
            number = _constructor.construct_yaml_int(yaml.ScalarNode(tag, value))
        elif tag == _FLOAT_TAG:
            _check_number_length(value)
            number = _constructor.construct_yaml_float(yaml.ScalarNode(tag, value))
        else:
            return clean_text(value)
    # A number is kept only when written as Python writes it back. YAML 1.1 reads the choice
    # "10:30" as 630, "007" as 7 and "12.50" as 12.5: those stay the teacher's text, which pydantic
    # still parses where a number is due. No field takes .inf or .nan: they stay text, as written,
    # for the error message to quote.
    if str(number) == value and math.isfinite(number):
        return number
    return clean_text(value)


def _refuse_decorations(event: Any) -> None:
    if getattr(event, "anchor", None) is not None:
        raise YamlProblem(
            event.start_mark.line,
            event.start_mark.column,
            f"anchors (&{event.anchor}) are not allowed in a question set",
            "write the repeated text out in full; anchors and aliases can hide huge expansions",
            code="anchor",
        )
    if getattr(event, "tag", None) is not None:
        raise YamlProblem(
            event.start_mark.line,
            event.start_mark.column,
            f"YAML tags ({event.tag}) are not allowed in a question set",
            "remove the '!…' tag: a question set holds only plain text, numbers, lists and keys",
            code="tag",
        )


_TAB_HINT = "YAML indents with spaces, never tabs: replace the tab with spaces"
_QUOTE_HINT = "text starting with @ or ` must be quoted"
_CHARACTER_HINTS = {"\t": _TAB_HINT, "@": _QUOTE_HINT, "`": _QUOTE_HINT}
_DEPTH_MESSAGE = "lists and mappings are nested more than {} levels deep"
_DEPTH_HINT = "a question set needs only a few levels: check the indentation and brackets"
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("'\\t'", _TAB_HINT),
    ("tab character", _TAB_HINT),
    (
        "mapping values are not allowed",
        "text that contains ': ' must be quoted: put the whole value between double quotes",
    ),
    ("could not find expected ':'", "check the indentation, or a missing ':' after a key"),
    ("did not find expected key", "check the indentation: keys of one mapping line up exactly"),
    ("did not find expected '-'", "check the indentation: items of one list line up exactly"),
    ("found unexpected end of stream", "a quote or bracket opened here is never closed"),
    ("expected ',' or ']'", "a '[' list is never closed by ']', or two items lack a ',' between"),
    ("expected ',' or '}'", "a '{' mapping is never closed by '}', or two keys lack a ','"),
    ("found unknown escape character", "inside double quotes write \\\\ for a backslash"),
    ("control characters are not allowed", "the file holds an invisible control character"),
    (
        "found character '@' that cannot start any token",
        "text starting with @ or ` must be quoted",
    ),
)


def _character_at(text: str, mark: Any) -> str:
    """The character a mark points at (libyaml's `index` counts bytes, its column characters)."""
    line_start = 0
    for _ in range(mark.line):
        line_start = text.find("\n", line_start) + 1
        if line_start == 0:
            return ""
    position = line_start + mark.column
    return text[position] if position < len(text) else ""


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "not valid YAML"
    if problem.startswith("found unexpected end of stream") and error.context_mark is not None:
        # The end of the file is not where the mistake is: the quote or bracket left open is.
        mark = error.context_mark
    message = f"not valid YAML: {problem}"
    if error.context:
        message += f" ({error.context}"
        if error.context_mark is not None and error.context_mark.line != getattr(mark, "line", -1):
            message += f" at line {error.context_mark.line + 1}"
        message += ")"
    if "maximum nesting depth" in problem and mark is not None:
        # libyaml stops "[[[[…" at 1,000 levels while it scans ahead, before our bound is reached.
        return YamlProblem(
            mark.line, mark.column, _DEPTH_MESSAGE.format(MAX_DEPTH), _DEPTH_HINT, code="depth"
        )
    hint = next((h for needle, h in _SYNTAX_HINTS if needle in problem), None)
    if hint is None and mark is not None:
        # libyaml's "found character that cannot start any token" does not say which one.
        hint = _CHARACTER_HINTS.get(_character_at(text, mark))
    return YamlProblem(
        mark.line if mark else 0, mark.column if mark else 0, message, hint, code="syntax"
    )


def _reader_problem(text: str, error: yaml.reader.ReaderError) -> YamlProblem:
    """A character YAML refuses, such as a control character pasted in with some text.

    The error has no line and column, and its offset counts bytes with libyaml but characters with
    PyYAML: the character's first occurrence is where reading stopped.
    """
    code_point = error.character if isinstance(error.character, int) else None
    index = text.find(chr(code_point)) if code_point is not None else -1
    line, column = _position(text, max(index, 0))
    shown = f"U+{code_point:04X}" if code_point is not None else "a character"
    return YamlProblem(
        line,
        column,
        f"not valid YAML: the character {shown} is not allowed (an invisible control character)",
        "delete it (it often comes along with text pasted from elsewhere)",
        code="syntax",
    )


def _position(text: str, index: int) -> tuple[int, int]:
    """The 0-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index), index - line_start


def read_yaml(text: str, *, max_depth: int = MAX_DEPTH) -> YamlResult:
    """Parse one YAML document into plain data, every string already through `clean_text`.

    Raises `YamlProblem` for what makes the document unreadable (syntax, anchors, aliases, tags,
    nesting, several documents); duplicate keys are collected in the result, the first value kept.
    """
    try:
        loader = _Loader(text)
    except UnicodeEncodeError as error:  # libyaml takes UTF-8: a lone surrogate cannot be encoded
        line, column = _position(text, error.start)
        raise YamlProblem(
            line,
            column,
            f"the text holds U+{ord(text[error.start]):04X}, half of a surrogate pair: not text",
            "the text was decoded wrongly somewhere: save the file as UTF-8",
            code="encoding",
        ) from None
    get_event = loader.get_event
    problems: list[YamlProblem] = []
    # A frame is [container, pending_key, key_lines]; a list frame leaves the last two None.
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    try:
        while True:
            event = get_event()
            kind = event.__class__
            if kind is yaml.ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    _refuse_decorations(event)
                frame = stack[-1] if stack else None
                if frame is not None and frame[1] is _KEY_EXPECTED:
                    key = clean_text(event.value)
                    lines = frame[2]
                    if key in lines:
                        problems.append(_duplicate_key(key, lines[key], event))
                        frame[1] = _DISCARD
                    else:
                        lines[key] = event.start_mark.line
                        frame[1] = key
                    continue
                raw = event.value
                value = _plain_scalar(raw) if event.implicit[0] else clean_text(raw)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    _refuse_decorations(event)
                if stack and stack[-1][1] is _KEY_EXPECTED:
                    raise YamlProblem(
                        event.start_mark.line,
                        event.start_mark.column,
                        "a key must be plain text, not a list or mapping",
                        "write keys as `name: value`",
                        code="complex-key",
                    )
                if len(stack) >= max_depth:
                    raise YamlProblem(
                        event.start_mark.line,
                        event.start_mark.column,
                        _DEPTH_MESSAGE.format(max_depth),
                        _DEPTH_HINT,
                        code="depth",
                    )
                if kind is yaml.MappingStartEvent:
                    stack.append([{}, _KEY_EXPECTED, {}])
                else:
                    stack.append([[], None, None])
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                value = stack.pop()[0]
            elif kind is yaml.AliasEvent:
                raise YamlProblem(
                    event.start_mark.line,
                    event.start_mark.column,
                    f"aliases (*{event.anchor}) are not allowed in a question set",
                    "write the repeated text out in full",
                    code="alias",
                )
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem(
                        event.start_mark.line,
                        event.start_mark.column,
                        "a question set file holds one YAML document, this is a second one",
                        "remove the '---' line, or split the sets into separate files",
                        code="documents",
                    )
                continue
            elif kind is yaml.StreamEndEvent:
                break
            else:  # stream start, document end
                continue

            if not stack:
                root = value
                continue
            frame = stack[-1]
            container = frame[0]
            if container.__class__ is list:
                container.append(value)
            else:
                key = frame[1]
                if key is not _DISCARD:
                    container[key] = value
                frame[1] = _KEY_EXPECTED
    except _NumberTooLong as error:
        raise YamlProblem(
            event.start_mark.line,
            event.start_mark.column,
            f"a number of {error.digits:,} digits: a question set's numbers have at most "
            f"{MAX_NUMBER_DIGITS}",
            "if it is text rather than a number, put it between quotes",
            code="number-too-long",
        ) from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error, text) from None
    except yaml.reader.ReaderError as error:
        raise _reader_problem(text, error) from None
    except yaml.YAMLError as error:  # any other error without a mark
        raise YamlProblem(0, 0, f"not valid YAML: {error}", code="syntax") from None
    finally:
        loader.dispose()
    return YamlResult(root, problems)


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_KEY_EXPECTED = _Marker("KEY_EXPECTED")
_DISCARD = _Marker("DISCARD")


def _duplicate_key(key: str, first_line: int, event: Any) -> YamlProblem:
    return YamlProblem(
        event.start_mark.line,
        event.start_mark.column,
        f"duplicate key '{key}': already given at line {first_line + 1}",
        "a key appears once in each mapping: keep one of the two and delete the other",
        code="duplicate-key",
    )


class Locator:
    """Finds where a path of keys and indices (as pydantic reports them) sits in the text."""

    def __init__(self, text: str) -> None:
        # The text has passed `read_yaml`: no aliases, bounded depth, so composing is safe.
        try:
            self._root: yaml.Node | None = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError:
            self._root = None

    def locate(self, path: Sequence[str | int], *, at_key: bool = False) -> tuple[int, int]:
        """The 0-based (line, column) of the deepest node of `path` that exists.

        Path elements that are not in the document (a union's tag, a missing key) are skipped, so a
        missing key points at the mapping that lacks it. With `at_key`, a mapping entry found last
        is located at its key rather than its value (for "unknown key" messages).
        """
        node = self._root
        if node is None:
            return 0, 0
        mark = node.start_mark
        for element in path:
            if isinstance(node, yaml.MappingNode) and isinstance(element, str):
                for key_node, value_node in node.value:
                    if key_node.value == element:
                        mark = key_node.start_mark if at_key else value_node.start_mark
                        node = value_node
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(element, int)
                and 0 <= element < len(node.value)
            ):
                node = node.value[element]
                mark = node.start_mark
        return mark.line, mark.column
