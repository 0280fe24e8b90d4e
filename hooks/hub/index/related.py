"""Related case studies: shared themes, areas, settings and distinctive words, then recency.

Computed once per build from the indexes, never by comparing every pair of case
studies: each case study looks only at the newest ``PER_TERM`` case studies of
each of its themes, areas, settings and distinctive words, so the work grows
with N times the number of terms, not with N squared.

A distinctive word is one of a title or summary that few case studies use
("prescribing", not "care"), so two case studies about social prescribing
relate even when their themes and places differ.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence

from hub.content.records import CaseStudy
from hub.index.groups import Indexes
from hub.index.words import words_of

LIMIT = 5
PER_TERM = 50
# What each shared thing is worth: a theme says most about what the work was.
# A distinctive word or pair of words ("social prescribing") says as much as a theme.
WEIGHTS = {"theme": 3, "word": 3, "area": 2, "setting": 1}
# A word used by more case studies than this share of them (or than RARE_AT_LEAST) is not distinctive.
RARE_SHARE = 0.15
RARE_AT_LEAST = 3
SHORTEST_WORD = 4
# Common words of any title, and the words of every primary-care title (practice, network, team...):
# shared by chance, they would relate case studies that have nothing else in common.
STOP_WORDS = frozenset(
    "with from that this their them they were have been into across after before over under than also more "
    "most such which what where when while through about between within around using used each every "
    "primary care general practice practices network networks team teams working work service services "
    "health community patients people local london sector voluntary council borough programme support "
    "clinical commissioning group groups partnership".split()
)


def distinctive_words(record: CaseStudy) -> frozenset[str]:
    """The words of a title and summary that could be distinctive (long enough, not a common word), and
    each pair of them that stand together ("social prescribing")."""
    words = words_of(f"{record.title} {record.summary}")
    kept = [w if len(w) >= SHORTEST_WORD and w not in STOP_WORDS and not w.isdigit() else "" for w in words]
    pairs = {f"{a} {b}" for a, b in zip(kept, kept[1:], strict=False) if a and b}
    return frozenset({w for w in kept if w} | pairs)


def group_by_word(case_studies: Sequence[CaseStudy]) -> dict[str, list[CaseStudy]]:
    """Case studies by each distinctive word they use, newest first; words too common to mean much left out."""
    ordered = sorted(case_studies, key=lambda c: c.sort_key)
    by_word: dict[str, list[CaseStudy]] = defaultdict(list)
    for record in ordered:
        for word in distinctive_words(record):
            by_word[word].append(record)
    most = max(RARE_AT_LEAST, int(len(case_studies) * RARE_SHARE))
    return {word: group for word, group in by_word.items() if 1 < len(group) <= most}


def find_related(
    case_studies: Sequence[CaseStudy], indexes: Indexes, limit: int = LIMIT, per_term: int = PER_TERM
) -> dict[str, tuple[CaseStudy, ...]]:
    """Up to ``limit`` related case studies for each one, by stem: the most shared weight first."""
    by_stem = {c.stem: c for c in case_studies}
    # Each record's place in the collection's order, worked out once: sort_key builds a tuple on every call.
    order = {c.stem: c.sort_key for c in case_studies}
    by_word = group_by_word(case_studies)
    # The stems of each group's newest ``per_term``, each as often as the group's kind weighs, worked out once per
    # group (many case studies share a theme or an area): counted by Counter.update, which counts a list in C.
    heads: dict[tuple[str, int], list[str]] = {}

    def head(kind: str, group: list[CaseStudy]) -> list[str]:
        key = (kind, id(group))  # the groups live as long as this call
        if key not in heads:
            heads[key] = [other.stem for other in group[:per_term]] * WEIGHTS[kind]
        return heads[key]

    related: dict[str, tuple[CaseStudy, ...]] = {}
    for record in case_studies:
        shared: Counter[str] = Counter()
        groups = (
            [("theme", indexes.themes[t]) for t in record.themes]
            + [("area", indexes.areas[a]) for a in record.areas]
            + [("setting", indexes.settings[s]) for s in record.settings]
            + [("word", by_word[w]) for w in distinctive_words(record) if w in by_word]
        )
        for kind, group in groups:
            shared.update(head(kind, group))
        shared.pop(record.stem, None)  # counted with the others, not related to itself
        # Only stems that share at least the ``limit``-th most can be among the first ``limit``.
        least, left = 0, limit
        for count, stems in sorted(Counter(shared.values()).items(), reverse=True):
            least, left = count, left - stems
            if left <= 0:
                break
        likely = [stem for stem, count in shared.items() if count >= least]
        ranked = heapq.nsmallest(limit, likely, key=lambda stem: (-shared[stem], order[stem]))
        related[record.stem] = tuple(by_stem[stem] for stem in ranked)
    return related
