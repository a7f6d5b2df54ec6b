"""The sub-commands of `sochibo`: each opens the data folder, runs a service, prints the result.

Kept apart from app.cli so that opening the window never imports the database stack. Each
capability keeps its handlers in its own module with a `HANDLERS` table, merged here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands import meetings, members, selftest
from app.commands.common import Handler, StandaloneHandler, UsageError
from app.services.demo import DemoRefusedError
from app.services.facade import Services

__all__ = ["DemoRefusedError", "UsageError", "run_command"]

_HANDLERS: dict[tuple[str, str | None], Handler] = {
    **members.HANDLERS,
    **meetings.HANDLERS,
}
#: Sub-commands that do not open the data folder's database themselves (e.g. the self-test).
_STANDALONE: dict[tuple[str, str | None], StandaloneHandler] = {
    **selftest.STANDALONE_HANDLERS,
}


def run_command(args: argparse.Namespace, data_dir: Path) -> int:
    """Run the parsed sub-command on the data folder `data_dir`; returns the exit code."""
    members.check_usage(args)
    key = (args.command, getattr(args, "action", None))
    if key in _STANDALONE:
        return _STANDALONE[key](args, data_dir)
    handler = _HANDLERS[key] if key in _HANDLERS else _signing_handlers()[key]
    services = Services.open(data_dir)
    try:
        return handler(services, args)
    finally:
        services.close()


def _signing_handlers() -> dict[tuple[str, str | None], Handler]:
    # Imported on demand: the signing stack (cryptography) loads only for `keys`. The other
    # commands then start faster, and still run where cryptography cannot load (Windows older
    # than 10, Wine): the self-test must be able to report exactly that.
    from app.commands import inbox, keys, report

    return {**keys.HANDLERS, **report.HANDLERS, **inbox.HANDLERS}
