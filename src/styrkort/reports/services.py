"""Keeping a closed round's documents: built once, served again, let go when the round is reopened."""

from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import StoredDocument
from .renderers import render


class NotFinal(Exception):
    """The final version of a round's document was asked for while the round is open."""


def final_version_check(round) -> None:
    """A round's final document is the one built from its frozen facts, so there is none while the
    round is open (a plan's documents have no versions)."""
    if round is not None and round.is_open:
        raise NotFinal(
            _(
                "The follow-up round %(round)s is still open, so its report is preliminary. The final "
                "version can be had once the round has been closed."
            )
            % {"round": round.code}
        )


def document_content(*, round, kind: str, subject: str, fmt: str, build: Callable) -> bytes:
    """The document's bytes: a closed round's as stored (built and stored the first time it is asked
    for); an open round's, or a plan's (`round` None), built now."""
    if round is None or round.is_open:
        return render(build(), fmt)
    stored = stored_content(round=round, kind=kind, subject=subject, fmt=fmt)
    if stored is not None:
        return stored
    key = _key(round, kind, subject, fmt)
    content = render(build(), fmt)
    try:
        with transaction.atomic():
            StoredDocument.objects.create(**key, content=content)
    except IntegrityError:  # two asked at once: the first one stored is the one served from now on
        return bytes(StoredDocument.objects.filter(**key).values_list("content", flat=True).get())
    return content


def _key(round, kind: str, subject: str, fmt: str) -> dict:
    return {
        "round": round,
        "kind": kind,
        "subject": subject,
        "format": fmt,
        "language": get_language() or "sv",
    }


def stored_content(*, round, kind: str, subject: str, fmt: str) -> bytes | None:
    """A closed round's document as it was stored, if it has been built."""
    if round is None or round.is_open:
        return None
    found = (
        StoredDocument.objects.filter(**_key(round, kind, subject, fmt))
        .values_list("content", flat=True)
        .first()
    )
    return None if found is None else bytes(found)


def stored_documents_remove(round) -> None:
    """A reopened round's documents are built again from its facts when it is closed again."""
    StoredDocument.objects.filter(round=round).delete()
