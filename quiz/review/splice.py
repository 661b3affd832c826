"""Editing a YAML text in place: only the nodes that change are written again, every other
character of the file is copied as it was — comments, key order, quotes, line breaks.

A round-trip library (ruamel.yaml) parses a file into a tree that remembers comments, but writes
the whole tree back out: it folds long lines and indents sequences its own way, so a set nobody
edited comes back with hundreds of changed lines (176 on a 23-question generated draft, over a
thousand on a bundled set). Here the edits are splices instead: libyaml's composer (the C parser
the loader already uses) gives where each node starts and ends, and only the nodes whose value
changes are replaced by PyYAML's emitter — the dumper `quiz generate` writes drafts with, in the
same YAML 1.1 dialect the loader reads, so what is written reads back as the same value.

The text must have passed `quiz.core.yaml_reader.read_yaml` first (no aliases, bounded depth), so
composing it is safe. Positions are (line, column) in characters, turned into offsets here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LINE_BREAK = re.compile("\n")

WIDTH = 100
"""Where the emitter folds long text, as `quiz generate` writes its drafts."""


class LayoutError(Exception):
    """A part of the file is written in a way this editor does not rewrite (flow style)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line  # 1-based
        self.message = message


@dataclass(frozen=True, order=True)
class Splice:
    """Replace the characters [start, end) of the text with `text` (an insertion when equal)."""

    start: int
    end: int
    text: str = ""


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper without anchors: a repeated value is written out in full."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(value: Any, width: int) -> str:
    return yaml.dump(
        value,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=width,
    )


def compose(text: str) -> yaml.Node | None:
    """The node tree of `text`, with the start and end of every node."""
    node: yaml.Node | None = yaml.compose(text, Loader=_Loader)
    return node


def apply(text: str, splices: Sequence[Splice]) -> str:
    """`text` with every splice made; deletions that overlap are merged, other overlaps refused."""
    ordered = sorted(splices)
    merged: list[Splice] = []
    for splice in ordered:
        if merged and splice.start < merged[-1].end:
            last = merged[-1]
            if last.text or splice.text:
                raise ValueError(f"overlapping edits at {splice.start}")
            merged[-1] = Splice(last.start, max(last.end, splice.end))
        else:
            merged.append(splice)
    parts: list[str] = []
    position = 0
    for splice in merged:
        parts.append(text[position : splice.start])
        parts.append(splice.text)
        position = splice.end
    parts.append(text[position:])
    return "".join(parts)


