"""The cell profile (hồ sơ chi bộ): name, superior committee, term, secretary and deputy."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from app.domain.documents import names_district_level
from app.domain.findings import Problem
from app.domain.members import ON_REGISTER, MembershipStatus, standing_on
from app.domain.messages import N_, Message
from app.domain.text import nfc
from app.services.base import ServiceContext, audit, get_member, record_of, unit_of_work
from app.services.dto import CellInfo, CellInput, CellType, Changes
from app.services.errors import raise_if_blocked
from app.storage.models import Cell

AREA = "cell"
CELL_ROW_ID = 1

# Names of district-level bodies. The district level (cấp huyện) was abolished on 01/07/2025
# (294-QĐ/TW; domain.md rule 44), so no report may go to such a body any more.

_REQUIRED = {
    "name": N_("The cell's name is empty. Enter the name of the cell, e.g. “Chi bộ thôn 1”."),
    "superior_committee": N_(
        "The superior committee is empty. Enter the party committee that receives the cell's "
        "reports, e.g. “Đảng ủy xã Lũng Cú”."
    ),
    "place_name": N_(
        "The place name is empty. Enter the place written before the date on documents, "
        "e.g. “Lũng Cú”."
    ),
}
_DISTRICT_MESSAGE = N_(
    "“{value}” names a district-level body, but there has been no district level since "
    "01/07/2025. Enter the commune, ward or grassroots party committee instead."
)
_ROLE_MESSAGES = {
    "secretary_id": (
        N_("The chosen secretary is no longer in the member list. Choose the secretary again."),
        N_(
            "{name} is no longer on the cell's register and cannot be the secretary. "
            "Choose another member."
        ),
        N_("{name} is a probationary member and cannot be the secretary. Choose a full member."),
    ),
    "deputy_id": (
        N_(
            "The chosen deputy secretary is no longer in the member list. "
            "Choose the deputy secretary again."
        ),
        N_(
            "{name} is no longer on the cell's register and cannot be the deputy secretary. "
            "Choose another member."
        ),
        N_(
            "{name} is a probationary member and cannot be the deputy secretary. "
            "Choose a full member."
        ),
    ),
}


class CellService:
    """Reads and saves the single cell profile."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def get(self) -> CellInfo | None:
        """The saved cell profile with the secretary's and deputy's names, or None at first
        run."""
        with unit_of_work(self._ctx) as session:
            row = session.get(Cell, CELL_ROW_ID)
            if row is None:
                return None
            return _info(row, session)

    def save(self, cmd: CellInput) -> Changes:
        """Validate and save the cell profile; raises `ValidationError` listing every problem.

        Refused: an empty name, superior committee or place name; a term that ends before it
        starts; a secretary or deputy who is not a full member on the register, or the same
        person in both roles; a superior body at the abolished district level.
        """
        cmd = dataclasses.replace(
            cmd,
            name=nfc(cmd.name),
            superior_committee=nfc(cmd.superior_committee),
            superior_body=nfc(cmd.superior_body),
            place_name=nfc(cmd.place_name),
        )
        with unit_of_work(self._ctx) as session:
            raise_if_blocked(_problems(session, cmd, self._ctx.today()))
            row = session.get(Cell, CELL_ROW_ID)
            action = "update"
            if row is None:
                row = Cell(id=CELL_ROW_ID)
                session.add(row)
                action = "create"
            for field in dataclasses.fields(CellInput):
                value = getattr(cmd, field.name)
                setattr(row, field.name, value.value if field.name == "cell_type" else value)
            audit(session, action, AREA, CELL_ROW_ID)
        return Changes.of(AREA)


def _info(row: Cell, session: Session) -> CellInfo:
    return CellInfo(
        name=row.name,
        superior_committee=row.superior_committee,
        superior_body=row.superior_body,
        place_name=row.place_name,
        cell_type=CellType(row.cell_type),
        term_start=row.term_start,
        term_end=row.term_end,
        secretary_id=row.secretary_id,
        deputy_id=row.deputy_id,
        village_head_is_member=row.village_head_is_member,
        front_head_is_member=row.front_head_is_member,
        secretary_is_village_head=row.secretary_is_village_head,
        secretary_name=_member_name(session, row.secretary_id),
        deputy_name=_member_name(session, row.deputy_id),
    )


def _member_name(session: Session, member_id: int | None) -> str:
    if member_id is None:
        return ""
    row = get_member(session, member_id)
    return "" if row is None else row.full_name


def _problems(session: Session, cmd: CellInput, today: dt.date) -> list[Problem]:
    problems = [
        Problem(name, Message(text)) for name, text in _REQUIRED.items() if not getattr(cmd, name)
    ]
    for name in ("superior_committee", "superior_body"):
        value = getattr(cmd, name)
        if names_district_level(value):
            problems.append(Problem(name, Message(_DISTRICT_MESSAGE, {"value": value})))
    if cmd.term_start and cmd.term_end and cmd.term_end <= cmd.term_start:
        problems.append(
            Problem(
                "term_end",
                Message(
                    N_(
                        "The term ends on {end}, which is not after its start {start}. "
                        "Check both dates."
                    ),
                    {"end": cmd.term_end, "start": cmd.term_start},
                ),
            )
        )
    problems += _role_problem(session, "secretary_id", cmd.secretary_id, today)
    problems += _role_problem(session, "deputy_id", cmd.deputy_id, today)
    if cmd.secretary_id is not None and cmd.secretary_id == cmd.deputy_id:
        message = N_("The secretary and the deputy secretary must be two different members.")
        problems.append(Problem("deputy_id", Message(message)))
    return problems


def _role_problem(
    session: Session, field: str, member_id: int | None, today: dt.date
) -> list[Problem]:
    """The secretary (bí thư) and deputy (phó bí thư) must be full members on the register."""
    if member_id is None:
        return []
    missing, left, probationary = _ROLE_MESSAGES[field]
    row = get_member(session, member_id)
    if row is None or row.deleted_at is not None:
        return [Problem(field, Message(missing))]
    record = record_of(row)
    if standing_on(record.events, today) not in ON_REGISTER:
        return [Problem(field, Message(left, {"name": record.full_name}))]
    if record.status != MembershipStatus.FULL:
        return [Problem(field, Message(probationary, {"name": record.full_name}))]
    return []
