"""The history as a person reads it (finding 9): a progress update shows its date, figure and
comment, and the changes it made to its commitment name it as their reason; follow-up rows
brought in together are one line ("3 compromisos traídos al seguimiento"), not one
"Creación Seguimiento" per commitment; the Informes preview names coverage gaps as gaps."""

from __future__ import annotations

from pazos_desktop.services.commitments import editing as commitments
from pazos_desktop.services.commitments.editing import ProgressData
from pazos_desktop.services.history.readable import commitment_history, meeting_history
from pazos_desktop.services.meetings import editing as meetings
from pazos_desktop.services.meetings import followup as fu
from tests.meetings_fixtures import TODAY, commitment, meeting_data, world  # noqa: F401


def test_a_progress_update_reads_with_its_date_figure_and_comment(db, session, world):  # noqa: F811
    session.commit()
    with db.session() as s:
        made = commitments.save_commitment(s, commitment(world["partners"][0], world))
    with db.session() as s:
        commitments.add_progress(
            s,
            ProgressData(made.id, TODAY, achieved_quantity=35, comment="Talleres en Zamorano"),
        )
    with db.session() as s:
        rows = commitment_history(s, made.id)
    day = TODAY.strftime("%d/%m/%Y")
    update = next(r for r in rows if r.change.startswith("Avance del"))
    assert update.change == f"Avance del {day}: Logrado: 35 · Comentario: Talleres en Zamorano"
    figure = next(r for r in rows if r.change == "Logrado: 0 → 35")
    assert figure.reason == f"Avance del {day}: «Talleres en Zamorano»"  # the link


def test_commitments_brought_into_the_follow_up_are_one_line(db, session, world):  # noqa: F811
    made = meetings.create_meeting(session, meeting_data(world))
    extra = [fu.save_commitment(session, commitment(world["partners"][1], world, f"Otro {i}")).id
             for i in range(2)]  # fmt: skip
    session.commit()
    with db.session() as s:
        for commitment_id in [*world["commitments"], *extra]:
            fu._followup_row(meetings.load(s, made.id), commitment_id)
        s.flush()
    with db.session() as s:
        rows = meeting_history(s, made.id)
    follow = [r for r in rows if r.entity == "meeting_followup"]
    assert [r.change for r in follow] == ["4 compromisos traídos al seguimiento"]


def test_coverage_gaps_read_as_gaps():
    from types import SimpleNamespace

    from ui.reports.preview import gaps_text

    none = gaps_text(SimpleNamespace(clusters=[], components=[]))
    assert none == (
        "Clústeres sin compromisos activos: ninguno. Componentes sin compromisos activos: ninguno."
    )
    some = gaps_text(SimpleNamespace(clusters=["Clúster 9"], components=[]))
    assert some.startswith("Clústeres sin compromisos activos: Clúster 9.")
