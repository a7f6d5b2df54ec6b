"""What every sub-command module shares: the handler type and the usage error."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from app.l10n import _
from app.services.facade import Services

#: A sub-command: runs on an open data folder and returns the exit code.
Handler = Callable[[Services, argparse.Namespace], int]
#: A sub-command that gets the data folder's path and opens what it needs itself.
StandaloneHandler = Callable[[argparse.Namespace, Path], int]


class UsageError(Exception):
    """The command line is wrong (exit code 2); the message is already translated."""


def severity_label(severity: str) -> str:
    """The word printed before a finding: Blocking, Warning or Reminder."""
    labels = {"block": _("Blocking"), "warn": _("Warning"), "info": _("Reminder")}
    return labels.get(severity, severity)
