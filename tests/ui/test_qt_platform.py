"""Before the window opens: when no Qt platform plugin can load, one line names what to
install (Qt itself would abort with signal 6 and a misleading message)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reader.ui.qt_platform import XCB_LIBRARIES, missing_packages, platform_problem, requested_platforms

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux only")


def test_missing_libraries_are_named_by_their_package():
    libraries = {"libc.so.6": "libc6", "libduizhao-missing.so.9": "libduizhao-missing9", "libm.so.6": "libc6"}
    assert missing_packages(libraries) == ["libduizhao-missing9"]


def test_every_library_of_the_xcb_plugin_is_installed_here():
    """CI installs what README names; a name missing from the apt line shows up here."""
    assert missing_packages(XCB_LIBRARIES) == []


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, ["xcb"]),
        ({"QT_QPA_PLATFORM": "offscreen"}, ["offscreen"]),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, ["wayland", "xcb"]),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, ["vnc"]),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, ["wayland", "xcb"]),
    ],
)
def test_the_platforms_qt_will_try(environ, expected):
    assert requested_platforms(environ) == expected


def test_a_loadable_plugin_with_a_display_is_no_problem():
    assert platform_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99"}) is None
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_no_display_is_one_line():
    problem = platform_problem({"QT_QPA_PLATFORM": "xcb"})
    assert problem == (
        "error: cannot open a window: no display for Qt's xcb platform plugin (DISPLAY is not set)"
        " (QT_QPA_PLATFORM=offscreen runs without a display)"
    )


@pytest.fixture
def broken_plugins(tmp_path):
    """A platform plugin folder whose libqxcb.so cannot load."""
    folder = tmp_path / "platforms"
    folder.mkdir()
    (folder / "libqxcb.so").write_bytes(b"not a shared library")
    return folder


def test_a_plugin_that_does_not_load_is_named(broken_plugins):
    environ = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99", "QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugins)}
    problem = platform_problem(environ)
    assert problem is not None and "\n" not in problem
    assert problem.startswith("error: cannot open a window: Qt's xcb platform plugin does not load: ")
    assert "libqxcb.so" in problem


def test_the_reader_exits_with_one_line_instead_of_aborting(broken_plugins, data_dir):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "DISPLAY": ":99",
        "QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugins),
    }
    result = subprocess.run(
        [sys.executable, "-m", "reader"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 1  # not -6 (SIGABRT)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot open a window: Qt's xcb platform plugin")
    assert not data_dir.exists()  # nothing was started
