"""Compile every i18n/<lang>/LC_MESSAGES/*.po into the .mo file a built program reads.

Run with the project's environment: `uv run python packaging/compile-catalogs.py`.
Fails (exit 1) on a catalog with errors, so a broken translation never reaches a build.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    catalogs = sorted((ROOT / "i18n").glob("*/LC_MESSAGES/*.po"))
    for po_path in catalogs:
        with po_path.open("rb") as fh:
            catalog = read_po(fh, abort_invalid=True)
        with po_path.with_suffix(".mo").open("wb") as fh:
            write_mo(fh, catalog)
    print(f"compiled {len(catalogs)} catalogs")
    return 0 if catalogs else 1


if __name__ == "__main__":
    sys.exit(main())
