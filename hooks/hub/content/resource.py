"""Leadership resources: pages in docs/leadership/ with front matter like case studies."""

from __future__ import annotations

from hub.content.contract import Contract
from hub.content.fields import Context, check_front_matter, parse_date
from hub.content.files import read_front_matter, safety_problems, string_list, term_id, term_ids, text_value
from hub.content.records import Resource


def parse_resource(raw: bytes, path: str, stem: str, contract: Contract) -> Resource:
    """The record for one resource file, carrying every problem found in it."""
    text, document, problems = read_front_matter(raw, path, stem, contract.safety)
    if document is None:
        return Resource(stem=stem, path=path, title=stem, body=text or "", problems=tuple(sorted(problems)))
    ctx = Context(path, document, contract.taxonomy, contract.safety)
    problems += check_front_matter(ctx, contract.resource_schema)
    problems += safety_problems(text, document, path, contract, None)
    data, taxonomy = document.data, contract.taxonomy
    return Resource(
        stem=stem,
        path=path,
        title=text_value(data.get("title")) or stem,
        summary=text_value(data.get("summary")),
        type=term_id(data.get("type"), taxonomy.resource_types),
        audiences=term_ids(data.get("audience"), taxonomy.audiences),
        themes=term_ids(data.get("themes"), taxonomy.themes),
        provider=text_value(data.get("provider")),
        external_url=text_value(data.get("url")) or None,
        last_checked=parse_date(data.get("last_checked")),
        sources=string_list(data.get("sources")),
        body=document.body,
        problems=tuple(sorted(problems)),
    )
