"""Colombian codes as offices, DANE and DIAN write them: DIVIPOLA department and municipality,
and the NIT with its check digit.

Codes are text: "05001" is Medellín, and a spreadsheet that turned it into the number 5001
gets its leading zero back. A municipality code starts with its department's.
"""

from __future__ import annotations

import re

from pazos_desktop.i18n import _

DEPARTMENT_DIGITS, MUNICIPALITY_DIGITS = 2, 5
PALMIRA = ("76", "76520")  # Valle del Cauca, Palmira: this program's default territory


def normalize_code(raw, digits: int) -> str | None:
    """'76520', 76520, 76520.0, ' 76 520 ' -> '76520'; 5001 -> '05001'; None when blank.
    Raises ValueError (a user message) when it is not a code of that length."""
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = re.sub(r"[\s.-]", "", str(raw)) if not isinstance(raw, int) else str(raw)
    if not text:
        return None
    if not text.isdigit() or len(text) > digits:
        raise ValueError(_("debe ser un código DANE de {n} dígitos.").format(n=digits))
    return text.zfill(digits)


def check_divipola(department: str | None, municipality: str | None) -> dict[str, str]:
    """Messages per field ('department_code', 'municipality_code') when the pair disagrees."""
    if department and municipality and not municipality.startswith(department):
        return {
            "municipality_code": _(
                "Código del municipio: {m} no pertenece al departamento {d} (los dos primeros "
                "dígitos del municipio son los del departamento)."
            ).format(m=municipality, d=department)
        }
    return {}


# 6 to 15 digits before the check digit: a person's NIT is their cédula, and old cédulas have
# 6 digits, which python-stdnum's validate() refuses (it wants 8 to 16 with the digit).
_NIT_RE = re.compile(r"^(\d{6,15})-?(\d)$")


def nit_check_digit(number: str) -> int:
    """DIAN's check digit (dígito de verificación) for a NIT number without it: python-stdnum's
    `stdnum.co.nit` (weights 3, 7, 13 … 71 from the right; a test holds it to that formula)."""
    from stdnum.co import nit

    return int(nit.calc_check_digit(number))


def normalize_nit(raw: str) -> str | None:
    """'891.380.007-3' -> '891380007-3' when the check digit is right; None when invalid."""
    compact = re.sub(r"[\s.]", "", raw)
    match = _NIT_RE.match(compact)
    if not match:
        return None
    number, check = match.groups()
    if nit_check_digit(number) != int(check):
        return None
    return f"{number}-{check}"
