"""Plain frozen data the services return. Screens and the CLI see these, never ORM objects."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.domain.findings import Finding, Problem
from app.domain.member_enums import CellRole, Gender, MembershipStatus, Standing

if TYPE_CHECKING:
    # Annotations only: the window's start-up imports these DTOs but not the member records.
    from app.domain.members import MemberRecord


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
class MemberSummary:
    """One row of the register list.

    `search_key` is the folded name (no diacritics, lower case) the list filters on;
    `sort_key` orders the Vietnamese way (given name first, Vietnamese letter order).
    """

    id: int
    full_name: str
    gender: Gender
    birth_date: dt.date
    ethnicity: str
    status: MembershipStatus
    role: CellRole
    standing: Standing
    admission_date: dt.date | None
    phone: str
    search_key: str
    sort_key: tuple[object, ...]


@dataclass(frozen=True)
class MemberDetail:
    """A member's whole record, status history included (record.events, oldest first)."""

    id: int
    record: MemberRecord
    standing: Standing
    seniority_years: int | None
    deleted: bool = False


@dataclass(frozen=True)
class Changes:
    """What a write changed, so open screens reload only that ("members", "cell", ...)."""

    areas: frozenset[str]
    ids: frozenset[int] = frozenset()

    @staticmethod
    def of(*areas: str, ids: tuple[int, ...] = ()) -> Changes:
        return Changes(frozenset(areas), frozenset(ids))


@dataclass(frozen=True)
class SaveResult:
    """The id of the saved record, warnings the user should see, and what changed."""

    id: int
    warnings: tuple[Problem, ...]
    changes: Changes


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


@dataclass(frozen=True)
class ImportSource:
    """A spreadsheet read for import: its header row, raw rows and a suggested mapping.

    `mapping` maps a column index to a member field name (see IMPORT_FIELDS). `lines` holds
    the 1-based line (spreadsheet row) of each entry of `rows`, so that problems name the line
    the user sees in Excel even when blank rows were skipped; empty means "header on line 1,
    no blank rows".
    """

    path: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    mapping: dict[int, str] = field(default_factory=dict)
    lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class ImportRow:
    """One data row: its 1-based line in the file, the parsed record if any, its problems."""

    line: int
    record: MemberRecord | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.record is not None and not any(p.severity == "block" for p in self.problems)


@dataclass(frozen=True)
class ImportPreview:
    """Every row with its problems; `commit` refuses unless all rows are ok."""

    source: ImportSource
    rows: tuple[ImportRow, ...]

    @property
    def can_commit(self) -> bool:
        return bool(self.rows) and all(r.ok for r in self.rows)
