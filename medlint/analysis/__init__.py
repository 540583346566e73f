"""Shared analyses, computed once per document and used by every rule that needs them.

Each analysis module exposes one ``find_*(document)`` function returning records of
:mod:`medlint.analysis.types`; :class:`medlint.document.LintedDocument` calls them lazily, so
only the analyses that enabled rules ask for are ever run.
"""
