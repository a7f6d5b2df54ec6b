"""`sochibo export` and `sochibo verify` end to end: demo → export → verify → tamper → refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.cli import main
from app.crypto.identity import SigningIdentity, certificate_pem, generate_identity
from app.crypto.pdfsign import sign_pdf
from app.reports.layout import DocumentHeader, SignatureBlock, TextBlock, render_document

PASSPHRASE = "Chi bộ vững mạnh 2026"
TODAY = dt.date(2026, 11, 23)


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _cert(tmp_path: Path, identity: SigningIdentity, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(certificate_pem(identity.certificate))
    return path


def test_export_verify_tamper(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", PASSPHRASE)
    assert run(capsys, "--data-dir", data, "demo")[0] == 0
    report = tmp_path / "usb" / "bao-cao.scb"
    report.parent.mkdir()

    code, out, _err = run(capsys, "--data-dir", data, "export", "--period", "2026-Q1",
                          "--out", report)  # fmt: skip
    assert code == 0, _err
    assert "Chi bộ chưa có khóa ký số: khóa sẽ được tạo ngay bây giờ." in out
    assert f"Đã ghi báo cáo kỳ 2026-Q1 ra tệp {report}." in out
    assert "Số thứ tự: 1" in out and "Số văn bản: Số 01-BC/CB" in out
    short = out.split("Dấu vân tay khóa (rút gọn): ")[1].splitlines()[0]
    assert len(short) == 24

    code, out, _err = run(capsys, "--data-dir", data, "export", "--period", "2026-Q1",
                          "--out", report)  # fmt: skip
    assert code == 0 and "Số thứ tự: 2" in out and "Số 02-BC/CB" in out
    assert "khóa sẽ được tạo" not in out

    code, out, _err = run(capsys, "--data-dir", data, "verify", report)
    assert code == 0
    assert "Tệp báo cáo hợp lệ: chữ ký số còn nguyên vẹn và bao trùm toàn bộ tệp." in out
    for line in ("Chi bộ: Chi bộ thôn Lũng Cú", "Kỳ báo cáo: 2026-Q1", "Số thứ tự: 2",
                 "Người ký: Sùng Mí Páo", f"Dấu vân tay khóa (rút gọn): {short}",
                 "Người ký chưa được đối chiếu với chứng thư số đã đăng ký"):  # fmt: skip
        assert line in out, line

    own = tmp_path / "chi-bo.crt"
    assert run(capsys, "--data-dir", data, "keys", "export-cert", "--out", own)[0] == 0
    code, out, _err = run(capsys, "--data-dir", data, "verify", report, "--trust", own)
    assert code == 0 and "Người ký khớp với một chứng thư số đã chỉ định bằng --trust." in out

    other = _cert(tmp_path, generate_identity("Người khác", "Chi bộ khác", ""), "khac.crt")
    code, out, err = run(capsys, "--data-dir", data, "verify", report, "--trust", other)
    assert code == 1 and out == ""
    assert "Tệp KHÔNG hợp lệ:" in err and short in err and "chưa được đăng ký" in err

    data_bytes = bytearray(report.read_bytes())
    data_bytes[len(data_bytes) // 2] ^= 0x01
    tampered = tmp_path / "usb" / "sua.scb"
    tampered.write_bytes(bytes(data_bytes))
    code, out, err = run(capsys, "--data-dir", data, "verify", tampered, "--trust", own)
    assert code == 1 and "Tệp KHÔNG hợp lệ:" in err and "đã bị sửa" in err

    damaged = tmp_path / "usb" / "hong.scb"
    damaged.write_bytes(report.read_bytes()[:2000])
    code, _out, err = run(capsys, "--data-dir", data, "verify", damaged)
    assert code == 1 and "Tệp KHÔNG hợp lệ:" in err


def test_verify_refuses_a_signed_pdf_that_is_not_a_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    header = DocumentHeader("ĐẢNG BỘ XÃ LŨNG CÚ", "CHI BỘ THÔN A", "", "Lũng Cú", TODAY)
    pdf = render_document(
        header, "THÔNG BÁO", "Lịch họp", [TextBlock("Nội dung.")],
        SignatureBlock(right_title="T/M CHI BỘ", right_name="Người lạ"),
    )  # fmt: skip
    signed = tmp_path / "thong-bao.pdf"
    stranger = generate_identity("Người lạ", "", "")
    signed.write_bytes(sign_pdf(pdf, {"other.json": b"{}"}, stranger, "", ""))
    code, out, err = run(capsys, "--data-dir", tmp_path / "data", "verify", signed)
    assert code == 1 and out == ""
    assert "không phải báo cáo của Sổ Chi bộ" in err

    unsigned = tmp_path / "chua-ky.pdf"
    unsigned.write_bytes(pdf)
    code, _out, err = run(capsys, "--data-dir", tmp_path / "data", "verify", unsigned)
    assert code == 1 and "Tệp không có chữ ký số" in err


def test_export_encrypted_for_the_receiver_and_usage_errors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", PASSPHRASE)
    assert run(capsys, "--data-dir", data, "demo")[0] == 0
    receiver = _cert(tmp_path, generate_identity("Văn phòng Đảng ủy", "Đảng ủy xã", ""), "dx.crt")
    out_file = tmp_path / "bc.scb"
    code, out, _err = run(capsys, "--data-dir", data, "export", "--period", "2026-03",
                          "--out", out_file, "--encrypt-to", receiver)  # fmt: skip
    assert code == 0 and "Đã mã hóa cho: Văn phòng Đảng ủy, Đảng ủy xã" in out
    encrypted = tmp_path / "bc.scb.p7m"
    assert encrypted.is_file() and not out_file.exists()
    # The cell's own key cannot open what it encrypted for the commune.
    code, _out, err = run(capsys, "--data-dir", data, "verify", encrypted)
    assert code == 1 and "được mã hóa cho nơi nhận khác" in err

    code, _out, err = run(capsys, "--data-dir", data, "export", "--period", "2026-Q5",
                          "--out", out_file)  # fmt: skip
    assert code == 2 and "một năm chỉ có quý 1 đến quý 4" in err
    code, _out, err = run(capsys, "--data-dir", data, "export", "--period", "2026",
                          "--out", out_file, "--passphrase", PASSPHRASE)  # fmt: skip
    assert code == 2 and "--passphrase" in err
