"""The acta editor's draft: kept every few seconds while it has unsaved edits, offered back
when the acta is opened again (after a crash, a power cut, a closed laptop).

The files are `pazos_desktop.services.meetings.drafts.Drafts` (the user's data folder, one atomic write each),
read and written on the worker. A draft is dropped when the acta is saved or its edits are
deliberately discarded; a draft that cannot be written is logged, and a reason the user can act
on (a full disk) is said once — never as an error every few seconds.
"""

from __future__ import annotations

import logging

from ui import interaction

DRAFT_MS = 3000  # how often the form is compared with the last draft kept

log = logging.getLogger("pazos.drafts")


def _logged(exc: BaseException) -> None:
    log.warning("acta draft not kept: %s", exc)


class DraftKeeper:
    def __init__(self, editor, drafts):
        self.editor, self.drafts = editor, drafts  # drafts: pazos_desktop.drafts.Drafts | None
        self.last: dict | None = None
        self.warned = False  # told once that drafts cannot be kept (a full disk), not every 3 s

    def key(self) -> str:
        meeting_id = self.editor.data.id
        return f"meeting-{meeting_id}" if meeting_id is not None else "meeting-new"

    def keep(self) -> None:
        editor = self.editor
        if self.drafts is None or not editor.isVisible() or not editor.is_dirty():
            return
        state = editor.form_state()
        if state == self.last:
            return
        self.last = state
        content = {
            "meeting_id": editor.data.id,
            "version": editor.data.version,
            "label": editor.windowTitle(),
            "kept_at": editor.ops.run_context().local_now.strftime("%d/%m/%Y %H:%M"),
            "form": state,
        }
        drafts, key = self.drafts, self.key()
        editor.ops.submit(lambda: drafts.save(key, content), self._kept, self._not_kept)

    def _kept(self, _path) -> None:
        self.warned = False

    def _not_kept(self, exc: BaseException) -> None:
        """Logged; a reason the user can act on (a full disk) is said once, the editor stays
        open and usable, and the next draft is tried as usual."""
        import shiboken6

        from pazos_desktop.errors import PazosError

        _logged(exc)
        if self.warned or not isinstance(exc, PazosError) or not shiboken6.isValid(self.editor):
            return
        self.warned = True
        editor = self.editor
        note = editor.tr(
            "El borrador automático de esta acta no se pudo guardar. Lo que escribió sigue en "
            "la ventana: guarde el acta cuando haya espacio. Este aviso no se repetirá."
        )
        interaction.warn(editor, editor.tr("Borrador no guardado"), f"{exc.message}\n\n{note}")

    def discard(self, new: bool = False) -> None:
        """Forget the draft (saved, or discarded on purpose); `new`: the one of a new acta."""
        self.last = None
        if self.drafts is None:
            return
        drafts, keys = self.drafts, {self.key(), *(["meeting-new"] if new else [])}
        self.editor.ops.submit(lambda: [drafts.discard(k) for k in keys], None, _logged)

    def offer(self) -> None:
        """Look for a kept draft of this acta; when there is one, ask whether to recover it."""
        if self.drafts is None or self.editor.data.approved:
            return
        drafts, key = self.drafts, self.key()
        self.editor.ops.submit(lambda: drafts.load(key), self._found, _logged)

    def _found(self, content: dict | None) -> None:
        import shiboken6

        editor = self.editor
        if not content or not shiboken6.isValid(editor) or not editor.isVisible():
            return
        form = content.get("form") or {}
        if form == editor.form_state():
            return
        question = editor.tr(
            "Hay un borrador de esta acta guardado automáticamente el {when} que no se llegó a "
            "guardar (el programa se cerró antes). ¿Recuperarlo?"
        ).format(when=content.get("kept_at", "?"))
        title = editor.tr("Borrador recuperado")
        if interaction.confirm(
            editor, title, question, editor.tr("Recuperar"), editor.tr("Descartar")
        ):
            editor.set_form_state(form)
            self.last = form
        else:
            self.discard()
