"""Which hosts the service may call: the one guard against being aimed at internal addresses
(server-side request forgery), shared by the meeting bot and by webhook delivery.

Two policies over one matcher:

- ``check_loopback_or_allowed`` (the bot): loopback, or what the allow-list names; the name is
  compared as given and never resolved.
- ``check_public_or_allowed`` (webhooks): the host is resolved and every address it resolves to
  must be public: private, loopback, link-local, shared, multicast, reserved and unspecified
  ranges are refused, IPv4 and IPv6, including IPv4 carried inside IPv6 (mapped, 6to4, Teredo,
  NAT64), unless the allow-list names the host, its address or a network holding it.

An allow-list entry is a host name, an address or a network (``10.0.0.0/24``); entries that are
none of these match nothing.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from models.errors import HostNotAllowedError

__all__ = [
    "Address",
    "OutboundTarget",
    "Resolver",
    "check_loopback_or_allowed",
    "check_public_or_allowed",
    "embedded_ipv4",
    "is_internal",
    "parse_target",
]

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

_LOOPBACK_NAMES = ("localhost",)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True, slots=True)
class OutboundTarget:
    """The parts of a URL the guard looks at."""

    scheme: str
    host: str
    """Lower case, without a trailing dot or IPv6 brackets."""
    port: int
    address: Address | None
    """The host when it is written as an address; None for a name."""
    resolved: tuple[Address, ...] = ()
    """What a name resolved to when it was checked: connect to one of these (not to a new
    lookup, which could answer differently)."""


def parse_target(url: str, schemes: Sequence[str] = ("http", "https")) -> OutboundTarget:
    """The scheme, host and port of ``url``, or ``HostNotAllowedError`` for a URL that is not
    one of ``schemes`` with a host (``file://``, ``gopher://``, a port that is not a number)."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError as error:
        raise HostNotAllowedError(f"not a URL ({error})") from None
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        allowed = " or ".join(schemes)
        raise HostNotAllowedError(f"the URL's scheme must be {allowed}, not {scheme or 'none'!r}")
    if not host:
        raise HostNotAllowedError("the URL has no host")
    address: Address | None = None
    with contextlib.suppress(ValueError):
        address = ipaddress.ip_address(host)
    default_port = 443 if scheme == "https" else 80
    return OutboundTarget(scheme, host, port or default_port, address)


def embedded_ipv4(address: Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, Teredo client, NAT64), if any:
    a packet to it may reach that IPv4 host."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_internal(address: Address) -> bool:
    """Whether ``address`` is anything but a public unicast address: private, loopback,
    link-local, shared (100.64/10), multicast, reserved, unspecified, or an IPv6 address
    carrying such an IPv4 address."""
    inner = embedded_ipv4(address)
    if inner is not None and is_internal(inner):
        return True
    return (
        not address.is_global
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or address.is_link_local
    )


def check_loopback_or_allowed(url: str, allowed: Sequence[str], setting: str) -> None:
    """Refuse any host but loopback unless ``allowed`` names it (compared as given, never
    resolved: a name that resolves inward is refused unless it is named). ``setting`` names
    the allow-list in the message."""
    target = parse_target(url)
    if target.host in _LOOPBACK_NAMES or (
        target.address is not None and target.address.is_loopback
    ):
        return
    if _allowed(target.host, target.address, allowed):
        return
    raise HostNotAllowedError(
        f"{target.host!r} may not be reached from this service: only loopback, unless the "
        f"setting {setting} names it"
    )


def check_public_or_allowed(
    url: str,
    allowed: Sequence[str],
    setting: str,
    *,
    resolve: Resolver | None = None,
    resolve_names: bool = True,
) -> OutboundTarget:
    """Refuse a URL whose host is, or resolves to, an internal address (see ``is_internal``),
    unless ``allowed`` names the host, or every internal address it resolves to is named.
    ``resolve`` (host, port) -> addresses defaults to the system resolver; without
    ``resolve_names`` a name is not looked up (saving a destination: no lookup on request,
    the name is checked before every post). Returns the target checked."""
    target = parse_target(url)
    if _allowed(target.host, target.address, allowed):
        return target
    if target.address is not None:
        addresses = [target.address]
    elif target.host in _LOOPBACK_NAMES or target.host.endswith(".localhost"):
        addresses = [ipaddress.ip_address("127.0.0.1")]
    elif not resolve_names:
        return target
    else:
        try:
            found = (resolve or _system_resolve)(target.host, target.port)
        except OSError as error:
            raise HostNotAllowedError(f"{target.host!r} does not resolve ({error})") from None
        addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in found]
        if not addresses:
            raise HostNotAllowedError(f"{target.host!r} does not resolve")
    for address in addresses:
        if is_internal(address) and not _allowed(str(address), address, allowed):
            shown = target.host if target.address is not None else f"{target.host} ({address})"
            raise HostNotAllowedError(
                f"{shown} is an internal address (private, loopback, link-local, multicast or "
                f"reserved) this service may not call, unless the setting {setting} names it"
            )
    return replace(target, resolved=tuple(addresses))


def _allowed(host: str, address: Address | None, allowed: Sequence[str]) -> bool:
    for entry in (e.strip().lower().rstrip(".") for e in allowed):
        if entry and entry == host:
            return True
        if address is not None:
            with contextlib.suppress(ValueError):
                if address in ipaddress.ip_network(entry, strict=False):
                    return True
    return False


def _system_resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]
