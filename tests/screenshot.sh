#!/usr/bin/env bash
# tests/screenshot.sh [OUTDIR]
#
# Starts Slipbox on a demo database (tests/demo, loaded with slipbox-cli)
# under a virtual display, uses it as a person would with xdotool, and writes
# PNG screenshots to OUTDIR (default: _build/screenshots). Needs a built
# _build (build-aux/test or build-aux/run makes one), xvfb-run, xdotool and
# imagemagick's import.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SLIPBOX_BUILD:-$root/_build}"

if [ "${1:-}" != "--inside" ]; then
  out="$(mkdir -p "${1:-$build/screenshots}" && cd "${1:-$build/screenshots}" && pwd)"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  export SLIPBOX_DB="$work/demo.db"
  for file in "$root"/tests/demo/*.md; do
    title="$(basename "$file" .md)"
    case "$title" in
      journal-1) title="$(date -d '2 days ago' +%F)" ;;
      journal-2) title="$(date -d yesterday +%F)" ;;
    esac
    "$build/app/cli/slipbox-cli" add "$title" < "$file" > /dev/null
  done
  # A session bus of its own, so that a second launch reaches the running app.
  status=0
  xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- "$0" --inside "$out" || status=$?
  if [ -n "${SLIPBOX_KEEP_DEMO:-}" ]; then
    cp "$work"/demo.db* "$SLIPBOX_KEEP_DEMO"/
  fi
  exit "$status"
fi

out="$2"
export GDK_BACKEND=x11 GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory
export GTK_A11Y=none

shot () {
  sleep "${2:-1.5}"
  import -window root "$out/$1.png"
  echo "wrote $out/$1.png"
}

"$build/app/slipbox" "Project Atlas" &
app=$!
window="$(xdotool search --sync --onlyvisible --name 'Project Atlas' | head -n 1)"
xdotool windowsize "$window" 1280 800
xdotool windowfocus --sync "$window"
shot 1-note-with-linked-mentions

# Today's note: type a block with links; autosave takes it from there.
xdotool key --clearmodifiers ctrl+t
sleep 1
xdotool type --delay 25 'Planned the survey with [[Maria Okafor]] for [[Project Atlas]]'
xdotool key Return
sleep 0.5
xdotool type --delay 25 'Tide tables due #field-season'
shot 2-typing-today 2

# Back to the project: today's note is now among its linked mentions.
"$build/app/slipbox" "Project Atlas"
shot 3-mentions-after-typing

# Click the newest mention (today's block) in the panel: back to today.
xdotool mousemove --window "$window" 1010 162 click 1
shot 4-followed-the-mention

# Quit, start again: everything is still there.
xdotool key --clearmodifiers ctrl+q
wait "$app" || true
"$build/app/slipbox" &
app=$!
window="$(xdotool search --sync --onlyvisible --name "$(date +%F)" | head -n 1)"
xdotool windowfocus --sync "$window"
shot 5-after-restart
xdotool key --clearmodifiers ctrl+q
wait "$app" || true
