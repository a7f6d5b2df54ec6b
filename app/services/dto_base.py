"""The service DTOs the main window needs to start: the cell profile, the overview and the
notice of what a write changed. Kept light (no member records), see app.services.dto."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.domain.findings import Finding


class CellType(enum.StrEnum):
    """Kind of unit the cell leads (loại hình chi bộ)."""

    VILLAGE = "village"  # thôn, bản, tổ dân phố
    AGENCY = "agency"  # cơ quan, đơn vị sự nghiệp
    ENTERPRISE = "enterprise"  # doanh nghiệp
    SCHOOL = "school"  # trường học
    MILITARY = "military"  # quân sự
    POLICE = "police"  # công an
    OTHER = "other"


@dataclass(frozen=True)
class CellInput:
    """The cell profile as the first-run wizard or the settings screen submits it.

    `superior_committee` receives reports (e.g. "Đảng ủy xã Lũng Cú"); `superior_body` is the
    name printed in the left header column above the cell (e.g. "ĐẢNG BỘ XÃ LŨNG CÚ").
    The three indicators are None while unknown.
    """

    name: str
    superior_committee: str
    superior_body: str
    place_name: str
    cell_type: CellType
    term_start: dt.date | None = None
    term_end: dt.date | None = None
    secretary_id: int | None = None
    deputy_id: int | None = None
    village_head_is_member: bool | None = None
    front_head_is_member: bool | None = None
    secretary_is_village_head: bool | None = None


@dataclass(frozen=True)
class CellInfo(CellInput):
    """The saved cell profile, with the names of the secretary and deputy resolved."""

    secretary_name: str = ""
    deputy_name: str = ""


@dataclass(frozen=True)
class Changes:
    """What a write changed, so open screens reload only that ("members", "cell", ...)."""

    areas: frozenset[str]
    ids: frozenset[int] = frozenset()

    @staticmethod
    def of(*areas: str, ids: tuple[int, ...] = ()) -> Changes:
        return Changes(frozenset(areas), frozenset(ids))


@dataclass(frozen=True)
class Overview:
    """Counts for the overview screen, and the rule findings most urgent first."""

    on_register: int
    full: int
    probationary: int
    by_gender: dict[str, int]
    by_ethnicity: dict[str, int]
    exempt: int
    attached_elsewhere: int
    findings: tuple[Finding, ...]
