"""Helpers of the PDF tests: PNGs made here (no image library), text and images read back."""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

PDFTOTEXT = shutil.which("pdftotext")
PDFTOPPM = shutil.which("pdftoppm")


def write_png(path: Path, width: int, height: int, rgb=(31, 78, 121)) -> Path:
    """A real RGB PNG: a coloured band with a lighter frame, `width` × `height` pixels."""
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter type 0 for every scanline
        for x in range(width):
            edge = x < 4 or y < 4 or x >= width - 4 or y >= height - 4
            row += bytes((230, 200, 60) if edge else rgb)
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    path.write_bytes(png)
    return path


def pdf_pages(source) -> list[str]:
    """Each page's text (pypdf), whitespace folded."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(source).pages]


def poppler_pages(path: Path, mode: str = "-raw") -> list[str]:
    """Each page's text as pdftotext (poppler) reads it, whitespace folded; "-raw" keeps the
    drawing order (a table cell's lines together), "-layout" the lines as they look."""
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        [PDFTOTEXT, mode, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(page.split()) for page in out.split("\f")[:-1]]


def words_with_boxes(path: Path, page: int = 1) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) of a page, y from the top (pdftotext -bbox)."""
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    html = subprocess.run(
        [PDFTOTEXT, "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    return [
        (w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(pattern, html)
    ]


def image_boxes(path: Path, page: int = 0) -> list[tuple[float, float, float, float]]:
    """(x, y, width, height) of every image drawn on a page, inside forms too (PDF units)."""
    reader = PdfReader(path)
    pdf_page = reader.pages[page]
    found: list[tuple[float, float, float, float]] = []
    _walk(pdf_page.get_contents(), pdf_page["/Resources"], reader, [1, 0, 0, 1, 0, 0], found)
    return found


def _multiply(m, n):
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return [
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    ]


def _walk(contents, resources, reader, ctm, found) -> None:
    if contents is None:
        return
    stream = ContentStream(contents, reader)
    stack, current = [], list(ctm)
    xobjects = resources.get("/XObject", {}) if resources else {}
    for operands, op in stream.operations:
        if op == b"q":
            stack.append(list(current))
        elif op == b"Q":
            current = stack.pop()
        elif op == b"cm":
            current = _multiply([float(v) for v in operands], current)
        elif op == b"Do":
            obj = xobjects[operands[0]].get_object()
            if obj["/Subtype"] == "/Image":
                a, _b, _c, d, e, f = current
                found.append((e, f, a, d))
            elif obj["/Subtype"] == "/Form":
                _walk(obj, obj.get("/Resources"), reader, current, found)


def render_png(path: Path, out_prefix: Path, first: int = 1, last: int = 1, dpi: int = 150):
    """PNGs of pages `first`..`last`, for a person to look at (tests/_artifacts)."""
    if PDFTOPPM is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(
        [
            PDFTOPPM,
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(first),
            "-l",
            str(last),
            str(path),
            str(out_prefix),
        ],
        check=True,
    )
    return sorted(out_prefix.parent.glob(out_prefix.name + "-*.png"))


def median_word_height(path: Path, page: int) -> float:
    """The median height of a page's words, in points: about the size of its body text."""
    import statistics

    heights = [w[4] - w[2] for w in words_with_boxes(path, page)]
    return statistics.median(heights) if heights else 0.0
