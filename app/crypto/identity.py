"""The cell's signing identity (khóa ký số của chi bộ): a private key and its X.509 certificate.

The program makes a self-signed certificate in the secretary's and the cell's names; the
receiving party committee trusts it by its fingerprint, read out by phone at enrolment. A key
from a real certificate authority (.p12/.pfx) is accepted too. Keys are stored as PKCS#12
under a passphrase.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from app.crypto.errors import CryptoError, CryptoProblem

#: RSA 3072 is the size recommended for keys used beyond 2030 (NIST SP 800-57 part 1).
RSA_KEY_BITS = 3072
#: Five years: long enough that a secretary's term (nhiệm kỳ) rarely needs a re-enrolment.
VALIDITY_DAYS = 5 * 365 + 1
#: Backdating absorbs small clock differences between the cell's and the receiver's computer.
_CLOCK_SKEW = dt.timedelta(minutes=10)
#: PBKDF2 iterations for the PKCS#12 file: slows down guessing a stolen file's passphrase.
_PKCS12_KDF_ROUNDS = 600_000
#: Groups of four hex digits in the short fingerprint read out by phone (80 bits).
SHORT_FINGERPRINT_GROUPS = 5

SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class SigningIdentity:
    """A private key with its certificate and the certificate authority chain (may be empty)."""

    private_key: SigningKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()


@dataclass(frozen=True)
class CertificateNames:
    """The names in a certificate's subject: secretary (CN), cell (O), superior (OU)."""

    person: str
    organisation: str
    unit: str


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def generate_identity(
    secretary_name: str,
    cell_name: str,
    superior: str,
    *,
    now: dt.datetime | None = None,
    valid_days: int = VALIDITY_DAYS,
) -> SigningIdentity:
    """Make a new RSA key and a self-signed certificate naming the secretary (bí thư), the
    cell (chi bộ) and its superior committee (cấp ủy cấp trên)."""
    start = (now or _utc_now()) - _CLOCK_SKEW
    key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_KEY_BITS)
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, _nfc(secretary_name))]
    if _nfc(cell_name):
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, _nfc(cell_name)))
    if _nfc(superior):
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, _nfc(superior)))
    attributes.append(x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"))
    name = x509.Name(attributes)
    public = key.public_key()
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,  # nonRepudiation: the signer stands by the report
        key_encipherment=True,  # the receiver encrypts acknowledgements to this key
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=valid_days))
        .add_extension(usage, critical=True)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    return SigningIdentity(private_key=key, certificate=certificate)


def identity_to_pkcs12(identity: SigningIdentity, passphrase: str) -> bytes:
    """The identity as a PKCS#12 file, key and certificates encrypted with AES-256 (PBES2)."""
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(_PKCS12_KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(_passphrase_bytes(passphrase))
    )
    return pkcs12.serialize_key_and_certificates(
        name=b"sochibo",
        key=identity.private_key,
        cert=identity.certificate,
        cas=list(identity.chain) or None,
        encryption_algorithm=encryption,
    )


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC so that the same passphrase typed with another Vietnamese keyboard still opens the file.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def load_pkcs12(data: bytes, passphrase: str, *, now: dt.datetime | None = None) -> SigningIdentity:
    """Open a .p12/.pfx file (the program's own or one from a certificate authority).

    Raises `CryptoError` naming the problem: wrong passphrase, not a PKCS#12 file, no private
    key, a key kind pyHanko cannot sign with, a certificate not valid at `now`, or a certificate
    whose key usage forbids signing.
    """
    if not _looks_like_pkcs12(data):
        raise CryptoError(CryptoProblem.NOT_PKCS12)
    key, certificate, chain = _open_pkcs12(data, passphrase)
    if key is None or certificate is None:
        raise CryptoError(CryptoProblem.NO_PRIVATE_KEY)
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise CryptoError(CryptoProblem.UNSUPPORTED_KEY)
    check_can_sign(certificate, now=now)
    return SigningIdentity(private_key=key, certificate=certificate, chain=tuple(chain))


