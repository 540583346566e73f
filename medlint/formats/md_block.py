"""markdown-it-py's block parser, without trying rules that a line cannot start.

The block tokenizer tries every block rule in turn at the start of each block; most of them
(code, fence, block quote, rule, list, footnote and reference definitions, HTML block, ATX
heading) give up at once unless the line's first non-blank character is one of their
markers or the line is indented as code. A paragraph line that opens with a letter thus
costs nine rule calls that cannot match. :class:`DispatchingParserBlock` runs the same loop
as ``ParserBlock.tokenize`` and, for a line that is not indented as code and does not open
with a marker character, tries only the other rules, in their order (table, setext heading,
paragraph, and any rule it does not know), and the paragraph alone when the next line is
blank. The tokens are the same.
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
    _alone: list | None = None

    def _chains(self, rules: list) -> tuple[list, list | None]:
        """From ``rules`` (the enabled chain, cached by the ruler): the rules that may match a
        line without a marker (all but the marker rules, in order), and those that may when
        the next line is blank too (the paragraph alone: a table needs its delimiter row and
        a setext heading its underline on the next line), or None unless that is exactly
        [table, lheading, paragraph]."""
        if rules is not self._seen:
            names = {r.fn: r.name for r in self.ruler.__rules__ if r.enabled}
            self._unmarked = [fn for fn in rules if names.get(fn) not in MARKER_RULES]
            self._alone = self._unmarked[2:] if [names.get(fn) for fn in self._unmarked] == \
                ["table", "lheading", "paragraph"] else None
            self._seen = rules
        return self._unmarked, self._alone

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        """``ParserBlock.tokenize`` (markdown-it-py 4), choosing the rules per line."""
        rules = self.ruler.getRules("")
        unmarked, alone = self._chains(rules)
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
                if alone is not None and (line + 1 >= endLine or state.isEmpty(line + 1)):
                    chain = alone
                    state.parentType = "paragraph"  # what the failing lheading rule leaves behind
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
