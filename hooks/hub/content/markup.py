"""Markup by allow-list: render a body as the site does, and find what the sanitiser would strip.

What is allowed is decided from what is rendered, after character references
are decoded, never from the source text alone: ``&#106;avascript:`` is a
``javascript:`` address. The body goes through Python-Markdown with the site's
extensions, then through nh3 (a maintained sanitiser on html5ever, which
parses HTML as browsers do) twice: once keeping everything, once with the
allow-list of ``data/safety.yml``. Each element, attribute, class or address
the second drops is a finding, placed on the source line where it is written.
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser

import markdown
import nh3

from hub.content.body import mark_code
from hub.content.rules import Finding, MarkupRules

INLINE_CODE = re.compile(r"(`+).+?\1")
TAG_NAME = re.compile(r"<\s*([A-Za-z][^\s/>]*)")
ANY_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
ADDRESS = re.compile(r"\b(?:href|src)\s*=", re.IGNORECASE)  # counted before and after parsing
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Elements without an end tag in HTML's serialisation (html5ever writes these alone).
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    }
)


def blank_code(body: str) -> str:
    """``body`` with fenced code blocks and inline code replaced by spaces, keeping every offset."""
    kept = [
        " " * len(line) if in_code else INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
        for line, in_code in mark_code(body.split("\n"))
    ]
    return "\n".join(kept)


def find_markup(rules: MarkupRules, body: str) -> list[Finding]:
    """Everything in ``body``'s rendered HTML that the allow-list does not allow, placed in ``body``."""
    # A code fence's {...} would set attributes on the block: reported where written, and left out of
    # the render, so that the rest is checked as the form's engine checks it.
    fenced = [Finding(m.start(1), "code-attributes", m.group(1)) for m in rules.fence_attributes.finditer(body)]
    if fenced:
        body = rules.fence_attributes.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)], body)
    # Without '<' there is no HTML, and without ']' no Markdown link, image or reference: nothing to strip.
    if "<" not in body and "]" not in body:
        return fenced
    rendered, references = render_markdown_with_references(rules.render_with, body)
    kept_html, allowed_html = _clean_keeping_everything(rules, rendered), _clean(rules, rendered)
    findings: list[Finding] = list(_unbalanced(rules, rendered))
    if kept_html != allowed_html:  # the same serialisation twice: nothing was stripped
        kept = _parse(kept_html, rules.remove_with_content)
        findings += _compare(rules, kept, _parse(allowed_html, rules.remove_with_content))
    if len(ADDRESS.findall(kept_html)) != len(ADDRESS.findall(rendered)):  # an address did not survive parsing
        findings += _unparsable_addresses(rules, _parse(rendered, frozenset()), _parse(kept_html, frozenset()))
    if any(m.group(1).lower() not in rules.elements for m in TAG_NAME.finditer(rendered)):  # any tag to drop
        findings += _dropped_elements(rules, rendered, kept_html)
    # A reference definition counts even when this text does not use it: on a page, another text (an
    # adoption note under its case study) can.
    reported = {(f.rule, f.found) for f in findings}
    findings += [f for f in _reference_findings(rules, references) if (f.rule, f.found) not in reported]
    # Parsing can make two elements of one tag (a <b> left open is opened again after its paragraph):
    # each tag as written is reported once.
    return fenced + list(dict.fromkeys(place(findings, blank_code(body))))


@functools.cache
def _markdown(extensions: tuple[str, ...]) -> markdown.Markdown:
    return markdown.Markdown(extensions=list(extensions))


def render_markdown(extensions: tuple[str, ...], body: str) -> str:
    """``body`` as HTML, with the extensions the site renders with."""
    return render_markdown_with_references(extensions, body)[0]


def render_markdown_with_references(extensions: tuple[str, ...], body: str) -> tuple[str, list[str]]:
    """``body`` as HTML, and the address of every reference definition in it (``[id]: address``)."""
    converter = _markdown(extensions)
    converter.reset()
    rendered = converter.convert(body)
    return rendered, [address for address, _title in converter.references.values()]


