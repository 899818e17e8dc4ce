"""One parser per value type, for every door: window fields, spreadsheet cells, command line.

Numbers are read as Colombians write them: "." groups thousands and "," marks decimals
("1.500" = 1500, "1.500,5" = 1500.5, "1,5" = 1.5, "$ 2.500.000" = 2500000). A lone "." that
cannot group thousands ("2.5", "0.75") is a decimal point, as spreadsheets exported in English
write it. What could mean two things ("1,500": a thousand five hundred, or one and a half?) is
refused with the form to write instead. Dates: dd/mm/aaaa, aaaa-mm-dd, Excel date cells and
serial numbers.

Each parser returns the value (None when blank) or raises `ParseError`, whose message says what
is wrong without naming the field: `fields.Field` adds the field's label. A spreadsheet formula
(`Formula`) counts by the value saved with it where a number, date, time or yes/no goes, and is
refused where a text goes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from pazos_desktop.i18n import _


class ParseError(ValueError):
    """What was given is not a value of the type; the message (translated) says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(frozen=True)
class Formula:
    """A spreadsheet cell that holds a formula (`excel/reader.py`): its text, and the value the
    spreadsheet computed and saved with it (None when none was saved: a file written by a
    program that computes nothing). A number or date cell counts by that value; a text cell
    refuses it (text a user typed is only ever text)."""

    text: str
    value: object = None

    def __str__(self) -> str:  # whatever reads it as text never gets the formula
        return "" if self.value is None else str(self.value)


def _saved_value(parse, value: Formula, what: str):
    if value.value is None:
        raise ParseError(
            _(
                "«{formula}» es una fórmula y el archivo no guarda su resultado: escriba {what} "
                "en la celda, o abra el archivo en Excel o LibreOffice y guárdelo de nuevo."
            ).format(formula=value.text, what=what)
        )
    try:
        return parse(value.value)
    except ParseError as exc:
        raise ParseError(
            _("la fórmula «{formula}» da {problem}").format(formula=value.text, problem=exc.message)
        ) from None


# --- numbers ----------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_CURRENCY = re.compile(r"^(?:col\$|cop|\$)|(?:cop|\$)$", re.IGNORECASE)
_PLAIN = re.compile(r"\d+")
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")  # 1.500 / 2.500.000
_COMMA_DECIMAL = re.compile(r"(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+),\d+")  # 1,5 / 1.500,5
_AMBIGUOUS = re.compile(r"[1-9]\d{0,2},\d{3}")  # 1,500: thousands or decimals?
_DOT_DECIMAL = re.compile(r"\d+\.\d+")  # 2.5 (not a thousands group: checked after _GROUPED)
_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE][+-]?\d+")  # 1E+20, as Excel shows big numbers
_ENGLISH = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 1,500,000 / 1,500.5


