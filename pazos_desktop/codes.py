"""Colombian codes as offices and DANE write them: DIVIPOLA department and municipality.

Codes are text: "05001" is Medellín, and a spreadsheet that turned it into the number 5001
gets its leading zero back. A municipality code starts with its department's.
"""

from __future__ import annotations

import re

from .i18n import _

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
