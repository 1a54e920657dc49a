"""YAML (and JSON, which YAML reads) loaded with the line of every value.

Validation errors must say "line 14", so we keep the line of each mapping key and list
item beside the plain data rather than wrapping every value in a custom type.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml


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


Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: several times faster


def _build(loader, node: yaml.Node, path: tuple, lines: dict) -> object:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = key if isinstance(key, (str, int)) else str(key)
            out[key] = _build(loader, value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (i,), lines) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:  # e.g. 2021-13-45 looks like a date to YAML but is not one
        return node.value


def load_located(text: str) -> Located:
    """Parse YAML or JSON text; raises yaml.YAMLError with a problem_mark on bad syntax."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[tuple, int] = {}
        data = None if node is None else _build(loader, node, (), lines)
        return Located(data, lines)
    finally:
        loader.dispose()
