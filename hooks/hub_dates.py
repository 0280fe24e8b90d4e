"""The hub's pages' dates in the git plugin's page variables: the adapter's part of ``hub.content.gitdates``.

MkDocs-facing, like ``hub_hooks.py``, which uses it.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

from hub import pipeline
from hub.content.gitdates import History, HistoryReader

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.hub")

GIT_PLUGIN = "git-revision-date-localized"


@dataclass
class PageDates:
    """The hub's pages' dates, set on each page exactly as the git plugin sets them on the pages it dates.

    The plugin runs ``git log`` once per page; the hub reads the whole history once
    (``hub.content.gitdates``), so the plugin is left the hand-written pages in docs/
    (mkdocs.yml excludes case-studies/*, and ``take_over`` the leadership resources).
    The plugin's options and its own date formatting are used, so both kinds of page
    show dates alike, and the same fallbacks apply: the build time for a file not yet
    committed or a folder outside git.
    """

    plugin: Any  # the git-revision-date-localized plugin, configured for this build
    reader: HistoryReader
    build_time: int  # what a file without history shows, as the plugin's fallback does
    history: History | None = None
    formats: dict[tuple[int, str, bool], dict[str, str]] = field(default_factory=dict)

    def take_over(self, src_uris: list[str]) -> None:
        """Tell the plugin to skip these pages (before its on_files), and have the history ready."""
        options = self.plugin.config
        options["exclude"] = [*options.get("exclude", []), *src_uris]
        history = self.reader.result()  # git ran while the content was read; the plugin may fork next
        if self.history is None or history is not self.history:
            self.history = history
            if history.problem is not None and not options.get("fallback_to_build_date"):
                raise PluginError(f"hub: no git history for page dates: {history.problem}")
            if history.problem is not None:
                self._log(
                    f"hub: no git history for the dates of case studies and resources ({history.problem}); "
                    "they show the build date"
                )
            elif history.shallow:
                log.info(
                    "hub: this is a shallow clone, so files not changed since its first commit show that "
                    "commit's date; fetch the whole history (fetch-depth: 0) for true dates"
                )

    def set_meta(self, page: Page, sources: Sequence[Path]) -> None:
        """The page's dates from its files' history, in the plugin's page.meta variables.

        ``sources`` are the page's own file, then the other files it shows (a case study's adoption
        notes): it was created with its own file, and last changed with the newest change to any of them.
        """
        history = self.history if self.history is not None else self.reader.result()
        dates = history.of(sources[0])
        updated = (dates.updated.hash, dates.updated.timestamp) if dates else ("", self.build_time)
        for source in sources:
            found = dates if source is sources[0] else history.of(source)
            if found is None and history.problem is None:
                self._log(f"hub: '{source.name}' has no git history yet (not committed), using the build date")
            if found is None:
                updated = ("", self.build_time)  # as the plugin dates an uncommitted page: it changes now
                break
            if found.updated.timestamp > updated[1]:
                updated = (found.updated.hash, found.updated.timestamp)
        locale = str(page.meta.get("locale") or self.plugin.config.get("locale") or "en")
        self._set(page, "git_revision_date_localized", *updated, locale)
        site = (self.plugin.last_site_revision_hash, self.plugin.last_site_revision_timestamp)
        self._set(page, "git_site_revision_date_localized", *site, locale)
        if not self.plugin.config.get("enable_creation_date"):
            return
        created = (dates.created.hash, dates.created.timestamp) if dates and dates.created else ("", self.build_time)
        if created[1] > updated[1]:  # the plugin's check and message
            source = page.file.src_path
            log.warning(f"First revision timestamp is older than last revision timestamp for page {source}.")
            created = updated
        self._set(page, "git_creation_date_localized", *created, locale)

    def _set(self, page: Page, variable: str, commit: str, timestamp: int, locale: str) -> None:
        kind = self.plugin.config["type"]
        date = self._formats(timestamp, locale, True)[kind]
        if kind == "timeago":  # as the plugin: a date for print, where timeago cannot run
            date += self._formats(timestamp, locale, True)["iso_date"]
        page.meta[variable] = date
        page.meta[f"{variable}_hash"] = commit
        page.meta[f"{variable}_tag"] = self.history.tags.get(commit, "") if self.history and commit else ""
        for name, value in self._formats(timestamp, locale, False).items():
            page.meta[f"{variable}_raw_{name}"] = value

    def _formats(self, timestamp: int, locale: str, spans: bool) -> dict[str, str]:
        # Babel is slow; case studies committed together share a timestamp.
        key = (timestamp, locale, spans)
        if key not in self.formats:
            self.formats[key] = self.plugin.util.get_date_formats_for_timestamp(timestamp, locale, add_spans=spans)
        return self.formats[key]

    def _log(self, message: str) -> None:
        (log.warning if self.plugin.config.get("strict") else log.info)(message)


def start_page_dates(config: MkDocsConfig, previous: PageDates | None = None) -> PageDates | None:
    """Start reading the git history in the background, if the git plugin is on: the hub's dates follow it.

    ``previous`` is the last build's (``mkdocs serve``): its history is kept while HEAD does not move.
    """
    plugin = config.plugins.get(GIT_PLUGIN)
    if plugin is None or not plugin.config.get("enabled"):
        return None
    root = Path(config.config_file_path).resolve().parent
    history = previous.history if previous is not None else None
    return PageDates(plugin, pipeline.start_reading_history(root, history), int(time.time()))
