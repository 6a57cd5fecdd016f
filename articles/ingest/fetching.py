"""Fetch a news page without letting a URL reach inside our network. No Django imports.

A URL given by a user is a request our server makes on their behalf (SSRF). So: http and
https only; the host name is resolved here and every address it resolves to must be
public (not loopback, private, link-local, shared, multicast, reserved or a cloud
metadata address); the connection goes to the address that was checked, not to a second
lookup an attacker's DNS could answer differently; each redirect (at most five) is
checked again; connect and read time out; the body is capped. Numeric host forms that
browsers accept (``2130706433``, ``0x7f.1``, ``127.1``) are read as the addresses they
are, so they are checked too.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.robotparser
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

USER_AGENT = "newsannot/1.0 (+https://github.com/newsannot; research annotation tool)"
REDIRECTS = {301, 302, 303, 307, 308}
# Addresses that are public by ipaddress's rules but reach cloud metadata services.
METADATA = (
    ipaddress.ip_network("100.100.100.200/32"),  # Alibaba
    ipaddress.ip_network("fd00:ec2::254/128"),  # AWS over IPv6
)

Resolver = Callable[[str, int], Sequence[str]]


class FetchError(Exception):
    """Why a URL was not fetched, in words a user can act on."""

    def __init__(self, url: str, message: str):
        super().__init__(f"{url}: {message}")
        self.url, self.message = url, message


@dataclass(frozen=True)
class FetchPolicy:
    """How far a fetch may go. ``allowed_networks`` opens private ranges on purpose
    (an intranet feed; the tests' local server), never by default."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    respect_robots: bool = True
    allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()


@dataclass(frozen=True)
class Fetched:
    """A page as the server sent it, after redirects."""

    url: str  # as asked
    final_url: str
    status: int
    content_type: str
    body: bytes
    redirects: tuple[str, ...] = field(default=())

    @property
    def charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            name, _, value = part.strip().partition("=")
            if name.lower() == "charset" and value:
                return value.strip("\"'")
        return None


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system's resolver gives for ``host``."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise OSError(f"the host name {host!r} does not resolve ({error.strerror})") from None
    return sorted({info[4][0] for info in infos})


def fetch(
    url: str, *, policy: FetchPolicy = FetchPolicy(), resolve: Resolver = system_resolver
) -> Fetched:
    """GET ``url`` under ``policy``, following checked redirects; raise ``FetchError``."""
    current, seen = url, []
    for _ in range(policy.max_redirects + 1):
        status, headers, body = _get_once(current, policy, resolve, original=url)
        if status in REDIRECTS:
            location = headers.get("location")
            if not location:
                raise FetchError(url, f"a redirect ({status}) without a Location")
            seen.append(current)
            current = urljoin(current, location)
            continue
        if status >= 400:
            raise FetchError(url, f"the server answered HTTP {status}")
        return Fetched(
            url=url,
            final_url=current,
            status=status,
            content_type=headers.get("content-type", ""),
            body=body,
            redirects=tuple(seen),
        )
    raise FetchError(url, f"more than {policy.max_redirects} redirects")


def allowed_by_robots(
    url: str, *, policy: FetchPolicy = FetchPolicy(), resolve: Resolver = system_resolver
) -> bool:
    """Whether the site's robots.txt lets our user agent fetch ``url`` (fetched under the
    same policy; a missing or unreadable robots.txt allows, as robots.txt's rules say)."""
    if not policy.respect_robots:
        return True
    parts = urlsplit(url)
    robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
    try:
        page = fetch(robots_url, policy=policy, resolve=resolve)
    except FetchError as error:
        if "HTTP 4" in error.message:
            return True
        raise
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(page.body.decode(page.charset or "utf-8", errors="replace").splitlines())
    return parser.can_fetch(policy.user_agent, url)


class HostPacing:
    """One request at a time per host, ``interval`` seconds apart: politeness for a job
    that fetches many URLs (call ``wait(host)`` before each)."""

    def __init__(self, interval: float = 1.0, clock=time.monotonic, sleep=time.sleep):
        self.interval, self._clock, self._sleep = interval, clock, sleep
        self._last: dict[str, float] = {}

    def wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            remaining = self.interval - (self._clock() - last)
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = self._clock()


def checked_address(url: str, policy: FetchPolicy, resolve: Resolver) -> tuple[str, str, int]:
    """``(host, address, port)`` for ``url`` once its scheme and every address its host
    resolves to pass the policy; raise ``FetchError`` naming what was refused."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"only http and https URLs are fetched, not {parts.scheme or '?'}:")
    if parts.username or parts.password:
        raise FetchError(url, "a URL with a user name or password is refused")
    host = parts.hostname
    if not host:
        raise FetchError(url, "the URL has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(url, "the port is not a number from 1 to 65535") from None
    literal = _numeric_host(host)
    try:
        addresses = [str(literal)] if literal is not None else list(resolve(host, port))
    except OSError as error:
        raise FetchError(url, str(error)) from None
    if not addresses:
        raise FetchError(url, f"the host name {host!r} does not resolve")
    for address in addresses:
        refusal = _refusal(ipaddress.ip_address(address.split("%")[0]), policy)
        if refusal:
            where = address if address == host.strip("[]") else f"{host} is {address}"
            raise FetchError(url, f"{where}, {refusal}: refused")
    return host, addresses[0], port


def _get_once(url: str, policy: FetchPolicy, resolve: Resolver, *, original: str):
    host, address, port = checked_address(url, policy, resolve)
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if parts.scheme == "https":
        connection = _PinnedHTTPS(host, address, port, policy.connect_timeout)
    else:
        connection = _PinnedHTTP(host, address, port, policy.connect_timeout)
    try:
        connection.connect()
        connection.sock.settimeout(policy.read_timeout)
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.putheader("User-Agent", policy.user_agent)
        connection.putheader("Accept", "text/html,application/xhtml+xml,*/*;q=0.5")
        connection.endheaders()
        response = connection.getresponse()
        headers = {name.lower(): value for name, value in response.getheaders()}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > policy.max_bytes:
            raise FetchError(original, _too_large(policy))
        body = response.read(policy.max_bytes + 1)
        if len(body) > policy.max_bytes:
            raise FetchError(original, _too_large(policy))
        return response.status, headers, body
    except TimeoutError:
        raise FetchError(original, "timed out") from None
    except ssl.SSLError as error:
        raise FetchError(original, f"TLS failed ({error.reason or error})") from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(original, f"the connection failed ({error})") from None
    finally:
        connection.close()


def _too_large(policy: FetchPolicy) -> str:
    return f"the page is larger than {policy.max_bytes:,} bytes"


def _numeric_host(host: str):
    """The address a numeric host means, in the forms inet_aton accepts (decimal, hex,
    octal, dotted with fewer parts) and IPv6 literals; None for a name."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def _refusal(address, policy: FetchPolicy) -> str | None:
    if any(address in network for network in policy.allowed_networks):
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        return _refusal(mapped, policy)
    if any(address in network for network in METADATA):
        return "a cloud metadata address"
    # The narrower names first: Python counts link-local and 0.0.0.0 as private too.
    for name in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):
        if getattr(address, f"is_{name}"):
            return f"a {name.replace('_', '-')} address"
    if not address.is_global:
        return "not a public address"
    return None


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to the checked address while naming the host in the request."""

    def __init__(self, host: str, address: str, port: int, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """As ``_PinnedHTTP``, with TLS verified for the host name (SNI and certificate)."""

    def __init__(self, host: str, address: str, port: int, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)
