"""What forms across the product share."""


def with_version(form, version: int):
    """The person's form as they sent it, its version moved on to what a colleague saved meanwhile:
    nothing was saved, and saving again is then a decision, not an accident."""
    posted = form.data.copy()
    posted[form.add_prefix("version")] = str(version)
    moved = type(form)(posted, prefix=form.prefix)
    moved.is_valid()
    return moved


def add_errors(form, error) -> None:
    """A service's ValidationError on the form's fields, the rest above the form."""
    for field, problems in error.message_dict.items():
        form.add_error(field if field in form.fields else None, problems)
