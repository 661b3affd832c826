"""A live game served without the host's screen, driven through its remote control (`/host`):
for scripts, tests and benchmarks. Teachers use `quiz host`.

    python -m quiz.live SET [--host 127.0.0.1] [--port 8765] [--db PATH] [--new]

Prints one JSON line once it listens — its address, join code, game number and the host's token
for `/host` — and runs until SIGINT or SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import signal
import sys

from quiz.core.diagnostics import QuestionSetError
from quiz.core.loader import load_question_set
from quiz.core.models import ScoringRule
from quiz.live.hosting import host_game, listening_socket
from quiz.store.db import StoreError


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m quiz.live", description=__doc__.split("\n")[0])
    parser.add_argument("set_path", metavar="SET")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--db", help="the results database (default: $QUIZ_DB, else your data folder)"
    )
    parser.add_argument("--new", action="store_true", help="a new game even if one is unfinished")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--rule", choices=[r.value for r in ScoringRule])
    parser.add_argument("--lang", choices=["en", "fr"], default="en")
    return parser.parse_args()


async def serve(options: argparse.Namespace) -> int:
    try:
        question_set = load_question_set(options.set_path)
        sock = listening_socket(options.host, options.port)
    except (QuestionSetError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    token = secrets.token_urlsafe(24)
    try:
        hosted = await host_game(
            question_set,
            options.db,
            sock,
            language=options.lang,
            rule=ScoringRule(options.rule) if options.rule else None,
            seed=options.seed,
            new=options.new,
            host_token=token,
        )
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    game = hosted.game
    port = hosted.server.port
    print(
        json.dumps(
            {"url": f"http://{options.host}:{port}/", "port": port, "code": game.code,
             "session": game.session_id, "token": token}
        ),
        flush=True,
    )  # fmt: skip
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for name in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(name, stop.set)
    await stop.wait()
    await hosted.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(serve(arguments())))
