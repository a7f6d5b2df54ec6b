"""`sochibo selftest`: checks that this copy of the program works on this computer.

Run after an install (or by a support person on the phone with a secretary): one line per
check, "OK", "LỖI" (failed) or "BỎ QUA" (skipped), and a non-zero exit code if any check failed.
Everything is checked on throwaway data (a temporary folder, a made-up document) except the
data folder itself, where one probe file is written and removed again.

Qt: the window check uses the platform the program would use; on Linux without a display
(DISPLAY / WAYLAND_DISPLAY unset) it uses Qt's offscreen platform. With `--no-gui` the probe
window is only drawn into an image; without it, the results are also shown in a window that
stays until it is closed (not when the platform is offscreen, where nobody could close it).

Wine (used to smoke-test the Windows installer on Linux) lacks two Windows system libraries:
icuuc.dll (Qt) and bcryptprimitives.dll (cryptography). Only when both the loader failure and
the missing library are seen under Wine is a check reported as skipped; on real Windows the
same failure is a failure.
"""

from __future__ import annotations

import argparse
import ctypes
import datetime as dt
import functools
import io
import os
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Literal

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from app.commands.common import StandaloneHandler
from app.exit_codes import EXIT_OK, EXIT_REFUSED
from app.l10n import _, catalog_files, current_language, pgettext, render, set_language
from app.reports.fonts import FAMILY, document_fonts
from app.reports.layout import SignatureBlock, TextBlock, render_document
from app.reports.snapshots import DocumentHeader
from app.services.facade import Services
from app.storage.database import head_revision, stored_revision

Status = Literal["ok", "fail", "skip"]

_VOWELS = "aăâeêioôơuưy"
_TONE_MARKS = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_CONSONANTS = "bcdđghklmnpqrstvx"
#: A msgid every build ships (the command line's help option) and its Vietnamese text.
_PROBE_MSGID = "show this help and exit"
#: Vietnamese names drawn into the probe PDF and the probe window.
PROBE_TEXT = "Chi bộ thôn Lũng Cú: Nguyễn Thị Ánh Tuyết, Hoàng Văn Đức, Phạm Thị Thu Trang"
#: Syllables with stacked marks (ắ, ẩ, ễ, ộ, ợ, ự...), which a font lacking Vietnamese drops.
_PROBE_SENTENCE = (
    "Ắt ẳng ẵng ặc ầm ẩn ẫy ậu ềnh ểu ễnh ệt ỉa ịt ổn ỗi ộp ờn ởi ỡ ợt ừng ửa ữu ựa ỳ ỷ ỹ ỵ"
)


