"""Document text made safe to show: control characters visible, markup escaped.

Reports come from outside.  A heading may hold ``[/붙임]`` (console markup to
Rich), an escape sequence that retitles the window or clears the screen, a
right-to-left override that reorders what the reader sees, or a newline that
breaks a one-line error.  :func:`visible` replaces every such character with a
visible stand-in (the Unicode control pictures ␀…␟, ␡, or ``<U+202E>``), and
:func:`term` also escapes Rich markup; every document string goes through one of
them before it reaches a terminal.
"""

from __future__ import annotations

import re

from rich.markup import escape

_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_STATUS = {"clean": "문제 없음", "findings": "발견 있음", "partial": "일부만 읽음"}


def _picture(m: re.Match[str]) -> str:
    c = m.group()
    n = ord(c)
    if n < 0x20:
        return chr(0x2400 + n)
    if n == 0x7F:
        return "\u2421"
    return f"<U+{n:04X}>"


def visible(s: object) -> str:
    """``s`` as one line of plain text with every control character shown, not obeyed."""
    text = str(s).encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates of odd file names
    return _CONTROL.sub(_picture, text).replace("\t", " ")


def term(s: object) -> str:
    """``s`` ready for Rich markup: controls visible, ``[`` escaped."""
    return escape(visible(s))


def status_label(status: str) -> str:
    """The Korean name of a per-file status (clean, findings, partial)."""
    return _STATUS.get(status, status)


def file_status(result: object, path: str, sha: str, findings: list) -> tuple[str, list[str]]:
    """(status, reader warnings) of one file; results without notes count as fully read."""
    warnings = list(getattr(result, "warnings_of", lambda p, h: [])(path, sha))
    if warnings:
        return "partial", warnings
    return ("findings" if findings else "clean"), []
