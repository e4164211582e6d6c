"""The window's small dialogs: confirmations and About. (Bigger ones have modules of their
own: ``export_dialog``, ``settings_dialog``.)"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import APP_NAME, __version__


def confirm_removal(parent: QWidget, title: str) -> bool:
    """Ask before a document and everything bound to it leave the library."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("MainWindow", "Remove document"),
        QCoreApplication.translate(
            "MainWindow", "Remove “{title}” and its alignment and annotations from the library?"
        ).format(title=title),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("MainWindow", "About Duizhao"),
        QCoreApplication.translate(
            "MainWindow", "{app} {version}\nRead Chinese policy documents side by side with their Korean translation."
        ).format(app=APP_NAME, version=__version__),
    )
