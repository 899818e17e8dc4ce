"""The user manual (docs/manual/): every picture and link leads somewhere, the screenshot script
takes exactly the pictures the chapters show, `main.py manual` writes one PDF with a contents page
and page numbers, and F1 opens the open view's chapter in the window (offline: pictures from
disk, links followed inside the program)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument, QTextImageFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid
from window_support import wait_dialog

from pazos_desktop.cli import main as cli_main
from pazos_desktop.documents.manual import chapters
from pazos_desktop.documents.manual.chapters import CHAPTERS, INDEX, manual_folder, problems
from ui.editors import EDITORS
from ui.manual.window import VIEW_CHAPTERS, ManualWindow
from ui.views import VIEWS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import manual_screenshots  # noqa: E402  (tools/manual_screenshots.py)

pytest_plugins = ["window_fixtures"]  # the window fixtures


def test_every_picture_and_link_of_the_manual_leads_somewhere():
    assert problems() == []
    assert len(chapters.pictures()) >= 10


def test_the_check_finds_a_missing_picture_and_a_broken_link(tmp_path, monkeypatch, capsys):
    copy = tmp_path / "manual"
    shutil.copytree(manual_folder(), copy)
    (copy / "img" / "panel.png").unlink()
    chapter = copy / CHAPTERS[2]
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(
        text + "\n[a](04-compromisos-y-avances.md#no-existe) [b](99-no-existe.md)"
        " [c](https://example.org)\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(chapters, "manual_folder", lambda: copy)
    found = problems()
    assert "02-la-ventana.md: falta la imagen img/panel.png" in found
    assert any("#no-existe no lleva a ninguna sección" in p for p in found)
    assert any("99-no-existe.md no lleva a ningún archivo" in p for p in found)
    assert any("https://example.org lleva a internet" in p for p in found)
    out = tmp_path / "manual.pdf"  # the command CI runs refuses such a manual
    assert cli_main(["manual", "--out", str(out)]) == 1 and not out.exists()
    assert "Manual: 02-la-ventana.md: falta la imagen img/panel.png" in capsys.readouterr().out


def test_the_screenshot_script_takes_exactly_the_pictures_the_chapters_show():
    shots = manual_screenshots.SHOTS
    assert {f"img/{s.name}.png" for s in shots} == chapters.pictures()
    views, editors = {v.key for v in VIEWS}, {e.key for e in EDITORS}
    for shot in shots:
        known = {"view": views, "editor": editors, "manual": set(CHAPTERS)}[shot.kind]
        assert shot.key in known, shot
    for name in chapters.pictures():  # small enough to keep in the repository
        assert (manual_folder() / name).stat().st_size < 150_000, name


def test_every_view_opens_a_chapter_that_exists():
    assert set(VIEW_CHAPTERS) == {v.key for v in VIEWS}
    for target in VIEW_CHAPTERS.values():
        name, _sep, anchor = target.partition("#")
        assert name in CHAPTERS
        assert not anchor or anchor in chapters.anchors(name), target


# --- the PDF -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def manual_pdf(tmp_path_factory) -> tuple[PdfReader, list[str]]:
    out = tmp_path_factory.mktemp("manual") / "manual.pdf"
    assert cli_main(["manual", "--out", str(out)]) == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    return reader, [page.extract_text() for page in reader.pages]


def test_the_manual_is_one_pdf_with_contents_and_page_numbers(manual_pdf):
    reader, pages = manual_pdf
    total = len(pages)
    assert total > 30
    assert all(f"Página {n} de {total}" in text for n, text in enumerate(pages, start=1))
    assert "Contenido" in pages[1]
    contents = "\n".join(pages[1:6])
    for name in CHAPTERS:
        title = chapters.read_chapter(name).title
        found = re.search(rf"\n{re.escape(title)}\s*(\d+)\n", contents)
        assert found, title
        page = pages[int(found.group(1)) - 1]  # the chapter starts where the contents says
        assert page.split("\n")[2].strip() == title  # under the house header's two lines
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline == [chapters.read_chapter(n).title for n in CHAPTERS]


def test_a_manual_into_a_missing_folder_is_refused_in_words(tmp_path, capsys):
    assert cli_main(["manual", "--out", str(tmp_path / "no" / "manual.pdf")]) == 1
    assert "No existe la carpeta" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # no half file


def test_the_manual_pdf_carries_every_picture_and_links_between_chapters(manual_pdf):
    reader, _pages = manual_pdf
    images = sum(len(page.images) for page in reader.pages)
    assert images == len(chapters.pictures())
    number = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, 1)}
    links = [  # (page of the link, page it leads to)
        (n, number.get(annot.get_object()["/Dest"][0].idnum))
        for n, page in enumerate(reader.pages, 1)
        for annot in page.get("/Annots", [])
        if "/Dest" in annot.get_object()
    ]
    assert all(target is not None for _page, target in links)
    from_chapters = [link for link in links if link[0] > 5]  # past the cover and contents
    assert len(from_chapters) > 40  # "vea …": the chapters' links to each other
    # "vea La planilla firmada" (chapter 5) leads to that section's page of chapter 11
    section = next(n for n, t in enumerate(_pages, 1) if n > 5 and "\nLa planilla firmada\n" in t)
    assert any(target == section for _page, target in from_chapters)
    assert "/OutputIntents" in reader.trailer["/Root"]  # PDF/A, as every PDF of the house


# --- the window ----------------------------------------------------------------------------------


def _images_loaded(manual: ManualWindow) -> list[str]:
    """The pictures of the page on screen that the document could not load."""
    document, missing = manual.page.document(), []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                name = QTextImageFormat(fmt).name()
                image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
                if image is None or image.isNull():
                    missing.append(name)
            it += 1
        block = block.next()
    return missing


def test_f1_opens_the_chapter_of_the_open_view(qtbot, empty_window):
    empty_window.show_view("commitments")
    empty_window.activateWindow()
    qtbot.waitUntil(lambda: empty_window.isActiveWindow(), timeout=5000)
    QTest.keyClick(empty_window, Qt.Key.Key_F1)
    manual = wait_dialog(qtbot, ManualWindow)
    assert manual.shown == "04-compromisos-y-avances.md"
    assert "Compromisos y avances" in manual.page.toPlainText()
    assert manual.contents.currentItem().text() == "Compromisos y avances"
    assert _images_loaded(manual) == [] and "compromisos.png" in manual.page.toHtml()
    manual.page.anchorClicked.emit(QUrl("05-reuniones-y-actas.md#aprobar-el-acta"))
    assert manual.shown == "05-reuniones-y-actas.md"
    assert manual.page.verticalScrollBar().value() > 0  # at the section, not the top
    assert _images_loaded(manual) == []
    manual.page.anchorClicked.emit(QUrl("../instalacion.md"))  # another document of docs/
    assert "Instalación" in manual.page.toPlainText()
    manual.back.click()
    assert manual.shown == "05-reuniones-y-actas.md"
    manual.page.anchorClicked.emit(QUrl("https://example.org"))  # nothing leaves the program
    assert manual.shown == "05-reuniones-y-actas.md"
    manual.close()


def test_f1_in_a_dialog_opens_the_manual_beside_it(qtbot, empty_window):
    """F1 in a modal editor: the chapter of the view it was opened from, in a window the
    editor does not block (the manual is the editor's own); the manual's own F1 opens no
    other, and a second F1 turns the same manual."""
    from ui.dialogs.commitment import CommitmentEditor

    view = empty_window.show_view("commitments")
    view.new_record()
    editor = wait_dialog(qtbot, CommitmentEditor)
    assert editor.isModal()
    QTest.keyClick(editor.title, Qt.Key.Key_F1)  # from a field: the key reaches the dialog
    manual = wait_dialog(qtbot, ManualWindow)
    assert manual.shown == "04-compromisos-y-avances.md" and manual.parent() is editor
    QTest.keyClick(manual.page, Qt.Key.Key_F1)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor, timeout=5000)
    QTest.keyClick(editor.title, Qt.Key.Key_F1)
    assert editor.findChildren(ManualWindow) == [manual] and manual.isVisible()
    assert getattr(empty_window, "manual_window", None) is None
    editor.reject()
    # closed (and deleted) with its dialog
    qtbot.waitUntil(lambda: not isValid(manual) or not manual.isVisible(), timeout=5000)


def test_ayuda_opens_the_manual_at_the_panel_chapter(qtbot, empty_window):
    from ui.manual.window import chapter_for

    assert chapter_for(None) == INDEX
    titles = [a.text() for a in empty_window.help_menu.actions() if a.text()]
    assert titles[0] == "Manual de usuario"
    empty_window.help_menu.actions()[0].trigger()  # on the Panel: its chapter, at its section
    manual = wait_dialog(qtbot, ManualWindow)
    assert manual.shown == "02-la-ventana.md"
    assert manual.page.verticalScrollBar().value() > 0
    manual.close()


def test_the_bundle_carries_the_manual_and_its_markdown_library():
    spec = (ROOT / "pyinstaller.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "docs" / "manual"), "docs/manual")' in spec
    for linked in ("instalacion.md", "cli.md"):  # the chapters link to them
        assert f'(str(ROOT / "docs" / "{linked}"), "docs")' in spec
    assert '"markdown.extensions.tables"' in spec and '"markdown.extensions.toc"' in spec


def test_the_script_takes_a_picture_like_the_committed_one(tmp_path):
    """One run of tools/manual_screenshots.py (the real window on the sample data), two
    pictures: each as large as the one the chapters show, so a rebuild gives true pictures."""
    from PySide6.QtGui import QImage

    names = ["bienvenida", "panel"]
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "manual_screenshots.py"), "--out", str(tmp_path)]
        + names,
        capture_output=True,
        text=True,
        timeout=300,
        env={k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "error:" not in result.stdout
    for name in names:
        taken = QImage(str(tmp_path / f"{name}.png"))
        committed = QImage(str(manual_folder() / "img" / f"{name}.png"))
        assert taken.size() == committed.size(), name
        colours = {
            taken.pixel(x, y)
            for x in range(0, taken.width(), 7)
            for y in range(0, taken.height(), 7)
        }
        assert taken.width() >= 400 and len(colours) > 3, name  # drawn, not blank


def test_every_link_of_the_documentation_leads_to_a_file():
    """README, ARCHITECTURE and docs/*.md: the user documentation moved into docs/manual/."""
    for doc in [ROOT / "README.md", ROOT / "ARCHITECTURE.md", *(ROOT / "docs").glob("*.md")]:
        for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", doc.read_text("utf-8")):
            if not target.startswith("http"):
                assert (doc.parent / target).is_file(), f"{doc.name}: {target}"
