"""Party members (đảng viên) of the cell: their record, status history and validation.

Pure rules. Every threshold (minimum age at admission, probation months, minimum full members)
comes from the regulation profile passed in.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class Gender(enum.StrEnum):
    MALE = "male"  # Nam
    FEMALE = "female"  # Nữ


class MembershipStatus(enum.StrEnum):
    """Full member (đảng viên chính thức) or probationary member (đảng viên dự bị)."""

    FULL = "full"
    PROBATIONARY = "probationary"


class CellRole(enum.StrEnum):
    """Role in the cell: bí thư, phó bí thư, chi ủy viên, đảng viên."""

    SECRETARY = "secretary"
    DEPUTY = "deputy"
    COMMITTEE = "committee"
    MEMBER = "member"


class EventKind(enum.StrEnum):
    """A change in a member's standing (biến động), each with a date and a decision reference."""

    TRANSFER_IN = "transfer_in"  # chuyển sinh hoạt đến
    TRANSFER_OUT = "transfer_out"  # chuyển sinh hoạt đi
    ATTACH_ELSEWHERE = "attach_elsewhere"  # sinh hoạt tạm thời nơi khác
    ATTACH_RETURN = "attach_return"  # trở về sinh hoạt tại chi bộ
    EXEMPT = "exempt"  # miễn công tác và sinh hoạt đảng
    EXEMPT_END = "exempt_end"  # thôi miễn sinh hoạt
    SUSPEND = "suspend"  # đình chỉ sinh hoạt đảng
    SUSPEND_END = "suspend_end"  # hết đình chỉ
    STRIKE_OFF = "strike_off"  # xóa tên
    EXPEL = "expel"  # khai trừ
    DEATH = "death"  # từ trần


class Standing(enum.StrEnum):
    """Where a member stands on a given day, derived from the status history."""

    ACTIVE = "active"
    ATTACHED_ELSEWHERE = "attached_elsewhere"
    EXEMPT = "exempt"
    SUSPENDED = "suspended"
    TRANSFERRED_OUT = "transferred_out"
    STRUCK_OFF = "struck_off"
    EXPELLED = "expelled"
    DECEASED = "deceased"


#: Standings in which a person still belongs to the cell's register.
ON_REGISTER = frozenset(
    {Standing.ACTIVE, Standing.ATTACHED_ELSEWHERE, Standing.EXEMPT, Standing.SUSPENDED}
)


@dataclass(frozen=True)
class StatusEvent:
    """One entry of the status history (biến động)."""

    kind: EventKind
    date: dt.date
    decision_ref: str = ""
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class MemberRecord:
    """The register entry of one member, as typed by the secretary (NFC-normalised).

    `admission_date` is the date written in the admission decision: party seniority (tuổi đảng)
    counts from it. `ceremony_date` starts the 12-month probation.
    """

    full_name: str
    gender: Gender
    birth_date: dt.date
    status: MembershipStatus = MembershipStatus.FULL
    role: CellRole = CellRole.MEMBER
    ethnicity: str = "Kinh"
    religion: str = ""
    hometown: str = ""
    residence: str = ""
    phone: str = ""
    education: str = ""
    theory_level: str = ""
    occupation: str = ""
    workplace: str = ""
    card_number: str = ""
    admission_date: dt.date | None = None
    ceremony_date: dt.date | None = None
    recognition_date: dt.date | None = None
    note: str = ""
    events: tuple[StatusEvent, ...] = field(default_factory=tuple)