def vietnamese_letters() -> str:
    """The 178 letters of Vietnamese (89 lower case, 89 upper case), precomposed (NFC)."""
    lower = [unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONE_MARKS]
    lower += list(_CONSONANTS)
    return "".join(lower) + "".join(letter.upper() for letter in lower)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: its key ("fonts"...), translated name, status and detail."""

    key: str
    name: str
    status: Status
    detail: str


class CheckFailedError(Exception):
    """A check found a problem; the message is a translated one-line detail."""


class CheckSkippedError(Exception):
    """A check cannot run in this environment (Wine); the message says why."""


def _check_fonts() -> str:
    faces = document_fonts()  # raises when a font file is missing or damaged
    letters = vietnamese_letters()
    for face in (faces.regular, faces.bold, faces.italic, faces.bold_italic):
        covered = pdfmetrics.getFont(face).face.charToGlyph
        missing = "".join(letter for letter in letters if ord(letter) not in covered)
        if missing:
            raise CheckFailedError(
                _("the font {face} lacks {count} Vietnamese letters: {letters}").format(
                    face=face, count=len(missing), letters=missing
                )
            )
    return _("4 faces of {family}, all {count} Vietnamese letters").format(
        family=FAMILY, count=len(letters)
    )


def _check_catalogs() -> str:
    previous = current_language()
    try:
        set_language("vi")
        translated = _(_PROBE_MSGID)
        count = len(catalog_files("vi"))
    finally:
        set_language(previous)
    if translated == _PROBE_MSGID:
        raise CheckFailedError(_("the Vietnamese catalogs give no translation"))
    return _("{count} Vietnamese catalogs; “{msgid}” → “{text}”").format(
        count=count, msgid=_PROBE_MSGID, text=translated
    )


def _check_data_folder(data_dir: Path) -> str:
    data_dir.mkdir(parents=True, exist_ok=True)
    probe = data_dir / f".selftest-{os.getpid()}.tmp"
    payload = PROBE_TEXT.encode("utf-8")
    try:
        probe.write_bytes(payload)
        read_back = probe.read_bytes()
    finally:
        probe.unlink(missing_ok=True)
    if read_back != payload or probe.exists():
        raise CheckFailedError(
            _("a test file in {folder} did not read back").format(folder=data_dir)
        )
    return _("{folder}: a test file was written, read back and removed").format(folder=data_dir)


def _check_database() -> str:
    # ignore_cleanup_errors: on Windows a virus scanner may still hold the file for a moment.
    with tempfile.TemporaryDirectory(prefix="sochibo-selftest-", ignore_cleanup_errors=True) as tmp:
        services = Services.open(Path(tmp))
        try:
            members = services.members.list()
            paths = services.paths
        finally:
            services.close()
        revision = stored_revision(paths.database, paths.backups)
    if revision != head_revision():
        raise CheckFailedError(
            _("the new database is at schema {found}, not {head}").format(
                found=revision, head=head_revision()
            )
        )
    return _("created in a temporary folder, schema {head}, {count} members").format(
        head=revision, count=len(members)
    )


def _normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@functools.cache
def _probe_pdf() -> bytes:
    """A one-page Party document with Vietnamese text, rendered once per run."""
    header = DocumentHeader(
        superior_body="Đảng bộ xã Lũng Cú",
        issuing_body="Chi bộ thôn Lũng Cú",
        number="Số 01-BC/CB",
        place="Lũng Cú",
        date=dt.date(2026, 2, 5),
    )
    signature = SignatureBlock(
        right_title="T/M CHI BỘ", right_subtitle="BÍ THƯ", right_name="Sùng Mí Páo"
    )
    body = (TextBlock(PROBE_TEXT), TextBlock(_PROBE_SENTENCE))
    return render_document(header, "BÁO CÁO", "Kiểm tra tiếng Việt", body, signature)


def inked_share(pdf: bytes) -> float:
    """The share of dark pixels on page 1 of `pdf` as PDFium draws it in grey at 50 dpi.

    PDFium is what the print preview and printing rasterise pages with.
    """
    # Imported here, not at the top: pypdfium2 takes about 0.1 s to import, and every
    # sub-command imports this module.
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        try:
            bitmap = page.render(scale=50 / 72, grayscale=True)
            try:
                data = bytes(bitmap.buffer)
                width: int = bitmap.width
                height: int = bitmap.height
                stride: int = bitmap.stride
                row_bytes: int = width * bitmap.n_channels
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        document.close()
    rows = (data[row * stride : row * stride + row_bytes] for row in range(height))
    dark = sum(1 for row in rows for value in row if value < 128)
    return dark / (height * row_bytes)


def _check_pdf() -> str:
    pdf = _probe_pdf()
    text = _normalised(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    expected = ("ĐẢNG CỘNG SẢN VIỆT NAM", "CHI BỘ THÔN LŨNG CÚ", PROBE_TEXT, _PROBE_SENTENCE)
    lost = [phrase for phrase in expected if _normalised(phrase) not in text]
    if lost:
        raise CheckFailedError(
            _("the text read back from the PDF lacks: {phrases}").format(phrases=" | ".join(lost))
        )
    # A text page inks a few per cent of its area; nothing (or everything) means PDFium failed.
    if not 0.001 < inked_share(pdf) < 0.5:
        raise CheckFailedError(_("PDFium (print preview) draws the test page blank"))
    return _(
        "{size} KB, the Vietnamese text reads back unchanged; PDFium (print preview) draws it"
    ).format(size=len(pdf) // 1024)


def under_wine() -> bool:
    """True when running on Wine rather than real Windows (ntdll exports wine_get_version)."""
    if sys.platform != "win32":
        return False
    return hasattr(ctypes.WinDLL("ntdll.dll"), "wine_get_version")


def missing_windows_library(name: str) -> bool:
    """True on Windows when the system library `name` (e.g. "icuuc.dll") cannot be loaded."""
    if sys.platform != "win32":
        return False
    try:
        ctypes.WinDLL(name)
    except OSError:
        return True
    return False


def explain_import_error(error: ImportError, library: str) -> Exception:
    """The outcome of a module that failed to load: skipped under Wine when `library` is the
    Windows system library Wine lacks, a failure naming that library on real Windows."""
    if "DLL load failed" in str(error) and missing_windows_library(library):
        if under_wine():
            return CheckSkippedError(
                _("Wine lacks the Windows library {library}; check on real Windows").format(
                    library=library
                )
            )
        return CheckFailedError(
            _("the Windows library {library} is missing: Windows 10 or newer is needed").format(
                library=library
            )
        )
    return CheckFailedError(_("cannot load: {error}").format(error=error))


def show_windows_message(title: str, text: str) -> bool:
    """Show `text` in a Windows message box (no Qt needed); False elsewhere."""
    if sys.platform != "win32":
        return False
    ctypes.windll.user32.MessageBoxW(None, text, title, 0x40)  # MB_ICONINFORMATION
    return True


def choose_qt_platform() -> str | None:
    """Set Qt's offscreen platform on Linux without a display; returns the platform chosen.

    A platform the user set in QT_QPA_PLATFORM is kept.
    """
    chosen = os.environ.get("QT_QPA_PLATFORM")
    if chosen:
        return chosen
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return "offscreen"
    return None


def _load_qt() -> ModuleType:
    try:
        # Imported here, not at the top: a Qt that cannot load (as under Wine) must not stop
        # the other checks, and the command line never loads Qt otherwise.
        from app.ui import selftest_window
    except ImportError as error:
        raise explain_import_error(error, "icuuc.dll") from error
    return selftest_window


def _check_window() -> str:
    qt = _load_qt()
    with tempfile.TemporaryDirectory(prefix="sochibo-selftest-", ignore_cleanup_errors=True) as tmp:
        probe = qt.probe_window(PROBE_TEXT, Path(tmp) / "printed.pdf")
    drawn = _("a window drawn on the {platform} platform, {width}×{height} pixels").format(
        platform=probe.platform, width=probe.width, height=probe.height
    )
    return _("{window}; a test page printed to a PDF file ({size} KB)").format(
        window=drawn, size=max(1, probe.printed_bytes // 1024)
    )


def _check_signing() -> str:
    try:
        # Imported here, not at the top: a cryptography that cannot load (Wine, Windows before
        # 10) must not stop the other checks.
        from app.crypto import identity, pdfsign, verify
    except ImportError as error:
        raise explain_import_error(error, "bcryptprimitives.dll") from error
    # A throwaway key: nothing is written to the data folder's keys/.
    signer = identity.generate_identity("Sùng Mí Páo", "Chi bộ thôn Lũng Cú", "Đảng ủy xã Lũng Cú")
    attachment = {"selftest.json": PROBE_TEXT.encode("utf-8")}
    signed = pdfsign.sign_pdf(_probe_pdf(), attachment, signer, "Tự kiểm tra", "Lũng Cú")
    result = verify.verify_pdf(signed, [signer.certificate])
    if not result.valid or dict(result.attachments) != attachment:
        reason = render(result.reason) if result.reason else ""
        raise CheckFailedError(
            _("the signed test PDF did not verify: {reason}").format(reason=reason)
        )
    # One changed byte of the signed content must be caught, or verification proves nothing.
    middle = len(_probe_pdf()) // 2
    altered = signed[:middle] + bytes([signed[middle] ^ 0x01]) + signed[middle + 1 :]
    if verify.verify_pdf(altered, [signer.certificate]).valid:
        raise CheckFailedError(_("a changed byte in a signed test PDF was not detected"))
    return _("a test PDF was signed with a throwaway key and verified; a changed byte is caught")


def _run_one(key: str, name: str, check: Callable[[], str]) -> CheckResult:
    try:
        return CheckResult(key, name, "ok", check())
    except CheckSkippedError as skipped:
        return CheckResult(key, name, "skip", str(skipped))
    except CheckFailedError as failed:
        return CheckResult(key, name, "fail", str(failed))
    except Exception as error:  # a self-test reports every crash of a check as its failure
        return CheckResult(key, name, "fail", f"{type(error).__name__}: {error}")


def run_checks(data_dir: Path) -> list[CheckResult]:
    """Run every check in order; a check that crashes is reported as failed, never raised."""
    checks: list[tuple[str, str, Callable[[], str]]] = [
        ("fonts", _("Fonts"), _check_fonts),
        ("catalogs", _("Translations"), _check_catalogs),
        ("data_folder", _("Data folder"), lambda: _check_data_folder(data_dir)),
        ("database", _("Database"), _check_database),
        ("pdf", _("PDF document"), _check_pdf),
        ("signing", _("Digital signature"), _check_signing),
        ("window", _("Window (Qt)"), _check_window),
    ]
    return [_run_one(key, name, check) for key, name, check in checks]


def format_result(result: CheckResult) -> str:
    """One output line: the status word, the check's name and the detail."""
    words = {
        "ok": pgettext("selftest", "OK"),
        "fail": pgettext("selftest", "FAILED"),
        "skip": pgettext("selftest", "SKIPPED"),
    }
    return f"{words[result.status]:<8} {result.name}: {result.detail}"


