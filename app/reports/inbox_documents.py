"""The receiving committee's documents, pure functions from a snapshot to PDF bytes.

- The acknowledgement (GIẤY BIÊN NHẬN) of one report file: what arrived, from whom, when, that
  its digital signature was valid; the cell imports it to mark its export as received.
- The summary report (BÁO CÁO, "Số 12-BC/ĐU") of the reports received for a period, to the
  committee's own superior: who reported, members, meetings and their quality bands, the
  indicators; the same layout serves a province summarising its communes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.domain.inbox import PeriodFigures, Share
from app.reports import meeting_parts as parts
from app.reports.decorations import format_count, nfc
from app.reports.inbox_snapshots import (
    AckSnapshot,
    CommitteeSignature,
    SummaryRow,
    SummarySnapshot,
)
from app.reports.layout import (
    Align,
    Block,
    HeadingBlock,
    SignatureBlock,
    TableBlock,
    TextBlock,
    party_date,
    render_document,
)
from app.reports.period_report import period_phrase

ACK_TITLE = "GIẤY BIÊN NHẬN"
SUMMARY_TITLE = "BÁO CÁO"
_NO_DATA = "Chưa có số liệu"
_ACK_WEIGHTS = (55.0, 110.0)
_TABLE_SIZE = 11.0


def committee_signature_title(committee_name: str) -> str:
    """ "T/M ĐẢNG ỦY" for "Đảng ủy xã Lũng Cú", "T/M BAN THƯỜNG VỤ" for a standing committee:
    a party committee signs collectively, never K/T (domain.md §9.6)."""
    name = nfc(committee_name).strip()
    folded = name.casefold().replace("uỷ", "ủy")
    for prefix in ("ban thường vụ", "ban chấp hành", "đảng ủy", "chi ủy"):
        if folded.startswith(prefix):
            return f"T/M {name[: len(prefix)].upper()}"
    return f"T/M {name.upper()}"


def committee_archive(committee_name: str) -> str:
    """The archive line of "Nơi nhận" for the committee: "Lưu Văn phòng Đảng ủy"."""
    name = nfc(committee_name).strip()
    if name.casefold().replace("uỷ", "ủy").startswith("đảng ủy"):
        return "Lưu Văn phòng Đảng ủy"
    return f"Lưu {name}"


def _signature(signature: CommitteeSignature) -> SignatureBlock:
    return SignatureBlock(
        right_title=signature.title,
        right_subtitle=signature.subtitle,
        right_name=signature.name,
        right_note=signature.note,
    )


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _grouped(digest: str) -> str:
    """A SHA-256 digest in groups of eight, so it wraps and can be read out."""
    return " ".join(digest[i : i + 8].upper() for i in range(0, len(digest), 8))


# --- The acknowledgement -------------------------------------------------------------------


def ack_subject(snapshot: AckSnapshot) -> str:
    """ "Đã nhận báo cáo của Chi bộ thôn Lũng Cú tháng 11 năm 2026"."""
    sender = nfc(snapshot.sender_name).strip()
    return f"Đã nhận báo cáo của {sender} {period_phrase(snapshot.period)}"


def render_ack(snapshot: AckSnapshot) -> bytes:
    """Render the acknowledgement of one received report as PDF bytes."""
    received = snapshot.received_at
    opening = (
        f"{nfc(snapshot.committee_name).strip()} đã nhận báo cáo số "
        f"{nfc(snapshot.report_number).strip().removeprefix('Số ').strip()} ngày "
        f"{_day(snapshot.report_issued_on)} của {nfc(snapshot.sender_name).strip()} về tình hình "
        f"hoạt động {period_phrase(snapshot.period)}, vào hồi {received.hour:02d} giờ "
        f"{received.minute:02d} phút, {party_date(received.date())}."
    )
    rows = (
        ("Tệp báo cáo", snapshot.file_name),
        ("Số thứ tự của tệp", str(snapshot.serial)),
        ("Mã kiểm tra (SHA-256)", _grouped(snapshot.sha256)),
        ("Chữ ký số", f"Hợp lệ, bao trùm toàn bộ tệp; người ký: {snapshot.report_signer}"),
        ("Dấu vân tay khóa của người ký", snapshot.report_fingerprint),
    )
    body: list[Block] = [
        TextBlock(opening),
        TableBlock(("Nội dung", "Chi tiết"), rows, _ACK_WEIGHTS, ("left", "left"), _TABLE_SIZE),
        TextBlock(
            "Giấy biên nhận này được ký số; chi bộ nhập tệp vào Sổ Chi bộ để ghi nhận báo cáo "
            "đã được cấp trên nhận."
        ),
    ]
    return render_document(
        snapshot.header,
        ACK_TITLE,
        ack_subject(snapshot),
        body,
        _signature(snapshot.signature),
        snapshot.recipients,
        archive=snapshot.archive,
    )


# --- The summary ---------------------------------------------------------------------------


def _units(snapshot: SummarySnapshot) -> str:
    return "đảng bộ" if snapshot.of_committees else "chi bộ"


def summary_subject(snapshot: SummarySnapshot) -> str:
    """ "Tổng hợp tình hình hoạt động của các chi bộ tháng 11 năm 2026"."""
    return (
        f"Tổng hợp tình hình hoạt động của các {_units(snapshot)} {period_phrase(snapshot.period)}"
    )


def render_summary(snapshot: SummarySnapshot) -> bytes:
    """Render the committee's summary report as PDF bytes."""
    units = _units(snapshot)
    opening = (
        f"Căn cứ các báo cáo có chữ ký số của các {units} trực thuộc gửi về, "
        f"{nfc(snapshot.committee_name).strip()} tổng hợp tình hình hoạt động "
        f"{period_phrase(snapshot.period)} (từ ngày {_day(snapshot.period.start)} đến ngày "
        f"{_day(snapshot.period.end)}) như sau:"
    )
    body: list[Block] = [TextBlock(opening)]
    body += [HeadingBlock("I. TÌNH HÌNH NHẬN BÁO CÁO"), *_reception(snapshot)]
    body += [HeadingBlock("II. ĐẢNG VIÊN VÀ SINH HOẠT"), *_meetings(snapshot)]
    body += [HeadingBlock("III. CÁC CHỈ TIÊU"), _indicators(snapshot.totals)]
    return render_document(
        snapshot.header,
        SUMMARY_TITLE,
        summary_subject(snapshot),
        body,
        _signature(snapshot.signature),
        snapshot.recipients,
        archive=snapshot.archive,
    )


