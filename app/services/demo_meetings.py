"""A year of meetings of the demo cell (Chi bộ thôn Lũng Cú), up to the demo's today.

The eleven months before the current one each have a final, numbered regular meeting; four
thematic meetings (sinh hoạt chuyên đề) cover the quarters, one of them combined with the
regular meeting of its month; the current month's meeting is a draft. Attendance follows the
register on each day (exempted members and the member attached elsewhere are recorded as such),
with a few absences: one member is absent without reason in two months only, below the
striking-off threshold. The content is that of a highland village by the border: crops and
cattle, school attendance, border patrols, the holidays of the year.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from app.domain.dates import add_months
from app.domain.meeting_record import DecisionKind, DecisionRecord
from app.domain.meetings import AttendanceStatus, MeetingKind, quality_band
from app.domain.members import EventKind, MemberRecord, MembershipStatus
from app.domain.profile import QualityScheme
from app.domain.text import fold
from app.services.facade import Services
from app.services.meeting_dto import (
    AttendanceInput,
    FollowUpInput,
    GuestInput,
    MeetingDetail,
    MeetingInput,
    SpeechInput,
    TaskInput,
)
from app.services.meeting_planning import quarter_of

PLACE = "Nhà văn hóa thôn Lũng Cú"
MINUTE_TAKER = "Giàng Thị Mai"
GUEST = GuestInput("Lù Văn Sính", "Đảng ủy viên, phụ trách Chi bộ")
FINAL_MONTHS = 11
THEMATIC_MEETINGS = 4
# Each thematic slot after the first is held on this day of its month (the regular meeting
# keeps the default day); the combined slot is the regular meeting itself.
_THEMATIC_DAY = 20
_COMBINED_SLOT = 1
#: The member absent without reason, and the two meetings (by index) he missed.
UNEXCUSED_MEMBER = "Thào Mí Lử"
_UNEXCUSED_AT = (3, 8)
_EXCUSED = (
    ("Vàng Chí Sình", "ốm"),
    ("Lò Thị Mỷ", "đi làm ăn xa"),
    ("Triệu Văn Quẩy", "đưa con đi khám bệnh"),
    ("Sèn Thị Vân", "nhà có việc hiếu"),
    ("Lù Văn Dân", "đi công tác"),
    ("Nông Thị Hoa", "ốm"),
    ("Sùng Thị Dợ", "đi làm ăn xa"),
)
_SPEAKERS = (
    "Hoàng Văn Thắng",
    "Nguyễn Văn Hùng",
    "Trần Thị Hương",
    "Lý Mí Chá",
    "Hoàng Thị Lan",
    "Giàng Mí Chứ",
    "Bàn Thị Mẩy",
    "Sình Dì Gai",
)
_ASSIGNEES = (
    "Hoàng Văn Thắng",
    "Giàng Thị Mai",
    "Hoàng Thị Lan",
    "Lý Mí Chá",
    "Trần Thị Hương",
    "Lục Văn Thào",
    "Ly Thị Súa",
    "Sùng Thị Dợ",
    "Sình Dì Gai",
)
#: The quality score of each final meeting (mostly Tốt, some Khá) and of the thematic ones.
_SCORES = (92, 88, 94, 90, 86, 93, 91, 87, 95, 90, 89)
_THEMATIC_SCORES = (91, 93, 88, 92)
_SHORTCOMINGS = (
    "Một số đảng viên chưa phát biểu ý kiến.\nTài liệu sinh hoạt gửi đến đảng viên còn chậm."
)
# fmt: off
#: The cell's three tasks of each calendar month: what the regular meeting of that month sets.
_TASKS: Mapping[int, tuple[str, str, str]] = {
    1: ("Tổ chức đón Tết Nguyên đán vui tươi, lành mạnh, an toàn",
        "Thăm hỏi, tặng quà các hộ nghèo, gia đình chính sách dịp Tết",
        "Chống rét cho gia súc, dự trữ thức ăn mùa đông"),
    2: ("Ra quân trồng cây đầu xuân dọc đường liên thôn",
        "Làm đất, chuẩn bị giống ngô vụ xuân",
        "Giữ gìn an ninh trật tự sau Tết"),
    3: ("Gieo trồng ngô vụ xuân đúng khung thời vụ",
        "Hướng dẫn Chi đoàn tổ chức Tháng Thanh niên",
        "Phòng cháy, chữa cháy rừng mùa khô"),
    4: ("Chăm sóc ngô, tiêm phòng cho đàn gia súc",
        "Tổng vệ sinh đường làng, ngõ xóm",
        "Vận động học sinh đi học chuyên cần"),
    5: ("Tổ chức kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh (19/5)",
        "Phòng chống mưa đá, lốc xoáy",
        "Vận động các hộ làm nhà tiêu hợp vệ sinh"),
    6: ("Phòng chống sạt lở đất mùa mưa",
        "Tổ chức hoạt động hè cho thiếu nhi",
        "Hoàn thành thu đảng phí 6 tháng đầu năm"),
    7: ("Thăm hỏi gia đình thương binh, liệt sĩ nhân ngày 27/7",
        "Sơ kết 6 tháng thực hiện nghị quyết của Chi bộ",
        "Phòng chống dịch bệnh trên đàn gia súc"),
    8: ("Vận động trẻ trong độ tuổi đến trường, chuẩn bị năm học mới",
        "Thu hoạch ngô vụ xuân, gieo trồng đậu tương",
        "Phối hợp Đồn Biên phòng tuần tra bảo vệ đường biên, mốc giới"),
    9: ("Tổ chức Tết Độc lập 2/9 an toàn, tiết kiệm",
        "Duy trì sĩ số học sinh sau khai giảng",
        "Trồng cỏ, dự trữ thức ăn cho gia súc mùa đông"),
    10: ("Thu hoạch vụ mùa, bảo quản nông sản",
         "Chuẩn bị Ngày hội Đại đoàn kết toàn dân tộc",
         "Rà soát nhà ở các hộ nghèo trước mùa đông"),
    11: ("Tổ chức Ngày hội Đại đoàn kết toàn dân tộc (18/11)",
         "Chuẩn bị kiểm điểm, đánh giá đảng viên cuối năm",
         "Chống rét cho người và gia súc"),
    12: ("Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm",
         "Hoàn thành thu đảng phí cả năm",
         "Tuần tra bảo vệ biên giới dịp cuối năm"),
}
_THEMES = (
    ("Phát huy vai trò của đảng viên trong bảo vệ chủ quyền, an ninh biên giới quốc gia",
     "Hoàng Văn Thắng",
     "Chuyên đề nêu trách nhiệm của mỗi đảng viên trong phối hợp với Đồn Biên phòng tuần tra "
     "đường biên, mốc giới và vận động nhân dân không vượt biên trái phép."),
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tiết kiệm",
     "Giàng Thị Mai",
     "Chuyên đề liên hệ việc thực hành tiết kiệm trong tổ chức cưới hỏi, ma chay ở thôn."),
    ("Giữ gìn bản sắc văn hóa các dân tộc gắn với phát triển du lịch cộng đồng",
     "Trần Thị Hương",
     "Chuyên đề nêu cách giữ gìn tiếng nói, trang phục, lễ hội của người Mông, Lô Lô và "
     "đón khách du lịch đến Cột cờ Lũng Cú."),
    ("Nâng cao vai trò đảng viên trong phát triển kinh tế hộ, giảm nghèo bền vững",
     "Nguyễn Văn Hùng",
     "Chuyên đề nêu các mô hình nuôi bò, trồng chè shan tuyết có hiệu quả ở vùng cao."),
)
_OPINIONS = (
    "Nhất trí với báo cáo của Chi ủy. Đề nghị Chi bộ phân công đảng viên phụ trách từng "
    "nhóm hộ để việc {task} đạt kết quả.",
    "Đồng ý với các nhiệm vụ tháng tới. Cần vận động bà con dân tộc Mông, Lô Lô cùng tham gia "
    "việc {task}.",
    "Tháng qua thôn làm tốt nhiều việc; đề nghị Chi bộ quan tâm hơn đến các hộ khó khăn khi "
    "triển khai việc {task}.",
)
# fmt: on


def fill_demo_meetings(services: Services) -> None:
    """Record the demo cell's meetings of the last twelve months (see the module docstring)."""
    today = services.today()
    cell = services.cell.get()
    term_start = cell.term_start if cell and cell.term_start else today
    records = dict(services.members.all_records())
    ids = {fold(record.full_name): member_id for member_id, record in records.items()}
    default_day = services.profile.meetings.default_day.value
    this_month = today.replace(day=1)
    days = [
        add_months(this_month, -back).replace(day=default_day)
        for back in range(FINAL_MONTHS, 0, -1)
    ]
    days = [day for day in days if day >= term_start]
    slots = _thematic_slots(days, today)
    writer = _MeetingWriter(services, ids, records)
    previous: MeetingDetail | None = None
    for index, day in enumerate(days):
        slot = slots.get(day.month)
        combined = slot == _COMBINED_SLOT
        if slot is not None:
            services.meetings.set_plan(day.year, quarter_of(day), _THEMES[slot][0])
        previous = writer.regular(index, day, previous, combined=combined)
        if slot is not None and not combined:
            writer.thematic(slot, day.replace(day=_THEMATIC_DAY))
    writer.draft(this_month.replace(day=default_day), previous, today)


