"""Synonyms: phrases readers type for the same thing, from ``data/synonyms.yml``.

The search index uses them at index time: a page that uses one phrase of a
group is also indexed under the others (``outputs.search``), so "social
prescription" finds pages about social prescribing with no work in the
reader's browser. Matching ignores letter case and takes whole words only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property
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
        # A phrase can match only where the text has each of its words: only the phrases one of whose
        # words the text has are looked at, and only those with all of them searched for (a search per
        # phrase per page cost a fifth of a build).
        lowered = text.lower()
        words = frozenset(WORD.findall(lowered))
        used: dict[int, set[str]] = {}
        for word in [*(words & self._by_word.keys()), *([""] if "" in self._by_word else [])]:
            for number, phrase in self._by_word[word]:
                if number not in used or phrase not in used[number]:
                    if _words(phrase) <= words and _pattern(phrase).search(lowered):
                        used.setdefault(number, set()).add(phrase)
        found: list[str] = []
        for number in sorted(used):
            found += [p for p in self.groups[number] if p not in used[number]]
        return tuple(found)

    @cached_property
    def _by_word(self) -> dict[str, tuple[tuple[int, str], ...]]:
        """Each phrase (with its group's number) under the word of it that is least often in a phrase
        (under "" if it has no word characters: such a phrase is searched for in every text)."""
        count = Counter(w for group in self.groups for p in group for w in _words(p))
        by_word: dict[str, list[tuple[int, str]]] = {}
        for number, group in enumerate(self.groups):
            for phrase in group:
                rarest = min(sorted(_words(phrase)), key=count.__getitem__, default="")
                by_word.setdefault(rarest, []).append((number, phrase))
        return {word: tuple(phrases) for word, phrases in by_word.items()}

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
    """``phrase`` in lower case as whole words, any run of spaces between words: to search text in lower case.

    The pattern starts with the phrase's first word and only then looks behind it (no word character or
    "&" before it), so that the search skips ahead to each place the word is: a pattern that starts by
    looking behind, with letter case ignored, tries every character of the page (25 times slower).
    """
    first, *rest = [re.escape(w.lower()) for w in phrase.split()]
    return re.compile(first + rf"(?<![\w&]{first})" + "".join(rf"\s+{w}" for w in rest) + r"(?![\w&])")


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
