"""The chapters of the user manual, read from docs/manual/ and turned into HTML.

One Markdown library (python-markdown) with its `tables` and `toc` extensions, passed as
objects so the bundle needs no import by name. Links between chapters are plain relative
links (`04-reuniones-y-actas.md#aprobar-el-acta`), pictures `img/NAME.png`: the same files read
well on the repository's web page, in the window and in the PDF. `problems()` lists every
picture or link that leads nowhere (a test and the self-check run it).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import markdown
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension

from pazos_desktop.i18n import _
from pazos_desktop.paths import docs_path

INDEX = "README.md"  # the manual's first page: what it is, the chapters
CHAPTERS = (
    "01-primeros-pasos.md",
    "02-la-ventana.md",
    "03-entidades-y-territorio.md",
    "04-compromisos-y-avances.md",
    "05-reuniones-y-actas.md",
    "06-firmas-digitales.md",
    "07-hojas-de-los-aliados.md",
    "08-reportes-de-los-aliados.md",
    "09-informe-de-coordinacion.md",
    "10-indicadores.md",
    "11-datos-personales.md",
    "12-copias-de-seguridad.md",
    "13-servidor-compartido.md",
)
_HEADING = re.compile(r"<h([1-3]) id=\"([^\"]+)\">")


@dataclass(frozen=True)
class Chapter:
    name: str  # the file's name in docs/manual/
    title: str  # its first heading
    text: str  # Markdown


def manual_folder() -> Path:
    return docs_path("manual")


def read_chapter(name: str) -> Chapter:
    text = (manual_folder() / name).read_text(encoding="utf-8")
    first = next((line for line in text.splitlines() if line.startswith("# ")), "# " + name)
    return Chapter(name, first[2:].strip(), text)


def chapters() -> list[Chapter]:
    """The chapters in their order (the index page not included)."""
    return [read_chapter(name) for name in CHAPTERS]


def to_html(text: str) -> str:
    """Markdown to HTML; every heading gets an id from its words ("Aprobar el acta" →
    "aprobar-el-acta"), accents dropped, so links can point at sections."""
    converter = markdown.Markdown(
        extensions=[TableExtension(), TocExtension(toc_depth="1-3")], output_format="xhtml"
    )
    return converter.convert(text)


def window_html(name: str, image_width: int) -> str:
    """A chapter as the help window shows it: a named anchor before each heading (Qt's rich
    text follows `<a name>`), tables ruled, pictures `image_width` pixels wide (Qt's rich text
    scales a picture by a width in pixels, not by a percentage)."""
    html = to_html(read_chapter(name).text)
    html = _HEADING.sub(lambda m: f'<a name="{m.group(2)}"></a>{m.group(0)}', html)
    html = html.replace("<table>", '<table border="1" cellspacing="0" cellpadding="4">')
    return html.replace("<img ", f'<img width="{image_width}" ')


def tree(html: str) -> ET.Element:
    """The HTML of a chapter as an element tree (python-markdown writes well-formed HTML)."""
    return ET.fromstring(f"<div>{html}</div>")


@cache
def anchors(name: str) -> frozenset[str]:
    return frozenset(m.group(2) for m in _HEADING.finditer(to_html(read_chapter(name).text)))


def split_link(href: str, current: str) -> tuple[str, str]:
    """ "05-x.md#y" → ("05-x.md", "y"); "#y" → (current, "y")."""
    target, _sep, anchor = href.partition("#")
    return target or current, anchor


def is_external(href: str) -> bool:
    return href.startswith(("http://", "https://", "mailto:"))


def problems() -> list[str]:
    """Every picture missing and every link that leads nowhere, as "chapter: what"."""
    found: list[str] = []
    for name in (INDEX, *CHAPTERS):
        root = tree(to_html(read_chapter(name).text))
        for img in root.iter("img"):
            if not (manual_folder() / img.get("src", "")).is_file():
                found.append(
                    _("{name}: falta la imagen {src}").format(name=name, src=img.get("src"))
                )
        for link in root.iter("a"):
            found += [f"{name}: {p}" for p in _link_problems(link.get("href", ""), name)]
    return found


def _link_problems(href: str, current: str) -> list[str]:
    if is_external(href):  # the manual is read offline, in the window as on paper
        return [_("el enlace {href} lleva a internet").format(href=href)]
    target, anchor = split_link(href, current)
    path = manual_folder() / target
    if not path.is_file():
        return [_("el enlace {href} no lleva a ningún archivo").format(href=href)]
    if anchor and path.parent == manual_folder() and anchor not in anchors(target):
        return [_("el enlace {href} no lleva a ninguna sección").format(href=href)]
    return []


def pictures() -> set[str]:
    """The pictures the chapters show (img/NAME.png)."""
    names = set()
    for name in (INDEX, *CHAPTERS):
        names |= {img.get("src", "") for img in tree(to_html(read_chapter(name).text)).iter("img")}
    return names
