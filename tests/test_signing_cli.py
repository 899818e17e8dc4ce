"""`sign` and `verify` from the command line: the password from PAZOS_CERT_PASSWORD, the block
found from the certificate's holder, one line per signature, exit 1 when any is not valid."""

from __future__ import annotations

import pytest

from pazos_desktop.cli import main
from tests.conftest import SUITE_TODAY
from tests.signing_support import CHAIR, PASSWORD

pytest_plugins = ["signing_support"]  # the fixtures: pki (a throw-away authority), office

YEAR = str(SUITE_TODAY.year)


@pytest.fixture
def db(office, tmp_path) -> str:
    return str(office.copy(tmp_path / "cli.sqlite"))


def test_sign_then_verify(db, pki, tmp_path, capsys, monkeypatch):
    (tmp_path / "presidencia.p12").write_bytes(pki.files["chair"])
    monkeypatch.setenv("PAZOS_CERT_PASSWORD", PASSWORD)
    out = tmp_path / "Acta_008_firmada.pdf"
    argv = ["--db", db, "sign", "--meeting", "8", "--year", YEAR]
    code = main([*argv, "--cert", str(tmp_path / "presidencia.p12"), "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert f"Acta No. 008 de {YEAR}: firmada por {CHAIR.upper()} (Preside)." in printed
    assert PASSWORD not in printed
    assert main(["--db", db, "verify", str(out)]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"1. {CHAIR.upper()} — emitido por Autoridad de Certificación")
    assert line.endswith("— Válida")


def test_a_received_file_is_checked_against_the_roots_given(office, pki, tmp_path, capsys):
    received = tmp_path / "recibida.pdf"
    received.write_bytes(office.export(7, "para_enviar.pdf"))
    fresh = str(tmp_path / "otra_oficina.sqlite")  # an office that trusts no one yet
    assert main(["--db", fresh, "verify", str(received)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and all(line.endswith("no es de confianza") for line in lines)
    root = tmp_path / "raiz.cer"
    root.write_bytes(pki.root_pem())
    assert main(["--db", fresh, "verify", str(received), "--trust", str(root)]) == 0
    data = bytearray(received.read_bytes())
    at = data.index(b"/Producer")
    data[at + 2] ^= 1  # one byte of the approved content
    received.write_bytes(bytes(data))
    assert main(["--db", fresh, "verify", str(received), "--trust", str(root)]) == 1
    assert capsys.readouterr().out.count("No válida: documento alterado") == 2


def test_bad_input_is_one_line_and_changes_nothing(db, pki, tmp_path, capsys, monkeypatch):
    (tmp_path / "c.p12").write_bytes(pki.files["chair"])
    monkeypatch.setenv("PAZOS_CERT_PASSWORD", "no es esta")
    argv = ["--db", db, "sign", "--meeting", "8", "--year", YEAR, "--cert", str(tmp_path / "c.p12")]
    assert main(argv) == 1
    assert capsys.readouterr().err.strip() == "Error: La contraseña del certificado no es correcta."
    (tmp_path / "nota.pdf").write_text("no soy un PDF")
    assert main(["--db", db, "verify", str(tmp_path / "nota.pdf")]) == 1
    assert capsys.readouterr().err.strip() == "Error: El archivo no es un PDF."
    assert main(["--db", db, "verify", str(tmp_path / "no_existe.pdf")]) == 1
    assert "No se pudo leer" in capsys.readouterr().err
