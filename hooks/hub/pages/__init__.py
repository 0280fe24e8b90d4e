"""Pages: what a reader sees in the browser, rendered from records and groupings.

Owns case-study and resource pages, cards, the generated listing pages,
the London map, the coverage matrix, the markers that hand-written pages use,
the search page and the submit form, and the templates they are made from.
Returns Markdown and HTML strings; writes nothing.
"""
