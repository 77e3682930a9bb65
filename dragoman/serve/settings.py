"""What a ``dragoman serve`` process serves and the limits it keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


@dataclass(frozen=True)
class Settings:
    """``db``: the store (opened read-only). ``code``: whether ``POST /api/code`` codes texts;
    ``code_max_bytes`` the largest body it takes, ``code_timeout`` the seconds a text may take
    (one text is coded at a time; another request meanwhile gets 503). ``max_page`` is the most
    rows one API page holds. ``allowed_hosts``: the Host headers answered (None: any); a server on
    the loopback address answers only 127.0.0.1, localhost and ::1, so a web page elsewhere cannot
    reach it by a DNS name that resolves to this machine."""

    db: Path
    code: bool = True
    code_max_bytes: int = 200_000
    code_timeout: float = 20.0
    max_page: int = 500
    model: str | None = None
    dictionaries: tuple[Path, ...] = field(default_factory=tuple)
    allowed_hosts: tuple[str, ...] | None = None


LOOPBACK = ("127.0.0.1", "localhost", "::1")
