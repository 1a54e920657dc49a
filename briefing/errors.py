"""One exception family, so the CLI can turn any of them into one clear line.

Every message names the file and the place (line, page or field) when it knows them,
because an analyst fixing a dataset at night needs to go straight to the spot.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Anything the user can fix: bad input, a missing setting, a refused email."""

    def __init__(self, message: str, *, file: str | None = None, place: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.place = place

    def __str__(self) -> str:
        prefix = ", ".join(shown(p) for p in (self.file, self.place) if p)
        return f"{prefix}: {self.message}" if prefix else self.message

    def __reduce__(self):
        """Pickled whole (file and place too), so an error raised in a worker process reads
        the same when the pack reports it."""
        return (_rebuild, (type(self), self.__dict__))


def shown(name: str) -> str:
    """A file name as a terminal can show it safely: control characters (an escape sequence
    that would recolour or clear the screen, a newline that would fake a second line) as
    \\x.. escapes, the rest as it is."""
    return "".join(ch if ch.isprintable() or ch == " " else f"\\x{ord(ch):02x}" if ord(ch) < 256
                   else f"\\u{ord(ch):04x}" for ch in str(name))


def _rebuild(cls, state: dict) -> BriefingError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    return error


class InputError(BriefingError):
    """A file we were asked to read is unreadable, malformed or not what it claims."""


class ValidationFailed(BriefingError):
    """A dataset broke one or more rules; `problems` holds every one of them."""

    def __init__(self, problems: list[BriefingError]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:3]))


class ConfigError(BriefingError):
    """A setting (option, environment variable, config file) is missing or wrong."""


class DeliveryError(BriefingError):
    """Email could not be sent; the pack itself is untouched."""
