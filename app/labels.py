"""Translated labels of the member enums, shared by the GUI and the command line.

Giới tính, loại đảng viên, chức vụ, tình trạng, biến động.

Each label is a literal gettext call (so the catalog extractor finds it) made on every use (so a
language switch takes effect at once). Short, ambiguous words carry a gettext context.
"""

from __future__ import annotations

from app.domain.member_enums import CellRole, EventKind, Gender, MembershipStatus, Standing
from app.l10n import pgettext


def gender_label(value: Gender) -> str:
    """ "Nam" / "Nữ"."""
    labels = {
        Gender.MALE: pgettext("gender", "Male"),
        Gender.FEMALE: pgettext("gender", "Female"),
    }
    return labels[value]


def status_label(value: MembershipStatus) -> str:
    """Full member (đảng viên chính thức) "Chính thức" or probationary "Dự bị"."""
    labels = {
        MembershipStatus.FULL: pgettext("membership status", "Full"),
        MembershipStatus.PROBATIONARY: pgettext("membership status", "Probationary"),
    }
    return labels[value]


def role_label(value: CellRole) -> str:
    """Role in the cell (chức vụ): Bí thư, Phó bí thư, Chi ủy viên, Đảng viên."""
    labels = {
        CellRole.SECRETARY: pgettext("cell role", "Secretary"),
        CellRole.DEPUTY: pgettext("cell role", "Deputy secretary"),
        CellRole.COMMITTEE: pgettext("cell role", "Committee member"),
        CellRole.MEMBER: pgettext("cell role", "Member"),
    }
    return labels[value]


def standing_label(value: Standing) -> str:
    """Standing (tình trạng sinh hoạt) derived from the status history."""
    labels = {
        Standing.ACTIVE: pgettext("standing", "Active"),
        Standing.ATTACHED_ELSEWHERE: pgettext("standing", "Temporarily attached elsewhere"),
        Standing.EXEMPT: pgettext("standing", "Exempt from meetings"),
        Standing.SUSPENDED: pgettext("standing", "Suspended"),
        Standing.TRANSFERRED_OUT: pgettext("standing", "Transferred out"),
        Standing.STRUCK_OFF: pgettext("standing", "Struck off"),
        Standing.EXPELLED: pgettext("standing", "Expelled"),
        Standing.DECEASED: pgettext("standing", "Deceased"),
    }
    return labels[value]


def event_kind_label(value: EventKind) -> str:
    """Kind of a status-history entry (biến động)."""
    labels = {
        EventKind.TRANSFER_IN: pgettext("event kind", "Transferred in"),
        EventKind.TRANSFER_OUT: pgettext("event kind", "Transferred out"),
        EventKind.ATTACH_ELSEWHERE: pgettext("event kind", "Temporarily attached elsewhere"),
        EventKind.ATTACH_RETURN: pgettext("event kind", "Returned to the cell"),
        EventKind.EXEMPT: pgettext("event kind", "Exempted from party work and meetings"),
        EventKind.EXEMPT_END: pgettext("event kind", "Exemption ended"),
        EventKind.SUSPEND: pgettext("event kind", "Suspended from party activity"),
        EventKind.SUSPEND_END: pgettext("event kind", "Suspension ended"),
        EventKind.STRIKE_OFF: pgettext("event kind", "Struck off the list"),
        EventKind.EXPEL: pgettext("event kind", "Expelled"),
        EventKind.DEATH: pgettext("event kind", "Deceased"),
    }
    return labels[value]


def genders() -> list[tuple[Gender, str]]:
    """(value, label) pairs in combo order."""
    return [(g, gender_label(g)) for g in Gender]


def statuses() -> list[tuple[MembershipStatus, str]]:
    """(value, label) pairs in combo order."""
    return [(s, status_label(s)) for s in MembershipStatus]


def roles() -> list[tuple[CellRole, str]]:
    """(value, label) pairs, from the secretary down to an ordinary member."""
    return [(r, role_label(r)) for r in CellRole]


def event_kinds() -> list[tuple[EventKind, str]]:
    """(value, label) pairs in the order of the enum (start events before their end)."""
    return [(k, event_kind_label(k)) for k in EventKind]