def _thematic_slots(days: Sequence[dt.date], today: dt.date) -> dict[int, int]:
    """Month -> thematic slot (0-3): the last meeting month of each quarter that is over, then
    of the current quarter while fewer than four are planned."""
    by_quarter: dict[tuple[int, int], int] = {}
    for day in days:
        by_quarter[(day.year, quarter_of(day))] = day.month
    current = (today.year, quarter_of(today))
    months = [month for key, month in by_quarter.items() if key != current]
    if current in by_quarter and len(months) < THEMATIC_MEETINGS:
        months.append(by_quarter[current])
    return {month: slot for slot, month in enumerate(months[-THEMATIC_MEETINGS:])}


def quality_scores(scheme: QualityScheme, target: int) -> dict[str, int]:
    """Points per criterion adding up to `target`: the missing points are shared out in
    proportion to each criterion's maximum, the rest from the largest criteria first."""
    missing = scheme.total - target
    taken = {c.code: missing * c.max_points // scheme.total for c in scheme.criteria}
    largest_first = sorted(scheme.criteria, key=lambda c: -c.max_points)
    for criterion in largest_first[: missing - sum(taken.values())]:
        taken[criterion.code] += 1
    return {c.code: c.max_points - taken[c.code] for c in scheme.criteria}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _month(day: dt.date) -> str:
    return f"{day.month:02d}" if day.month <= 2 else str(day.month)


class _MeetingWriter:
    """Writes the demo meetings through the meeting service, as the secretary would."""

    def __init__(
        self, services: Services, ids: Mapping[str, int], records: Mapping[int, MemberRecord]
    ) -> None:
        self._services = services
        self._ids = ids
        self._records = records
        self._scheme = services.profile.meetings.quality.value

    def _id(self, name: str) -> int:
        return self._ids[fold(name)]

    def regular(
        self, index: int, day: dt.date, previous: MeetingDetail | None, *, combined: bool
    ) -> MeetingDetail:
        """A final regular (or combined) meeting held on `day`."""
        kind = MeetingKind.COMBINED if combined else MeetingKind.REGULAR
        detail = self._services.meetings.start(kind, day)
        attendance = self._attendance(detail, day, index, unexcused=index in _UNEXCUSED_AT)
        data = self._content(detail, day, previous, attendance, self._tasks(day, index))
        if combined:
            agenda = (*data.agenda, f"Sinh hoạt chuyên đề: {data.topic}")
            presenter = self._id(_THEMES[_COMBINED_SLOT][1])
            data = dataclasses.replace(
                data, agenda=agenda, start=dt.time(7, 30), presenter_id=presenter
            )
        score = _SCORES[index % len(_SCORES)]
        data = dataclasses.replace(
            data,
            end=dt.time(10, 0) if combined else dt.time(9, 45 + index % 3 * 5),
            guests=(GUEST,) if day.month % 3 == 1 else (),
            decisions=(self._decision(day, detail, attendance),),
            quality_scores=quality_scores(self._scheme, score),
            # Shortcomings are written down when the meeting did not reach the top band.
            shortcomings="" if self._top_band(score) else _SHORTCOMINGS,
        )
        saved = self._services.meetings.save_draft(detail.id, data)
        return self._services.meetings.finalize(saved.id, day)

    def thematic(self, slot: int, day: dt.date) -> MeetingDetail:
        """A final thematic meeting (sinh hoạt chuyên đề) on `day`."""
        detail = self._services.meetings.start(MeetingKind.THEMATIC, day)
        topic, presenter, summary = _THEMES[slot]
        speakers = _SPEAKERS[slot * 2 : slot * 2 + 2]
        data = dataclasses.replace(
            detail.data,
            start=dt.time(14, 0),
            end=dt.time(16, 0),
            place=PLACE,
            minute_taker_id=self._id(MINUTE_TAKER),
            attendance=self._attendance(detail, day, slot + 1, unexcused=False),
            follow_ups=(),
            agenda=("Trình bày chuyên đề", "Thảo luận, liên hệ bản thân", "Kết luận"),
            report_summary=summary,
            presenter_id=self._id(presenter),
            speeches=tuple(
                SpeechInput(
                    "",
                    "Nhất trí với nội dung chuyên đề; bản thân sẽ gương mẫu thực hiện và vận "
                    "động gia đình, họ hàng cùng làm theo.",
                    self._id(name),
                )
                for name in speakers
            ),
            conclusion=f"Chi bộ thống nhất đưa nội dung chuyên đề “{topic}” vào nghị quyết "
            "tháng tới; mỗi đảng viên đăng ký một việc làm cụ thể.",
            quality_scores=quality_scores(self._scheme, _THEMATIC_SCORES[slot]),
        )
        saved = self._services.meetings.save_draft(detail.id, data)
        return self._services.meetings.finalize(saved.id, day)

    def draft(self, day: dt.date, previous: MeetingDetail | None, today: dt.date) -> None:
        """The current month's meeting, still a draft: prepared, and recorded in part when
        it has already been held (no end time, votes or score yet)."""
        detail = self._services.meetings.start(MeetingKind.REGULAR, day)
        attendance = self._attendance(detail, day, FINAL_MONTHS, unexcused=False)
        data = self._content(detail, day, previous, attendance, self._tasks(day, FINAL_MONTHS))
        if day > today:
            data = dataclasses.replace(data, speeches=(), conclusion="", fee_note="")
        pending = DecisionRecord(f"Thông qua Nghị quyết tháng {_month(day)} năm {day.year}")
        self._services.meetings.save_draft(
            detail.id, dataclasses.replace(data, decisions=(pending,))
        )

    # -- parts -------------------------------------------------------------------------------

    def _content(
        self,
        detail: MeetingDetail,
        day: dt.date,
        previous: MeetingDetail | None,
        attendance: tuple[AttendanceInput, ...],
        tasks: tuple[TaskInput, ...],
    ) -> MeetingInput:
        """What the secretary records of a regular meeting, votes and score aside."""
        last = add_months(day, -1)
        follow_ups, report = _review(day, previous)
        next_day = add_months(day, 1)
        return dataclasses.replace(
            detail.data,
            start=dt.time(8, 0),
            place=PLACE,
            minute_taker_id=self._id(MINUTE_TAKER),
            attendance=attendance,
            agenda=(
                "Thông báo tình hình thu, nộp đảng phí",
                f"Kiểm điểm việc thực hiện Nghị quyết tháng {_month(last)}",
                f"Thảo luận, quyết nghị nhiệm vụ tháng {_month(day)}",
                "Tự đánh giá chất lượng sinh hoạt",
            ),
            follow_ups=follow_ups,
            report_summary=report,
            speeches=self._speeches(day, tasks),
            tasks=tasks,
            fee_note=f"Chi bộ đã thu đủ đảng phí tháng {_month(last)} và nộp về Đảng ủy xã "
            "đúng hạn.",
            conclusion=f"Đồng chí Bí thư kết luận: Chi bộ thống nhất các nhiệm vụ trọng tâm "
            f"tháng {_month(day)}; các đồng chí được phân công tổ chức thực hiện và báo cáo kết "
            "quả tại kỳ sinh hoạt tới.",
            next_date=next_day,
            next_topic=f"Sinh hoạt chi bộ thường kỳ tháng {_month(next_day)} năm {next_day.year}",
        )

    def _top_band(self, total: int) -> bool:
        return quality_band(total, self._scheme) == self._scheme.bands[0]

    def _attendance(
        self, detail: MeetingDetail, day: dt.date, index: int, *, unexcused: bool
    ) -> tuple[AttendanceInput, ...]:
        """The roll call: members who had joined by `day`, a rotating excused absence and the
        two unexcused ones; the rest as the register stands (present, exempt, elsewhere)."""
        reasons = dict([_EXCUSED[index % len(_EXCUSED)]])
        if index % 3 == 0:
            reasons.update([_EXCUSED[(index + 3) % len(_EXCUSED)]])
        absent = {self._id(name): reason for name, reason in reasons.items()}
        entries = []
        for entry in detail.data.attendance:
            if _joined_on(self._records[entry.member_id]) > day:
                continue
            if entry.status is AttendanceStatus.PRESENT and entry.member_id in absent:
                reason = absent[entry.member_id]
                entry = AttendanceInput(entry.member_id, AttendanceStatus.ABSENT_EXCUSED, reason)
            elif unexcused and entry.member_id == self._id(UNEXCUSED_MEMBER):
                entry = AttendanceInput(entry.member_id, AttendanceStatus.ABSENT_UNEXCUSED)
            entries.append(entry)
        return tuple(entries)

    def _decision(
        self, day: dt.date, detail: MeetingDetail, attendance: tuple[AttendanceInput, ...]
    ) -> DecisionRecord:
        """The month's resolution, adopted by every full member present."""
        full = {r.member_id for r in detail.attendance if r.membership is MembershipStatus.FULL}
        present = sum(
            a.member_id in full and a.status is AttendanceStatus.PRESENT for a in attendance
        )
        text = f"Thông qua Nghị quyết tháng {_month(day)} năm {day.year}"
        return DecisionRecord(text, DecisionKind.ORDINARY, present, 0, 0)

    def _tasks(self, day: dt.date, index: int) -> tuple[TaskInput, ...]:
        last = calendar.monthrange(day.year, day.month)[1]
        return tuple(
            TaskInput(
                text,
                self._id(_ASSIGNEES[(index + number) % len(_ASSIGNEES)]),
                deadline=day.replace(day=last) if number < 2 else None,
            )
            for number, text in enumerate(_TASKS[day.month])
        )

    def _speeches(self, day: dt.date, tasks: Sequence[TaskInput]) -> tuple[SpeechInput, ...]:
        return tuple(
            SpeechInput(
                "",
                _OPINIONS[number].format(task=_lower_first(tasks[number].description)),
                self._id(_SPEAKERS[(day.month + number) % len(_SPEAKERS)]),
            )
            for number in range(len(_OPINIONS))
        )


def _review(day: dt.date, previous: MeetingDetail | None) -> tuple[tuple[FollowUpInput, ...], str]:
    """Last month's tasks with their results, and the committee's report on them."""
    done = previous.data.tasks if previous else ()
    follow_ups = tuple(
        FollowUpInput(
            t.description,
            "Hoàn thành" if (i + day.month) % 4 else "Đang thực hiện, chuyển sang tháng sau",
            t.id,
        )
        for i, t in enumerate(done)
    )
    achieved = "; ".join(_lower_first(t.description) for t in done)
    report = (
        f"Trong tháng {_month(add_months(day, -1))}, Chi bộ đã lãnh đạo nhân dân trong thôn "
        f"thực hiện: {achieved or 'các nhiệm vụ phát triển kinh tế, giữ gìn an ninh trật tự'}.\n"
        "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn thôn ổn định; "
        "không có đảng viên vi phạm tư cách."
    )
    return follow_ups, report


def _joined_on(record: MemberRecord) -> dt.date:
    """The day a member joined this cell: admission, or the transfer in when later."""
    transfers = [e.date for e in record.events if e.kind is EventKind.TRANSFER_IN]
    joined = record.admission_date or dt.date.min
    return max([joined, *transfers])
