"""The safety rule set, read once from ``data/safety.yml``: one home for the validator and the form.

The validator compiles its patterns here; the build writes the same file into
the submit page as JSON (``SafetyRules.data``) for the form's checks. Patterns
are compiled with ``re.ASCII`` so that they mean what they mean in JavaScript.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hub.content.problems import Severity

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "safety.yml"
CLASS_SUFFIX = re.compile(r"[A-Za-z0-9_+#.-]+")  # what may follow an allowed class prefix
PATTERN_ORDER = ("nhs-number", "phone", "email", "date-of-birth", "patient")  # the order findings are reported in


@dataclass(frozen=True, order=True)
class Finding:
    """One thing a rule found in a text: the rule, what it found, and where (an offset into the text)."""

    offset: int
    rule: str  # "nhs-number", "element", "link-scheme", ...
    found: str  # as the messages quote it: the text matched, an element's or attribute's name, an address
    severity: Severity = "error"
    element: str = ""  # the element an attribute or class was on

    @property
    def verdict(self) -> tuple[str, str, str]:
        """What both engines must agree on: the rule, what it found, and how serious it is."""
        return (self.rule, self.found, self.severity)


class RulesError(Exception):
    """The rule set cannot be read; its message says what is wrong."""


@dataclass(frozen=True)
class Wording:
    """What a rule says: the validator's message, the form's, and the problem's field."""

    message: str
    form: str
    field: str = "body"
    severity: Severity = "error"


@dataclass(frozen=True)
class PatternRule:
    """A pattern for patient data or contact details, and what to say when it matches."""

    id: str
    regex: re.Pattern[str]
    wording: Wording


@dataclass(frozen=True)
class UkPhone:
    """Which digit runs are UK telephone numbers."""

    after_zero: str
    lengths: tuple[int, ...]
    country_code: str


@dataclass(frozen=True)
class MarkupRules:
    """What rendered Markdown may contain: elements, attributes, classes and URL schemes."""

    def allows_class(self, tag: str, name: str) -> bool:
        """Whether ``name`` is an allowed class of ``tag``: listed, or a listed prefix then a word."""
        if name in self.classes.get(tag, ()):
            return True
        prefixes = self.class_prefixes.get(tag, ())
        return any(name.startswith(p) and CLASS_SUFFIX.fullmatch(name[len(p) :]) for p in prefixes)

    render_with: tuple[str, ...]
    elements: frozenset[str]
    attributes: Mapping[str, frozenset[str]]
    classes: Mapping[str, frozenset[str]]
    class_prefixes: Mapping[str, tuple[str, ...]]
    url_attributes: Mapping[str, str]
    schemes: frozenset[str]
    url_trim: re.Pattern[str]
    url_remove: re.Pattern[str]
    url_scheme: re.Pattern[str]
    active: frozenset[str]
    page_changing: frozenset[str]
    remove_with_content: frozenset[str]
    fence_attributes: re.Pattern[str]
    wordings: Mapping[str, Wording]


@dataclass(frozen=True)
class SafetyRules:
    """The whole rule set, compiled; ``data`` is the file as read, for the form."""

    patterns: tuple[PatternRule, ...]
    uk_phone: UkPhone
    control: re.Pattern[str]
    control_wording: Wording
    plain_text: re.Pattern[str]
    plain_text_wording: Wording
    markup: MarkupRules
    data: Mapping[str, Any]

    def pattern(self, rule_id: str) -> PatternRule:
        """The pattern rule called ``rule_id``."""
        return next(p for p in self.patterns if p.id == rule_id)


def compile_pattern(pattern: str, flags: str = "") -> re.Pattern[str]:
    """A pattern as JavaScript reads it: ASCII classes, and ``i`` to ignore case."""
    return re.compile(pattern, re.ASCII | (re.IGNORECASE if "i" in flags else 0))


def load_rules(path: Path = DEFAULT_PATH) -> SafetyRules:
    """The rule set in ``path``; raises ``RulesError`` naming the file and what is wrong."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return parse_rules(data)
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, re.error) as exc:
        raise RulesError(f"{path}: cannot be read as the safety rule set ({type(exc).__name__}: {exc})") from exc


@functools.cache
def default_rules() -> SafetyRules:
    """The shipped rule set (for callers that have no contract at hand)."""
    return load_rules()


def parse_rules(data: dict[str, Any]) -> SafetyRules:
    """Compile the rule set from its data."""
    patterns = tuple(
        PatternRule(rule_id, compile_pattern(spec["pattern"], spec.get("flags", "")), _wording(spec))
        for rule_id in PATTERN_ORDER
        for spec in (data["patterns"][rule_id],)
    )
    phone = data["uk_phone"]
    control, plain = data["control_characters"], data["plain_text"]
    return SafetyRules(
        patterns=patterns,
        uk_phone=UkPhone(str(phone["after_zero"]), tuple(int(n) for n in phone["lengths"]), str(phone["country_code"])),
        control=compile_pattern(control["pattern"]),
        control_wording=Wording(control["message"], control["form"], "text"),
        plain_text=compile_pattern(plain["pattern"]),
        plain_text_wording=Wording(plain["message"], plain["form"], "text"),
        markup=_markup(data["markup"]),
        data=data,
    )


def _wording(spec: dict[str, Any]) -> Wording:
    severity = spec.get("severity", "error")
    if severity not in ("error", "warning"):
        raise ValueError(f"severity must be error or warning, not {severity!r}")
    return Wording(str(spec["message"]), str(spec["form"]), str(spec.get("field", "body")), severity)


def _markup(spec: dict[str, Any]) -> MarkupRules:
    return MarkupRules(
        render_with=tuple(spec["render_with"]),
        elements=frozenset(spec["elements"]),
        attributes={tag: frozenset(names) for tag, names in spec["attributes"].items()},
        classes={tag: frozenset(names) for tag, names in spec["classes"].items()},
        class_prefixes={tag: tuple(prefixes) for tag, prefixes in spec["class_prefixes"].items()},
        url_attributes=dict(spec["url_attributes"]),
        schemes=frozenset(spec["schemes"]),
        url_trim=compile_pattern(spec["url_trim"]),
        url_remove=compile_pattern(spec["url_remove"]),
        url_scheme=compile_pattern(spec["url_scheme"]),
        active=frozenset(spec["active"]),
        page_changing=frozenset(spec["page_changing"]),
        remove_with_content=frozenset(spec["remove_with_content"]),
        fence_attributes=re.compile(spec["fence_attributes"], re.ASCII | re.MULTILINE),
        wordings={name: _wording(w) for name, w in spec["messages"].items()},
    )
