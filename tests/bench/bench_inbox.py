"""The receiver imports 1,000 report files, against a bare baseline in the same run.

    uv run python tests/bench/bench_inbox.py [--cells N] [--files-per-cell M]

Budget (issue "Signed report file"): the receiver imports 1,000 files in at most 60 s.
The files: 40 cells (each with its own key, registered at the receiver) × 25 reports (months
and quarters over two years, serials 1..25), every other one encrypted for the receiver, all
made from one real export of the demo cell (its report.json re-signed with each cell's key,
serial, period and identity). The baseline reads each file, decrypts it when encrypted and
validates its signature with bare pyHanko: what any verifier must do; it runs before and after
the import, and the mean of the two is the figure (the load of a shared machine drifts). The
import adds the pinning, the JSON checks, the serial-order decisions, the copy into the data
folder and the database rows.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from app.crypto.envelope import decrypt, is_encrypted
from app.crypto.identity import (
    SigningIdentity,
    certificate_pem,
    fingerprint,
    generate_identity,
)
from app.crypto.verify import verify_pdf
from app.domain.periods import Period, month_period, quarter_period
from app.services.demo import fill_demo
from app.services.facade import Services
from app.services.inbox import InboxService
from app.services.inbox_ack import receiver_identity
from app.services.inbox_import import InboxImporter
from app.services.keys import KeyService
from app.services.report_export import REPORT_ATTACHMENT, ReportExportService
from app.services.signed_files import sign_and_seal

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.integration.inbox_world import COMMUNE  # noqa: E402

IMPORT_BUDGET_S = 60.0
PASSPHRASE = "Chi bộ vững mạnh 2026"


def _template(root: Path) -> tuple[bytes, dict[str, object]]:
    """The unsigned PDF and the report data of one real export of the demo cell."""
    services = Services.open(root / "demo")
    try:
        fill_demo(services)
        exporter = ReportExportService(services)
        identity = exporter.signing_identity(PASSPHRASE)
        path = exporter.export(month_period(2026, 10), root / "demo.scb", identity).path
    finally:
        services.close()
    data = path.read_bytes()
    payload = json.loads(verify_pdf(data, []).attachments[REPORT_ATTACHMENT])
    # The report's own PDF before signing: everything up to the incremental update.
    pdf = data[: data.index(b"%%EOF") + len(b"%%EOF\n")]
    return pdf, payload


def _periods(count: int) -> list[Period]:
    found: list[Period] = []
    for year in (2025, 2026):
        for month in range(1, 13):
            found.append(month_period(year, month))
            if month % 3 == 0:
                found.append(quarter_period(year, month // 3))
    return found[:count]


def _files(
    root: Path, cells: int, per_cell: int, receiver_cert: object
) -> tuple[list[Path], list[SigningIdentity]]:
    pdf, template = _template(root)
    folder = root / "usb"
    folder.mkdir()
    identities: list[SigningIdentity] = []
    files: list[Path] = []
    for number in range(1, cells + 1):
        name = f"Chi bộ thôn {number}"
        identity = generate_identity(f"Bí thư {number}", name, COMMUNE.committee_name)
        identities.append(identity)
        uid = str(uuid.uuid4())
        for serial, period in enumerate(_periods(per_cell), start=1):
            payload = json.loads(json.dumps(template))
            payload["cell"] = {**payload["cell"], "uid": uid, "name": name}
            payload["serial"] = serial
            payload["period"] = {
                "kind": str(period.kind),
                "label": period.label,
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
            }
            payload["signer"] = {
                "name": f"Bí thư {number}",
                "fingerprint": fingerprint(identity.certificate),
            }
            raw = (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            encrypt = receiver_cert if serial % 2 else None
            data = sign_and_seal(
                pdf,
                REPORT_ATTACHMENT,
                raw,
                identity,
                reason="",
                location="",
                encrypt_to=encrypt,  # type: ignore[arg-type]
            )
            path = folder / f"cb{number:03d}-{serial:02d}.scb{'.p7m' if encrypt else ''}"
            path.write_bytes(data)
            files.append(path)
    return files, identities


def _baseline(
    files: list[Path], receiver: SigningIdentity, trusted: list[SigningIdentity]
) -> float:
    roots = [
        asn1_x509.Certificate.load(i.certificate.public_bytes(serialization.Encoding.DER))
        for i in trusted
    ]
    context = ValidationContext(trust_roots=roots)
    start = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        if is_encrypted(data):
            data = decrypt(data, receiver)
        embedded = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures[0]
        validate_pdf_signature(embedded, context, skip_diff=True)
    return time.perf_counter() - start


def measure(cells: int, per_cell: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        services = Services.open(root / "commune")
        try:
            inbox = InboxService(services.context)
            inbox.save_receiver(COMMUNE)
            keys = KeyService(services.paths.root)
            receiver = receiver_identity(services.context, keys, PASSPHRASE)
            made = time.perf_counter()
            files, identities = _files(root, cells, per_cell, receiver.certificate)
            made = time.perf_counter() - made
            for identity in identities:
                inbox.add_sender(certificate_pem(identity.certificate))
            # The machine's load moves over the minutes: the baseline runs before and after
            # the import and their mean is compared.
            before = _baseline(files, receiver, identities)
            importer = InboxImporter(services.context, services.paths)
            start = time.perf_counter()
            outcome = importer.import_files([root / "usb"], lambda: receiver)
            elapsed = time.perf_counter() - start
            baseline = (before + _baseline(files, receiver, identities)) / 2
            assert outcome.accepted == len(files), [f.reason for f in outcome.files][:3]
            start = time.perf_counter()
            inbox.period_table(month_period(2026, 10))
            table = time.perf_counter() - start
        finally:
            services.close()
    return {
        "files": float(len(files)),
        "import_s": elapsed,
        "baseline_s": baseline,
        "table_s": table,
        "made_s": made,
    }


def report(result: dict[str, float]) -> bool:
    """Print the figures; True when the budget is met (scaled to 1,000 files)."""
    per_thousand = result["import_s"] * 1000 / result["files"]
    print(
        f"receiver imports {result['files']:.0f} report files: {result['import_s']:.1f} s "
        f"({per_thousand:.1f} s per 1,000); bare read + decrypt + pyHanko validation "
        f"{result['baseline_s']:.1f} s, ratio {result['import_s'] / result['baseline_s']:.2f} "
        f"(budget ≤ {IMPORT_BUDGET_S:.0f} s per 1,000); the table across cells afterwards "
        f"{result['table_s'] * 1000:.0f} ms"
    )
    return per_thousand <= IMPORT_BUDGET_S


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cells", type=int, default=40)
    parser.add_argument("--files-per-cell", type=int, default=25)
    args = parser.parse_args()
    ok = report(measure(args.cells, args.files_per_cell))
    print("budget met" if ok else "THE BUDGET WAS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
