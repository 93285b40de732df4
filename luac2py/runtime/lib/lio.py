"""The ``io`` library (script mode and activities; the build rejects it in
workflows). Files are byte streams; Lua strings are latin-1 ``str``."""

from __future__ import annotations

import math
import os
import sys
import tempfile

from ..errors import LuaError
from ..table import Table
from ..values import NOVALUE, Userdata, obj_type_name, str_to_number, type_name
from .base import _arg_error


class LuaFile(Userdata):
    lua_name = "FILE*"

    def __init__(self, stream, name: str, std: bool = False):
        self._stream = stream
        self.name = name
        self.std = std
        self.closed = False

    @property
    def stream(self):
        # Standard streams follow sys.stdout etc., as print does.
        return getattr(sys, self.name).buffer if self.std else self._stream

    def lua_tostring(self) -> str:
        return "file (closed)" if self.closed else f"file (0x{id(self):014x})"

    def lua_index(self, key):
        return METHODS.get(key)


def _file(f, fname: str) -> LuaFile:
    if not isinstance(f, LuaFile):
        raise _arg_error(1, fname, f"FILE* expected, got {obj_type_name(f) if f is not NOVALUE else 'no value'}")
    if f.closed:
        raise LuaError.at_caller("attempt to use a closed file")
    return f


def _write(f: LuaFile, args, first_arg: int):
    out = []
    for i, a in enumerate(args, start=first_arg):
        if type(a) is str:
            out.append(a)
        elif type(a) is int:
            out.append(str(a))
        elif type(a) is float:
            # LUA_NUMBER_FMT, without tostring's ".0"
            out.append(("-nan" if math.copysign(1.0, a) < 0 else "nan") if a != a else "%.14g" % a)
        else:
            raise _arg_error(i, "write", f"string expected, got {type_name(a)}")
    try:
        f.stream.write("".join(out).encode("latin-1"))
    except OSError as e:
        return None, f"{f.name}: {e.strerror}", e.errno
    return f


def _read_line(f: LuaFile, keep: bool):
    line = f.stream.readline()
    if not line:
        return None
    text = line.decode("latin-1")
    return text if keep or not text.endswith("\n") else text[:-1]


def _peek(stream) -> bytes:
    """The next byte without consuming it (files here are buffered streams)."""
    return stream.peek(1)[:1]


def _read_number(f: LuaFile):
    # Lua reads the longest prefix that looks like a numeral, then converts it.
    stream = f.stream
    while _peek(stream) in (b" ", b"\t", b"\n", b"\r", b"\f", b"\v"):
        stream.read(1)
    buf = bytearray()
    while len(buf) < 200:
        c = _peek(stream)
        if not c or c not in b"0123456789+-.xXaAbBcCdDeEfFpP":
            break
        buf += stream.read(1)
    return str_to_number(buf.decode("latin-1"))


def _read(f: LuaFile, formats):
    if not formats:
        formats = ("l",)
    results = []
    for n, fmt in enumerate(formats, start=1):
        if type(fmt) in (int, float):
            size = int(fmt)
            if size == 0:
                v = "" if _peek(f.stream) else None  # read(0) tests for end of file
            else:
                data = f.stream.read(size)
                v = data.decode("latin-1") if data else None
        elif type(fmt) is str:
            code = fmt[1:2] if fmt.startswith("*") else fmt[:1]
            if code == "l":
                v = _read_line(f, False)
            elif code == "L":
                v = _read_line(f, True)
            elif code == "a":
                v = f.stream.read().decode("latin-1")
            elif code == "n":
                v = _read_number(f)
            else:
                raise _arg_error(n, "read", "invalid format")
        else:
            raise _arg_error(n, "read", "invalid format")
        results.append(v)
        if v is None:
            break
    return tuple(results) if len(results) != 1 else results[0]


def f_write(f=NOVALUE, *args):
    return _write(_file(f, "write"), args, 2)


def f_read(f=NOVALUE, *formats):
    return _read(_file(f, "read"), formats)


def f_lines(f=NOVALUE, *formats):
    f = _file(f, "lines")

    def step(*_):
        return _read(f, formats)

    return step


def f_close(f=NOVALUE, *_):
    f = _file(f, "close")
    if f.std:
        return None, "cannot close standard file"
    f.stream.close()
    f.closed = True
    return True


def f_flush(f=NOVALUE, *_):
    _file(f, "flush").stream.flush()
    return f


def f_seek(f=NOVALUE, whence="cur", offset=0, *_):
    f = _file(f, "seek")
    modes = {"set": os.SEEK_SET, "cur": os.SEEK_CUR, "end": os.SEEK_END}
    if whence not in modes:
        raise _arg_error(2, "seek", f"invalid option '{whence}'")
    try:
        return f.stream.seek(int(offset), modes[whence])
    except OSError as e:
        return None, e.strerror, e.errno


def f_setvbuf(f=NOVALUE, *_):
    _file(f, "setvbuf")
    return True


METHODS = {
    "write": f_write,
    "read": f_read,
    "lines": f_lines,
    "close": f_close,
    "flush": f_flush,
    "seek": f_seek,
    "setvbuf": f_setvbuf,
}

stdin = LuaFile(None, "stdin", std=True)
stdout = LuaFile(None, "stdout", std=True)
stderr = LuaFile(None, "stderr", std=True)
_default = {"input": stdin, "output": stdout}


def open_(filename=NOVALUE, mode="r", *_):
    if type(filename) is not str:
        raise _arg_error(1, "open", f"string expected, got {type_name(filename) if filename is not NOVALUE else 'no value'}")
    m = mode.replace("b", "") if type(mode) is str else ""
    if m not in ("r", "w", "a", "r+", "w+", "a+"):
        raise _arg_error(2, "open", "invalid mode")
    try:
        stream = open(filename, m + "b")  # noqa: SIM115  the Lua program closes it
    except OSError as e:
        return None, f"{filename}: {e.strerror}", e.errno
    return LuaFile(stream, filename)


def write(*args):
    return _write(_default["output"], args, 1)


def read(*formats):
    return _read(_default["input"], formats)


def lines(filename=None, *formats):
    if filename is None:
        return f_lines(_default["input"], *formats)
    f = open_(filename)
    if type(f) is tuple:
        raise LuaError.at_caller(f[1])

    def step(*_):
        v = _read(f, formats)
        if v is None and not f.closed:
            f_close(f)
        return v

    return step, None, None, f


def close(f=None, *_):
    return f_close(_default["output"] if f is None else f)


def _redirect(kind: str, mode: str):
    def select(f=None, *_):
        if type(f) is str:
            opened = open_(f, mode)
            if type(opened) is tuple:
                raise LuaError.at_caller(opened[1])
            _default[kind] = opened
        elif f is not None:
            _default[kind] = _file(f, kind)
        return _default[kind]

    return select


def io_type(f=NOVALUE, *_):
    if not isinstance(f, LuaFile):
        return None
    return "closed file" if f.closed else "file"


def tmpfile(*_):
    return LuaFile(tempfile.TemporaryFile(), "tmpfile")


def popen(prog=None, *_):
    raise LuaError.at_caller("'popen' not supported")


LIB = Table()
for _name, _fn in {
    "write": write,
    "read": read,
    "lines": lines,
    "open": open_,
    "close": close,
    "input": _redirect("input", "r"),
    "output": _redirect("output", "w"),
    "type": io_type,
    "tmpfile": tmpfile,
    "popen": popen,
    "stdin": stdin,
    "stdout": stdout,
    "stderr": stderr,
}.items():
    LIB[_name] = _fn
