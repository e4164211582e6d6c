"""Entry script of the frozen application (PyInstaller runs a script, not a package)."""

import sys

from reader.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
