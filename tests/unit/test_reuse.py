"""What one build hands the next under `mkdocs serve`: memos, and the pipeline redoing only what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hub import pipeline
from hub.memo import Memo
from support import FIXTURES, case_study_text


def test_a_memo_computes_once_per_key_and_keeps_what_the_last_build_used():
    memo, calls = Memo(), []

    def compute(value):
        return lambda: calls.append(value) or value

    assert memo.get("a", compute(1)) == 1 and memo.get("a", compute(2)) == 1
    memo.get("b", compute(3))
    memo.next_build()
    assert memo.get("a", compute(4)) == 1  # kept from the last build
    memo.next_build()  # "b" was not asked for in the build before: it is gone
    assert memo.get("b", compute(5)) == 5 and memo.get("a", compute(6)) == 1
    memo.clear()
    assert memo.get("a", compute(7)) == 7
    assert calls == [1, 3, 5, 7]


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "case_studies").mkdir()
    for name, title in (("one.md", "First"), ("two.md", "Second"), ("three.md", "Third")):
        (tmp_path / "case_studies" / name).write_text(case_study_text(title=title), encoding="utf-8")
    shutil.copy(FIXTURES / "case-study.md", tmp_path / "case_studies" / "four.md")
    return tmp_path


def load(project: Path, reuse: pipeline.Reuse) -> pipeline.Hub:
    return pipeline.load_hub(pipeline.HubConfig.from_options(project, {}, project / "docs"), reuse)


def test_a_rebuild_parses_only_the_files_that_changed(project):
    reuse = pipeline.Reuse()
    first = load(project, reuse)
    assert reuse.records.misses == 4
    (project / "case_studies" / "two.md").write_text(case_study_text(title="Second, edited"), encoding="utf-8")
    second = load(project, reuse)
    assert reuse.records.misses == 1 and reuse.records.hits == 3
    before, after = first.collection.by_stem(), second.collection.by_stem()
    assert after["one"] is before["one"] and after["two"].title == "Second, edited"
    assert [str(p) for p in second.problems] == [str(p) for p in load(project, None).problems]


def test_a_rebuild_gives_what_a_fresh_load_gives(project):
    reuse = pipeline.Reuse()
    load(project, reuse)
    (project / "case_studies" / "three.md").unlink()
    (project / "case_studies" / "five.md").write_text(case_study_text(title="Fifth"), encoding="utf-8")
    kept, fresh = load(project, reuse), load(project, None)
    assert kept.collection == fresh.collection and kept.related == fresh.related
    for record in fresh.collection.case_studies:
        assert pipeline.render_entry(kept, record.src_uri) == pipeline.render_entry(fresh, record.src_uri)
    pages = {p.src_uri: p.markdown for p in pipeline.generated_pages(fresh)}
    assert {p.src_uri: p.markdown for p in pipeline.generated_pages(kept)} == pages
    assert pipeline.derived_files(kept, {}, "https://hub.example.org/") == pipeline.derived_files(
        fresh, {}, "https://hub.example.org/"
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"summary": "A dermatology clinic run by the practice's own teledermatology team."},
        {"settings": ["primary-care-network"]},
    ],
)
def test_related_case_studies_follow_an_edit_of_what_relates_them(project, changes):
    """Distinctive words of the summary and the settings relate case studies too: an edit of either finds them
    again, as a fresh load would."""
    reuse = pipeline.Reuse()
    before = load(project, reuse)
    for name, title in (("one.md", "First"), ("three.md", "Third")):
        (project / "case_studies" / name).write_text(case_study_text(title=title, **changes), encoding="utf-8")
    kept, fresh = load(project, reuse), load(project, None)
    assert [r.stem for r in fresh.related["one"]] != [r.stem for r in before.related["one"]]  # the edit matters
    assert kept.related == fresh.related


def test_a_changed_setting_or_contract_starts_afresh(project, tmp_path):
    reuse = pipeline.Reuse()
    load(project, reuse)
    other = pipeline.HubConfig.from_options(project, {"per_page": 2}, project / "docs")
    pipeline.load_hub(other, reuse)
    assert reuse.records.misses == 4  # a new setting: nothing kept
    data = tmp_path / "data"
    shutil.copytree(pipeline.DATA, data)
    moved = pipeline.HubConfig.from_options(project, {"per_page": 2, "data": "data"}, project / "docs")
    pipeline.load_hub(moved, reuse)
    pipeline.load_hub(moved, reuse)
    assert reuse.records.misses == 0  # the same again: everything kept
    settings = next(p for p in data.iterdir() if p.suffix in (".yml", ".yaml") and p.name != "taxonomy.yml")
    settings.write_text(settings.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    pipeline.load_hub(moved, reuse)
    assert reuse.records.misses == 4  # an edited contract: nothing kept


def test_a_served_page_depends_on_where_the_pages_it_links_to_are(tmp_path):
    from mkdocs.structure.files import File, Files

    from hub_serve import linked_pages

    for name in ("case-studies/other.md", "case-studies/placed.md", "resources/guide.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"# {name}\n\n## A place\n", encoding="utf-8")
    files = Files(
        [
            File(n, str(tmp_path), str(tmp_path / "site"), True)
            for n in ("case-studies/other.md", "case-studies/placed.md", "resources/guide.md")
        ]
    )
    markdown = (
        "See [one](other.md) and [again](./other.md), [a place](placed.md#a-place), [gone](gone.md),\n"
        '<a href="../resources/guide.md">the guide</a>, [the web](https://example.org/x.md), [top](#top)\n'
        "and [by name][ref].\n\n[ref]: ../resources/guide.md\n"
    )
    found = dict(linked_pages(markdown, "case-studies/this.md", files))
    assert found["case-studies/other.md"] == ("case-studies/other/index.html", None)
    assert found["resources/guide.md"] == ("resources/guide/index.html", None)
    assert found["case-studies/gone.md"] is None  # never reused: MkDocs warns each time it renders it
    address, source = found["case-studies/placed.md"]  # a place in it: its headings matter too
    assert address == "case-studies/placed/index.html" and source
    assert set(found) == {
        "case-studies/other.md",
        "case-studies/placed.md",
        "case-studies/gone.md",
        "resources/guide.md",
    }
    (tmp_path / "case-studies" / "placed.md").write_text("# Placed\n\n## Another place\n", encoding="utf-8")
    assert dict(linked_pages(markdown, "case-studies/this.md", files))["case-studies/placed.md"][1] != source
    assert linked_pages("No links to other pages. [web](https://example.org/)", "case-studies/this.md", files) == ()
