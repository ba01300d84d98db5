"""One HTTP request to a triple store, bounded in total time, with every failure a one-line StoreError.

urllib's `timeout` bounds each socket operation, so a store that trickles a byte a second
never times out. Here a watchdog timer shuts the request's sockets down when the whole
request (connection, login round trips, headers and body) has taken `timeout` seconds.
A password (given with --user or in the endpoint URL) never reaches a message: the URL is
shown without it, and any echo of it in a store's answer is replaced by `***`.
"""

from __future__ import annotations

import http.client
import re
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError

MAX_BODY = 1 << 30  # a store's answer larger than this is refused, not read into memory
_USERINFO = re.compile(r"(//[^/?#@:]*):[^/?#@]*@")


@dataclass(frozen=True)
class Credentials:
    """Who to log in as: auth is 'basic' or 'digest'."""

    user: str
    password: str
    auth: str = "digest"


@dataclass(frozen=True)
class Endpoint:
    """A checked store URL (without any user:password@ part) and the login to use with it."""

    url: str
    credentials: Credentials | None


def hide_password(url: str) -> str:
    """The URL with any password in its user part replaced by ***."""
    return _USERINFO.sub(r"\1:***@", url)


def check_endpoint(url: str, credentials: Credentials | None = None, auth: str = "digest") -> Endpoint:
    """Refuse a URL urllib cannot use; move a user:password@ part of it into the credentials."""
    shown = hide_password(url)
    if re.search(r"[\s\x00-\x1f\x7f]", url):
        raise StoreError(f"the endpoint '{shown.strip()}' contains a space or control character "
                         "(write a space as %20)")
    try:
        parts = urllib.parse.urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError as error:
        raise StoreError(f"the endpoint '{shown}' is not a valid URL ({error})") from None
    if parts.scheme not in ("http", "https"):
        raise StoreError(f"the endpoint must be an http:// or https:// URL, not '{shown}'")
    if not host:
        raise StoreError(f"the endpoint '{shown}' has no host name")
    netloc = (f"[{host}]" if ":" in host else host) + (f":{port}" if port is not None else "")
    clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    if parts.username is not None and credentials is None:
        credentials = Credentials(urllib.parse.unquote(parts.username),
                                  urllib.parse.unquote(parts.password or ""), auth)
    return Endpoint(clean, credentials)


class _Watchdog:
    """The connections of one request, shut down together when its time is up."""

    def __init__(self) -> None:
        self.sockets: list[socket.socket] = []
        self.responses: list[http.client.HTTPResponse] = []
        self.expired = False
        self.lock = threading.Lock()

    def factory(self, http_class: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap a connection class so that each connection's socket and responses are recorded.

        urllib drops the connection's reference to its socket once the headers are read (the
        response's file keeps it open), so the socket itself is kept, when it connects.
        """
        def make(*args: Any, **kwargs: Any) -> Any:
            connection = http_class(*args, **kwargs)
            connect = connection.connect

            def connect_and_record() -> None:
                if self.expired:
                    raise TimeoutError("time is up")
                connect()
                with self.lock:
                    self.sockets.append(connection.sock)
                    if self.expired:
                        self._shut(connection.sock)

            def getresponse_and_record() -> http.client.HTTPResponse:
                response: http.client.HTTPResponse = getresponse()
                self.responses.append(response)
                return response

            getresponse = connection.getresponse
            connection.connect = connect_and_record
            connection.getresponse = getresponse_and_record
            return connection
        return make

    def close(self) -> None:
        """Close every response of the request (urllib leaves some open when a login step fails)."""
        for response in self.responses:
            response.close()

    def expire(self) -> None:
        """Time is up: make every blocked read or write on the request's sockets return."""
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _handlers(watchdog: _Watchdog) -> list[urllib.request.BaseHandler]:
    class Plain(urllib.request.HTTPHandler):
        def do_open(self, http_class: Any, req: Any, **kwargs: Any) -> Any:
            return super().do_open(watchdog.factory(http_class), req, **kwargs)

    class Secure(urllib.request.HTTPSHandler):
        def do_open(self, http_class: Any, req: Any, **kwargs: Any) -> Any:
            return super().do_open(watchdog.factory(http_class), req, **kwargs)

    return [Plain(), Secure()]


def _opener(url: str, credentials: Credentials | None, watchdog: _Watchdog) -> urllib.request.OpenerDirector:
    handlers = _handlers(watchdog)
    if credentials is not None and credentials.auth == "basic":
        prior = urllib.request.HTTPPasswordMgrWithPriorAuth()
        prior.add_password(None, url, credentials.user, credentials.password, is_authenticated=True)
        handlers.append(urllib.request.HTTPBasicAuthHandler(prior))
    elif credentials is not None:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, credentials.user, credentials.password)
        handlers.append(urllib.request.HTTPDigestAuthHandler(manager))
    return urllib.request.build_opener(*handlers)


@dataclass(frozen=True)
class Reply:
    """A store's answer: HTTP status, media type (lower case, no parameters) and body."""

    status: int
    content_type: str
    body: bytes


