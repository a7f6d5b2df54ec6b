"""`sochibo meetings list` and `sochibo print …` end to end on the demo cell's data folder."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def pdf_lines(path: Path) -> list[str]:
    lines: list[str] = []
    for page in PdfReader(path).pages:
        lines += [line.strip() for line in page.extract_text().splitlines() if line.strip()]
    return lines


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One demo data folder for the module: the CLI only reads it in these tests."""
    folder = tmp_path_factory.mktemp("demo")
    assert main(["--data-dir", str(folder), "demo"]) == 0
    yield folder


def _meetings(capsys: pytest.CaptureFixture[str], demo: Path) -> list[dict[str, Any]]:
    code, out, _err = run(capsys, "--data-dir", demo, "meetings", "list", "--json")
    assert code == 0
    meetings: list[dict[str, Any]] = json.loads(out)
    return meetings


def test_meetings_list_as_json_and_as_a_table(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    meetings = _meetings(capsys, demo)
    assert len(meetings) == 15  # 11 final regular (one combined), 3 thematic, 1 draft
    assert set(meetings[0]) == {
        "id",
        "date",
        "kind",
        "topic",
        "state",
        "present",
        "total",
        "quality_total",
        "quality_band",
        "minutes_number",
        "resolution_number",
    }
    assert [m["state"] for m in meetings].count("draft") == 1
    assert meetings[-1]["state"] == "draft" and meetings[-1]["minutes_number"] == ""
    assert meetings[0]["minutes_number"] == "Số 01-BB/CB"
    assert all(m["quality_band"] in ("Tốt", "Khá") for m in meetings if m["state"] == "final")
    year = meetings[-1]["date"][:4]
    code, out, _err = run(capsys, "--data-dir", demo, "meetings", "list", "--year", year)
    lines = out.splitlines()
    of_year = [m for m in meetings if m["date"].startswith(year)]
    assert code == 0
    assert lines[0].split()[:3] == ["Mã", "Ngày", "Loại"]
    assert "Trạng thái" in lines[0] and "Số văn bản" in lines[0]
    assert lines[-1] == f"{len(of_year)} buổi sinh hoạt."
    final = next(m for m in of_year if m["resolution_number"])
    row = next(line for line in lines if line.startswith(f"{final['id']} "))
    assert f"{final['minutes_number']}, {final['resolution_number']}" in row
    assert f"{final['present']}/{final['total']}" in row


def test_print_final_minutes_and_resolution(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    final = next(m for m in _meetings(capsys, demo) if m["resolution_number"])
    minutes = tmp_path / "bien-ban.pdf"
    code, out, err = run(
        capsys, "--data-dir", demo, "print", "minutes", "--meeting", final["id"], "--out", minutes
    )
    assert (code, err) == (0, "")
    assert out == f"Biên bản đã được ghi vào {minutes}.\n"
    lines = pdf_lines(minutes)
    assert lines[:4] == ["ĐẢNG BỘ XÃ LŨNG CÚ", "ĐẢNG CỘNG SẢN VIỆT NAM", "CHI BỘ THÔN LŨNG CÚ", "*"]
    assert lines[5:7] == [final["minutes_number"], "BIÊN BẢN"]
    assert lines[-4:] == ["NGƯỜI GHI BIÊN BẢN", "Giàng Thị Mai", "CHỦ TRÌ HỘI NGHỊ", "Sùng Mí Páo"]
    assert "Chủ trì: Đồng chí Sùng Mí Páo, Bí thư Chi bộ." in lines

    folder = tmp_path / "out"
    folder.mkdir()
    code, out, _err = run(
        capsys, "--data-dir", demo, "print", "resolution", "--meeting", final["id"], "--out", folder
    )
    assert code == 0
    [written] = list(folder.iterdir())
    assert written.name == (
        f"Nghị quyết {final['date']} {final['resolution_number'].replace('/', '-')}.pdf"
    )
    lines = pdf_lines(written)
    assert lines[5:7] == [final["resolution_number"], "NGHỊ QUYẾT"]
    assert lines[-6:] == [
        "Nơi nhận:",
        "- Đảng ủy xã Lũng Cú;",
        "- Lưu Chi bộ.",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Sùng Mí Páo",
    ]


def test_print_thematic_record_and_quality_sheet(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    thematic = next(m for m in _meetings(capsys, demo) if m["kind"] == "thematic")
    out_file = tmp_path / "chuyen-de.pdf"
    argv = ("--data-dir", demo, "print", "thematic-record", "--meeting", thematic["id"])
    assert run(capsys, *argv, "--out", out_file)[0] == 0
    lines = pdf_lines(out_file)
    assert lines[5:7] == [thematic["minutes_number"], "BIÊN BẢN"]
    assert lines[7].startswith("Sinh hoạt chuyên đề quý ")
    sheet = tmp_path / "cham-diem.pdf"
    argv = ("--data-dir", demo, "print", "quality-sheet", "--meeting", thematic["id"])
    assert run(capsys, *argv, "--out", sheet)[0] == 0
    text = "\n".join(pdf_lines(sheet))
    assert f"Tổng số điểm: {thematic['quality_total']}/100 điểm" in text
    code, _out, err = run(capsys, "--data-dir", demo, "print", "minutes", "--meeting",
                          thematic["id"], "--out", tmp_path / "x.pdf")  # fmt: skip
    assert code == 1
    assert "Đây là buổi sinh hoạt chuyên đề" in err


def test_an_incomplete_draft_is_refused_listing_what_is_missing(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    draft = next(m for m in _meetings(capsys, demo) if m["state"] == "draft")
    target = tmp_path / "du-thao.pdf"
    argv = ("--data-dir", demo, "print", "minutes", "--meeting", draft["id"], "--out", target)
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert not target.exists()
    lines = err.splitlines()
    assert lines[0] == "Biên bản chưa in được cho đến khi sửa xong những điểm sau:"
    assert "  - Chưa có giờ kết thúc. Hãy nhập giờ kết thúc buổi sinh hoạt." in lines
    assert any(line.startswith("  - Nội dung biểu quyết thứ 1 chưa có kết quả") for line in lines)
    assert lines[-1] == "Để in bản dự thảo chưa đầy đủ (có dấu DỰ THẢO), hãy thêm --draft."

    code, out, err = run(capsys, *argv, "--draft")
    assert (code, err) == (0, "")
    assert "dưới dạng dự thảo, có dấu DỰ THẢO, chưa có số" in out
    lines = pdf_lines(target)
    assert "DỰ THẢO" in lines
    assert not any(line.startswith("Số 0") or line.startswith("Số 1") for line in lines)
    assert any(line.endswith("-BB/CB") for line in lines)


def test_unknown_or_malformed_meeting_numbers_are_usage_errors(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    target = tmp_path / "x.pdf"
    code, out, err = run(
        capsys, "--data-dir", demo, "print", "resolution", "--meeting", "999", "--out", target
    )
    assert (code, out) == (2, "")
    assert err == (
        "Lỗi: Không có buổi sinh hoạt mã 999. Hãy chạy “sochibo meetings list” để xem danh "
        "sách các buổi sinh hoạt.\n"
    )
    code, _out, err = run(
        capsys, "--data-dir", demo, "print", "minutes", "--meeting", "abc", "--out", target
    )
    assert code == 2
    assert "“abc” không phải là mã buổi sinh hoạt" in err
    code, _out, err = run(capsys, "--data-dir", demo, "print", "minutes", "--out", target)
    assert code == 2 and "--meeting" in err
    assert not target.exists()


def test_errors_follow_the_chosen_language(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    argv = ("--data-dir", demo, "--lang", "en", "print", "minutes", "--meeting", "999")
    code, _out, err = run(capsys, *argv, "--out", tmp_path / "x.pdf")
    assert code == 2
    assert "There is no meeting number 999" in err
