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


class BriefingGroup(click.Group):
    """Turns the library's errors into one line each, the way click reports usage errors."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BriefingError as exc:
            if ctx.meta.get("briefing.debug"):
                raise
            raise click.ClickException(str(exc)) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except OSError as exc:
            if ctx.meta.get("briefing.debug"):
                raise
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None
        except Exception as exc:  # noqa: BLE001 - the promise is: no traceback without --debug
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
    from briefing.cli import (compare_commands, dataset_commands, email_commands,  # noqa: F401
                              extract_commands, pack_commands)

    try:
        cli.main(prog_name="briefing")
    except KeyboardInterrupt:
        click.echo("Error: interrupted", err=True)
        sys.exit(130)


def _register() -> None:
    """Import every command module so `cli` is complete when used from Python or tests."""
    from briefing.cli import (compare_commands, dataset_commands, email_commands,  # noqa: F401
                              extract_commands, pack_commands)
