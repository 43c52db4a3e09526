"""The web workbench (spec §6): server-rendered Korean pages and a JSON API over a store.

``create_app(db, token, require_login)`` builds the FastAPI application; ``bogo
serve`` runs it with uvicorn.  The pages' data comes from :mod:`.data` and
:mod:`.tracking` (plain functions over the store, shared by the HTML pages,
their ``.json`` twins and ``/api``); templates live in ``templates/`` beside the
shared ones of :mod:`bogo.render`; static files in ``static/``.
"""

from .app import create_app, new_token

__all__ = ["create_app", "new_token"]
