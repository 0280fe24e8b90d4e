"""Content: files in, typed records and problems out.

Owns the contract (taxonomy, JSON Schemas, settings), reading a file into
front matter and body with line numbers, every rule a file must pass (fields,
body sections, safety), and the frozen records for case studies, leadership
resources and news posts. A broken file still becomes a record, carrying its
problems, so nothing is ever silently dropped. Imports nothing from the later
stages.
"""
