"""Colombian codes: NIT check digits through python-stdnum, DANE DIVIPOLA codes as text."""

from __future__ import annotations

import random

import pytest
from stdnum.co import nit as stdnum_nit

from pazos_desktop.domain.codes import nit_check_digit, normalize_code, normalize_nit
from pazos_desktop.errors import ValidationError
from pazos_desktop.services import territory

WEIGHTS = (3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71)


def dian_formula(number: str) -> int:
    """DIAN's rule as PRODUCT.md states it: weights from the right, r = sum mod 11,
    digit = r if r < 2 else 11 - r (the program's own implementation before stdnum)."""
    total = sum(int(d) * w for d, w in zip(reversed(number), WEIGHTS, strict=False))
    rest = total % 11
    return rest if rest < 2 else 11 - rest


def test_stdnum_agrees_with_the_dian_formula_on_a_test_set():
    rng = random.Random(1581)
    numbers = ["800197268", "890399010", "891380007", "899999068", "860013720", "123456"]
    numbers += [str(rng.randrange(10 ** (n - 1), 10**n)) for n in range(6, 16) for _ in range(2000)]
    disagreements = [n for n in numbers if nit_check_digit(n) != dian_formula(n)]
    assert disagreements == []
    assert nit_check_digit("800197268") == 4  # DIAN's own NIT


def test_stdnum_validate_is_stricter_on_length_so_we_keep_our_format_rule():
    # A natural person's NIT is their cédula; old cédulas have 6 digits.
    six = "123456"
    with_digit = f"{six}-{nit_check_digit(six)}"
    assert normalize_nit(with_digit) == with_digit
    assert not stdnum_nit.is_valid(with_digit)  # stdnum wants 8 to 16 digits in all
    assert normalize_nit("891.380.007-3") == "891380007-3"
    assert normalize_nit("891.380.007-4") is None


@pytest.mark.parametrize(
    "raw, digits, code",
    [(76520, 5, "76520"), ("76520", 5, "76520"), (5001, 5, "05001"), (5001.0, 5, "05001"),
     ("05 001", 5, "05001"), (5, 2, "05"), ("76", 2, "76"), ("", 5, None), (None, 2, None)],
)  # fmt: skip
def test_divipola_codes_keep_their_leading_zeros(raw, digits, code):
    assert normalize_code(raw, digits) == code


@pytest.mark.parametrize("raw", ["765200", "7652A", "76.5.2.0.0.1"])
def test_a_code_that_is_not_one_is_refused(raw):
    with pytest.raises(ValueError, match="código DANE de 5 dígitos"):
        normalize_code(raw, 5)


def test_a_neighbourhood_takes_the_entitys_codes_by_default(session):
    hood = territory.save_neighbourhood(session, territory.NeighbourhoodData(name="La Emilia"))
    assert (hood.department_code, hood.municipality_code) == ("76", "76520")
    elsewhere = territory.save_neighbourhood(
        session,
        territory.NeighbourhoodData(name="Robledo", department_code="5", municipality_code=5001),
    )
    assert (elsewhere.department_code, elsewhere.municipality_code) == ("05", "05001")


def test_a_municipality_of_another_department_is_refused(session):
    with pytest.raises(ValidationError) as info:
        territory.save_neighbourhood(
            session,
            territory.NeighbourhoodData(name="X", department_code="76", municipality_code="05001"),
        )
    assert "no pertenece al departamento 76" in info.value.fields["municipality_code"]
