"""The Jinja environment every page fragment is rendered with: autoescaped, strict.

Templates live in ``templates/``. Contributor text is escaped by Jinja on its
way into any template, so no field can inject markup; HTML the hub made itself
is passed as ``Markup``. Undefined names are errors, not silent blanks.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, Template
from jinja2.bccache import Bucket
from markupsafe import Markup

from hub import text, urls

TEMPLATES = Path(__file__).resolve().parent / "templates"


class KeptBytecode(BytecodeCache):
    """Compiled templates kept in memory, by the template's name and file: handed from one process to another
    (``kept``), and kept from build to build. Each is checked against its template's source when loaded."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


COMPILED = KeptBytecode()  # the hub's templates, compiled


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=COMPILED,
        autoescape=True,  # .html and .svg alike: everything here is markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals.update(rel=urls.relative, urls=urls, plural=text.plural)
    env.filters.update(
        date=text.format_date,
        month=text.format_month,
        with_unit=text.with_unit,
        source_label=urls.source_label,
        urlencode_plus=urlencode,
        pair_with_id=lambda term: (
            term,
            term.id,
        ),  # a form option: (term, the value the file gets)  # query strings as forms send them: spaces as '+'
    )
    return env


def compile_all() -> int:
    """Compile every template now (a second process forked after this has them compiled); how many."""
    env = environment()
    names = env.list_templates()
    for name in names:
        env.get_template(name)
    return len(names)


def template(name: str) -> Template:
    return environment().get_template(name)


def render(name: str, **context: Any) -> str:
    """The template ``name`` rendered with ``context``, as a plain string."""
    return str(template(name).render(**context))


@cache
def macro(name: str, macro_name: str) -> Any:
    """A macro of template ``name``, to call from Python; it returns ``Markup``.

    Looked up once per process: finding a template checks its file on disk, which cost
    more than rendering a card. (Restart ``mkdocs serve`` after editing a template, as
    after editing any hook code.)
    """
    return getattr(template(name).module, macro_name)


__all__ = ["Markup", "macro", "render", "template"]
