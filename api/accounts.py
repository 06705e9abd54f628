"""A meeting's customer account: one rule for every way it comes in (the upload form, a bot,
a companion session), so the Team page's per-account cadence groups the same names."""

from __future__ import annotations

__all__ = ["ACCOUNT_MAX_CHARS", "clean_account"]

ACCOUNT_MAX_CHARS = 200


def clean_account(value: str | None) -> str | None:
    """The account as stored: trimmed, None when blank. Raises ``ValueError`` saying what is
    wrong (longer than ``ACCOUNT_MAX_CHARS`` once trimmed, or control characters, which
    would break the CSV and chat posts it ends up in)."""
    if value is None:
        return None
    account = value.strip()
    if not account:
        return None
    if len(account) > ACCOUNT_MAX_CHARS:
        raise ValueError(
            f"the account is {len(account)} characters long; at most {ACCOUNT_MAX_CHARS}"
        )
    if not account.isprintable():
        raise ValueError("the account holds control characters; give a plain company name")
    return account
