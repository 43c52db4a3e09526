"""Reader for text exports (.txt/.md, with embedded HTML fragments).

Decoding reads what is readable (:func:`decode`): UTF-16 with a byte-order mark;
UTF-8 (with or without BOM) or CP949/EUC-KR for the whole file; and when neither
fits the whole file — a file half UTF-8 half CP949, or one with a few broken
bytes — each line is decoded on its own with the encoding that fits it, and the
bytes that fit neither are replaced and counted in a warning naming the lines.
NUL bytes carry no text and are dropped.  Text vs binary is decided by the share
of control bytes and of undecodable bytes (:func:`looks_binary`), never by one
byte.  Lines longer than the configured limit, or more lines or characters than
the document budget, are refused.  Recognition of tables and paragraphs is shared
with the PDF reader (:mod:`bogo.readers.textlines`).
"""

from __future__ import annotations

from pathlib import Path

from ..blocks import Document
from ..errors import InputError, LimitExceeded
from ..settings import Settings
from . import register
from ._budget import too_many_chars, too_many_lines
from ._textpages import drop_page_furniture
from .textlines import lines_to_blocks

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
#: C0 control bytes other than tab, newline, vertical tab, form feed, carriage return and ESC
CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32 and b != 27)
MAX_CONTROL_SHARE = 0.05
#: fewer control bytes than this never make a file binary, however short it is
MIN_CONTROL_BYTES = 8
MAX_REPLACED_SHARE = 0.2
_SAMPLE = 1 << 16
_SHOWN_LINES = 10


def utf16_encoding(data: bytes) -> str | None:
    """The UTF-16 codec named by the file's byte-order mark, if it has one."""
    return UTF16_BOMS.get(data[:2])


def looks_binary(data: bytes) -> bool:
    """True when the start of ``data`` is not text: many control bytes or undecodable bytes."""
    sample = data[:_SAMPLE]
    if not sample or utf16_encoding(sample):
        return False
    ctrl = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    if ctrl >= MIN_CONTROL_BYTES and ctrl / len(sample) > MAX_CONTROL_SHARE:
        return True
    if len(data) > _SAMPLE:  # do not judge a multi-byte character cut at the sample's end
        cut = sample.rfind(b"\n")
        sample = sample[:cut] if cut > 0 else sample
    sample = sample.replace(b"\x00", b"")
    if _decodes(sample):
        return False  # every line decodes, so none has a byte replaced
    _lines, _enc, replaced = _decode_lines(sample)
    return replaced / max(len(sample), 1) > MAX_REPLACED_SHARE


def _decodes(data: bytes) -> bool:
    """``data`` decodes as a whole in UTF-8 or in CP949.  Then each of its lines does in
    the same codec (a newline byte is never part of a multi-byte character in either)."""
    for codec in ("utf-8", "cp949"):
        try:
            data.decode(codec)
            return True
        except UnicodeDecodeError:
            pass
    return False


def _decode_line(raw: bytes) -> tuple[str, str, int]:
    """One line: (text, encoding, replaced bytes), UTF-8 first, then CP949, else the better of both."""
    try:
        return raw.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp949"), "cp949", 0
    except UnicodeDecodeError:
        pass
    u = raw.decode("utf-8", errors="replace")
    c = raw.decode("cp949", errors="replace")
    nu, nc = u.count("\ufffd"), c.count("\ufffd")
    return (u, "utf-8", nu) if nu <= nc else (c, "cp949", nc)


def _decode_lines(data: bytes) -> tuple[list[str], str, int]:
    """Per-line decoding: (lines, encoding label, replaced count), for a file no single codec fits."""
    out: list[str] = []
    used: set[str] = set()
    replaced = 0
    for raw in data.split(b"\n"):
        text, enc, bad = _decode_line(raw)
        out.append(text)
        if raw.strip():
            used.add(enc)
        replaced += bad
    label = "+".join(sorted(used, key=("utf-8", "cp949").index)) or "utf-8"
    return out, label, replaced


def decode(path: Path, data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes to text: returns (text, encoding, warnings)."""
    utf16 = utf16_encoding(data)
    if utf16:
        text = data[2:].decode(utf16, errors="replace")
        bad = text.count("\ufffd")
        return text, utf16, ([f"UTF-16 파일에 잘못된 바이트가 있어 {bad}자를 대체 문자(�)로 읽었습니다"] if bad else [])
    bom = data.startswith(UTF8_BOM)
    body = (data[3:] if bom else data).replace(b"\x00", b"")
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8", []
    except UnicodeDecodeError:
        pass
    if not bom:
        try:
            return body.decode("cp949"), "cp949", []
        except UnicodeDecodeError:
            pass
    lines, label, replaced = _decode_lines(body)
    if replaced / max(len(body), 1) > MAX_REPLACED_SHARE:
        raise InputError(path, "텍스트 인코딩을 알 수 없습니다 (UTF-8·CP949·UTF-16 어느 것으로도 읽히지 않는 바이트가 많습니다)")
    warnings = []
    if replaced:
        bad = [i for i, ln in enumerate(lines, 1) if "\ufffd" in ln]
        shown = ", ".join(map(str, bad[:_SHOWN_LINES])) + (" 외" if len(bad) > _SHOWN_LINES else "")
        warnings.append(f"읽을 수 없는 바이트 {replaced:,}개를 대체 문자(�)로 읽었습니다: {shown}행")
    if "+" in label:
        warnings.append("한 파일에 UTF-8과 CP949가 섞여 있어 줄마다 인코딩을 판별해 읽었습니다")
    return "\n".join(lines), label, warnings


def read_text(path: Path, data: bytes, settings: Settings) -> Document:
    if len(data) > settings.max_text_bytes:
        raise LimitExceeded(path, f"텍스트 파일이 너무 큽니다 ({len(data):,} 바이트, 한도 {settings.max_text_bytes:,})")
    if data.count(b"\n") >= settings.max_lines:
        raise too_many_lines(path, data.count(b"\n") + 1, settings)
    text, encoding, warnings = decode(path, data)
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(raw_lines) > settings.max_lines:
        raise too_many_lines(path, len(raw_lines), settings)
    too_long = max(map(len, raw_lines)) > settings.max_line_chars  # (one pass in C; the loop names the line)
    for i, ln in enumerate(raw_lines if too_long else (), 1):
        if len(ln) > settings.max_line_chars:
            raise LimitExceeded(path, f"{i}행이 너무 깁니다 ({len(ln):,}자, 한도 {settings.max_line_chars:,}자)")
    if len(text) > settings.max_doc_chars:
        raise too_many_chars(path, len(text), settings)
    if not any(ln.strip() for ln in raw_lines):
        raise InputError(path, "내용이 없는 파일입니다 (공백뿐)")
    lines = drop_page_furniture(list(enumerate(raw_lines, 1)))
    blocks = lines_to_blocks(lines, settings, aligned=True)
    return Document(blocks=blocks, format="text", warnings=warnings, line_count=len(raw_lines),
                    encoding=encoding)


register("text", read_text)
