"""C5xx follow-up checks and W403, across the documents of one office.

These checks have scope ``"corpus"``: the runner calls them with the context of
the report under check and a narrow :class:`~bogo.track.history.History`
(earlier documents and their records), never a database session.  Without a
history (``bogo check`` on files alone) they do not run.  Earlier documents are
those of the same office dated before the report; every check here compares
with them, so the ingest writer skips the family for a report that has none.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding
from ..track.audit import canonical_status
from ..track.current import WithReport
from ..track.plans import classify_plan
from ..track.similarity import compact, overlap, word_set
from ..track.units import compare, snapshot
from .context import Context
from .registry import REGISTRY, register

_NOTE = ("증원", "감원", "조정", "개편", "이관", "신설", "통합", "폐지", "전환", "재배치")
REPEATABLE = ("W401", "W402", "W404", "W405")


def _view(ctx: Context, history) -> WithReport:
    """The history seen from the report, shared by the corpus checks of one run."""
    return ctx.memo(f"corpus-view-{id(history)}", lambda: WithReport(history, ctx.report))


@register("C501", "overdue-milestone-not-reported", "warning",
          "이전 보고서({expected})의 일정 '{found}'의 기한이 지났으나 이 보고서에 완료 보고가 없습니다", scope="corpus")
def overdue_milestone(ctx: Context, history) -> Iterator[Finding]:
    """A milestone of the office's previous report whose end date has passed, not reported done here.

    Bad:
        2018-07 보고서: "핵심과제 대시민 발표 : 9.10" — 2020-04 보고서에 언급 없음
    Good:
        2020-04 보고서: "핵심과제 대시민 발표회 개최('18.9.10.)"
    Traps:
        Matching is by shared words; a milestone reworded beyond recognition is reported (a warning, not
        an error). Milestones without an end date, or due after this report, are never reported.
    """
    view = _view(ctx, history)
    earlier = view.earlier()
    if not earlier:
        return
    prev = earlier[-1]
    for m in history.records(prev.id, "milestone"):
        if not m.get("end") or m["end"] >= (view.doc.date or ""):
            continue
        st = classify_plan(view, prev, [view.doc], view.doc.date or "", m, ctx.settings.track)
        if st.status in ("no_trace", "in_progress"):
            yield REGISTRY["C501"].finding(found=st.milestone, expected=f"{prev.date} {m['line']}행")


@register("C502", "audit-item-still-open", "warning",
          "감사 처리 항목이 이전 보고서({expected})에 이어 아직 '{found}' 상태입니다", scope="corpus")
def audit_still_open(ctx: Context, history) -> Iterator[Finding]:
    """An audit request that an earlier report of the office already listed, still 추진중/검토중 here.

    Bad:
        2019: "자료 정확성 점검 철저" 추진중 → 2020: 같은 요구 추진중
    Good:
        2020: 같은 요구 추진완료
    Traps:
        The same request is recognised by shared words (half of them); unrelated short requests are
        not matched.
    """
    view = _view(ctx, history)
    earlier_items = [(d, it, word_set(it.get("text") or "")) for d in view.earlier()
                     for it in history.records(d.id, "audit_item")]
    if not earlier_items or not ctx.report.audit:
        return
    for item in ctx.report.audit.items:
        if canonical_status(item.status) not in ("in_progress", "reviewing"):
            continue
        words = word_set(item.text)
        match = max(earlier_items, key=lambda x: overlap(words, x[2]))
        if overlap(words, match[2]) >= ctx.settings.track.same_request_share:
            yield REGISTRY["C502"].finding(found=item.status, expected=f"{match[0].date} {match[1].get('line')}행",
                                           line=item.line)


@register("C503", "unit-staffing-jump", "warning",
          "{unit}의 정원이 이전 보고서 대비 크게 변했으나 설명이 없습니다: {found}명 (이전 {expected}명)",
          scope="corpus")
def unit_staffing_jump(ctx: Context, history) -> Iterator[Finding]:
    """A unit whose quota changed by more than 30% since the previous report, with no note about it.

    Bad:
        2018 대외협력담당관 27명 → 2020 협력상생담당관 17명, 설명 없음
    Good:
        같은 변화에 "※ 조직개편('19.1.)으로 남북협력 기능 이관" 주석
    Traps:
        Renamed units are followed (identity matching); a note in the staffing table or a paragraph
        naming the unit with 증원·감원·개편·이관 … silences it.
    """
    view = _view(ctx, history)
    prev = next((d for d in reversed(view.earlier()) if history.records(d.id, "staff_row")), None)
    if prev is None or not ctx.report.staffing:
        return
    before, after = snapshot(view, prev), snapshot(view, view.doc)
    pairs = {u: u for u in after.staff if u in before.staff}
    decided = getattr(history, "decisions", None)  # a store's user link/unlink decisions win here too
    pairs.update({compact(e.new): compact(e.old) for e in compare(before, after, decided() if decided else {}, ctx.settings.track)
                  if e.kind == "renamed"})
    notes = " ".join(n for t in ctx.report.tables for n in t.notes) + " " + " ".join(ln.text for ln in ctx.lines or [])
    for new, old in pairs.items():
        q0, q1 = before.staff[old].get("quota"), after.staff[new].get("quota")
        if not q0 or q1 is None or abs(q1 - q0) / q0 <= ctx.settings.track.staff_change_share:
            continue
        if any(compact(after.staff[new]["unit"]) in compact(seg) and any(w in seg for w in _NOTE)
               for seg in notes.split("※")):
            continue
        yield REGISTRY["C503"].finding(found=q1, expected=q0, line=after.staff[new].get("line"),
                                       unit=after.staff[new]["unit"])


@register("W403", "repeated-defect", "warning",
          "이전 보고서({expected})에도 있던 같은 오류가 반복되었습니다: {found}", scope="corpus")
def repeated_defect(ctx: Context, history) -> Iterator[Finding]:
    """A wording defect (typo, duplicated word, loanword) that an earlier report of the office also had.

    Bad:
        2019 보고서 "워크샵" (W405) → 2020 보고서 다시 "워크샵"
    Good:
        2020 보고서 "워크숍"
    Traps:
        Only wording findings (W401, W402, W404, W405) are compared, code and found text alike; a
        figure that legitimately repeats is not a defect. The report's own wording findings are taken
        from the findings the other checks produced (they run first).
    """
    view = _view(ctx, history)
    seen: dict[tuple[str, str], str] = {}
    for d in view.earlier():
        for f in history.records(d.id, "finding"):
            if f["code"] in REPEATABLE and f.get("found") is not None:
                seen[(f["code"], str(f["found"]))] = d.date or d.path
    if not seen:
        return
    # the runner hands corpus checks the report's other findings; the wording checks run again only
    # when none are there (W403 selected alone)
    own = [f for f in ctx.report.findings if f.code in REPEATABLE] if ctx.report.findings else \
        [f for c in REPEATABLE if c in REGISTRY for f in REGISTRY[c].func(ctx)]
    for f in own:
        key = (f.code, str(f.found))
        if key in seen:
            yield REGISTRY["W403"].finding(found=f.found, expected=seen[key], line=f.line)

