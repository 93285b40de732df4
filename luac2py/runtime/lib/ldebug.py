"""The parts of Lua's ``debug`` library a compiled program can have: stack
levels and positions (from the line tables of generated modules), tracebacks,
type metatables and upvalue access through Python closures. Hooks are
accepted but never called (there is no VM to hook)."""

from __future__ import annotations

import sys
import threading

from ..errors import C_FUNCTIONS, LuaSource, _callee_name, activations
from ..table import Table, put_meta
from ..values import Cell, NOVALUE, TYPE_META, Userdata, type_name
from .base import _arg_error, getmetatable

_hook: list = [None, "", 0]


def _lua_source(fn) -> LuaSource | None:
    g = getattr(fn, "__globals__", None)
    src = g.get("__lua__") if g is not None else None
    return src if type(src) is LuaSource else None


class _Unwinding(threading.local):
    def __init__(self):
        self.frames: list = []  # frames an error is leaving while their __close handlers run


UNWINDING = _Unwinding()


class _Handling(threading.local):
    tb = None  # the traceback of the error an xpcall message handler is handling


HANDLING = _Handling()


def _error_levels(levels: list) -> list:
    """Inside a message handler Lua's stack still holds the functions the
    error came from: put them back from the error's traceback."""
    frames = []
    tb = HANDLING.tb
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    present = {id(f): i for i, (f, _) in enumerate(levels)}
    anchor = None
    inner = []
    for f in frames:  # outermost first
        if id(f) in present:
            anchor = present[id(f)]
            inner = []
        else:
            inner.append(f)
    if anchor is None:
        return levels
    lost = []
    for f in reversed(inner):
        src = f.f_globals.get("__lua__")
        if type(src) is LuaSource:
            lost.append((f, src))
    return levels[:anchor] + lost + levels[anchor:]


def _levels():
    """Stack levels seen from the caller of a debug function: level 1 first."""
    levels = list(activations(sys._getframe(2)))
    if HANDLING.tb is not None:
        levels = _error_levels(levels)
    if UNWINDING.frames:
        # Drop the Lua levels the error is unwinding, up to the protected call.
        cut = UNWINDING.frames[-1]
        for i, (frame, _) in enumerate(levels):
            if frame is cut:
                j = i
                while j < len(levels) and levels[j][1] is not None:
                    j += 1
                del levels[i:j]
                break
    return levels


def _function_info(fn, info: Table) -> None:
    loaded = getattr(fn, "lua_chunk", None)
    if loaded is not None:
        _function_info(loaded, info)
        src = _lua_source(loaded)
        if src.source is not None:
            info["source"] = src.source
        info["nups"] = 1
        return
    src = _lua_source(fn)
    if src is None:
        info["source"], info["short_src"], info["what"] = "=[C]", "[C]", "C"
        info["linedefined"] = info["lastlinedefined"] = -1
        info["nups"], info["nparams"], info["isvararg"] = 0, 0, True
        return
    code = fn.__code__
    info["source"] = "@" + src.chunkname if not src.chunkname.startswith("[string") else src.chunkname
    info["short_src"] = src.chunkname
    main = code.co_name == "chunk"
    info["what"] = "main" if main else "Lua"
    info["linedefined"] = 0 if main else src.lua_line(code.co_firstlineno)
    last = max((ln for _, _, ln in code.co_lines() if ln is not None), default=code.co_firstlineno)
    info["lastlinedefined"] = 0 if main else src.lua_line(last)
    info["nups"] = len(code.co_freevars) + code.co_kwonlyargcount
    info["nparams"] = code.co_argcount - (1 if main else 0)
    info["isvararg"] = bool(code.co_flags & 0x04) and code.co_varnames[code.co_argcount + code.co_kwonlyargcount] == "varargs"


def getinfo(*args):
    if args and type(args[0]).__name__ in ("Coroutine", "AsyncCoroutine"):
        args = args[1:]  # another coroutine's stack is not inspectable here
        if args and type(args[0]) is int:
            return None
    what = args[1] if len(args) > 1 and type(args[1]) is str else "flnSrtu"
    target = args[0] if args else NOVALUE
    info = Table()
    if type(target) is int or type(target) is float:
        level = int(target)
        if level < 0:
            return None
        if level == 0:
            info["currentline"] = -1
            _function_info(getinfo, info)
            info["name"], info["namewhat"] = "getinfo", "field"
            info["func"] = getinfo
            return info
        levels = _levels()
        if level > len(levels):
            return None
        frame, src = levels[level - 1]
        fn = _frame_function(frame)
        if fn is not None:
            _function_info(fn, info)
            info["func"] = fn
        elif src is not None:
            info["source"], info["short_src"], info["what"] = "@" + src.chunkname, src.chunkname, "Lua"
        else:
            _function_info(None, info)
        info["currentline"] = src.lua_line(frame.f_lineno) if src is not None else -1
        info["istailcall"] = False
        if "n" in what:
            name = None
            if level < len(levels):
                caller, caller_src = levels[level]
                if caller_src is not None:
                    called = _callee_name(caller.f_code, caller.f_lasti, caller_src)
                    if called is not None:
                        name = called[0]
                        info["namewhat"] = "method" if called[1] else "local"
            if name is None and frame.f_code in C_FUNCTIONS:
                name = frame.f_code.co_name
            info["name"] = name
            if name is None:
                info["namewhat"] = ""
        return info
    if not callable(target) or isinstance(target, (Table, Userdata)):
        raise _arg_error(1, "getinfo", "function or level expected")
    _function_info(target, info)
    info["func"] = target
    info["currentline"] = -1
    return info


