"""The application's own exceptions; views and commands turn them into messages."""


class StyrkortError(Exception):
    """Base of every domain error."""
