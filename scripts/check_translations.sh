#!/usr/bin/env bash
# Fail when a committed .ts is out of date with reader/ or has an unfinished entry.
set -euo pipefail
cd "$(dirname "$0")/.."
exec python scripts/translations.py check
