"""`sochibo FILE.scb` (what the Windows installer's file association runs) opens the window on
the file; `--version`, sub-commands and usage errors keep working."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import cli


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str | None, Path | None]]:
    """The windows `main` would open, instead of opening them."""
    opened: list[tuple[Path, str | None, Path | None]] = []

    def run_gui(data_dir: Path, lang: str | None, signed_file: Path | None = None) -> int:
        opened.append((data_dir, lang, signed_file))
        return 0

    monkeypatch.setattr(cli, "_run_gui", run_gui)
    return opened


@pytest.mark.parametrize("name", ["bao-cao.scb", "bao-cao.scb.p7m", "BIEN-NHAN.SCB"])
def test_a_signed_file_opens_the_window_on_it(
    windows: list[tuple[Path, str | None, Path | None]], tmp_path: Path, name: str
) -> None:
    report = tmp_path / name
    report.write_bytes(b"%PDF-1.7")
    data = tmp_path / "data"
    assert cli.main(["--data-dir", str(data), str(report)]) == 0
    assert windows == [(data, None, report.resolve())]


def test_the_window_alone_and_the_sub_commands_are_unchanged(
    windows: list[tuple[Path, str | None, Path | None]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["--data-dir", str(tmp_path), "--lang", "vi"]) == 0
    assert windows == [(tmp_path, "vi", None)]
    with pytest.raises(SystemExit) as version:
        cli.build_parser().parse_args(["--version"])
    assert version.value.code == 0
    assert cli.main(["--version"]) == 0
    assert "Sổ Chi bộ" in capsys.readouterr().out
    assert cli.main(["--data-dir", str(tmp_path), "inbox", "cells"]) == 0
    assert len(windows) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["khong-co.scb"],  # no such file
        ["ghi-chu.txt"],  # exists, but is not a signed file
        ["a.scb", "b.scb"],  # two files: not the file argument
    ],
)
def test_anything_else_stays_a_usage_error(
    windows: list[tuple[Path, str | None, Path | None]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ghi-chu.txt").write_text("x", encoding="utf-8")
    for name in ("a.scb", "b.scb"):
        (tmp_path / name).write_bytes(b"%PDF")
    assert cli.main(["--data-dir", str(tmp_path / "data"), *argv]) == 2
    assert "Lỗi:" in capsys.readouterr().err
    assert windows == []
