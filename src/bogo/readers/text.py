"""Reader for text exports (.txt/.md, with embedded HTML fragments).

Decodes UTF-8 (with or without BOM) or CP949/EUC-KR; a file with a few invalid
bytes is decoded with replacement characters and a warning naming the lines.
Lines longer than the configured limit are refused.  Recognition of tables and
paragraphs is shared with the PDF reader (:mod:`bogo.readers.textlines`).
"""

from __future__ import annotations

from pathlib import Path

from ..blocks import Document
from ..errors import InputError, LimitExceeded
from ..settings import Settings
from . import register
from .textlines import lines_to_blocks


def decode(path: Path, data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes to text: returns (text, encoding, warnings)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data, bom = data[3:], True
    else:
        bom = False
    try:
        return data.decode("utf-8"), "utf-8-sig" if bom else "utf-8", []
    except UnicodeDecodeError as e:
        utf8_err = e
    if not bom:
        try:
            return data.decode("cp949"), "cp949", []
        except UnicodeDecodeError:
            pass
    # mostly UTF-8 with a few bad bytes: decode with replacement, name the lines
    text = data.decode("utf-8", errors="replace")
    bad = [i for i, line in enumerate(text.split("\n"), 1) if "\ufffd" in line]
    if len(text) and text.count("\ufffd") / len(text) > 0.2:
        raise InputError(path, f"텍스트 인코딩을 알 수 없습니다 (UTF-8·CP949 모두 아님, {utf8_err.start}바이트 위치)")
    shown = ", ".join(map(str, bad[:10])) + (" 외" if len(bad) > 10 else "")
    return text, "utf-8", [f"잘못된 바이트가 있어 대체 문자로 읽었습니다: {shown}행"]


def read_text(path: Path, data: bytes, settings: Settings) -> Document:
    if len(data) > settings.max_text_bytes:
        raise LimitExceeded(path, f"텍스트 파일이 너무 큽니다 ({len(data):,} 바이트, 한도 {settings.max_text_bytes:,})")
    text, encoding, warnings = decode(path, data)
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, ln in enumerate(raw_lines, 1):
        if len(ln) > settings.max_line_chars:
            raise LimitExceeded(path, f"{i}행이 너무 깁니다 ({len(ln):,}자, 한도 {settings.max_line_chars:,}자)")
    if not any(ln.strip() for ln in raw_lines):
        raise InputError(path, "내용이 없는 파일입니다 (공백뿐)")
    lines = list(enumerate(raw_lines, 1))
    blocks = lines_to_blocks(lines, settings)
    return Document(blocks=blocks, format="text", warnings=warnings, line_count=len(raw_lines),
                    encoding=encoding)


register("text", read_text)
