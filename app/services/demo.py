"""The demo cell: a realistic village party cell (chi bộ thôn) to try the program with, and its
last twelve months of meetings (app.services.demo_meetings).

Chi bộ thôn Lũng Cú, under the Party committee of Lũng Cú commune (Đảng ủy xã Lũng Cú) as
organised after 07/2025, with members of the highland's ethnic groups. Deterministic: the same
data every time, except that the probation dates of the three probationary members (đảng viên
dự bị) follow today's date so that one is always due for recognition and two are in probation.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from app.domain.members import (
    CellRole,
    EventKind,
    Gender,
    MemberRecord,
    MembershipStatus,
    StatusEvent,
)
from app.domain.text import fold
from app.l10n import _
from app.services.demo_meetings import fill_demo_meetings
from app.services.dto import CellInput, CellType, Changes
from app.services.errors import UserError
from app.services.facade import Services

M, F = Gender.MALE, Gender.FEMALE
D = dt.date
_RESIDENCE = "Thôn Lũng Cú, xã Lũng Cú, tỉnh Tuyên Quang"
_HOMETOWN = "Xã Lũng Cú, tỉnh Tuyên Quang"
# Days from the admission decision to the ceremony: well inside the 30 working days allowed.
_CEREMONY_AFTER_DAYS = 21

CELL = CellInput(
    name="Chi bộ thôn Lũng Cú",
    superior_committee="Đảng ủy xã Lũng Cú",
    superior_body="ĐẢNG BỘ XÃ LŨNG CÚ",
    place_name="Lũng Cú",
    cell_type=CellType.VILLAGE,
    term_start=D(2025, 8, 12),
    term_end=D(2030, 8, 12),
    village_head_is_member=True,
    front_head_is_member=True,
    secretary_is_village_head=True,
)
SECRETARY = "Sùng Mí Páo"
DEPUTY = "Hoàng Văn Thắng"


class DemoRefusedError(UserError):
    """The data folder already holds data; the demo would replace it."""


@dataclass(frozen=True)
class _Person:
    name: str
    gender: str
    birth: dt.date
    ethnicity: str
    admission: dt.date | None  # None: probationary, dates follow today
    occupation: str = "Làm nông nghiệp"
    education: str = "9/12"
    theory: str = "Sơ cấp"
    role: CellRole = CellRole.MEMBER
    workplace: str = ""
    events: tuple[StatusEvent, ...] = ()
    note: str = ""


def _event(kind: EventKind, day: dt.date, ref: str, note: str = "") -> tuple[StatusEvent, ...]:
    return (StatusEvent(kind=kind, date=day, decision_ref=ref, note=note),)


# fmt: off
_PEOPLE: tuple[_Person, ...] = (
    _Person(SECRETARY, M, D(1972, 3, 15), "Mông", D(1998, 5, 12), "Trưởng thôn",
            theory="Trung cấp", role=CellRole.SECRETARY),
    _Person(DEPUTY, M, D(1978, 8, 2), "Tày", D(2003, 9, 10), "Công chức xã", "12/12",
            "Trung cấp", CellRole.DEPUTY, "Ủy ban nhân dân xã Lũng Cú"),
    _Person("Giàng Thị Mai", F, D(1985, 11, 20), "Mông", D(2010, 6, 18), "Giáo viên", "12/12",
            role=CellRole.COMMITTEE, workplace="Trường PTDTBT Tiểu học Lũng Cú"),
    _Person("Vàng Chí Sình", M, D(1966, 1, 25), "Mông", D(1992, 4, 3), education="7/12"),
    _Person("Lý Mí Chá", M, D(1980, 7, 8), "Mông", D(2006, 3, 14)),
    _Person("Sình Dì Gai", M, D(1975, 5, 5), "Lô Lô", D(2001, 10, 22)),
    _Person("Lò Thị Mỷ", F, D(1990, 9, 12), "Lô Lô", D(2015, 8, 20), education="12/12"),
    _Person("Nguyễn Văn Hùng", M, D(1969, 12, 1), "Kinh", D(1995, 2, 14), "Y sĩ", "12/12",
            workplace="Trạm Y tế xã Lũng Cú"),
    _Person("Trần Thị Hương", F, D(1988, 4, 27), "Kinh", D(2012, 11, 5), "Giáo viên", "12/12",
            workplace="Trường PTDTBT THCS Lũng Cú"),
    _Person("Triệu Văn Quẩy", M, D(1983, 2, 17), "Dao", D(2009, 7, 1)),
    _Person("Bàn Thị Mẩy", F, D(1992, 10, 30), "Dao", D(2018, 5, 16)),
    _Person("Lù Văn Dân", M, D(1977, 6, 11), "Giáy", D(2004, 12, 2), "Kinh doanh"),
    _Person("Sèn Thị Vân", F, D(1986, 3, 3), "Giáy", D(2014, 4, 10)),
    _Person("Nông Thị Hoa", F, D(1981, 8, 19), "Nùng", D(2008, 9, 25), "Buôn bán nhỏ"),
    _Person("Lục Văn Thào", M, D(1973, 11, 7), "Nùng", D(2000, 6, 6)),
    _Person("Thào Mí Lử", M, D(1987, 2, 9), "Mông", D(2013, 1, 15), "Bộ đội xuất ngũ"),
    _Person("Sùng Thị Dợ", F, D(1994, 12, 24), "Mông", D(2019, 10, 8)),
    _Person("Giàng Mí Chứ", M, D(1970, 4, 16), "Mông", D(1997, 8, 19)),
    _Person("Ly Thị Súa", F, D(1989, 7, 21), "Mông", D(2016, 3, 22)),
    _Person("Hoàng Thị Lan", F, D(1984, 5, 29), "Tày", D(2011, 7, 12), "Cán bộ Hội Phụ nữ",
            "12/12"),
    _Person("Ma Văn Tiến", M, D(1979, 10, 10), "Tày", D(2005, 5, 19),
            events=_event(EventKind.TRANSFER_IN, D(2025, 9, 8), "Số 87-GT/ĐU",
                          "Chuyển đến từ Chi bộ thôn Thèn Ván, xã Đồng Văn")),
    _Person("Mua Mí Sểnh", M, D(1982, 1, 13), "Mông", D(2007, 11, 27), "Công nhân xây dựng",
            events=_event(EventKind.ATTACH_ELSEWHERE, D(2025, 10, 1), "Số 15-GT/ĐU",
                          "Làm việc tại phường Hà Giang 1 (thành phố Hà Giang cũ)")),
    _Person("Lầu Mí Chư", M, D(1950, 6, 2), "Mông", D(1975, 4, 28), "Nghỉ hưu", "4/10",
            events=_event(EventKind.EXEMPT, D(2024, 1, 15), "Số 12-QĐ/ĐU", "Tuổi cao, sức yếu")),
    _Person("Sình Thị Chúa", F, D(1952, 9, 9), "Lô Lô", D(1979, 9, 3), "Nghỉ hưu", "4/10",
            events=_event(EventKind.EXEMPT, D(2025, 3, 4), "Số 31-QĐ/ĐU", "Tuổi cao, sức yếu")),
    _Person("Phạm Thị Thu Trang", F, D(2001, 6, 14), "Kinh", None, "Nhân viên bưu điện",
            "12/12", workplace="Bưu điện văn hóa xã Lũng Cú"),
    _Person("Vàng Thị Pà", F, D(2003, 3, 8), "Mông", None, education="12/12"),
    _Person("Sùng A Dế", M, D(1998, 12, 5), "Mông", None, "Làm nông nghiệp"),
    # Former members: kept in the records, not on the register.
    _Person("Đỗ Văn Bình", M, D(1985, 2, 20), "Kinh", D(2010, 3, 26), "Giáo viên", "12/12",
            events=_event(EventKind.TRANSFER_OUT, D(2025, 8, 15), "Số 45-GT/ĐU",
                          "Chuyển sinh hoạt về Đảng bộ phường Hà Giang 2")),
    _Person("Vàng Mí Lềnh", M, D(1951, 2, 11), "Mông", D(1976, 12, 20), "Nghỉ hưu", "4/10",
            events=_event(EventKind.DEATH, D(2025, 3, 12), "")),
)
# fmt: on
#: How many months ago each probationary member's ceremony was: one past the 12-month
#: probation (due for recognition), two still in probation.
_PROBATION_AGO_MONTHS = {"Phạm Thị Thu Trang": 13, "Vàng Thị Pà": 7, "Sùng A Dế": 4}


def _months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier; the 31st becomes the month's last day when needed."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _record(person: _Person, number: int, today: dt.date) -> MemberRecord:
    if person.admission is None:
        ceremony = _months_before(today, _PROBATION_AGO_MONTHS[person.name])
        admission = ceremony - dt.timedelta(days=_CEREMONY_AFTER_DAYS)
        status, recognition, card = MembershipStatus.PROBATIONARY, None, ""
    else:
        admission = person.admission
        ceremony = admission + dt.timedelta(days=_CEREMONY_AFTER_DAYS)
        # Recognised as of the day the 12 months end (29-QĐ/TW 4.2b).
        recognition = ceremony.replace(year=ceremony.year + 1)
        status, card = MembershipStatus.FULL, f"{70_110_000 + number * 37:08d}"
    phone = "" if person.birth.year < 1960 else f"09{(number * 7919) % 100_000_000:08d}"
    return MemberRecord(
        full_name=person.name,
        gender=Gender(person.gender),
        birth_date=person.birth,
        status=status,
        role=person.role,
        ethnicity=person.ethnicity,
        religion="Không",
        hometown=_HOMETOWN if person.ethnicity != "Kinh" else "Tỉnh Ninh Bình",
        residence=_RESIDENCE,
        phone=phone,
        education=person.education,
        theory_level=person.theory,
        occupation=person.occupation,
        workplace=person.workplace,
        card_number=card,
        admission_date=admission,
        ceremony_date=ceremony,
        recognition_date=recognition,
        note=person.note,
        events=person.events,
    )


def demo_records(today: dt.date) -> list[MemberRecord]:
    """The demo cell's members (27 on the register, 2 former), dates consistent with `today`."""
    return [_record(person, number, today) for number, person in enumerate(_PEOPLE, start=1)]


def fill_demo(services: Services, *, force: bool = False) -> Changes:
    """Fill an empty data folder with the demo cell; with `force`, delete everything first."""
    if services.has_data() and not force:
        raise DemoRefusedError(
            _(
                "This data folder already holds a cell or members. The demo data would replace "
                "all of it, so nothing was changed."
            )
        )
    if force:
        services.reset_all()
    services.members.create_many(demo_records(services.today()))
    ids = {fold(summary.full_name): summary.id for summary in services.members.list()}
    services.cell.save(
        replace(CELL, secretary_id=ids[fold(SECRETARY)], deputy_id=ids[fold(DEPUTY)])
    )
    fill_demo_meetings(services)
    return Changes.of("members", "cell", "meetings")
