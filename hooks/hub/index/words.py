"""The search vocabulary and "did you mean": the words a reader is likely to type, and the
closest of them to a word the index does not know.

The build writes the vocabulary (``outputs.search.render_search_words``) from
titles, summaries and the names of areas, ICSs, themes, settings and
organisations, plus the synonyms; ``assets/search.js`` suggests from it in the
reader's browser with the same rules as ``suggest`` here (tests run both on the
same real misspellings).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from hub.content.records import CaseStudy, Resource
from hub.content.taxonomy import Taxonomy
from hub.index.synonyms import Synonyms

WORD = re.compile(r"[a-z0-9]+")
# Shorter words are never corrected: "ae" or "gp" are too close to too much.
SHORTEST = 3


def words_of(text: str) -> list[str]:
    """``text`` as lower-case words without accents: "Hammersmith & Fulham" -> ["hammersmith", "fulham"]."""
    plain = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode("ascii")
    return WORD.findall(plain)


def build_vocabulary(texts: Iterable[str]) -> dict[str, int]:
    """Every word of ``texts`` (two letters or more) with how often it occurs, most frequent first."""
    counts = Counter(w for text in texts for w in words_of(text) if len(w) >= 2)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def hub_vocabulary(
    case_studies: Sequence[CaseStudy], resources: Sequence[Resource], taxonomy: Taxonomy, synonyms: Synonyms
) -> dict[str, int]:
    """The words a reader is likely to type: titles, summaries, organisations, the names (and other
    spellings) of areas, ICSs, themes and settings, and every synonym."""
    texts: list[str] = []
    for record in case_studies:
        texts += [record.title, record.summary, record.organisation]
    for resource in resources:
        texts += [resource.title, resource.summary, resource.provider]
    for key in ("areas", "ics", "themes", "settings", "statuses", "evidence"):
        texts += [s for term in taxonomy.vocabulary(key) for s in (term.name, *term.aliases)]
    texts += synonyms.phrases
    return build_vocabulary(texts)


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) that turn ``a`` into ``b``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def allowed_distance(word: str) -> int:
    """How many edits a suggestion may be away: one for short words, two up to eight letters, then three."""
    return 1 if len(word) <= 4 else 2 if len(word) <= 8 else 3


def is_known(word: str, vocabulary: Mapping[str, int]) -> bool:
    """A word of the vocabulary, the start of one (the reader is still typing), or too short to judge."""
    return len(word) < SHORTEST or word in vocabulary or any(w.startswith(word) for w in vocabulary)


def suggest(word: str, vocabulary: Mapping[str, int]) -> str | None:
    """The vocabulary word closest to ``word``, if one is close enough and ``word`` is not known.

    Closest means fewest edits; then the more frequent; then the first alphabetically.
    """
    word = word.casefold()
    if is_known(word, vocabulary):
        return None
    limit = allowed_distance(word)
    best: tuple[int, int, str] | None = None
    for candidate, count in vocabulary.items():
        if len(candidate) < SHORTEST or abs(len(candidate) - len(word)) > limit:
            continue
        distance = edit_distance(word, candidate)
        if distance <= limit and (best is None or (distance, -count, candidate) < best):
            best = (distance, -count, candidate)
    return best[2] if best else None


def correct(query: str, vocabulary: Mapping[str, int]) -> str | None:
    """``query`` with each unknown word replaced by its suggestion, or None if nothing would change."""
    words = words_of(query)
    fixed = [suggest(w, vocabulary) or w for w in words]
    return " ".join(fixed) if fixed != words else None


def unknown_words(query: str, vocabulary: Mapping[str, int]) -> list[str]:
    """The words of ``query`` that the vocabulary does not know."""
    return [w for w in words_of(query) if not is_known(w, vocabulary)]
