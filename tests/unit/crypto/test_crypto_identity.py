"""The cell's key and certificate: what is in them, how they are stored, and refusals."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from app.crypto.errors import CryptoError, CryptoProblem
from app.crypto.identity import (
    SigningIdentity,
    certificate_names,
    certificate_pem,
    fingerprint,
    generate_identity,
    identity_to_pkcs12,
    is_self_signed,
    load_certificate,
    load_pkcs12,
    short_fingerprint,
)
from app.l10n import render

PASSPHRASE = "Chi bộ vững mạnh 2026"


def test_certificate_names_the_secretary_and_the_cell(cell_identity: SigningIdentity) -> None:
    cert = cell_identity.certificate
    names = certificate_names(cert)
    assert (names.person, names.organisation, names.unit) == (
        "Sùng Mí Páo",
        "Chi bộ thôn Lũng Cú",
        "Đảng ủy xã Lũng Cú",
    )
    assert is_self_signed(cert)
    assert cell_identity.private_key.key_size == 3072  # type: ignore[union-attr]
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and usage.key_encipherment
    assert not usage.key_cert_sign
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert 5 * 365 <= lifetime.days <= 5 * 366


def test_serial_numbers_are_random(
    cell_identity: SigningIdentity, other_identity: SigningIdentity
) -> None:
    serials = {cell_identity.certificate.serial_number, other_identity.certificate.serial_number}
    assert len(serials) == 2 and all(s.bit_length() > 64 for s in serials)


def test_fingerprints_full_and_short(cell_identity: SigningIdentity) -> None:
    cert = cell_identity.certificate
    full = fingerprint(cert)
    assert re.fullmatch(r"([0-9A-F]{4} ){15}[0-9A-F]{4}", full)
    assert full.replace(" ", "").lower() == cert.fingerprint(hashes.SHA256()).hex()
    short = short_fingerprint(cert)
    assert re.fullmatch(r"([0-9A-F]{4} ){4}[0-9A-F]{4}", short) and full.startswith(short)


def test_pkcs12_round_trip_is_strongly_encrypted(cell_identity: SigningIdentity) -> None:
    data = identity_to_pkcs12(cell_identity, PASSPHRASE)
    loaded = load_pkcs12(data, PASSPHRASE)
    assert loaded.certificate == cell_identity.certificate
    assert fingerprint(loaded.certificate) == fingerprint(cell_identity.certificate)
    # The same passphrase typed in decomposed Unicode (another keyboard) still opens it.
    assert load_pkcs12(data, unicodedata.normalize("NFD", PASSPHRASE)).certificate
    # PBES2 with AES-256 leaves the AES-256-CBC OID (2.16.840.1.101.3.4.1.42) in the file.
    assert bytes.fromhex("060960864801650304012a") in data


def test_wrong_passphrase_is_told_apart_from_a_wrong_file(cell_identity: SigningIdentity) -> None:
    data = identity_to_pkcs12(cell_identity, PASSPHRASE)
    with pytest.raises(CryptoError) as wrong:
        load_pkcs12(data, "chi bo vung manh 2026")
    assert wrong.value.problem == CryptoProblem.WRONG_PASSPHRASE
    assert "Mật khẩu của tệp khóa không đúng" in render(wrong.value.message)
    for not_a_key in (b"%PDF-1.7\n" + b"x" * 100, certificate_pem(cell_identity.certificate), b""):
        with pytest.raises(CryptoError) as foreign:
            load_pkcs12(not_a_key, PASSPHRASE)
        assert foreign.value.problem == CryptoProblem.NOT_PKCS12
        assert "không phải là tệp khóa" in render(foreign.value.message)


def test_certificate_without_private_key_is_refused(cell_identity: SigningIdentity) -> None:
    only_cert = pkcs12.serialize_key_and_certificates(
        name=b"x",
        key=None,
        cert=cell_identity.certificate,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(PASSPHRASE.encode()),
    )
    with pytest.raises(CryptoError) as error:
        load_pkcs12(only_cert, PASSPHRASE)
    assert error.value.problem == CryptoProblem.NO_PRIVATE_KEY
    assert "không có khóa bí mật" in render(error.value.message)


def test_expired_and_future_certificates_are_refused(
    expired_identity: SigningIdentity, cell_identity: SigningIdentity
) -> None:
    with pytest.raises(CryptoError) as expired:
        load_pkcs12(identity_to_pkcs12(expired_identity, PASSPHRASE), PASSPHRASE)
    assert expired.value.problem == CryptoProblem.EXPIRED
    end = expired_identity.certificate.not_valid_after_utc.date().strftime("%d/%m/%Y")
    assert render(expired.value.message).startswith(f"Chứng thư số đã hết hạn ngày {end}")
    past = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    with pytest.raises(CryptoError) as early:
        load_pkcs12(identity_to_pkcs12(cell_identity, PASSPHRASE), PASSPHRASE, now=past)
    assert early.value.problem == CryptoProblem.NOT_YET_VALID
    assert "chỉ có hiệu lực từ" in render(early.value.message)


def test_certificate_not_allowed_to_sign_is_refused(cell_identity: SigningIdentity) -> None:
    key = cell_identity.private_key
    name = cell_identity.certificate.subject
    now = dt.datetime.now(dt.UTC)
    encrypt_only = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.KeyUsage(False, False, True, False, False, False, False, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    identity = SigningIdentity(private_key=key, certificate=encrypt_only)
    with pytest.raises(CryptoError) as error:
        load_pkcs12(identity_to_pkcs12(identity, PASSPHRASE), PASSPHRASE)
    assert error.value.problem == CryptoProblem.NOT_FOR_SIGNING
    assert "không cho phép ký văn bản" in render(error.value.message)


def test_certificates_read_back_from_pem_and_der(cell_identity: SigningIdentity) -> None:
    cert = cell_identity.certificate
    pem = certificate_pem(cert)
    assert pem.startswith(b"-----BEGIN CERTIFICATE-----")
    assert load_certificate(pem) == cert
    assert load_certificate(cert.public_bytes(serialization.Encoding.DER)) == cert
    with pytest.raises(CryptoError) as error:
        load_certificate(b"not a certificate")
    assert error.value.problem == CryptoProblem.NOT_A_CERTIFICATE
    assert "không phải là chứng thư số" in render(error.value.message)


def test_names_are_nfc_normalised() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    identity = generate_identity(decomposed, "thôn Đông", "")
    names = certificate_names(identity.certificate)
    assert names.person == "Nguyễn Thị Hường" and names.unit == ""