def _summary(results: list[CheckResult]) -> str:
    counts = {status: sum(r.status == status for r in results) for status in ("ok", "fail", "skip")}
    return _("{ok} passed, {failed} failed, {skipped} skipped").format(
        ok=counts["ok"], failed=counts["fail"], skipped=counts["skip"]
    )


def run_selftest(args: argparse.Namespace, data_dir: Path) -> int:
    """`sochibo selftest [--no-gui]`: print one line per check; exit 1 if any check failed."""
    choose_qt_platform()
    results = run_checks(data_dir)
    lines = [format_result(result) for result in results]
    lines.append(_summary(results))
    for line in lines:
        print(line, flush=True)
    window_ok = any(r.key == "window" and r.status == "ok" for r in results)
    title = _("Sổ Chi bộ self-test")
    if not args.no_gui and window_ok:
        _load_qt().show_results(title, lines)
    elif not args.no_gui and sys.stdout is None:
        # Started from the Start menu (pythonw.exe or the windowed program: no console) on a PC
        # where Qt does not load: exactly when the results matter most, so Windows shows them.
        show_windows_message(title, "\n".join(lines))
    return EXIT_REFUSED if any(r.status == "fail" for r in results) else EXIT_OK


STANDALONE_HANDLERS: dict[tuple[str, str | None], StandaloneHandler] = {
    ("selftest", None): run_selftest,
}
