"""Renderers: turn results into what a person or another tool reads.

``findings_output(result, fmt, output, console)`` writes a check result in one of
the formats of ``bogo check --format``: ``table`` (a Rich table in the terminal),
``json`` (the contract ``bogo.check/1``), ``html`` (one self-contained page) or
``xlsx`` (a sheet a planning officer can sort and annotate).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def findings_json(result: Any, pretty: bool = True) -> str:
    """The check result as the contract ``bogo.check/1`` (JSON text)."""
    return result.to_json(pretty=pretty)


def findings_output(result: Any, fmt: str, output: Path | None = None, console: Any = None) -> None:
    """Write ``result`` as ``fmt``; to ``output`` when given, else to ``console``/stdout."""
    if fmt == "table":
        from .findings_table import print_findings
        if output is not None:
            from rich.console import Console

            with open(output, "w", encoding="utf-8") as fh:
                print_findings(result, Console(file=fh, width=120, color_system=None, soft_wrap=True))
            return
        print_findings(result, console)
        return
    if fmt == "xlsx":
        from .findings_xlsx import write_findings_xlsx
        if output is None:
            raise ValueError("xlsx output needs a file")
        write_findings_xlsx(result, output)
        return
    if fmt == "html":
        from .findings_html import findings_html
        text = findings_html(result)
    elif fmt == "json":
        text = findings_json(result)
    else:
        raise ValueError(f"unknown format {fmt}")
    if output is not None:
        Path(output).write_text(text, encoding="utf-8")
    elif console is not None:
        console.file.write(text + "\n")
    else:
        print(text)
