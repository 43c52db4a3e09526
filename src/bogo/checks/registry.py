"""The check registry: every check is a small registered unit.

A check is a function decorated with :func:`register`, which records its stable
code ("T101"), a name stating the defect ("total-row-mismatch"), a severity, a
one-line Korean message template (``{found}``/``{expected}`` and any other field
the check passes), and its scope: ``"table"`` checks are called once per table
with ``(table, ctx)``, ``"document"`` checks once per report with ``(ctx)``,
``"corpus"`` checks once per report with ``(ctx, history)`` when a history of
earlier documents is given (:mod:`bogo.checks.corpus`).  The
function's docstring is the check's documentation (a bad and a good example and
the known false-alarm traps); ``python -m bogo.checks.docs`` renders it.

Checks yield :class:`~bogo.model.Finding` objects built with
:meth:`Check.finding`, so the message always follows the template.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import UsageError
from ..model import Finding

Severity = Literal["error", "warning", "info"]
Scope = Literal["table", "document", "corpus"]

#: the family modules; importing them fills the registry
FAMILIES = ("tables", "crossref", "headcount", "dates", "wording", "numbering", "corpus")

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        if v.is_integer():
            return f"{int(v):,}"
        return f"{v:,.4f}".rstrip("0").rstrip(".")
    if isinstance(v, int) and not isinstance(v, bool):
        return f"{v:,}"
    return "" if v is None else str(v)


@dataclass(frozen=True)
class Check:
    code: str
    name: str
    severity: Severity
    message: str
    scope: Scope
    func: Callable[..., Iterable[Finding]] = field(compare=False, repr=False)

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")

    def section(self, title: str) -> str:
        """The text of a ``Title:`` paragraph of the docstring ("Bad", "Good", "Traps")."""
        out: list[str] = []
        grab = False
        for line in self.doc.splitlines():
            head = line.strip().rstrip(":")
            if line and not line.startswith(" ") and line.rstrip().endswith(":"):
                grab = head == title
                continue
            if line and not line.startswith(" "):
                grab = False
            if grab:
                out.append(line[4:] if line.startswith("    ") else line)
        return "\n".join(out).strip()

    def finding(self, *, found: Any = None, expected: Any = None, line: int | None = None,
                table: str | None = None, row: int | str | None = None,
                col: int | str | None = None, row_index: int | None = None, col_index: int | None = None,
                **fields: Any) -> Finding:
        """A finding of this check; the message is the template filled with
        ``found``, ``expected`` and ``fields`` (numbers printed with thousands commas)."""
        values = {k: _fmt(v) for k, v in fields.items()}
        values.update(found=_fmt(found), expected=_fmt(expected),
                      table=_fmt(fields.get("table_label", table)), row=_fmt(row), col=_fmt(col))
        values.update({k: _fmt(v) for k, v in fields.items() if k in ("row", "col")})
        msg = self.message.format_map(_SafeDict(values))
        return Finding(code=self.code, severity=self.severity, message=msg, line=line,
                       table=table, row=row, col=col, row_index=row_index, col_index=col_index,
                       found=found, expected=expected)


REGISTRY: dict[str, Check] = {}


def register(code: str, name: str, severity: Severity, message: str, scope: Scope = "table"):
    """Register the decorated function as check ``code``."""

    def deco(func: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        if code in REGISTRY and REGISTRY[code].func.__qualname__ != func.__qualname__:
            raise ValueError(f"duplicate check code {code}")
        REGISTRY[code] = Check(code, name, severity, message, scope, func)
        return func

    return deco


def load_all() -> dict[str, Check]:
    """Import every family module and return the registry sorted by code."""
    for fam in FAMILIES:
        importlib.import_module(f"{__package__}.{fam}")
    return dict(sorted(REGISTRY.items()))


def _matches(check: Check, pattern: str) -> bool:
    p = pattern.strip().upper()
    return check.code.upper().startswith(p) or check.name == pattern.strip().lower()


def select_checks(select: Iterable[str] | str | None = None,
                  ignore: Iterable[str] | str | None = None) -> list[Check]:
    """The checks to run: ``select``/``ignore`` take codes, code prefixes ("T1",
    "W") or names; an unknown one raises :class:`UsageError`."""
    checks = list(load_all().values())

    def norm(x: Iterable[str] | str | None) -> list[str]:
        if x is None:
            return []
        items = [x] if isinstance(x, str) else list(x)
        return [p.strip() for it in items for p in it.split(",") if p.strip()]

    sel, ign = norm(select), norm(ignore)
    for p in sel + ign:
        if not any(_matches(c, p) for c in checks):
            known = ", ".join(c.code for c in checks)
            raise UsageError(None, f"알 수 없는 점검 코드입니다: {p} (사용 가능: {known})")
    if sel:
        checks = [c for c in checks if any(_matches(c, p) for p in sel)]
    return [c for c in checks if not any(_matches(c, p) for p in ign)]
