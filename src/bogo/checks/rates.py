"""Rates whose operands their names give: 달성률 = 실적 ÷ 목표, 집행률 = 집행액 ÷ 예산액 …

A small vocabulary of rate names and the operand names each implies, matched on
the compacted header text.  ``named_formula(g, c)`` returns the operand columns
of rate column ``c`` — only when exactly one numerator column and one denominator
column (or the two columns of an a ÷ (a + b) rate) carry the names, preferring the
rate's own header group ("2024년 목표 | 실적 | 달성률").  Used by T104: a rate with
named operands is judged against them even in a one-row table, where no formula
can be learned from other rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..tables import TableView

_RATE_MARK = ("율", "률", "%", "비중", "구성비")


@dataclass(frozen=True, slots=True)
class Rate:
    names: tuple[str, ...]
    num: tuple[str, ...]
    den: tuple[str, ...]
    #: rate = num ÷ (num + other) when no denominator column exists (승소율)
    other: tuple[str, ...] = ()


VOCABULARY = (
    Rate(("달성률", "달성율", "달성도"), ("실적",), ("목표", "계획")),
    Rate(("집행률", "집행율"), ("집행",), ("예산현액", "예산액", "예산", "대상액", "배정액")),
    Rate(("반영률", "반영율"), ("반영",), ("제안", "요구", "신청")),
    Rate(("처리율", "처리률"), ("처리",), ("접수",)),
    Rate(("충원율", "충원률"), ("현원",), ("정원",)),
    Rate(("승소율", "승소률"), ("승소",), ("판결", "확정"), other=("패소",)),
)


@dataclass(frozen=True, slots=True)
class Formula:
    num: int
    den: tuple[int, ...]  # the denominator is the sum of these columns


def _compact(label: str) -> str:
    return label.replace(" ", "")


def is_rate_label(label: str) -> bool:
    return any(w in label for w in _RATE_MARK)


def _operand_cols(g: TableView, words: tuple[str, ...], scope: list[int]) -> list[int]:
    """Columns in ``scope`` named by the first word of ``words`` that names any."""
    for w in words:
        hits = [c for c in scope if w in _compact(g.labels[c]) and not is_rate_label(g.labels[c])]
        if hits:
            return hits
    return []


def _scopes(g: TableView, c: int) -> list[list[int]]:
    data = [k for k in range(g.label_cols, g.ncols) if k != c
            and any(row[k].numeric for row in g.cells)]
    parent = g.paths[c][:-1]
    own = [k for k in data if g.paths[k][:-1] == parent] if parent and any(parent) else []
    return [own, data] if own and own != data else [data]


def rate_of(label: str) -> Rate | None:
    lab = _compact(label)
    return next((r for r in VOCABULARY if any(n in lab for n in r.names)), None)


def named_formula(g: TableView, c: int, rate: Rate | None = None) -> Formula | None:
    """Operand columns of the rate in column ``c`` (by its name, or ``rate``)."""
    rate = rate or rate_of(g.labels[c])
    if rate is None:
        return None
    for scope in _scopes(g, c):
        num = _operand_cols(g, rate.num, scope)
        if len(num) != 1:
            continue
        rest = [k for k in scope if k != num[0]]
        den = _operand_cols(g, rate.den, rest)
        if len(den) == 1:
            return Formula(num[0], (den[0],))
        if not den and rate.other:
            other = _operand_cols(g, rate.other, rest)
            if len(other) == 1:
                return Formula(num[0], (num[0], other[0]))
    return None


def own_formula(g: TableView, c: int) -> Formula | None:
    """For a share printed in an amount's own cell ("202,944 (69.5%)" under 집행액):
    the rate whose numerator names column ``c``, over its named denominator."""
    lab = _compact(g.labels[c])
    for rate in VOCABULARY:
        if any(w in lab for w in rate.num) and not rate.other:
            for scope in _scopes(g, c):
                den = _operand_cols(g, rate.den, scope)
                if len(den) == 1:
                    return Formula(c, (den[0],))
    return None