def _reference_findings(rules: MarkupRules, addresses: Iterable[str]) -> Iterator[Finding]:
    """Each reference definition's address that may not be used, read as a link would read it."""
    for address in addresses:
        for value in dict.fromkeys((address, MARKDOWN_ESCAPE.sub(r"\1", html.unescape(address)))):
            problem = check_url(rules, value)
            if problem:
                yield Finding(0, problem[0], problem[1], element="a")
                break


class _Tags(HTMLParser):
    """Start and end tags as written in rendered HTML (no tree building): (name, is_end)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, False))

    def handle_endtag(self, tag: str) -> None:
        self.tags.append((tag, True))


def _unbalanced(rules: MarkupRules, rendered: str) -> Iterator[Finding]:
    """Allowed elements left open, or closed without being opened, in the rendered HTML (any other element
    is refused already). Markdown's own HTML is balanced, so these were written by hand: an <a> left open
    makes a link of everything after it on the page, other people's notes included."""
    parser = _Tags()
    parser.feed(rendered)
    parser.close()
    open_tags: list[str] = []
    for tag, is_end in parser.tags:
        if tag in VOID or tag not in rules.elements:
            continue
        if not is_end:
            open_tags.append(tag)
        elif tag in open_tags:
            while (top := open_tags.pop()) != tag:
                yield Finding(0, "unbalanced-element", top)
        else:
            yield Finding(0, "unbalanced-element", tag)
    for tag in reversed(open_tags):
        yield Finding(0, "unbalanced-element", tag)


def _clean_keeping_everything(rules: MarkupRules, rendered: str) -> str:
    """The rendered HTML as html5ever parses it, with every element, attribute and scheme in it kept."""
    tags = {m.group(1).lower() for m in TAG_NAME.finditer(rendered)} | rules.elements
    # Every scheme a browser could read in an address: character references decoded, tabs and newlines gone.
    decoded = re.sub(r"[\t\n\r]", "", html.unescape(rendered))
    schemes = {m.group(1).lower() for m in ANY_SCHEME.finditer(decoded)} | rules.schemes
    return nh3.clean(
        rendered,
        tags=tags,
        clean_content_tags=set(),
        attributes={},
        generic_attribute_prefixes={""},
        url_schemes=schemes,
        link_rel=None,
        strip_comments=False,
    )


def _clean(rules: MarkupRules, rendered: str) -> str:
    """The rendered HTML with only what the allow-list allows."""

    def filter_value(tag: str, attribute: str, value: str) -> str | None:
        if rules.url_attributes.get(tag) == attribute and is_offsite_relative(rules, value):
            return None  # the sanitiser passes every relative address; //host is another site
        if attribute == "class" and tag in rules.class_prefixes:
            kept = " ".join(name for name in value.split() if rules.allows_class(tag, name))
            return kept or None
        return value

    attributes = {tag: set(names) for tag, names in rules.attributes.items()}
    attributes["*"] = set()  # none on every element: the sanitiser's default would allow lang and title
    for tag in rules.class_prefixes:
        attributes.setdefault(tag, set()).add("class")  # filtered by prefix in filter_value
    return nh3.clean(
        rendered,
        tags=set(rules.elements),
        clean_content_tags=set(rules.remove_with_content),
        attributes=attributes,
        allowed_classes={tag: set(names) for tag, names in rules.classes.items()},
        url_schemes=set(rules.schemes),
        link_rel=None,
        strip_comments=False,
        attribute_filter=filter_value,
    )


def normalise_url(rules: MarkupRules, value: str) -> str:
    """An address as a browser reads it: surrounding spaces and controls gone, tabs and newlines removed."""
    return rules.url_remove.sub("", rules.url_trim.sub("", value))


def is_offsite_relative(rules: MarkupRules, value: str) -> bool:
    """``//example.org/x`` (or ``\\\\example.org``): no scheme, yet another site."""
    return normalise_url(rules, value).replace("\\", "/").startswith("//")


