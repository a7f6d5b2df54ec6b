"""The rule checks of the register (kiểm tra theo quy định), run on demand."""

from __future__ import annotations

import datetime as dt

from app.domain.checks import check_register
from app.domain.findings import Finding
from app.services.base import ServiceContext, live_records, unit_of_work


class CheckService:
    """Runs the domain's register checks on the stored members."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def run(self, as_of: dt.date | None = None) -> list[Finding]:
        """The findings on `as_of` (default today), most urgent first."""
        with unit_of_work(self._ctx) as session:
            records = live_records(session)
        day = as_of or self._ctx.today()
        return check_register(records, self._ctx.profile, self._ctx.calendar, day)
