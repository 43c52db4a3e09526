"""bogo (보고): Korean council reports into checked, linked, searchable data.

The public surface is small: :func:`parse` turns a file into a
:class:`~bogo.model.Report` (contract ``bogo.report/1``) and :func:`check` runs
the accuracy pre-check.  Everything else is internal.
"""

from .api import check, parse
from .errors import BogoError
from .model import Report

__all__ = ["BogoError", "Report", "check", "parse", "__version__"]
__version__ = "0.1.0"
