"""A small world for the receiver's tests, made once per module (keys are slow to make): two
registered cells and one stranger, a commune committee (the receiver) and another committee,
and the report files the cells exported onto a "USB stick" folder.

Each test gets fresh copies of the data folders, so imports in one test never leak into another.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from app.crypto.identity import SigningIdentity
from app.domain.periods import parse_period
from app.services.demo import fill_demo
from app.services.dto import CellInput
from app.services.facade import Services
from app.services.inbox import InboxService
from app.services.inbox_ack import receiver_identity
from app.services.inbox_dto import ReceiverInput
from app.services.keys import KeyService
from app.services.report_export import ReportExportService

TODAY = dt.date(2026, 11, 23)
PASSPHRASE = "Chi bộ vững mạnh 2026"
COMMUNE = ReceiverInput(
    committee_name="Đảng ủy xã Lũng Cú",
    superior_body="ĐẢNG BỘ TỈNH TUYÊN QUANG",
    superior_committee="Ban Thường vụ Tỉnh ủy Tuyên Quang",
    place_name="Lũng Cú",
    signer_name="Nguyễn Văn Bình",
    signer_title="BÍ THƯ",
    term_start=dt.date(2025, 10, 1),
)
OTHER_COMMUNE = replace(COMMUNE, committee_name="Đảng ủy xã Mã Pì Lèng")


@dataclass(frozen=True)
class World:
    """Data folders (templates: copy before changing) and the exported files by name."""

    cell_a: Path
    #: Cell A's data folder as it was after its first export: a restored old backup.
    cell_a_backup: Path
    cell_b: Path
    stranger: Path
    commune: Path
    other: Path
    files: dict[str, Path]


def open_services(folder: Path) -> Services:
    return Services.open(folder, today=lambda: TODAY)


def make_cell(folder: Path, name: str) -> None:
    """A demo cell renamed `name`, with its signing key."""
    services = open_services(folder)
    try:
        fill_demo(services)
        cell = services.cell.get()
        assert cell is not None
        fields = {f.name: getattr(cell, f.name) for f in dataclasses.fields(CellInput)}
        services.cell.save(CellInput(**{**fields, "name": name}))
        ReportExportService(services).signing_identity(PASSPHRASE)
    finally:
        services.close()


def make_receiver(folder: Path, profile: ReceiverInput) -> None:
    """A receiver's data folder with its profile and key."""
    services = open_services(folder)
    try:
        InboxService(services.context).save_receiver(profile)
        receiver_identity(services.context, KeyService(folder), PASSPHRASE)
    finally:
        services.close()


def identity_of(folder: Path) -> SigningIdentity:
    return KeyService(folder).identity(PASSPHRASE)


def certificate_bytes(folder: Path) -> bytes:
    return KeyService(folder).certificate_path.read_bytes()


def export(folder: Path, period: str, target: Path, encrypt_for: Path | None = None) -> Path:
    """Export the report of `period` from the cell in `folder` to `target`."""
    services = open_services(folder)
    try:
        exporter = ReportExportService(services)
        recipient = KeyService(encrypt_for).certificate() if encrypt_for else None
        return exporter.export(parse_period(period), target, identity_of(folder), recipient).path
    finally:
        services.close()


def build_world(root: Path) -> World:
    cell_a, cell_b, stranger = root / "cell-a", root / "cell-b", root / "stranger"
    commune, other = root / "commune", root / "other"
    make_cell(cell_a, "Chi bộ thôn Lũng Cú")
    make_cell(cell_b, "Chi bộ thôn Thèn Pả")
    make_cell(stranger, "Chi bộ thôn Lạ")
    make_receiver(commune, COMMUNE)
    make_receiver(other, OTHER_COMMUNE)
    usb = root / "usb"
    usb.mkdir()
    files = {
        # Cell A: serials 1 to 4; November twice (3 corrects 2).
        "a1-oct": export(cell_a, "2026-10", usb / "a1-oct.scb", encrypt_for=commune),
    }
    backup = copy_folder(cell_a, root / "cell-a-backup")
    files |= {
        "a2-nov": export(cell_a, "2026-11", usb / "a2-nov.scb"),
        "a3-nov": export(cell_a, "2026-11", usb / "a3-nov.scb", encrypt_for=commune),
        "a4-q3": export(cell_a, "2026-Q3", usb / "a4-q3.scb"),
        "b1-nov": export(cell_b, "2026-11", usb / "b1-nov.scb", encrypt_for=commune),
        "stranger": export(stranger, "2026-11", usb / "stranger.scb"),
        "for-other": export(cell_b, "2026-11", usb / "b2-for-other.scb", encrypt_for=other),
    }
    return World(cell_a, backup, cell_b, stranger, commune, other, files)


def copy_folder(source: Path, target: Path) -> Path:
    """A fresh copy of a data folder (the database and the keys)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("backups"))
    return target
