"""Outputs: what the build makes besides pages.

Owns the Atom feeds, the open data files, the search index (what each page
tells Pagefind, and running Pagefind) and the security policy every page
carries. Returns bytes and strings; only ``search.build_index`` writes, into the
finished site.
"""