class Text:
    """A YAML text and the positions in it: offsets of marks, lines, the blocks keys own."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0]
        self.line_starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
        self.newline = "\r\n" if "\r\n" in text else "\n"

    def offset(self, mark: Any) -> int:
        line: int = mark.line
        column: int = mark.column
        return min(self.line_starts[line] + column, len(self.text))

    def line_of(self, offset: int) -> int:
        """The 0-based line holding `offset`."""
        low, high = 0, len(self.line_starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.line_starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low

    def line_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def line_end(self, offset: int) -> int:
        """Where the line holding `offset` ends, before its line break."""
        end = self.text.find("\n", offset)
        if end < 0:
            return len(self.text)
        return end - 1 if end > 0 and self.text[end - 1] == "\r" else end

    def after_line(self, offset: int) -> int:
        """The start of the line after the one holding `offset` (or the end of the text)."""
        end = self.text.find("\n", offset)
        return len(self.text) if end < 0 else end + 1

    def owned_start(self, offset: int) -> int:
        """The start of the line of `offset`, moved up over the comment lines right above it:
        a comment written on the lines just before a key or an item belongs to it."""
        start = self.line_start(offset)
        while start > 0:
            previous = self.line_start(start - 1)
            if not self.text[previous:start].strip().startswith("#"):
                break
            start = previous
        return start

    def content_end(self, node: yaml.Node) -> int:
        """Where the node's own text ends: after its last character, before any comment or
        blank line that follows it (libyaml's end of a block collection is the next token)."""
        if isinstance(node, yaml.ScalarNode):
            end = self.offset(node.end_mark)
            if node.style in ("|", ">"):  # a block scalar ends after its line breaks
                while end > 0 and self.text[end - 1] in " \r\n":
                    end -= 1
            return end
        if getattr(node, "flow_style", False):
            return self.offset(node.end_mark)
        if isinstance(node, yaml.MappingNode) and node.value:
            return self.content_end(node.value[-1][1])
        if isinstance(node, yaml.SequenceNode) and node.value:
            return self.content_end(node.value[-1])
        return self.offset(node.end_mark)

    def starts_line(self, offset: int) -> bool:
        """Whether only spaces stand before `offset` on its line (not `- key:`)."""
        return not self.text[self.line_start(offset) : offset].strip()

    def dash(self, item: yaml.Node) -> int:
        """The offset of the `-` that starts a block sequence item."""
        position = self.offset(item.start_mark) - 1
        while position >= 0 and self.text[position] in " \t\r\n":
            position -= 1
        if position < 0 or self.text[position] != "-":
            raise LayoutError(item.start_mark.line + 1, "a list item without its '-'")
        return position

    def column(self, offset: int) -> int:
        return offset - self.line_start(offset)

    # --- Rendering new values -----------------------------------------------------------------

    def _indented(self, text: str, indent: int) -> str:
        return text.replace("\n", self.newline + " " * indent)

    def entry_value(self, key: str, value: Any, column: int, list_offset: int = 0) -> str:
        """`: value` as written after a key at `column` (a block value on the lines below)."""
        emitted = _dump({key: value}, max(WIDTH - column, 40)).rstrip("\n")
        if not emitted.startswith(f"{key}:"):  # pragma: no cover - question keys are plain words
            raise ValueError(f"cannot write the key {key!r}")
        body = emitted[len(key) :]
        if list_offset and isinstance(value, list):
            body = body.replace("\n", "\n" + " " * list_offset)
        return self._indented(body, column)

    def item_value(self, value: Any, column: int) -> str:
        """A sequence item's value, written from `column` (where the old one started)."""
        emitted = _dump([value], max(WIDTH - column, 40)).rstrip("\n")
        return self._indented(emitted[2:], column - 2 if column >= 2 else 0)


def _check_block(node: yaml.Node, what: str) -> None:
    if getattr(node, "flow_style", False):
        raise LayoutError(
            node.start_mark.line + 1,
            f"the {what} is written in flow style ([…] or {{…}}): edit it in your text editor",
        )


def mapping_keys(node: yaml.MappingNode) -> list[str]:
    return [str(key.value) for key, _ in node.value]


def entry(node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for key_node, value_node in node.value:
        if key_node.value == key:
            return key_node, value_node
    return None


def delete_item(doc: Text, sequence: yaml.SequenceNode, index: int) -> Splice:
    """Remove item `index` of a block sequence with its comment lines and the blank lines after."""
    _check_block(sequence, "list")
    items = sequence.value
    start = doc.owned_start(doc.dash(items[index]))
    if index + 1 < len(items):
        end = doc.owned_start(doc.dash(items[index + 1]))
    else:
        end = doc.after_line(doc.content_end(items[index]))
    return Splice(start, end)


def remove_key(doc: Text, mapping: yaml.MappingNode, key: str) -> Splice:
    """Remove one entry of a block mapping, with the comment lines right above it."""
    _check_block(mapping, "mapping")
    keys = mapping_keys(mapping)
    position = keys.index(key)
    key_node, value_node = mapping.value[position]
    key_start = doc.offset(key_node.start_mark)
    following = mapping.value[position + 1][0] if position + 1 < len(keys) else None
    if not doc.starts_line(key_start):  # `- key: …`: the next key moves up after the dash
        if following is None:
            return Splice(key_start, doc.content_end(value_node), "{}")
        return Splice(key_start, doc.offset(following.start_mark))
    start = doc.owned_start(key_start)
    if following is not None:
        return Splice(start, doc.owned_start(doc.offset(following.start_mark)))
    return Splice(start, doc.after_line(doc.content_end(value_node)))


def replace_value(doc: Text, key_node: yaml.Node, value_node: yaml.Node, value: Any) -> Splice:
    """Write `value` in place of a key's value (from the end of the key to the end of the old
    value; a comment after the old value stays)."""
    key_start = doc.offset(key_node.start_mark)
    column = doc.column(key_start)
    list_offset = 0
    if isinstance(value_node, yaml.SequenceNode) and value_node.value and not value_node.flow_style:
        list_offset = max(doc.column(doc.dash(value_node.value[0])) - column, 0)
    return Splice(
        doc.offset(key_node.end_mark),
        doc.content_end(value_node),
        doc.entry_value(str(key_node.value), value, column, list_offset),
    )


def insert_key(doc: Text, mapping: yaml.MappingNode, after: str, key: str, value: Any) -> Splice:
    """Add `key: value` on the lines after the entry `after` of a block mapping."""
    _check_block(mapping, "mapping")
    found = entry(mapping, after)
    if found is None:  # pragma: no cover - callers pass a key of the mapping
        raise KeyError(after)
    key_node, value_node = found
    column = doc.column(doc.offset(key_node.start_mark))
    at = doc.line_end(doc.content_end(value_node))
    text = doc.newline + " " * column + key + doc.entry_value(key, value, column)
    return Splice(at, at, text)


def patch_mapping(
    doc: Text,
    mapping: yaml.MappingNode,
    old: dict[str, Any],
    new: dict[str, Any],
    order: Sequence[str] = (),
) -> list[Splice]:
    """The splices that turn the mapping `old` (as read from the text) into `new`.

    Unchanged entries are not touched; a changed list of the same length, or a changed mapping,
    is patched item by item, so the comments and layout inside it survive. New keys go after the
    last kept key that comes before them in `order` (or after the last kept key).
    """
    if old == new:
        return []
    _check_block(mapping, "mapping")
    splices: list[Splice] = []
    for key in old:
        if key not in new:
            splices.append(remove_key(doc, mapping, key))
    for key, value in new.items():
        if key in old:
            if old[key] != value:
                found = entry(mapping, key)
                assert found is not None  # the text and the data were read together
                splices.extend(_patch_value(doc, found[0], found[1], old[key], value, order))
            continue
        kept = [k for k in mapping_keys(mapping) if k in new]
        earlier = list(order[: order.index(key)]) if key in order else kept
        anchor = next((k for k in reversed(kept) if k in earlier), kept[-1] if kept else None)
        if anchor is None:  # pragma: no cover - a question always keeps its id
            raise LayoutError(mapping.start_mark.line + 1, "nothing left to add a key after")
        splices.append(insert_key(doc, mapping, anchor, key, value))
    return splices


def _patch_value(
    doc: Text,
    key_node: yaml.Node,
    node: yaml.Node,
    old: Any,
    new: Any,
    order: Sequence[str],
) -> list[Splice]:
    block = not getattr(node, "flow_style", False)
    if (
        isinstance(old, dict)
        and isinstance(new, dict)
        and isinstance(node, yaml.MappingNode)
        and block
        and old
        and new
    ):
        return patch_mapping(doc, node, old, new, order)
    if (
        isinstance(old, list)
        and isinstance(new, list)
        and isinstance(node, yaml.SequenceNode)
        and block
        and len(old) == len(new)
        and old
    ):
        splices: list[Splice] = []
        for item_node, before, after in zip(node.value, old, new, strict=True):
            splices.extend(_patch_item(doc, item_node, before, after))
        return splices
    return [replace_value(doc, key_node, node, new)]


def _patch_item(doc: Text, node: yaml.Node, old: Any, new: Any) -> list[Splice]:
    if old == new:
        return []
    if (
        isinstance(old, dict)
        and isinstance(new, dict)
        and isinstance(node, yaml.MappingNode)
        and not node.flow_style
        and old
        and new
    ):
        return patch_mapping(doc, node, old, new)
    start = doc.offset(node.start_mark)
    return [Splice(start, doc.content_end(node), doc.item_value(new, doc.column(start)))]
