"""Split a Markdown file into YAML front matter and body, keeping line numbers.

Parsing never raises: every way a file can be unreadable becomes a
``Problem``. Dates stay text here (PyYAML would turn ``2024-02-30`` into a
traceback), so the validator can say exactly what is wrong with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from hub.content.problems import Problem

FENCE = re.compile(r"^---[ \t]*$")
CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"

# A key path into the front matter: ("outcomes", 1, "unit").
KeyPath = tuple[Any, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text for the validator to check."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same on libyaml's C parser, several times faster; its error messages are terser,
    so a file that fails is parsed again by ``_Loader`` for the message."""


_Loader.yaml_implicit_resolvers = _FastLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Document:
    """A parsed file: front matter data with the line of every key and item."""

    data: dict[str, Any]
    lines: dict[KeyPath, int]
    body: str
    body_line: int  # 1-based line number of the body's first line
    duplicate_keys: tuple[tuple[KeyPath, int], ...] = field(default=())

    def line_of(self, path: KeyPath, default: int = 1) -> int:
        """The line of ``path``, else of its nearest parent, else ``default``."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return default


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text without BOM and with ``\\n`` line endings, or a problem."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        return None, [
            Problem(
                path,
                line,
                "file",
                f"is not UTF-8 text (byte 0x{byte:02x} cannot be read); save it with UTF-8 encoding",
            )
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def parse_document(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """Split ``text`` into front matter and body; problems if that is impossible."""
    if not text.strip():
        return None, [Problem(path, 1, "file", "is empty; a case study starts with front matter between '---' lines")]
    lines = text.split("\n")
    if not FENCE.match(lines[0]):
        return None, [
            Problem(
                path,
                1,
                "front matter",
                "is missing; the file must start with a line '---', then the fields, then a line '---'",
            )
        ]
    end = next((i for i in range(1, len(lines)) if CLOSING_FENCE.match(lines[i])), None)
    if end is None:
        return None, [Problem(path, 1, "front matter", "is not closed; add a line '---' after the last field")]
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    body_line = end + 2
    try:
        node = _compose(yaml_text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else 1
        reason = exc.problem or exc.context or "cannot be read"
        return None, [Problem(path, line, "front matter", f"is not valid YAML: {reason}")]
    except yaml.YAMLError as exc:  # errors without a position
        return None, [Problem(path, 1, "front matter", f"is not valid YAML: {exc}")]
    if node is None:
        return None, [Problem(path, 2, "front matter", "is empty; add the required fields between the '---' lines")]
    if not isinstance(node, yaml.MappingNode):
        found = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        return None, [
            Problem(path, node.start_mark.line + 2, "front matter", f"must be 'key: value' lines, found {found}")
        ]
    key_lines: dict[KeyPath, int] = {}
    duplicates: list[tuple[KeyPath, int]] = []
    _record_lines(node, (), key_lines, duplicates)
    try:
        data = _construct(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 2 if mark is not None else 1
        return None, [Problem(path, line, "front matter", f"is not valid YAML: {exc.problem}")]
    return Document(data, key_lines, body, body_line, tuple(duplicates)), []


def _compose(yaml_text: str) -> yaml.Node | None:
    for loader_class in (_FastLoader, _Loader):
        loader = loader_class(yaml_text)
        try:
            return loader.get_single_node()
        except yaml.YAMLError:
            if loader_class is _Loader:
                raise
        finally:
            loader.dispose()
    return None  # not reached: the second loader returns or raises


def _construct(node: yaml.Node) -> Any:
    loader = _FastLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _record_lines(
    node: yaml.Node,
    path: KeyPath,
    lines: dict[KeyPath, int],
    duplicates: list[tuple[KeyPath, int]],
) -> None:
    """Note the file line of every mapping key and list item under ``node``."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            child = (*path, key)
            line = key_node.start_mark.line + 2  # +1 for 1-based, +1 for the opening '---'
            if child in lines:
                duplicates.append((child, line))
            else:
                lines[child] = line
            _record_lines(value_node, child, lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            lines[child] = item.start_mark.line + 2
            _record_lines(item, child, lines, duplicates)
