"""Can Qt open a window here? Checked before the QApplication exists.

When no platform plugin can load, Qt aborts the process (signal 6) with a message that
names only ``xcb-cursor0`` whatever is missing. On Linux we try to load the plugin
library Qt would use (``libqxcb.so``, ``libqwayland.so``) with ctypes first: if it does
not load, the system libraries it needs are looked up one by one and the user gets one
line naming the Debian/Ubuntu packages to install. macOS and Windows need nothing extra
(the PySide6 wheels carry their Qt); ``offscreen`` and the other plugins are not checked.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from pathlib import Path

# What Qt's xcb platform plugin (and QtGui under it) loads from the system: soname →
# the Debian 12 / Ubuntu 24.04 package that provides it.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
WAYLAND_LIBRARIES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
_PLUGINS = {
    "xcb": ("libqxcb.so", XCB_LIBRARIES, "DISPLAY"),
    "wayland": ("libqwayland.so", WAYLAND_LIBRARIES, "WAYLAND_DISPLAY"),
}


def missing_packages(libraries: Mapping[str, str]) -> list[str]:
    """The packages of the libraries in ``libraries`` (soname → package) that do not load."""
    missing = []
    for soname, package in libraries.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            if package not in missing:
                missing.append(package)
    return missing


def requested_platforms(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order (QT_QPA_PLATFORM, else the session's)."""
    if environ.get("QT_QPA_PLATFORM"):
        return [name.split(":", 1)[0].strip() for name in environ["QT_QPA_PLATFORM"].split(";") if name.strip()]
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def _plugin_dirs(environ: Mapping[str, str]) -> list[Path]:
    dirs = [Path(environ["QT_QPA_PLATFORM_PLUGIN_PATH"])] if environ.get("QT_QPA_PLATFORM_PLUGIN_PATH") else []
    dirs += [Path(p) / "platforms" for p in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    from PySide6.QtCore import QLibraryInfo

    dirs.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms")
    return dirs


def platform_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """None if Qt can open a window with one of the requested platform plugins, else one
    line saying why not and what to install."""
    if not sys.platform.startswith("linux"):
        return None
    environ = os.environ if environ is None else environ
    problems = []
    for platform in requested_platforms(environ):
        if platform not in _PLUGINS:
            return None  # offscreen, vnc, eglfs …: not ours to check
        filename, libraries, display = _PLUGINS[platform]
        plugin = next((d / filename for d in _plugin_dirs(environ) if (d / filename).exists()), None)
        if plugin is None:
            problems.append(f"Qt's {platform} platform plugin ({filename}) is not installed")
            continue
        try:
            ctypes.CDLL(str(plugin))
        except OSError as exc:
            missing = missing_packages(libraries)
            if missing:
                names = " ".join(missing)
                problems.append(
                    f"Qt's {platform} platform plugin needs {names} (Debian/Ubuntu: sudo apt install {names})"
                )
            else:
                problems.append(f"Qt's {platform} platform plugin does not load: {str(exc).strip()}")
            continue
        if not environ.get(display):
            problems.append(f"no display for Qt's {platform} platform plugin ({display} is not set)")
            continue
        return None
    if not problems:
        return None
    return "error: cannot open a window: " + "; ".join(problems) + " (QT_QPA_PLATFORM=offscreen runs without a display)"
