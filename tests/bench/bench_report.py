"""The signed report file: export and verify, against bare baselines in the same run.

    uv run python tests/bench/bench_report.py [--rounds N]

Budgets (issue "Signed report file"): export and sign a 200-member cell's annual report in at
most 2 s; verify at most 0.1 s per file. Baselines: the bare `render_period_report` of the
same snapshot (what the export adds: reading the data, numbering, JSON, signing, writing,
reading back and verifying), and pyHanko's bare `validate_pdf_signature` of the same file
(what our checks add: the container checks, the pinning and the JSON). Opening the key file
(PBKDF2, deliberately slow) is printed apart: the export wizard opens it once.
Figures are medians of alternating rounds.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from app.crypto.identity import SigningIdentity
from app.domain.periods import Period, year_period
from app.reports.period_report import render_period_report
from app.reports.report_snapshots import ReportSnapshot
from app.services.base import unit_of_work
from app.services.facade import Services
from app.services.report_data import ReportHeading, report_snapshot
from app.services.report_export import ReportExportService
from app.services.report_verify import check_report
from app.storage.models import Cell

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fixtures import make_large_cell  # noqa: E402

EXPORT_BUDGET_S = 2.0
VERIFY_BUDGET_S = 0.1
PASSPHRASE = "Chi bộ vững mạnh 2026"


def _snapshot(services: Services, period: Period) -> ReportSnapshot:
    with unit_of_work(services.context) as session:
        cell = session.get(Cell, 1)
        assert cell is not None
        heading = ReportHeading("Số 99-BC/CB", services.today(), "Đã ký số: —")
        return report_snapshot(session, services.profile, cell, period, heading)


def _bare_validate(data: bytes, identity: SigningIdentity) -> None:
    der = identity.certificate.public_bytes(serialization.Encoding.DER)
    context = ValidationContext(trust_roots=[asn1_x509.Certificate.load(der)])
    embedded = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures[0]
    validate_pdf_signature(embedded, context, skip_diff=True)


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure_report(data_dir: Path, rounds: int) -> dict[str, float]:
    """Medians of export vs bare render, and of verify vs bare pyHanko validation."""
    services = Services.open(data_dir)
    try:
        exporter = ReportExportService(services)
        exporter.signing_identity(PASSPHRASE)  # the key is made on first use
        key_s = _timed(lambda: exporter.signing_identity(PASSPHRASE))
        identity = exporter.signing_identity(PASSPHRASE)
        period = year_period(services.today().year)
        out = data_dir.parent / "out"
        out.mkdir(exist_ok=True)
        snapshot = _snapshot(services, period)
        export, render, verify, bare = [], [], [], []
        target = out / "bao-cao.scb"
        exporter.export(period, target, identity)  # warm caches (fonts, pyHanko imports)
        for index in range(rounds):
            path = out / f"bao-cao-{index}.scb"
            export.append(_timed(lambda p=path: exporter.export(period, p, identity)))
            render.append(_timed(lambda: render_period_report(snapshot)))
            data = path.read_bytes()
            verify.append(_timed(lambda d=data: check_report(d, [identity.certificate])))
            bare.append(_timed(lambda d=data: _bare_validate(d, identity)))
        pages = render_period_report(snapshot).count(b"/Type /Page\n")
        return {
            "members": float(snapshot.members_at_end.total),
            "pages": float(pages),
            "key_s": key_s,
            "export_s": statistics.median(export),
            "render_s": statistics.median(render),
            "verify_s": statistics.median(verify),
            "bare_verify_s": statistics.median(bare),
        }
    finally:
        services.close()


def report(result: dict[str, float]) -> bool:
    """Print the figures; True when both budgets are met."""
    print(
        f"export + sign the annual report ({result['members']:.0f} members on the register, "
        f"{result['pages']:.0f} pages): {result['export_s']:.3f} s; bare render of the same "
        f"snapshot {result['render_s']:.3f} s, ratio {result['export_s'] / result['render_s']:.2f}"
        f" (budget ≤ {EXPORT_BUDGET_S} s); opening the key file {result['key_s']:.3f} s apart"
    )
    print(
        f"verify one report file: {result['verify_s'] * 1000:.1f} ms; bare pyHanko "
        f"validate_pdf_signature {result['bare_verify_s'] * 1000:.1f} ms, ratio "
        f"{result['verify_s'] / result['bare_verify_s']:.2f} "
        f"(budget ≤ {VERIFY_BUDGET_S * 1000:.0f} ms)"
    )
    return result["export_s"] <= EXPORT_BUDGET_S and result["verify_s"] <= VERIFY_BUDGET_S


def measure_in_new_cell(rounds: int) -> dict[str, float]:
    """A 200-member cell in a temporary folder (the demo's former members come on top)."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        make_large_cell(data_dir, members=202)
        return measure_report(data_dir, rounds)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    ok = report(measure_in_new_cell(args.rounds))
    print("all budgets met" if ok else "A BUDGET WAS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
