#!/usr/bin/env bash
# Build the one-folder application with PyInstaller and check it with its own self-test.
#   scripts/build_app.sh            # build into dist/duizhao and run dist/duizhao/duizhao --self-test
# Needs: pip install -e ".[build]" (PyInstaller). Takes a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen

python scripts/make_icons.py build/icons
# Qt translations: .ts sources are committed, .qm are generated here and shipped.
lrelease="$(python -c 'import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / "lrelease")')"
for ts in reader/resources/translations/*.ts; do
    "$lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done

pyinstaller --noconfirm --clean build.spec

app=dist/duizhao/duizhao
echo "built: $app ($(du -sh dist/duizhao | cut -f1))"
# The built app must run with no Python around and write nothing into its own folder.
before=$(find dist/duizhao -newer "$app" | wc -l)
"$app" --version
"$app" --self-test
after=$(find dist/duizhao -newer "$app" | wc -l)
if [ "$before" != "$after" ]; then
    echo "error: the application wrote into its own folder" >&2
    exit 1
fi