def check_url(rules: MarkupRules, value: str) -> tuple[str, str] | None:
    """Why an address may not be used, as (rule, what to quote), or None if it may."""
    url = normalise_url(rules, value)
    scheme = rules.url_scheme.match(url)
    if scheme:
        name = scheme.group(1).lower()
        if name in rules.schemes:
            return None
        return ("insecure-link", value.strip()) if name == "http" else ("link-scheme", name)
    if is_offsite_relative(rules, value):
        return ("offsite-link", value.strip())
    return None


# --- Comparing what is kept with what is allowed ---------------------------------


class _Element:
    __slots__ = ("tag", "attributes", "removed_with_parent")

    def __init__(self, tag: str, attributes: dict[str, str], removed_with_parent: bool) -> None:
        self.tag, self.attributes, self.removed_with_parent = tag, attributes, removed_with_parent


class _Collector(HTMLParser):
    """The elements of html5ever's serialisation, in order, and its text outside removed content."""

    def __init__(self, remove_with_content: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.remove_with_content = remove_with_content
        self.elements: list[_Element] = []
        self.text: list[str] = []
        self._open: list[str] = []

    def _inside_removed(self) -> bool:
        return any(tag in self.remove_with_content for tag in self._open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(_Element(tag, {k: v or "" for k, v in attrs}, self._inside_removed()))
        if tag not in VOID:
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(_Element(tag, {k: v or "" for k, v in attrs}, self._inside_removed()))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self._inside_removed():
            self.text.append(data)


def _parse(serialised: str, remove_with_content: frozenset[str]) -> _Collector:
    collector = _Collector(remove_with_content)
    collector.feed(serialised)
    collector.close()
    return collector


def _compare(rules: MarkupRules, kept: _Collector, allowed: _Collector) -> Iterator[Finding]:
    """What ``allowed`` lost from ``kept``: elements, then each kept element's attributes and classes.

    Fails closed: if the two cannot be lined up, or text differs, that is a finding too.
    """
    later = iter(allowed.elements)
    findings = 0
    for element in kept.elements:
        if element.tag not in rules.elements:
            if not element.removed_with_parent:
                findings += 1
                yield Finding(0, _element_rule(rules, element.tag), element.tag)
            continue
        if element.removed_with_parent:
            continue
        match = next(later, None)
        if match is None or match.tag != element.tag:
            yield Finding(0, "changed-markup", element.tag)
            return
        for finding in _attribute_findings(rules, element, match):
            findings += 1
            yield finding
    if next(later, None) is not None or (not findings and "".join(kept.text) != "".join(allowed.text)):
        yield Finding(0, "changed-markup", "")


def _unparsable_addresses(rules: MarkupRules, written: _Collector, kept: _Collector) -> Iterator[Finding]:
    """Addresses the sanitiser drops even when keeping everything, because it cannot parse them: each is
    reported rather than trusted to browsers reading it the same way (failing closed)."""
    kept_values = Counter(_addresses(rules, kept))
    for tag, value in _addresses(rules, written):
        if kept_values[(tag, value)]:
            kept_values[(tag, value)] -= 1
            continue
        rule, found = check_url(rules, value) or ("invalid-link", value.strip())
        yield Finding(0, rule, found, element=tag)


def _addresses(rules: MarkupRules, collected: _Collector) -> Iterator[tuple[str, str]]:
    for element in collected.elements:
        name = rules.url_attributes.get(element.tag)
        if name is not None and name in element.attributes:
            yield element.tag, element.attributes[name]


def _dropped_elements(rules: MarkupRules, rendered: str, kept_html: str) -> Iterator[Finding]:
    """Start tags the sanitiser's parser drops but that still act in a page: a <body onload> in the text
    gives its attributes to the page's own body. Each such tag outside the allow-list is a finding."""
    written = Counter(e.tag for e in _parse(rendered, frozenset()).elements)
    kept = Counter(e.tag for e in _parse(kept_html, frozenset()).elements)
    for tag, count in sorted(written.items()):
        if tag not in rules.elements and count > kept[tag]:
            for _ in range(count - kept[tag]):
                yield Finding(0, _element_rule(rules, tag), tag)


def _element_rule(rules: MarkupRules, tag: str) -> str:
    if tag in rules.active:
        return "active-element"
    return "page-element" if tag in rules.page_changing else "element"


def _attribute_findings(rules: MarkupRules, kept: _Element, allowed: _Element) -> Iterator[Finding]:
    for name, value in kept.attributes.items():
        if name in allowed.attributes and allowed.attributes[name] == value:
            continue
        if name == "class" and (kept.tag in rules.classes or kept.tag in rules.class_prefixes):
            remaining = set(allowed.attributes.get("class", "").split())
            for css_class in value.split():
                if css_class not in remaining:
                    yield Finding(0, "class", css_class, element=kept.tag)
        elif rules.url_attributes.get(kept.tag) == name:
            rule, found = check_url(rules, value) or ("invalid-link", value.strip())
            yield Finding(0, rule, found, element=kept.tag)
        elif name.startswith("on"):
            yield Finding(0, "event-attribute", name, element=kept.tag)
        else:
            yield Finding(0, "attribute", name, element=kept.tag)


# --- Placing findings on the source ---------------------------------------------


def place(findings: Iterable[Finding], source: str) -> list[Finding]:
    """Each finding at the offset in ``source`` (code blanked) where its markup is written, in turn:
    the second ``<style>`` found is placed at the second written. Unplaced ones stay at 0 (the body's
    first line)."""
    taken: dict[tuple[str, str, str], int] = {}
    known: dict[tuple[str, str, str], list[int]] = {}
    placed = []
    for finding in findings:
        key = (_needle_kind(finding.rule), finding.element, finding.found)
        if key not in known:
            known[key] = _occurrences(key, source)
        offsets = known[key]
        index = taken.get(key, 0)
        taken[key] = index + 1
        offset = offsets[index] if index < len(offsets) else (offsets[-1] if offsets else 0)
        placed.append(Finding(offset, finding.rule, finding.found, finding.severity, finding.element))
    return placed


def _needle_kind(rule: str) -> str:
    if rule in ("element", "active-element", "page-element"):
        return "element"
    if rule in ("attribute", "event-attribute"):
        return "attribute"
    if rule == "link-scheme":
        return "scheme"
    if rule in ("insecure-link", "offsite-link", "invalid-link"):
        return "address"
    if rule == "unbalanced-element":
        return "tag"
    return rule


def _occurrences(key: tuple[str, str, str], source: str) -> list[int]:
    kind, element, found = key
    if kind in ("element", "tag"):  # a start tag; for "tag", an end tag too
        end = "/?" if kind == "tag" else ""
        return [m.start() for m in re.finditer(rf"<{end}{re.escape(found)}(?![A-Za-z0-9:-])", source, re.IGNORECASE)]
    if kind in ("attribute", "class"):
        name = "class" if kind == "class" else found
        tags = re.finditer(rf"<{re.escape(element)}(?![A-Za-z0-9:-])[^<>]*>?", source, re.IGNORECASE)
        within = re.compile(rf"(?<=[\s/\"'])({re.escape(name)})(?=[\s=/>]|$)", re.IGNORECASE)
        found_in = re.compile(re.escape(found))
        return [
            tag.start() + hit.start()
            for tag in tags
            for hit in within.finditer(tag.group(0))
            if kind == "attribute" or found_in.search(tag.group(0), hit.end())
        ]
    if kind in ("address", "scheme"):
        return _address_occurrences(found + ":" if kind == "scheme" else found, source)
    return []


def _address_occurrences(needle: str, source: str) -> list[int]:
    """The start of each line that holds ``needle`` (an address, or a scheme and its colon) once decoded."""
    offsets, at = [], 0
    needle = needle.lower()
    for line in source.split("\n"):
        decoded = re.sub(r"[\t\r]", "", html.unescape(line)).lower()  # as raw HTML would have it
        unescaped = MARKDOWN_ESCAPE.sub(r"\1", decoded)  # as a Markdown link would
        offsets += [at] * max(decoded.count(needle), unescaped.count(needle))
        at += len(line) + 1
    return offsets
