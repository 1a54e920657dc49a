"""Microsoft Entra ID sign-in with MSAL, with no network: a fake HTTP client (MSAL takes
one) plays the identity provider, and aiosmtpd on 127.0.0.1 plays Exchange Online."""

from __future__ import annotations

import base64
import json
import stat
import time

import pytest
from test_email import env, pack, send, smtp_server  # noqa: F401 - fixtures are used by name
from test_email_oauth import OAuthRecorder

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
TENANT = "contoso.example"
SECRET = "client-secret-value"


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


class Response:
    def __init__(self, status: int, body: dict):
        self.status_code, self.text, self.headers = status, json.dumps(body), {}

    def raise_for_status(self):
        if self.status_code >= 400:
            raise RuntimeError(self.status_code)


class IdentityProvider:
    """Just enough of login.microsoftonline.com: discovery, device code, token grants."""

    def __init__(self, lifetime: int = 3600, refuse_refresh: bool = False):
        self.lifetime, self.refuse_refresh, self.grants = lifetime, refuse_refresh, []

    def get(self, url, params=None, headers=None, **kwargs):
        base = f"https://login.microsoftonline.com/{TENANT}"
        return Response(200, {"authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                              "token_endpoint": f"{base}/oauth2/v2.0/token",
                              "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                              "issuer": f"{base}/v2.0"})

    def post(self, url, params=None, data=None, headers=None, **kwargs):
        if url.endswith("/devicecode"):
            return Response(200, {"device_code": "DC", "user_code": "ABCD-EFGH", "expires_in": 900, "interval": 0,
                                  "verification_uri": "https://microsoft.com/devicelogin",
                                  "message": "To sign in, open https://microsoft.com/devicelogin and enter ABCD-EFGH."})
        grant = (data or {}).get("grant_type", "")
        self.grants.append(grant)
        if grant == "refresh_token" and self.refuse_refresh:
            return Response(400, {"error": "invalid_grant",
                                  "error_description": "AADSTS70008: The refresh token has expired.\r\nTrace ID: x"})
        now = int(time.time())
        claims = {"aud": "cid", "iss": f"https://login.microsoftonline.com/{TENANT}/v2.0", "oid": "o1", "tid": "t1",
                  "preferred_username": "opcc@example.org", "sub": "s", "iat": now, "exp": now + 3600}
        return Response(200, {"access_token": f"AT-{grant.rsplit(':', 1)[-1]}", "refresh_token": "RT",
                              "id_token": f"{_b64({'alg': 'none'})}.{_b64(claims)}.",
                              "client_info": _b64({"uid": "o1", "utid": "t1"}), "expires_in": self.lifetime,
                              "token_type": "Bearer", "scope": "https://outlook.office.com/SMTP.Send"})

    def close(self):
        pass


def msal_env(port: int, cache, **extra) -> dict:
    return env(port, BRIEFING_SMTP_AUTH="xoauth2", BRIEFING_SMTP_USER="opcc@example.org",
               BRIEFING_MSAL_TENANT=TENANT, BRIEFING_MSAL_CLIENT_ID="cid", BRIEFING_MSAL_CACHE=str(cache), **extra)


@pytest.fixture
def provider(monkeypatch):
    def install(**kwargs) -> IdentityProvider:
        fake = IdentityProvider(**kwargs)
        monkeypatch.setattr("briefing.mail.entra.HTTP_CLIENT", fake)
        return fake

    return install


class TokenServer(OAuthRecorder):
    def __init__(self, token: str):
        super().__init__()
        self.token = token

    async def auth_XOAUTH2(self, server, args):
        from aiosmtpd.smtp import AuthResult

        decoded = base64.b64decode(args[1]).decode()
        self.logins.append(decoded)
        return AuthResult(success=decoded == f"user=opcc@example.org\x01auth=Bearer {self.token}\x01\x01",
                          handled=False)


def _login(runner, environ):
    from briefing.cli import _register, cli

    _register()
    return runner.invoke(cli, ["email", "--login"], env=environ)


def test_device_code_sign_in_then_a_silent_refresh_sends(runner, pack, smtp_server, provider, tmp_path):  # noqa: F811
    fake = provider(lifetime=60)  # a token this close to expiry is refreshed before use
    cache = tmp_path / "msal.json"
    signed = _login(runner, msal_env(1, cache))
    assert signed.exit_code == 0, signed.output
    assert "enter ABCD-EFGH" in signed.stderr and "Signed in as opcc@example.org" in signed.stdout
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert "AT-" not in signed.output and "RT" not in signed.stdout
    controller, handler = smtp_server(TokenServer("AT-refresh_token"), auth_require_tls=False, auth_required=True)
    result = send(runner, pack, msal_env(controller.port, cache), "--insecure-login")
    assert result.exit_code == 0, result.stderr
    assert fake.grants[-1] == "refresh_token" and len(handler.messages) == 1
    assert "AT-" not in result.output + result.stderr


def test_a_refused_refresh_asks_for_a_new_sign_in(runner, pack, smtp_server, provider, tmp_path):  # noqa: F811
    cache = tmp_path / "msal.json"
    provider(lifetime=60)
    assert _login(runner, msal_env(1, cache)).exit_code == 0
    provider(lifetime=60, refuse_refresh=True)
    controller, handler = smtp_server(TokenServer("never"), auth_require_tls=False, auth_required=True)
    result = send(runner, pack, msal_env(controller.port, cache), "--insecure-login")
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 1 and handler.messages == []
    assert lines[0] == ("Error: the cached Microsoft sign-in has expired or was revoked; run briefing email --login "
                        "again: AADSTS70008: The refresh token has expired.")


def test_no_cached_sign_in_says_what_to_run(runner, pack, smtp_server, provider, tmp_path):  # noqa: F811
    provider()
    controller, _ = smtp_server(TokenServer("never"), auth_require_tls=False, auth_required=True)
    result = send(runner, pack, msal_env(controller.port, tmp_path / "none.json"), "--insecure-login")
    assert result.stderr.strip() == ("Error: no Microsoft sign-in is cached for opcc@example.org; run briefing email "
                                     "--login")


def test_a_service_sends_with_client_credentials(runner, pack, smtp_server, provider, tmp_path):  # noqa: F811
    fake = provider()
    controller, handler = smtp_server(TokenServer("AT-client_credentials"), auth_require_tls=False, auth_required=True)
    environ = msal_env(controller.port, tmp_path / "unused.json", BRIEFING_MSAL_CLIENT_SECRET=SECRET)
    result = send(runner, pack, environ, "--insecure-login")
    assert result.exit_code == 0, result.stderr
    assert fake.grants == ["client_credentials"] and len(handler.messages) == 1
    assert SECRET not in result.output + result.stderr and not (tmp_path / "unused.json").exists()


def test_a_service_sends_with_a_certificate(runner, pack, smtp_server, provider, tmp_path):  # noqa: F811
    rsa = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.rsa")
    from cryptography.hazmat.primitives import serialization

    key = tmp_path / "service.pem"
    key.write_bytes(rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    fake = provider()
    controller, handler = smtp_server(TokenServer("AT-client_credentials"), auth_require_tls=False, auth_required=True)
    environ = msal_env(controller.port, tmp_path / "unused.json", BRIEFING_MSAL_CERTIFICATE=str(key),
                       BRIEFING_MSAL_THUMBPRINT="A1B2C3D4E5F60718293A4B5C6D7E8F9012345678")
    result = send(runner, pack, environ, "--insecure-login")
    assert result.exit_code == 0, result.stderr
    assert fake.grants == ["client_credentials"] and len(handler.messages) == 1


def test_a_key_entra_cannot_use_gets_one_line(runner, pack, smtp_server, provider, tmp_path):  # noqa: F811
    ec = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.ec")
    from cryptography.hazmat.primitives import serialization

    key = tmp_path / "service.pem"
    key.write_bytes(ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    provider()
    controller, handler = smtp_server(TokenServer("never"), auth_require_tls=False, auth_required=True)
    environ = msal_env(controller.port, tmp_path / "unused.json", BRIEFING_MSAL_CERTIFICATE=str(key),
                       BRIEFING_MSAL_THUMBPRINT="A1B2C3D4E5F60718293A4B5C6D7E8F9012345678")
    result = send(runner, pack, environ, "--insecure-login")
    assert result.stderr.strip().startswith(f"Error: {key}: the service's certificate key cannot sign")
    assert handler.messages == []


def test_a_stale_part_file_or_link_never_gets_the_refresh_token(runner, provider, tmp_path):  # noqa: F811
    """A cache's old temporary file (world-readable, or a link to a file elsewhere) is never
    written into: the token goes to a new file of the user's own, 0600."""
    provider(lifetime=3600)
    cache = tmp_path / "msal.json"
    elsewhere = tmp_path / "shared-notes.txt"
    elsewhere.write_text("notes", encoding="utf-8")
    stale = cache.with_name(cache.name + ".part")
    stale.symlink_to(elsewhere)
    readable = tmp_path / f".{cache.name}.stale.part"
    readable.write_text("", encoding="utf-8")
    readable.chmod(0o644)
    signed = _login(runner, msal_env(1, cache))
    assert signed.exit_code == 0, signed.output
    assert elsewhere.read_text(encoding="utf-8") == "notes"  # nothing written through the link
    assert readable.read_text(encoding="utf-8") == ""
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600 and "RefreshToken" in cache.read_text(encoding="utf-8")