def _open_pkcs12(
    data: bytes, passphrase: str
) -> tuple[object, x509.Certificate | None, list[x509.Certificate]]:
    # Files exported without a password use either an empty or an absent one.
    candidates = [_passphrase_bytes(passphrase)] if passphrase else [None, b""]
    for candidate in candidates:
        try:
            return pkcs12.load_key_and_certificates(data, candidate)
        except ValueError:
            continue
    raise CryptoError(CryptoProblem.WRONG_PASSPHRASE)


def _looks_like_pkcs12(data: bytes) -> bool:
    """PFX ::= SEQUENCE { version INTEGER (3), ... } (RFC 7292): tells a damaged or foreign
    file apart from a wrong passphrase, which `cryptography` reports with the same error."""
    if len(data) < 8 or data[0] != 0x30:
        return False
    length_octets = data[1] & 0x7F if data[1] & 0x80 else 0
    start = 2 + length_octets
    return data[start : start + 3] == b"\x02\x01\x03"


def check_can_sign(certificate: x509.Certificate, *, now: dt.datetime | None = None) -> None:
    """Refuse a certificate that is not valid at `now` or whose key usage forbids signing."""
    moment = now or _utc_now()
    if moment < certificate.not_valid_before_utc:
        raise CryptoError(CryptoProblem.NOT_YET_VALID, date=certificate.not_valid_before_utc.date())
    if moment > certificate.not_valid_after_utc:
        raise CryptoError(CryptoProblem.EXPIRED, date=certificate.not_valid_after_utc.date())
    if not may_sign(certificate):
        raise CryptoError(CryptoProblem.NOT_FOR_SIGNING)


def may_sign(certificate: x509.Certificate) -> bool:
    """True unless a key usage extension leaves out both digitalSignature and nonRepudiation."""
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True
    return bool(usage.digital_signature or usage.content_commitment)


def valid_at(certificate: x509.Certificate, moment: dt.datetime) -> bool:
    """Whether `moment` lies within the certificate's validity period."""
    return certificate.not_valid_before_utc <= moment <= certificate.not_valid_after_utc


def fingerprint_bytes(certificate: x509.Certificate) -> bytes:
    """The SHA-256 fingerprint (dấu vân tay) of the certificate, the value pinned by receivers."""
    return certificate.fingerprint(hashes.SHA256())


def fingerprint(certificate: x509.Certificate) -> str:
    """The full SHA-256 fingerprint as 16 groups of 4 upper-case hex digits."""
    digits = fingerprint_bytes(certificate).hex().upper()
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def short_fingerprint(certificate: x509.Certificate) -> str:
    """The first 5 groups of the fingerprint, short enough to read out by phone."""
    return " ".join(fingerprint(certificate).split(" ")[:SHORT_FINGERPRINT_GROUPS])


def certificate_names(certificate: x509.Certificate) -> CertificateNames:
    """The person, organisation and unit named in the certificate's subject ("" if absent)."""

    def first(oid: x509.ObjectIdentifier) -> str:
        found = certificate.subject.get_attributes_for_oid(oid)
        value = found[0].value if found else ""
        return _nfc(value.decode("utf-8", "replace") if isinstance(value, bytes) else value)

    return CertificateNames(
        person=first(NameOID.COMMON_NAME),
        organisation=first(NameOID.ORGANIZATION_NAME),
        unit=first(NameOID.ORGANIZATIONAL_UNIT_NAME),
    )


def is_self_signed(certificate: x509.Certificate) -> bool:
    """True for a certificate the program made (issuer = subject); False for a CA's one."""
    return certificate.issuer == certificate.subject


def certificate_pem(certificate: x509.Certificate) -> bytes:
    """The certificate in PEM form, as written to a .crt file for enrolment."""
    return certificate.public_bytes(serialization.Encoding.PEM)


def load_certificate(data: bytes) -> x509.Certificate:
    """Read a certificate from PEM or DER bytes; `CryptoError` if it is neither."""
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise CryptoError(CryptoProblem.NOT_A_CERTIFICATE) from exc
