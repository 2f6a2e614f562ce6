"""Making, revoking and checking personal API tokens."""

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styrkort.errors import NotAllowed

from . import rules
from .models import ApiToken

SECRET_PREFIX = "sk_"  # noqa: S105 (the visible start of every secret, not a secret)
SHOWN_PREFIX = 10  # "sk_" and seven characters of the random part
# last_used_at is written at most this often per token, so reading does not write on every request.
LAST_USED_EVERY = dt.timedelta(minutes=5)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token for the person; the secret is returned once and never stored."""
    if not rules.may_create_token(user):
        raise NotAllowed(_("Only a signed-in person may create an API token."))
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user, name=name.strip(), prefix=secret[:SHOWN_PREFIX], secret_hash=secret_hash(secret)
    )
    token.full_clean(exclude=["user"])
    token._history_user = user
    token.save()
    return token, secret


@transaction.atomic
def api_token_revoke(*, user, token: ApiToken) -> ApiToken:
    """The token stops working at once; revoking it again changes nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if not rules.may_revoke_token(user, token):
        raise NotAllowed(_("You may only revoke your own API tokens."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token._history_user = user
        token.save(update_fields=["revoked_at"])
    return token


def api_token_user(secret: str):
    """The active person whose token this is, or None for an unknown, revoked or inactive one."""
    if not secret.startswith(SECRET_PREFIX) or len(secret) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(secret_hash=secret_hash(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_EVERY:
        # A stamp of use, not a person's change: no history row (HistoricalRecords excludes it).
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
