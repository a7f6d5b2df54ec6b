"""Data folders for the tests of the cell's Reports desk (service and screen), made once per
module because keys are slow to make: the demo cell without a key, the same cell with its key,
and the commune committee that receives its reports and writes acknowledgements."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.services.demo import fill_demo
from app.services.inbox import InboxService
from app.services.inbox_ack import AckService
from app.services.inbox_import import InboxImporter
from app.services.report_export import ReportExportService
from tests.integration.inbox_world import (
    COMMUNE,
    PASSPHRASE,
    certificate_bytes,
    copy_folder,
    identity_of,
    make_receiver,
    open_services,
)

__all__ = ["PASSPHRASE", "DeskWorld", "acknowledgement", "build_desk_world", "copy_folder"]


@dataclass(frozen=True)
class DeskWorld:
    """Template folders: copy them (`copy_folder`) before changing anything."""

    cell: Path  # the demo cell, no key yet
    cell_with_key: Path  # the demo cell with its signing key
    commune: Path  # the receiving Đảng ủy xã, with its key


def build_desk_world(root: Path) -> DeskWorld:
    cell = root / "cell"
    services = open_services(cell)
    try:
        fill_demo(services)
    finally:
        services.close()
    cell_with_key = copy_folder(cell, root / "cell-with-key")
    services = open_services(cell_with_key)
    try:
        ReportExportService(services).signing_identity(PASSPHRASE)
    finally:
        services.close()
    commune = root / "commune"
    make_receiver(commune, COMMUNE)
    return DeskWorld(cell, cell_with_key, commune)


def acknowledgement(world: DeskWorld, cell: Path, report: Path, target: Path) -> Path:
    """A fresh copy of the commune registers `cell`, imports `report` from it and writes the
    signed acknowledgement to `target`."""
    commune = copy_folder(world.commune, target.parent / f"commune-for-{target.stem}")
    services = open_services(commune)
    try:
        InboxService(services.context).add_sender(certificate_bytes(cell))
        outcome = InboxImporter(services.context, services.paths).import_files(
            [report], lambda: identity_of(commune)
        )
        assert outcome.accepted == 1
        acks = AckService(services.context)
        report_id = acks.report_of_file(report.read_bytes())
        return acks.acknowledge(report_id, identity_of(commune), target).path
    finally:
        services.close()
