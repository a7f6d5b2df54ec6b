"""The cell's signing key in a real data folder: create, show, export, open, import, replace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.crypto.identity import (
    generate_identity,
    identity_to_pkcs12,
    load_certificate,
)
from app.services.errors import UserError
from app.services.keys import KeyService, key_info

PASSPHRASE = "Chi bộ vững mạnh 2026"


def test_no_key_then_create_show_export_and_open(data_dir: Path, tmp_path: Path) -> None:
    keys = KeyService(data_dir)
    assert keys.info() is None and not keys.has_key()
    with pytest.raises(UserError, match="Chi bộ chưa có khóa ký số"):
        keys.export_certificate(tmp_path / "cell.crt")

    info = keys.create(PASSPHRASE, "Sùng Mí Páo", "Chi bộ thôn Lũng Cú", "Đảng ủy xã Lũng Cú")
    assert (data_dir / "keys" / "cell-signing.p12").is_file()
    assert (data_dir / "keys" / "cell.crt").is_file()
    assert info == keys.info()
    assert (info.subject, info.cell, info.superior) == (
        "Sùng Mí Páo",
        "Chi bộ thôn Lũng Cú",
        "Đảng ủy xã Lũng Cú",
    )
    assert info.self_made and info.valid_to.year - info.valid_from.year == 5
    assert info.fingerprint.startswith(info.short_fingerprint)

    out = tmp_path / "usb" / "chung-thu.crt"
    out.parent.mkdir()
    assert keys.export_certificate(out) == info
    exported = load_certificate(out.read_bytes())
    assert keys.identity(PASSPHRASE).certificate == exported


def test_short_and_wrong_passphrases_are_refused_clearly(data_dir: Path) -> None:
    keys = KeyService(data_dir)
    with pytest.raises(UserError, match="Mật khẩu phải có ít nhất 8 ký tự"):
        keys.create("1234567", "Sùng Mí Páo", "Chi bộ thôn Lũng Cú", "")
    assert not keys.has_key()
    with pytest.raises(UserError, match="chưa có bí thư"):
        keys.create(PASSPHRASE, "  ", "Chi bộ thôn Lũng Cú", "")
    keys.create(PASSPHRASE, "Sùng Mí Páo", "Chi bộ thôn Lũng Cú", "")
    with pytest.raises(UserError) as wrong:
        keys.identity("chi bo vung manh 2026")
    assert "Mật khẩu của tệp khóa không đúng" in wrong.value.message
    assert "không lấy lại được: hãy tạo khóa mới" in wrong.value.message


def test_replacing_keeps_the_old_key(data_dir: Path) -> None:
    clock = [dt.datetime(2026, 3, 1, 8, tzinfo=dt.UTC)]
    keys = KeyService(data_dir, now=lambda: clock[0])
    first = keys.create(PASSPHRASE, "Sùng Mí Páo", "Chi bộ thôn Lũng Cú", "")
    clock[0] = dt.datetime(2026, 9, 1, 8, tzinfo=dt.UTC)
    second = keys.create(PASSPHRASE, "Giàng Thị Mỷ", "Chi bộ thôn Lũng Cú", "")
    assert first.fingerprint != second.fingerprint and keys.info() == second
    old = list((data_dir / "keys" / "old").iterdir())
    assert len(old) == 1 and old[0].name.startswith("2026-09-01")
    kept = load_certificate((old[0] / "cell.crt").read_bytes())
    assert (old[0] / "cell-signing.p12").is_file()
    assert kept.not_valid_before_utc.year == 2026 and kept != keys.certificate()


def test_two_replacements_in_one_second_keep_both_old_keys(data_dir: Path) -> None:
    moment = dt.datetime(2026, 9, 1, 8, tzinfo=dt.UTC)
    keys = KeyService(data_dir, now=lambda: moment)
    made = [keys.create(PASSPHRASE, name, "Chi bộ thôn Lũng Cú", "") for name in "ABC"]
    old = sorted((data_dir / "keys" / "old").iterdir())
    assert len(old) == 2 and old[1].name == f"{old[0].name}-2"
    kept = [load_certificate((folder / "cell.crt").read_bytes()) for folder in old]
    assert sorted(key_info(c).fingerprint for c in kept) == sorted(m.fingerprint for m in made[:2])


def test_import_a_p12_from_a_certificate_authority(data_dir: Path, tmp_path: Path) -> None:
    keys = KeyService(data_dir)
    bought = generate_identity("NGUYỄN VĂN AN", "Chi bộ thôn Lũng Cú", "")
    p12 = tmp_path / "token-export.pfx"
    p12.write_bytes(identity_to_pkcs12(bought, "ca-pass-123"))
    with pytest.raises(UserError, match="Mật khẩu của tệp khóa không đúng"):
        keys.import_p12(p12, "wrong-pass")
    with pytest.raises(UserError, match="Không đọc được tệp khóa"):
        keys.import_p12(tmp_path / "missing.pfx", "ca-pass-123")
    not_a_key = tmp_path / "bao-cao.pdf"
    not_a_key.write_bytes(b"%PDF-1.7\n" + b"0" * 200)
    with pytest.raises(UserError, match="không phải là tệp khóa"):
        keys.import_p12(not_a_key, "ca-pass-123")
    assert not keys.has_key()

    info = keys.import_p12(p12, "ca-pass-123")
    assert info.subject == "NGUYỄN VĂN AN"
    assert keys.identity("ca-pass-123").certificate == bought.certificate
    assert (data_dir / "keys" / "cell-signing.p12").read_bytes() != p12.read_bytes()
