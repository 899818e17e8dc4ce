"""Qt translations of the window: Spanish source strings, an English catalog.

UI strings are written in Spanish in `self.tr("...")` (or `QCoreApplication.translate`), like the
core's `_()`. `resources/i18n/qt/pazos_en.ts` holds their English translations. At start-up the
`.ts` is compiled to `.qm` with PySide6's `lrelease` when the `.qm` is missing or older (no
manual step); when that is impossible (no lrelease, read-only folder) the `.ts` XML is read
directly by `TsTranslator`. `tools/qt_catalog.py` adds new strings to the `.ts`.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from pazos_desktop.paths import resource_path

log = logging.getLogger("pazos.i18n")
_installed: QTranslator | None = None


def ts_path(lang: str) -> Path:
    return resource_path("i18n", "qt", f"pazos_{lang}.ts")


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation, finished entries only."""
    import xml.etree.ElementTree as ET

    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if tr.text:
                found[(name, message.findtext("source", ""))] = tr.text
    return found


class TsTranslator(QTranslator):
    """Translates straight from the .ts XML: the fallback when no .qm can be made."""

    def __init__(self, path: Path):
        super().__init__()
        self.entries = read_ts(path)

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.entries.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return not self.entries


def _lrelease() -> Path | None:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        if (folder / name).exists():
            return folder / name
    return None


def compiled_qm(ts: Path) -> Path | None:
    """The .qm for `ts`, compiled now if missing or stale; None when it cannot be made."""
    import subprocess
    import tempfile

    for qm in (ts.with_suffix(".qm"), Path(tempfile.gettempdir()) / f"pazos-{ts.stem}.qm"):
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            return qm
        tool = _lrelease()
        if tool is None:
            return None
        try:
            subprocess.run(
                [str(tool), "-silent", str(ts), "-qm", str(qm)],
                check=True,
                capture_output=True,
                timeout=60,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("lrelease failed for %s: %s", qm, exc)
            continue
        if qm.exists():
            return qm
    return None


def make_translator(lang: str) -> QTranslator | None:
    """A translator for `lang`, or None for Spanish (the source language)."""
    ts = ts_path(lang)
    if lang == "es" or not ts.exists():
        return None
    qm = compiled_qm(ts)
    translator = QTranslator()
    if qm is not None and translator.load(str(qm)):
        return translator
    return TsTranslator(ts)


def apply_language(lang: str) -> str:
    """Switch the window's and the core's language; returns the language in effect."""
    global _installed
    from pazos_desktop import i18n

    lang = i18n.set_language(lang)
    app = QCoreApplication.instance()
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    translator = make_translator(lang)
    if translator is not None:
        app.installTranslator(translator)
        _installed = translator
    return lang


def explicit_language(argv: list[str] | None = None) -> bool:
    """True when --lang or PAZOS_LANG chose the language for this run (it beats preferences)."""
    import os

    argv = sys.argv if argv is None else argv
    return any(a == "--lang" or a.startswith("--lang=") for a in argv) or bool(
        os.environ.get("PAZOS_LANG")
    )
