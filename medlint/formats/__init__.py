"""Format parsers: markdown, html and text, each turning a Source into a ParsedSource."""
from __future__ import annotations

from medlint.prose import ParsedSource
from medlint.source import Source

FORMATS = ("markdown", "html", "text")


def parse(source: Source) -> ParsedSource:
    """Parse ``source`` by its format into prose, source map, blocks, links and directives."""
    # lazy: each parser pulls in its own third-party library only when that format is linted
    if source.format == "markdown":
        from medlint.formats import markdown
        return markdown.parse(source.text)
    if source.format == "html":
        from medlint.formats import html
        return html.parse(source.text)
    from medlint.formats import text
    return text.parse(source.text)
