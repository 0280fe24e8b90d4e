"""News posts (Material's blog in docs/news/posts/), read for listings and the feed.

The blog plugin owns the posts' pages and checks their front matter; this
module only reads what listings need. A post it cannot read is left to the
blog plugin to report, which fails the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from hub.content.fields import parse_date
from hub.content.frontmatter import decode, parse_document


@dataclass(frozen=True)
class NewsPost:
    src_uri: str  # e.g. news/posts/hub-launch.md
    title: str
    created: date
    updated: date
    description: str
    categories: tuple[str, ...] = ()
    pin: bool = False


def load_news(posts_dir: Path, docs_dir: Path) -> list[NewsPost]:
    """Every readable post under ``posts_dir``, pinned first, then newest first."""
    posts = []
    for path in sorted(posts_dir.rglob("*.md")) if posts_dir.is_dir() else []:
        text, _ = decode(path.read_bytes(), str(path))
        document = parse_document(text, str(path))[0] if text is not None else None
        if document is None:
            continue
        post = _post(document.data, document.body, path.relative_to(docs_dir).as_posix())
        if post is not None:
            posts.append(post)
    return sorted(posts, key=lambda p: (p.pin, p.created, p.title), reverse=True)


def _post(data: dict[str, Any], body: str, src_uri: str) -> NewsPost | None:
    raw = data.get("date")
    created = parse_date(raw.get("created") if isinstance(raw, dict) else raw)
    if created is None:
        return None
    updated = parse_date(raw.get("updated")) if isinstance(raw, dict) else None
    heading = re.search(r"^#\s+(.+)$", body, re.MULTILINE)
    title = str(data.get("title") or (heading.group(1) if heading else src_uri))
    categories = data.get("categories") if isinstance(data.get("categories"), list) else []
    return NewsPost(
        src_uri=src_uri,
        title=title,
        created=created,
        updated=updated or created,
        description=str(data.get("description") or ""),
        categories=tuple(str(c) for c in categories),
        pin=data.get("pin") is True,
    )
