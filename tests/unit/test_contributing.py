"""Files derived from the contract stay in step with it."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from hub.content.schema import field_rows, load_schema
from hub.contributors.guide import MarkerMissing, render_field_table_markdown, render_issue_form, splice
from support import ROOT


def test_generated_files_are_up_to_date():
    """Fails when the schema or taxonomy changed and `make generate` was not run."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout


def test_contributing_guide_documents_every_field():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for name, required, kind, _description in field_rows(load_schema()):
        assert f"| `{name}` | {'yes' if required else 'no'} | {kind} |" in guide


def test_issue_form_offers_exactly_the_taxonomy(contract):
    form = yaml.safe_load(render_issue_form(contract))
    fields = {item.get("id"): item for item in form["body"]}
    assert fields["boroughs"]["attributes"]["options"] == [a.name for a in contract.taxonomy.areas]
    assert fields["themes"]["attributes"]["options"] == [t.name for t in contract.taxonomy.themes]
    assert len(fields["status"]["attributes"]["options"]) == len(contract.taxonomy.statuses)
    assert [o["required"] for o in fields["checks"]["attributes"]["options"]] == [True] * 4


def test_markdown_table_escapes_pipes():
    schema = {"properties": {"a": {"type": "string", "description": "x | y"}}, "required": ["a"]}
    assert render_field_table_markdown(schema).splitlines()[-1] == "| `a` | yes | text | x \\| y |"


def test_splice_needs_both_markers_in_order():
    assert splice("a\n<s>\nold\n<e>\nb", "<s>", "<e>", "new") == "a\n<s>\nnew\n<e>\nb"
    with pytest.raises(MarkerMissing):
        splice("a <e> <s>", "<s>", "<e>", "x")
