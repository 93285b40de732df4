"""Lua's utf8 library (Lua 5.4's lutf8lib.c), on Lua strings held as
one-char-per-byte ``str``.

Decoding is Lua's, not Python's: it accepts the original UTF-8 up to six
bytes and 0x7FFFFFFF, and rejects surrogates and code points above
0x10FFFF only in strict (non-lax) mode.
"""

from __future__ import annotations

from builtins import len as _len

from ..errors import LuaError
from ..table import Table
from ..values import to_integer
from .lmath import NOVALUE, arg_error, check_integer, check_string, opt_integer

charpattern = "[\x00-\x7f\xc2-\xfd][\x80-\xbf]*"

_MAXUNICODE = 0x10FFFF
_MAXUTF = 0x7FFFFFFF
# Smallest code point for each continuation count (none for a stray continuation byte).
_LIMITS = (0xFFFFFFFF, 0x80, 0x800, 0x10000, 0x200000, 0x4000000)
_INVALID = "invalid UTF-8 code"


def _iscont(s: str, i: int) -> bool:
    # Past the end is Lua's terminating '\0', which is not a continuation.
    return i < _len(s) and ord(s[i]) & 0xC0 == 0x80


def _decode(s: str, i: int, strict: bool):
    """(code point, index after it) for the sequence at ``s[i]``, or None."""
    c = ord(s[i]) if i < _len(s) else 0
    if c < 0x80:
        code = c
    else:
        code = 0
        count = 0
        while c & 0x40:
            count += 1
            cc = ord(s[i + count]) if i + count < _len(s) else 0
            if cc & 0xC0 != 0x80:
                return None
            code = (code << 6) | (cc & 0x3F)
            c <<= 1
        code |= (c & 0x7F) << (count * 5)
        if count > 5 or code > _MAXUTF or code < _LIMITS[count]:
            return None
        i += count
    if strict and (code > _MAXUNICODE or 0xD800 <= code <= 0xDFFF):
        return None
    return code, i + 1


def _posrelat(pos: int, n: int) -> int:
    if pos >= 0:
        return pos
    if -pos > n:
        return 0
    return n + pos + 1


def _encode(code: int) -> str:
    """Lua's ``%U``: UTF-8 extended to 31 bits."""
    if code < 0x80:
        return chr(code)
    out = []
    mfb = 0x3F  # largest payload that still fits in the first byte
    while True:
        out.append(chr(0x80 | (code & 0x3F)))
        code >>= 6
        mfb >>= 1
        if code <= mfb:
            break
    out.append(chr(((~mfb << 1) | code) & 0xFF))
    return "".join(reversed(out))


def char(*codes):
    parts = []
    for n, v in enumerate(codes, 1):
        code = check_integer(v, n, "char")
        if not 0 <= code <= _MAXUTF:
            raise arg_error(n, "char", "value out of range")
        parts.append(_encode(code))
    return "".join(parts)


def len(s=NOVALUE, i=None, j=None, lax=None, *_):  # noqa: A001
    s = check_string(s, 1, "len")
    n = _len(s)
    posi = _posrelat(opt_integer(i, 2, "len", 1), n)
    posj = _posrelat(opt_integer(j, 3, "len", -1), n)
    strict = lax is None or lax is False or lax is NOVALUE
    if not 1 <= posi or posi - 1 > n:
        raise arg_error(2, "len", "initial position out of bounds")
    posi -= 1
    posj -= 1
    if posj >= n:
        raise arg_error(3, "len", "final position out of bounds")
    count = 0
    while posi <= posj:
        r = _decode(s, posi, strict)
        if r is None:
            return (None, posi + 1)
        posi = r[1]
        count += 1
    return count


def codepoint(s=NOVALUE, i=None, j=None, lax=None, *_):
    s = check_string(s, 1, "codepoint")
    n = _len(s)
    posi = _posrelat(opt_integer(i, 2, "codepoint", 1), n)
    pose = _posrelat(opt_integer(j, 3, "codepoint", posi), n)
    strict = lax is None or lax is False or lax is NOVALUE
    if posi < 1:
        raise arg_error(2, "codepoint", "out of bounds")
    if pose > n:
        raise arg_error(3, "codepoint", "out of bounds")
    if posi > pose:
        return ()
    if pose - posi >= 2**31 - 1:
        raise LuaError.at_caller("string slice too long")
    out = []
    p = posi - 1
    while p < pose:
        r = _decode(s, p, strict)
        if r is None:
            raise LuaError.at_caller(_INVALID)
        out.append(r[0])
        p = r[1]
    return out[0] if _len(out) == 1 else tuple(out)


def offset(s=NOVALUE, n=NOVALUE, i=None, *_):
    s = check_string(s, 1, "offset")
    size = _len(s)
    n = check_integer(n, 2, "offset")
    posi = _posrelat(opt_integer(i, 3, "offset", 1 if n >= 0 else size + 1), size)
    if not 1 <= posi or posi - 1 > size:
        raise arg_error(3, "offset", "position out of bounds")
    posi -= 1
    if n == 0:
        # The start of the character holding byte posi.
        while posi > 0 and _iscont(s, posi):
            posi -= 1
        return posi + 1
    if _iscont(s, posi):
        raise LuaError.at_caller("initial position is a continuation byte")
    if n < 0:
        while n < 0 and posi > 0:
            posi -= 1
            while posi > 0 and _iscont(s, posi):
                posi -= 1
            n += 1
    else:
        n -= 1
        while n > 0 and posi < size:
            posi += 1
            while _iscont(s, posi):
                posi += 1
            n -= 1
    return posi + 1 if n == 0 else None


def _iterator(strict: bool):
    def step(s=NOVALUE, control=None, *_):
        s = check_string(s, 1, "for iterator")
        size = _len(s)
        n = (to_integer(control) if type(control) in (int, float, str) else None) or 0
        # Negative controls compare as huge unsigned values: the loop ends.
        if n < 0:
            return ()
        while n < size and _iscont(s, n):
            n += 1
        if n >= size:
            return ()
        r = _decode(s, n, strict)
        if r is None or _iscont(s, r[1]):
            raise LuaError.at_caller(_INVALID)
        return (n + 1, r[0])

    return step


_codes_strict = _iterator(True)
_codes_lax = _iterator(False)


def codes(s=NOVALUE, lax=None, *_):
    s = check_string(s, 1, "codes")
    if _iscont(s, 0):
        raise arg_error(1, "codes", _INVALID)
    return (_codes_strict if lax is None or lax is False or lax is NOVALUE else _codes_lax, s, 0)


LIB = Table()
for _name in ("char", "charpattern", "codepoint", "codes", "len", "offset"):
    LIB[_name] = globals()[_name]
