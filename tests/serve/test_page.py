"""The page of a `quiz serve` tab loads nothing from another host (textual-serve's own page
loaded a web font from one): every address in the HTML, in its styles and in the stylesheets it
loads names the server itself, and its Content-Security-Policy lets the browser contact no one
else."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import aiohttp

from .served import Served

CSS_ADDRESS = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class Addresses(HTMLParser):
    """Every address a page names: attributes that hold one, and those inside its styles."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.stylesheets: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if name in ("src", "href", "action", "poster", "srcset", "data") or name.endswith(
                "url"
            ):
                self.found.append(value)
            if name == "style":
                self.found += css_addresses(value)
        if tag == "link" and values.get("rel") == "stylesheet" and values.get("href"):
            self.stylesheets.append(values["href"] or "")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += css_addresses(data)


def css_addresses(css: str) -> list[str]:
    return [url or imported for url, imported in CSS_ADDRESS.findall(css)]


def host_of(address: str, page: str) -> str:
    return urlsplit(urljoin(page, address)).netloc


async def test_every_address_of_the_page_is_the_server_s_own(
    serve_quiz: Callable[..., Served],
) -> None:
    served = serve_quiz()
    own_host = f"127.0.0.1:{served.port}"
    async with aiohttp.ClientSession() as session:
        async with session.get(served.url) as response:
            assert response.status == 200
            html = await response.text()
            headers = response.headers
        page = Addresses()
        page.feed(html)
        assert page.found, "the page names its script and stylesheet"
        requested = [address for address in page.found if not address.startswith("data:")]
        assert {host_of(address, served.url) for address in requested} == {own_host}
        assert any("textual.js" in address for address in page.found)
        for stylesheet in page.stylesheets:
            async with session.get(urljoin(served.url, stylesheet)) as response:
                assert response.status == 200
                css = await response.text()
            assert {host_of(a, served.url) for a in css_addresses(css)} <= {own_host}
    policy = headers.get("Content-Security-Policy", "")
    directives = dict(part.strip().partition(" ")[::2] for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["font-src"] == "'self'"
    assert directives["connect-src"] == f"'self' ws://{own_host}"
    assert directives["frame-ancestors"] == "'none'"  # a framed page would carry our Origin
    assert headers.get("X-Frame-Options") == "DENY"


async def test_a_full_quiz_says_so_on_its_page(serve_quiz: Callable[..., Served]) -> None:
    served = serve_quiz("--max-players", "1")
    async with aiohttp.ClientSession() as session:
        websocket = await session.ws_connect(
            served.websocket_url(), headers={"Origin": served.origin}
        )
        async with session.get(served.url) as response:
            assert response.status == 503
            assert response.headers["Retry-After"] == "15"
            html = unescape(await response.text())
        assert "The quiz's only place is taken. Try again when its player has finished." in html
        assert "textual.js" not in html
        await websocket.close()
