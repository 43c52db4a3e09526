"""The time budget of reading one document (private to the readers).

The budget is counted in CPU seconds of the reading process or thread, not in
seconds of the wall clock: on an idle machine the two are the same, but on a
shared, loaded one a wall-clock budget refuses ordinary 40-page PDFs (24 s of
work took 73 s there), while a hostile file — a reference loop, a page bomb —
burns CPU and is stopped all the same.

:func:`deadline` wraps one reader call.  In the main thread of a POSIX process it
arms a CPU-time interval timer (``ITIMER_PROF``) whose signal handler raises :class:`_TimeUp` —
a ``BaseException``, so no reader's ``except Exception`` can swallow it — inside
whatever Python code is running, a third-party PDF parser's reference loop
included; the timer re-fires every half second until the wrapped call has
unwound.  Elsewhere (a worker thread of the web app, Windows) the deadline is
cooperative, on the thread's own CPU clock: readers call :func:`check_deadline`
in their loops.

Why not a worker process per document: it bounds C code and memory too, but
costs a fork and a pickle of the whole Document per file — as much as parsing a
report takes — and fights with ``--jobs`` and the web app's own workers.  The
timer costs nothing when it does not fire.
"""

from __future__ import annotations

import contextvars
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import LimitExceeded

_REFIRE_SECONDS = 0.5
_ENDS: contextvars.ContextVar[float | None] = contextvars.ContextVar("bogo_read_deadline", default=None)
_TIMER = signal.ITIMER_PROF if hasattr(signal, "ITIMER_PROF") else None
_SIGNAL = getattr(signal, "SIGPROF", None)


class _TimeUp(BaseException):
    """Raised by the timer signal; turned into LimitExceeded by :func:`deadline`."""


def _on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise _TimeUp


def _can_use_timer() -> bool:
    return _TIMER is not None and threading.current_thread() is threading.main_thread()


def timed_out(path: Path | None, seconds: float) -> LimitExceeded:
    return LimitExceeded(path, f"읽기 시간 한도(CPU {seconds:g}초)를 넘었습니다 — 파일이 손상되었거나 너무 큽니다 "
                               "(한도는 환경 변수 BOGO_READ_SECONDS로 바꿀 수 있습니다)")


def check_deadline() -> None:
    """Cooperative check for readers' loops: raise once the current deadline has passed."""
    ends = _ENDS.get()
    if ends is not None and time.thread_time() > ends:
        raise _TimeUp


@contextmanager
def deadline(path: Path | None, seconds: float) -> Iterator[None]:
    """Run the body within ``seconds`` of CPU time, else raise LimitExceeded."""
    if _ENDS.get() is not None or seconds <= 0:  # nested: the outer deadline rules
        yield
        return
    token = _ENDS.set(time.thread_time() + seconds)
    timer = _can_use_timer() and signal.getitimer(_TIMER)[0] == 0
    old = None
    try:
        if timer:
            old = signal.signal(_SIGNAL, _on_alarm)
            signal.setitimer(_TIMER, seconds, _REFIRE_SECONDS)
        try:
            yield
        finally:
            if timer:
                signal.setitimer(_TIMER, 0)
    except _TimeUp:
        raise timed_out(path, seconds) from None
    finally:
        if timer and old is not None:
            signal.signal(_SIGNAL, old)
        _ENDS.reset(token)
