"""Small, safe building blocks for rendering: escaping, links, dates, numbers.

Every value that comes from a contributor passes through ``esc`` before it
reaches a page, so no title or field can inject markup.
"""

from __future__ import annotations

import html
import posixpath
import re
from datetime import date

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Characters Python-Markdown would treat as syntax in a heading.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def esc(text: object) -> str:
    """HTML-escape ``text`` (quotes too, so it is safe in attributes)."""
    return html.escape(str(text), quote=True)


def md_escape(text: str) -> str:
    """``text`` as literal characters inside a Markdown paragraph or heading."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", esc(text))


def relative_url(from_url: str, to_url: str) -> str:
    """Link from page ``from_url`` to ``to_url`` (both site-relative, 'a/b/' style)."""
    start = from_url.rstrip("/") or "."
    target = to_url.rstrip("/") or "."
    rel = posixpath.relpath(target, start)
    if rel == ".":
        return "./"
    return rel + ("/" if to_url.endswith("/") or to_url == "" else "")


def link(from_url: str, to_url: str, text: str, **attrs: str) -> str:
    """An ``<a>`` element with escaped text and attributes."""
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
    return f'<a href="{esc(relative_url(from_url, to_url))}"{extra}>{esc(text)}</a>'


def format_date(day: date) -> str:
    """UK style: ``5 March 2025``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def time_tag(day: date) -> str:
    """A ``<time>`` element for ``day``."""
    return f'<time datetime="{day.isoformat()}">{format_date(day)}</time>'


def format_number(value: float | int) -> str:
    """``1234`` -> ``1,234``; ``35.0`` -> ``35``; ``2.50`` -> ``2.5``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def with_unit(value: float | int, unit: str) -> str:
    """``35`` with ``%`` -> ``35%``; with ``£`` -> ``£35``; with ``patients`` -> ``35 patients``."""
    number = format_number(value)
    if unit == "%":
        return f"{number}%"
    if unit == "£":
        return f"£{number}"
    return f"{number} {unit}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``1 case study``, ``2 case studies``."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"


# Generated HTML travels around Markdown, not through it: Python-Markdown's HTML
# block parser was most of the build time at scale, and it has nothing to do with
# HTML the hub wrote itself. ``raw`` marks such HTML; ``extract_raw`` swaps each
# block for a token paragraph before Markdown runs; ``restore_raw`` puts it back.
RAW_OPEN, RAW_CLOSE = "\ue000", "\ue001"  # private-use characters: never in content
RAW = re.compile(RAW_OPEN + r"(.*?)" + RAW_CLOSE, re.S)


class LostBlock(Exception):
    """Markdown did not keep a token in place (for example inside an indented block)."""


def raw(html: str) -> str:
    """``html`` marked to bypass Markdown, as a block of its own."""
    return f"\n\n{RAW_OPEN}{html}{RAW_CLOSE}\n\n"


def _token(index: int) -> str:
    return f"hubrawblock{index:06d}"


def extract_raw(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with each raw block replaced by a token paragraph, and the blocks."""
    blocks: list[str] = []

    def replace(match: re.Match[str]) -> str:
        blocks.append(match.group(1))
        return f"\n\n{_token(len(blocks) - 1)}\n\n"

    return RAW.sub(replace, markdown), blocks


def restore_raw(html: str, blocks: list[str]) -> str:
    """Put each block back where Markdown left its token."""
    for index, block in enumerate(blocks):
        token = _token(index)
        wrapped = f"<p>{token}</p>"
        if wrapped in html:
            html = html.replace(wrapped, block, 1)
        elif token in html:
            html = html.replace(token, block, 1)
        else:
            raise LostBlock(f"generated block {index} was lost in Markdown")
    return html
