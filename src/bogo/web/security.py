"""The workbench's security: headers, the upload token, optional login, and CSRF-safe forms.

- Every response carries a strict Content-Security-Policy (no inline script or
  style, nothing from elsewhere), ``nosniff``, ``Referrer-Policy: same-origin``
  and ``X-Frame-Options: DENY``.
- Writes (upload, unit decisions) need the token: in the form, as
  ``Authorization: Bearer …``, or through the login cookie.  The cookie holds an
  HMAC of the token, never the token itself.
- With ``require_login`` every page but ``/login`` and the static files needs
  that cookie (or the bearer header).
- Forms carry a per-browser CSRF token, kept in a ``SameSite=Strict`` cookie and
  echoed in a hidden field; a POST whose field does not match, or whose
  ``Origin`` is another site, is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from fastapi import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"}
CSRF_COOKIE = "bogo_csrf"
AUTH_COOKIE = "bogo_auth"
OPEN_PATHS = ("/login", "/static/")


@dataclass
class Guard:
    token: str
    require_login: bool = False

    def auth_value(self) -> str:
        return hmac.new(self.token.encode(), b"bogo-login", hashlib.sha256).hexdigest()

    def token_ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())

    def logged_in(self, request: Request) -> bool:
        cookie = request.cookies.get(AUTH_COOKIE)
        if cookie and hmac.compare_digest(cookie.encode(), self.auth_value().encode()):
            return True
        auth = request.headers.get("authorization", "")
        return auth.lower().startswith("bearer ") and self.token_ok(auth[7:].strip())

    def authorized(self, request: Request, form_token: str | None) -> bool:
        """A write is allowed: the form's token, the bearer header or the login cookie."""
        return self.token_ok(form_token) or self.logged_in(request)


def csrf_token(request: Request) -> str:
    """This browser's CSRF token (made on its first visit; the middleware sets the cookie)."""
    tok = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "csrf", None)
    if not tok:
        tok = secrets.token_urlsafe(24)
    request.state.csrf = tok
    return tok


def csrf_ok(request: Request, field: str | None) -> bool:
    """The form's hidden field matches the cookie and the request comes from this site."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if origin.split("://", 1)[-1] != host:
            return False
    cookie = request.cookies.get(CSRF_COOKIE)
    return bool(cookie and field) and hmac.compare_digest(cookie.encode(), field.encode())


def _wants_json(path: str) -> bool:
    return path.startswith("/api/") or path.endswith(".json") or path.endswith(".csv")


def install(app, guard: Guard) -> None:
    """Add the headers, login and CSRF-cookie middleware to ``app``."""

    @app.middleware("http")
    async def security(request: Request, call_next):
        path = request.url.path
        if guard.require_login and not path.startswith(OPEN_PATHS) and not guard.logged_in(request):
            if _wants_json(path):
                resp: Response = JSONResponse({"detail": "로그인이 필요합니다"}, status_code=401)
            else:
                resp = RedirectResponse("/login", status_code=303)
        else:
            resp = await call_next(request)
        tok = getattr(request.state, "csrf", None)
        if tok and request.cookies.get(CSRF_COOKIE) != tok:
            resp.set_cookie(CSRF_COOKIE, tok, httponly=True, samesite="strict")
        for k, v in HEADERS.items():
            resp.headers[k] = v
        return resp
