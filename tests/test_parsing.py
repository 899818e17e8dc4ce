"""The one parser per value type, and the declared fields' bounds and messages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pazos_desktop import parsing
from pazos_desktop.domain import fields
from pazos_desktop.domain.fields import FieldError
from pazos_desktop.domain.records import COMMITMENT, PARTNER, PROGRESS, RECORDS


@pytest.mark.parametrize(
    "text, number",
    [
        ("1500", 1500),
        ("1.500", 1500),  # a Colombian thousand five hundred
        ("1.500.000", 1_500_000),
        ("1.500,5", 1500.5),
        ("1,5", 1.5),
        ("1500,25", 1500.25),
        ("$ 2.500.000", 2_500_000),  # the program's own money format
        ("$2.500.000,00", 2_500_000),
        ("2.500.000 COP", 2_500_000),
        ("\u00a02.500\u00a0", 2500),  # a non-breaking space, as copied from a web page
        ("2.5", 2.5),  # a lone point that cannot group thousands is a decimal point
        ("0.500", 0.5),
        ("-3", -3),
        ("1E+20", 1e20),  # as Excel shows big numbers
        ("0", 0),
    ],
)
def test_numbers_as_colombians_write_them(text, number):
    assert parsing.parse_number(text) == number


@pytest.mark.parametrize(
    "text, says",
    [
        ("1,500", "escriba 1.500 si son miles, o 1,5 si lleva decimales"),
        ("2,750", "escriba 2.750 si son miles, o 2,75 si lleva decimales"),
        ("1,500,000", "escriba 1.500.000"),
        ("1,500.5", "escriba 1.500,5"),
        ("diez", "«diez» no es un número"),
        ("1.500.5", "no es un número"),
        ("inf", "no es un número"),
        ("12 personas", "no es un número"),
    ],
)
def test_ambiguous_or_foreign_numbers_are_refused_with_the_form_to_write(text, says):
    with pytest.raises(parsing.ParseError) as err:
        parsing.parse_number(text)
    assert says in err.value.message


def test_number_cells():
    assert parsing.parse_number(7) == 7.0 and parsing.parse_number(2.5) == 2.5
    assert parsing.parse_number(Decimal("12.5")) == 12.5  # SUM() on PostgreSQL
    assert parsing.parse_number(None) is None and parsing.parse_number("  ") is None
    for bad in (True, False, dt.date(2026, 1, 1), float("nan")):
        with pytest.raises(parsing.ParseError):
            parsing.parse_number(bad)
    assert parsing.parse_whole("1.500") == 1500
    with pytest.raises(parsing.ParseError, match="entero"):
        parsing.parse_whole("1,5")


@pytest.mark.parametrize(
    "value, day",
    [
        ("25/11/2026", dt.date(2026, 11, 25)),
        ("5/3/2026", dt.date(2026, 3, 5)),
        ("25-11-2026", dt.date(2026, 11, 25)),
        ("25.11.2026", dt.date(2026, 11, 25)),
        ("2026-11-25", dt.date(2026, 11, 25)),
        ("2026-11-25 00:00:00", dt.date(2026, 11, 25)),
        (dt.datetime(2026, 11, 25, 10, 30), dt.date(2026, 11, 25)),
        (dt.date(2026, 11, 25), dt.date(2026, 11, 25)),
        (46351, dt.date(2026, 11, 25)),  # an Excel serial number
        (46351.75, dt.date(2026, 11, 25)),
    ],
)
def test_dates(value, day):
    assert parsing.parse_date(value) == day


@pytest.mark.parametrize(
    "value, says",
    [
        ("32/13/2026", "«32/13/2026» no es una fecha válida: escriba dd/mm/aaaa"),
        ("31/02/2026", "no es una fecha válida"),
        ("25/11/26", "año con cuatro cifras"),
        ("mañana", "no es una fecha válida"),
        (True, "debe ser una fecha"),
        (-5, "no es una fecha válida"),
    ],
)
def test_bad_dates(value, says):
    with pytest.raises(parsing.ParseError) as err:
        parsing.parse_date(value)
    assert says in err.value.message


def test_yes_no_and_text():
    assert [parsing.parse_bool(v) for v in ("Sí", "si", "No", "TRUE", 1, 0, True, "x")] == [
        True,
        True,
        False,
        True,
        True,
        False,
        True,
        True,
    ]
    assert parsing.parse_bool("") is None
    with pytest.raises(parsing.ParseError):
        parsing.parse_bool("quizás")
    assert parsing.parse_text(123.0) == "123" and parsing.parse_text("  a  ") == "a"
    assert parsing.parse_text("a_x0001_b") == "a\x01b"  # Excel's escape, decoded to be seen
    assert parsing.text_problem("a\x01b") and parsing.text_problem("a\ud800b")
    assert parsing.text_problem("línea 1\nlínea 2\tfin") is None


def test_fields_bound_every_value_and_name_themselves():
    amount, target = COMMITMENT["amount_cop"], COMMITMENT["target_quantity"]
    assert amount.check("$ 2.500.000") == 2_500_000 and amount.check("1.500") == 1500
    assert target.check("1,5") == 1.5
    for value, message in [
        ("-3", "Meta: no puede ser negativo."),
        ("1e20", "Meta: no puede pasar de 1.000.000.000."),
        (float("inf"), "Meta: no puede pasar de"),
        (1e300, "Meta: no puede pasar de"),
        (True, "Meta: debe ser un número."),
    ]:
        with pytest.raises(FieldError) as err:
            target.check(value)
        assert err.value.message.startswith(message)
    with pytest.raises(FieldError, match=r"Valor \(COP\): no puede pasar de \$ 1\.000\.000"):
        amount.check(9.3e18)  # would overflow SQLite's INTEGER after validation
    assert fields.MAX_COP < 2**63 and fields.MAX_QUANTITY < 2**63


def test_dates_texts_and_choices_are_bounded():
    with pytest.raises(FieldError, match="fuera de las fechas posibles"):
        COMMITMENT["due_date"].check("01/01/1900")
    comment = PROGRESS["comment"]
    assert comment.check("x" * comment.max_len) == "x" * comment.max_len
    with pytest.raises(FieldError, match=r"Comentario: máximo 2\.000 caracteres \(tiene 40\.000\)"):
        comment.check("x" * 40_000)
    with pytest.raises(FieldError, match="caracteres no válidos"):
        PARTNER["name"].check("Fundaci\ud800n")
    status = COMMITMENT["status"]
    assert [status.check(v) for v in ("Cumplido", "completed", "cumplido", "Completed")] == [
        "completed"
    ] * 4
    with pytest.raises(FieldError, match="«Terminado» no es una de las opciones"):
        status.check("Terminado")
    assert PARTNER["type"].check(None) == "public"  # the declared default


def test_every_text_is_bounded_and_every_field_has_a_label():
    """Writers and tests can rely on the declared maximum of every text of every record."""
    for record in RECORDS.values():
        for spec in record.fields:
            assert spec.name and spec.label
            if spec.kind in (fields.Kind.TEXT, fields.Kind.LONG):
                assert spec.max_len, f"{record.entity}.{spec.key} has no maximum length"
        assert set(record.max_lengths()) <= set(record.keys())


def test_times():
    assert [parsing.parse_time(t) for t in ("09:30", "9.30", "9h30", "930", "")] == [
        dt.time(9, 30),
        dt.time(9, 30),
        dt.time(9, 30),
        dt.time(9, 30),
        None,
    ]
    with pytest.raises(parsing.ParseError, match="«25:00» no es una hora válida"):
        parsing.parse_time("25:00")
