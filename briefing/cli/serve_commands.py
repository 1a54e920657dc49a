"""serve: the office's web page over the office's data folder."""

from __future__ import annotations

from pathlib import Path

import click

from briefing.cli import cli


@cli.command(name="serve")
@click.option("--data", "data", type=click.Path(path_type=Path, file_okay=False), help="The office's data folder: "
              "datasets, reports, responses and packs [default: briefing's folder in your user data folder, made "
              "on first run].")
@click.option("--port", type=click.IntRange(0, 65535), default=8155, show_default=True,
              help="The port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on. Anything but "
              "127.0.0.1 lets anyone who reaches the port use the page, so an access token is then required.")
def serve_command(data: Path | None, port: int, host: str) -> None:
    """Open the office's web page: add reports, check what was read, record responses, make and send packs.

    \b
    Example:
        briefing serve                     # then open http://127.0.0.1:8155/
        briefing serve --data "S:/PCC office/briefing" --port 8200
    """
    from briefing.web.folder import OfficeFolder, default_folder
    from briefing.web.server import serve

    folder = OfficeFolder.open(data or default_folder())
    serve(folder, host, port, say=lambda line: click.echo(line))
