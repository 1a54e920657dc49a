"""Plain data with the line of every value, as located_yaml reads it from a file.

Its own module, apart from the parser, so that a dataset kept parsed between runs
(briefing.parsed_cache) is read back without loading the YAML library.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Located:
    """Plain data plus `lines[path] -> line`, where path is a tuple of keys and indexes."""

    data: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, *path) -> int | None:
        """The line of the deepest recorded ancestor of `path`."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())
