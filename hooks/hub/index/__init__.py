"""Index: records grouped for finding them.

Owns the groupings computed once per build from the whole collection: case
studies by theme, area, ICS and setting, the search facets each record
belongs to, and related case studies. Reads records; renders nothing.
"""
