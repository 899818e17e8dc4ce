"""Territorio: the clusters and their neighbourhoods."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from pazos_desktop.services import territory
from ui.dialogs.editor import open_editor
from ui.dialogs.records import ClusterEditor, NeighbourhoodEditor
from ui.models.rows import Column, RowsModel
from ui.views.base import TablePanel


class TerritoryView(QWidget):
    def __init__(self, ctx):
        super().__init__()
        self.ctx, self.ops = ctx, ctx.ops
        self.cluster_list: list[territory.ClusterData] = []
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.clusters = TablePanel(self.tr("Clústeres"), RowsModel(self._cluster_columns(), self))
        self.clusters.add_button(
            self.tr("Nuevo clúster"), self.new_record, self.tr("Ctrl+N"), needs="edit_register"
        )
        self.clusters.add_button(
            self.tr("Editar…"), self.edit_cluster, needs_row=True, needs="edit_register"
        )
        self.clusters.on_open(self.edit_cluster)
        self.clusters.table.selectionModel().currentRowChanged.connect(self._cluster_changed)
        self.hoods = TablePanel(self.tr("Barrios"), RowsModel(self._hood_columns(), self))
        self.hoods.add_button(self.tr("Nuevo barrio"), self.new_hood, needs="edit_register")
        self.hoods.add_button(
            self.tr("Editar…"), self.edit_hood, needs_row=True, needs="edit_register"
        )
        self.hoods.on_open(self.edit_hood)
        splitter.addWidget(self.clusters)
        splitter.addWidget(self.hoods)
        layout.addWidget(splitter)
        self.clusters.restore_columns(ctx.prefs, "clusters", [170, 300, 100])
        self.hoods.restore_columns(ctx.prefs, "neighbourhoods", [200, 110, 170])

    def _cluster_columns(self) -> list[Column]:
        return [
            Column(self.tr("Clúster"), lambda c: c.name),
            Column(
                self.tr("Barrios"),
                lambda c: ", ".join(c.neighbourhoods),
                tooltip=lambda c: ", ".join(c.neighbourhoods),
            ),
            Column(self.tr("Compromisos"), lambda c: c.commitments, True),
        ]

    def _hood_columns(self) -> list[Column]:
        return [
            Column(self.tr("Barrio"), lambda n: n.name),
            Column(self.tr("Comuna"), lambda n: n.comuna or ""),
            Column(self.tr("Clúster"), lambda n: n.cluster_name or self.tr("(sin clúster)")),
        ]

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id or (self.clusters.current().id if self.clusters.current() else None)

        def work(session):
            return territory.list_clusters(session), territory.list_neighbourhoods(session)

        self.ops.read(work, lambda r: self._show(*r, keep), parent=self)

    def _show(self, clusters, hoods, keep) -> None:
        self.cluster_list = clusters
        self.all_hoods = hoods
        self.clusters.model.set_rows(clusters)
        if keep is not None:
            self.clusters.select_id(keep)
        if self.clusters.current() is None and clusters:
            self.clusters.table.selectRow(0)
        self._cluster_changed()

    def _cluster_changed(self, *_args) -> None:
        cluster = self.clusters.current()
        hoods = getattr(self, "all_hoods", [])
        shown = [h for h in hoods if cluster is None or h.cluster_id == cluster.id]
        self.hoods.model.set_rows(shown)

    def new_record(self) -> None:
        open_editor(ClusterEditor(self.ops, self), lambda d: self.refresh(d.id))

    def edit_cluster(self) -> None:
        cluster = self.clusters.current()
        if cluster is not None:
            open_editor(ClusterEditor(self.ops, self, cluster), lambda d: self.refresh(d.id))

    def new_hood(self) -> None:
        from pazos_desktop.services.territory import NeighbourhoodData

        cluster = self.clusters.current()
        data = NeighbourhoodData(cluster_id=cluster.id if cluster else None)
        open_editor(NeighbourhoodEditor(self.ops, self, self.cluster_list, data), self._hood_saved)

    def edit_hood(self) -> None:
        hood = self.hoods.current()
        if hood is not None:
            editor = NeighbourhoodEditor(self.ops, self, self.cluster_list, hood)
            open_editor(editor, self._hood_saved)

    def _hood_saved(self, data) -> None:
        self.refresh(data.cluster_id)

    def save_state(self) -> None:
        self.clusters.save_columns(self.ctx.prefs, "clusters")
        self.hoods.save_columns(self.ctx.prefs, "neighbourhoods")
