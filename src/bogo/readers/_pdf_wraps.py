"""PDF stage 6: visual lines joined into one text, with a space at a wrap only where a word ends.

Hancom wraps Korean text by the syllable as often as by the word: "추진|하고",
"인공|지능" end one line and begin the next inside one word, and the exported
text layer often drops the space of a wrap between words too ("공개해|국민의").
At each wrap (:func:`separator`):

- a space stands where the text layer keeps one after the line's last glyph, and
  where the line stopped short of the right edge (the writer broke it);
- a full line joins the next without a space where the next begins with
  closing punctuation or an ending that never begins a word ("하고", "으로"),
  where the line ends in joining punctuation ("·", "-", "~", an opening
  bracket), before an opening bracket in running text (a cell sets "(A)", "(%)"
  under its label), between a number and its counter ("2|차"), and at a line
  of one syllable (a label stacked in a narrow cell, "문|화|예술과");
- otherwise, between two Hangul syllables, the document decides
  (:class:`Wraps`): the two syllables before the wrap and the two after are
  looked up among the Hangul runs the document writes *within* a line; written
  so somewhere ("인공지능"), the wrap is inside a word (a line set in condensed
  type, without its spaces, is no evidence).  Without that evidence
  the wrap keeps its space, as before.

The last step needs the whole document: texts are first joined with a space at
every undecided wrap, and :meth:`Wraps.resolve` removes the spaces the
document's own words show to be inside a word, once every page is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

#: × font size: a line ending this close to the right edge filled its line (a
#: paragraph's edge is its longest line; a cell's is its border, inside its padding)
FULL_SLACK = 1.5
CELL_SLACK = 2.2
#: syllables on each side of a wrap looked up among the document's words
PROBE_SIDE = 2
PROBE_MIN = 3
#: a line of this many syllables or more with fewer spaces per syllable than
#: CONDENSED_SPACES is set without its spaces (condensed type): no evidence of words
CONDENSED_SYLLABLES = 10
CONDENSED_SPACES = 0.1

# endings and particles that never begin a word: a next line that begins with one
# (and nothing else before a space or punctuation) continues the word before it
ENDINGS = frozenset("""
의 을 를 은 는 에 에서 에게 에는 에도 에서는 에서의 에의 으로 으로는 으로서 으로써 로 로는 로서 로써 로의
와 과 와의 과의 까지 부터 보다 처럼 께서 이나 이라도 이란 이라는 라는 이며 이고 이다 이었다 였다 입니다
하고 하는 하며 하여 하였다 하였고 하였으며 한다 했다 했고 했으며 할 함 함으로써 해서 해야 하기 하게 하도록
하면 하여야 하겠음 하겠습니다 합니다 되고 되는 되며 되어 된 될 됨 되었다 된다 됩니다 시키는 시키고
적인 적으로 적이고 으며 으나 지만 면서 거나
""".split())
#: endings that are a verb of their own after a particle ("이 될", "을 하는")
_VERB_STARTS = frozenset("하한할함해했합되된될됨됩시")
_PARTICLE_ENDS = frozenset("을를이가은는도에로서와과의고며면")
#: syllables that are words of their own on a line: never a piece of stacked text
SINGLE_WORDS = frozenset("및 등 외 약 총 각 전 후 또 즉 중 내 위 안 간 별".split())
#: what follows a number as its counter ("2|차", "100|명")
COUNTERS = ("차", "년", "월", "일", "명", "개", "건", "곳", "회", "종", "권", "호", "층", "세", "시", "분",
            "원", "억", "조", "만", "천", "배", "위", "대", "척", "톤", "편", "주", "팀", "과", "실", "국", "가구")
_JOINING_END = "·ㆍ‧-~/(［[「『〈《<"
_CLOSING_START = ")］]」』〉》>,.%~/:;"  # not "·": a line opened by it is a bulleted item
_HEAD = re.compile(r"[가-힣]+")
_TAIL = re.compile(r"[가-힣]+$")
#: the runs noted as the document's words: a longer run is text set without its
#: spaces (condensed type, "63개분야관련전문기관협의체"), no evidence of a word
_RUN = re.compile(r"(?<![가-힣])[가-힣]{2,8}(?![가-힣])")
_HANGUL = re.compile(r"[가-힣]")


class VisualLine(Protocol):
    text: str
    x1: float
    size: float
    trail_space: bool


def separator(a: VisualLine, b: VisualLine, right: float | None, cell: bool = False) -> str | None:
    """What joins line ``a`` to the next line ``b`` of a paragraph (or of a table
    ``cell``, whose ``right`` is its border): " ", "", or None when only the
    document's words can tell (two Hangul syllables at the wrap of a full line)."""
    if a.trail_space or not a.text or not b.text:
        return " "
    if right is None or a.x1 < right - (CELL_SLACK if cell else FULL_SLACK) * a.size:
        return " "                                  # the line stopped short: the writer broke it
    last, first = a.text[-1], b.text[0]
    if last in _JOINING_END or first in _CLOSING_START:
        return ""
    if first == "(" and last.isalnum() and not cell:
        return ""       # "부동산업|(22.4억 달러)"; a cell puts "(A)", "(%)" under its label
    head = _HEAD.match(b.text)
    if last.isdigit():
        return "" if head and head.group().startswith(COUNTERS) else " "
    if not ("가" <= last <= "힣") or head is None:
        return " "
    rest = b.text[head.end():head.end() + 1]
    if head.group() in ENDINGS and not _HANGUL.match(rest) and not (
            head.group()[0] in _VERB_STARTS and last in _PARTICLE_ENDS):
        return ""       # but "도움이|될", "역할을|하는": the verb of a subject or object stands alone
    if _stacked(a.text) or _stacked(b.text):
        return ""       # a label set one syllable per line in a narrow cell ("문|화|예술과")
    return None


