"""placeholder-link (MED101): links that point nowhere real."""
from __future__ import annotations

import re
from typing import Iterator
from urllib.parse import unquote, urlsplit

from medlint.findings import Finding, Severity
from medlint.rules.base import Rule

# Words a template leaves in a link target ("insert link", "TODO", "url-here").
_TEMPLATE_WORDS = {"insert", "add", "paste", "put", "enter", "your", "the", "a", "link", "links", "url",
                   "href", "here", "source", "tbd", "todo", "tk", "xxx", "xx", "x", "placeholder", "goes",
                   "this", "to", "website", "page", "citation", "reference", "ref", "none", "null",
                   "undefined", "fixme", "tbc", "coming", "soon"}
_CORE_WORDS = {"insert", "link", "links", "url", "href", "tbd", "todo", "tk", "xxx", "xx", "placeholder",
               "fixme", "tbc", "null", "undefined", "none", "x"}
_EMPTY_SCRIPTS = re.compile(r"(?i)^(?:javascript:\s*(?:void\s*\(\s*0\s*\)|;)?\s*;?|about:blank)$")
_DEV_SUFFIXES = (".local", ".test", ".invalid", ".example", ".localhost", ".localdomain", ".internal")
_DEV_HOSTS = {"localhost", "127.0.0.1", "0.0.0.0", "::1", "[::1]"}
_EXAMPLE_DOMAIN = re.compile(r"(?:^|\.)example\.(?:com|net|org|edu)$")
_TEMPLATE_DOMAIN = re.compile(r"(?:^|\.)your[-_]?(?:site|domain|website|web|blog|url|link|page|company|brand|name)"
                              r"(?:[-_]?here)?\.[a-z]+$")
# Link text that is a template slot ("Source Title", "Link 1", "link here", "insert link").
_SLOT_TEXT = re.compile(
    r"(?i)^\s*\[?\s*(?:(?:source|article|page|study|reference|ref|citation|link|resource|website|site)"
    r"[ _-]*(?:title|name|text|here|url|link|\d+)|link|url|link[ _-]*here|click[ _-]*here|insert[ _-].*|"
    r"add[ _-]+link.*|title|anchor[ _-]*text)\s*\]?\s*$")
_WEB_SCHEMES = {"http", "https", "ftp", "ftps"}
_NOWHERE = {"#", "#!", "#0", "#_", "#null", "#undefined"}
_TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|\$\{|%%[A-Za-z_]|^\[[^\]]*\]$")
# a path segment a template left unfilled: /XXXXXXX/, 10.xxxx/, your-link-here, /TODO
# (whole segments only: "/todo-list-for-visits" is a real slug)
_SLOT_PATH = re.compile(r"(?i)(?:^|[/=.#?&])(?:x{3,}|todo|tbd|fixme|placeholder|insert[-_]?(?:link|url)|"
                        r"link[-_]?here|url[-_]?here|your[-_]?(?:link|url|page|article)(?:[-_]?here)?)(?=$|[/=.#?&])")


def placeholder_reason(href: str, anchors: set[str] | None = None, *, check_empty_anchors: bool = False) -> str | None:
    """Why ``href`` is a placeholder target, or None when it may be real.

    An in-page link is checked against ``anchors``; with no anchors at all it is checked only
    when ``check_empty_anchors`` (an HTML page whose elements carry no id at all).
    """
    raw = href.strip()
    target = raw.strip("<>\"' ")
    if not unquote(target).strip():
        return "empty link target"
    if target in _NOWHERE or _EMPTY_SCRIPTS.match(target):
        return f"link target {target!r} goes nowhere"
    if _TEMPLATE_SYNTAX.search(target):
        return f"link target {target!r} is an unfilled template variable"
    if target.startswith("#"):
        # browsers scroll "#top" to the top of the page even without such an id
        if (anchors or check_empty_anchors) and target.lower() != "#top" \
                and not _anchor_exists(target[1:], anchors or set()):
            return f"in-page link {target!r} matches no heading or id on the page"
        return None
    lowered = target.lower()
    if lowered.startswith("mailto:"):
        address = unquote(target[7:]).split("?", 1)[0]
        if "@" not in address:
            return "mailto link without an address"
        return _host_reason(address.rsplit("@", 1)[1].lower())
    words = re.findall(r"[a-z]+", lowered)
    if words and "." not in target and "/" not in target and set(words) <= _TEMPLATE_WORDS \
            and set(words) & _CORE_WORDS:
        return f"template text {target!r} instead of a link target"
    try:
        parts = urlsplit(target if "://" in target or not lowered.startswith("www.") else "http://" + target)
    except ValueError:
        return f"malformed link target {target!r}"
    if parts.scheme.lower() in _WEB_SCHEMES:
        if not parts.hostname:
            return f"link target {target!r} has no host"
        reason = _host_reason(parts.hostname.lower())
        if reason is None and _SLOT_PATH.search(unquote(parts.path + "?" + parts.query + "#" + parts.fragment)):
            reason = f"link target {target!r} has a placeholder in its path"
        return reason
    return None


