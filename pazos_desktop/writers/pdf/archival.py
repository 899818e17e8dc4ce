"""What makes every PDF of the program PDF/A-2b (ISO 19005-2, level B), the archival form of
PDF that Colombian public records call for (Ley 594 de 2000).

reportlab writes no PDF/A by itself. `build_pdf` (document.py) starts each canvas on the
embedded DejaVu Sans (reportlab's default initial font, Helvetica, would be referenced by every
page and never embedded) and sets the catalog's /Lang; `make_archival` adds, in the same pass
that writes the file, the XMP metadata (PDF/A identification, title, author, subject, language,
the dates and tools of the Info dictionary, which PDF/A wants equal) and an sRGB output intent.
Doing it in reportlab's own pass rather than rewriting the file afterwards keeps `invariant`
output byte-identical and costs nothing measurable. No veraPDF here: `tests/test_pdf_archival.py`
checks what it would with pikepdf and poppler's `pdffonts` instead.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from PIL import ImageCms
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
)

PDFA_PART, PDFA_CONFORMANCE = "2", "B"
LANGUAGES = {"es": "es-CO", "en": "en"}  # BCP 47, for /Lang and dc:language
SRGB = "sRGB IEC61966-2.1"
LINK_PRINTABLE = 4  # an annotation's /F: PDF/A wants every annotation printable


def pdf_language(lang: str) -> str:
    return LANGUAGES.get(lang, lang or "es-CO")


@cache
def srgb_profile() -> bytes:
    """Pillow's (littleCMS's) sRGB profile, with a fixed header date (littleCMS stamps the
    moment it was made, which would make every PDF differ) and version 4.2 (the ICC version of
    PDF 1.7, on which PDF/A-2 rests; the profile uses nothing of 4.3 or 4.4). Its profile ID is
    zero ("not computed"), so neither change invalidates it."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[8:12] = bytes([4, 0x20, 0, 0])
    data[24:36] = bytes([0x07, 0xEA, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])  # 2026-01-01 00:00:00
    return bytes(data)


class _Unfiltered(PDFStream):
    """A stream written as it is: PDF/A wants the XMP metadata readable without decoding."""

    def format(self, document):
        saved = document.defaultStreamFilters
        document.defaultStreamFilters = None
        try:
            return super().format(document)
        finally:
            document.defaultStreamFilters = saved


class _Metadata(_Unfiltered):
    """The XMP packet, made when the file is written: the Info dictionary is final then."""

    def __init__(self, lang: str):
        super().__init__(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}))
        self.lang = lang

    def format(self, document):
        self.content = xmp_packet(document, self.lang)
        return super().format(document)


def make_archival(canvas, lang: str) -> None:
    """Call on the canvas before it saves: metadata and output intent into the catalog."""
    document = canvas._doc
    catalog = document.Catalog
    catalog.Metadata = _Metadata(pdf_language(lang))
    profile = PDFStream(PDFDictionary({"N": 3}), srgb_profile())
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString(SRGB),
            "Info": PDFString(SRGB),
            "DestOutputProfile": document.Reference(profile),
        }
    )
    catalog.OutputIntents = PDFArray([intent])
    # The catalog writes only the keys it knows: OutputIntents joins them on this catalog.
    catalog.__NoDefault__ = [*PDFCatalog.__NoDefault__, "OutputIntents"]


def xmp_packet(document, lang: str) -> bytes:
    info = document.info
    stamp = document._timeStamp
    year, month, day, hour, minute, second = stamp.YMDhms
    when = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
    when += f"{stamp.dhh:+03d}:{stamp.dmm:02d}"  # the Info dictionary's own offset
    keywords = info.keywords if isinstance(info.keywords, str) else ", ".join(info.keywords)
    fields = [
        f"<pdfaid:part>{PDFA_PART}</pdfaid:part>",
        f"<pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>",
        "<dc:format>application/pdf</dc:format>",
        f"<dc:title>{_alt(info.title)}</dc:title>",
        f"<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>",
        f"<dc:description>{_alt(info.subject)}</dc:description>",
        f"<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>",
        f"<xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>",
        f"<xmp:CreateDate>{when}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{when}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{when}</xmp:MetadataDate>",
        f"<pdf:Producer>{escape(info.producer)}</pdf:Producer>",
        f"<pdf:Keywords>{escape(keywords)}</pdf:Keywords>",
    ]
    body = "\n".join(fields)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about=""'
        ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
        f"{body}\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode()


def _alt(text: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text or "")}</rdf:li></rdf:Alt>'
