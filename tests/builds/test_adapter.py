"""The MkDocs adapter's handlers, driven directly with an in-memory MkDocs config (no build)."""

from __future__ import annotations

import logging
import shutil

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

import hub_hooks
from support import FIXTURES, case_study_text


def config_for(project, **changes) -> MkDocsConfig:
    """A validated MkDocs config for the fixture ``project``, as MkDocs would load it."""
    config = MkDocsConfig(config_file_path=str(project / "mkdocs.yml"))
    config.load_dict(
        {
            "site_name": "Fixture hub",
            "site_url": "https://hub.example.org/some/path/",
            "docs_dir": str(project / "docs"),
            "site_dir": str(project / "site"),
            "repo_url": "https://github.com/example/hub",
            "extra": {"hub": {"case_studies": "case_studies"}},
            **changes,
        }
    )
    errors, _warnings = config.validate()
    assert errors == []
    config.plugins._current_plugin = "hub_hooks"  # as MkDocs sets it while it runs a hook (File.generated reads it)
    return config


@pytest.fixture(autouse=True)
def fresh_adapter(monkeypatch):
    """The adapter as MkDocs first loads it: what an earlier build in this process left (its dates, a
    serve session, a worker) would otherwise be used by handlers driven without on_startup and on_config."""
    for name in ("_state", "_dates", "_serving", "_worker", "_compiling"):
        monkeypatch.setattr(hub_hooks, name, None)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nIntro.\n\n<!-- hub:latest limit=1 -->\n", encoding="utf-8")
    (tmp_path / "case_studies").mkdir()
    shutil.copy(FIXTURES / "case-study.md", tmp_path / "case_studies" / "greenwich-triage.md")
    return tmp_path


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The adapter's on_files handlers in the order MkDocs runs them (highest priority first)."""
    for handler in sorted(hub_hooks.on_files.methods, key=lambda h: -getattr(h, "mkdocs_priority", 0)):
        files = handler(files, config=config)
    return files


def files_of(config: MkDocsConfig) -> Files:
    return Files([File("index.md", config.docs_dir, config.site_dir, config.use_directory_urls)])


def test_on_config_needs_directory_urls(project):
    with pytest.raises(PluginError, match="use_directory_urls: true"):
        hub_hooks.on_config(config_for(project, use_directory_urls=False))


def test_on_files_adds_case_studies_and_generated_pages_outside_the_nav(project):
    config = config_for(project)
    files = on_files(files_of(config), config)
    case_study = files.get_file_from_path("case-studies/greenwich-triage.md")
    assert case_study is not None and case_study.inclusion == InclusionLevel.NOT_IN_NAV
    assert case_study.abs_src_path == str(project / "case_studies" / "greenwich-triage.md")
    assert case_study.edit_uri == "../case_studies/greenwich-triage.md"  # joined to edit_uri by MkDocs
    for generated in ("case-studies/index.md", "themes/accessible-care.md", "boroughs/greenwich.md", "ics/index.md"):
        assert files.get_file_from_path(generated).inclusion == InclusionLevel.NOT_IN_NAV
    # Feeds and open data, with absolute addresses under the configured site_url.
    feed = files.get_file_from_path("feeds/case-studies.xml").content_bytes
    assert b"https://hub.example.org/some/path/case-studies/greenwich-triage/" in feed
    assert files.get_file_from_path("api/case-studies.json") is not None


def test_a_hand_written_page_at_a_generated_address_is_refused(project):
    (project / "docs" / "themes").mkdir()
    (project / "docs" / "themes" / "index.md").write_text("# Mine\n", encoding="utf-8")
    config = config_for(project)
    files = files_of(config)
    files.append(File("themes/index.md", config.docs_dir, config.site_dir, True))
    with pytest.raises(PluginError, match="docs/themes/index.md has the address of a file the hub generates"):
        on_files(files, config)


def test_content_problems_are_warnings_that_fail_a_strict_build(project, caplog):
    (project / "case_studies" / "broken.md").write_text(
        case_study_text(title="Broken", boroughs=["Hackny"]), encoding="utf-8"
    )
    config = config_for(project)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.hub"):
        on_files(files_of(config), config)
    assert [r.getMessage() for r in caplog.records] == [
        "case_studies/broken.md:5: boroughs[1]: 'Hackny' is not a known London area (did you mean 'Hackney'?)",
    ]


def test_page_events_render_a_case_study_and_fill_markers(project, caplog):
    config = config_for(project)
    files = on_files(files_of(config), config)
    file = files.get_file_from_path("case-studies/greenwich-triage.md")
    page = Page(None, file, config)
    markdown = hub_hooks.on_page_markdown("", page=page, config=config, files=files)
    assert page.meta["title"] == "Same-day telephone triage in a Greenwich practice"
    assert markdown.startswith("# Same\\-day telephone triage") and "hubrawblock000000" in markdown
    html = hub_hooks.on_page_content(
        "<p>hubrawblock000000</p><h2>What we did</h2>", page=page, config=config, files=files
    )
    assert html.startswith("<div data-pagefind-body>") and 'class="hub-glance"' in html

    home = Page(None, files.get_file_from_path("index.md"), config)
    home.read_source(config)
    filled = hub_hooks.on_page_markdown(
        home.markdown.replace("limit=1", 'limit="1" colour=red'), page=home, config=config, files=files
    )
    assert "<!-- hub:latest" in filled  # left in place, and reported at its own line
    assert any(
        "docs/index.md:5: marker: 'colour' is not an option of hub:latest" in r.getMessage() for r in caplog.records
    )


def test_finished_pages_get_a_policy_and_a_skip_link(project):
    config = config_for(project)
    files = on_files(files_of(config), config)
    page = Page(None, files.get_file_from_path("index.md"), config)
    html = (
        '<html><head><meta charset="utf-8"><script>go()</script></head><body>'
        '<div data-md-component="skip"></div><main class="md-main" data-md-component="main"></main></body></html>'
    )
    out = hub_hooks.on_post_page(html, page=page, config=config)
    assert "Content-Security-Policy" in out and "'sha256-" in out and 'id="main-content" tabindex="-1"' in out
