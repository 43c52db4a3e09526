"""The faster paths of ``bogo.parse`` give what the plain ones gave.

Records validated in bulk (paragraphs, the outline, budget lines) equal the
records the model constructors build, field for field and type for type, and
bad values are still refused; the nearest bare number of ``join_split_headings``
is the one a backward scan finds; the evidence-first □ search, the trailing
bracket guard of part headings and the tail-only sentence test agree with the
expressions they replace; the caches on marker functions are bounded and hold
nothing a later document could see wrongly (they are pure functions of a marker).
"""

from __future__ import annotations

import importlib
import random

import pytest
from pydantic import ValidationError

from bogo import readers
from bogo.blocks import Paragraph, Table
from bogo.extract.budget import _LINES
from bogo.model import BudgetLine, ParagraphRec, Section
from bogo.normalize.markers import marker_kind, marker_number
from bogo.pipeline import paragraph_records
from bogo.settings import SETTINGS
from bogo.structure import _SECTIONS, analyse, boxnumbers, lostbullets, to_sections
from conftest import SEED_FILES, parsed

#: the module (``bogo.structure.outline`` is also the name of its function, re-exported)
outline = importlib.import_module("bogo.structure.outline")


def _layout(path):
    p, data = readers.load_bytes(path, SETTINGS)
    return analyse(readers.read_bytes(p, data, SETTINGS), SETTINGS)


def _same_records(a, b) -> None:
    assert a == b
    for x, y in zip(a, b, strict=True):
        assert type(x) is type(y)
        assert x.model_fields_set == y.model_fields_set
        assert x.model_dump() == y.model_dump()
        assert [type(v) for v in x.model_dump().values()] == [type(v) for v in y.model_dump().values()]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_bulk_validated_paragraphs_and_sections_equal_the_constructed_ones(path):
    lay = _layout(path)
    one_by_one = [ParagraphRec(text=b.text, raw=b.raw, line=b.line, marker=b.marker, indent=b.indent,
                               section=sec.id if sec is not None else None, page=b.page)
                  for b, sec in zip(lay.blocks, lay.section_of, strict=True) if isinstance(b, Paragraph)]
    _same_records(paragraph_records(lay), one_by_one)

    def section(h):
        return Section(id=h.id, level=h.level, marker=h.marker, title=h.title, line=h.line,
                       children=[section(c) for c in h.children])

    roots = [h for h in lay.headings if h.parent is None]
    _same_records(to_sections(roots), [section(h) for h in roots])
    assert lay.outline == [section(h) for h in roots]


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_bulk_validated_budget_lines_equal_the_constructed_ones(path):
    lines = parsed(path).budget_lines
    _same_records(lines, [BudgetLine(**x.model_dump()) for x in lines])


def test_bulk_validation_still_refuses_bad_values():
    good = dict(table="t", item="a", column="c", amount=1, count=None, unit="원", line=1,
                table_id="t1", row=0, col=1)
    assert type(_LINES.validate_python([good])[0].amount) is int
    assert type(_LINES.validate_python([{**good, "amount": 1.5}])[0].amount) is float
    with pytest.raises(ValidationError):
        _LINES.validate_python([{**good, "amount": "many"}])
    with pytest.raises(ValidationError):
        _LINES.validate_python([{**good, "stray": 1}])
    with pytest.raises(ValidationError):
        _SECTIONS.validate_python([{"id": "s1", "level": "x", "marker": "1.", "title": "t", "line": 1,
                                    "children": []}])


def _scan_back(blocks, i):
    """The plain backward scan ``join_split_headings`` used to make."""
    for b in reversed(blocks[max(0, i - boxnumbers.LIST_REACH):i]):
        if isinstance(b, Paragraph) and b.marker.isascii() and b.marker.isdigit():
            return int(b.marker)
    return None


def test_the_nearest_bare_number_is_the_one_a_backward_scan_finds():
    rnd = random.Random(7)
    for _ in range(50):
        out = boxnumbers._Numbered()
        for _ in range(rnd.randrange(1, 400)):
            marker = rnd.choice(["", "", "", "-", "□", str(rnd.randrange(1, 20)), "①"])
            out.append(Paragraph(text="가나다", raw="가나다", line=1, marker=marker))
            if rnd.random() < 0.2:
                assert out.previous_number() == _scan_back(out.blocks, len(out.blocks))


