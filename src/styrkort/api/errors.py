"""Every error the API answers is JSON with a `detail` message in the caller's language (Swedish
unless English is asked for), mapped in one place from the domain's exceptions."""

import logging

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from styrkort.errors import NotAllowed, StyrkortError
from styrkort.followup.services import RoundClosed, StaleEdit

logger = logging.getLogger(__name__)


class FieldError(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] | None = None


class Conflict(Exception):
    """A stale version sent to the API: someone saved after the caller read. `current` is theirs."""

    def __init__(self, message: str, current=None):
        super().__init__(message)
        self.current = current


def field_message(error: dict) -> str:
    """A pydantic error as a sentence in the caller's language; Django's own catalogue has these."""
    kind, ctx, value = error.get("type", ""), error.get("ctx") or {}, error.get("input")
    length = len(value) if isinstance(value, str) else 0
    if kind == "missing":
        return _("This field is required.")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("Enter a whole number.")
    if kind == "greater_than_equal":
        return _("Ensure this value is greater than or equal to %(limit_value)s.") % {
            "limit_value": ctx["ge"]
        }
    if kind == "less_than_equal":
        return _("Ensure this value is less than or equal to %(limit_value)s.") % {"limit_value": ctx["le"]}
    if kind == "string_too_long":
        limit = ctx["max_length"]
        return ngettext(
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            limit,
        ) % {"limit_value": limit, "show_value": length}
    if kind == "string_too_short":
        limit = ctx["min_length"]
        return ngettext(
            "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
            limit,
        ) % {"limit_value": limit, "show_value": length}
    if kind == "string_pattern_mismatch" and isinstance(value, str) and "\x00" in value:
        return _("Null characters are not allowed.")
    if kind in ("literal_error", "enum"):
        return _("Select a valid choice. %(value)s is not one of the available choices.") % {
            "value": str(value)[:100]
        }
    if kind in ("json_invalid", "model_attributes_type", "dict_type", "model_type"):
        return _("Enter a valid JSON.")
    return _("Enter a valid value.")


def _json(data: dict, status: int, **headers) -> JsonResponse:
    headers["Content-Language"] = translation.get_language()
    return JsonResponse(data, status=status, headers=headers, json_dumps_params={"ensure_ascii": False})


def validation_error(request, exc: NinjaValidationError):
    """ninja's check of the parameters and the body; the messages are made in api.py, where the
    value given is still at hand."""
    errors = [
        {
            "loc": [part if isinstance(part, int) else str(part) for part in e.get("loc", ())],
            "msg": e.get("msg") or _("Enter a valid value."),
            "type": e.get("type", ""),
        }
        for e in exc.errors
    ]
    return _json({"detail": _detail(errors), "errors": errors}, 422)


def _detail(errors: list[dict]) -> str:
    """'field: message; …', so that the one line a client logs says what is wrong."""
    parts = [f"{e['loc'][-1]}: {e['msg']}" if len(e["loc"]) > 1 else e["msg"] for e in errors]
    return "; ".join(parts) or _("Enter a valid value.")


def domain_validation_error(request, exc: DjangoValidationError):
    """The service refused the values (followup/status.py action_report_problems and the models)."""
    if hasattr(exc, "error_dict"):
        errors = [
            {"loc": ["body", field], "msg": str(message), "type": "invalid"}
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    else:
        errors = [{"loc": ["body"], "msg": str(message), "type": "invalid"} for message in exc.messages]
    return _json({"detail": _detail(errors), "errors": errors}, 422)


def not_found(request, exc: Http404):
    message = str(exc) if exc.args and isinstance(exc.args[0], str) else ""
    return _json({"detail": message or _("There is nothing at this address.")}, 404)


def unauthorized(request, exc: AuthenticationError):
    message = exc.message if exc.message != "Unauthorized" else _("The token is wrong or has been revoked.")
    return _json({"detail": message}, 401, **{"WWW-Authenticate": "Bearer"})


def forbidden(request, exc: PermissionDenied):
    return _json({"detail": str(exc) or _("You may not do this.")}, 403)


def conflict(request, exc: Exception):
    body = {"detail": str(exc)}
    if getattr(exc, "current", None) is not None and isinstance(exc, Conflict):
        body["current"] = exc.current
    return _json(body, 409)


def http_error(request, exc: HttpError):
    if exc.status_code == 400:  # ninja could not parse the body ("Cannot parse request body")
        return _json({"detail": _("Enter a valid JSON.")}, 400)
    return _json({"detail": str(exc)}, exc.status_code)


def server_error(request, exc: Exception):
    logger.exception("API error", exc_info=exc)
    return _json(
        {"detail": _("Something went wrong on the server; nothing was saved. Try again later.")}, 500
    )


HANDLERS = [
    (NinjaValidationError, validation_error),
    (DjangoValidationError, domain_validation_error),
    (Http404, not_found),
    (AuthenticationError, unauthorized),
    (NotAllowed, forbidden),
    (PermissionDenied, forbidden),
    (StaleEdit, conflict),
    (RoundClosed, conflict),
    (Conflict, conflict),
    (StyrkortError, conflict),
    (HttpError, http_error),
    (Exception, server_error),
]


def install(api) -> None:
    for exc_class, handler in HANDLERS:
        api.add_exception_handler(exc_class, handler)
