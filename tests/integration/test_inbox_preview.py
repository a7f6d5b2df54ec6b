"""What the receiver's screens ask the services before they write: the certificate as it would
be registered (compared by phone first), the certificate back for an undo, the trusted list,
and the committee's profile read without the signing stack."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.errors import UserError
from app.services.facade import Services
from app.services.inbox import InboxService
from app.services.inbox_profile import read_receiver
from app.services.keys import KeyService
from tests.integration.inbox_world import COMMUNE, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A cell's certificate (the key is made once: RSA 3072 is slow)."""
    folder = tmp_path_factory.mktemp("cell")
    KeyService(folder).create(
        PASSPHRASE, "Sùng Mí Páo", "Chi bộ thôn Lũng Cú", "Đảng ủy xã Lũng Cú"
    )
    return KeyService(folder).certificate_path.read_bytes()


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    opened = Services.open(data_dir)
    InboxService(opened.context).save_receiver(COMMUNE)
    yield opened
    opened.close()


def test_the_preview_shows_what_would_be_registered_and_writes_nothing(
    services: Services, certificate: bytes
) -> None:
    inbox = InboxService(services.context)
    preview = inbox.preview_sender(certificate)
    assert (preview.name, preview.holder) == ("Chi bộ thôn Lũng Cú", "Sùng Mí Páo")
    assert len(preview.short_fingerprint.split()) == 5
    assert preview.fingerprint.startswith(preview.short_fingerprint)
    assert inbox.senders() == []
    registered = inbox.add_sender(certificate)
    assert registered.short_fingerprint == preview.short_fingerprint
    with pytest.raises(UserError, match="đã được đăng ký"):
        inbox.preview_sender(certificate)
    with pytest.raises(UserError):
        inbox.preview_sender(b"not a certificate")


def test_a_removed_certificate_comes_back_from_its_own_bytes(
    services: Services, certificate: bytes
) -> None:
    inbox = InboxService(services.context)
    sender = inbox.add_sender(certificate)
    assert len(inbox.trusted_certificates()) == 1
    inbox.remove_sender(sender.id)
    assert inbox.trusted_certificates() == []
    kept = inbox.sender_certificate(sender.id)
    assert inbox.preview_sender(kept).short_fingerprint == sender.short_fingerprint
    assert inbox.add_sender(kept).id == sender.id
    assert [s.id for s in inbox.senders()] == [sender.id]
    with pytest.raises(UserError):
        inbox.sender_certificate(sender.id + 100)


def test_the_profile_is_read_without_the_signing_stack(services: Services) -> None:
    info = read_receiver(services.context)
    assert info is not None and info.committee_name == COMMUNE.committee_name
    assert info == InboxService(services.context).receiver()
    probe = (
        "import sys, app.services.facade, app.services.inbox_profile\n"
        "sys.exit(any(m.startswith(('pyhanko', 'cryptography')) for m in sys.modules))\n"
    )
    assert subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=False).returncode == 0
