"""Filter menus (``<select>``) rendered once per list of choices.

A store of thousands of offices gives every filter form thousands of
``<option>`` elements; rendering them through the template loop on every
request costs more than the page's data.  :func:`select_html` builds the
escaped options once per distinct list (a small LRU cache) and only marks the
current choice per request.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

CACHED_LISTS = 32


@lru_cache(maxsize=CACHED_LISTS)
def _options(options: tuple[Any, ...]) -> tuple[list[str], dict[str, int]]:
    parts = [f'<option value="{escape(o)}">{escape(o)}</option>' for o in options]
    return parts, {str(o): i for i, o in reversed(list(enumerate(options)))}


def select_html(name: str, options: list[Any], current: Any, all_label: str = "전체") -> Markup:
    """``<select name=…>`` with an all-choices entry first and ``current`` (if among ``options``) selected."""
    parts, index = _options(tuple(options))
    i = index.get(str(current)) if current is not None else None
    if i is None:
        body = "".join(parts)
    else:
        o = escape(options[i])
        body = "".join(parts[:i]) + f'<option value="{o}" selected>{o}</option>' + "".join(parts[i + 1:])
    return Markup(f'<select name="{escape(name)}"><option value="">{escape(all_label)}</option>\n{body}</select>')
