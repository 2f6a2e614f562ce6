"""The application's own exceptions; views and commands turn them into messages."""

from django.core.exceptions import PermissionDenied


class StyrkortError(Exception):
    """Base of every domain error."""


class NotAllowed(StyrkortError, PermissionDenied):
    """The person may not do this. A PermissionDenied as well: Django answers it with a 403 page that
    gives the reason, so views need not catch it; imports and commands catch it as a StyrkortError."""
