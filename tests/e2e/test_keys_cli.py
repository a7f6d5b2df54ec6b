"""`sochibo keys ...` end to end on a demo data folder, the passphrase from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.crypto.identity import generate_identity, identity_to_pkcs12, load_certificate

PASSPHRASE = "Chi bộ vững mạnh 2026"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_keys_show_create_export_and_import(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    assert run(capsys, "--data-dir", data, "demo")[0] == 0
    code, out, err = run(capsys, "--data-dir", data, "keys", "show")
    assert code == 1 and out == "" and "Chi bộ chưa có khóa ký số" in err

    monkeypatch.setenv("SOCHIBO_PASSPHRASE", "ngắn")
    code, _out, err = run(capsys, "--data-dir", data, "keys", "create")
    assert code == 1 and "Mật khẩu phải có ít nhất 8 ký tự" in err

    monkeypatch.setenv("SOCHIBO_PASSPHRASE", PASSPHRASE)
    code, out, _err = run(capsys, "--data-dir", data, "keys", "create")
    assert code == 0 and "Đã tạo khóa ký số mới." in out
    assert "Người ký: Sùng Mí Páo" in out and "Chi bộ: Chi bộ thôn Lũng Cú" in out
    code, _out, err = run(capsys, "--data-dir", data, "keys", "create")
    assert code == 1 and "keys create --replace" in err

    code, shown, _err = run(capsys, "--data-dir", data, "keys", "show")
    assert code == 0 and "Chứng thư số: do Sổ Chi bộ tạo" in shown
    short = shown.split("Dấu vân tay rút gọn (để đọc qua điện thoại): ")[1].splitlines()[0]
    full = shown.split("Dấu vân tay đầy đủ (SHA-256): ")[1].splitlines()[0]
    assert len(short) == 24 and full.startswith(short) and len(full) == 79

    cert = tmp_path / "chung-thu-chi-bo.crt"
    code, out, _err = run(capsys, "--data-dir", data, "keys", "export-cert", "--out", cert)
    assert code == 0 and short in out and str(cert) in out
    assert load_certificate(cert.read_bytes()).subject.rfc4514_string().endswith("CN=Sùng Mí Páo")

    bought = tmp_path / "ca.p12"
    bought.write_bytes(
        identity_to_pkcs12(generate_identity("Sùng Mí Páo", "Chi bộ thôn Lũng Cú", ""), "pfx-pass")
    )
    code, _out, err = run(capsys, "--data-dir", data, "keys", "import-p12", bought)
    assert code == 1 and "Mật khẩu của tệp khóa không đúng" in err
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", "pfx-pass")
    code, out, _err = run(capsys, "--data-dir", data, "keys", "import-p12", bought)
    assert code == 0 and "Đã nạp khóa" in out and short not in out
    assert len(list((data / "keys" / "old").iterdir())) == 1


def test_passphrase_is_not_a_command_line_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _out, err = run(
        capsys, "--data-dir", tmp_path, "keys", "create", "--passphrase", PASSPHRASE
    )
    assert code == 2 and "--passphrase" in err
