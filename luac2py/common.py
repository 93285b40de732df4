"""What the compiler and the runtime both need, with no dependencies of its
own: Lua's 64-bit integers, its string->number conversion (the lexer reads
numerals with it, ``tonumber`` and arithmetic coercion use it) and the names
of the temporaries generated code uses.

The runtime never imports the compiler: what both need lives here, and Lua's
``load`` finds the compiler through an entry point (``runtime/loader.py``)."""

from __future__ import annotations

import math
import re

MAXINTEGER = 2**63 - 1
MININTEGER = -(2**63)
_MASK = 2**64 - 1


def wrap(n: int) -> int:
    """Wrap an arbitrary Python int to a 64-bit two's complement integer."""
    return ((n + 2**63) & _MASK) - 2**63


_SPACE = " \t\n\r\f\v"
_DEC = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\Z")
_HEX = re.compile(r"([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?\Z")


def str_to_number(s: str):
    """Lua's string->number conversion (``tonumber(s)``, arithmetic coercion);
    None when ``s`` is not a numeral."""
    if s.isdigit() and s.isascii() and len(s) < 19:  # the common case, fast
        return int(s)
    s = s.strip(_SPACE)
    if not s:
        return None
    m = _HEX.match(s)
    if m:
        sign, ipart, fpart, exp = m.groups()
        if not ipart and not fpart:
            return None
        if fpart is None and exp is None:
            v = wrap(int(ipart, 16))
            return wrap(-v) if sign == "-" else v
        mant = int((ipart or "") + (fpart or ""), 16) if (ipart or fpart) else 0
        e = (int(exp) if exp else 0) - 4 * len(fpart or "")
        try:
            v = math.ldexp(float(mant), e) if mant < 2**1000 else float(mant) * 2.0**e
        except OverflowError:
            v = math.inf
        return -v if sign == "-" else v
    if not _DEC.match(s):
        return None
    if "." in s or "e" in s or "E" in s:
        return float(s)
    v = int(s, 10)
    if MININTEGER <= v <= MAXINTEGER:
        return v
    return float(s)


# The compiler's temporaries: lower/names.py gives them and renames Lua locals
# named so; runtime/errors.py describes them by the expression they hold.
TEMPORARY = re.compile(r"_t(_\d+)?")
