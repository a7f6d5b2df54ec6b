"""Encrypting a signed file for its receiver (mã hóa cho nơi nhận): CMS EnvelopedData (.p7m).

A lost USB stick or a misdirected e-mail then reveals nothing: only the holder of the
receiver's private key can open the file. The format is the standard one, so
`openssl cms -decrypt -inform DER` opens it too.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7

from app.crypto.errors import CryptoError, CryptoProblem
from app.crypto.identity import SigningIdentity

#: DER of the object identifier id-envelopedData (1.2.840.113549.1.7.3).
_ENVELOPED_DATA_OID = bytes.fromhex("06092a864886f70d010703")


def encrypt_for(data: bytes, recipient: x509.Certificate) -> bytes:
    """`data` encrypted with AES-256 for the holder of `recipient`'s key, as DER (.p7m)."""
    if not isinstance(recipient.public_key(), rsa.RSAPublicKey):
        raise CryptoError(CryptoProblem.NOT_FOR_ENCRYPTION)
    return (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(data)
        .add_recipient(recipient)
        .set_content_encryption_algorithm(algorithms.AES256)
        # Binary: the content is a PDF, never to be rewritten as MIME text.
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )


def is_encrypted(data: bytes) -> bool:
    """Whether `data` looks like a CMS EnvelopedData file (the OID sits in its first bytes)."""
    return data[:1] == b"\x30" and _ENVELOPED_DATA_OID in data[:32]


def decrypt(data: bytes, identity: SigningIdentity) -> bytes:
    """Open a .p7m made by `encrypt_for` with this identity's key.

    Raises `CryptoError`: not an encrypted file, or encrypted for another key.
    """
    if not is_encrypted(data):
        raise CryptoError(CryptoProblem.NOT_ENCRYPTED)
    if not isinstance(identity.private_key, rsa.RSAPrivateKey):
        raise CryptoError(CryptoProblem.NOT_FOR_THIS_KEY)
    try:
        return pkcs7.pkcs7_decrypt_der(data, identity.certificate, identity.private_key, [])
    except ValueError as exc:
        if "recipient" in str(exc).lower():
            raise CryptoError(CryptoProblem.NOT_FOR_THIS_KEY) from exc
        raise CryptoError(CryptoProblem.NOT_ENCRYPTED) from exc
