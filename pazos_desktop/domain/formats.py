"""Values as Colombian offices read them: dates dd/mm/aaaa, pesos "$ 1.234.567", quantities
"1.500,5" (parsing them back is `pazos_desktop.parsing`)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_cop(amount: int | float | None) -> str:
    """Colombian pesos as offices write them: "$ 1.234.567"."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}$ {abs(round(amount)):,}".replace(",", ".")


def format_quantity(value: float | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def format_number(value: float | None, decimals: int = 1) -> str:
    """Colombian style with at most `decimals` decimals: "1.234", "98,1", "0,5" (indicator
    figures: a rate's trailing zeros say nothing)."""
    if value is None:
        return ""
    rounded = round(float(value), decimals)
    if rounded.is_integer():
        return f"{int(rounded):,}".replace(",", ".")
    text = f"{rounded:,.{decimals}f}".rstrip("0")
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def format_percent(value: float | None, missing: str = "—") -> str:
    """A percentage as a whole number, half rounded up as people round ("12,5" is 13 %, where
    Python's own rounding gives 12): 1 of 8 completed reads 13 %, here and in a spreadsheet."""
    if value is None:
        return missing
    # round(…, 9) first: 100 * 29 / 200 is 14.499999999999998 in binary, 14.5 to a reader.
    whole = Decimal(str(round(float(value), 9))).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{int(whole)} %"


def format_moment(moment: dt.datetime) -> str:
    """A moment the program stamped (stored in UTC, without zone) on the reader's clock."""
    return moment.replace(tzinfo=dt.UTC).astimezone().strftime("%d/%m/%Y %H:%M")
