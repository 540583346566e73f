"""In-document suppression: ``<!-- medlint: disable=... -->`` comments and their plain-text twins.

The format parsers extract the directives (:class:`medlint.prose.Directive`); this module gives
them meaning, by source LINE:

* ``disable=A,B`` applies from its own line until a later ``enable`` naming the rule (or
  ``all``), the enable's own line included, or to the end of the file;
* ``disable-next-line=A`` applies to the next non-blank line after the comment;
* ``disable-file=A`` applies to the whole file;
* ``all`` stands for every rule; rule names and codes are both accepted, in any case.

It also produces the meta findings: ``unknown-suppression`` (MED001) at a directive naming a
rule that does not exist, and ``useless-suppression`` (MED002) for a rule a directive names
but never suppressed (only for rules that ran). Meta findings are suppressed only by a
directive that names them explicitly, never by ``all``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from medlint.findings import Finding
from medlint.positions import LineIndex
from medlint.yaml_schema import closest

ALL = "ALL"
UNKNOWN, USELESS = "MED001", "MED002"
META = (UNKNOWN, USELESS)


@dataclass
class _Scope:
    """Where one directive applies, and which of its rule codes suppressed something."""

    directive: object
    action: str
    codes: list[str]
    first: int
    last: int | None = None  # None: to the end of the file (resolved by enable)
    used: set[str] = field(default_factory=set)


def apply(findings: Iterable[Finding], document, rules: list | None = None,
          known: dict[str, str] | None = None) -> list[Finding]:
    """``findings`` minus the suppressed ones, plus MED001/MED002 findings.

    ``rules`` are the rules that ran on this document (the meta rules among them decide whether
    and at what severity MED001/MED002 are reported; None: every rule counts as having run, and
    no meta findings are made). ``known`` maps every existing rule's lower-cased name and code
    to its code (default: the registered rules).
    """
    findings = list(findings)
    directives = sorted(getattr(document.parsed, "directives", None) or [], key=lambda d: d.source_start)
    if not directives:
        return findings
    if known is None:
        from medlint import selection  # lazy: only documents with directives need the rule table
        known = selection.known_rules()
    index = LineIndex(document.text)
    scopes, unknown = _scopes(directives, known, index, document.text)
    active = None if rules is None else {r.code for r in rules}
    meta = {r.code: r for r in rules or [] if r.code in META}
    names = {code: key for key, code in known.items() if not key.startswith("med")}

    kept = [f for f in findings if not _suppressed(f.code, index.position(f.start)[0], scopes, True)]
    extra: list[Finding] = []
    if UNKNOWN in meta:
        for directive, name, line in unknown:
            close = closest(name.lower(), names.values())
            finding = meta[UNKNOWN].finding_at_source(directive.source_start, directive.source_end, rule=name,
                                                      suggestions=[close] if close else [])
            if not _suppressed(UNKNOWN, line, scopes, False):
                extra.append(finding)
    if USELESS in meta:
        extra.extend(_useless(meta[USELESS], scopes, active, names))
    return kept + extra


def _scopes(directives: list, known: dict[str, str], index: LineIndex, text: str):
    scopes: list[_Scope] = []
    unknown: list[tuple[object, str, int]] = []
    open_scopes: list[_Scope] = []
    for directive in directives:
        codes = []
        for name in directive.names:
            key = name.strip().lower()
            if key == "all":
                codes.append(ALL)
            elif key in known:
                codes.append(known[key])
            elif key:
                unknown.append((directive, name.strip(), directive.line))
        line = directive.line
        end_line = index.position(max(directive.source_start, directive.source_end - 1))[0]
        if directive.action == "enable":
            still_open = []
            for scope in open_scopes:
                closing = [c for c in scope.codes if ALL in codes or c in codes]
                rest = _close(scope, closing, line)
                if rest is not None:
                    if rest is not scope:
                        scopes.append(rest)
                    still_open.append(rest)
            open_scopes = still_open
            continue
        if not codes:
            continue
        if directive.action == "disable-file":
            scopes.append(_Scope(directive, directive.action, codes, 1, None))
        elif directive.action == "disable-next-line":
            target = _next_non_blank(text, index, end_line)
            scopes.append(_Scope(directive, directive.action, codes, target, target))
        elif directive.action == "disable":
            scope = _Scope(directive, directive.action, codes, line, None)
            scopes.append(scope)
            open_scopes.append(scope)
    return scopes, unknown


def _close(scope: _Scope, closing: list[str], line: int) -> _Scope | None:
    """End the ``closing`` codes of an open range at ``line``; return the range that stays open."""
    if not closing:
        return scope
    staying = [c for c in scope.codes if c not in closing]
    scope.codes, scope.last = closing, line
    if staying:  # split: the rest stays open, from the same directive
        return _Scope(scope.directive, scope.action, staying, scope.first, None, scope.used)
    return None


def _next_non_blank(text: str, index: LineIndex, after_line: int) -> int:
    for line in range(after_line + 1, len(index.starts) + 1):
        start = index.starts[line - 1]
        end = index.starts[line] if line < len(index.starts) else len(text)
        if text[start:end].strip():
            return line
    return after_line + 1


def _suppressed(code: str, line: int, scopes: list[_Scope], allow_all: bool) -> bool:
    """Whether a finding of ``code`` on ``line`` is suppressed; credits the scopes that do it."""
    hit = False
    for scope in scopes:
        if line < scope.first or (scope.last is not None and line > scope.last):
            continue
        if code in scope.codes:
            scope.used.add(code)
            hit = True
        elif allow_all and ALL in scope.codes and code not in META:
            scope.used.add(ALL)
            hit = True
    return hit


def _useless(rule, scopes: list[_Scope], active: set[str] | None, names: dict[str, str]) -> list[Finding]:
    candidates = []
    seen: set[tuple[int, str]] = set()
    for scope in scopes:
        for code in scope.codes:
            key = (id(scope.directive), code)
            if key in seen:
                continue
            seen.add(key)
            ran = code == ALL or active is None or code in active
            used = any(code in s.used for s in scopes if s.directive is scope.directive)
            if ran and not used and code != USELESS:
                candidates.append((scope.directive, code))
    out = []
    for directive, code in candidates:
        if _suppressed(USELESS, directive.line, scopes, False):
            continue
        label = "all" if code == ALL else names.get(code, code)
        out.append(rule.finding_at_source(directive.source_start, directive.source_end, rule=label))
    return out
