"""A player in a process of its own, for tests that kill it: joins, prints its resume token, then
prints the type of every message it receives, one per line.

    python tests/live/player_process.py PORT CODE NAME
"""

from __future__ import annotations

import asyncio
import json
import sys

from quiz.live.client import LiveClient


async def play(port: int, code: str, name: str) -> None:
    client = LiveClient("127.0.0.1", port)
    await client.connect()
    welcome = await client.join(code, name, "4B")
    print(json.dumps({"token": welcome.token}), flush=True)
    while True:
        message = await client.receive()
        print(message.type, flush=True)


if __name__ == "__main__":
    asyncio.run(play(int(sys.argv[1]), sys.argv[2], sys.argv[3]))
