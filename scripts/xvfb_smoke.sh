#!/usr/bin/env bash
# The real window on a real X server (Xvfb) through Qt's xcb plugin, as a user runs it:
# start on a fresh data directory (the corpus is imported), wait until the window is
# mapped with its document, import a document with Ctrl+O through the file dialog, scroll
# with the keyboard, take a screenshot, quit with Ctrl+Q; the exit status must be 0 and
# the output must hold no traceback.
#   scripts/xvfb_smoke.sh [PYTHON]        # default: python (a venv's python or duizhao's)
# Needs: xvfb xdotool x11-utils imagemagick and the xcb libraries README names.
# The screenshot is left in a temporary folder (printed), or in $DUIZHAO_ARTIFACTS.
set -euo pipefail
python="$(command -v "${1:-python}")"
work="$(mktemp -d)"
shots="${DUIZHAO_ARTIFACTS:-$work}"
mkdir -p "$shots"
xvfb_pid=""
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
fail() {
    echo "xvfb smoke: $*" >&2
    [ -f "$work/app.log" ] && sed 's/^/  app: /' "$work/app.log" >&2
    exit 1
}

# A free display number, chosen by Xvfb itself.
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
export DISPLAY=":$(cat "$work/display")"
export QT_QPA_PLATFORM=xcb
export DUIZHAO_DATA_DIR="$work/data"
unset WAYLAND_DISPLAY

cat >"$work/notice.txt" <<'EOF'
关于开展窗口冒烟测试的通知

各省、自治区、直辖市人民政府：

一、总体要求

（一）指导思想。坚持问题导向，提高工作质量，确保各项任务落到实处。

二、主要任务

（二）加强组织领导。各地区要认真落实本通知要求，及时报告工作进展。
EOF

# From the temporary folder, so that `python -m reader` runs the installed package, not a
# checkout in the current directory.
(cd "$work" && exec "$python" -m reader >"$work/app.log" 2>&1) &
app_pid=$!

# The window is mapped and shows the first corpus document (its title is in the window's).
window="$(timeout 120 xdotool search --sync --onlyvisible --name "— Duizhao" | head -1)" || fail "no window within 120 s"
first_title="$(xdotool getwindowname "$window")"
echo "window $window: $first_title"
xdotool windowfocus --sync "$window"

# Scroll the bilingual document with the keyboard: the screen must change.
# Mapped is not painted yet: wait until the screen shows more than a few colours.
colours=0
for _ in $(seq 120); do
    import -window root "$work/before-scroll.png"
    colours="$(convert "$work/before-scroll.png" -format "%k" info:)"
    [ "$colours" -gt 16 ] && break
    sleep 0.5
done
[ "$colours" -gt 16 ] || fail "the window was not painted within 60 s"
# A loaded machine may still be opening the first document (its place is restored once the
# window has its final size) when the keys arrive: try up to five times, each time looking
# for up to 10 s whether the screen changed.
changed=0
for _ in $(seq 5); do
    xdotool mousemove --window "$window" 500 400 click 1  # focus the Chinese pane (clicks a sentence)
    sleep 1
    import -window root "$work/before-scroll.png"
    for key in Page_Down Page_Down Page_Down Down Down; do
        xdotool key "$key"
        sleep 0.2
    done
    for _ in $(seq 20); do
        import -window root "$shots/xvfb-smoke-scrolled.png"
        changed="$(compare -metric AE "$work/before-scroll.png" "$shots/xvfb-smoke-scrolled.png" null: 2>&1 || true)"
        # more than a hover mark: a pane that scrolled by pages changes most of its text
        [ "${changed%%[ .]*}" -gt 20000 ] && break 2
        sleep 0.5
    done
done
[ "${changed%%[ .]*}" -gt 20000 ] || fail "scrolling with Page_Down did not move the text ($changed pixels changed; 5 tries)"
echo "scrolled: $changed pixels changed"

# Open a document: Ctrl+O, type the path into the file dialog, Return; the title changes.
xdotool key ctrl+o
timeout 30 xdotool search --sync --onlyvisible --name "Import documents" >/dev/null || fail "no file dialog"
sleep 0.5  # the dialog's line edit takes focus once it is shown
xdotool type --delay 20 "$work/notice.txt"
xdotool key Return
for _ in $(seq 300); do
    title="$(xdotool getwindowname "$window")"
    [ "$title" != "$first_title" ] && break
    kill -0 "$app_pid" 2>/dev/null || fail "the app ended during the import"
    sleep 0.2
done
[ "$title" != "$first_title" ] || fail "the imported document did not open (title still: $title)"
echo "opened: $title"

import -window root "$shots/xvfb-smoke.png"
colours="$(convert "$shots/xvfb-smoke.png" -format "%k" info:)"
[ "$colours" -gt 16 ] || fail "the screenshot has only $colours colours"
echo "screenshot: $shots/xvfb-smoke.png ($colours colours)"

xdotool windowfocus --sync "$window"  # no window manager gives the focus back after the dialog
xdotool key ctrl+q
code=0
for _ in $(seq 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && fail "the app did not quit within 30 s of Ctrl+Q"
wait "$app_pid" || code=$?
app_pid=""
[ "$code" = 0 ] || fail "exit status $code"
if grep -q "Traceback" "$work/app.log"; then fail "traceback in the output"; fi
echo "xvfb smoke: ok (started, imported and opened a document, scrolled, quit with status 0)"
