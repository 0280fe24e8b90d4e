"""Synonyms: phrases readers type for the same thing, from ``data/synonyms.yml``.

The search index uses them at index time: a page that uses one phrase of a
group is also indexed under the others (``outputs.search``), so "social
prescription" finds pages about social prescribing with no work in the
reader's browser. Matching ignores letter case and takes whole words only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from hub.content.taxonomy import TaxonomyError

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "synonyms.yml"
WORD = re.compile(r"\w+")


class SynonymError(TaxonomyError):
    """The synonyms file is broken; ``messages`` lists every mistake. Part of the contract, so a
    broken file stops the build the way a broken taxonomy does."""


@dataclass(frozen=True)
class Synonyms:
    """Groups of phrases that mean the same, each phrase as written in the file."""

    groups: tuple[tuple[str, ...], ...]

    def expansions(self, text: str) -> tuple[str, ...]:
        """The phrases ``text`` does not use, of every group of which it uses at least one."""
        # A phrase can match only where the text has each of its words: most phrases are ruled out by a
        # set lookup, and only the rest searched for (a search per phrase per page cost a fifth of a build).
        words = frozenset(WORD.findall(text.lower()))
        found: list[str] = []
        for group in self.groups:
            used = [p for p in group if _words(p) <= words and _pattern(p).search(text)]
            if used:
                found += [p for p in group if p not in used]
        return tuple(found)

    @property
    def phrases(self) -> tuple[str, ...]:
        return tuple(p for group in self.groups for p in group)


@cache
def _words(phrase: str) -> frozenset[str]:
    """The runs of word characters in ``phrase``, in lower case: each is a whole word of any text it matches
    (``_pattern`` allows no word character before or after the phrase, and spaces between its words)."""
    return frozenset(WORD.findall(phrase.lower()))


@cache
def _pattern(phrase: str) -> re.Pattern[str]:
    """``phrase`` as whole words, any case, any run of spaces between words."""
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"(?<![\w&])" + r"\s+".join(words) + r"(?![\w&])", re.IGNORECASE)


def parse_synonyms(data: Any, source: str = "synonyms") -> Synonyms:
    """``Synonyms`` from loaded YAML, or ``SynonymError`` with every mistake."""
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise SynonymError([f"{source}: must be a mapping with a list of groups"])
    errors: list[str] = []
    groups: list[tuple[str, ...]] = []
    owner: dict[str, int] = {}
    for number, item in enumerate(data["groups"], 1):
        where = f"{source}: groups[{number}]"
        phrases = item.get("phrases") if isinstance(item, dict) else None
        texts = isinstance(phrases, list) and all(isinstance(p, str) and p.strip() for p in phrases)
        if not texts or len(phrases) < 2:
            errors.append(f"{where}: phrases must be a list of two or more phrases")
            continue
        if not isinstance(item.get("why"), str) or not item["why"].strip():
            errors.append(f"{where}: why: say why these phrases belong together")
        for phrase in phrases:
            first = owner.setdefault(phrase.casefold(), number)
            if first != number:
                errors.append(f"{where}: '{phrase}' is already in groups[{first}]")
        groups.append(tuple(p.strip() for p in phrases))
    if errors:
        raise SynonymError(errors)
    return Synonyms(tuple(groups))


@cache
def load_synonyms(path: Path = DEFAULT_PATH) -> Synonyms:
    """Read and check the synonyms file (once per process for each path)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SynonymError([f"{path}: cannot read the synonyms: {exc}"]) from exc
    return parse_synonyms(data, str(path))
