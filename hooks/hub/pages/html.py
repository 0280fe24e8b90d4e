"""HTML the hub writes, on its way through Markdown: escaping and raw blocks.

Every value that comes from a contributor is escaped before it reaches a page:
by the templates' autoescape, or by ``esc`` and ``md_escape`` here.
"""

from __future__ import annotations

import html
import re

# Characters Python-Markdown would treat as syntax in a heading.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def esc(text: object) -> str:
    """HTML-escape ``text`` (quotes too, so it is safe in attributes)."""
    return html.escape(str(text), quote=True)


def md_escape(text: str) -> str:
    """``text`` as literal characters inside a Markdown paragraph or heading."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", esc(unmarked(text)))


# Generated HTML travels around Markdown, not through it: Python-Markdown's HTML
# block parser was most of the build time at scale, and it has nothing to do with
# HTML the hub wrote itself. ``raw`` marks such HTML; ``extract_raw`` swaps each
# block for a token paragraph before Markdown runs; ``restore_raw`` puts it back.
RAW_OPEN, RAW_CLOSE = "\ue000", "\ue001"  # private-use characters: never in content
RAW = re.compile(RAW_OPEN + r"(.*?)" + RAW_CLOSE, re.S)


def unmarked(text: str) -> str:
    """Contributed text without the marks of generated HTML (each becomes U+FFFD): the validator refuses
    private-use characters, and even unvalidated text can never mark HTML of its own to bypass Markdown."""
    return text.replace(RAW_OPEN, "\ufffd").replace(RAW_CLOSE, "\ufffd")


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
