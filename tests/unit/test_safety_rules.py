"""The safety rule set (hooks/hub/data/safety.yml): one file, read by the validator and written into the form."""

from __future__ import annotations

import shutil

import pytest
import yaml
from mkdocs.config import load_config

from hub.content.casestudy import parse_case_study
from hub.content.contract import DATA, SAFETY_FILE, load_contract
from hub.content.rules import PATTERN_ORDER, default_rules
from hub.content.taxonomy import TaxonomyError
from hub_hooks import on_config
from support import ROOT, case_study_text


def test_every_rule_has_its_words_for_the_validator_and_the_form():
    rules = default_rules()
    assert [p.id for p in rules.patterns] == list(PATTERN_ORDER)
    wordings = [p.wording for p in rules.patterns] + [rules.control_wording, rules.plain_text_wording]
    wordings += list(rules.markup.wordings.values())
    assert all(w.message and w.form for w in wordings)
    # Every allow-list entry carries its reason.
    assert all(isinstance(reason, str) and reason for reason in rules.data["markup"]["elements"].values())
    assert all(reason for names in rules.data["markup"]["attributes"].values() for reason in names.values())
    assert all(reason for reason in rules.data["markup"]["schemes"].values())


def test_the_validator_renders_markdown_as_the_site_does(monkeypatch):
    """The markup check renders with the site's extensions: MkDocs' and mkdocs.yml's, and the hub's."""
    monkeypatch.setenv("HUB_PARALLEL", "false")  # no build follows: no process to compile its templates
    config = load_config(str(ROOT / "mkdocs.yml"))
    config = on_config(config)
    site = {
        ext if isinstance(ext, str) else f"{type(ext).__module__}:{type(ext).__name__}"
        for ext in config.markdown_extensions
    }
    # toc only adds heading ids; the check leaves it out so that an id written by hand is refused.
    assert site - {"toc"} == set(default_rules().markup.render_with)


@pytest.fixture
def data_copy(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


def test_a_changed_rule_is_what_the_validator_says(data_copy):
    rules = yaml.safe_load((data_copy / SAFETY_FILE).read_text(encoding="utf-8"))
    rules["patterns"]["nhs-number"]["message"] = "'{found}' is an NHS number; take it out"
    rules["markup"]["schemes"]["ftp"] = "an archive the programme keeps"
    (data_copy / SAFETY_FILE).write_text(yaml.safe_dump(rules), encoding="utf-8")
    contract = load_contract(data_copy)
    body = (
        "## What we did\n\n943 476 5919 and [ftp](ftp://example.org/x)\n\n"
        "## Results\n\nB.\n\n## What we learned\n\nC.\n"
    )
    problems = parse_case_study(case_study_text(body=body).encode(), "x.md", "x", contract).problems
    assert [p.message for p in problems] == ["'943 476 5919' is an NHS number; take it out"]


def test_a_broken_rule_set_is_a_clear_error(data_copy):
    rules = yaml.safe_load((data_copy / SAFETY_FILE).read_text(encoding="utf-8"))
    rules["patterns"]["phone"]["pattern"] = "(unclosed"
    (data_copy / SAFETY_FILE).write_text(yaml.safe_dump(rules), encoding="utf-8")
    with pytest.raises(TaxonomyError) as raised:
        load_contract(data_copy)
    assert str(data_copy / SAFETY_FILE) in str(raised.value)
    assert "cannot be read as the safety rule set (error: missing ), unterminated subpattern" in str(raised.value)
