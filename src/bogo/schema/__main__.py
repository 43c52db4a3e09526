"""``python -m bogo.schema [--write]``: print or write the contract's JSON Schema."""

import sys

from . import SCHEMA_PATH, render

if "--write" in sys.argv:
    SCHEMA_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
else:
    sys.stdout.write(render())
