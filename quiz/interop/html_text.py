"""HTML, as Moodle stores question texts, to quiz's plain text and back.

quiz shows text exactly as written, so markup is turned into the text a reader sees: paragraphs and
<br> become line breaks, entities become characters, and anything that carried meaning of its own
(an image, a table, emphasis, a link) is named in the import report rather than lost in silence.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre"}
)
_HARMLESS = _BLOCKS | {"br", "span", "body", "html", "head", "font"}
_CONTENT = {
    "img": "an image",
    "audio": "a sound",
    "video": "a video",
    "iframe": "an embedded page",
    "object": "an embedded object",
    "table": "a table's layout",
    "math": "a formula",
}
_SPACES = re.compile(r"[ \t\r\n\f]+")
_BLOCK_BREAK = "\0"  # where a paragraph starts or ends (removed from the text itself first)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropped: list[str] = []
        self._skip = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append(_BLOCK_BREAK)
        if tag in _CONTENT:
            self._drop(_CONTENT[tag])
        elif tag not in _HARMLESS and tag not in ("script", "style"):
            self._drop("formatting (bold, italics, links…)")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append(_BLOCK_BREAK)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(_SPACES.sub(" ", data.replace(_BLOCK_BREAK, "")))

    def _drop(self, what: str) -> None:
        if what not in self.dropped:
            self.dropped.append(what)


def html_to_text(markup: str) -> tuple[str, list[str]]:
    """The text a reader sees, and what the markup held that plain text cannot."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    text = "".join(collector.parts)
    # Consecutive paragraph edges are one line break; a <br> is one line break; spaces at the
    # edges of lines go, as a browser shows them.
    text = re.sub("\0+", "\n", text)
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n"), collector.dropped


def text_to_html(text: str) -> str:
    """Plain text as HTML that shows exactly it: escaped, its line breaks kept as <br>."""
    return "<p>" + "<br>".join(html.escape(line, quote=False) for line in text.split("\n")) + "</p>"
