"""Pagefind's indexer, fed page by page: what the build gets when it works, and when it cannot start."""

from __future__ import annotations

import threading

import pytest

import hub.outputs.search as search
from hub.outputs.search import IndexerFailed, SearchIndexer
from support import zombie_children


def indexer_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("pagefind-") and t.is_alive()}


def page(title: str, text: str) -> str:
    return f"<html><head><title>{title}</title></head><body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>"


def test_pages_handed_over_are_indexed_and_written(tmp_path):
    before, zombies = indexer_threads(), set(zombie_children())
    indexer = SearchIndexer(tmp_path / "pagefind")
    indexer.add_page("case-studies/one/", page("One", "Frailty huddles in Hackney."))
    indexer.add_page("case-studies/two/", page("Two", "Social prescribing in Lambeth."))
    indexer.write()
    assert indexer.wait() == 2
    assert (tmp_path / "pagefind" / "pagefind-entry.json").is_file()
    assert list((tmp_path / "pagefind" / "fragment").iterdir())
    assert indexer_threads() <= before and set(zombie_children()) <= zombies


@pytest.mark.parametrize(
    "script",
    [
        "exit 3",  # ends before reading anything
        "printf 'bm90IGpzb24=,'; cat > /dev/null",  # answers with what is not a message ("not json")
    ],
)
def test_an_indexer_that_does_not_start_an_index_is_stopped_with_its_threads(tmp_path, monkeypatch, script):
    binary = tmp_path / "pagefind"
    binary.write_text(f"#!/bin/sh\n{script}\n")
    binary.chmod(0o755)
    monkeypatch.setattr(search, "get_executable", lambda: binary)
    before, zombies = indexer_threads(), set(zombie_children())
    with pytest.raises(IndexerFailed, match="did not start an index"):
        SearchIndexer(tmp_path / "out")
    assert indexer_threads() <= before
    assert set(zombie_children()) <= zombies  # the indexer was waited for


def test_a_missing_or_unrunnable_binary_is_said_plainly(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "get_executable", lambda: None)
    with pytest.raises(IndexerFailed, match="binary is missing"):
        SearchIndexer(tmp_path / "out")
    text = tmp_path / "not-a-program"
    text.write_text("hello")
    monkeypatch.setattr(search, "get_executable", lambda: text)
    with pytest.raises(IndexerFailed, match="could not start"):
        SearchIndexer(tmp_path / "out")
