#!/usr/bin/env bash
# Build the one-folder application with PyInstaller and check it with its own self-test.
#   scripts/build_app.sh            # build into dist/duizhao and run dist/duizhao/duizhao --self-test
# Needs: pip install -e ".[build]" (PyInstaller). Takes a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen

python scripts/make_icons.py build/icons
# Translations ship as the committed .ts, which the app reads itself (reader/ui/i18n.py).

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
