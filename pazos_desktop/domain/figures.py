"""Counts and completion as plain data, free of SQLAlchemy: the summaries' results and the
dashboard's figures.

Completion (% cumplido) = completed / (all − cancelled): a cancelled commitment is neither done
nor pending. `services/summaries.py` computes these from the database; the window imports this
module before the database is open, to show the previous run's figures at once
(`DashboardFigures.to_json` / `from_json`, kept by `pazos_desktop.services.figures_cache`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field


@dataclass
class Cell:
    total: int = 0
    completed: int = 0
    cancelled: int = 0

    @property
    def percent(self) -> float | None:
        """% completed, or None where nothing is expected."""
        base = self.total - self.cancelled
        return 100.0 * self.completed / base if base else None

    def add(self, total: int, completed: int, cancelled: int) -> None:
        self.total += total
        self.completed += completed
        self.cancelled += cancelled


@dataclass
class Matrix:
    rows: list[tuple[int, str]]
    columns: list[tuple[int, str]]
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)

    def cell(self, row_id: int, column_id: int) -> Cell:
        return self.cells.get((row_id, column_id), Cell())

    def row_total(self, row_id: int) -> Cell:
        return sum_cells(self.cell(row_id, c) for c, _ in self.columns)

    def column_total(self, column_id: int) -> Cell:
        return sum_cells(self.cell(r, column_id) for r, _ in self.rows)


def sum_cells(cells) -> Cell:
    out = Cell()
    for c in cells:
        out.add(c.total, c.completed, c.cancelled)
    return out


@dataclass
class PartnerSummary:
    partner_id: int
    name: str
    total: int
    completed: int
    cancelled: int
    overdue: int
    amount_cop: int

    @property
    def percent(self) -> float | None:
        return Cell(self.total, self.completed, self.cancelled).percent


# --- the dashboard ---------------------------------------------------------------------------


@dataclass
class DueRow:
    """One line of the dashboard's overdue and due-soon lists."""

    id: int
    due_date: dt.date | None
    partner_name: str
    status: str  # effective: "overdue" included
    title: str


@dataclass
class FirstSteps:
    """What an empty database still needs before its first commitments make sense."""

    clusters: int = 0
    partners: int = 0
    commitments: int = 0
    org_name: bool = False
    org_logo: bool = False
    doc_code: bool = False

    @property
    def documents(self) -> bool:
        return self.org_name and self.org_logo and self.doc_code

    @property
    def done(self) -> bool:
        return bool(self.clusters and self.partners and self.commitments and self.documents)


@dataclass
class DashboardFigures:
    on: dt.date  # the day these figures are for (overdue moves with it)
    totals: dict[str, int]  # by effective status
    overall: Cell  # every commitment once
    amount: int
    matrix: Matrix  # a commitment counts in each of its clusters
    by_component: dict[int, Cell]  # every commitment once, per component
    overdue: list[DueRow]
    due_soon: list[DueRow]
    by_partner: list[PartnerSummary]
    acronyms: dict[int, str]
    steps: FirstSteps = field(default_factory=FirstSteps)
    lang: str = "es"
    counter: str = ""  # the database's change counter when they were read (figures_cache)

    @property
    def multi_counted(self) -> int:
        """How many more commitments the matrix shows than exist: those of several clusters."""
        return sum_cells(self.matrix.row_total(r) for r, _ in self.matrix.rows).total - (
            self.overall.total
        )

    def to_json(self) -> dict:
        data = asdict(self)
        data["on"] = self.on.isoformat()
        data["matrix"]["cells"] = [
            [r, c, *asdict(v).values()] for (r, c), v in self.matrix.cells.items()
        ]
        data["by_component"] = [[k, *asdict(v).values()] for k, v in self.by_component.items()]
        data["acronyms"] = [[k, v] for k, v in self.acronyms.items()]
        for key in ("overdue", "due_soon"):
            for row in data[key]:
                row["due_date"] = row["due_date"].isoformat() if row["due_date"] else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> DashboardFigures:
        matrix = data["matrix"]

        def due(rows):
            return [
                DueRow(
                    **(
                        r
                        | {
                            "due_date": dt.date.fromisoformat(r["due_date"])
                            if r["due_date"]
                            else None
                        }
                    )
                )
                for r in rows
            ]

        return cls(
            on=dt.date.fromisoformat(data["on"]),
            totals=dict(data["totals"]),
            overall=Cell(**data["overall"]),
            amount=int(data["amount"]),
            matrix=Matrix(
                rows=[tuple(r) for r in matrix["rows"]],
                columns=[tuple(c) for c in matrix["columns"]],
                cells={(r, c): Cell(t, d, x) for r, c, t, d, x in matrix["cells"]},
            ),
            by_component={k: Cell(t, d, x) for k, t, d, x in data["by_component"]},
            overdue=due(data["overdue"]),
            due_soon=due(data["due_soon"]),
            by_partner=[PartnerSummary(**p) for p in data["by_partner"]],
            acronyms={int(k): v for k, v in data["acronyms"]},
            steps=FirstSteps(**data["steps"]),
            lang=data.get("lang", "es"),
            counter=data.get("counter", ""),
        )
