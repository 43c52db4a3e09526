"""PDF stage 4c: the text boxes of a box diagram (org chart, flow chart).

A diagram is drawn as boxes joined by connectors.  Its rules meet on a fine grid
of their own, and each grid cell's characters start as one text box.  Hancom
paints the boxes white over the connectors, so a connector that runs under a box
still cuts it on that grid: two text boxes whose characters touch on one visual
row (a gap narrower than :data:`TOUCH_GAP`, the gap between the letters of one
word, never the padding between two boxes) are one box and are joined — unless
on another row the two are apart: boxes drawn side by side, touching, whose
last lines ("정책관정책관") meet while their first lines ("노동  고용") do not,
stay separate texts.  Boxes come out top to bottom, left to right.
"""

from __future__ import annotations

TOUCH_GAP = 0.25      # × glyph size: characters closer than this on one row are one word
ROW_TOL = 0.45        # × glyph size: characters whose centres are this close share a row


def _size(ch: dict) -> float:
    return ch.get("size") or (ch["bottom"] - ch["top"]) or 10.0


def diagram_boxes(texts: list[list[dict]]) -> list[list[dict]]:
    """The characters of each text box, from the characters of each grid cell."""
    texts = [[c for c in t if c["text"].strip()] for t in texts]
    texts = [t for t in texts if t]
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    items = sorted((((c["top"] + c["bottom"]) / 2, k, c) for k, t in enumerate(texts) for c in t),
                   key=lambda it: it[0])
    rows: list[list[tuple[int, dict]]] = []
    ref = ref_size = 0.0
    for mid, k, ch in items:
        s = _size(ch)
        if rows and abs(mid - ref) <= ROW_TOL * max(ref_size, s):
            rows[-1].append((k, ch))
        else:
            rows.append([(k, ch)])
            ref, ref_size = mid, s
    for ka, kb in _touching(rows):
        parent[find(ka)] = find(kb)
    groups: dict[int, list[dict]] = {}
    for k, t in enumerate(texts):
        groups.setdefault(find(k), []).extend(t)
    return sorted(groups.values(), key=lambda b: (min(c["top"] for c in b), min(c["x0"] for c in b)))


def _touching(rows: list[list[tuple[int, dict]]]) -> set[tuple[int, int]]:
    """Pairs of text boxes whose neighbouring characters touch on some row and are
    apart on none."""
    touch: set[tuple[int, int]] = set()
    apart: set[tuple[int, int]] = set()
    for row in rows:
        row.sort(key=lambda it: it[1]["x0"])
        for (ka, a), (kb, b) in zip(row, row[1:], strict=False):
            if ka != kb:
                key = (min(ka, kb), max(ka, kb))
                (touch if b["x0"] - a["x1"] < TOUCH_GAP * _size(b) else apart).add(key)
    return touch - apart
