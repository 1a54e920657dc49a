"""`briefing email` against real SMTP servers on 127.0.0.1 (aiosmtpd), never the network."""

from __future__ import annotations

import email
import socket
import ssl
import threading
from email import policy
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from conftest import invoke

from briefing.errors import DeliveryError

PDF = "northamptonshire-police-peel-2023-25-pcc-briefing.pdf"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    """Accepts mail, refusing listed recipients and deferring the first `defer` messages."""

    def __init__(self, refuse=(), defer=0):
        self.messages, self.refuse, self.defer = [], set(refuse), defer

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.defer:
            self.defer -= 1
            return "451 4.3.0 try again later"
        self.messages.append(envelope)
        return "250 Message accepted"


@pytest.fixture
def smtp_server():
    started = []

    def start(handler=None, **kwargs):
        handler = handler or Recorder()
        controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **kwargs)
        controller.start()
        started.append(controller)
        return controller, handler

    yield start
    for controller in started:
        controller.stop()


@pytest.fixture(scope="module")
def pack(default_pack, tmp_path_factory):
    """The default pack, copied: sending or drafting writes beside it."""
    return default_pack.copy(tmp_path_factory.mktemp("pack"))


def env(port: int, **extra) -> dict:
    values = {"BRIEFING_SMTP_HOST": "127.0.0.1", "BRIEFING_SMTP_PORT": str(port), "BRIEFING_SMTP_SECURITY": "none",
              "BRIEFING_SMTP_FROM": "opcc@example.org", "BRIEFING_SMTP_USER": "", "BRIEFING_SMTP_PASSWORD": ""}
    values.update(extra)
    return values


def send(runner, pack, environ, *args):
    from briefing.cli import _register, cli

    _register()
    return runner.invoke(cli, ["email", str(pack), "--to", "pcc@example.org", *args], env=environ,
                         catch_exceptions=False)


def test_plain_delivery_headers_body_and_pdf(runner, pack, smtp_server):
    controller, handler = smtp_server()
    result = send(runner, pack, env(controller.port), "--cc", "cc@example.org", "--attach", "pdf,xlsx")
    assert result.exit_code == 0, result.stderr
    (envelope,) = handler.messages
    assert envelope.mail_from == "opcc@example.org"
    assert envelope.rcpt_tos == ["pcc@example.org", "cc@example.org"]
    message = email.message_from_bytes(envelope.content, policy=policy.default)
    assert message["Subject"] == "OFFICIAL: Northamptonshire Police: PEEL 2023-25 inspection briefing"
    assert message["To"] == "pcc@example.org" and message["Cc"] == "cc@example.org"
    body = message.get_body(("plain",)).get_content()
    assert "Grades: of 8 areas graded in both sources, 5 up, 1 down, 2 unchanged" in body
    assert "Findings: 1 persisting, 18 not in the source used, 2 new." in body
    assert "Excel workbook, every finding with filters" in body  # named because it is attached
    attachments = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert attachments[PDF] == (pack / PDF).read_bytes()
    assert set(attachments) == {PDF, PDF.replace(".pdf", ".xlsx")}


def test_marking_leads_the_subject(runner, tmp_path, smtp_server):
    assert invoke(runner, "pack", "-o", tmp_path, "--marking", "OFFICIAL-SENSITIVE", "--formats", "pdf,json").exit_code == 0
    controller, handler = smtp_server()
    result = send(runner, tmp_path, env(controller.port), "--subject", "Briefing for Thursday")
    assert result.exit_code == 0, result.stderr
    message = email.message_from_bytes(handler.messages[0].content, policy=policy.default)
    assert message["Subject"] == "OFFICIAL-SENSITIVE: Briefing for Thursday"


def test_starttls_with_a_private_ca(runner, pack, smtp_server, tmp_path):
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_context)
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    controller, handler = smtp_server(tls_context=server_context, require_starttls=True)
    environ = env(controller.port, BRIEFING_SMTP_SECURITY="starttls")

    refused = send(runner, pack, environ)
    assert refused.exit_code == 1 and not handler.messages
    assert "certificate of 127.0.0.1" in refused.stderr and "--ca-bundle" in refused.stderr

    trusted = send(runner, pack, environ, "--ca-bundle", str(bundle))
    assert trusted.exit_code == 0, trusted.stderr
    assert len(handler.messages) == 1


