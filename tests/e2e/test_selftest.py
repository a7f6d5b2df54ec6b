"""`sochibo selftest` as a process: every check passes on a good install, and a damaged font
folder (a broken install) gives failed lines and a non-zero exit code."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.commands import selftest
from app.commands.selftest import (
    CheckFailedError,
    CheckResult,
    explain_import_error,
    vietnamese_letters,
)

ROOT = Path(__file__).resolve().parents[2]
CHECK_NAMES = (
    "Phông chữ",
    "Bản dịch",
    "Thư mục dữ liệu",
    "Cơ sở dữ liệu",
    "Văn bản PDF",
    "Chữ ký số",
    "Cửa sổ (Qt)",
)


def _selftest(root: Path, data: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "app", "--lang", "vi", "--data-dir", str(data), "selftest", *extra],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def _lines_by_check(stdout: str) -> dict[str, str]:
    """{check name: its whole line} for the one-line-per-check part of the output."""
    found: dict[str, str] = {}
    for line in stdout.splitlines():
        for name in CHECK_NAMES:
            if f" {name}: " in line:
                found[name] = line
    return found


def test_every_check_passes_and_the_data_folder_is_left_clean(tmp_path: Path) -> None:
    data = tmp_path / "dữ liệu"
    proc = _selftest(ROOT, data)  # without --no-gui: the offscreen platform shows no window
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = _lines_by_check(proc.stdout)
    assert set(lines) == set(CHECK_NAMES)
    assert all(line.startswith("OK ") for line in lines.values()), proc.stdout
    assert "Kết quả: 7 đạt, 0 lỗi, 0 bỏ qua" in proc.stdout
    assert "có đủ 178 chữ cái tiếng Việt" in lines["Phông chữ"]
    assert "“show this help and exit” → “hiện hướng dẫn này rồi thoát”" in lines["Bản dịch"]
    assert "đã vẽ một cửa sổ trên nền offscreen" in lines["Cửa sổ (Qt)"]
    assert "đã in thử một trang ra tệp PDF" in lines["Cửa sổ (Qt)"]  # QtPrintSupport loads
    assert "PDFium (xem trước khi in) vẽ được trang" in lines["Văn bản PDF"]
    assert "sửa một byte là bị phát hiện" in lines["Chữ ký số"]
    assert data.is_dir() and list(data.iterdir()) == []  # the probe file was removed


def test_no_gui_in_process_prints_the_same_checks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(["--data-dir", str(tmp_path / "data"), "selftest", "--no-gui"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert len(_lines_by_check(out)) == len(CHECK_NAMES)
    assert "Kết quả: 7 đạt, 0 lỗi, 0 bỏ qua" in out


def test_a_damaged_font_fails_the_self_test(tmp_path: Path) -> None:
    install = tmp_path / "install"
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("app", "resources", "i18n"):
        shutil.copytree(ROOT / folder, install / folder, ignore=skip)
    (install / "resources" / "fonts" / "Tinos-Bold.ttf").write_bytes(b"not a font")
    proc = _selftest(install, tmp_path / "data", "--no-gui")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = _lines_by_check(proc.stdout)
    assert lines["Phông chữ"].startswith("LỖI ")
    # Documents cannot be drawn without it, so there is nothing to sign either.
    assert lines["Văn bản PDF"].startswith("LỖI ")
    assert lines["Chữ ký số"].startswith("LỖI ")
    assert lines["Thư mục dữ liệu"].startswith("OK ")
    assert "Kết quả: 4 đạt, 3 lỗi, 0 bỏ qua" in proc.stdout


def test_without_a_console_or_qt_the_results_go_to_a_windows_message_box(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The Start-menu entry runs without a console (pythonw.exe); when Qt cannot load either,
    # the results must still reach the screen.
    failed = CheckResult("window", "Cửa sổ (Qt)", "fail", "không nạp được: DLL load failed")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(selftest, "run_checks", lambda data_dir: [failed])
    monkeypatch.setattr(selftest, "show_windows_message", lambda t, x: shown.append((t, x)))
    monkeypatch.setattr(sys, "stdout", None)
    args = argparse.Namespace(no_gui=False)
    assert selftest.run_selftest(args, tmp_path) == 1
    assert len(shown) == 1
    assert "Cửa sổ (Qt): không nạp được: DLL load failed" in shown[0][1]


def test_a_missing_windows_library_is_a_failure_outside_wine() -> None:
    error = ImportError("DLL load failed while importing QtCore: Module not found.")
    outcome = explain_import_error(error, "icuuc.dll")
    assert isinstance(outcome, CheckFailedError)
    assert str(outcome).startswith("không nạp được: DLL load failed")


def test_the_letter_set_is_the_vietnamese_alphabet_with_every_tone() -> None:
    letters = vietnamese_letters()
    assert len(letters) == len(set(letters)) == 178
    assert {"đ", "Đ", "ặ", "Ỵ", "ữ", "ở"} <= set(letters)
