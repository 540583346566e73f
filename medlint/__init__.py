"""medlint: a linter for health articles (Markdown, HTML, plain text).

Importing this package is cheap: spaCy and the drug lexicon load only when text is linted.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["lint_text", "lint_paths", "__version__"]


def lint_text(text, format="markdown", config=None):
    """Lint ``text`` and return a list of :class:`medlint.findings.Finding`."""
    from medlint import orchestrator  # lazy: keeps `import medlint` free of spaCy
    return orchestrator.lint_text(text, format=format, config=config)


def lint_paths(paths, config=None):
    """Lint files and return one result (findings or error) per file."""
    from medlint import orchestrator  # lazy: keeps `import medlint` free of spaCy
    return orchestrator.lint_paths(paths, config=config)