def test_no_verify_is_loud(runner, pack, smtp_server):
    trustme = pytest.importorskip("trustme")
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    trustme.CA().issue_cert("127.0.0.1").configure_cert(server_context)
    controller, handler = smtp_server(tls_context=server_context, require_starttls=True)
    result = send(runner, pack, env(controller.port, BRIEFING_SMTP_SECURITY="starttls"), "--no-verify")
    assert result.exit_code == 0
    assert "WARNING: certificate verification is OFF" in result.stderr


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (auth_data.login, auth_data.password) == (b"analyst", b"s3cret!")
    return AuthResult(success=ok, handled=False)


def test_auth_and_check(runner, pack, smtp_server):
    controller, handler = smtp_server(authenticator=authenticator, auth_require_tls=False, auth_required=True)
    environ = env(controller.port, BRIEFING_SMTP_USER="analyst", BRIEFING_SMTP_PASSWORD="s3cret!")
    from briefing.cli import cli

    check = runner.invoke(cli, ["email", "--check", "--insecure-login"], env=environ)
    assert check.exit_code == 0 and "logged in as analyst" in check.stdout
    assert send(runner, pack, environ, "--insecure-login").exit_code == 0 and len(handler.messages) == 1

    wrong = send(runner, pack, {**environ, "BRIEFING_SMTP_PASSWORD": "guess"}, "--insecure-login")
    assert wrong.exit_code == 1
    assert wrong.stderr.startswith(f"Error: login refused by 127.0.0.1:{controller.port} for user 'analyst' (535)")
    assert "guess" not in wrong.output and "s3cret" not in wrong.output


def test_no_password_goes_over_a_connection_without_tls(runner, pack, smtp_server):
    controller, handler = smtp_server(authenticator=authenticator, auth_require_tls=False, auth_required=True)
    environ = env(controller.port, BRIEFING_SMTP_USER="analyst", BRIEFING_SMTP_PASSWORD="s3cret!")
    result = send(runner, pack, environ)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: will not send the password for 'analyst' to 127.0.0.1:{controller.port} without "
                             "encryption (security: none); use starttls or ssl, or --insecure-login if the link is "
                             "private\n")
    assert handler.messages == [] and "s3cret" not in result.output


def test_a_refused_recipient_is_named_and_nothing_is_sent(runner, pack, smtp_server):
    controller, handler = smtp_server(Recorder(refuse={"gone@example.org"}))
    result = send(runner, pack, env(controller.port), "--to", "gone@example.org")
    assert result.exit_code == 1
    assert "refused the recipient gone@example.org (550 5.1.1 mailbox unavailable); nothing was sent" in result.stderr
    assert handler.messages == []
    assert (pack / PDF).exists()


def test_size_limit_is_checked_before_sending(runner, pack, smtp_server):
    controller, handler = smtp_server(data_size_limit=20_000)
    result = send(runner, pack, env(controller.port))
    assert result.exit_code == 1
    assert "accepts at most 19 KB" in result.stderr and "--attach pdf" in result.stderr
    assert handler.messages == []


def test_a_server_that_drops_the_connection(runner, pack):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def drop():
        conn, _ = listener.accept()
        conn.sendall(b"220 flaky.example ESMTP\r\n")
        conn.recv(1024)
        conn.close()

    thread = threading.Thread(target=drop, daemon=True)
    thread.start()
    result = send(runner, pack, env(listener.getsockname()[1]))
    thread.join(5)
    listener.close()
    assert result.exit_code == 1
    assert "closed the connection" in result.stderr and "Traceback" not in result.output


def test_connection_refused_timeout_and_unknown_name(runner, pack, monkeypatch):
    refused = send(runner, pack, env(free_port()))
    assert refused.exit_code == 1 and "connection refused by 127.0.0.1" in refused.stderr

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts, never greets
    from briefing.mail.send import deliver
    from briefing.mail.settings import SmtpSettings

    settings = SmtpSettings("127.0.0.1", silent.getsockname()[1], "none", "opcc@example.org", timeout=0.5)
    with pytest.raises(DeliveryError, match="within 0.5 s"):
        deliver(settings, email.message.EmailMessage(), ["pcc@example.org"])
    silent.close()

    def no_dns(*args, **kwargs):
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    unknown = send(runner, pack, env(25, BRIEFING_SMTP_HOST="mail.nowhere.invalid"))
    assert unknown.exit_code == 1 and "mail server name 'mail.nowhere.invalid' not found" in unknown.stderr