def _condensed(text: str) -> bool:
    """A line set without its spaces: many syllables, few spaces among them."""
    spaces = text.count(" ")
    if len(text) < CONDENSED_SYLLABLES or spaces >= CONDENSED_SPACES * len(text):
        return False                                # the cheap cases: short, or spaced enough
    syllables = len(_HANGUL.findall(text))
    return syllables >= CONDENSED_SYLLABLES and spaces < CONDENSED_SPACES * syllables


_DISTRIBUTED = re.compile(r"[가-힣](?: [가-힣])+")


def _undistributed(ln: VisualLine, right: float) -> VisualLine:
    """A cell's line of single syllables spread over the cell's width ("문 화" over
    "예술과", "총 계"), its spaces dropped: the cell's alignment set them, not the writer."""
    if _DISTRIBUTED.fullmatch(ln.text) and ln.x1 >= right - CELL_SLACK * ln.size:
        return replace(ln, text=ln.text.replace(" ", ""))  # type: ignore[type-var]
    return ln


def _stacked(text: str) -> bool:
    """A line of one syllable that is no word of its own: a piece of stacked text."""
    return len(text) == 1 and "가" <= text <= "힣" and text not in SINGLE_WORDS


def wrap_probe(left: str, right: str) -> str | None:
    """The syllables around a wrap between ``left`` and ``right`` that the
    document's words are searched for, or None when there are too few."""
    tail, head = _TAIL.search(left), _HEAD.match(right)
    if tail is None or head is None:
        return None
    probe = tail.group()[-PROBE_SIDE:] + head.group()[:PROBE_SIDE]
    return probe if len(probe) >= PROBE_MIN else None


class Wraps:
    """The document's words written within a line, and the wraps they decide."""

    def __init__(self) -> None:
        self._runs: set[str] = set()
        #: (holder, attribute names, the undecided pairs "left␠right" in its texts)
        self._pending: list[tuple[object, tuple[str, ...], list[tuple[str, str]]]] = []

    def join(self, lines: Sequence[VisualLine], right: float | None,
             cell: bool = False) -> tuple[str, list[tuple[str, str]]]:
        """The text of ``lines`` (their words noted) and its undecided wraps, each as
        the (text before, text after) the space that stands in it for now."""
        original = lines
        spread = [False] * len(lines)
        if cell and right is not None:
            lines = [_undistributed(ln, right) for ln in lines]
            spread = [" " not in ln.text and was is not ln for ln, was in zip(lines, original, strict=True)]
        parts = [lines[0].text]
        undecided: list[tuple[str, str]] = []
        for i, (a, b) in enumerate(zip(lines, lines[1:], strict=False)):
            sep = separator(a, b, right, cell)
            if sep is None and spread[i] and spread[i + 1]:
                sep = ""        # one label spread syllable by syllable over the cell's lines
            if sep is None:
                undecided.append((a.text, b.text))
                sep = " "
            parts += (sep, b.text)
        for ln in lines:
            self.note(ln.text)
        return "".join(parts), undecided

    def note(self, text: str) -> None:
        """Note the words of one visual line as evidence (unless set in condensed type)."""
        if not _condensed(text):
            self._runs.update(_RUN.findall(text))

    def defer(self, holder: object, attrs: tuple[str, ...], undecided: list[tuple[str, str]]) -> None:
        """Resolve ``undecided`` in ``holder``'s ``attrs`` (text, raw) once the document is read."""
        if undecided:
            self._pending.append((holder, attrs, undecided))

    def inside_word(self, left: str, right: str) -> bool:
        """Whether the document writes the syllables around this wrap within a line."""
        probe = wrap_probe(left, right)
        return probe is not None and probe in self._written({probe})

    def _written(self, probes: set[str]) -> set[str]:
        """Those of ``probes`` that some word of the document holds: one pass over
        the document's words, each read in pieces of the probes' lengths."""
        sizes = {len(p) for p in probes}
        found: set[str] = set()
        for run in self._runs:
            for n in sizes:
                for i in range(len(run) - n + 1):
                    if run[i:i + n] in probes:
                        found.add(run[i:i + n])
        return found

    def resolve(self) -> int:
        """Drop the space of every deferred wrap that falls inside a word; how many."""
        probes = {p for _, _, undecided in self._pending for left, right in undecided
                  if (p := wrap_probe(left, right)) is not None}
        written = self._written(probes) if probes else set()
        n = 0
        for holder, attrs, undecided in self._pending:
            for left, right in undecided:
                if wrap_probe(left, right) not in written:
                    continue
                tail, head = _TAIL.search(left), _HEAD.match(right)
                assert tail is not None and head is not None
                spaced, joined = f"{tail.group()} {head.group()}", tail.group() + head.group()
                for name in attrs:
                    value = getattr(holder, name)
                    if value.count(spaced) == 1:        # the wrap itself, never a space written so
                        setattr(holder, name, value.replace(spaced, joined))
                n += 1
        self._pending.clear()
        return n
