"""What the window does on the user's behalf, one QObject per job: imports, alignment
editing, review mode, annotations. Each is given what it works on (the library, the
reading view, the undo stack) and says what happened by signals; the main window
connects them in one place."""