def _reception(snapshot: SummarySnapshot) -> list[Block]:
    totals, units = snapshot.totals, _units(snapshot)
    cells = totals.senders if not snapshot.of_committees else len(snapshot.rows)
    reported = sum(row.reported for row in snapshot.rows)
    text = f"Đã nhận báo cáo của {format_count(reported)}/{format_count(cells)} {units}."
    if snapshot.of_committees:
        text += (
            f" Các đảng bộ báo cáo đã tổng hợp {format_count(totals.reporting)}/"
            f"{format_count(totals.senders)} chi bộ."
        )
    blocks: list[Block] = [TextBlock(text)]
    silent = [row.name for row in snapshot.rows if not row.reported]
    if silent:
        blocks.append(TextBlock(f"Chưa nhận báo cáo của {units}:", keep_with_next=True))
        blocks += parts.bullets(silent)
    for gap in snapshot.gaps:
        numbers = ", ".join(str(n) for n in gap.missing)
        blocks.append(
            TextBlock(
                f"{nfc(gap.name).strip()}: chưa nhận các tệp số thứ tự {numbers} (tệp đang "
                "gửi hoặc xuất không thành tại chi bộ)."
            )
        )
    return blocks


def _band_header(snapshot: SummarySnapshot) -> tuple[str, ...]:
    return tuple(name for _code, name in snapshot.bands)


def _meeting_row(number: str, row: SummaryRow, snapshot: SummarySnapshot) -> tuple[str, ...]:
    figures = row.figures
    if not row.reported:
        return (number, row.name, "Chưa báo cáo", "", "", "", *("" for _ in snapshot.bands))
    return (
        number,
        row.name,
        nfc(row.document_number).removeprefix("Số ").strip(),
        format_count(figures.members),
        format_count(figures.regular),
        format_count(figures.thematic),
        *(format_count(figures.bands.get(code, 0)) for code, _name in snapshot.bands),
    )


def _meetings(snapshot: SummarySnapshot) -> list[Block]:
    totals = snapshot.totals
    unit = "Đảng bộ" if snapshot.of_committees else "Chi bộ"
    header = (
        "TT",
        unit,
        "Báo cáo số",
        "Đảng viên",
        "Sinh hoạt thường kỳ",
        "Chuyên đề",
        *_band_header(snapshot),
    )
    weights = (8.0, 40.0, 24.0, 17.0, 19.0, 17.0, *(10.0 for _ in snapshot.bands))
    rows = [_meeting_row(str(n), r, snapshot) for n, r in enumerate(snapshot.rows, start=1)]
    total_row = (
        "",
        "Tổng cộng",
        "",
        format_count(totals.members),
        format_count(totals.regular),
        format_count(totals.thematic),
        *(format_count(totals.bands.get(code, 0)) for code, _name in snapshot.bands),
    )
    align: tuple[Align, ...] = ("centre", "left", "centre") + ("centre",) * (len(header) - 3)
    members = (
        f"Các {_units(snapshot)} đã báo cáo có {format_count(totals.members)} đảng viên "
        f"(chính thức {format_count(totals.full)}, dự bị {format_count(totals.probationary)}); "
        f"kết nạp trong kỳ {format_count(totals.admissions)} đảng viên. Trong kỳ tổ chức "
        f"{format_count(totals.meetings)} cuộc sinh hoạt có biên bản chính thức."
    )
    band_note = (
        "Các cột xếp loại ("
        + ", ".join(name for _code, name in snapshot.bands)
        + ") là số cuộc sinh hoạt đã chấm điểm chất lượng."
    )
    return [
        TextBlock(members),
        TableBlock(
            header,
            (*rows, total_row),
            weights,
            align,
            font_size=_TABLE_SIZE,
            total_row=True,
        ),
        TextBlock(band_note, italic=True),
    ]


def _share_text(share: Share) -> str:
    if share.whole == 0:
        return _NO_DATA
    return f"{share.part}/{share.whole} ({parts.percent(share.part, share.whole)})"


def _indicators(totals: PeriodFigures) -> TableBlock:
    rows: Sequence[tuple[str, str]] = (
        ("Tỷ lệ cuộc sinh hoạt xếp loại Tốt", _share_text(totals.good_meetings)),
        ("Tỷ lệ đảng viên được phân công nhiệm vụ", _share_text(totals.members_with_tasks)),
        ("Số đảng viên kết nạp trong kỳ", format_count(totals.admissions)),
        ("Chi bộ có trưởng thôn là đảng viên", _share_text(totals.village_head_members)),
        (
            "Chi bộ có trưởng ban công tác Mặt trận là đảng viên",
            _share_text(totals.front_head_members),
        ),
    )
    return TableBlock(
        ("TT", "Chỉ tiêu", "Kết quả"),
        tuple((str(n), *row) for n, row in enumerate(rows, start=1)),
        (9.0, 96.0, 60.0),
        ("centre", "left", "left"),
    )
