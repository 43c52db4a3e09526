"""The exception tree of bogo, in one place.

Every error a user can cause (a missing file, an unreadable format, a hostile
archive) is a :class:`BogoError` carrying the file and a Korean reason; the CLI
turns it into one line and exit code 2.  Anything else is a bug.
"""

from __future__ import annotations


class BogoError(Exception):
    """Base of all expected errors. ``str()`` is the one-line Korean message."""

    exit_code = 2

    def __init__(self, path: object, reason: str):
        self.path = str(path) if path is not None else ""
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


class InputError(BogoError):
    """The input cannot be read: missing, a directory, empty, unknown format."""


class UnsupportedFormat(InputError):
    """A format bogo recognises but cannot read (encrypted HWP, scanned PDF…)."""


class LimitExceeded(InputError):
    """The input exceeds a safety limit (size, decompression, nesting, entries)."""


class CorruptFile(InputError):
    """The file claims a format but its content is broken or truncated."""


class UsageError(BogoError):
    """Bad command-line usage (unknown check code, bad option value)."""
