"""Live class games: the host's server, its players' clients, and the browser page (`quiz host`).

Stands alone: aiohttp and asyncio, the core and the results store; no Textual. The TUI puts the
host's projector screen and the `quiz join` client on top of it.
"""
