"""Meeting documents printed from the services on a real data folder: the snapshot mapping
(header, number, names, counts, votes, score, recipients), drafts marked DỰ THẢO without a
number, refusals, file names, and rule 44 (no district-level recipient)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.meeting_record import DecisionKind, DecisionRecord
from app.domain.meetings import AttendanceStatus as A
from app.domain.meetings import MeetingKind
from app.domain.members import EventKind, MembershipStatus, StatusEvent
from app.l10n import render
from app.services.dto import CellInput, CellType
from app.services.errors import NotFoundError, UserError, ValidationError
from app.services.facade import Services
from app.services.meeting_documents import (
    DocumentKind,
    available_documents,
    document_file_name,
    kind_label,
    recipient_problems,
    render_meeting_document,
)
from app.services.meeting_dto import (
    FollowUpInput,
    GuestInput,
    MeetingDetail,
    ResolutionKind,
    SpeechInput,
    TaskInput,
)
from tests.integration.records import person

TODAY = dt.date(2026, 11, 23)
MEETING_DAY = dt.date(2026, 11, 3)
SCORES = {
    "time": 5,
    "attendance": 4,
    "preparation": 9,
    "conduct": 36,
    "principles": 5,
    "results": 26,
    "closing": 5,
}
CELL = CellInput(
    name="Chi bộ thôn Lô Lô Chải",
    superior_committee="Đảng ủy xã Lũng Cú",
    superior_body="Đảng bộ xã Lũng Cú",
    place_name="Lũng Cú",
    cell_type=CellType.VILLAGE,
    term_start=dt.date(2025, 10, 1),
    term_end=dt.date(2030, 9, 30),
)


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    opened = Services.open(data_dir, today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def ids(services: Services) -> dict[str, int]:
    """Six on the register: the secretary, three full members (one absent with a reason, one
    without), one exempted, one probationer."""
    created = {
        "bi_thu": services.members.create(person("Vàng Seo Dính")).id,
        "an": services.members.create(person("Lò Văn An")).id,
        "binh": services.members.create(person("Sùng Thị Bình")).id,
        "cuong": services.members.create(person("Nguyễn Văn Cường")).id,
        "dung": services.members.create(
            person("Giàng A Dũng", events=(StatusEvent(EventKind.EXEMPT, dt.date(2025, 6, 1)),))
        ).id,
        "em": services.members.create(
            person(
                "Lò Thị Em",
                status=MembershipStatus.PROBATIONARY,
                admission_date=dt.date(2026, 5, 4),
                ceremony_date=dt.date(2026, 5, 19),
                recognition_date=None,
            )
        ).id,
    }
    services.cell.save(dataclasses.replace(CELL, secretary_id=created["bi_thu"]))
    return created


def _recorded(services: Services, ids: dict[str, int], **changes: object) -> MeetingDetail:
    """A complete regular meeting of 03/11/2026, still a draft."""
    detail = services.meetings.start(MeetingKind.REGULAR, MEETING_DAY)
    statuses = {ids["binh"]: (A.ABSENT_EXCUSED, "ốm"), ids["cuong"]: (A.ABSENT_UNEXCUSED, "")}
    attendance = tuple(
        dataclasses.replace(a, status=statuses[a.member_id][0], reason=statuses[a.member_id][1])
        if a.member_id in statuses
        else a
        for a in detail.data.attendance
    )
    data = dataclasses.replace(
        detail.data,
        start=dt.time(19, 30),
        end=dt.time(21, 15),
        place="Nhà văn hóa thôn Lô Lô Chải",
        minute_taker_id=ids["an"],
        attendance=attendance,
        guests=(GuestInput("Hoàng Văn Khải", "Đảng ủy viên, phụ trách Chi bộ"),),
        agenda=("Kiểm điểm nghị quyết tháng 10", "Nhiệm vụ tháng 12"),
        follow_ups=(FollowUpInput("Thu hoạch ngô vụ hè thu", "Hoàn thành"),),
        report_summary="Trong tháng, Chi bộ lãnh đạo thu hoạch xong vụ hè thu.",
        speeches=(SpeechInput("", "Nhất trí với báo cáo.", ids["an"]),),
        decisions=(
            DecisionRecord("Thông qua nghị quyết tháng 11", DecisionKind.ORDINARY, 3, 0, 0),
        ),
        tasks=(TaskInput("Vận động trồng cỏ cho bò", ids["an"], deadline=dt.date(2026, 11, 30)),),
        fee_note="Đã thu đảng phí tháng 10 của 6/6 đảng viên.",
        conclusion="Chi bộ thống nhất các nhiệm vụ tháng tới.",
        shortcomings="Tỷ lệ đảng viên phát biểu còn thấp",
        next_date=dt.date(2026, 12, 3),
        quality_scores=SCORES,
    )
    return services.meetings.save_draft(detail.id, dataclasses.replace(data, **changes))


def _text(data: bytes) -> str:
    """The PDF's text, one line per extracted line, stripped."""
    lines = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines += [line.strip() for line in page.extract_text().splitlines() if line.strip()]
    return "\n".join(lines)


