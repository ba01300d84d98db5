"""A misbehaving SPARQL store: a real socket server on 127.0.0.1 that answers each request with a script."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Script = Callable[[socket.socket, bytes], None]


def read_request(connection: socket.socket) -> bytes:
    """Read one HTTP request (headers and a Content-Length body) from the connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


@contextmanager
def fake_store(script: Script) -> Iterator[tuple[str, list[bytes]]]:
    """Serve `script` on a free port: yields (endpoint URL, the requests received)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.05)
    port = listener.getsockname()[1]
    requests: list[bytes] = []
    stopping = threading.Event()

    def handle(connection: socket.socket) -> None:
        with connection:
            try:
                request = read_request(connection)  # urllib sends one request per connection
                if request:
                    requests.append(request)
                    script(connection, request)
            except OSError:
                return

    def serve() -> None:
        while not stopping.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=handle, args=(connection,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/sparql", requests
    finally:
        stopping.set()
        thread.join(2)
        listener.close()


def reply(status: str, headers: dict[str, str], body: bytes) -> Script:
    """A script sending one complete answer and closing the connection."""
    def script(connection: socket.socket, request: bytes) -> None:
        head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        head += f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        connection.sendall(head.encode("latin-1") + body)
        connection.shutdown(socket.SHUT_WR)
    return script


def raw(data: bytes) -> Script:
    """A script sending `data` as it is and closing the connection."""
    def script(connection: socket.socket, request: bytes) -> None:
        connection.sendall(data)
        connection.shutdown(socket.SHUT_WR)
    return script


def trickle(head: bytes, interval: float = 0.25, limit: float = 30.0) -> Script:
    """A script sending `head`, then one byte every `interval` seconds (up to `limit`)."""
    def script(connection: socket.socket, request: bytes) -> None:
        connection.sendall(head)
        started = time.monotonic()
        while time.monotonic() - started < limit:
            time.sleep(interval)
            connection.sendall(b" ")
    return script
