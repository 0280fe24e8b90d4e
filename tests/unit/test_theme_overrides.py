"""Templates copied from Material differ from the installed Material only where they say.

A copied template (base.html names Material's hashed asset files) goes stale
when Material is upgraded; this fails then, naming the file to copy again.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from support import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OURS = ROOT / "hooks" / "theme"
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
OUR_HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.S)

# Each copy: Material's text -> ours, for every change the copy's header names.
CHANGES = {
    "base.html": [
        (' id="__drawer" autocomplete="off">', ' id="__drawer">'),
        (' id="__search" autocomplete="off">', ' id="__search">'),
    ],
    "partials/nav-item.html": [
        (
            '          {% set tabindex = "0" if not is_section %}\n'
            '          <label class="md-nav__link" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">',
            '          <label class="md-nav__link" for="{{ path }}" id="{{ path }}_label"'
            '{% if not is_section %} tabindex="0"{% endif %}>',
        ),
        (
            '              {% set tabindex = "0" if not is_section %}\n'
            '              <label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label" '
            'tabindex="{{ tabindex }}">',
            '              <label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label"'
            '{% if not is_section %} tabindex="0"{% endif %}>',
        ),
    ],
    "partials/toc.html": [
        (
            '    <label class="md-nav__title" for="__toc">\n'
            '      <span class="md-nav__icon md-icon"></span>\n'
            "      {{ title }}\n"
            "    </label>",
            "    {% if page in nav.pages %}\n"
            '      <label class="md-nav__title" for="__toc">\n'
            '        <span class="md-nav__icon md-icon"></span>\n'
            "        {{ title }}\n"
            "      </label>\n"
            "    {% else %}\n"
            '      <div class="md-nav__title">\n'
            '        <span class="md-nav__icon md-icon"></span>\n'
            "        {{ title }}\n"
            "      </div>\n"
            "    {% endif %}",
        ),
    ],
    "blog-post.html": [
        (
            '<img src="{{ author.avatar | url }}" alt="{{ author.name }}">',
            '<img src="{{ author.avatar | url }}" alt="{{ author.name }}" width="48" height="48">',
        ),
    ],
}


@pytest.mark.parametrize("name", CHANGES)
def test_a_copied_template_is_materials_with_only_its_named_changes(name):
    theirs = (MATERIAL / name).read_text(encoding="utf-8")
    ours = (OURS / name).read_text(encoding="utf-8")
    assert theirs.startswith(GENERATED)
    assert OUR_HEADER.match(ours), f"hooks/theme/{name} starts with a comment saying what it changes"
    expected = theirs.removeprefix(GENERATED)
    for old, new in CHANGES[name]:
        assert old in expected, f"Material's {name} changed: copy it again into hooks/theme/ and redo the change"
        expected = expected.replace(old, new)
    differs = f"hooks/theme/{name} differs from Material's beyond its changes"
    assert OUR_HEADER.sub("", ours, count=1) == expected, differs


@pytest.mark.parametrize("name", CHANGES)
def test_a_copys_header_names_the_material_it_was_copied_from(name):
    header = OUR_HEADER.match((OURS / name).read_text(encoding="utf-8")).group(0)
    assert f"Material {version('mkdocs-material')}'s {name}" in header