def send(request: urllib.request.Request, credentials: Credentials | None, timeout: float,
         what: str) -> Reply:
    """Send a request and read the whole answer within `timeout` seconds, or raise a StoreError."""
    secrets = secrets_of(credentials)
    shown = request.full_url.split("?")[0]
    watchdog = _Watchdog()
    timer = threading.Timer(timeout, watchdog.expire)
    timer.daemon = True
    timer.start()
    try:
        with _opener(request.full_url, credentials, watchdog).open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.strip().isdigit() and int(length) > MAX_BODY:
                raise StoreError(f"{shown} sent more than {MAX_BODY >> 20} MB for {what}")
            body = response.read()  # all of it: a short body raises IncompleteRead
            if watchdog.expired:  # the sockets were shut: what was read is cut short
                raise TimeoutError
            return Reply(response.status, response.headers.get_content_type(), body)
    except StoreError:
        raise
    except Exception as error:  # noqa: BLE001 - every failure of a misbehaving store becomes one message
        message = _describe(error, shown, what, credentials, timeout, watchdog)
        raise StoreError(redact(message, secrets)) from None
    finally:
        timer.cancel()
        watchdog.close()


def _describe(error: Exception, url: str, what: str, credentials: Credentials | None, timeout: float,
              watchdog: _Watchdog) -> str:
    """The one-line message for a failed request."""
    if isinstance(error, urllib.error.HTTPError):
        return _refusal(error, url, what, credentials)
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if watchdog.expired or isinstance(reason, TimeoutError):
        return (f"{url} did not answer {what} within {timeout:g} s (is the store overloaded? "
                "try --timeout)")
    if isinstance(reason, ConnectionRefusedError):
        return f"cannot connect to {url}: connection refused (is the store running?)"
    if isinstance(reason, http.client.HTTPException):
        return f"{url} did not answer {what} in well-formed HTTP: {_http_problem(reason)}"
    challenged = any(response.status == 401 for response in watchdog.responses)
    if challenged and isinstance(reason, (ValueError, KeyError, str)):  # urllib could not follow the challenge
        detail = first_line(str(reason).encode()).rstrip(".")
        return (f"{url} asks for a login wmgraph cannot give ({detail}); "
                f"try --auth {'basic' if credentials and credentials.auth == 'digest' else 'digest'} "
                "if the store allows it")
    if isinstance(reason, ValueError):
        return f"{url} did not answer {what} in well-formed HTTP: {reason}"
    if isinstance(error, urllib.error.URLError):
        text = getattr(reason, "strerror", None) or reason
        return f"cannot reach {url}: {text}"
    if isinstance(reason, OSError):
        return f"lost the connection to {url} during {what}: {reason.strerror or reason}"
    return f"{url} failed during {what}: {type(reason).__name__}: {reason}"


def _refusal(error: urllib.error.HTTPError, url: str, what: str, credentials: Credentials | None) -> str:
    try:
        body = first_line(error.read(64 * 1024))
    except Exception:  # noqa: BLE001 - a short or broken error body is only a detail
        body = ""
    finally:
        error.close()
    if error.code == 401:
        hint = "check --user and the password" if credentials else "give --user (the store needs a login)"
        return f"{url} refused the login for {what} (HTTP 401 Unauthorized): {hint}"
    reason = first_line(str(error.reason).encode("utf-8", "replace"))
    if error.code == 403:
        return f"{url} forbids {what} (HTTP 403 Forbidden){': ' + body if body else ''}"
    detail = f": {body}" if body else ""
    return f"{url} rejected {what} (HTTP {error.code} {reason}){detail}"


def _http_problem(error: http.client.HTTPException) -> str:
    if isinstance(error, http.client.IncompleteRead):
        return f"its body is incomplete or badly chunked ({len(error.partial)} bytes read)"
    if isinstance(error, http.client.RemoteDisconnected):
        return "it closed the connection without an answer"
    if isinstance(error, http.client.LineTooLong):
        return "a line of its answer is too long"
    if isinstance(error, http.client.BadStatusLine):
        return f"its first line is not an HTTP status line: '{first_line(str(error).encode())[:80]}'"
    return first_line(str(error).encode()) or type(error).__name__


def first_line(body: bytes) -> str:
    """The first non-blank line of a body, printable and at most 200 characters."""
    text = body.decode("utf-8", "replace").strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    line = "".join(c if c.isprintable() else "?" for c in (lines[0] if lines else ""))
    return line[:200] + ("..." if len(line) > 200 else "")


def secrets_of(credentials: Credentials | None) -> list[str]:
    """The forms a password may take in a store's answer (plain and percent-encoded)."""
    if credentials is None or not credentials.password:
        return []
    password = credentials.password
    forms = {password, urllib.parse.quote(password, safe=""), urllib.parse.quote_plus(password)}
    return sorted(forms, key=len, reverse=True)


def redact(text: str, secrets: list[str]) -> str:
    """Replace every secret in `text` by ***."""
    for secret in secrets:
        text = text.replace(secret, "***")
    return text
