"""Host safety: no private, loopback or link-local address, checked at resolution and at connect.

`is_private_host` is what `Fetcher.check_url` asks before a request; `_PublicOnlyAdapter` checks
the peer a connection actually reached, so a DNS answer that changes in between is caught too.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from flows.http.errors import FetchError


def is_private_address(address: str) -> bool:
    """True for any address that is not globally routable (private, loopback, link-local...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is not None:
            ip = embedded
    return not ip.is_global or ip.is_multicast


def is_private_host(host: str) -> bool:
    """True when the host resolves to a private, loopback, link-local or reserved address."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host}: {exc.strerror}") from None
    except (UnicodeError, ValueError, OSError) as exc:
        raise FetchError(f"cannot resolve host {host}: {exc}") from None
    return any(is_private_address(str(info[4][0])) for info in infos)


class _PrivatePeer(Exception):
    def __init__(self, address: str) -> None:
        super().__init__(address)
        self.address = address


def _checked_peer(sock: socket.socket) -> socket.socket:
    address = str(sock.getpeername()[0])
    if is_private_address(address):
        sock.close()
        raise _PrivatePeer(address)
    return sock


class _PublicHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        return _checked_peer(super()._new_conn())


class _PublicHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        return _checked_peer(super()._new_conn())


class _PublicHTTPPool(HTTPConnectionPool):
    ConnectionCls = _PublicHTTPConnection


class _PublicHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _PublicHTTPSConnection


class _PublicOnlyAdapter(HTTPAdapter):
    """Checks the address actually connected to, before a byte is sent.

    `check_url` resolves the host first; this closes the gap where a DNS answer changes between
    that check and the connection (DNS rebinding). Through a proxy, the proxy is connected to,
    so only `check_url` applies.
    """

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _PublicHTTPPool,
            "https": _PublicHTTPSPool,
        }
