"""Saved web pages: the article's text with trafilatura, its captions and furniture with lxml.

trafilatura is good at finding the story and its metadata, and drops the rest on purpose; but the
rest is what page-furniture and sourcing questions are about, so captions (with their credits),
"Lire aussi" boxes, live tickers and sponsored-link blocks are collected here from the page itself.
"""

from __future__ import annotations

import re
from datetime import date

from quiz.generate.clean import (
    Block,
    Page,
    Zone,
    is_byline,
    is_furniture,
    is_opinion,
    normalise,
    read_provenance,
    split_caption,
)
from quiz.generate.languages import LanguageProfile
from quiz.generate.nlp import INSTALL_HINT, ModelUnavailable

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_FURNITURE_CLASS = re.compile(
    r"related|outbrain|taboola|ticker|live|share|social|newsletter|promo|sponsor|advert|\bads?\b|"
    r"read-?more|most-?read|recommend",
    re.IGNORECASE,
)
_CREDIT_CLASS = re.compile(r"credit|copyright|source|author", re.IGNORECASE)


def looks_like_html(raw: str) -> bool:
    return bool(_HTML_START.match(raw[:2000]))


def page_from_html(raw: str, profile: LanguageProfile) -> Page:
    """The page's zones: headline, bylines, captions with credits, body paragraphs, furniture.

    The outlet is the one the page declares (`og:site_name`, `application-name`): a name guessed
    from the title would too often be the headline itself.
    """
    try:
        import lxml.html
        import trafilatura
        from lxml import etree
    except ImportError as error:
        raise ModelUnavailable(f"reading HTML needs trafilatura: {INSTALL_HINT}") from error

    # lxml refuses a text string that declares its own encoding (XHTML pages do).
    raw = _XML_DECLARATION.sub("", raw, count=1)
    tree = lxml.html.fromstring(raw)
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    extraction = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=False
    )
    document = extraction if extraction is not None and not isinstance(extraction, dict) else None
    extracted = trafilatura.extract(
        raw, output_format="xml", include_comments=False, include_tables=False, include_images=False
    )
    body: list[str] = []
    if extracted:
        xml = etree.fromstring(extracted.encode())
        body = [normalise(" ".join(p.itertext())) for p in xml.iter("p")]
    headline = _first_text(tree, "//h1") or (document.title if document else None)

    order = {element: index for index, element in enumerate(tree.iter())}
    h1 = next(iter(tree.xpath("//h1")), None)
    headline_at = order.get(h1, 0) if h1 is not None else 0

    captions: list[tuple[int, str]] = []
    for figcaption in tree.xpath("//figcaption"):
        text = _caption_text(figcaption)
        if text:
            captions.append((order[figcaption], text))
    furniture: list[tuple[int, str]] = []
    for container in tree.xpath("//aside|//section|//div|//ul"):
        classes = f"{container.get('class', '')} {container.get('id', '')}"
        if not _FURNITURE_CLASS.search(classes) or container.xpath("ancestor::figure"):
            continue
        if any(
            _FURNITURE_CLASS.search(f"{a.get('class', '')} {a.get('id', '')}")
            for a in container.iterancestors()
        ):
            continue  # the outer block already gave its lines
        for line in _furniture_lines(container):
            furniture.append((order[container], line))
    bylines = [
        normalise(" ".join(e.itertext()))
        for e in tree.xpath("//*[contains(@class,'byline') or @rel='author'] | //time")
    ]
    outlet = _declared_outlet(tree)
    outlets = frozenset({outlet} if outlet else set())
    body = [
        p
        for p in body
        if p
        and not is_furniture(p, profile)
        and not is_byline(p, profile)
        and p not in {line for _, line in furniture}
    ]
    caption_texts = [text for _, text in captions]
    body = [
        p
        for p in body
        if not any(p in text or text in p for text in caption_texts)  # a caption is no story
        and (headline is None or p != headline)
    ]

    blocks: list[Block] = [Block(Zone.FURNITURE, t) for at, t in furniture if at < headline_at]
    if headline:
        blocks.append(Block(Zone.HEADLINE, normalise(headline)))
    blocks += [Block(Zone.BYLINE, b) for b in dict.fromkeys(bylines) if b]
    parsed_captions = []
    for _, text in captions:
        caption = split_caption(text, outlets)
        if caption is not None:
            parsed_captions.append(caption)
        blocks.append(Block(Zone.CAPTION, text))
    blocks += [Block(Zone.BODY, p) for p in body]
    blocks += [Block(Zone.FURNITURE, t) for at, t in furniture if at >= headline_at]

    page = Page(blocks, parsed_captions)
    page.outlet = outlet
    page.opinion = is_opinion(page, profile) or bool(
        tree.xpath(
            "//meta[@property='article:section' and contains(translate(@content,"
            "'OPINIONTRBUEHCQ','opiniontrbuehcq'),'opinion')]"
        )
    )
    if document is not None:
        page.author = document.author or None
        page.url = document.url or None
        if document.date:
            try:
                page.published = date.fromisoformat(document.date[:10])
                page.published_from = "metadata"
            except ValueError:
                pass
    read_provenance(page, profile)
    return page


def _declared_outlet(tree: object) -> str | None:
    for xpath in (
        "//meta[@property='og:site_name']/@content",
        "//meta[@name='application-name']/@content",
        "//meta[@name='publisher']/@content",
    ):
        found = [normalise(str(v)) for v in tree.xpath(xpath) if str(v).strip()]  # type: ignore[attr-defined]
        if found:
            return found[0]
    return None


def _first_text(tree: object, xpath: str) -> str | None:
    found = tree.xpath(xpath)  # type: ignore[attr-defined]
    return normalise(" ".join(found[0].itertext())) if found else None


def _caption_text(figcaption: object) -> str:
    """The caption with its credit in brackets, as news pages print it: "… [Name / AFP]"."""
    credit_elements = [
        e
        for e in figcaption.iter()  # type: ignore[attr-defined]
        if e is not figcaption and _CREDIT_CLASS.search(e.get("class", ""))
    ]
    credit = " ".join(normalise(" ".join(e.itertext())) for e in credit_elements).strip()
    text = normalise(" ".join(figcaption.itertext()))  # type: ignore[attr-defined]
    if credit and not credit.startswith("["):
        text = text.replace(credit, "").strip()
        text = f"{text} [{credit.strip('()')}]"
    return text


def _furniture_lines(container: object) -> list[str]:
    """A furniture block's heading and its links, each as one line."""
    lines: list[str] = []
    for element in container.iter("h1", "h2", "h3", "h4", "li", "a", "p", "span", "div"):  # type: ignore[attr-defined]
        if (
            element.tag in ("a", "span", "div", "p")
            and element.getparent() is not None
            and (
                element.getparent().tag == "li"
                or any(child.tag in ("li", "ul", "h2", "h3", "p", "a") for child in element)
            )
        ):
            continue
        text = normalise(" ".join(element.itertext()))
        if text and text not in lines:
            lines.append(text)
    if not lines:
        text = normalise(" ".join(container.itertext()))  # type: ignore[attr-defined]
        if text:
            lines.append(text)
    return lines
