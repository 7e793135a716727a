"""Make bank and article text safe to print on a terminal.

Bank text is data written by anyone. Printed raw, an ESC sequence could move
the cursor, recolour the screen or set the window title, a carriage return
could overwrite a line, and a bidi override could make "false" read as
"eslaf". ``clean`` removes all of those and keeps everything else (wide CJK,
emoji, zero-width joiners) as it is.
"""

from __future__ import annotations

import re

# ESC-introduced sequences first, so their parameters go with them:
# CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings (ESC ] ... BEL or ESC \),
# and two-character escapes (ESC + one byte). The 8-bit C1 forms of CSI and
# the string introducers are handled the same way.
_ESC_SEQ_RE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?            # CSI, final byte optional if cut off
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])      # OSC, DCS, SOS, PM, APC ...
      [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?      # ... up to BEL or ST (or the end)
  | \x1b[ -/]*[0-~]?                             # other escapes: ESC (intermediates) final
    """,
    re.VERBOSE,
)
# What remains: C0 controls except tab and newline, DEL, C1 controls, and the
# bidi embeddings/overrides (U+202A-202E) and isolates (U+2066-2069).
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` without terminal control sequences, control characters or bidi overrides.

    Newlines and tabs are kept; a CR LF pair becomes a newline.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n")
    return _CONTROL_RE.sub("", _ESC_SEQ_RE.sub("", text))
