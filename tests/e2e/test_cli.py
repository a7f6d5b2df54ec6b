"""The `sochibo` command end to end: real data folders, real files, in-process and as a process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import main
from app.services.members import MemberService
from app.settings import UserSettings, save_settings

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "import"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_list_check_export_and_reimport(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data, fresh = tmp_path / "data", tmp_path / "fresh"
    code, out, _err = run(capsys, "--data-dir", data, "demo")
    assert code == 0
    assert "Đã tạo chi bộ mẫu với 27 đảng viên" in out

    code, out, _err = run(capsys, "members", "list", "--json", "--data-dir", data)
    members = json.loads(out)
    assert code == 0 and len(members) == 27
    assert {"full_name", "birth_date", "status", "role", "standing"} <= set(members[0])
    assert any(m["full_name"] == "Sùng Mí Páo" and m["role"] == "secretary" for m in members)
    assert all(len(m["birth_date"]) == 10 and m["birth_date"][4] == "-" for m in members)

    code, out, _err = run(capsys, "--data-dir", data, "check", "--json")
    findings = json.loads(out)
    assert code == 0
    assert findings and all(
        set(f) == {"rule", "severity", "subject", "message", "citation"} for f in findings
    )
    assert all(f["severity"] in ("block", "warn", "info") for f in findings)
    due = next(f for f in findings if f["rule"] == "members.recognition_due")
    assert due["subject"] == "Phạm Thị Thu Trang" and "Thời kỳ dự bị" in due["message"]

    xlsx, pdf = tmp_path / "danh-sach.xlsx", tmp_path / "danh-sach.pdf"
    assert run(capsys, "--data-dir", data, "members", "export", xlsx)[0] == 0
    code, out, _err = run(capsys, "--data-dir", data, "members", "export", pdf)
    assert code == 0 and "Đã ghi 27 đảng viên" in out
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "CHI BỘ THÔN LŨNG CÚ" in text
    assert all(m["full_name"] in text for m in members)

    code, out, _err = run(capsys, "--data-dir", fresh, "members", "import", xlsx, "--dry-run")
    assert code == 0 and "có thể nhập 27 đảng viên" in out
    assert json.loads(run(capsys, "--data-dir", fresh, "members", "list", "--json")[1]) == []
    code, out, _err = run(capsys, "--data-dir", fresh, "members", "import", xlsx)
    assert code == 0 and "Đã nhập 27 đảng viên" in out
    imported = json.loads(run(capsys, "--data-dir", fresh, "members", "list", "--json")[1])
    assert sorted(m["full_name"] for m in imported) == sorted(m["full_name"] for m in members)

    code, _out, err = run(capsys, "--data-dir", data, "demo")
    assert code == 1
    assert "đã có thông tin chi bộ hoặc đảng viên" in err
    assert "sochibo demo --force" in err
    assert run(capsys, "--data-dir", data, "demo", "--force")[0] == 0


def test_members_list_prints_an_aligned_table(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "--data-dir", tmp_path, "demo")
    code, out, _err = run(capsys, "--data-dir", tmp_path, "members", "list", "--all")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split("  ")[0] == "Họ và tên"
    assert lines[-1] == "29 đảng viên."
    column = lines[0].index("Ngày sinh")
    assert all(line[column : column + 2].isdigit() for line in lines[1:-1])
    assert any("Miễn sinh hoạt" in line for line in lines)


def test_a_bad_import_file_lists_every_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "ds.csv"
    shutil.copy(FIXTURES / "three-bad-rows.csv", bad)
    code, _out, err = run(capsys, "--data-dir", tmp_path / "data", "members", "import", bad)
    assert code == 1
    for line in ("Dòng 3, cột 'Ngày sinh'", "Dòng 6, cột 'Giới tính'", "Dòng 7, cột 'Ngày sinh'"):
        assert line in err
    assert "Chưa nhập gì" in err
    listed = run(capsys, "--data-dir", tmp_path / "data", "members", "list", "--json")[1]
    assert json.loads(listed) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["members"],
        ["members", "list", "--colour"],
        ["--lang", "fr", "check"],
        ["members", "export", "danh-sach.docx"],
        ["members", "import"],
    ],
)
def test_bad_usage_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]
) -> None:
    code, out, err = run(capsys, "--data-dir", tmp_path, *argv)
    assert code == 2
    assert out == ""
    assert "Lỗi:" in err


def test_export_with_a_wrong_extension_names_the_fix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _out, err = run(capsys, "--data-dir", tmp_path, "members", "export", "ds.docx")
    assert code == 2
    assert "tên tệp phải có đuôi .xlsx (Excel) hoặc .pdf" in err


def test_english_errors_with_lang_en(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "list.docx"
    target.write_text("x")
    code, _out, err = run(capsys, "--lang", "en", "--data-dir", tmp_path, "members", "import",
                          target)  # fmt: skip
    assert code == 1
    assert "is not a spreadsheet this program can read" in err
    code, _out, err = run(capsys, "members", "export", "x.doc", "--lang", "en")
    assert code == 2 and "the file name must end in .xlsx (Excel) or .pdf" in err


def test_the_language_saved_in_settings_is_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    save_settings(tmp_path / "settings.json", UserSettings(language="en"))
    code, out, _err = run(capsys, "--data-dir", tmp_path, "demo")
    assert code == 0 and "The demo cell was created with 27 members" in out
    code, out, _err = run(capsys, "--data-dir", tmp_path, "--lang", "vi", "members", "list")
    assert out.startswith("Họ và tên")


def test_help_is_translated(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "members", "--help")
    assert code == 0
    assert "xem, nhập hoặc xuất danh sách đảng viên" in out
    assert "hiện hướng dẫn này rồi thoát" in out


def test_an_unexpected_error_is_logged_without_personal_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--data-dir", tmp_path, "demo")

    def broken(self: MemberService, **kwargs: object) -> list[object]:
        raise RuntimeError("Sùng Mí Páo 15/03/1972")

    monkeypatch.setattr(MemberService, "list", broken)
    code, _out, err = run(capsys, "--data-dir", tmp_path, "members", "list")
    assert code == 1
    assert "Traceback" not in err and "Sùng" not in err
    assert "Đã xảy ra lỗi không lường trước (RuntimeError)" in err
    log = (tmp_path / "sochibo.log").read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in log and "broken" in log
    assert "Sùng" not in log and "1972" not in log


def test_as_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # a console that cannot show Vietnamese

    def sochibo(*argv: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-m", "app", *argv], cwd=ROOT, env=env,
                              capture_output=True, timeout=120, check=False)  # fmt: skip

    version = sochibo("--version")
    assert version.returncode == 0 and b"0.1.0" in version.stdout
    demo = sochibo("demo", "--data-dir", str(tmp_path))
    assert demo.returncode == 0, demo.stderr.decode("utf-8", "replace")
    assert "Đã tạo chi bộ mẫu" in demo.stdout.decode("utf-8")
    listed = sochibo("--data-dir", str(tmp_path), "members", "list", "--json")
    assert len(json.loads(listed.stdout.decode("utf-8"))) == 27
    refused = sochibo("--data-dir", str(tmp_path), "--lang", "en", "demo")
    assert refused.returncode == 1
    assert b"already holds a cell or members" in refused.stderr
    assert b"Traceback" not in refused.stderr
    assert sochibo("--data-dir", str(tmp_path), "members", "nothing").returncode == 2


def test_sub_commands_do_not_load_qt() -> None:
    probe = "import sys, app.cli; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=False).returncode == 0
