"""Who may do what with API tokens: a person makes and revokes their own, nobody else's."""

import rules


@rules.predicate
def may_create_token(user) -> bool:
    return user.is_authenticated and user.is_active


@rules.predicate
def may_revoke_token(user, token) -> bool:
    """Only the token's own person; an administrator who must stop a token deactivates the account."""
    return user.is_authenticated and token is not None and token.user_id == user.pk


rules.add_perm("api.create_token", may_create_token)
rules.add_perm("api.revoke_token", may_revoke_token)