def _host_reason(host: str) -> str | None:
    host = host.rstrip(".")
    if host in _DEV_HOSTS or host.endswith(_DEV_SUFFIXES) or host in {s.lstrip(".") for s in _DEV_SUFFIXES}:
        return f"link points to a development host ({host})"
    if _EXAMPLE_DOMAIN.search(host):
        return f"link points to the reserved example domain ({host})"
    if _TEMPLATE_DOMAIN.search(host):
        return f"link points to a template domain ({host})"
    return None


def _anchor_exists(fragment: str, anchors: set[str]) -> bool:
    wanted = unquote(fragment)
    if wanted in anchors:
        return True
    folded = {a.lower() for a in anchors}
    return wanted.lower() in folded or _slug(wanted) in {_slug(a) for a in anchors}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _is_real_target(href: str, anchors: set[str] | None) -> bool:
    """A target that can be followed: an address with a host, a path, an existing anchor."""
    target = href.strip().strip("<>\"' ")
    if not target or placeholder_reason(target, anchors) is not None:
        return False
    if target.startswith("#"):
        return True
    if re.match(r"(?i)^[a-z][a-z0-9+.-]*:", target):
        return True
    return "/" in target or "." in target


class PlaceholderLink(Rule):
    """Checks for links that point nowhere real.

    ## What it does
    Flags a link whose target is empty, `#`, template text (`insert link`, `TBD`, `TODO`,
    `url`), the reserved `example.com` domain, a scheme with no host (`http://`), a development
    host (`localhost`, `127.0.0.1`, `*.local`, `*.test`, `*.invalid`), a template variable
    (`{{ url }}`), a path segment left as a slot (`/XXXXXXX/`, `/TODO`, `your-link-here`), a
    script anchor (`#!`, `javascript:void(0)`), or an in-page anchor that matches no heading or
    id; and a link whose text is a template slot (`Source Title`,
    `Link 1`) when it has no real target. Markdown and HTML links, and bare URLs in text, count.
    `mailto:` links with an address and in-page links to existing headings are fine.

    ## Why it matters
    A reader who follows a placeholder link to check a medical claim finds nothing, and the
    article looks unfinished. Placeholder references also make uncited claims look cited.

    ## Example
    ```markdown
    See [the FDA label](insert link).
    ```

    ## Use instead
    ```markdown
    See [the FDA label](https://www.accessdata.fda.gov/scripts/cder/daf/).
    ```

    ## References
    - CommonMark spec, links: https://spec.commonmark.org/0.31.2/#links
    - RFC 2606, reserved top-level and example domains: https://www.rfc-editor.org/rfc/rfc2606
    """

    code = "MED101"
    name = "placeholder-link"
    severity = Severity.ERROR
    summary = "Link target is a placeholder, not a real address"
    message = "Placeholder link: {reason}"

    def check(self, document) -> Iterator[Finding]:
        anchors = set(getattr(document.parsed, "anchors", None) or ())
        html_page = getattr(document.parsed, "format", "") == "html"
        for link in document.links:
            reason = placeholder_reason(link.href, anchors, check_empty_anchors=html_page)
            if reason is None and link.text and _SLOT_TEXT.match(link.text) and not _is_real_target(link.href, anchors):
                reason = f"link text {link.text.strip()!r} is a template slot and {link.href!r} is no real target"
            if reason is not None:
                yield self.finding_at_source(link.source_start, link.source_end, reason=reason)
