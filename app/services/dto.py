"""Plain frozen data the services return. Screens and the CLI see these, never ORM objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.domain.findings import Problem
from app.domain.member_enums import CellRole, Gender, MembershipStatus, Standing

# Re-exported: the DTOs the window needs to start live in a light module of their own.
from app.services.dto_base import CellInfo as CellInfo
from app.services.dto_base import CellInput as CellInput
from app.services.dto_base import CellType as CellType
from app.services.dto_base import Changes as Changes
from app.services.dto_base import Overview as Overview

if TYPE_CHECKING:
    # Annotations only: the window's start-up imports these DTOs but not the member records.
    from app.domain.members import MemberRecord


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
class SaveResult:
    """The id of the saved record, warnings the user should see, and what changed."""

    id: int
    warnings: tuple[Problem, ...]
    changes: Changes


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