def test_transient_refusals_are_retried(pack, smtp_server):
    from briefing.mail.message import build_message
    from briefing.mail.send import deliver
    from briefing.mail.settings import SmtpSettings

    controller, handler = smtp_server(Recorder(defer=2))
    settings = SmtpSettings("127.0.0.1", controller.port, "none", "opcc@example.org")
    message = build_message(sender="opcc@example.org", to="pcc@example.org", cc="", subject="s", marking="OFFICIAL",
                            title="t", headline=["h"], attachments=[pack / PDF])
    pauses = []
    deliver(settings, message, ["pcc@example.org"], sleep=pauses.append)
    assert len(handler.messages) == 1 and pauses == [2.0, 4.0]

    controller2, handler2 = smtp_server(Recorder(defer=5))
    settings2 = SmtpSettings("127.0.0.1", controller2.port, "none", "opcc@example.org")
    with pytest.raises(DeliveryError, match="tried 3 times, nothing was sent"):
        deliver(settings2, message, ["pcc@example.org"], sleep=lambda s: None)


def test_dry_run_writes_an_eml_beside_the_pack(runner, pack):
    result = send(runner, pack, {"BRIEFING_SMTP_HOST": ""}, "--dry-run")
    assert result.exit_code == 0, result.stderr
    eml = Path(result.stdout.strip())
    assert eml.parent == pack and eml.suffix == ".eml"
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["To"] == "pcc@example.org"
    assert next(message.iter_attachments()).get_content() == (pack / PDF).read_bytes()


