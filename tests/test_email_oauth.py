"""Email for offices whose mail system refuses passwords: OAuth2 (XOAUTH2) with a token
command, the advice when Basic authentication is refused, and a draft for one's own mail
client. Real SMTP servers on 127.0.0.1 (aiosmtpd); nothing secret in any output."""

from __future__ import annotations

import base64
import email
import stat
import sys
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.smtp import AuthResult
from test_email import PDF, Recorder, env, pack, send, smtp_server  # noqa: F401 - fixtures are used by name

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
TOKEN = "ya29.a0-GOOD-token"


class OAuthRecorder(Recorder):
    """Accepts XOAUTH2 with TOKEN for opcc@example.org; answers as Exchange Online does otherwise."""

    def __init__(self):
        super().__init__()
        self.logins: list[str] = []

    async def auth_XOAUTH2(self, server, args):
        raw = args[1] if len(args) > 1 else await server.challenge_auth("", encode_to_b64=False)
        decoded = base64.b64decode(raw).decode()
        self.logins.append(decoded)
        ok = decoded == f"user=opcc@example.org\x01auth=Bearer {TOKEN}\x01\x01"
        return AuthResult(success=ok, handled=False)


def token_command(tmp_path: Path, body: str) -> str:
    script = tmp_path / "token.py"
    script.write_text(body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return f"{sys.executable} {script}"


def oauth_env(port: int, command: str, **extra) -> dict:
    return env(port, BRIEFING_SMTP_AUTH="xoauth2", BRIEFING_SMTP_USER="opcc@example.org",
               BRIEFING_SMTP_TOKEN_COMMAND=command, **extra)


@pytest.fixture
def oauth_server(smtp_server):  # noqa: F811
    handler = OAuthRecorder()
    controller, _ = smtp_server(handler, auth_require_tls=False, auth_required=True)
    return controller, handler


def test_a_good_token_sends(runner, pack, oauth_server, tmp_path):
    controller, handler = oauth_server
    command = token_command(tmp_path, f"print({TOKEN!r})\n")
    result = send(runner, pack, oauth_env(controller.port, command), "--insecure-login")
    assert result.exit_code == 0, result.stderr
    assert len(handler.messages) == 1 and len(handler.logins) == 1
    assert TOKEN not in result.output + result.stderr
    check = runner.invoke(__import__("briefing.cli", fromlist=["cli"]).cli, ["email", "--check", "--insecure-login"],
                          env=oauth_env(controller.port, command))
    assert "logged in as opcc@example.org with an OAuth2 token (XOAUTH2) from the token command" in check.stdout
    assert TOKEN not in check.output


def test_a_refused_token_is_asked_for_again_then_named(runner, pack, oauth_server, tmp_path):
    controller, handler = oauth_server
    command = token_command(tmp_path, "print('expired-token')\n")
    result = send(runner, pack, oauth_env(controller.port, command), "--insecure-login")
    assert result.exit_code == 1 and handler.messages == []
    assert len(handler.logins) == 2  # asked the command once more before giving up
    assert result.stderr.startswith(f"Error: access token refused by 127.0.0.1:{controller.port} for "
                                    "'opcc@example.org' (535), after asking the token command again")
    assert "expired-token" not in result.output + result.stderr


@pytest.mark.parametrize(("body", "message"), [
    # what it says on stderr may hold a token: never repeated
    ("import sys\nsys.stderr.write('refresh_token=0.ARsecret\\n')\nsys.exit(3)\n",
     "failed (exit 3); run it yourself to see why"),
    ("import sys\nsys.stdout.write('x' * 10_000_000)\n", "printed more than 64 KB; it should print one access token"),
    ("print('')\n", "printed nothing; it should print one access token"),
    ("import time\ntime.sleep(30)\n", "did not finish within 1 s"),
])
def test_a_token_command_that_fails_gives_one_line(runner, pack, oauth_server, tmp_path, body, message):
    controller, handler = oauth_server
    result = send(runner, pack, oauth_env(controller.port, token_command(tmp_path, body), BRIEFING_SMTP_TIMEOUT="1"),
                  "--insecure-login")
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 1 and message in lines[0], lines
    assert "secret" not in result.stderr
    assert handler.messages == []


class BasicRefused(Recorder):
    async def auth_PLAIN(self, server, args):
        await server.push("535 5.7.139 Authentication unsuccessful, basic authentication is disabled.")
        return AuthResult(success=False, handled=True)


def test_a_tenant_that_refuses_passwords_says_how_to_switch(runner, pack, smtp_server):  # noqa: F811
    controller, handler = smtp_server(BasicRefused(), auth_require_tls=False, auth_required=True)
    environ = env(controller.port, BRIEFING_SMTP_USER="opcc@example.org", BRIEFING_SMTP_PASSWORD="hunter2")
    result = send(runner, pack, environ, "--insecure-login")
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 1
    assert "refuses passwords (Basic authentication is switched off" in lines[0]
    assert "BRIEFING_SMTP_AUTH=xoauth2" in lines[0] and "--draft" in lines[0]
    assert "hunter2" not in result.output + result.stderr


def test_a_draft_opens_in_a_mail_client_with_everything_filled_in(runner, pack):
    from briefing.cli import cli

    result = runner.invoke(cli, ["email", str(pack), "--to", "pcc@example.org, Chief <chief@example.org>",
                                 "--cc", "board@example.org", "--attach", "pdf,xlsx", "--draft"], env={
        "BRIEFING_SMTP_HOST": "", "BRIEFING_SMTP_FROM": "", "BRIEFING_SMTP_USER": ""})
    assert result.exit_code == 0, result.output
    draft = Path(result.stdout.strip())
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1"
    assert [a.addr_spec for a in message["To"].addresses] == ["pcc@example.org", "chief@example.org"]
    assert message["Cc"] == "board@example.org" and message["From"] is None
    attachments = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert attachments[PDF] == (pack / PDF).read_bytes()
    assert attachments[PDF.replace(".pdf", ".xlsx")] == (pack / PDF.replace(".pdf", ".xlsx")).read_bytes()
