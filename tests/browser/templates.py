"""One page of every template of the site, for the accessibility and privacy checks."""

from __future__ import annotations

from support import ROOT
from hub.pipeline import HubConfig, load_hub

_HUB = load_hub(HubConfig.from_options(ROOT, {}))
_FIRST = _HUB.collection.case_studies[0]

TEMPLATES = {
    "home": "",
    "case study": _FIRST.url,
    "case-study list": "case-studies/",
    "themes": "themes/",
    "theme": f"themes/{_FIRST.themes[0]}/",
    "boroughs": "boroughs/",
    "area": f"boroughs/{_FIRST.areas[0]}/",
    "empty area": "boroughs/barnet/" if not _HUB.indexes.areas["barnet"] else "boroughs/london-wide/",
    "integrated care systems": "ics/",
    "ICS": "ics/south-west-london/",
    "coverage": "coverage/",
    "guidance overview": "framework/",
    "guidance": "framework/coordinated-care/",
    "leadership": "leadership/",
    "leadership resource": _HUB.collection.resources[0].url,
    "news": "news/",
    "news post": "news/2026/11/the-hub-is-open/",
    "open data": "open-data/",
    "about": "about/",
    "contact": "contact/",
    "accessibility statement": "accessibility/",
    "contribute": "contribute/",
    "submit form": "contribute/submit/",
    "search with results": "search/?q=care&type=Case+study",
    "404": "no-such-page/",
}