def _frame_function(frame):
    code = frame.f_code
    back = frame.f_back
    # The function object is not on the frame; find it among the caller's values.
    for holder in (frame.f_globals, back.f_locals if back is not None else {}):
        for v in holder.values():
            if getattr(v, "__code__", None) is code:
                return v
    return None


def traceback(*args):
    if args and type(args[0]).__name__ in ("Coroutine", "AsyncCoroutine"):
        args = args[1:]
    msg = args[0] if args else None
    if msg is not None and type(msg) not in (str, int, float):
        return msg
    level = args[1] if len(args) > 1 and type(args[1]) is int else 1
    lines = ["stack traceback:"]
    for frame, src in _levels()[max(level - 1, 0):]:
        if src is None:
            lines.append(f"\t[C]: in function '{frame.f_code.co_name}'")
        else:
            where = src.where(frame.f_lineno)
            name = frame.f_code.co_name
            if name == "chunk":
                what = "main chunk"
            elif frame.f_back is not None and frame.f_back.f_code.co_name == "tbc_close_with":
                what = "metamethod 'close'"
            else:
                what = f"function <{src.chunkname}:{src.lua_line(frame.f_code.co_firstlineno)}>"
            lines.append(f"\t{where} in {what}")
    lines.append("\t[C]: in ?")
    text = "\n".join(lines)
    return text if msg is None else f"{msg}\n{text}"


def sethook(*args):
    if args and type(args[0]).__name__ in ("Coroutine", "AsyncCoroutine"):
        args = args[1:]
    _hook[:] = [args[0] if args else None, args[1] if len(args) > 1 else "", args[2] if len(args) > 2 else 0]


def gethook(*_):
    if _hook[0] is None:
        return None
    return tuple(_hook)


def getlocal(*_):
    return None


def setmetatable(v=None, mt=None, *_):
    if mt is not None and not isinstance(mt, Table):
        raise _arg_error(2, "setmetatable", "nil or table expected")
    if isinstance(v, Table):
        put_meta(v, mt)
    elif type(v) is str:
        from .lstring import STRING_META

        if mt is not None:
            STRING_META.clear()
            STRING_META.update(mt)
    elif isinstance(v, Userdata):
        v.lua_meta = mt
    else:
        name = type_name(v)
        if mt is None:
            TYPE_META.pop(name, None)
        else:
            TYPE_META[name] = mt
    return v


class _Slot:
    """Where one upvalue of a compiled function lives: a closure cell, a
    keyword default (a loop's fresh variable bound at creation) or nothing
    (a main chunk's ``_ENV``)."""

    def __init__(self, fn, name: str, cell=None, kw: str | None = None):
        self.fn, self.name, self.cell, self.kw = fn, name, cell, kw

    def _raw(self):
        if self.kw is not None:
            return self.fn.__kwdefaults__[self.kw]
        if self.cell is not None:
            try:
                return self.cell.cell_contents
            except ValueError:
                return None
        return None

    def get(self):
        v = self._raw()
        return v.v if type(v) is Cell else v

    def set(self, value) -> None:
        v = self._raw()
        if type(v) is Cell:
            v.v = value
        elif self.kw is not None:
            self.fn.__kwdefaults__[self.kw] = value
        elif self.cell is not None:
            self.cell.cell_contents = value

    def identity(self):
        """(hashable key, object to keep alive) naming where this upvalue lives."""
        v = self._raw()
        if type(v) is Cell:
            return id(v), v
        if self.cell is not None:
            return id(self.cell), self.cell  # (cells compare by contents)
        return (id(self.fn), self.name), self.fn


class _EnvSlot(_Slot):
    """Upvalue 1 (``_ENV``) of a chunk made by ``load``."""

    def __init__(self, fn):
        super().__init__(fn, "_ENV")

    def _raw(self):
        return self.fn.lua_env

    def set(self, value) -> None:
        self.fn.lua_env = value

    def identity(self):
        return (id(self.fn), "_ENV"), self.fn