def _lost_squares_plain(blocks, kinds):
    """The □ search as it was: every candidate first, then the evidence."""
    if "square" in kinds or not any(k in lostbullets._NUMBERED for k in kinds):
        return set()
    cands = [i for i in range(1, len(blocks) - 1) if lostbullets._candidate(blocks, kinds, i)]
    evidence = sum(1 for i in cands if kinds[i - 1] in lostbullets._NUMBERED)
    if evidence < max(lostbullets.MIN_EVIDENCE,
                      lostbullets.MIN_SHARE * sum(1 for k in kinds if k in lostbullets._NUMBERED)):
        return set()
    first = next(i for i, k in enumerate(kinds) if k in lostbullets._NUMBERED)
    return {i for i in cands if i > first and (kinds[i] == "part" or kinds[i - 1] in lostbullets._NUMBERED
                                               or lostbullets._sub_item(blocks[i - 1]))}


def _texts():
    for path in SEED_FILES:
        for b in _layout(path).blocks:
            if isinstance(b, Paragraph):
                yield b.text
            elif isinstance(b, Table):
                yield from (c.text for c in b.cells)


def test_evidence_first_square_search_and_text_tests_agree_with_the_plain_ones():
    for path in SEED_FILES:
        lay = _layout(path)
        kinds = [outline.heading_kind(b) if isinstance(b, Paragraph) else None for b in lay.blocks]
        assert lostbullets.lost_squares(lay.blocks, kinds) == _lost_squares_plain(lay.blocks, kinds)
    extra = ["추진실적 ('25. 2월 말 기준)", "향후 계획 (안)\n", "현황】", "추진방향 ) ", "하였다.\n", "요", "다"]
    for t in [*_texts(), *extra]:
        assert outline._part_heading(t) == bool(
            outline.PART_HEADING.match(outline._TRAILING_PAREN.sub("", t).strip()))
        if len(t) >= 2:
            assert bool(lostbullets._SENTENCE.search(t, len(t) - 3)) == bool(lostbullets._SENTENCE.search(t))


def test_marker_caches_are_bounded_and_pure():
    for f in (marker_kind, marker_number):
        assert f.cache_info().maxsize is not None
    before = [(m, marker_kind(m), marker_number(m)) for m in ("Ⅲ", "②", "4.", "(3)", "가.", "IV.", "□", "")]
    marker_kind.cache_clear()
    marker_number.cache_clear()
    assert before == [(m, marker_kind(m), marker_number(m)) for m in ("Ⅲ", "②", "4.", "(3)", "가.", "IV.", "□", "")]


def test_sections_of_gives_each_block_the_last_heading_at_or_before_it():
    from bogo.structure import _sections_of
    from bogo.structure._heading import Heading

    rnd = random.Random(3)
    for _ in range(200):
        n = rnd.randrange(0, 40)
        idx = sorted(rnd.randrange(0, n + 3) for _ in range(rnd.randrange(0, 8)))
        heads = [Heading(index=i, rank=1, marker="", title="t", line=1, kind="num") for i in idx]
        plain, k, cur = [], 0, None
        for i in range(n):
            while k < len(heads) and heads[k].index <= i:
                cur, k = heads[k], k + 1
            plain.append(cur)
        assert [id(h) for h in _sections_of(heads, n)] == [id(h) for h in plain]


def test_collapse_spaces_is_split_and_join():
    from bogo.normalize.text import collapse_spaces

    spaces = [chr(c) for c in range(0x3100) if chr(c).isspace()] + ["\u3000", "\u2028", "\u205f"]
    rnd = random.Random(5)
    pieces = ["가", "a", "1", " ", "  ", *spaces]
    for _ in range(20000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 7)))
        assert collapse_spaces(s) == " ".join(s.split())


