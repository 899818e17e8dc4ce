"""PDF/A-2b for every PDF the program writes, the frozen acta included, read back by readers
that are not reportlab: pikepdf (qpdf) for the metadata and the output intent, poppler's
`pdffonts` for the fonts. veraPDF, the reference validator, is not available here (a Java
program, not in Debian); these are the checks of it that matter for our files.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess

import pikepdf
import pytest
from PIL import ImageCms

from pazos_desktop.documents.actas import render
from pazos_desktop.services.meetings.editing import find_meeting
from pazos_desktop.services.meetings.snapshots import current_snapshot
from tests.conftest import database_on
from tests.document_outputs import ORG_NAME

pytest_plugins = ["document_outputs"]
pytestmark = pytest.mark.xdist_group("house_outputs")  # one set of files per worker

PDFFONTS = shutil.which("pdffonts")
LANGS = {"es": "es-CO", "en": "en"}


def _language(name: str) -> str:
    return "en" if name.endswith("_en") else "es"


def _fonts(path) -> list[list[str]]:
    if PDFFONTS is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    out = subprocess.run([PDFFONTS, str(path)], check=True, capture_output=True, text=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def test_every_pdf_is_pdf_a_2b(house_outputs):
    assert len(house_outputs.pdfs) >= 10
    for name, path in house_outputs.pdfs.items():
        with pikepdf.open(path) as pdf:
            meta = pdf.open_metadata()
            assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B"), name
            info = pdf.docinfo
            assert meta["dc:title"] == str(info["/Title"]) and meta["dc:title"], name
            creator = meta["dc:creator"]
            assert creator == [str(info["/Author"])] and creator[0], name
            assert meta["dc:language"] == {LANGS[_language(name)]}, name
            assert str(pdf.Root.Lang) == LANGS[_language(name)], name
            assert meta["pdf:Producer"] == str(info["/Producer"]), name
            assert "/Filter" not in pdf.Root.Metadata  # readable without decoding
            [intent] = pdf.Root.OutputIntents
            assert intent.S == "/GTS_PDFA1" and "sRGB" in str(intent.OutputConditionIdentifier)
            profile = intent.DestOutputProfile
            assert profile.N == 3 and profile.read_bytes()[36:40] == b"acsp", name
            for page in pdf.pages:  # links print (PDF/A: every annotation's /F has Print)
                for annot in page.get("/Annots", []):
                    assert int(annot.get("/F", 0)) & 4, name
        fonts = _fonts(path)
        assert fonts, name
        for row in fonts:
            assert "Helvetica" not in row[0], (name, row)
            assert row[-5] == "yes", (name, row)  # emb: every font embedded, none referenced


def test_the_organisation_and_the_series_name_the_file(house_outputs):
    with pikepdf.open(house_outputs.pdfs["acta_a4"]) as pdf:
        meta = pdf.open_metadata()
        assert meta["dc:creator"] == [ORG_NAME]  # the header settings of today
        assert " — " in meta["dc:title"]  # with its series
    with pikepdf.open(house_outputs.pdfs["acta_frozen_a4"]) as pdf:  # the approval day's header
        assert " — " in pdf.open_metadata()["dc:title"]  # "Acta No. 001 de 2026 — Comité técnico"


def test_the_srgb_profile_is_the_same_every_time():
    """The profile has no date of its own: the same content gives the same PDF bytes."""
    from pazos_desktop.writers.pdf.archival import srgb_profile

    profile = ImageCms.ImageCmsProfile(io.BytesIO(srgb_profile()))
    assert "sRGB" in ImageCms.getProfileDescription(profile)
    srgb_profile.cache_clear()
    assert srgb_profile() == srgb_profile.__wrapped__()


def test_a_frozen_acta_drawn_again_is_byte_identical(house_outputs):
    number, year, series = house_outputs.approved
    db = database_on(house_outputs.db_target)
    with db.session() as s:
        snapshot = current_snapshot(s, find_meeting(s, year, number, series).id)
        stored, content = snapshot.pdf, snapshot.content
        lang, size = snapshot.lang, snapshot.page_size
    db.dispose()
    assert render(json.loads(content), lang, size) == stored
    assert house_outputs.pdfs["acta_frozen"].read_bytes() == stored