def test_missing_settings_are_one_clear_line(runner, pack, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    result = send(runner, pack, {"BRIEFING_SMTP_HOST": ""})
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no mail server set: export BRIEFING_SMTP_HOST")


def test_password_never_shows_in_settings_repr():
    from briefing.mail.settings import load_settings

    settings = load_settings(environ={"BRIEFING_SMTP_HOST": "mail", "BRIEFING_SMTP_FROM": "a@b",
                                      "BRIEFING_SMTP_PASSWORD": "hunter2"})
    assert "hunter2" not in repr(settings) and settings.port == 587 and settings.security == "starttls"


def test_pack_email_to_sends_the_pdf(runner, tmp_path, smtp_server):
    controller, handler = smtp_server()
    from briefing.cli import cli

    result = runner.invoke(cli, ["pack", "-o", str(tmp_path), "--email-to", "pcc@example.org"],
                           env=env(controller.port))
    assert result.exit_code == 0, result.stderr
    message = email.message_from_bytes(handler.messages[0].content, policy=policy.default)
    assert [p.get_filename() for p in message.iter_attachments()] == [PDF]


def test_an_email_says_what_the_pack_is_from_its_manifest_alone(runner, tmp_path):
    """A pack of only a PDF (no JSON model, no workbook to read labels from) still gives the
    message its title, marking, headline and s.55 date: every pack writes a manifest."""
    out = tmp_path / "pack"
    made = invoke(runner, "pack", "--formats", "pdf", "--marking", "OFFICIAL-SENSITIVE", "--date", "2024-03-30",
                  "-o", out)
    assert made.exit_code == 0, made.output
    assert sorted(p.name for p in out.iterdir()) == sorted([PDF, PDF.replace(".pdf", ".manifest.json")])
    assert made.stdout.split() == [str(out / PDF)]  # the manifest is the pack's own, not one of its formats
    result = invoke(runner, "email", out, "--to", "pcc@example.org", "--dry-run")
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes(Path(result.stdout.strip()).read_bytes(), policy=policy.default)
    assert message["Subject"].strip() == "OFFICIAL-SENSITIVE: Northamptonshire Police: PEEL 2023-25 inspection briefing"
    body = message.get_body(("plain",)).get_content()
    assert "Grades: of 8 areas graded in both sources, 6 up, 1 down, 1 unchanged" in body  # on 30 March 2024 the correction had not been made
    assert "section 55 response was due 11 April 2024" in body  # as of the day it is sent


def test_a_pack_folder_without_a_manifest_is_refused_in_one_line(runner, tmp_path):
    (tmp_path / PDF).write_bytes(b"%PDF-1.4\n")
    result = invoke(runner, "email", tmp_path, "--to", "pcc@example.org", "--dry-run")
    assert result.exit_code == 1
    assert "no northamptonshire-police-peel-2023-25-pcc-briefing.manifest.json beside the pack" in result.stderr


def test_a_server_that_drips_its_greeting_is_cut_off_by_one_deadline(runner, pack):
    """Each line within the read timeout, but the greeting never ends: the exchange as a
    whole is held to ten read timeouts."""
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    stop = threading.Event()

    def drip():
        conn, _ = listener.accept()
        with conn:
            while not stop.is_set():
                try:
                    conn.sendall(b"220-still greeting you\r\n")
                except OSError:
                    return
                time.sleep(0.1)

    threading.Thread(target=drip, daemon=True).start()
    start = time.monotonic()
    try:
        result = send(runner, pack, env(listener.getsockname()[1], BRIEFING_SMTP_TIMEOUT="0.3"))
    finally:
        stop.set()
        listener.close()
    assert time.monotonic() - start < 8
    assert result.exit_code == 1
    assert "did not finish the exchange within 3 s" in result.stderr


def test_a_password_the_login_cannot_carry_is_said_without_it(runner, pack, smtp_server):
    controller, _ = smtp_server(auth_require_tls=False, auth_required=True)
    result = send(runner, pack, env(controller.port, BRIEFING_SMTP_USER="opcc", BRIEFING_SMTP_PASSWORD="s\u00e9cr\u00e9t"),
                  "--insecure-login")
    assert result.exit_code == 1
    assert "holds a character that is not ASCII" in result.stderr
    assert "\u00e9" not in result.stderr and "cr" not in result.stderr.replace("character", "")


def test_an_address_in_another_script_reaches_the_server_in_its_ascii_form(runner, pack, smtp_server):
    """A domain such as "pfcc-nörthants.gov.uk" is delivered as every server takes it (IDNA)."""
    controller, handler = smtp_server()
    from briefing.cli import _register, cli

    _register()
    result = runner.invoke(cli, ["email", str(pack), "--to", "Zoë Smith <pcc@pfcc-nörthants.gov.uk>"],
                           env=env(controller.port, BRIEFING_SMTP_FROM="office@exämple.org"), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    (envelope,) = handler.messages
    assert envelope.mail_from == "office@xn--exmple-cua.org"
    assert envelope.rcpt_tos == ["pcc@xn--pfcc-nrthants-nmb.gov.uk"]
    message = email.message_from_bytes(envelope.content, policy=policy.default)
    assert message["To"] == "Zoë Smith <pcc@xn--pfcc-nrthants-nmb.gov.uk>"


@pytest.mark.parametrize(("setting", "value", "line"), [
    ("--to", "pçc@example.org", "Error: --to 'pçc@example.org': the part before @ is not ASCII, which most mail "
                                "servers cannot deliver; check the address, or use the ASCII one the mailbox also has"),
    ("BRIEFING_SMTP_USER", "zoë", "Error: BRIEFING_SMTP_USER 'zoë' is not ASCII, which an SMTP login cannot carry; "
                                  "use the mailbox's ASCII name"),
    ("BRIEFING_SMTP_HOST", "smtp.exä..mple.org", "Error: BRIEFING_SMTP_HOST 'smtp.exä..mple.org' is not a domain name "
                                                 "that can be written in ASCII (IDNA)")])
def test_a_setting_no_mail_server_can_carry_is_one_line(runner, pack, smtp_server, setting, value, line):
    controller, handler = smtp_server()
    environ = env(controller.port, **({setting: value} if setting.startswith("BRIEFING") else {}))
    args = ["--to", value] if setting == "--to" else []
    from briefing.cli import _register, cli

    _register()
    result = runner.invoke(cli, ["email", str(pack), *(args or ["--to", "pcc@example.org"])], env=environ,
                           catch_exceptions=False)
    assert result.exit_code == 1 and not handler.messages
    assert result.stderr.strip() == line
