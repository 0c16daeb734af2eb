#!/usr/bin/env bash
# Browser test of the HTML report: builds the site from the committed fixture run
# (crates/storyline_digest/tests/fixtures/run), loads it in headless Chromium, and checks
# content, search, local links, accessibility and colour contrast (tests/browser/check.py).
# Screenshots (desktop index and story, phone-width story) go to tests/browser/artifacts/.
# Exits 0 with a SKIP message when Chromium or python3 is absent.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    echo "SKIP: chromium not found at $chromium (install it: apt-get install -y chromium)"
    exit 0
fi
if ! command -v python3 >/dev/null; then
    echo "SKIP: python3 not found"
    exit 0
fi

artifacts="$here/artifacts"
site="$artifacts/site"
rm -rf "$site"
mkdir -p "$artifacts"

echo "== building the report from the fixture run"
(cd "$root" && cargo run --quiet -p storyline_digest --example write_report -- \
    "$root/crates/storyline_digest/tests/fixtures/run" "$site")

profiles=()
cleanup() { for dir in "${profiles[@]}"; do rm -rf "$dir"; done; }
trap cleanup EXIT

# One fresh profile per run: Chromium locks its profile directory.
chrome() {
    local profile
    profile="$(mktemp -d)"
    profiles+=("$profile")
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" "$@" 2>/dev/null
}

echo "== loading pages in $("$chromium" --version 2>/dev/null || echo chromium)"
chrome --dump-dom "file://$site/index.html" >"$artifacts/index.dom.html"
chrome --dump-dom "file://$site/index.html#q=pyongyang" >"$artifacts/index-search.dom.html"
chrome --dump-dom "file://$site/index.html?q=rehab" >"$artifacts/index-query.dom.html"
chrome --dump-dom "file://$site/story/0.html" >"$artifacts/story.dom.html"

echo "== screenshots"
chrome --hide-scrollbars --window-size=1280,900 --screenshot="$artifacts/index.png" "file://$site/index.html" >/dev/null
chrome --hide-scrollbars --window-size=1280,2400 --screenshot="$artifacts/story.png" "file://$site/story/0.html" >/dev/null
chrome --hide-scrollbars --window-size=390,844 --screenshot="$artifacts/story-phone.png" "file://$site/story/0.html" >/dev/null

echo "== checks"
python3 "$here/check.py" "$artifacts"
