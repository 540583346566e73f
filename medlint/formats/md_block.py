"""markdown-it-py's block parser, without trying rules that a line cannot start.

The block tokenizer tries every block rule in turn at the start of each block; most of them
(code, fence, block quote, rule, list, footnote and reference definitions, HTML block, ATX
heading) give up at once unless the line's first non-blank character is one of their
markers or the line is indented as code. A paragraph line that opens with a letter thus
costs nine rule calls that cannot match. :class:`DispatchingParserBlock` runs the same loop
as ``ParserBlock.tokenize`` and, for a line that is not indented as code and does not open
with a marker character, tries only the other rules, in their order (table, setext heading,
paragraph, and any rule it does not know). The tokens are the same.
"""
from __future__ import annotations

from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block.state_block import StateBlock

# Rules that match only at a line opening with one of MARKERS, or indented by 4+ columns.
MARKER_RULES = frozenset(("code", "fence", "blockquote", "hr", "list", "footnote_def", "reference",
                          "html_block", "heading"))
MARKERS = frozenset("`~>*-_+#<[0123456789")


class DispatchingParserBlock(ParserBlock):
    """``ParserBlock`` whose tokenizer skips the marker rules on lines without a marker."""

    _seen: list | None = None
    _unmarked: list = []

    def _unmarked_rules(self, rules: list) -> list:
        """The rules of ``rules`` (the enabled chain, cached by the ruler) that may match a
        line without a marker: all but the marker rules, in order."""
        if rules is not self._seen:
            names = {r.fn: r.name for r in self.ruler.__rules__ if r.enabled}
            self._unmarked = [fn for fn in rules if names.get(fn) not in MARKER_RULES]
            self._seen = rules
        return self._unmarked

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        """``ParserBlock.tokenize`` (markdown-it-py 4), choosing the rules per line."""
        rules = self.ruler.getRules("")
        unmarked = self._unmarked_rules(rules)
        line = startLine
        maxNesting = state.md.options.maxNesting
        hasEmptyLines = False
        src, bMarks, tShift, sCount = state.src, state.bMarks, state.tShift, state.sCount

        while line < endLine:
            state.line = line = state.skipEmptyLines(line)
            if line >= endLine:
                break
            if sCount[line] < state.blkIndent:
                break  # the end of a nested call (block quotes, lists)
            if state.level >= maxNesting:
                state.line = endLine
                break

            chain = rules
            if sCount[line] - state.blkIndent < 4 and src[bMarks[line] + tShift[line]] not in MARKERS:
                chain = unmarked
            ok = False
            for rule in chain:
                ok = rule(state, line, endLine, False)
                if ok:
                    if state.line <= line:
                        raise RuntimeError("block rule didn't increment state.line")
                    break
            if not ok:
                raise RuntimeError("none of the block rules matched")

            state.tight = not hasEmptyLines
            line = state.line
            if (line - 1) < endLine and state.isEmpty(line - 1):
                hasEmptyLines = True
            if line < endLine and state.isEmpty(line):
                hasEmptyLines = True
                line += 1
                state.line = line
