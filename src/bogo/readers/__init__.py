"""Readers: one module per source format, all returning the block model.

``read(path)`` checks the file (exists, not a directory, not empty, within the
size limit), detects the format by its magic bytes (:mod:`bogo.readers.detect`),
and calls the registered reader.  A new format is one module that calls
:func:`register`.  Built-in readers are imported only when a file of their
format is read, so a ``.txt`` never pays for the HWP, PDF or DOCX libraries.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..blocks import Document
from ..errors import BogoError, CorruptFile, InputError, LimitExceeded
from ..settings import SETTINGS, Settings

ReadFn = Callable[[Path, bytes, Settings], Document]


@dataclass(frozen=True, slots=True)
class Reader:
    format: str
    read: ReadFn


_REGISTRY: dict[str, Reader] = {}
#: format → module of the built-in reader that registers it on import
_BUILTIN = {"text": "text", "html": "html", "hwpx": "hwpx", "hwp": "hwp", "pdf": "pdf", "docx": "docx"}


def register(fmt: str, read: ReadFn) -> None:
    _REGISTRY[fmt] = Reader(fmt, read)


def registered() -> dict[str, Reader]:
    """Every available reader (imports all built-in ones)."""
    for fmt in _BUILTIN:
        reader_for(fmt)
    return dict(_REGISTRY)


def reader_for(fmt: str) -> Reader | None:
    """The reader of ``fmt``, importing its built-in module on first use; None
    when no reader is registered for that format."""
    if fmt not in _REGISTRY and fmt in _BUILTIN:
        importlib.import_module(f"{__name__}.{_BUILTIN[fmt]}")
    return _REGISTRY.get(fmt)


def load_bytes(path: str | Path, settings: Settings = SETTINGS) -> tuple[Path, bytes]:
    """Read the file's bytes after the basic checks, with Korean errors."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "파일이 없습니다")
    if p.is_dir():
        raise InputError(p, "디렉터리입니다. 파일을 지정하세요")
    if not p.is_file():  # a device, a pipe or a socket (also through a symlink): never read it
        raise InputError(p, "일반 파일이 아닙니다 (장치·파이프 등은 읽지 않습니다)")
    try:
        size = p.stat().st_size
    except OSError as e:
        raise InputError(p, f"파일 정보를 읽을 수 없습니다 ({e.strerror})") from None
    if size == 0:
        raise InputError(p, "빈 파일입니다")
    if size > settings.max_file_bytes:
        raise LimitExceeded(p, f"파일이 너무 큽니다 ({size:,} 바이트, 한도 {settings.max_file_bytes:,})")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(p, f"파일을 읽을 수 없습니다 ({e.strerror})") from None
    return p, data


def read(path: str | Path, settings: Settings = SETTINGS) -> Document:
    """Read any supported file into a :class:`Document`."""
    p, data = load_bytes(path, settings)
    return read_bytes(p, data, settings)


def read_bytes(p: Path, data: bytes, settings: Settings = SETTINGS) -> Document:
    """Detect the format of ``data`` (read from ``p``) and run its reader."""
    from ._deadline import deadline
    from .detect import detect

    fmt = detect(p, data)
    reader = reader_for(fmt)
    if reader is None:
        raise InputError(p, f"이 형식({fmt})을 읽는 리더가 없습니다")
    try:
        with deadline(p, settings.read_seconds, settings.read_wall_seconds):
            return reader.read(p, data, settings)
    except BogoError as e:
        if not e.path:  # raised by a helper that does not know the file
            raise type(e)(p, e.reason) from None
        raise
    except RecursionError:
        raise CorruptFile(p, "문서 구조가 너무 깊게 중첩되어 읽을 수 없습니다") from None
