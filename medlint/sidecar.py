"""Annotated-article sidecars (``<article>.expected.yaml``): what a correct linter reports.

A sidecar lists the rules whose findings in its article are exhaustive (``rules:``) and the
expected findings (``findings:``), each anchored on a ``quote`` of the raw article or, for
document-level rules, on nothing (optionally naming a ``drug``). See docs/sidecar-format.md.

Errors name the sidecar file and the line of the offending entry, so a typo in a long corpus
is fixed in seconds rather than guessed at.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from medlint.errors import UsageError

SUFFIX = ".expected.yaml"
KEYS = {"rule", "quote", "occurrence", "until", "suggest", "drug"}


class SidecarError(UsageError):
    """A sidecar that cannot be read, or whose quotes are not in its article (exit code 2)."""


@dataclass(frozen=True)
class Expectation:
    """One expected finding. ``start``/``end`` (code points into the decoded article text, BOM
    removed) are set by :func:`resolve`; document-level expectations have no span."""

    rule: str
    line: int  # line of this entry in the sidecar
    quote: str | None = None
    occurrence: int = 1
    until: str | None = None
    suggest: str | None = None
    drug: str | None = None
    start: int | None = None
    end: int | None = None

    @property
    def document_level(self) -> bool:
        return self.quote is None


@dataclass
class Sidecar:
    path: str
    article: str
    rules: list[str]
    expectations: list[Expectation] = field(default_factory=list)


def article_for(sidecar_path: str) -> str:
    """The article a sidecar describes: its own path without ``.expected.yaml``."""
    return sidecar_path[: -len(SUFFIX)]


def sidecar_for(article_path: str) -> str:
    return article_path + SUFFIX


def is_sidecar(path: str) -> bool:
    return path.endswith(SUFFIX)


def find_sidecars(directory: str) -> list[str]:
    """Every sidecar under ``directory`` (recursively, hidden folders skipped), sorted."""
    out = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(os.path.join(root, name) for name in files if is_sidecar(name))
    return sorted(out)


def _scalar(node, path: str, what: str) -> str:
    """The raw text of a scalar node: ``quote: 2024-03-02`` stays a string, not a date."""
    import yaml  # lazy: PyYAML is only needed when a sidecar is read

    if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
        raise SidecarError(f"{what} must be a text value", path=path, line=node.start_mark.line + 1)
    return node.value


def _parse_entry(node, path: str, rules: list[str]) -> Expectation:
    import yaml  # lazy: PyYAML is only needed when a sidecar is read

    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise SidecarError("each entry of 'findings:' must be a mapping with a 'rule:'", path=path, line=line)
    values: dict[str, tuple[str, int]] = {}
    for key_node, value_node in node.value:
        key = key_node.value
        if key not in KEYS:
            raise SidecarError(f"unknown key {key!r} (expected one of: {', '.join(sorted(KEYS))})",
                               path=path, line=key_node.start_mark.line + 1)
        values[key] = (_scalar(value_node, path, key), value_node.start_mark.line + 1)
    if "rule" not in values:
        raise SidecarError("entry has no 'rule:'", path=path, line=line)
    rule = values["rule"][0].strip()
    if rule not in rules:
        raise SidecarError(f"rule {rule!r} is not listed in 'rules:'", path=path, line=values["rule"][1])
    occurrence = 1
    if "occurrence" in values:
        raw, at = values["occurrence"]
        if not raw.strip().isdigit() or int(raw) < 1:
            raise SidecarError(f"occurrence must be a positive whole number, not {raw!r}", path=path, line=at)
        occurrence = int(raw)
    text = {k: values[k][0] for k in ("quote", "until", "suggest", "drug") if k in values}
    for key in ("quote", "until"):
        if key in text and not text[key]:
            raise SidecarError(f"{key} is empty", path=path, line=values[key][1])
    if "quote" not in text and ("occurrence" in values or "until" in values):
        raise SidecarError("'occurrence' and 'until' need a 'quote'", path=path, line=line)
    return Expectation(rule=rule, line=line, quote=text.get("quote"), occurrence=occurrence,
                       until=text.get("until"), suggest=text.get("suggest"), drug=text.get("drug"))


def parse(text: str, path: str) -> Sidecar:
    """Parse sidecar ``text`` (read from ``path``); quotes are not resolved yet."""
    import yaml  # lazy: PyYAML is only needed when a sidecar is read

    try:
        loader = yaml.SafeLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise SidecarError(f"invalid YAML: {problem}", path=path,
                           line=mark.line + 1 if mark else None) from None
    if root is None or not isinstance(root, yaml.MappingNode):
        raise SidecarError("a sidecar must be a mapping with 'rules:' and 'findings:'", path=path,
                           line=root.start_mark.line + 1 if root is not None else None)
    top = {key.value: (key, value) for key, value in root.value}
    for key, (key_node, _) in top.items():
        if key not in ("rules", "findings"):
            raise SidecarError(f"unknown top-level key {key!r} (expected 'rules' and 'findings')",
                               path=path, line=key_node.start_mark.line + 1)
    if "rules" not in top:
        raise SidecarError("missing 'rules:' (the rules whose findings are listed exhaustively)", path=path)
    rules_node = top["rules"][1]
    if not isinstance(rules_node, yaml.SequenceNode):
        raise SidecarError("'rules:' must be a list of rule names", path=path, line=rules_node.start_mark.line + 1)
    rules = [_scalar(n, path, "a rule name").strip() for n in rules_node.value]
    expectations: list[Expectation] = []
    if "findings" in top:
        node = top["findings"][1]
        if isinstance(node, yaml.SequenceNode):
            expectations = [_parse_entry(item, path, rules) for item in node.value]
        elif not (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"):
            raise SidecarError("'findings:' must be a list", path=path, line=node.start_mark.line + 1)
    return Sidecar(path=path, article=article_for(path), rules=rules, expectations=expectations)


def load(path: str) -> Sidecar:
    """Read and parse the sidecar at ``path``; its article must exist beside it."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise SidecarError(f"cannot read sidecar: {exc}", path=path) from None
    sidecar = parse(text, path)
    if not os.path.isfile(sidecar.article):
        raise SidecarError(f"no article beside this sidecar (expected {sidecar.article})", path=path)
    return sidecar


def _nth(text: str, needle: str, n: int) -> int:
    at = -1
    for _ in range(n):
        at = text.find(needle, at + 1)
        if at < 0:
            return -1
    return at


def resolve(sidecar: Sidecar, text: str) -> list[Expectation]:
    """Locate every quote in the article ``text`` (decoded, BOM removed).

    The span of a quote is its ``occurrence``-th appearance; ``until`` extends it to the end of
    the next appearance of that text after the quote.
    """
    out = []
    for exp in sidecar.expectations:
        if exp.quote is None:
            out.append(exp)
            continue
        start = _nth(text, exp.quote, exp.occurrence)
        if start < 0:
            which = "" if exp.occurrence == 1 else f" (occurrence {exp.occurrence})"
            raise SidecarError(f"quote{which} not found in {sidecar.article}: {exp.quote!r}",
                               path=sidecar.path, line=exp.line)
        end = start + len(exp.quote)
        if exp.until is not None:
            stop = text.find(exp.until, end)
            if stop < 0:
                raise SidecarError(f"'until' text not found after the quote: {exp.until!r}",
                                   path=sidecar.path, line=exp.line)
            end = stop + len(exp.until)
        out.append(Expectation(**{**exp.__dict__, "start": start, "end": end}))
    return out