def parse_number(value) -> float | None:
    """A number from a typed text or a spreadsheet cell; None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, Formula):
        return _saved_value(parse_number, value, _("el número"))
    if isinstance(value, bool) or isinstance(value, dt.date):
        raise ParseError(_("debe ser un número."))
    if isinstance(value, int | float | Decimal):
        number = float(value)
        if math.isnan(number):
            raise ParseError(_("debe ser un número."))
        return number
    return _number_from_text(str(value))


def _number_from_text(text: str) -> float:
    raw = _CURRENCY.sub("", _SPACES.sub("", text.strip()))
    sign = -1.0 if raw.startswith("-") else 1.0
    body = raw.lstrip("+-").strip()
    body = _CURRENCY.sub("", body)  # "-$ 5" as well as "$ -5"
    if _PLAIN.fullmatch(body) or _GROUPED.fullmatch(body):
        return sign * float(body.replace(".", ""))
    if _AMBIGUOUS.fullmatch(body):
        raise ParseError(_ambiguous(text.strip(), body))
    if _COMMA_DECIMAL.fullmatch(body):
        return sign * float(body.replace(".", "").replace(",", "."))
    if _DOT_DECIMAL.fullmatch(body):
        return sign * float(body)
    if _SCIENTIFIC.fullmatch(body):
        return sign * float(body.replace(",", "."))
    if _ENGLISH.fullmatch(body):
        colombian = body.replace(",", "§").replace(".", ",").replace("§", ".")
        raise ParseError(
            _(
                "«{text}» está escrito con comas para los miles: escriba {example} (punto para "
                "los miles, coma para los decimales)."
            ).format(text=text.strip(), example=colombian)
        )
    raise ParseError(
        _("«{text}» no es un número: escríbalo con cifras, p. ej. 1.500 o 1.500,5.").format(
            text=text.strip()
        )
    )


def _ambiguous(text: str, body: str) -> str:
    whole, decimals = body.split(",")
    decimals = decimals.rstrip("0")[:2]
    decimal_form = f"{whole},{decimals}" if decimals else whole
    return _(
        "«{text}» es ambiguo: escriba {thousands} si son miles, o {decimal} si lleva decimales."
    ).format(text=text, thousands=f"{whole}.{body.split(',')[1]}", decimal=decimal_form)


def parse_whole(value) -> int | None:
    """A whole number (an ID, a version, a count); None when blank."""
    number = parse_number(value)
    if number is None:
        return None
    if not math.isfinite(number) or not number.is_integer():
        raise ParseError(_("debe ser un número entero."))
    return int(number)


# --- dates ------------------------------------------------------------------------------------

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
MAX_SERIAL = 2_958_465  # 31/12/9999
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_DMY_SHORT = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")


def parse_date(value) -> dt.date | None:
    """A date from dd/mm/aaaa or aaaa-mm-dd text, a date cell or an Excel serial number."""
    if is_blank(value):
        return None
    if isinstance(value, Formula):
        return _saved_value(parse_date, value, _("la fecha"))
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ParseError(_("debe ser una fecha (dd/mm/aaaa)."))
    if isinstance(value, int | float):
        if not (math.isfinite(value) and 1 <= value <= MAX_SERIAL):
            raise ParseError(_not_a_date(str(value)))
        return (EXCEL_EPOCH + dt.timedelta(days=int(value))).date()
    return _date_from_text(str(value).strip())


def _date_from_text(text: str) -> dt.date:
    if match := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif _DMY_SHORT.fullmatch(text):
        raise ParseError(
            _("«{text}»: escriba el año con cuatro cifras (dd/mm/aaaa, p. ej. 25/11/2026).").format(
                text=text
            )
        )
    else:
        raise ParseError(_not_a_date(text))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ParseError(_not_a_date(text)) from None


def _not_a_date(text: str) -> str:
    return _("«{text}» no es una fecha válida: escriba dd/mm/aaaa (p. ej. 25/11/2026).").format(
        text=text
    )


_TIME = re.compile(r"(\d{1,2})[:.h]?(\d{2})")


def parse_time(value) -> dt.time | None:
    """09:30, 9.30, 9h30 or 930 -> a time; a time cell as it is; None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, Formula):
        return _saved_value(parse_time, value, _("la hora"))
    if isinstance(value, dt.time):
        return value
    text = str(value).strip()
    match = _TIME.fullmatch(text)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return dt.time(int(match[1]), int(match[2]))
    raise ParseError(
        _("«{text}» no es una hora válida: escriba hh:mm (p. ej. 09:30).").format(text=text)
    )


# --- yes/no -----------------------------------------------------------------------------------

YES = {"si", "sí", "s", "yes", "y", "true", "verdadero", "1", "x"}
NO = {"no", "n", "false", "falso", "0"}


def parse_bool(value) -> bool | None:
    """Sí/No (either language), TRUE/FALSE cells, 1/0, an "x"; None when blank."""
    if is_blank(value):
        return None
    if isinstance(value, Formula):
        return _saved_value(parse_bool, value, _("«Sí» o «No»"))
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    key = str(value).strip().casefold()
    if key in YES:
        return True
    if key in NO:
        return False
    raise ParseError(_("«{text}»: escriba «Sí» o «No».").format(text=str(value).strip()))


# --- text -------------------------------------------------------------------------------------

_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def parse_text(value) -> str | None:
    """Trimmed text (None when blank) from what was typed or a cell of any type.

    Excel stores control characters as `_xHHHH_`: decoded, so that they are seen and refused.
    A code typed as a number comes back from a cell as 123.0: it is text "123". Invisible
    format characters are removed (`visible`).
    """
    if value is None:
        return None
    if isinstance(value, Formula):
        raise ParseError(
            _(
                "«{formula}» es una fórmula; aquí va un texto: escríbalo sin «=» al comienzo."
            ).format(formula=value.text)
        )
    if isinstance(value, str) and "_x" in value:
        value = _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        value = value.strftime("%d/%m/%Y")
    cleaned = visible(str(value)).strip()
    return cleaned or None


_FIRST_FORMAT_CHARACTER = "\u00ad"  # the soft hyphen: no format character comes before it


def visible(text: str) -> str:
    """`text` without Unicode format characters (category Cf: zero-width space and joiners,
    soft hyphen, BOM, bidirectional marks, word joiner). They print as nothing, arrive pasted
    from web pages and PDFs, and made "José" and "Jo\u200dsé" two names no search could join.
    """
    if text.isascii():
        return text
    return "".join(
        ch for ch in text if ch < _FIRST_FORMAT_CHARACTER or unicodedata.category(ch) != "Cf"
    )


def text_problem(text: str) -> str | None:
    """Why a text cannot be stored (control characters, lone surrogates), or None."""
    if _CONTROL.search(text):
        return _("contiene caracteres de control no permitidos.")
    if _SURROGATE.search(text):
        return _("contiene caracteres no válidos (¿copiados de otro programa?).")
    return None
