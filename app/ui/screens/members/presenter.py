"""The member list's state and decisions, without Qt: filter, sort, cell texts, counts.

Filtering runs in memory over the summaries loaded once, so typing in the search box never
queries the database (1,000 members filter well within a keystroke).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from typing import Any

from app.domain.members import ON_REGISTER, CellRole, Standing
from app.domain.text import matches_query, name_sort_key
from app.l10n import _, format_date, ngettext
from app.labels import (
    gender_label,
    role_label,
    standing_label,
    status_label,
)
from app.services.dto import MemberSummary


class Column(enum.IntEnum):
    """Columns of the register table, in display order."""

    NAME = 0
    GENDER = 1
    BIRTH_DATE = 2
    ETHNICITY = 3
    STATUS = 4
    ROLE = 5
    STANDING = 6
    ADMISSION_DATE = 7


_ROLE_ORDER = {role: index for index, role in enumerate(CellRole)}
_STANDING_ORDER = {standing: index for index, standing in enumerate(Standing)}


def column_title(column: Column) -> str:
    """The translated header of a column."""
    titles = {
        Column.NAME: _("Full name"),
        Column.GENDER: _("Gender"),
        Column.BIRTH_DATE: _("Date of birth"),
        Column.ETHNICITY: _("Ethnicity"),
        Column.STATUS: _("Membership"),
        Column.ROLE: _("Role"),
        Column.STANDING: _("Standing"),
        Column.ADMISSION_DATE: _("Admission date"),
    }
    return titles[column]


def cell_text(member: MemberSummary, column: Column) -> str:
    """What the table shows for one member in one column."""
    texts: dict[Column, Callable[[MemberSummary], str]] = {
        Column.NAME: lambda m: m.full_name,
        Column.GENDER: lambda m: gender_label(m.gender),
        Column.BIRTH_DATE: lambda m: format_date(m.birth_date),
        Column.ETHNICITY: lambda m: m.ethnicity,
        Column.STATUS: lambda m: status_label(m.status),
        Column.ROLE: lambda m: role_label(m.role),
        Column.STANDING: lambda m: standing_label(m.standing),
        Column.ADMISSION_DATE: lambda m: format_date(m.admission_date),
    }
    return texts[column](member)


def _optional_date(value: dt.date | None) -> tuple[bool, dt.date]:
    # Members without a date go after those with one.
    return (value is None, value or dt.date.min)


def sort_key(member: MemberSummary, column: Column) -> tuple[Any, ...]:
    """The key a column sorts by; ties fall back to the Vietnamese name order."""
    name = member.sort_key
    keys: dict[Column, Callable[[MemberSummary], tuple[Any, ...]]] = {
        Column.NAME: lambda m: (name,),
        Column.GENDER: lambda m: (gender_label(m.gender), name),
        Column.BIRTH_DATE: lambda m: (m.birth_date, name),
        Column.ETHNICITY: lambda m: (name_sort_key(m.ethnicity), name),
        Column.STATUS: lambda m: (m.status != "full", name),
        Column.ROLE: lambda m: (_ROLE_ORDER[m.role], name),
        Column.STANDING: lambda m: (_STANDING_ORDER[m.standing], name),
        Column.ADMISSION_DATE: lambda m: (*_optional_date(m.admission_date), name),
    }
    return keys[column](member)


class MemberListPresenter:
    """Holds every loaded summary and derives the rows to show."""

    def __init__(self) -> None:
        self._members: list[MemberSummary] = []
        self.query = ""
        self.include_former = False
        self.sort_column = Column.NAME
        self.descending = False
        self.rows: list[MemberSummary] = []
        self._in_scope = 0

    def set_members(self, members: Sequence[MemberSummary]) -> None:
        """Replace the loaded register (on-register and former members)."""
        self._members = list(members)
        self._update()

    def set_query(self, query: str) -> None:
        """Filter by name, ignoring case and diacritics ("nguyen van a")."""
        self.query = query
        self._update()

    def set_include_former(self, include: bool) -> None:
        """Also show members transferred out, struck off, expelled or deceased."""
        self.include_former = include
        self._update()

    def sort_by(self, column: Column, descending: bool = False) -> None:
        """Order the rows by a column (the header click)."""
        self.sort_column = column
        self.descending = descending
        self._update()

    def row_of(self, member_id: int) -> int | None:
        """The row showing a member, or None if it is filtered out."""
        for row, member in enumerate(self.rows):
            if member.id == member_id:
                return row
        return None

    def find(self, member_id: int) -> MemberSummary | None:
        """A loaded member by id, shown or not."""
        return next((m for m in self._members if m.id == member_id), None)

    def count_text(self) -> str:
        """ "27 đảng viên", or "Tìm thấy 3 trong 27 đảng viên" while searching."""
        shown, total = len(self.rows), self._in_scope
        if shown == total:
            return ngettext("{count} member", "{count} members", total).format(count=total)
        return ngettext(
            "Found {shown} of {count} member", "Found {shown} of {count} members", total
        ).format(shown=shown, count=total)

    def _update(self) -> None:
        scope = [m for m in self._members if self.include_former or m.standing in ON_REGISTER]
        self._in_scope = len(scope)
        query = self.query.strip()
        if query:
            scope = [m for m in scope if matches_query(m.search_key, query)]
        column = self.sort_column
        scope.sort(key=lambda m: sort_key(m, column), reverse=self.descending)
        self.rows = scope
