"""The REST API, /api/v1/: one NinjaAPI with a router per area, its errors mapped in errors.py."""

from django.utils import translation
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError as NinjaValidationError

from . import errors
from .routers import followup, plans

DESCRIPTION = """Styrkort's plans and follow-up, read and reported.

Without a token you read what the open web shows: public plans, and of their follow-up only
published rounds. With a personal token (Authorization: Bearer <token>, made on the page
API-nycklar when signed in) you read what the signed-in pages show and write with your own rights.
Errors are JSON with a `detail` message, in Swedish unless Accept-Language asks for English."""


class StyrkortApi(NinjaAPI):
    def validation_error_from_error_contexts(self, error_contexts):
        """ninja's own, with each message written in the caller's language while the value given is
        still there (ninja drops it, and it is not echoed back)."""
        found = []
        for context in error_contexts:
            model = context.model
            for error in context.pydantic_validation_error.errors(include_url=False):
                location = model.__ninja_flatten_map_reverse__.get(error["loc"], error["loc"])
                found.append(
                    {
                        "loc": (model.__ninja_param_source__, *location),
                        "msg": errors.field_message(error),
                        "type": error["type"],
                    }
                )
        return NinjaValidationError(found)

    def get_openapi_schema(self, *args, **kwargs):
        """A token is optional for reading (anonymous callers read what is public): the schema says
        so with an empty alternative, as OpenAPI writes an optional security requirement."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                if method == "get" and operation.get("security"):
                    operation["security"] = [*operation["security"], {}]
        return schema

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        response["Content-Language"] = translation.get_language()
        return response


api = StyrkortApi(
    title="Styrkort API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    docs=Swagger(settings={"validatorUrl": None, "tryItOutEnabled": False}),
    docs_url=None,  # the docs are at /api/docs (urls.py), outside the versioned path
)
errors.install(api)
api.add_router("", plans.router)
api.add_router("", followup.router)
