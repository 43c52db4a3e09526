"""W4xx — wording: duplicated words, likely typos, unit spellings, loanwords.

The texts are the report's prose lines plus the text cells of its tables (each
with its line).  W402's analyser (kiwipiepy) is loaded lazily once per process
and only sees *candidate* words: Hangul runs not analysed before (a module-level
cache keeps each word's out-of-vocabulary morphemes), all sent in one batch.
Curated word lists live in ``checks/data/*.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources

from ..model import Finding
from ..settings import CheckSettings
from .context import Context, Line
from .registry import REGISTRY, register
from .textwords import WORD, TextWords, split_texts


def _texts(ctx: Context) -> list[tuple[int, str, str | None]]:
    """(line, text, table id) for every prose line and text table cell."""
    return ctx.memo("texts", lambda: _collect_texts(ctx))


def _words(ctx: Context) -> TextWords:
    """The words of every text of :func:`_texts`, split once per run."""
    return ctx.memo("text_words", lambda: split_texts(_texts(ctx)))


_TWO_LETTERS = re.compile(r"[가-힣A-Za-z]{2}")


def _collect_texts(ctx: Context) -> list[tuple[int, str, str | None]]:
    out = [(ln.no, ln.text, None) for ln in ctx.lines or []]
    for t in ctx.report.tables:
        for row in t.header + t.rows:
            for cell in row:
                if cell and _TWO_LETTERS.search(cell):
                    out.append((t.line, cell, t.id))
    return out


@cache
def _tsv(name: str) -> tuple[tuple[str, str], ...]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(sorted(((r[0], r[1]) for r in rows), key=lambda x: -len(x[0])))


_END = ""  # the trie key that holds a listed form's (wrong, right)


@cache
def _list_index(name: str) -> tuple[dict[str, str], dict]:
    """The list as wrong → right, and as a character trie of the wrong forms
    (one walk along a word finds its longest listed prefix)."""
    table = dict(_tsv(name))
    trie: dict = {}
    for wrong, right in table.items():
        node = trie
        for ch in wrong:
            node = node.setdefault(ch, {})
        node[_END] = (wrong, right)
    return table, trie


def _longest_prefix(trie: dict, w: str) -> tuple[str, str] | None:
    hit, node = None, trie
    for ch in w:
        node = node.get(ch)
        if node is None:
            break
        hit = node.get(_END, hit)
    return hit


@lru_cache(maxsize=200_000)
def _word_hit(name: str, w: str) -> tuple[str, str] | None:
    """(wrong, right) when word ``w`` (a :data:`~bogo.checks.textwords.WORD` token)
    starts with (Hangul) or is (Latin, also before a hyphen) a listed wrong form."""
    table, trie = _list_index(name)
    if not w.isascii():
        return _longest_prefix(trie, w)
    cands = [w] + [w[:i] for i, ch in enumerate(w) if ch == "-"]
    hit = next((c for c in cands if c in table), None)
    return (hit, table[hit]) if hit else None


# a particle or ending the second copy may carry ("효율적·효율적인", "검토, 검토를");
# 인/이/으로 … also make nouns ("관리인", "사업가"), so they count only after 적
_ENDING = r"(?:으로|에서|에게|하는|하고|인|을|를|의|에|와|은|는|이)"
_NOUN_ENDINGS = frozenset({"인", "이", "으로"})
_DUP = re.compile(r"(?<![가-힣A-Za-z])([가-힣A-Za-z]{2,})(\s*[·ㆍ,/]\s*|\s+)\1(" + _ENDING
                  + r"?)(?![가-힣A-Za-z])")
_QUOTED = re.compile(r"『[^』]*』|「[^」]*」|“[^”]*”|‘[^’]*’|《[^》]*》|<[^<>]*>")
_QUOTE_MARK = re.compile(r"[『「“‘《<]")


def doubled_words(text: str, in_table: bool, list_uses: int = CheckSettings().list_uses) -> list[tuple[str, str]]:
    """(found, expected) for each word repeated across a separator in ``text``.

    Not a slip: a repeat split by spaces alone inside a table cell (a cell whose
    lines were flattened, one item per line: "시정 시정", "추진실적 추진실적"); a word
    written ``list_uses`` times or more in the text (a list of names, a flattened
    diagram); a repeat inside a quoted title (『사부작 사부작』)."""
    out = []
    quoted: list[tuple[int, int]] | None = None  # the quoted spans, found once a repeat needs them
    for m in _DUP.finditer(text):
        word, sep = m.group(1), m.group(2)
        if in_table and not sep.strip():
            continue
        if m.group(3) in _NOUN_ENDINGS and not word.endswith("적"):
            continue
        if len(re.findall(r"(?<![가-힣A-Za-z])" + re.escape(word), text)) >= list_uses:
            continue
        if quoted is None:
            quoted = [q.span() for q in _QUOTED.finditer(text)] if _QUOTE_MARK.search(text) else []
        if any(a <= m.start() and m.end() <= b for a, b in quoted):
            continue
        out.append((m.group(0), word + m.group(3)))
    return out


@register("W401", "duplicated-word", "warning", "'{found}': 같은 낱말이 반복됨 → '{expected}'",
          scope="document")
def duplicated_word(ctx: Context) -> Iterator[Finding]:
    """A word repeated across a separator ("추진·추진", "검토, 검토", "추진 추진"),
    also when the second copy carries an ending ("효율적·효율적인").

    Bad:
        소통·협력·협력 강화
        효율적·효율적인 운영
    Good:
        소통·협력 강화
        효율적인 운영

    Traps:
        Only whole words of two or more letters count: "상·하수도" and "1차, 1차"
        are not flagged.  Lists are not slips: a table cell whose lines were
        flattened ("시정 시정", one per line), a table header repeated over
        columns, a word written three times or more in one line (names in a
        list, an org chart flattened to a line) and a repeat inside a quoted
        title (『사부작 사부작』) are skipped.
    """
    chk = REGISTRY["W401"]
    tw = _words(ctx)
    for i in _may_repeat(tw):
        line, text, table = tw.texts[i]
        for found, expected in doubled_words(text, table is not None, ctx.settings.checks.list_uses):
            yield chk.finding(found=found, expected=expected, line=line, table=table)


def _may_repeat(tw: TextWords) -> list[int]:
    """The indices of the texts that may hold a repeated word (:data:`_DUP`), in order.

    In a text without ASCII letters the letter runs are Hangul runs, so a repeat
    is a Hangul run of two letters or more followed, after other characters, by
    a run that begins with it (:data:`_RUN_REPEAT`, one scan of every text); the
    texts with ASCII letters are all kept."""
    out = {i for i, latin in enumerate(tw.latin) if latin}
    scan = "\0" + tw.joined  # every run has a character before it: text i begins at starts[i] + 1
    starts = tw.starts
    m = _RUN_REPEAT.search(scan)
    while m is not None:
        i = bisect_right(starts, m.start(1) - 1) - 1
        out.add(i)
        if i + 1 == len(starts):
            break
        m = _RUN_REPEAT.search(scan, starts[i + 1])
    return sorted(out)


#: the character before a Hangul run of two letters or more (the whole run:
#: possessive) and, after characters that are neither Hangul nor NUL, a run that
#: begins with it; opening with the class of what is not Hangul, the pattern lets
#: the regex engine skip the letters (most of a text) in C
_RUN_REPEAT = re.compile(r"[^가-힣]([가-힣]{2,}+)[^가-힣\0]+\1")


@cache
def _list_pattern(name: str) -> re.Pattern:
    """Any wrong form of list ``name``: a word that starts with one (or is one) is
    in a text that holds one."""
    table, _ = _list_index(name)
    return re.compile("|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)))


def _scan_list(ctx: Context, name: str, code: str) -> Iterator[Finding]:
    """The hits of list ``name`` in every text, text by text and word by word (one
    hit per word, :func:`_word_hit`); only the texts holding a wrong form are read."""
    chk = REGISTRY[code]
    tw = _words(ctx)
    for i in tw.texts_matching(_list_pattern(name)):
        line, text, table = tw.texts[i]
        for w in WORD.findall(text):
            hit = _word_hit(name, w)
            if hit:
                yield chk.finding(found=hit[0], expected=hit[1], line=line, table=table)


@register("W402", "likely-typo", "warning", "'{found}': 오타로 보임 → '{expected}'",
          scope="document")
def likely_typo(ctx: Context) -> Iterator[Finding]:
    """A likely typo: a curated misspelling, or an unknown word one edit from a frequent one.

    Bad:
        Cities Against COIVD-19 … (COVID appears elsewhere in the report)
        서울시 성희롱 신고계시관 운영
    Good:
        Cities Against COVID-19
        서울시 성희롱 신고게시판 운영

    Four sources: the curated list ``data/misspellings.tsv`` (government words
    and acronyms); an upper-case Latin token one edit (or one swap) from a
    token used at least twice in the same report; a Hangul morpheme unknown to
    the Korean analyser (kiwipiepy) one jamo away from a word used at least
    three times in the report; a very frequent word (five times or more) with
    one syllable slipped by one jamo to a syllable rare in the report, which
    the analyser reads as a stray one-syllable word ("사업계휙" → 사업/계/휙).

    Traps:
        Proper names are often unknown to the analyser; they are flagged only
        when a frequent word of the same report is one jamo away.  Two real
        words one jamo apart (재난관리 / 재산관리, 가능함 / 가능한) are not slips:
        the rare-syllable rule needs the analyser to fail on the slipped form.
        A noun with a contracted ending ("관공선" = 관공서 + 이 + ㄴ) is not a
        misspelling of the noun.
        Loanword spellings are W405's (info), not typos.
    """
    yield from _scan_list(ctx, "misspellings.tsv", "W402")
    from .typos import hangul_typos, latin_typos

    chk = REGISTRY["W402"]
    tw, cfg = _words(ctx), ctx.settings.checks
    listed = {w for w, _ in _tsv("misspellings.tsv")}
    for line, table, found, expected in latin_typos(tw.texts, cfg, tw.latin) + hangul_typos(tw.texts, cfg, tw):
        if found not in listed:
            yield chk.finding(found=found, expected=expected, line=line, table=table)


@register("W405", "loanword-spelling", "info", "'{found}': 외래어 표기 → '{expected}'",
          scope="document")
def loanword(ctx: Context) -> Iterator[Finding]:
    """A loanword or proper name spelled against the standard 외래어 표기.

    Bad:
        대시민 공약 실천(메니페스토) 지원, 워크샵 개최
    Good:
        대시민 공약 실천(매니페스토) 지원, 워크숍 개최

    Traps:
        Matched only at the start of a word from the curated list
        ``data/loanwords.tsv``, so longer correct words are not hit.
    """
    yield from _scan_list(ctx, "loanwords.tsv", "W405")


_UNIT_SUFFIX = re.compile(r"(담당관|기획관|협력관|정책관|본부|사업소|위원회|센터)$")
_PROSE_UNIT = re.compile(r"[가-힣]{2,}(?:담당관|기획관|협력관|정책관|사업본부|사업소|위원회|센터)")


def _prose(ctx: Context) -> str:
    """The prose lines joined by newlines (computed once per run)."""
    return ctx.prose()


def _prose_lines_matching(ctx: Context, pattern: re.Pattern) -> list[Line]:
    """The prose lines in which ``pattern`` matches (and maybe a few more:
    :meth:`Context.lines_matching`), in order."""
    lines = ctx.lines or []
    return [lines[i] for i in ctx.lines_matching(pattern)]


def _unit_names(ctx: Context) -> Counter:
    names: Counter = Counter()
    # a scan of each line finds what one scan of the joined prose finds, in order:
    # a match holds only Hangul, so never the newline between two lines; and it
    # ends in a unit word, so only the lines holding one are scanned
    for ln in _prose_lines_matching(ctx, _UNIT_WORD):
        names.update(_PROSE_UNIT.findall(ln.text))
    for t in ctx.report.tables:
        for row in t.rows:
            if row and len(row[0]) >= 4 and _UNIT_SUFFIX.search(row[0]) and " " not in row[0]:
                names[row[0]] += 1
    if ctx.report.staffing:
        names.update(r.unit.replace(" ", "") for r in ctx.report.staffing.rows)
    return names


_UNIT_WORD = re.compile(r"담당관|기획관|협력관|정책관|사업본부|사업소|위원회|센터")


def _split_names(ctx: Context, names: list[str]) -> list[str]:
    """The names that may occur split by separators: more often in the text without them than in it.

    Splitting only adds occurrences once the separators are removed, so a name
    found as often in the compacted text as in the text is never written split
    (this saves compiling one pattern per document for the common case).  Both
    are counted over the lines holding the name's last letter (no other line
    holds the name, compacted or not), found once per last letter."""
    if not names:
        return []
    texts: dict[str, tuple[str, str]] = {}  # last letter ("": any) → (its lines, compacted)

    def more_when_compacted(n: str) -> bool:
        last = "" if n[-1] in _SEPARATORS or "\n" in n else n[-1]
        if last not in texts:
            lines = ctx.lines or []
            text = "\n".join(lines[i].text for i in ctx.lines_matching(re.compile(re.escape(last)))) \
                if last else _prose(ctx)
            texts[last] = text, _compact(text)
        text, bare = texts[last]
        return bare.count(n) > text.count(n)

    return [n for n in names if more_when_compacted(n)]


_SEPARATORS = " ·ㆍ"


def _compact(text: str) -> str:
    """``text`` without its separators."""
    return text.replace(" ", "").replace("·", "").replace("ㆍ", "")


@register("W404", "unit-spelling-variant", "warning",
          "'{found}': 같은 명칭의 {what} 다름 → '{expected}'", scope="document")
def unit_variant(ctx: Context) -> Iterator[Finding]:
    """One unit name written two ways in one document (spaces or middle dots inside it).

    Bad:
        재정 관리담당관 … 재정관리담당관
    Good:
        재정관리담당관 … 재정관리담당관

    The reference spelling is a unit name written without spaces in the prose or
    in a table's first column; a prose occurrence split by one or two spaces or
    middle dots is flagged.

    Traps:
        Fully spaced-out headings ("기 획 담 당 관") are a layout habit, joined by
        the reader, and skipped here (more than two separators).  Table cells are
        normalised already and never checked.  A name alone on its line is a
        label (a box of an org chart, a caption) whose space may be where a narrow
        box wrapped it ("클래식 / 부산"): not a spelling, not checked.
    """
    chk = REGISTRY["W404"]
    names = _split_names(ctx, [n for n in _unit_names(ctx) if len(n) >= 4])
    if not names:
        return
    rx = _variant_pattern(names)
    canon = {n: n for n in names}
    for ln in _prose_lines_matching(ctx, rx):
        for m in rx.finditer(ln.text):
            s = m.group(0)
            seps = len(re.findall(r"[ ·ㆍ]", s))
            key = re.sub(r"[ ·ㆍ]", "", s)
            if 1 <= seps <= 2 and key in canon and ln.text.strip() != s:
                yield chk.finding(found=s, expected=key, line=ln.no, what=_what_differs(s))


def _what_differs(variant: str) -> str:
    """What a variant adds to its name, as the message says it: spaces, middle dots or both."""
    spaced, dotted = " " in variant, "·" in variant or "ㆍ" in variant
    return "띄어쓰기·가운뎃점이" if spaced and dotted else "가운뎃점이" if dotted else "띄어쓰기가"


def _variant_pattern(names: list[str]) -> re.Pattern:
    """Any of ``names`` with at most one space or middle dot between two letters,
    not after a Hangul letter: ``(?<![가-힣])(?:n|a[ ·ㆍ]?m…)``, longest name first,
    written with each name's first letter ahead of the look-behind, so that the
    pattern opens with a class of letters (the regex engine skips in C every
    position that cannot start a match); the same matches."""
    alts = [re.escape(n[0]) + r"(?<![가-힣].)" + "".join(r"[ ·ㆍ]?" + re.escape(ch) for ch in n[1:])
            for n in sorted(names, key=len, reverse=True)]
    return re.compile("|".join(alts))
