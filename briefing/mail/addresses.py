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
        pairs = [(name, ascii_address(addr, option)) for name, addr in getaddresses([_commas(value)])]
        if not pairs or any(not _ADDRESS.fullmatch(addr) for _, addr in pairs):
            raise ConfigError(f"{option} {_first_bad(value)!r} is not an email address (name@example.org); "
                              "separate several with commas")
        out.extend(pairs)
    return out


def _commas(value: str) -> str:
    """Semicolons between addresses (as Outlook writes lists) as commas; one inside a quoted
    name ("Smith; Jo" <jo@x.org>), a comment or angle brackets is part of that name."""
    out, quoted, depth, escaped = [], False, 0, False
    for ch in value:
        if escaped:
            escaped = False
        elif ch == "\\" and quoted:
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif not quoted and ch in "(<":
            depth += 1
        elif not quoted and ch in ")>" and depth:
            depth -= 1
        elif ch == ";" and not quoted and not depth:
            ch = ","
        out.append(ch)
    return "".join(out)


def ascii_address(address: str, setting: str) -> str:
    """An address as SMTP carries it: a domain in another script ("exämple.org") in the
    IDNA form every mail server takes ("xn--exmple-cua.org"). A local part that is not
    ASCII needs SMTPUTF8, which few office mail servers offer, so it is refused here
    rather than bounced later."""
    local, at, domain = address.rpartition("@")
    if not at or address.isascii():
        return address
    if not local.isascii():
        raise ConfigError(f"{setting} {address!r}: the part before @ is not ASCII, which most mail servers "
                          "cannot deliver; check the address, or use the ASCII one the mailbox also has")
    return f"{local}@{ascii_domain(domain, setting)}"


def ascii_domain(name: str, setting: str) -> str:
    """A server or mail domain in its IDNA (xn--) form."""
    if name.isascii():
        return name
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError:
        raise ConfigError(f"{setting} {name!r} is not a domain name that can be written in ASCII "
                          "(IDNA)") from None


def _first_bad(value: str) -> str:
    """The part of "a@x, b@" to name in the error (the whole value when it will not split)."""
    for part in _commas(value).split(","):
        found = getaddresses([part])
        if part.strip() and not (len(found) == 1 and _ADDRESS.fullmatch(ascii_address(found[0][1], ""))):
            return part.strip()
    return value


def header_value(pairs: list[tuple[str, str]]) -> str:
    return ", ".join(formataddr(pair) for pair in pairs)
