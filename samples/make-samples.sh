#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Rebuilds the sample recordings in this folder: espeak-ng speech (trimmed, resampled by sox) mixed with noise
# synthesised by MakeNoisy.java from fixed seeds. Needs espeak-ng, sox and a JDK >= 17 (source launcher).
# Usage: samples/make-samples.sh        (writes samples/*.wav and samples/index.json, prints the measured SNRs)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# say NAME VOICE SPEED RATE "TEXT": speech with leading/trailing silence trimmed, at RATE Hz, 16-bit mono
say() {
  espeak-ng -v "$2" -s "$3" -w "$work/$1.raw.wav" "$5"
  sox -R -D "$work/$1.raw.wav" -b 16 -c 1 "$work/$1.wav" \
      silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse gain -n -3 rate -v "$4"
}

mix() { # mix NAME NOISE RATE SECONDS SNR SEED SPEECH [TALKERS...]
  local name="$1"; shift
  java "$here/MakeNoisy.java" "$here/$name" "$@"
}

# 1. The study's benchmark case: 11.4 s at 22050 Hz, US male voice, pink noise at 5 dB.
say pink en-us 165 22050 "The birch canoe slid on the smooth planks. Glue the sheet to the dark blue background. \
It's easy to tell the depth of a well. These days a chicken leg is a rare dish."
# 2. British female voice, slower, 50 Hz mains hum with harmonics and fan-like brown noise at 0 dB, 16 kHz.
say hum en-gb+f3 140 16000 "A large size in stockings is hard to sell. The boy was there when the sun rose."
# 3. US voice, faster, babble of six other synthetic talkers at 5 dB, 16 kHz.
say babble en-us+m3 165 16000 "Rice is often served in round bowls. The juice of lemons makes fine punch."
talkers=()
i=0
for spec in "en-gb+m1:150:The hogs were fed chopped corn and garbage. Four hours of steady work faced us." \
            "en-us+f2:160:A rod is used to catch pink salmon. The source of the huge river is the clear spring." \
            "en-gb-scotland:145:Kick the ball straight and follow through. Help the woman get back to her feet." \
            "en-029+f4:155:A pot of tea helps to pass the evening. Smoky fires lack flame and heat." \
            "en-us+m7:170:The soft cushion broke the man's fall. The salt breeze came across from the sea." \
            "en-gb-x-rp+f1:150:The girl at the booth sold fifty bonds. The small pup gnawed a hole in the sock."; do
  IFS=: read -r voice speed text <<<"$spec"
  say "talker$i" "$voice" "$speed" 16000 "$text"
  talkers+=("$work/talker$i.wav")
  i=$((i + 1))
done

{
  mix speech-pink-22k pink 22050 11.4 5 20261124 "$work/pink.wav"
  mix speech-hum-16k hum 16000 7.5 0 20261125 "$work/hum.wav"
  mix speech-babble-16k babble 16000 7.5 5 20261126 "$work/babble.wav" "${talkers[@]}"
} | tee "$work/measured.jsonl"

# index.json in the format of the shared dev set: [{stem, clean, noise, snr_db}]
python3 - "$work/measured.jsonl" "$here/index.json" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
clean = {"pink": "espeak_en-us", "hum": "espeak_en-gb+f3", "babble": "espeak_en-us+m3"}
index = [{"stem": r["stem"], "clean": clean[r["noise"]], "noise": r["noise"], "snr_db": round(r["snr_db"])}
         for r in rows]
with open(sys.argv[2], "w") as f:
    json.dump(index, f, indent=1)
    f.write("\n")
PY
echo "wrote $(ls "$here"/*.wav | wc -l) WAV files and index.json; total $(du -cb "$here"/*.wav | tail -1 | cut -f1) bytes"
