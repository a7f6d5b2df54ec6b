"""Translations (gettext) and Vietnamese formatting of dates and numbers.

msgids are English; Vietnamese is the default language. Catalogs live in i18n/<lang>/LC_MESSAGES/
<area>.po; the build compiles them to .mo. In a source checkout a missing or stale .mo is
compiled on first use, so `uv run sochibo` works straight from a clone. Each area keeps its own
catalog file (core.po, members.po, ui.po, ...); they are merged into one translation.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gettext
import io
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import i18n_dir

if TYPE_CHECKING:
    # Type hints only: the window's first paint needs no domain messages (start-up speed).
    from app.domain.messages import Message, ParamValue

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
#: (language, catalog folder) of `_translations`; None until `set_language` loads one.
_loaded_from: tuple[str, Path] | None = None


def _compile(po_path: Path) -> bytes:
    # Imported here, not at the top: only a stale or missing .mo needs babel (about 0.1 s to
    # load), and a built program ships compiled catalogs, so the cold start stays lean.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as fh:
        catalog = read_po(fh)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _compiled(path: Path) -> bytes:
    """The compiled catalog of `path`: a shipped .mo, or the .mo of a .po (compiled if stale)."""
    if path.suffix == ".mo":
        return path.read_bytes()
    mo_path = path.with_suffix(".mo")
    if mo_path.exists() and mo_path.stat().st_mtime >= path.stat().st_mtime:
        return mo_path.read_bytes()
    data = _compile(path)
    # A read-only install keeps the compiled catalog in memory only.
    with contextlib.suppress(OSError):
        mo_path.write_bytes(data)
    return data


def catalog_files(lang: str, root: Path | None = None) -> list[Path]:
    """The catalogs of one language: one .po per area (core.po, members.po, ui.po, ...)."""
    folder = (root or i18n_dir()) / lang / "LC_MESSAGES"
    found = sorted(folder.glob("*.po"))
    if found:
        return found
    # A frozen build ships only the compiled .mo files.
    return sorted(folder.glob("*.mo"))


def _load_catalog(lang: str, root: Path) -> gettext.NullTranslations:
    first: gettext.GNUTranslations | None = None
    for path in catalog_files(lang, root):
        data = _compiled(path)
        if first is None:
            first = gettext.GNUTranslations(io.BytesIO(data))  # gives all areas its plural rule
            continue
        table = _mo_table(data)
        if table is None:
            table = gettext.GNUTranslations(io.BytesIO(data))._catalog  # type: ignore[attr-defined]
        _merge_into(first, table)
    return first or gettext.NullTranslations()


def _merge_into(target: gettext.GNUTranslations, part: dict[object, str]) -> None:
    # One table instead of a chain of fallbacks: a chain costs one lookup per area catalog for
    # every text, and Qt alone asks for some 250 texts while the window is built. The areas
    # never define the same msgid (a test checks), so the order does not matter.
    table: dict[object, str] = target._catalog  # type: ignore[attr-defined]
    for key, text in part.items():
        table.setdefault(key, text)


#: A little-endian GNU .mo file, as babel writes it on the machines we build on.
_MO_MAGIC = 0x950412DE


def _mo_table(data: bytes) -> dict[object, str] | None:
    """The translations of a UTF-8 .mo file keyed as gettext keys them, without its header.

    gettext parses each file entry by entry and compiles its plural rule; done here for all the
    area catalogs but the first, this takes half the time (about 2 ms of start-up). None when
    the file is not a well-formed little-endian .mo: gettext then reads it (and reports it).
    """
    if len(data) < 20 or struct.unpack_from("<I", data)[0] != _MO_MAGIC:
        return None
    count, ids_at, texts_at = struct.unpack_from("<3I", data, 8)
    try:
        ids = struct.unpack_from(f"<{2 * count}I", data, ids_at)
        texts = struct.unpack_from(f"<{2 * count}I", data, texts_at)
    except struct.error:
        return None
    offsets = ids + texts  # (length, start) pairs
    if max((offsets[i] + offsets[i + 1] for i in range(0, len(offsets), 2)), default=0) > len(data):
        return None
    table: dict[object, str] = {}
    for i in range(0, 2 * count, 2):
        msgid = data[ids[i + 1] : ids[i + 1] + ids[i]]
        text = data[texts[i + 1] : texts[i + 1] + texts[i]].decode()
        if not msgid:
            continue  # the header: the first catalog's is kept
        if b"\x00" in msgid:  # singular\0plural: one entry per plural form
            singular = msgid.split(b"\x00")[0].decode()
            for form, plural_text in enumerate(text.split("\x00")):
                table[singular, form] = plural_text
        else:
            table[msgid.decode()] = text
    return table


def set_language(lang: str, root: Path | None = None) -> None:
    """Switch every later `_()` call to `lang` ("vi" or "en")."""
    global _translations, _language, _loaded_from
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang}")
    source = (lang, root or i18n_dir())
    if source == _loaded_from:
        return  # the command line and the window both set it at start-up: load once
    _translations = _load_catalog(*source)
    _language = lang
    _loaded_from = source


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """Translate `message` into the current language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def format_date(value: dt.date | None) -> str:
    """Short date as Vietnamese offices write it: 05/02/2026 (empty for None)."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y")


def format_date_long(value: dt.date) -> str:
    """The date line of a Party document: "ngày 05 tháng 02 năm 2026" ("5 February 2026")."""
    if _language == "vi":
        # Party format (05-HD/VPTW): leading zero for days below 10 and for months 1 and 2 only.
        month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
        return f"ngày {value.day:02d} tháng {month} năm {value.year}"
    return f"{value.day} {value.strftime('%B')} {value.year}"


def format_number(value: int | float) -> str:
    """Group thousands the Vietnamese way (1.234.567) or the English way (1,234,567)."""
    text = f"{value:,}"
    if _language == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _render_param(value: ParamValue) -> str:
    # Integers stay plain (years, counts, row numbers); names and codes pass through untouched.
    if isinstance(value, dt.date):
        return format_date(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def render(message: Message) -> str:
    """Translate a domain message and fill in its parameters, formatted for the language."""
    params = {key: _render_param(value) for key, value in message.params.items()}
    return _(message.text).format(**params)
