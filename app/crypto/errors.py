"""Errors of the key, signature and encryption layer, as translatable domain messages."""

from __future__ import annotations

from enum import StrEnum

from app.domain.messages import N_, DomainError, Message, ParamValue


class CryptoProblem(StrEnum):
    """What went wrong with a key file, a certificate or an encrypted file."""

    WRONG_PASSPHRASE = "wrong_passphrase"
    NOT_PKCS12 = "not_pkcs12"
    NO_PRIVATE_KEY = "no_private_key"
    UNSUPPORTED_KEY = "unsupported_key"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    NOT_FOR_SIGNING = "not_for_signing"
    NOT_A_CERTIFICATE = "not_a_certificate"
    NOT_A_PDF = "not_a_pdf"
    NOT_FOR_ENCRYPTION = "not_for_encryption"
    NOT_ENCRYPTED = "not_encrypted"
    NOT_FOR_THIS_KEY = "not_for_this_key"


_TEXTS: dict[CryptoProblem, str] = {
    CryptoProblem.WRONG_PASSPHRASE: N_(
        "The passphrase of the key file is wrong. Type it again, paying attention to capital "
        "letters and Vietnamese accents."
    ),
    CryptoProblem.NOT_PKCS12: N_(
        "This file is not a key file (PKCS#12, .p12 or .pfx) or it is damaged. Choose the .p12 "
        "or .pfx file given with the certificate."
    ),
    CryptoProblem.NO_PRIVATE_KEY: N_(
        "The key file holds a certificate but no private key, so it cannot sign. Ask the "
        "issuer for the .p12 or .pfx file that includes the private key."
    ),
    CryptoProblem.UNSUPPORTED_KEY: N_(
        "The key in this file is of a kind the program cannot use (only RSA and EC keys are "
        "supported). Ask the issuer for an RSA certificate."
    ),
    CryptoProblem.NOT_YET_VALID: N_(
        "The certificate is valid only from {date}. Check the computer's date, or wait until then."
    ),
    CryptoProblem.EXPIRED: N_(
        "The certificate expired on {date}. Create a new key or load a renewed certificate."
    ),
    CryptoProblem.NOT_FOR_SIGNING: N_(
        "The certificate does not allow signing documents (its key usage forbids it). Use a "
        "certificate issued for digital signatures."
    ),
    CryptoProblem.NOT_A_CERTIFICATE: N_(
        "This file is not a certificate (.crt, .cer or .pem) or it is damaged. Ask the sender "
        "for the certificate file again."
    ),
    CryptoProblem.NOT_A_PDF: N_("The document to sign is not a valid PDF file."),
    CryptoProblem.NOT_FOR_ENCRYPTION: N_(
        "The recipient's certificate cannot be used for encryption (only RSA certificates "
        "can). Ask the recipient for another certificate."
    ),
    CryptoProblem.NOT_ENCRYPTED: N_(
        "This file is not an encrypted report file (.p7m) or it is damaged. Ask the sender "
        "for the file again."
    ),
    CryptoProblem.NOT_FOR_THIS_KEY: N_(
        "This file was encrypted for another recipient, not for this key. Ask the sender to "
        "encrypt it with your certificate."
    ),
}


class CryptoError(DomainError):
    """A key, certificate or encrypted file cannot be used; `problem` says why."""

    def __init__(self, problem: CryptoProblem, **params: ParamValue) -> None:
        super().__init__(Message(_TEXTS[problem], params))
        self.problem = problem
