"""markdown-it-py, taught to say where each inline token came from.

markdown-it-py gives line ranges for blocks but no positions inside a paragraph. Its inline
tokenizer advances ``state.pos`` rule by rule, so the span each rule consumed is known at the
moment the rule returns. :class:`PosParserInline` runs the same rules in the same order and
stamps every token it sees pushed with ``token.meta["src"] = (start, end)``, offsets into the
inline content string; literal text (which markdown-it accumulates as "pending" text) gets
the span where that run of text began. The two passes that merge tokens after the fact
(``fragments_join`` and the core ``text_join``) are switched off so no stamp is lost.
"""
from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_inline.state_inline import StateInline
from markdown_it.token import Token

from medlint.formats.md_block import DispatchingParserBlock


# Where an inline rule other than "text" may start: newline, escape, code, emphasis, link,
# footnote reference ("[", which an image's "![" also needs), "~~" strike, "<" before a letter or
# "/!?" (autolink, HTML), "&" before "#" or a name and ";" (entity). A lone "~", "!", "&" or
# "< 5" is text to every rule.
_SPECIAL = re.compile(r"[\n\\`*_\[]|~~|<[A-Za-z/!?]|&(?:#|[A-Za-z][A-Za-z0-9]{0,31};)")
_SPECIAL_CHAR = re.compile(r"[\n\\`*_\[~<&]")  # a character class scans fast: most lines have none


class _PosState(StateInline):
    """Inline state that stamps the text tokens it flushes from pending text."""

    def __init__(self, src: str, md: MarkdownIt, env: Any, out: list[Token]) -> None:
        super().__init__(src, md, env, out)
        self.pending_start = 0

    def pushPending(self) -> Token:
        start = self.pending_start
        token = super().pushPending()
        token.meta["src"] = (start, start + len(token.content))
        return token


class PosParserInline(ParserInline):
    """The inline parser of markdown-it-py, recording the source span of every token."""

    def tokenize(self, state: StateInline) -> None:
        rules = self.ruler.getRules("")
        end = state.posMax
        max_nesting = state.md.options["maxNesting"]
        tokens = state.tokens
        src = state.src
        while state.pos < end:
            pos = state.pos
            count = len(tokens)
            was_empty = not state._pending and not state._pending_buffer
            ok = False
            if state.level < max_nesting:
                for rule in rules:
                    ok = rule(state, False)
                    if ok:
                        if state.pos <= pos:
                            raise RuntimeError("inline rule didn't increment state.pos")
                        break
            if ok:
                if was_empty and (state._pending or state._pending_buffer):
                    state.pending_start = pos  # type: ignore[attr-defined]
                if len(tokens) > count:
                    _stamp(tokens, count, pos, state.pos, src)
                if state.pos >= end:
                    break
                continue
            if was_empty:
                state.pending_start = pos  # type: ignore[attr-defined]
            state.append_pending(src[pos])
            state.pos += 1
        if state._pending or state._pending_buffer:
            state.pushPending()

    def parse(self, src: str, md: MarkdownIt, env: Any, tokens: list[Token]) -> list[Token]:
        if src and (not _SPECIAL_CHAR.search(src) or not _SPECIAL.search(src)):
            # no character any inline rule but "text" reacts to: markdown-it would make one text
            # token of the whole line (most paragraphs), so make it without walking the rules
            token = Token("text", "", 0)
            token.content = src
            token.meta["src"] = (0, len(src))
            tokens.append(token)
            return tokens
        state = _PosState(src, md, env, tokens)
        self.tokenize(state)
        for rule in self.ruler2.getRules(""):
            rule(state)
        return state.tokens


def _stamp(tokens: list[Token], first: int, start: int, end: int, src: str) -> None:
    """Give the tokens a rule pushed (those not stamped yet) the span it consumed; a run of
    one-character text tokens (emphasis delimiters) gets one character each."""
    new = [t for t in tokens[first:] if "src" not in t.meta]
    if not new:
        return
    if all(t.type == "text" for t in new) and "".join(t.content for t in new) == src[start:end]:
        pos = start
        for t in new:
            t.meta["src"] = (pos, pos + len(t.content))
            pos += len(t.content)
        return
    for t in new:
        t.meta["src"] = (start, end)


def make_markdown() -> MarkdownIt:
    """CommonMark + GFM tables and strikethrough + footnotes, with positioned inline tokens
    (and a block tokenizer that skips the rules a line cannot start: :mod:`md_block`)."""
    from mdit_py_plugins.footnote import footnote_plugin  # lazy: only Markdown needs it

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    positioned = PosParserInline()
    positioned.ruler = md.inline.ruler
    positioned.ruler2 = md.inline.ruler2
    positioned.terminator_re = md.inline.terminator_re
    positioned._extra_terminator_chars = md.inline._extra_terminator_chars
    md.inline = positioned
    dispatching = DispatchingParserBlock()
    dispatching.ruler = md.block.ruler
    md.block = dispatching
    md.use(footnote_plugin, inline=False, move_to_end=False)
    md.core.ruler.disable("text_join")
    md.core.ruler.disable("normalize")  # the parser is given LineTable.norm: no "\r", no NUL
    md.inline.ruler2.disable("fragments_join")
    return md
