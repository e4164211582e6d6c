"""``python -m reader`` opens the reader window; ``python -m reader CMD`` runs a command;
``python -m reader --self-test`` checks the installation end to end."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--self-test"]:
        from .selftest import run_self_test

        return run_self_test()
    if argv and (not argv[0].startswith("-") or argv[0] in ("-h", "--help", "--version")):
        from .cli import main as cli_main

        return cli_main(argv)
    from .ui.qt_platform import platform_problem

    problem = platform_problem()
    if problem:  # rather than Qt's abort (signal 6) with a misleading message
        print(problem, file=sys.stderr)
        return 1
    from .ui.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
