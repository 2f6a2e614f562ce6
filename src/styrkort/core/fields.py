"""Field types the whole product shares."""

from django.core.validators import MaxLengthValidator
from django.db import models

# Every text goes into workbooks, and an Excel cell holds at most this many characters.
FREE_TEXT_MAX = 32_767


class FreeTextField(models.TextField):
    """A text a person writes, at most FREE_TEXT_MAX characters; pages, imports and the admin say so
    (the model validates it, not only the form)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", FREE_TEXT_MAX)
        super().__init__(*args, **kwargs)
        self.validators.append(MaxLengthValidator(self.max_length))
