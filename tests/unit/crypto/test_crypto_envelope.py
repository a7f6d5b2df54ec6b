"""Encryption for the receiver: CMS EnvelopedData that this program and OpenSSL both open."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from app.crypto.envelope import decrypt, encrypt_for, is_encrypted
from app.crypto.errors import CryptoError, CryptoProblem
from app.crypto.identity import SigningIdentity, certificate_pem
from app.l10n import render

SECRET = b"%PDF-1.7\n" + "Báo cáo quý III: 27 đảng viên".encode() + bytes(range(256))


def test_round_trip_with_aes_256(cell_identity: SigningIdentity) -> None:
    sealed = encrypt_for(SECRET, cell_identity.certificate)
    assert is_encrypted(sealed) and not is_encrypted(SECRET)
    assert "Báo cáo".encode() not in sealed
    assert bytes.fromhex("060960864801650304012a") in sealed  # id-aes256-CBC
    assert decrypt(sealed, cell_identity) == SECRET


def test_openssl_cms_decrypts_it(cell_identity: SigningIdentity, tmp_path: Path) -> None:
    sealed, key, cert = tmp_path / "bao-cao.pdf.p7m", tmp_path / "key.pem", tmp_path / "cert.pem"
    sealed.write_bytes(encrypt_for(SECRET, cell_identity.certificate))
    key.write_bytes(
        cell_identity.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert.write_bytes(certificate_pem(cell_identity.certificate))
    opened = subprocess.run(
        ["openssl", "cms", "-decrypt", "-inform", "DER", "-in", sealed, "-inkey", key,
         "-recip", cert, "-binary"],
        capture_output=True,
        check=True,
    )  # fmt: skip
    assert opened.stdout == SECRET


def test_file_for_another_key_or_not_encrypted_is_refused(
    cell_identity: SigningIdentity, other_identity: SigningIdentity
) -> None:
    sealed = encrypt_for(SECRET, other_identity.certificate)
    with pytest.raises(CryptoError) as wrong_key:
        decrypt(sealed, cell_identity)
    assert wrong_key.value.problem == CryptoProblem.NOT_FOR_THIS_KEY
    assert "mã hóa cho nơi nhận khác" in render(wrong_key.value.message)
    for not_sealed in (SECRET, sealed[:40]):
        with pytest.raises(CryptoError) as plain:
            decrypt(not_sealed, cell_identity)
        assert plain.value.problem == CryptoProblem.NOT_ENCRYPTED
        assert "không phải là tệp báo cáo đã mã hóa" in render(plain.value.message)