def _final(services: Services, ids: dict[str, int], **changes: object) -> MeetingDetail:
    detail = _recorded(services, ids, **changes)
    return services.meetings.finalize(detail.id, dt.date(2026, 11, 5))


def test_final_minutes_carry_the_header_number_names_counts_and_signatures(
    services: Services, ids: dict[str, int]
) -> None:
    detail = _final(services, ids)
    text = _text(render_meeting_document(services, detail.id, DocumentKind.MINUTES))
    assert text.split("\n")[:8] == [
        "ĐẢNG BỘ XÃ LŨNG CÚ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "CHI BỘ THÔN LÔ LÔ CHẢI",
        "*",
        "Lũng Cú, ngày 03 tháng 11 năm 2026",
        "Số 01-BB/CB",
        "BIÊN BẢN",
        "Sinh hoạt chi bộ thường kỳ tháng 11 năm 2026",
    ]
    for line in (
        "Thời gian: Vào hồi 19 giờ 30 phút, ngày 03 tháng 11 năm 2026.",
        "Địa điểm: Nhà văn hóa thôn Lô Lô Chải.",
        "Chủ trì: Đồng chí Vàng Seo Dính, Bí thư Chi bộ.",
        "Thư ký: Đồng chí Lò Văn An.",
        "Có mặt: 3 đồng chí.",
        "Vắng có lý do: 1 đồng chí: Sùng Thị Bình (ốm).",
        "Vắng không có lý do: 1 đồng chí: Nguyễn Văn Cường.",
        "Miễn sinh hoạt, không dự: 1 đồng chí.",
        "Khách mời: đồng chí Hoàng Văn Khải, Đảng ủy viên, phụ trách Chi bộ.",
        "Đồng chí Lò Văn An: Nhất trí với báo cáo.",
        "Kết quả: thông qua (cần ít nhất 3/4 đồng chí tán thành).",
    ):
        assert f"\n{line}\n" in f"\n{text}\n", line
    assert text.split("\n")[-5:] == [
        "Hội nghị kết thúc vào hồi 21 giờ 15 phút cùng ngày.",
        "NGƯỜI GHI BIÊN BẢN",
        "Lò Văn An",
        "CHỦ TRÌ HỘI NGHỊ",
        "Vàng Seo Dính",
    ]
    # 5 full members minus the exempted one who is absent: 4 count for the vote (rule 11).
    assert "Tán thành 3/4 đồng chí, đạt 75%" in text
    assert "Tổng số điểm: 90/100 điểm; xếp loại: Tốt." in text
    assert "DỰ THẢO" not in text and "Nơi nhận" not in text


def test_final_resolution_is_numbered_dated_on_issue_signed_and_addressed(
    services: Services, ids: dict[str, int]
) -> None:
    detail = _final(services, ids)
    text = _text(render_meeting_document(services, detail.id, DocumentKind.RESOLUTION))
    lines = text.split("\n")
    assert lines[4:8] == [
        "Lũng Cú, ngày 05 tháng 11 năm 2026",
        "Số 01-NQ/CB",
        "NGHỊ QUYẾT",
        "Sinh hoạt chi bộ thường kỳ tháng 11 năm 2026",
    ]
    assert lines[-6:] == [
        "Nơi nhận:",
        "- Đảng ủy xã Lũng Cú;",
        "- Lưu Chi bộ.",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Vàng Seo Dính",
    ]
    assert "\nThu hoạch ngô vụ hè thu\nHoàn thành\n" in text
    assert "\nLò Văn An\nVận động trồng cỏ cho bò\n30/11/2026\n" in text


