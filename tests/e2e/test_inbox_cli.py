"""The whole journey of a report on the command line: the cell exports it encrypted for the
commune onto a USB folder; the commune registers the cell, imports, lists, acknowledges; the
cell takes the acknowledgement; the commune sums up for the province, which imports it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main

PASSPHRASE = "Chi bộ vững mạnh 2026"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def setup_receiver(
    capsys: pytest.CaptureFixture[str], folder: Path, committee: str, superior: str
) -> None:
    code, out, err = run(
        capsys, "--data-dir", folder, "inbox", "setup", "--committee", committee,
        "--superior-body", "ĐẢNG BỘ TỈNH TUYÊN QUANG", "--superior", superior,
        "--place", "Lũng Cú", "--signer", "Nguyễn Văn Bình", "--term-start", "01/10/2025",
    )  # fmt: skip
    assert code == 0, err
    assert out == f"Thư mục dữ liệu này nay tiếp nhận báo cáo cho {committee}.\n"
    code, _out, err = run(capsys, "--data-dir", folder, "keys", "create")
    assert code == 0, err


def test_a_report_travels_up_and_its_acknowledgement_comes_back(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", PASSPHRASE)
    cell, commune, province = tmp_path / "cell", tmp_path / "commune", tmp_path / "province"
    stick = tmp_path / "usb"
    stick.mkdir()
    assert run(capsys, "--data-dir", cell, "demo")[0] == 0
    assert run(capsys, "--data-dir", cell, "keys", "create")[0] == 0
    assert run(capsys, "--data-dir", cell, "keys", "export-cert", "--out", stick / "cb.crt")[0] == 0
    setup_receiver(capsys, commune, "Đảng ủy xã Lũng Cú", "Ban Thường vụ Tỉnh ủy Tuyên Quang")
    commune_crt = stick / "xa.crt"
    assert run(capsys, "--data-dir", commune, "keys", "export-cert", "--out", commune_crt)[0] == 0

    # Enrolment both ways.
    code, out, _err = run(capsys, "--data-dir", commune, "inbox", "add-cell", stick / "cb.crt")
    assert code == 0 and "Đã đăng ký chứng thư số của Chi bộ thôn Lũng Cú." in out
    assert "Hãy gọi điện cho chi bộ ngay" in out
    code, out, _err = run(capsys, "--data-dir", cell, "keys", "trust-superior", commune_crt)
    assert code == 0 and "Đảng ủy xã Lũng Cú" in out

    # The cell exports November, encrypted for the commune.
    target = stick / "bao-cao-2026-11.scb"
    code, out, err = run(capsys, "--data-dir", cell, "export", "--period", "2026-11",
                         "--out", target, "--encrypt-to", commune_crt)  # fmt: skip
    assert code == 0, err
    sent = stick / "bao-cao-2026-11.scb.p7m"
    assert sent.is_file()

    # The commune imports the stick; the certificates on it are no report files.
    code, out, err = run(capsys, "--data-dir", commune, "inbox", "import", stick)
    assert code == 0, out + err
    assert "Đã nhập: bao-cao-2026-11.scb.p7m — Chi bộ thôn Lũng Cú, kỳ 2026-11, số thứ tự 1" in out
    assert "Đã nhập 1 tệp, từ chối 0 tệp." in out
    # Again: refused as a duplicate, exit 1 so that a script notices.
    code, out, _err = run(capsys, "--data-dir", commune, "inbox", "import", sent)
    assert code == 1 and "TỪ CHỐI: bao-cao-2026-11.scb.p7m — Tệp này đã được nhập ngày" in out
    # A tampered copy: refused with the reason, in JSON for the committee's automation.
    tampered = bytearray(sent.read_bytes())
    tampered[len(tampered) // 2] ^= 0x01
    (tmp_path / "sua.scb.p7m").write_bytes(bytes(tampered))
    code, out, _err = run(capsys, "--data-dir", commune, "inbox", "import",
                          tmp_path / "sua.scb.p7m", "--json")  # fmt: skip
    result = json.loads(out)
    assert code == 1 and result["accepted"] == 0
    assert result["files"][0]["refusal"] == "invalid" and result["files"][0]["reason"]

    code, out, _err = run(capsys, "--data-dir", commune, "inbox", "list", "--json")
    (row,) = json.loads(out)
    assert (row["sender"], row["period"], row["serial"]) == ("Chi bộ thôn Lũng Cú", "2026-11", 1)
    assert row["acknowledged_at"] is None
    code, out, _err = run(capsys, "--data-dir", commune, "inbox", "list", "--period", "2026-11")
    assert (
        code == 0 and "Chi bộ thôn Lũng Cú: báo cáo Số 01-BC/CB (số thứ tự 1); 27 đảng viên" in out
    )
    code, out, _err = run(capsys, "--data-dir", commune, "inbox", "cells", "--json")
    (registered,) = json.loads(out)
    assert registered["reports"] == 1 and registered["missing_serials"] == []

    # The acknowledgement goes back and the cell marks its export received.
    ack = stick / "bien-nhan.scb"
    code, out, err = run(capsys, "--data-dir", commune, "inbox", "ack", sent, "--out", ack)
    assert code == 0, err
    code, out, err = run(capsys, "--data-dir", cell, "ack", "import", ack)
    assert code == 0, err
    assert out == "Đảng ủy xã Lũng Cú đã nhận báo cáo Số 01-BC/CB (kỳ 2026-11, số thứ tự 1).\n"
    code, out, _err = run(capsys, "--data-dir", commune, "inbox", "list", "--json")
    assert json.loads(out)[0]["acknowledged_at"] is not None

    # The commune's summary goes to the province, which imports it with the same program.
    setup_receiver(capsys, province, "Ban Thường vụ Tỉnh ủy Tuyên Quang", "Ban Tổ chức Trung ương")
    summary = stick / "tong-hop-2026-11.scb"
    code, out, err = run(capsys, "--data-dir", commune, "inbox", "export", "--period", "2026-11",
                         "--out", summary)  # fmt: skip
    assert code == 0, err
    assert "Số văn bản: Số 01-BC/ĐU" in out
    assert run(capsys, "--data-dir", province, "inbox", "add-cell", commune_crt)[0] == 0
    code, out, err = run(capsys, "--data-dir", province, "inbox", "import", summary)
    assert code == 0, out + err
    code, out, _err = run(capsys, "--data-dir", province, "inbox", "list", "--period", "2026-11",
                          "--json")  # fmt: skip
    table = json.loads(out)
    assert [r["sender"] for r in table["rows"]] == ["Đảng ủy xã Lũng Cú"]
    assert table["rows"][0]["kind"] == "committee" and table["totals"]["members"] == 27


def test_receiver_usage_errors_are_exit_code_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "commune"
    code, _out, err = run(capsys, "--data-dir", folder, "inbox", "import", tmp_path / "khong-co")
    assert code == 2 and "khong-co" in err
    code, _out, err = run(
        capsys, "--data-dir", folder, "inbox", "setup", "--committee", "Đảng ủy xã Lũng Cú",
        "--superior-body", "ĐẢNG BỘ TỈNH TUYÊN QUANG", "--superior", "Tỉnh ủy Tuyên Quang",
        "--place", "Lũng Cú", "--signer", "Nguyễn Văn Bình", "--term-start", "31/02/2025",
    )  # fmt: skip
    assert code == 2 and "“31/02/2025” không phải là ngày tháng." in err
    # Not a receiver yet: acknowledging says what to do first.
    report = tmp_path / "x.scb"
    report.write_bytes(b"%PDF-1.7 nothing")
    code, _out, err = run(capsys, "--data-dir", folder, "inbox", "ack", report,
                          "--out", tmp_path / "ack.scb")  # fmt: skip
    assert code == 1 and "Tệp này chưa được nhập" in err
