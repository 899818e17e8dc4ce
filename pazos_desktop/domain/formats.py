"""Values as Colombian offices read them: dates dd/mm/aaaa, pesos "$ 1.234.567", quantities
"1.500,5" (parsing them back is `pazos_desktop.parsing`)."""

from __future__ import annotations

import datetime as dt


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


def format_moment(moment: dt.datetime) -> str:
    """A moment the program stamped (stored in UTC, without zone) on the reader's clock."""
    return moment.replace(tzinfo=dt.UTC).astimezone().strftime("%d/%m/%Y %H:%M")
