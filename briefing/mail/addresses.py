"""Recipients as real addresses: "a@x, b@y" is two people, and a typo is refused before
anything is sent, because a pack that reaches fewer people than the tool says is worse
than one refused."""

from __future__ import annotations

import re
from email.utils import formataddr, getaddresses

from briefing.errors import ConfigError

_ADDRESS = re.compile(r"[^@\s<>(),;:\"\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*")


def parse_addresses(values, option: str) -> list[tuple[str, str]]:
    """(display name, address) pairs from every value given to `option` (--to, --cc)."""
    out = []
    for value in values:
        if any(ord(c) < 32 for c in value):
            raise ConfigError(f"{option} {value!r}: an address cannot hold a line break or control character")
        pairs = getaddresses([value.replace(";", ",")])
        if not pairs or any(not _ADDRESS.fullmatch(addr) for _, addr in pairs):
            bad = next((addr or value for _, addr in pairs if not _ADDRESS.fullmatch(addr)), value)
            raise ConfigError(f"{option} {bad!r} is not an email address (name@example.org); "
                              "separate several with commas")
        out.extend(pairs)
    return out


def header_value(pairs: list[tuple[str, str]]) -> str:
    return ", ".join(formataddr(pair) for pair in pairs)
