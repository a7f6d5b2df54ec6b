"""The quality scoring table a meeting is judged by (khung tiêu chí chấm điểm).

Drafts follow the regulation profile in force, which a province's copy of the profile may
replace. When minutes become final their table is stored with them (as JSON in
`meeting.quality_table`), so that a profile installed later neither re-judges nor blocks the
final score: old minutes print with the criteria they were scored with.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from app.domain.profile import QualityBand, QualityCriterion, QualityScheme, Rule, RuleProfile
from app.storage.models import Meeting

log = logging.getLogger(__name__)


def table_json(table: Rule[QualityScheme]) -> str:
    """The table as stored with final minutes."""
    scheme = table.value
    return json.dumps(
        {
            "total": scheme.total,
            "criteria": [[c.code, c.name, c.max_points] for c in scheme.criteria],
            "bands": [[b.code, b.name, b.min_points] for b in scheme.bands],
            "citation": table.citation,
            "confidence": table.confidence,
        },
        ensure_ascii=False,
    )


def _table_of_json(text: str) -> Rule[QualityScheme]:
    data: dict[str, Any] = json.loads(text)
    scheme = QualityScheme(
        total=int(data["total"]),
        criteria=tuple(QualityCriterion(str(c), str(n), int(m)) for c, n, m in data["criteria"]),
        bands=tuple(QualityBand(str(c), str(n), int(m)) for c, n, m in data["bands"]),
    )
    return Rule(scheme, str(data["citation"]), str(data["confidence"]))


def stored_table(row: Meeting) -> Rule[QualityScheme] | None:
    """The table stored with final minutes, None for a draft (or minutes made final before
    tables were stored, which were scored with the bundled table)."""
    if row.quality_table is None:
        return None
    try:
        return _table_of_json(row.quality_table)
    except (ValueError, KeyError, TypeError):
        # Written by this program only; if it was damaged, the profile's table still works.
        log.warning("meeting %s: stored quality table unreadable, using the profile's", row.id)
        return None


def table_of(row: Meeting, profile: RuleProfile) -> Rule[QualityScheme]:
    """The table this meeting is scored with: its own once final, else the profile's."""
    return stored_table(row) or profile.meetings.quality