def _upvalues(fn) -> list[_Slot]:
    if hasattr(fn, "lua_chunk"):
        return [_EnvSlot(fn)]
    code = getattr(fn, "__code__", None)
    src = _lua_source(fn)
    if code is None or src is None:
        return []
    order = src.upvalues.get(code.co_firstlineno)
    cells = dict(zip(code.co_freevars, fn.__closure__ or ()))
    kwdefaults = fn.__kwdefaults__ or {}
    if order is None:
        order = [(src.names.get(n, n), n) for n in (*code.co_freevars, *kwdefaults)]
    slots = []
    for lua_name, py in order:
        if py in kwdefaults:
            slots.append(_Slot(fn, lua_name, kw=py))
        else:
            slots.append(_Slot(fn, lua_name, cell=cells.get(py)))
    return slots


def getupvalue(f=NOVALUE, n=NOVALUE, *_):
    ups = _upvalues(f)
    if type(n) is not int or not 1 <= n <= len(ups):
        return None
    slot = ups[n - 1]
    return slot.name, slot.get()


def setupvalue(f=NOVALUE, n=NOVALUE, value=None, *_):
    ups = _upvalues(f)
    if type(n) is not int or not 1 <= n <= len(ups):
        return None
    slot = ups[n - 1]
    slot.set(value)
    return slot.name


def upvalueid(f=NOVALUE, n=NOVALUE, *_):
    ups = _upvalues(f)
    if type(n) is not int or not 1 <= n <= len(ups):
        raise _arg_error(2, "upvalueid", "invalid upvalue index")
    # One light-userdata-like value per upvalue, so `==` compares them as Lua does.
    key, owner = ups[n - 1].identity()
    known = _ids.get(key)
    if known is None:
        known = _ids[key] = (owner, _UpvalueId())  # the owner keeps the key's id valid
    return known[1]


class _UpvalueId(Userdata):
    lua_name = "light userdata"


_ids: dict = {}  # key of an upvalue's storage -> (its owner, its id value)


def _joinable(f, n, arg: int) -> _Slot:
    if type_name(f) != "function":
        from .base import _typename_for_msg

        raise _arg_error(arg, "debug.upvaluejoin", f"function expected, got {_typename_for_msg(f)}")
    ups = _upvalues(f)
    if type(n) is not int or not 1 <= n <= len(ups):
        raise _arg_error(arg + 1, "debug.upvaluejoin", "invalid upvalue index")
    return ups[n - 1]


def upvaluejoin(f1=NOVALUE, n1=NOVALUE, f2=NOVALUE, n2=NOVALUE, *_):
    """Make upvalue ``n1`` of ``f1`` the variable that upvalue ``n2`` of ``f2``
    is: ``f1``'s closure cell is replaced by ``f2``'s."""
    mine, theirs = _joinable(f1, n1, 1), _joinable(f2, n2, 3)
    if mine.cell is None or theirs.cell is None or (type(mine._raw()) is Cell) != (type(theirs._raw()) is Cell):
        from ..errors import LuaError

        raise LuaError.at_caller("debug.upvaluejoin: these upvalues are stored differently by compiled code")
    index = next(i for i, c in enumerate(f1.__closure__) if c is mine.cell)  # (cells == by contents)
    _replace_closure_cell(f1, index, theirs.cell)
    return ()


def _replace_closure_cell(fn, index: int, cell) -> None:
    """CPython only: a function's closure is a tuple the interpreter copies into
    each new frame; writing one item redirects later calls to ``cell``."""
    import ctypes

    closure = fn.__closure__
    old = closure[index]
    if old is cell:
        return
    ptr_size = ctypes.sizeof(ctypes.c_void_p)
    item = ctypes.c_void_p.from_address(id(closure) + tuple.__basicsize__ + index * ptr_size)
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(cell))
    item.value = id(cell)
    ctypes.pythonapi.Py_DecRef(ctypes.py_object(old))


def setuservalue(u=NOVALUE, *_):
    if not isinstance(u, Userdata) or isinstance(u, _UpvalueId):
        from ..values import obj_type_name

        got = "no value" if u is NOVALUE else obj_type_name(u)
        raise _arg_error(1, "setuservalue", f"userdata expected, got {got}")
    return u


REGISTRY = Table()

LIB = Table()
for _name, _fn in {
    "getinfo": getinfo,
    "traceback": traceback,
    "sethook": sethook,
    "gethook": gethook,
    "getlocal": getlocal,
    "getmetatable": lambda v=None, *_: getmetatable(v) if not isinstance(v, Table) else v.meta,
    "setmetatable": setmetatable,
    "getupvalue": getupvalue,
    "setupvalue": setupvalue,
    "upvalueid": upvalueid,
    "upvaluejoin": upvaluejoin,
    "getregistry": lambda *_: REGISTRY,
    "getuservalue": lambda *_: None,
    "setuservalue": setuservalue,
}.items():
    LIB[_name] = _fn
