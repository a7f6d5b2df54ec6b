"""Prune the Windows image (build/windows/image) and check that nothing it needs was cut.

    python3 packaging/prune_windows.py IMAGE_FOLDER

The image holds the embeddable CPython (Python/), the Windows wheels installed into lib/, and
the program (app/, resources/, i18n/). Removed: Qt modules, plugins and tools the program never
uses (the modules it imports are read from app/, see qt_modules.py), type stubs, headers,
babel's locale data other than Vietnamese and English, and console-script launchers.

Then every .exe/.dll/.pyd left is read with objdump: each DLL it imports must be in the image
or be a Windows system library. Qt cannot load under Wine, so this is the only check here that
the pruning kept every library Qt needs on a real Windows machine.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from qt_modules import used_qt_modules

#: Qt6Svg.dll is kept without its Python module: the SVG image and icon plugins load it.
QT_PLUGIN_DLLS = {"Qt6Svg.dll"}
QT_KEEP_PLUGINS = {
    "platforms": {"qwindows.dll", "qoffscreen.dll", "qminimal.dll"},
    "styles": {"qmodernwindowsstyle.dll"},
    "imageformats": {"qico.dll", "qjpeg.dll", "qgif.dll", "qsvg.dll"},
    "iconengines": {"qsvgicon.dll"},
}
PYSIDE_DROP_DIRS = {
    "doc", "glue", "include", "lib", "metatypes", "qml", "resources", "scripts", "translations",
    "typesystems",
}  # fmt: skip
# Software OpenGL, QML bindings and C++ AMP: nothing in a widgets program loads them.
UNUSED_DLLS = {"opengl32sw.dll", "pyside6qml.abi3.dll", "vcamp140.dll"}
BABEL_KEEP = {"root", "en", "en_001", "en_150", "en_GB", "en_US", "vi", "vi_VN"}

# Libraries every Windows 10/11 has. icuuc.dll (Qt) and bcryptprimitives.dll (cryptography) are
# the two that Wine 8 lacks.
SYSTEM_DLLS = {
    name.lower()
    for name in """
    advapi32.dll authz.dll bcrypt.dll bcryptprimitives.dll comctl32.dll comdlg32.dll crypt32.dll
    d3d11.dll d3d12.dll d3d9.dll dcomp.dll dwmapi.dll dwrite.dll dxgi.dll gdi32.dll gdiplus.dll
    icu.dll icuin.dll icuuc.dll imm32.dll iphlpapi.dll kernel32.dll mpr.dll msimg32.dll
    msvcrt.dll ncrypt.dll netapi32.dll ntdll.dll ole32.dll oleacc.dll oleaut32.dll opengl32.dll
    propsys.dll rpcrt4.dll secur32.dll setupapi.dll shcore.dll shell32.dll shlwapi.dll
    user32.dll userenv.dll usp10.dll uxtheme.dll version.dll winmm.dll winspool.drv ws2_32.dll
    wtsapi32.dll dnsapi.dll cfgmgr32.dll psapi.dll normaliz.dll wintrust.dll powrprof.dll
    wldap32.dll d2d1.dll dbghelp.dll cabinet.dll msi.dll mscms.dll uiautomationcore.dll
    """.split()
}


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def prune_pyside(pyside: Path, modules: set[str]) -> None:
    """Keep the Qt `modules` the program uses, their DLLs and the plugins they load."""
    missing = sorted(name for name in modules if not (pyside / f"{name}.pyd").exists())
    if missing:
        raise SystemExit(f"Qt modules the program imports are not in the wheel: {missing}")
    keep_dlls = {f"Qt6{name.removeprefix('Qt')}.dll" for name in modules} | QT_PLUGIN_DLLS
    for name in PYSIDE_DROP_DIRS:
        _remove(pyside / name)
    for item in pyside.iterdir():
        if item.suffix == ".pyd" and item.stem not in modules:
            _remove(item)
        elif item.suffix == ".dll" and item.name.startswith("Qt6") and item.name not in keep_dlls:
            _remove(item)
        elif item.suffix in {".exe", ".pyi", ".lib"} or item.name in UNUSED_DLLS:
            _remove(item)
    plugins = pyside / "plugins"
    for folder in list(plugins.iterdir()):
        keep = QT_KEEP_PLUGINS.get(folder.name)
        if keep is None:
            _remove(folder)
            continue
        for plugin in folder.iterdir():
            if plugin.name not in keep:
                _remove(plugin)


def prune_lib(lib: Path, modules: set[str]) -> None:
    """Prune the installed wheels: Qt, babel's locales, stubs, headers, launchers."""
    prune_pyside(lib / "PySide6", modules)
    for name in ("include", "lib", *UNUSED_DLLS):
        _remove(lib / "shiboken6" / name)
    for item in (lib / "babel" / "locale-data").glob("*.dat"):
        if item.stem not in BABEL_KEEP:
            item.unlink()
    _remove(lib / "bin")  # console-script launchers of the wheels: the program has its own
    for pattern in ("**/*.pyi", "**/*.lib", "**/__pycache__"):
        for item in list(lib.glob(pattern)):
            _remove(item)


_DLL_NAME = re.compile(r"^\s*DLL Name: (\S+)", re.MULTILINE)


def imported_dlls(binary: Path) -> set[str]:
    """The DLL names a PE file imports, in lower case (objdump -p)."""
    output = subprocess.run(
        ["objdump", "-p", str(binary)], capture_output=True, text=True, check=True
    ).stdout
    return {name.lower() for name in _DLL_NAME.findall(output)}


def missing_imports(image: Path) -> dict[str, set[str]]:
    """{binary: DLLs it imports that are neither in the image nor Windows system libraries}."""
    binaries = [p for p in image.rglob("*") if p.suffix.lower() in {".dll", ".pyd", ".exe"}]
    present = {p.name.lower() for p in binaries}
    missing: dict[str, set[str]] = {}
    for binary in binaries:
        absent = {
            name
            for name in imported_dlls(binary)
            if name not in present
            and name not in SYSTEM_DLLS
            and not name.startswith(("api-ms-win-", "ext-ms-"))
        }
        if absent:
            missing[str(binary.relative_to(image))] = absent
    return missing


def main(argv: list[str]) -> int:
    image = Path(argv[1])
    qt = used_qt_modules(image / "app")
    prune_lib(image / "lib", qt)
    print(f"Qt modules kept: {', '.join(sorted(qt))}")
    missing = missing_imports(image)
    for binary, names in sorted(missing.items()):
        print(f"missing for {binary}: {', '.join(sorted(names))}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
