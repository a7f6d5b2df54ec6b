"""The rule checks of the register and the meetings (kiểm tra theo quy định), on demand."""

from __future__ import annotations

import datetime as dt

from app.domain.checks import check_register
from app.domain.findings import Finding, sort_findings
from app.services.base import ServiceContext, live_records, unit_of_work
from app.services.meeting_planning import meeting_findings


class CheckService:
    """Runs the domain's register and meeting checks on the stored data."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def run(self, as_of: dt.date | None = None) -> list[Finding]:
        """The findings on `as_of` (default today), most urgent first: the register's, then
        the meetings' (rules 1, 3, 4, 8) within each level."""
        day = as_of or self._ctx.today()
        with unit_of_work(self._ctx) as session:
            records = live_records(session)
            meetings = meeting_findings(session, self._ctx, day)
        findings = check_register(records, self._ctx.profile, self._ctx.calendar, day)
        return sort_findings(findings + meetings)
