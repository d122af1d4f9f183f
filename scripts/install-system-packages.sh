#!/usr/bin/env bash
# Installs the Debian packages orch's media features and tests use: ffmpeg (audio conversion and
# chunking) and yt-dlp (audio/video URLs). Does nothing when both are already installed.
set -euo pipefail
if command -v ffmpeg >/dev/null 2>&1 && command -v yt-dlp >/dev/null 2>&1; then
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends ffmpeg yt-dlp
