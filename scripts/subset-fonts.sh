#!/usr/bin/env bash
# Makes the PDF fonts (functions/billing/src/main/resources/fonts) from DejaVu Sans 2.37: the scripts a
# Dutch, German or other European customer writes in (Latin with every extension and combining mark,
# Greek, Cyrillic), punctuation, currency, arrows, maths, box drawing and the common symbols; hinting and
# kerning kept. Dropped: Arabic, Hebrew, Armenian, Georgian, Braille and the rest of DejaVu's scripts,
# which print as a box, as CJK always did. Halves what the fonts add to the billing and reports
# artefacts (0.73 to 0.41 MiB compressed). Run once by hand when the ranges change; the build uses the
# files as committed. Needs fontTools (Debian: apt-get install python3-fonttools).
#   scripts/subset-fonts.sh /usr/share/fonts/truetype/dejavu   (a folder with the full DejaVuSans*.ttf)
set -euo pipefail
source_dir=${1:?folder with the full DejaVuSans.ttf and DejaVuSans-Bold.ttf}
target=$(cd "$(dirname "$0")/.." && pwd)/functions/billing/src/main/resources/fonts
ranges="U+0020-007E,U+00A0-024F,U+0250-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F"
ranges+=",U+20A0-20CF,U+2100-218F,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+2460-24FF,U+2500-25FF,U+2600-26FF"
ranges+=",U+2700-27BF,U+FB00-FB06,U+FFFD"
for font in DejaVuSans DejaVuSans-Bold; do
  python3 -m fontTools.subset "$source_dir/$font.ttf" --unicodes="$ranges" --layout-features='*' \
    --name-IDs='*' --name-languages='*' --notdef-outline --glyph-names --legacy-kern \
    --output-file="$target/$font.ttf"
done
