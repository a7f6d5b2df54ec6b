"""The member register's enumerations: gender, status, role, status-history events, standing.

Kept apart from the member records so that the window's start-up, which needs the labels,
does not build the record dataclasses.
"""

from __future__ import annotations

import enum


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
