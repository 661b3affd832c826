"""A lean WebSocket client for load benchmarks: thousands of them in one process, each frame
stamped with the moment its bytes were read from the socket.

A benchmark of a server under 2,000 simulated players runs all of them on one event loop. With a
full client library (aiohttp's), each message a player gets costs a task wake-up, a queue and a
future before the player's code sees it, and 2,000 of them take the client's loop 100 ms or more:
"the last player got the question" then measures the client, not the server. Here a frame is
parsed and stamped in `data_received`, the moment the loop reads it; the player's code reads it
later (and still decodes the JSON, as any client must), with the stamp of its arrival.

Only what a benchmark needs of RFC 6455: the opening handshake (checked), text frames, ping
answered with pong, close. Frames the client sends are masked, as the RFC requires, with a zero
key: the server unmasks every frame the same way whatever the key, and the key only matters
against caching proxies, which loopback has none of.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os
import time
from collections import deque

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, CLOSE, PING, PONG = 0x1, 0x8, 0x9, 0xA
ZERO_MASK = b"\x00\x00\x00\x00"


class HandshakeError(Exception):
    """The server did not switch to WebSocket."""


class Closed(Exception):
    """The connection closed before the frame awaited came."""


def client_frame(opcode: int, payload: bytes) -> bytes:
    """One final, masked frame (zero key: the payload is sent as is)."""
    length = len(payload)
    if length < 126:
        header = bytes((0x80 | opcode, 0x80 | length))
    elif length < 1 << 16:
        header = bytes((0x80 | opcode, 0x80 | 126)) + length.to_bytes(2, "big")
    else:
        header = bytes((0x80 | opcode, 0x80 | 127)) + length.to_bytes(8, "big")
    return header + ZERO_MASK + payload


class WireClient(asyncio.Protocol):
    """One WebSocket connection; `receive()` gives (when it arrived, its text) in order."""

    def __init__(self, host: str, path: str) -> None:
        self._request_host, self._path = host, path
        self._key = base64.b64encode(os.urandom(16))
        self._buffer = bytearray()
        self._open = False
        self.opened: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._frames: deque[tuple[float, str]] = deque()
        self._waiter: asyncio.Future[None] | None = None
        self._closed = False
        self.transport: asyncio.Transport | None = None

    # --- asyncio.Protocol -------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        transport.write(
            f"GET {self._path} HTTP/1.1\r\nHost: {self._request_host}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {self._key.decode()}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n".encode()
        )

    def data_received(self, data: bytes) -> None:
        arrived = time.perf_counter()
        self._buffer += data
        if not self._open and not self._handshake():
            return
        self._frames_from_buffer(arrived)

    def connection_lost(self, exc: Exception | None) -> None:
        self._closed = True
        if not self.opened.done():
            self.opened.set_exception(HandshakeError(f"connection lost: {exc}"))
        self._wake()

    # --- Reading ------------------------------------------------------------------------------------

    def _handshake(self) -> bool:
        end = self._buffer.find(b"\r\n\r\n")
        if end < 0:
            return False
        head = bytes(self._buffer[:end]).decode("latin-1").split("\r\n")
        del self._buffer[: end + 4]
        expected = base64.b64encode(hashlib.sha1(self._key + GUID).digest()).decode()
        headers = {
            name.strip().lower(): value.strip()
            for name, _, value in (line.partition(":") for line in head[1:])
        }
        if " 101 " not in f"{head[0]} " or headers.get("sec-websocket-accept") != expected:
            self.opened.set_exception(HandshakeError(head[0]))
            assert self.transport is not None
            self.transport.close()
            return False
        self._open = True
        self.opened.set_result(None)
        return True

    def _frames_from_buffer(self, arrived: float) -> None:
        buffer = self._buffer
        while len(buffer) >= 2:
            first, second = buffer[0], buffer[1]
            length, start = second & 0x7F, 2
            if length == 126:
                if len(buffer) < 4:
                    return
                length, start = int.from_bytes(buffer[2:4], "big"), 4
            elif length == 127:
                if len(buffer) < 10:
                    return
                length, start = int.from_bytes(buffer[2:10], "big"), 10
            if len(buffer) < start + length:
                return
            payload = bytes(buffer[start : start + length])
            del buffer[: start + length]
            opcode = first & 0x0F
            if not first & 0x80 or second & 0x80:  # a server of ours never sends them
                self._frames.append((arrived, '{"type": "unexpected frame"}'))
                opcode = CLOSE
            if opcode == TEXT:
                self._frames.append((arrived, payload.decode()))
                self._wake()
            elif opcode == PING:
                self.send_frame(PONG, payload)
            elif opcode == CLOSE:
                self._closed = True
                self._wake()
                assert self.transport is not None
                self.transport.close()
                return

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    async def receive(self) -> tuple[float, str]:
        """The next text message: (perf_counter when its bytes were read, its text)."""
        while not self._frames:
            if self._closed:
                raise Closed("the connection closed")
            self._waiter = asyncio.get_running_loop().create_future()
            await self._waiter
            self._waiter = None
        return self._frames.popleft()

    # --- Writing ------------------------------------------------------------------------------------

    def send_frame(self, opcode: int, payload: bytes) -> float:
        """Write one frame; returns perf_counter just before the write (the send's moment)."""
        assert self.transport is not None
        frame = client_frame(opcode, payload)
        sent = time.perf_counter()
        self.transport.write(frame)
        return sent

    def send_text(self, text: str) -> float:
        return self.send_frame(TEXT, text.encode())

    def close(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.send_frame(CLOSE, (1000).to_bytes(2, "big"))
            self.transport.close()


async def connect(host: str, port: int, path: str) -> WireClient:
    """An open WebSocket to ws://host:port/path (`HandshakeError` if the server refuses it)."""
    loop = asyncio.get_running_loop()
    _, client = await loop.create_connection(lambda: WireClient(f"{host}:{port}", path), host, port)
    await client.opened
    return client
