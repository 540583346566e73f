"""In-document suppression (STUB: the suppression work implements the directives)."""
from __future__ import annotations


def apply(findings, document):
    return list(findings)