def test_a_conclusion_and_the_quality_sheet(services: Services, ids: dict[str, int]) -> None:
    detail = _final(services, ids, resolution_kind=ResolutionKind.CONCLUSION)
    conclusion = _text(render_meeting_document(services, detail.id, DocumentKind.RESOLUTION))
    assert "\nSố 01-KL/CB\nKẾT LUẬN\n" in conclusion
    sheet = _text(render_meeting_document(services, detail.id, DocumentKind.QUALITY_SHEET))
    assert "Số " not in sheet.split("BẢNG TỰ CHẤM ĐIỂM")[0]
    for line in (
        "BẢNG TỰ CHẤM ĐIỂM",
        "Tổng số điểm: 90/100 điểm; xếp loại: Tốt.",
        "- Tỷ lệ đảng viên phát biểu còn thấp",
        "- Đảng ủy xã Lũng Cú;",
        "- Lưu Chi bộ.",
    ):
        assert f"\n{line}\n" in f"\n{sheet}\n", line
    assert "\nKết quả lãnh đạo thực hiện nghị quyết, kết luận kỳ trước\n30\n26\n" in sheet


def test_a_draft_prints_marked_without_a_number(services: Services, ids: dict[str, int]) -> None:
    detail = _recorded(services, ids, end=None, minute_taker_id=None)
    assert not detail.can_finalize
    assert available_documents(detail) == [
        DocumentKind.MINUTES,
        DocumentKind.RESOLUTION,
        DocumentKind.QUALITY_SHEET,
    ]
    for kind in available_documents(detail):
        text = _text(render_meeting_document(services, detail.id, kind))
        assert "DỰ THẢO" in text, kind
        assert "Số 0" not in text, kind
    minutes = _text(render_meeting_document(services, detail.id, DocumentKind.MINUTES))
    assert "-BB/CB" in minutes
    assert "kết thúc vào hồi" not in minutes


def test_a_thematic_meeting_prints_its_record(services: Services, ids: dict[str, int]) -> None:
    services.meetings.set_plan(2026, 4, "Học tập và làm theo tư tưởng, đạo đức Hồ Chí Minh")
    detail = services.meetings.start(MeetingKind.THEMATIC, dt.date(2026, 11, 18))
    assert available_documents(detail) == []  # no start time yet
    with pytest.raises(ValidationError) as caught:
        render_meeting_document(services, detail.id, DocumentKind.THEMATIC_RECORD)
    assert "giờ bắt đầu" in caught.value.message.casefold()
    detail = services.meetings.save_draft(
        detail.id,
        dataclasses.replace(
            detail.data,
            start=dt.time(8, 0),
            end=dt.time(9, 45),
            minute_taker_id=ids["an"],
            presenter_id=ids["binh"],
            report_summary="Chuyên đề nêu việc thực hành tiết kiệm ở thôn.",
        ),
    )
    assert available_documents(detail) == [DocumentKind.THEMATIC_RECORD]
    final = services.meetings.finalize(detail.id, dt.date(2026, 11, 18))
    text = _text(render_meeting_document(services, final.id, DocumentKind.THEMATIC_RECORD))
    assert "\nSố 01-BB/CB\nBIÊN BẢN\nSinh hoạt chuyên đề quý IV năm 2026\n" in text
    assert (
        "\n1. Chuyên đề\nHọc tập và làm theo tư tưởng, đạo đức Hồ Chí Minh\n"
        "Đồng chí Sùng Thị Bình trình bày chuyên đề.\n2. Tóm tắt nội dung chuyên đề\n"
    ) in text
    with pytest.raises(UserError) as refused:
        render_meeting_document(services, final.id, DocumentKind.MINUTES)
    assert refused.value.message == (
        "Đây là buổi sinh hoạt chuyên đề. Hãy in biên bản sinh hoạt chuyên đề."
    )


def test_combined_minutes_hold_the_theme_and_its_presenter(
    services: Services, ids: dict[str, int]
) -> None:
    services.meetings.set_plan(2026, 4, "Học tập và làm theo tư tưởng, đạo đức Hồ Chí Minh")
    detail = _recorded(services, ids, kind=MeetingKind.COMBINED, end=dt.time(21, 45))
    detail = services.meetings.save_draft(
        detail.id,
        dataclasses.replace(
            detail.data,
            topic="Học tập và làm theo tư tưởng, đạo đức Hồ Chí Minh",
            presenter_name="Hoàng Văn Khải",
        ),
    )
    text = _text(render_meeting_document(services, detail.id, DocumentKind.MINUTES))
    # After the report's summary, the thematic part: the theme and who presented it.
    assert (
        "\n5. Sinh hoạt chuyên đề\nHọc tập và làm theo tư tưởng, đạo đức Hồ Chí Minh\n"
        "Đồng chí Hoàng Văn Khải trình bày chuyên đề.\n6. Ý kiến thảo luận\n"
    ) in text
    regular = _text(
        render_meeting_document(services, _recorded(services, ids).id, DocumentKind.MINUTES)
    )
    assert "trình bày chuyên đề" not in regular


