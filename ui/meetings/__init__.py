"""Meeting screens (issue 4): the meeting list and the tabbed meeting editor.

Wire the list into the window with one line in `ui/views/__init__.py`:
    ViewSpec("meetings", QT_TRANSLATE_NOOP("Views", "Reuniones"), "ui.meetings.view:MeetingsView")
"""
