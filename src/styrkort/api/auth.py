"""`Authorization: Bearer <secret>`: a person's token, or no header at all for an anonymous caller.

There is no session authentication on the API: a browser's login cookie gives it nothing (and so it
needs no CSRF token). A token that is wrong, revoked or of a deactivated account is a 401, never
quietly treated as anonymous.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from .services import api_token_user


def use_request_language(request) -> None:
    """Swedish, unless the caller asks for English first (an API client has no language cookie)."""
    accepted = request.headers.get("Accept-Language", "").split(",")[0].strip().lower()
    translation.activate("en" if accepted.startswith("en") else "sv")


class TokenAuth(HttpBearer):
    """A person's token; without one, the anonymous caller (`optional`) or a 401 (writes)."""

    def __init__(self, *, optional: bool):
        self.optional = optional
        super().__init__()

    def __call__(self, request):
        use_request_language(request)
        header = request.headers.get(self.header, "")
        if not header:
            if self.optional:
                return AnonymousUser()  # truthy: ninja lets the call through as anonymous
            raise AuthenticationError(message=_("Writing needs a token: Authorization: Bearer <token>."))
        scheme, _space, secret = header.partition(" ")
        if scheme.lower() != self.openapi_scheme:
            raise AuthenticationError(message=_("Give the token as Authorization: Bearer <token>."))
        return self.authenticate(request, secret.strip())

    def authenticate(self, request, token: str):
        user = api_token_user(token)
        if user is None:
            raise AuthenticationError(message=_("The token is wrong or has been revoked."))
        return user


read_auth = TokenAuth(optional=True)
write_auth = TokenAuth(optional=False)