def test_joining_spaced_runs_from_the_first_hint_is_joining_them_all():
    from bogo.normalize import text as nt

    def plain(text):
        head = len(text)
        if len(text) - text.count(" ") > nt._LONG:
            head = nt._HEAD_RE.match(text).end()
        if nt._SPACED_HINT.search(text, 0, head + 6):
            text = nt._SPACED_RUN.sub(lambda m: nt._join_run(m) if m.start() < head else m.group(0), text)
        if len(text) > 2 and text[1] == " ":
            text = nt._SPACED_PAIR_LABEL.sub(nt._pair, text)
        return text

    texts = [t for t in _texts() if t]
    texts += ["기 획 담 당 관", "민 선 7 기 공약", "인 력 306/274명", "및 그 외 각 부서", "1 2 3 가 나",
              "가 " * 60 + "끝", "사업 " * 30 + "가 나 다 라"]
    for t in texts:
        assert nt.join_spaced(t) == plain(t), t


def test_the_composite_patterns_are_skipped_only_where_they_cannot_match():
    from bogo.normalize import numbers

    rnd = random.Random(11)
    pieces = ["1", "2,345", "(", ")", "*", " ", "/", "%", "-", "△", "가나", "(3)", "(12.5%)", "명"]
    texts = [t.strip() for t in _texts()]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 9))).strip() for _ in range(20000)]
    for t in texts:
        if t and not ("(" in t and t[-1] in ")*"):
            assert numbers._PAREN.match(t) is None, t
        if "/" not in t:
            assert numbers._PAIR.match(t) is None, t


def _place_plain(rows, short, target, rounds, combinations_cap, blanks_first=False):
    """``place_by_totals`` as it was: every trial copies all the sums and adds up
    the whole mismatch again."""
    from itertools import islice

    from bogo.normalize.placement import _ways

    width = len(target)
    sums = [[0.0, 0.0] for _ in range(width)]
    choice = {i: cols for i, (_, cols) in short.items()}
    for i, vals in enumerate(rows):
        placed = zip(short[i][1], short[i][0], strict=True) if i in short else enumerate(vals or ())
        for k, (q, c) in placed:
            sums[k][0] += q
            sums[k][1] += c

    def mismatch(s):
        return sum(abs(s[k][0] - target[k][0]) + abs(s[k][1] - target[k][1]) for k in range(width))

    best = mismatch(sums)
    for _ in range(rounds):
        if best == 0:
            break
        improved = False
        for i, (vals, _) in short.items():
            for cols in islice(_ways(width, len(vals), blanks_first), combinations_cap):
                trial = [list(s) for s in sums]
                for k, (q, c) in zip(choice[i], vals, strict=True):
                    trial[k][0] -= q
                    trial[k][1] -= c
                for k, (q, c) in zip(cols, vals, strict=True):
                    trial[k][0] += q
                    trial[k][1] += c
                e = mismatch(trial)
                if e < best:
                    best, sums, improved = e, trial, True
                    choice[i] = cols
        if not improved:
            break
    return choice, best


def test_placing_by_totals_with_per_column_terms_is_the_whole_search():
    from bogo.normalize.placement import place_by_totals

    rnd = random.Random(13)

    def value():
        return rnd.choice([float(rnd.randrange(0, 500)), rnd.randrange(0, 90) / 10, 0.1 * rnd.randrange(1, 30)])

    for _ in range(400):
        width = rnd.randrange(2, 7)
        rows, short = [], {}
        for i in range(rnd.randrange(1, 7)):
            if rnd.random() < 0.4:
                n = rnd.randrange(1, width)
                vals = [(value(), value() if rnd.random() < 0.5 else 0.0) for _ in range(n)]
                short[i] = (vals, tuple(sorted(rnd.sample(range(width), n))))
                rows.append(None)
            else:
                rows.append([(value(), 0.0) for _ in range(width)])
        target = [(value() * 3, 0.0) for _ in range(width)]
        for blanks_first in (False, True):
            args = (rows, short, target, 3, 20, blanks_first)
            assert place_by_totals(*args) == _place_plain(*args)


def test_folding_dates_at_the_folding_characters_is_the_translation():
    from bogo.normalize import _date_patterns as dp
    from bogo.normalize.dates import fold_dates

    texts = [*_texts(), "".join(dp._FOLD_MAP), "‘25. 3月 ~ 上半期 （１２） \t·", ""]
    for t in texts:
        assert fold_dates(t) == t.translate(dp.FOLD)
