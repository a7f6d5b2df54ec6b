"""The cell secretary's desk for signed reports: what the "Báo cáo" screen shows and does.

One place for the screen's use cases, each a short composition of the export, key and
acknowledgement services the command line uses too: the export history with the key and the
superior committee's certificate, checking and previewing a period, exporting (encrypted for
the registered superior committee when asked), the key's life (new key, key from a .p12 file,
certificate written for enrolment), registering the superior committee's certificate, and
importing its acknowledgements (giấy biên nhận).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.crypto.errors import CryptoError
from app.crypto.identity import load_certificate
from app.domain.periods import Period
from app.l10n import _, render
from app.services.acks import AckImport, AckImporter
from app.services.errors import UserError
from app.services.facade import Services
from app.services.keys import KeyInfo, key_info
from app.services.report_export import ExportInfo, ExportResult, ReportExportService


@dataclass(frozen=True)
class DeskState:
    """What the screen shows: the exports (newest first), the cell's key and the superior
    committee's certificate (None when missing), and a sentence for each that cannot be
    read, so that one damaged file does not hide the history."""

    today: dt.date
    history: tuple[ExportInfo, ...]
    key: KeyInfo | None
    superior: KeyInfo | None
    superior_committee: str
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class CertificateFile:
    """A certificate read from a file, shown to the secretary before it is registered."""

    data: bytes
    info: KeyInfo


def read_file(path: Path) -> bytes:
    """The bytes of `path`, or `UserError` naming the file."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError(
            _("The file {path} cannot be read. Check the name and the folder.").format(path=path)
        ) from exc


class ReportDesk:
    """The use cases of the Reports screen over one open data folder."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self.exporter = ReportExportService(services)
        self.keys = self.exporter.keys

    def state(self) -> DeskState:
        """The export history, the key and the superior committee's certificate."""
        problems: list[str] = []
        key = superior = None
        try:
            key = self.keys.info()
        except UserError as error:
            problems.append(error.message)
        try:
            certificate = self.keys.superior_certificate()
            superior = None if certificate is None else key_info(certificate)
        except UserError as error:
            problems.append(error.message)
        cell = self._services.cell.get()
        return DeskState(
            today=self._services.today(),
            history=tuple(self.exporter.history()),
            key=key,
            superior=superior,
            superior_committee=cell.superior_committee if cell is not None else "",
            problems=tuple(problems),
        )

    def check(self, period: Period) -> None:
        """Raise `UserError` when the report of `period` cannot be exported today."""
        self.exporter.check(period)

    def preview(self, period: Period) -> bytes:
        """The draft (DỰ THẢO) of the report of `period`; nothing is reserved."""
        return self.exporter.preview(period)

    def export(self, period: Period, target: Path, encrypt: bool, passphrase: str) -> ExportResult:
        """Sign and write the report of `period` to `target` (made the key first when the
        cell has none), encrypted for the registered superior committee when `encrypt`."""
        recipient = self.keys.superior_certificate() if encrypt else None
        if encrypt and recipient is None:
            raise UserError(
                _(
                    "The superior committee's certificate is not registered, so the report "
                    "cannot be encrypted for it. Register the certificate first, or export "
                    "without encryption."
                )
            )
        identity = self.exporter.signing_identity(passphrase)
        return self.exporter.export(period, target, identity, recipient)

    def new_key(self, passphrase: str) -> KeyInfo:
        """Make a new key in the names of the secretary and the cell; the old one is moved
        to keys/old, and the new certificate must be registered again."""
        cell = self._services.cell.get()
        if cell is None:
            raise UserError(
                _("Set up the cell profile first: the certificate carries the cell's name.")
            )
        return self.keys.create(passphrase, cell.secretary_name, cell.name, cell.superior_committee)

    def import_key(self, path: Path, passphrase: str) -> KeyInfo:
        """Use the key of a .p12/.pfx file (from a certificate authority) as the cell's key."""
        return self.keys.import_p12(path, passphrase)

    def write_certificate(self, path: Path) -> KeyInfo:
        """Write the cell's certificate to `path`, for enrolment at the superior committee."""
        return self.keys.export_certificate(path)

    def read_certificate(self, path: Path) -> CertificateFile:
        """Read the superior committee's certificate from `path`, to show its fingerprint
        before it is registered; the cell's own certificate is refused."""
        data = read_file(path)
        try:
            info = key_info(load_certificate(data))
        except CryptoError as exc:
            raise UserError(render(exc.message)) from exc
        own = self.keys.info() if self.keys.has_key() else None
        if own is not None and own.fingerprint == info.fingerprint:
            raise UserError(
                _(
                    "This is the cell's own certificate, not the superior committee's. Choose "
                    "the certificate file the superior committee gave you."
                )
            )
        return CertificateFile(data, info)

    def register_superior(self, data: bytes) -> KeyInfo:
        """Keep the superior committee's certificate (its fingerprint compared by phone)."""
        return self.keys.register_superior(data)

    def import_ack(self, path: Path) -> AckImport:
        """Take in the acknowledgement in `path`, checked against the registered superior
        committee's certificate; raises `UserError` with the reason it is refused."""
        data = read_file(path)
        superior = self.keys.superior_certificate()
        trusted = [superior] if superior is not None else []
        return AckImporter(self._services.context).import_ack(data, trusted)
