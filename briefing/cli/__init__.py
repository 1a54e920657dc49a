"""The `briefing` command: a thin layer that parses options and calls the library.

Every BriefingError becomes one `Error: ...` line on stderr and exit 1; `--debug` shows
the traceback instead. Commands live in modules named after what they do.
"""

from __future__ import annotations

import sys

import click

from briefing import __version__
from briefing.errors import BriefingError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Interrupted(BaseException):
    """SIGTERM, raised like Ctrl-C's KeyboardInterrupt so every cleanup on the way out runs."""


_SIGNALLED: list[int] = []  # a signal that arrives mid-import surfaces as an ImportError; this remembers it


def _on_signal(signum, frame) -> None:
    import signal

    _SIGNALLED.append(signum)
    raise KeyboardInterrupt() if signum == signal.SIGINT else Interrupted()


def _interrupted(ctx: click.Context | None = None) -> None:
    """Say "interrupted" and exit 130 (Ctrl-C) or 143 (SIGTERM), as shells expect."""
    import signal

    code = 143 if signal.SIGTERM in _SIGNALLED else 130
    click.echo("Error: interrupted" + (" (terminated)" if code == 143 else ""), err=True)
    if ctx is not None:
        ctx.exit(code)
    sys.exit(code)


class BriefingGroup(click.Group):
    """Turns the library's errors into one line each, the way click reports usage errors."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (KeyboardInterrupt, Interrupted):
            _interrupted(ctx)
        except BriefingError as exc:
            if _SIGNALLED:
                _interrupted(ctx)
            if ctx.meta.get("briefing.debug"):
                raise
            raise click.ClickException(str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OSError as exc:
            if _SIGNALLED:
                _interrupted(ctx)
            if ctx.meta.get("briefing.debug"):
                raise
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None
        except Exception as exc:
            if _SIGNALLED:
                _interrupted(ctx)
            if ctx.meta.get("briefing.debug"):
                raise
            raise click.ClickException(
                f"unexpected failure ({type(exc).__name__}: {exc}); run with --debug for details") from None


@click.group(cls=BriefingGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="briefing")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn HMICFRS inspection reports into briefing packs for PCCs and chief officers.

    \b
    Example:
        briefing pack                      # the bundled force's latest two inspections
        briefing compare OLD.yaml NEW.yaml
    """
    ctx.meta["briefing.debug"] = debug


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, _on_signal)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_signal)
    try:
        _register()
        cli.main(prog_name="briefing")
    except (KeyboardInterrupt, Interrupted):  # before or after a command ran
        _interrupted()
    except Exception:
        if not _SIGNALLED:
            raise
        _interrupted()


def _register() -> None:
    """Import every command module so `cli` is complete when used from Python or tests."""
    from briefing.cli import (  # noqa: F401
        compare_commands,
        dataset_commands,
        email_commands,
        extract_commands,
        pack_commands,
    )
