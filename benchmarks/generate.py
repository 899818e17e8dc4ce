"""Generated data at N x Palmira's scale (10x: 200 partners, 2,000 contacts, 90 clusters,
20,000 commitments, 60,000 progress updates), written into a database migrated by Alembic.

Rows go in with SQLAlchemy Core executemany: the point is the data, not the write path.
`uv run python benchmarks/generate.py OUT.sqlite [--scale 10]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from pazos_desktop.db.models.register import (  # noqa: E402
    Cluster,
    Commitment,
    Contact,
    Neighbourhood,
    Partner,
    Program,
    ProgressUpdate,
    commitment_cluster,
    utcnow,
)
from pazos_desktop.domain.text import fold  # noqa: E402
from pazos_desktop.domain.vocabulary import PartnerType, ProgressSource, Status  # noqa: E402
from pazos_desktop.safety.opening import open_database  # noqa: E402
from pazos_desktop.services.commitments.editing import search_key  # noqa: E402

WORDS = (
    "jóvenes talleres mediación convivencia parque mural becas empleo hoja vida prevención "
    "justicia restaurativa conciliación escuela paz iluminación jornada deporte cultura "
    "emprendimiento familia salud sustancias orientación comunidad"
).split()
STATUSES = [s.value for s in Status]
STATUS_WEIGHTS = [2, 8, 5, 1, 1]
CACHE = Path(__file__).resolve().parent / "_data"


def _stamp() -> dict:
    now = utcnow()
    return {"version": 1, "created_at": now, "updated_at": now}


def _partners(n: int) -> list[dict]:
    kinds = [t.value for t in PartnerType]
    return [
        {
            "id": i,
            "name": f"Entidad generada {i:04d}",
            "name_key": fold(f"Entidad generada {i:04d}"),
            "acronym": f"EG{i}",
            "type": kinds[i % len(kinds)],
            "archived": False,
            **_stamp(),
        }
        for i in range(1, n + 1)
    ]


def _contacts(n: int, partners: int) -> list[dict]:
    return [
        {
            "id": i,
            "partner_id": 1 + i % partners,
            "name": f"Persona {i}",
            "position": "Enlace",
            "email": f"persona{i}@example.org",
            "archived": False,
            **_stamp(),
        }
        for i in range(1, n + 1)
    ]


def _clusters(n: int) -> list[dict]:
    return [
        {
            "id": i,
            "name": f"Clúster {i:03d} (generado)",
            "name_key": fold(f"Cluster {i:03d} (generado)"),
            **_stamp(),
        }
        for i in range(1, n + 1)
    ]


def _hoods(n: int, clusters: int) -> list[dict]:
    return [
        {
            "id": i,
            "name": f"Barrio {i:03d} (generado)",
            "name_key": fold(f"Barrio {i:03d} (generado)"),
            "cluster_id": 1 + i % clusters,
            **_stamp(),
        }
        for i in range(1, n + 1)
    ]


def _commitment(rng: random.Random, i: int, partners: int, contacts: int, today: dt.date) -> dict:
    title = " ".join(rng.choice(WORDS) for _ in range(5)).capitalize()
    start = today - dt.timedelta(days=rng.randint(0, 900))
    status = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
    target = float(rng.randint(1, 400))
    partner = 1 + i % partners
    return {
        "id": i,
        "partner_id": partner,
        "contact_id": 1 + (partner + contacts // partners * rng.randint(0, 5)) % contacts,
        "component_id": 1 + i % 5,
        "program_id": None if i % 3 else 1 + i % 20,
        "all_clusters": rng.random() < 0.05,
        "title": title,
        "description": f"Compromiso generado {i}",
        "unit": "personas",
        "target_quantity": target,
        "achieved_quantity": target
        if status == "completed"
        else float(rng.randint(0, int(target))),
        "amount_cop": rng.choice([None, 1_000_000, 25_000_000, 150_000_000]),
        "start_date": start,
        "due_date": start + dt.timedelta(days=rng.randint(30, 600)),
        "status": status,
        "notes": None,
        "search_key": search_key(title, f"Compromiso generado {i}", None),
        **_stamp(),
    }


def generate_database(
    path: str | Path, scale: int = 10, seed: int = 1, today: dt.date | None = None
) -> Path:
    """Create (replacing) a migrated database at `path` filled with generated data."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng, today = random.Random(seed), today or dt.date.today()
    n_partners, n_contacts, n_clusters = 20 * scale, 200 * scale, 9 * scale
    n_commitments, n_updates = 2_000 * scale, 6_000 * scale
    db = open_database(str(path))
    with db.engine.begin() as conn:
        conn.execute(insert(Partner), _partners(n_partners))
        conn.execute(insert(Contact), _contacts(n_contacts, n_partners))
        conn.execute(insert(Cluster), _clusters(n_clusters))
        conn.execute(insert(Neighbourhood), _hoods(15 * scale, n_clusters))
        conn.execute(
            insert(Program),
            [
                {
                    "id": i,
                    "name": f"Programa {i}",
                    "name_key": f"programa {i}",
                    "lead_partner_id": i,
                    "component_id": 1 + i % 5,
                    **_stamp(),
                }
                for i in range(1, 21)
            ],
        )
        rows = [
            _commitment(rng, i, n_partners, n_contacts, today) for i in range(1, n_commitments + 1)
        ]
        conn.execute(insert(Commitment), rows)
        links = {
            (r["id"], c)
            for r in rows
            if not r["all_clusters"]
            for c in rng.sample(range(1, n_clusters + 1), rng.randint(1, 3))
        }
        conn.execute(
            insert(commitment_cluster),
            [{"commitment_id": a, "cluster_id": b} for a, b in sorted(links)],
        )
        conn.execute(
            insert(ProgressUpdate),
            [
                {
                    "commitment_id": 1 + k % n_commitments,
                    "date": today - dt.timedelta(days=rng.randint(0, 700)),
                    "achieved_quantity": float(rng.randint(0, 100)),
                    "status": "in_progress",
                    "comment": "Avance generado",
                    "source": ProgressSource.MANUAL.value,
                    "created_at": utcnow(),
                }
                for k in range(n_updates)
            ],
        )
    db.dispose()
    return path


def cached_database(scale: int = 10, seed: int = 1) -> Path:
    """A generated database kept in benchmarks/_data (rebuilt when missing); copy before writing."""
    CACHE.mkdir(exist_ok=True)
    from pazos_desktop.db.database import head_revision

    stamp = f"{dt.date.today():%Y%m%d}_{head_revision()}"
    path = CACHE / f"scale{scale}_seed{seed}_{stamp}.sqlite"
    if not path.exists():
        generate_database(path, scale, seed)
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(generate_database(args.out, args.scale, args.seed))
