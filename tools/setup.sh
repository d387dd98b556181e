#!/usr/bin/env bash
# Installs what building and testing Lexiform needs, when it is missing:
# the C libraries (libxml2, ICU, zlib, OpenBLAS) with their headers, and pkg-config.
# Safe to run again: it installs nothing that is already there.
set -euo pipefail

packages=(libxml2-dev libicu-dev zlib1g-dev libopenblas-dev pkg-config)

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: Swift is not installed; install a Swift 6 toolchain first (https://www.swift.org/install/)." >&2
  exit 1
fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
  fi
else
  # Not Debian: check that pkg-config finds the libraries.
  for lib in libxml-2.0 icu-uc icu-i18n zlib openblas; do
    pkg-config --exists "$lib" || { echo "setup: $lib not found by pkg-config; install it with your package manager." >&2; exit 1; }
  done
fi
