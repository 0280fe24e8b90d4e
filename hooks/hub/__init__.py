"""The hub's logic: load, validate, index and render content.

Nothing in this package imports MkDocs. The files named under ``hooks:`` in
``mkdocs.yml`` and the command-line scripts in ``scripts/`` are thin adapters
around it, so the same logic can drive another generator later.

Data flows one way: files -> records (``casestudy``) -> indexes (``indexes``)
-> rendered pages (``render``, ``site``).
"""
