"""OAuth2 tokens from Microsoft Entra ID with MSAL, for offices without a token helper.

A person signs in once with `briefing email --login` (the device-code flow: a code to
type at a Microsoft address, from any browser); the refresh token is cached in the user's
config directory, readable by them alone, and later sends refresh silently. An unattended
service uses the client-credentials flow with a secret from the environment. Tokens and
secrets are never printed.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.errors import ConfigError

DELEGATED = ["https://outlook.office.com/SMTP.Send"]  # a person's mailbox
APPLICATION = ["https://outlook.office365.com/.default"]  # a service principal's grant
DEFAULT_CACHE = Path("~/.config/briefing/msal-token-cache.json")
HTTP_CLIENT = None  # MSAL's own (requests) unless set: tests play the identity provider here


def cache_path() -> Path:
    return Path(os.environ.get("BRIEFING_MSAL_CACHE") or DEFAULT_CACHE).expanduser()


def _cache():
    import msal

    cache = msal.SerializableTokenCache()
    path = cache_path()
    if path.exists():
        try:
            cache.deserialize(path.read_text(encoding="utf-8"))
        except ValueError:
            raise ConfigError("the sign-in cache is damaged; run briefing email --login again", file=str(path)) \
                from None
    return cache


def _save(cache) -> None:
    """Written with mode 0600 from the first byte: a refresh token is a password."""
    if not cache.has_state_changed:
        return
    import tempfile

    path = cache_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # a new file of our own, created 0600 (never an old one, never through a link someone left)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(cache.serialize())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _authority(settings) -> str:
    if not (settings.msal_tenant and settings.msal_client_id):
        raise ConfigError("set BRIEFING_MSAL_TENANT and BRIEFING_MSAL_CLIENT_ID (the app registered for SMTP.Send)")
    return f"https://login.microsoftonline.com/{settings.msal_tenant}"


def _public(settings, cache, http_client=None):
    import msal

    return msal.PublicClientApplication(settings.msal_client_id, authority=_authority(settings), token_cache=cache,
                                        http_client=http_client or HTTP_CLIENT, instance_discovery=False)


def _refusal(result: dict | None, what: str) -> ConfigError:
    reason = (result or {}).get("error_description") or (result or {}).get("error") or "no answer"
    return ConfigError(f"{what}: {reason.splitlines()[0][:200]}")


def login(settings, echo, http_client=None) -> str:
    """The device-code flow for a person; returns the account signed in."""
    cache = _cache()
    app = _public(settings, cache, http_client)
    flow = app.initiate_device_flow(scopes=DELEGATED)
    if "user_code" not in flow:
        raise _refusal(flow, "Microsoft sign-in could not start")
    echo(flow["message"])
    result = app.acquire_token_by_device_flow(flow)
    if "access_token" not in result:
        raise _refusal(result, "Microsoft sign-in failed")
    _save(cache)
    return (result.get("id_token_claims") or {}).get("preferred_username") or settings.user


def _service_credential(settings):
    """A secret from the environment, or a certificate (PEM key file and its thumbprint)."""
    if settings.msal_client_secret:
        return settings.msal_client_secret
    if not settings.msal_certificate:
        return None
    path = Path(settings.msal_certificate).expanduser()
    try:
        key = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise ConfigError("cannot read the certificate's private key (a PEM file)", file=str(path)) from None
    if not settings.msal_thumbprint:
        raise ConfigError("BRIEFING_MSAL_CERTIFICATE needs BRIEFING_MSAL_THUMBPRINT (the certificate's SHA-1 "
                          "thumbprint, as Entra ID shows it)")
    return {"private_key": key, "thumbprint": settings.msal_thumbprint}


def token(settings, http_client=None, refresh: bool = False) -> str:
    """An access token for sending: client credentials with a secret, else the cached
    sign-in (refreshed silently, or on `refresh` when the server refused the last one)."""
    import msal

    credential = _service_credential(settings)
    if credential:
        try:
            app = msal.ConfidentialClientApplication(settings.msal_client_id, authority=_authority(settings),
                                                     client_credential=credential,
                                                     http_client=http_client or HTTP_CLIENT, instance_discovery=False)
            result = app.acquire_token_for_client(scopes=APPLICATION)
        except ConfigError:
            raise
        except Exception as exc:  # noqa: BLE001 - a key MSAL cannot sign with, in any of PyJWT's words
            raise ConfigError(f"the service's certificate key cannot sign a sign-in request (Entra ID needs an RSA "
                              f"key in PEM): {type(exc).__name__}", file=settings.msal_certificate or None) from None
        if "access_token" not in result:
            raise _refusal(result, "Microsoft refused the service's credentials")
        return result["access_token"]
    cache = _cache()
    app = _public(settings, cache, http_client)
    accounts = app.get_accounts(username=settings.user or None)
    if not accounts:
        raise ConfigError(f"no Microsoft sign-in is cached for {settings.user or 'this mailbox'}; run "
                          "briefing email --login")
    result = app.acquire_token_silent_with_error(DELEGATED, account=accounts[0], force_refresh=refresh)
    if not result or "access_token" not in result:
        raise _refusal(result, "the cached Microsoft sign-in has expired or was revoked; run briefing email "
                               "--login again")
    _save(cache)
    return result["access_token"]
