"""Safe, located YAML reading for question sets, in one pass over libyaml's event stream.

Why not `yaml.safe_load`: it cannot refuse anchors before they expand (an alias bomb), it lets
duplicate keys silently overwrite each other, libyaml's composer crashes the process on deep
nesting, and it forgets where each value came from. Here the C parser's events are built into plain
dicts and lists directly, refusing aliases, tags, duplicate keys and deep nesting as they appear.
Positions are not kept on the happy path: when something is wrong, `locate_all` reads the events
again only as far as the nodes at fault, building nothing else.
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


Path = Sequence[str | int]
"""Keys and indices from the document's root, as pydantic reports them: ("questions", 3, "answer")."""


class _Node:
    """A node of the document on the way to a requested path; other nodes are never built.

    `children` holds only the children some request may visit, by key or index, with the mark of
    their key (an item's own mark in a list). `candidates` says which requests may visit each
    child, as (request, position in its path after the child's element); `waiting` holds the
    walks stopped here until the element they look for arrives, or the node ends without it.
    """

    __slots__ = ("candidates", "children", "closed", "count", "is_mapping", "mark", "waiting")

    def __init__(self, mark: tuple[int, int], is_mapping: bool | None) -> None:
        self.mark = mark
        self.is_mapping = is_mapping  # None: a scalar
        self.closed = is_mapping is None
        self.children: dict[str | int, tuple[tuple[int, int], _Node]] = {}
        self.count = 0
        self.candidates: dict[str | int, list[tuple[int, int]]] | None = None
        self.waiting: dict[str | int, list[_Walk]] = {}


class _Walk:
    """One request walking down the document from its root: an element that is not in the node (a
    union's tag, a missing key) is skipped, and the deepest node reached is the answer."""

    __slots__ = ("at_key", "mark", "node", "path", "position", "request")

    def __init__(self, request: int, path: Path, at_key: bool, root: _Node) -> None:
        self.request, self.path, self.at_key = request, path, at_key
        self.node, self.mark, self.position = root, root.mark, 0

    def advance(self) -> bool:
        """Go as deep as the document read so far allows; True once the answer is known."""
        path = self.path
        while self.position < len(path):
            element = path[self.position]
            node = self.node
            if node.is_mapping is None or node.is_mapping != isinstance(element, str):
                self.position += 1  # a scalar has no children; a key is not an index
                continue
            found = node.children.get(element)
            if found is not None:
                key_mark, child = found
                self.mark = key_mark if self.at_key and node.is_mapping else child.mark
                self.node = child
                self.position += 1
            elif node.closed:
                self.position += 1  # not in the document: skipped, as a missing key is
            else:
                node.waiting.setdefault(element, []).append(self)
                return False
        return True


def _candidates_of(node: _Node, paths: Sequence[Path], states: list[tuple[int, int]]) -> None:
    """Which child elements of `node` some request may visit (each path's next elements, in any
    order that skips some: the walks skip what is absent)."""
    candidates: dict[str | int, list[tuple[int, int]]] = {}
    for request, position in states:
        path = paths[request]
        seen: set[str | int] = set()
        for index in range(position, len(path)):
            element = path[index]
            if element not in seen:
                seen.add(element)
                candidates.setdefault(element, []).append((request, index + 1))
    node.candidates = candidates


def locate_all(text: str, requests: Sequence[tuple[Path, bool]]) -> list[tuple[int, int]]:
    """The 0-based (line, column) of each `(path, at_key)` request, in one pass that stops as soon
    as every answer is known.

    A path's elements that are not in the document (a union's tag, a missing key) are skipped, so
    a missing key points at the mapping that lacks it. With `at_key`, a mapping entry found last
    is located at its key rather than its value (for "unknown key" messages). Only the nodes on
    the way to the requested paths are built: locating a warning about `article:` near the top of
    a 100,000-question file reads its first lines, not the whole file again.
    """
    paths = [path for path, _ in requests]
    pending = len(requests)
    walks: list[_Walk] = []
    # A frame is [node, (key, key mark) awaiting its value in a mapping, else None].
    stack: list[list[Any]] = []
    skipping = 0  # depth inside a subtree no request visits
    loader = _Loader(text)
    try:
        while pending:
            event = loader.get_event()
            kind = event.__class__
            starts = kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent
            if skipping:
                if starts:
                    skipping += 1
                elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    skipping -= 1
                continue
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                node = stack.pop()[0]
                node.closed = True
                waiting, node.waiting = node.waiting, {}
                for stopped in waiting.values():
                    pending -= sum(walk.advance() for walk in stopped)
                continue
            if not (starts or kind is yaml.ScalarEvent):
                if kind is yaml.StreamEndEvent:
                    break
                continue  # stream and document starts, document ends
            mark = (event.start_mark.line, event.start_mark.column)
            if not stack and not walks:  # the root
                node = _Node(mark, None if not starts else kind is yaml.MappingStartEvent)
                _candidates_of(node, paths, [(r, 0) for r in range(len(requests))])
                if starts:
                    stack.append([node, None])
                walks = [_Walk(r, p, at_key, node) for r, (p, at_key) in enumerate(requests)]
                pending -= sum(walk.advance() for walk in walks)
                continue
            frame = stack[-1]
            parent: _Node = frame[0]
            element: str | int
            if parent.is_mapping:
                if frame[1] is None:  # a key (the reader has refused any that is not a scalar)
                    frame[1] = (clean_text(event.value), mark)
                    continue
                element, key_mark = frame[1]
                frame[1] = None
            else:
                element, key_mark = parent.count, mark
                parent.count += 1
            assert parent.candidates is not None
            states = parent.candidates.get(element)
            if states is None or element in parent.children:  # no request goes there; or a
                if starts:  # duplicate key, whose first value is the one that counts
                    skipping = 1
                continue
            child = _Node(mark, None if not starts else kind is yaml.MappingStartEvent)
            parent.children[element] = (key_mark, child)
            if starts:
                _candidates_of(child, paths, states)
                stack.append([child, None])
            pending -= sum(walk.advance() for walk in parent.waiting.pop(element, ()))
    except yaml.YAMLError:
        pass  # the text has been read once already; if not, where the walks stopped will do
    finally:
        loader.dispose()
    # A walk still waiting (the text ended early) answers with the deepest node it reached.
    return [walk.mark for walk in walks] if walks else [(0, 0)] * len(requests)


def locate(text: str, path: Path, *, at_key: bool = False) -> tuple[int, int]:
    """The 0-based (line, column) of one path (see `locate_all`)."""
    return locate_all(text, [(path, at_key)])[0]
