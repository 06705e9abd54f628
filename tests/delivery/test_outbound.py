"""The outbound-address guard: internal addresses refused in every spelling, public ones and
named exceptions allowed, only http(s)."""

from __future__ import annotations

import ipaddress

import pytest

from assistant.outbound import check_public_or_allowed, is_internal
from models.errors import HostNotAllowedError

SETTING = "delivery.allowed_hosts"


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]:8080/hook",
        "http://127.0.0.1/hook",
        "http://0.0.0.0/hook",
        "http://192.168.1.20/hook",
        "http://172.16.5.4/hook",
        "http://100.64.0.1/hook",  # shared address space (carrier NAT)
        "http://224.0.0.1/hook",  # multicast
        "http://240.0.0.1/hook",  # reserved
        "http://[fe80::1]/hook",  # IPv6 link-local
        "http://[fc00::1]/hook",  # IPv6 unique local
        "http://[ff02::1]/hook",  # IPv6 multicast
        "http://[::ffff:127.0.0.1]/hook",  # IPv4-mapped
        "http://[::ffff:a9fe:a9fe]/hook",  # IPv4-mapped 169.254.169.254, written in hex
        "http://[64:ff9b::a00:1]/hook",  # NAT64 of 10.0.0.1
        "http://[2002:a00:1::]/hook",  # 6to4 of 10.0.0.1
        "http://localhost:9/hook",  # a name resolving to 127.0.0.1 (real resolver, /etc/hosts)
        "http://2130706433/hook",  # 127.0.0.1 as one number: the resolver reads it so
        "http://0x7f.1/hook",
    ],
)
def test_internal_addresses_are_refused(url: str) -> None:
    with pytest.raises(HostNotAllowedError, match="internal address"):
        check_public_or_allowed(url, [], SETTING)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "gopher://127.0.0.1/", "ftp://example.org/", "hook", "//x/y"]
)
def test_only_http_urls_with_a_host(url: str) -> None:
    with pytest.raises(HostNotAllowedError, match="scheme"):
        check_public_or_allowed(url, [], SETTING)


def test_a_name_is_judged_by_every_address_it_resolves_to() -> None:
    def resolve(host: str, port: int) -> list[str]:
        assert (host, port) == ("hooks.example.org", 443)
        return ["93.184.215.14", "10.1.2.3"]

    with pytest.raises(HostNotAllowedError, match=r"hooks\.example\.org \(10\.1\.2\.3\)"):
        check_public_or_allowed("https://hooks.example.org/x", [], SETTING, resolve=resolve)
    target = check_public_or_allowed(
        "https://hooks.example.org/x", [], SETTING, resolve=lambda h, p: ["93.184.215.14"]
    )
    assert (target.host, target.port) == ("hooks.example.org", 443)


def test_public_addresses_pass_and_named_exceptions_are_allowed() -> None:
    check_public_or_allowed("https://93.184.215.14/hook", [], SETTING)
    check_public_or_allowed("http://[2606:4700::1111]/hook", [], SETTING)
    check_public_or_allowed("http://127.0.0.1:8080/hook", ["127.0.0.1"], SETTING)
    check_public_or_allowed("http://10.0.0.7/hook", ["10.0.0.0/24"], SETTING)
    check_public_or_allowed("http://hooks.internal/x", ["hooks.internal"], SETTING)
    # Saving a destination looks no name up, but localhost is loopback all the same.
    check_public_or_allowed("https://hooks.example.org/", [], SETTING, resolve_names=False)
    for url in ("http://localhost/", "http://api.localhost/", "http://10.0.0.1/"):
        with pytest.raises(HostNotAllowedError, match="internal address"):
            check_public_or_allowed(url, [], SETTING, resolve_names=False)
    with pytest.raises(HostNotAllowedError, match=r"delivery\.allowed_hosts"):
        check_public_or_allowed("http://10.0.1.7/hook", ["10.0.0.0/24"], SETTING)
    assert not is_internal(ipaddress.ip_address("8.8.8.8"))
