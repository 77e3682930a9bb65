"""The network policy of a fetch: where it may connect, and for how long.

- Only ``http://`` and ``https://`` URLs are fetched, and a redirect is followed only to another
  http(s) URL (at most :data:`MAX_REDIRECTS`).
- The host of every URL, the first and each redirect's, is resolved here, and the connection is
  made to an address checked here (so a second DNS answer cannot swap it): private, loopback,
  link-local, multicast and other non-public addresses are refused unless ``allow_private``
  (``--allow-private-hosts``) says otherwise.
- A fetch has a wall-clock deadline: when it passes, the connection is shut down whatever the
  server is doing (sending a byte a second, or nothing), and the fetch fails (E049).

Proxies named in the environment (``http_proxy``) are not used: the checks above are about the
host that is reached.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from types import TracebackType
from urllib.parse import quote, urlsplit

from ..errors import Errors, InputError

MAX_REDIRECTS = 5
SCHEMES = {"http": 80, "https": 443}


def address_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """'a loopback', 'a private'... for an address that is not on the public internet; None for a public one."""
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:
        ip = mapped
    for kind, flag in (("a loopback", ip.is_loopback), ("a link-local", ip.is_link_local), ("a multicast", ip.is_multicast)):
        if flag:
            return kind
    if ip.is_private:
        return "a private"
    return None if ip.is_global else "a non-public"


class Deadline:
    """A wall-clock limit for one fetch: at the end, the connection in use is shut down."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.expired = False
        self.sock: socket.socket | None = None
        self.lock = threading.Lock()
        self.timer = threading.Timer(max(seconds, 0.0), self._expire)
        self.timer.daemon = True

    def __enter__(self) -> Deadline:
        self.timer.start()
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.timer.cancel()

    def left(self) -> float:
        return self.end - time.monotonic()

    def watch(self, sock: socket.socket | None) -> None:
        with self.lock:
            self.sock = sock
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self.lock:
            self.expired = True
            _shut(self.sock)


def _shut(sock: socket.socket | None) -> None:
    if sock is None:
        return
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket's: wakes a blocked TLS read too


class Target:
    """A URL to fetch, checked against the policy: scheme, host, port, path and allowed addresses."""

    def __init__(self, url: str, asked: str, allow_private: bool) -> None:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in SCHEMES:
            where = "" if url == asked else " (a redirect)"
            raise InputError(Errors.E034, url=asked, target=url, where=where)
        try:
            host = parts.hostname
            port = parts.port or SCHEMES[scheme]
            if not host:
                raise ValueError("no host name")
            self.host = host.encode("idna").decode("ascii") if not host.isascii() else host
        except (ValueError, UnicodeError) as exc:
            raise InputError(Errors.E045, url=asked, detail=f"bad URL {url} ({exc})") from None
        self.scheme, self.port = scheme, port
        path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~")
        self.path = path + ("?" + quote(parts.query, safe="/%:@!$&'()*+,;=~?") if parts.query else "")
        self.addresses = self._resolve(asked, allow_private)

    def _resolve(self, asked: str, allow_private: bool) -> list[str]:
        try:
            infos = socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise InputError(Errors.E045, url=asked, detail=f"cannot resolve {self.host} ({exc})") from None
        out: list[str] = []
        for *_, sockaddr in infos:
            text = str(sockaddr[0])
            ip = ipaddress.ip_address(text.split("%", 1)[0])
            kind = address_kind(ip)
            if kind and not allow_private:
                raise InputError(Errors.E035, url=asked, host=self.host, kind=kind, ip=text)
            if text not in out:
                out.append(text)
        return out

    def connect(self, deadline: Deadline, timeout: float) -> http.client.HTTPConnection:
        """A connection to one of the checked addresses (the first that answers)."""
        error: OSError | None = None
        for addr in self.addresses:
            wait = max(min(timeout, deadline.left()), 0.001)
            try:
                sock = socket.create_connection((addr, self.port), wait)
            except OSError as exc:
                error = exc
                continue
            deadline.watch(sock)
            return self._over(sock, deadline, wait)
        raise error or OSError("no address to connect to")

    def _over(self, sock: socket.socket, deadline: Deadline, timeout: float) -> http.client.HTTPConnection:
        """An http.client connection over ``sock`` (TLS checked against the host name for https)."""
        conn: http.client.HTTPConnection
        if self.scheme == "https":
            context = ssl.create_default_context()
            tls = context.wrap_socket(sock, server_hostname=self.host, do_handshake_on_connect=False)
            deadline.watch(tls)  # the TLS socket owns the connection now
            tls.do_handshake()
            conn = http.client.HTTPSConnection(self.host, self.port, timeout=timeout, context=context)
            conn.sock = tls
        else:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
            conn.sock = sock
        return conn
