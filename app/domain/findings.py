"""What the rule checks report: findings about the cell and problems with one input."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.domain.messages import Message


class Severity(enum.StrEnum):
    """block: refuse to save/export; warn: allowed with a visible warning; info: reminder."""

    BLOCK = "block"
    WARN = "warn"
    INFO = "info"


SEVERITY_ORDER = {Severity.BLOCK: 0, Severity.WARN: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Finding:
    """A rule finding shown on the overview and printed by `sochibo check`.

    `rule` is the rule's id in the regulation profile (e.g. "members.min_full_members"),
    `subject` what it is about (a member's name, or the cell), `citation` the legal source.
    """

    rule: str
    severity: Severity
    subject: str
    message: Message
    citation: str
    member_id: int | None = None


@dataclass(frozen=True)
class Problem:
    """A problem with one input field. `BLOCK` problems stop the save; others are warnings."""

    field: str
    message: Message
    severity: Severity = Severity.BLOCK


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most urgent first: blocking, then warnings, then reminders; stable within a level."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])
