"""The `briefing` command: a thin layer that parses options and calls the library.

Every BriefingError becomes one `Error: ...` line on stderr and exit 1; `--debug` shows
the traceback instead. Commands live in modules named after what they do.
"""

from __future__ import annotations

import click

from briefing import __version__, interrupts
from briefing.errors import BriefingError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _interrupted(ctx: click.Context) -> None:
    """Say "interrupted" and exit 130 (Ctrl-C) or 143 (SIGTERM), as shells expect."""
    click.echo(interrupts.message(), err=True)
    ctx.exit(interrupts.exit_code())


class BriefingGroup(click.Group):
    """Turns the library's errors into one line each, the way click reports usage errors."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BaseException as exc:
            if isinstance(exc, (KeyboardInterrupt, interrupts.Interrupted)) or interrupts.SIGNALLED:
                _interrupted(ctx)  # a signal mid-import arrives disguised as another error
            if ctx.meta.get("briefing.debug") or not isinstance(exc, Exception):
                raise
            raise click.ClickException(_one_line(exc)) from None


def _one_line(exc: Exception) -> str:
    if isinstance(exc, BriefingError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        return f"{where}{exc.strerror or exc}"
    return f"unexpected failure ({type(exc).__name__}: {exc}); run with --debug for details"


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
    """Run the command line (signal handlers are briefing.interrupts', installed before this).
    data/ is read and checked first: a mistake an analyst made there is one line naming the
    file and the entry, whatever the command."""
    from briefing.reference import reference

    try:
        reference()
    except BriefingError as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(1) from None
    _register()
    cli.main(prog_name="briefing")


def _register() -> None:
    """Import every command module so `cli` is complete when used from Python or tests."""
    from briefing.cli import (  # noqa: F401
        compare_commands,
        dataset_commands,
        email_commands,
        extract_commands,
        pack_commands,
        register_commands,
        serve_commands,
    )
