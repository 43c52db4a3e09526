"""One place that turns every outcome of a command into a Korean line and an exit code.

Exit codes (also in ``bogo --help`` and the README): 0 — read completely, nothing
at or above ``--fail-on``; 1 — findings at or above ``--fail-on``, or a file only
partly read; 2 — an input or usage problem (missing or broken file, bad option,
unwritable ``-o``); 3 — an internal error (a bug: please report it).

:class:`KoreanGroup` runs the command-line library in non-standalone mode and
handles what comes out: its usage errors are rewritten in Korean (the library's
English never reaches the user), a :class:`~bogo.errors.BogoError` becomes
``오류 <file>: <reason>`` on one line, anything else exit 3 with one line (the
traceback only with ``--debug``).  Help texts of the library itself (the help
option, panel titles, defaults) are Korean too.
"""

from __future__ import annotations

import sys
import traceback
from typing import Any

import typer.rich_utils as _ru
from typer import _click
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import Abort, Exit

from .errors import BogoError
from .render.display import visible

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_CODES_HELP = ("종료 코드: 0 문제 없음 · 1 --fail-on 기준 이상의 발견 또는 일부만 읽은 파일 · "
                   "2 입력·사용법 오류 · 3 내부 오류")
HELP_OPTION_TEXT = "이 도움말을 보여 주고 끝냅니다."
_HINT = " (도움말: bogo --help, bogo 명령 --help)"

_ru.ARGUMENTS_PANEL_TITLE = "인자"
_ru.OPTIONS_PANEL_TITLE = "옵션"
_ru.COMMANDS_PANEL_TITLE = "명령"
_ru.ERRORS_PANEL_TITLE = "오류"
_ru.ABORTED_TEXT = "중단했습니다."
_ru.DEFAULT_STRING = "[기본값: {}]"
_ru.REQUIRED_LONG_STRING = "[필수]"
_ru.ENVVAR_STRING = "[환경 변수: {}]"
_ru.DEPRECATED_STRING = "(더 이상 쓰지 않음) "
_ru.RICH_HELP = "도움말: [blue]'{command_path} {help_option}'[/]"


def error_line(e: BogoError) -> str:
    """The one-line Korean message of an expected error, control characters made visible."""
    where = f"{visible(e.path)}: " if e.path else ""
    return f"오류 {where}{visible(e.reason)}"


def print_error(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def usage_line(e: _click.exceptions.UsageError) -> str:
    """A Korean line for a usage error of the command-line library."""
    ex = _click.exceptions
    name = ""
    param = getattr(e, "param", None)
    if param is not None:
        name = "/".join(getattr(param, "opts", []) or []) or (param.name or "")
        if param.param_type_name == "argument":
            name = param.metavar or (param.name or "")
    if isinstance(e, ex.MissingParameter):
        return f"오류 필요한 인자가 없습니다: {visible(name or '?')}{_HINT}"
    if isinstance(e, ex.NoSuchOption):
        near = f" (혹시 {', '.join(e.possibilities)}?)" if getattr(e, "possibilities", None) else ""
        return f"오류 알 수 없는 옵션입니다: {visible(e.option_name)}{near}{_HINT}"
    if isinstance(e, ex.BadOptionUsage):
        return f"오류 옵션 {visible(e.option_name)}의 사용법이 잘못되었습니다 (값이 필요하거나 너무 많음){_HINT}"
    if isinstance(e, ex.BadParameter):
        return f"오류 {visible(name or '옵션')}의 값이 잘못되었습니다{_HINT}"
    msg = e.message or ""
    if msg.startswith("No such command"):
        cmd = msg.split("'")[1] if msg.count("'") >= 2 else ""
        return f"오류 알 수 없는 명령입니다: {visible(cmd)} (parse, check, demo 중 하나){_HINT}"
    if msg.startswith("Got unexpected extra argument"):
        return f"오류 필요 없는 인자가 더 있습니다{_HINT}"
    return f"오류 명령줄 사용법이 잘못되었습니다{_HINT}"


_TYPE_NAMES = {"Path": "경로", "str": "글자", "int": "정수", "float": "수"}


def _korean_type(param: Any) -> str | None:
    """What the help shows in a parameter's type column: Korean, nothing for flags and arguments."""
    if getattr(param, "is_flag", False) or param.param_type_name == "argument":
        return None
    if param.metavar:
        return param.metavar
    kind = type(getattr(param, "type", None)).__name__.removesuffix("ParamType").title()
    return _TYPE_NAMES.get(kind, "값")


class _KoreanHelp:
    def __init__(self, *args: Any, **kw: Any):
        super().__init__(*args, **kw)  # type: ignore[call-arg]
        self.options_metavar = "[옵션]"

    def get_help_option(self, ctx: Any) -> Any:
        opt = super().get_help_option(ctx)  # type: ignore[misc]
        if opt is not None:
            opt.help = HELP_OPTION_TEXT
        return opt

    def get_usage(self, ctx: Any) -> str:
        return super().get_usage(ctx).replace("Usage:", "사용법:", 1)  # type: ignore[misc]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        for p in self.get_params(ctx):  # type: ignore[attr-defined]
            p.display_type_rich = lambda ctx, t=_korean_type(p): t
        super().format_help(ctx, formatter)  # type: ignore[misc]


class KoreanCommand(_KoreanHelp, TyperCommand):
    """A command whose help option speaks Korean."""


class KoreanGroup(_KoreanHelp, TyperGroup):
    """The ``bogo`` group: runs a command and maps every outcome to a line and an exit code."""

    debug = False

    def __init__(self, *args: Any, **kw: Any):
        super().__init__(*args, **kw)
        self.subcommand_metavar = "명령 [인자]..."

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        sys.exit(self.run(args, prog_name, complete_var, **extra))

    def run(self, args: Any, prog_name: str | None, complete_var: str | None, **extra: Any) -> int:
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            return rv if isinstance(rv, int) else EXIT_CLEAN
        except _click.exceptions.NoArgsIsHelpError as e:
            sys.stdout.write(e.message + "\n")
            return EXIT_CLEAN
        except _click.exceptions.UsageError as e:
            print_error(usage_line(e))
            return EXIT_INPUT
        except Abort:
            print_error("중단했습니다.")
            return 130
        except Exit as e:
            return e.exit_code
        except BogoError as e:
            if self.debug:
                traceback.print_exc()
            print_error(error_line(e))
            return EXIT_INPUT
        except KeyboardInterrupt:
            print_error("중단했습니다.")
            return 130
        except Exception as e:  # noqa: BLE001 - the last line of defence: one line, exit 3
            if self.debug:
                traceback.print_exc()
            print_error(f"내부 오류 ({type(e).__name__}): bogo의 버그입니다. --debug로 자세한 정보를 볼 수 있으니 "
                        "알려 주세요")
            return EXIT_INTERNAL
