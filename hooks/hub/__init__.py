"""The hub's logic: files in, records, groupings, pages and outputs out.

Nothing in this package imports MkDocs. ``hooks/hub_hooks.py`` (the MkDocs
adapter) and the command-line scripts in ``scripts/`` call ``pipeline``, so the
same checks and the same pages come from every entry point, and the logic can
drive another generator later.

Stages, in the order data flows (an import-linter contract in pyproject.toml
keeps imports flowing this way, and MkDocs out):

- ``content``: files -> typed records and every problem with them;
- ``index``: records -> groupings (by theme, area, ICS, setting), facets, related;
- ``pages``, ``outputs``, ``contributors``: groupings -> what readers and
  contributors see (pages, feeds and data, guides and forms); none imports another;
- ``pipeline``: the one entry point that runs the stages in order.

``urls`` (every address) and ``text`` (words and numbers for people) sit below
them all.
"""
