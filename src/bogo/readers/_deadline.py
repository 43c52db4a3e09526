"""The time budget of reading one document (private to the readers).

The budget is counted in CPU seconds of the reading process or thread: on an
idle machine that is the wall clock, but on a shared, loaded one a tight
wall-clock budget refuses ordinary 40-page PDFs (24 s of work took 73 s there),
while a hostile file — a reference loop, a page bomb — burns CPU and is stopped
all the same.  A second, wider budget on the wall clock (``read_wall_seconds``)
stops what burns no CPU: a read that blocks or waits.

:func:`deadline` wraps one reader call.  In the main thread of a POSIX process it
arms a CPU-time interval timer (``ITIMER_PROF``) and a wall-clock one (``ITIMER_REAL``)
whose signal handlers raise :class:`_TimeUp` —
a ``BaseException``, so no reader's ``except Exception`` can swallow it — inside
whatever Python code is running, a third-party PDF parser's reference loop
included; the timer re-fires every half second until the wrapped call has
unwound.  Elsewhere (a worker thread of the web app, Windows) the deadline is
cooperative, on the thread's own CPU clock and the monotonic clock: readers call
:func:`check_deadline` in their loops.

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
#: (CPU end, wall-clock end) of the current deadline
_ENDS: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar("bogo_read_deadline",
                                                                                   default=None)
_TIMER = signal.ITIMER_PROF if hasattr(signal, "ITIMER_PROF") else None
_SIGNAL = getattr(signal, "SIGPROF", None)
_WALL_TIMER = signal.ITIMER_REAL if hasattr(signal, "ITIMER_REAL") else None
_WALL_SIGNAL = getattr(signal, "SIGALRM", None)


class _TimeUp(BaseException):
    """Raised by a timer signal; turned into LimitExceeded by :func:`deadline`."""

    def __init__(self, wall: bool = False):
        super().__init__(wall)
        self.wall = wall


def _on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise _TimeUp(wall=signum == _WALL_SIGNAL)


def _can_use_timer() -> bool:
    return _TIMER is not None and threading.current_thread() is threading.main_thread()


def timed_out(path: Path | None, seconds: float, wall: bool = False) -> LimitExceeded:
    if wall:
        return LimitExceeded(path, f"읽기 시간 한도(경과 {seconds:g}초)를 넘었습니다 — 읽기가 멈추었거나 파일이 "
                                   "너무 큽니다 (한도는 환경 변수 BOGO_READ_WALL_SECONDS로 바꿀 수 있습니다)")
    return LimitExceeded(path, f"읽기 시간 한도(CPU {seconds:g}초)를 넘었습니다 — 파일이 손상되었거나 너무 큽니다 "
                               "(한도는 환경 변수 BOGO_READ_SECONDS로 바꿀 수 있습니다)")


def check_deadline() -> None:
    """Cooperative check for readers' loops: raise once the current deadline has passed."""
    ends = _ENDS.get()
    if ends is not None:
        if time.thread_time() > ends[0]:
            raise _TimeUp
        if time.monotonic() > ends[1]:
            raise _TimeUp(wall=True)


@contextmanager
def deadline(path: Path | None, seconds: float, wall_seconds: float | None = None) -> Iterator[None]:
    """Run the body within ``seconds`` of CPU time and ``wall_seconds`` of the
    wall clock (default: no wall budget), else raise LimitExceeded."""
    if _ENDS.get() is not None or seconds <= 0:  # nested: the outer deadline rules
        yield
        return
    wall = wall_seconds if wall_seconds and wall_seconds > 0 else float("inf")
    token = _ENDS.set((time.thread_time() + seconds, time.monotonic() + wall))
    timer = _can_use_timer() and signal.getitimer(_TIMER)[0] == 0
    wall_timer = timer and wall != float("inf") and _WALL_TIMER is not None and signal.getitimer(_WALL_TIMER)[0] == 0
    old = old_wall = None
    try:
        if timer:
            old = signal.signal(_SIGNAL, _on_alarm)
            signal.setitimer(_TIMER, seconds, _REFIRE_SECONDS)
        if wall_timer:
            old_wall = signal.signal(_WALL_SIGNAL, _on_alarm)
            signal.setitimer(_WALL_TIMER, wall, _REFIRE_SECONDS)
        try:
            yield
        finally:
            if timer:
                signal.setitimer(_TIMER, 0)
            if wall_timer:
                signal.setitimer(_WALL_TIMER, 0)
    except _TimeUp as e:
        raise timed_out(path, wall if e.wall else seconds, e.wall) from None
    finally:
        if timer and old is not None:
            signal.signal(_SIGNAL, old)
        if wall_timer and old_wall is not None:
            signal.signal(_WALL_SIGNAL, old_wall)
        _ENDS.reset(token)
