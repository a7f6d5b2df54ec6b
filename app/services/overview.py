"""The overview screen's numbers (Tổng quan): who is on the register, and the findings."""

from __future__ import annotations

from collections import Counter

from app.domain.checks import check_register
from app.domain.findings import sort_findings
from app.domain.members import ON_REGISTER, MembershipStatus, Standing, standing_on
from app.services.base import ServiceContext, live_records, unit_of_work
from app.services.dto import Overview
from app.services.meeting_planning import meeting_findings


class OverviewService:
    """Counts over the members on the register today, plus the rule findings."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def get(self) -> Overview:
        """Counts by status, gender and ethnicity of the members on the register today.

        `by_gender` is keyed by the Gender value ("male", "female"); `by_ethnicity` by the
        ethnicity as typed (dân tộc).
        """
        day = self._ctx.today()
        with unit_of_work(self._ctx) as session:
            records = live_records(session)
            meetings = meeting_findings(session, self._ctx, day)
        standings = {member_id: standing_on(r.events, day) for member_id, r in records}
        present = [r for member_id, r in records if standings[member_id] in ON_REGISTER]
        counted = Counter(standings[member_id] for member_id, _r in records)
        findings = check_register(records, self._ctx.profile, self._ctx.calendar, day)
        findings = sort_findings(findings + meetings)
        return Overview(
            on_register=len(present),
            full=sum(1 for r in present if r.status == MembershipStatus.FULL),
            probationary=sum(1 for r in present if r.status == MembershipStatus.PROBATIONARY),
            by_gender=dict(Counter(r.gender.value for r in present)),
            by_ethnicity=dict(Counter(r.ethnicity for r in present)),
            exempt=counted[Standing.EXEMPT],
            attached_elsewhere=counted[Standing.ATTACHED_ELSEWHERE],
            findings=tuple(findings),
        )