def test_final_minutes_with_blocking_problems_are_refused(
    services: Services, ids: dict[str, int]
) -> None:
    detail = _final(services, ids)
    # An older program or another profile could leave final minutes that break a rule today.
    with sqlite3.connect(services.paths.database) as conn:
        conn.execute("UPDATE meeting SET minute_taker_id = NULL, minute_taker_name = ''")
    conn.close()
    with pytest.raises(ValidationError) as caught:
        render_meeting_document(services, detail.id, DocumentKind.MINUTES)
    assert [p.field for p in caught.value.problems] == ["minute_taker"]
    assert "thư ký" in render(caught.value.problems[0].message).casefold()


def test_an_unknown_meeting_is_not_found(services: Services, ids: dict[str, int]) -> None:
    with pytest.raises(NotFoundError):
        render_meeting_document(services, 999, DocumentKind.MINUTES)


def test_file_names_are_vietnamese_and_safe(services: Services, ids: dict[str, int]) -> None:
    draft = _recorded(services, ids)
    assert document_file_name(draft, DocumentKind.MINUTES) == (
        "Biên bản sinh hoạt chi bộ 2026-11-03 dự thảo.pdf"
    )
    final = services.meetings.finalize(draft.id, dt.date(2026, 11, 5))
    assert document_file_name(final, DocumentKind.MINUTES) == (
        "Biên bản sinh hoạt chi bộ 2026-11-03 Số 01-BB-CB.pdf"
    )
    assert document_file_name(final, DocumentKind.RESOLUTION) == (
        "Nghị quyết 2026-11-03 Số 01-NQ-CB.pdf"
    )
    assert document_file_name(final, DocumentKind.QUALITY_SHEET) == (
        "Bảng tự chấm điểm 2026-11-03.pdf"
    )


def test_a_district_level_superior_is_never_a_recipient(
    services: Services, ids: dict[str, int]
) -> None:
    detail = _final(services, ids)
    # The settings refuse such a name today; an older data file may still hold one.
    with sqlite3.connect(services.paths.database) as conn:
        conn.execute("UPDATE cell SET superior_committee = 'Huyện ủy Đồng Văn'")
    conn.close()
    cell = services.cell.get()
    assert cell is not None
    problems = recipient_problems(cell)
    assert [p.field for p in problems] == ["superior_committee"]
    assert "Huyện ủy Đồng Văn" in render(problems[0].message)
    text = _text(render_meeting_document(services, detail.id, DocumentKind.RESOLUTION))
    assert "Huyện ủy" not in text
    assert "\nNơi nhận:\n- Lưu Chi bộ.\n" in f"\n{text}\n"


@pytest.mark.parametrize(
    ("kind", "day", "label"),
    [
        (MeetingKind.REGULAR, dt.date(2026, 2, 3), "sinh hoạt chi bộ thường kỳ tháng 02 năm 2026"),
        (MeetingKind.REGULAR, dt.date(2026, 11, 3), "sinh hoạt chi bộ thường kỳ tháng 11 năm 2026"),
        (MeetingKind.THEMATIC, dt.date(2026, 12, 20), "sinh hoạt chuyên đề quý IV năm 2026"),
        (
            MeetingKind.COMBINED,
            dt.date(2026, 3, 3),
            "sinh hoạt chi bộ thường kỳ kết hợp chuyên đề tháng 3 năm 2026",
        ),
        (
            MeetingKind.EXTRAORDINARY,
            dt.date(2026, 7, 15),
            "sinh hoạt chi bộ bất thường tháng 7 năm 2026",
        ),
        (
            MeetingKind.YEAR_END_REVIEW,
            dt.date(2026, 12, 10),
            "hội nghị chi bộ kiểm điểm cuối năm 2026",
        ),
    ],
)
def test_kind_labels_read_inside_a_sentence(kind: MeetingKind, day: dt.date, label: str) -> None:
    assert kind_label(kind, day) == label
