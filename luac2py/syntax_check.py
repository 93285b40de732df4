"""Lua's parser rules run over the scanner's tokens (``lparser.c``'s grammar,
limits and scope rules, with ``lcode.c``'s constant folding where it decides
what is a compile-time constant): ``check_chunk`` raises the first compile
error Lua itself would report, with its message, before luaparser builds the
tree (luaparser accepts programs Lua rejects and words errors its own way)."""

from __future__ import annotations

import sys

from .common import MININTEGER, wrap
from .lex import EOF, ERROR, LuaSyntaxError, NAME, NUMBER, STRING, Tok, token_str, token_text

LUAI_MAXCCALLS = 200
C_LEVEL_BASE = 2  # C calls already in use when a chunk loaded from Lua is parsed
MAXVARS = 200
MAXUPVAL = 255
MAXREGS = 255

# expression kinds (a subset of lparser.h's expkind)
VVOID, VNIL, VTRUE, VFALSE, VKSTR, VKINT, VKFLT, VLOCAL, VUPVAL, VCONST, VINDEXED, VCALL, VVARARG, VOTHER = range(14)
VDKREG, RDKCONST, RDKTOCLOSE, RDKCTC = range(4)

_UNOPS = frozenset(["not", "-", "~", "#"])
_BINPRI = {
    "+": (10, 10), "-": (10, 10), "*": (11, 11), "%": (11, 11), "^": (14, 13), "/": (11, 11), "//": (11, 11),
    "&": (6, 6), "|": (4, 4), "~": (5, 5), "<<": (7, 7), ">>": (7, 7), "..": (9, 8),
    "==": (3, 3), "<": (3, 3), "<=": (3, 3), "~=": (3, 3), ">": (3, 3), ">=": (3, 3), "and": (2, 2), "or": (1, 1),
}  # fmt: skip
_UNARY_PRIORITY = 12
_BLOCK_END = frozenset(["else", "elseif", "end", EOF])


class _Exp:
    __slots__ = ("k", "val", "info")

    def __init__(self, k, val=None, info=None):
        self.k, self.val, self.info = k, val, info


class _Var:
    __slots__ = ("name", "kind", "val")

    def __init__(self, name, kind=VDKREG):
        self.name, self.kind, self.val = name, kind, None


class _Block:
    __slots__ = ("nactvar", "firstlabel", "firstgoto", "isloop", "previous")

    def __init__(self, fs, isloop, checker):
        self.nactvar = fs.nactvar
        self.firstlabel = len(checker.labels)
        self.firstgoto = len(checker.gotos)
        self.isloop = isloop
        self.previous = fs.bl


class _Func:
    __slots__ = ("prev", "actvar", "nactvar", "upvals", "bl", "vararg", "linedefined", "firstlabel", "freereg")

    def __init__(self, prev, linedefined, firstlabel):
        self.prev = prev
        self.actvar: list[_Var] = []  # declared variables (active ones first)
        self.nactvar = 0
        self.upvals: list[tuple[str, int]] = []
        self.bl = None
        self.vararg = False
        self.linedefined = linedefined
        self.firstlabel = firstlabel
        self.freereg = 0

    def nvarstack(self):
        return sum(1 for v in self.actvar[: self.nactvar] if v.kind != RDKCTC)


class _Label:
    __slots__ = ("name", "line", "nactvar", "col")

    def __init__(self, name, line, nactvar, col=1):
        self.name, self.line, self.nactvar, self.col = name, line, nactvar, col


class Checker:
    """Runs Lua's parser over the tokens, raising Lua's first compile error."""

    def __init__(self, tokens: list[Tok], c_base: int = C_LEVEL_BASE):
        self.toks = tokens
        self.pos = -1
        self.read = -1  # last token index the scanner has produced
        self.t: Tok = tokens[0]
        self.level = c_base
        self.fs: _Func | None = None
        self.labels: list[_Label] = []
        self.gotos: list[_Label] = []

    # --- scanner interface ----------------------------------------------------
    @property
    def linenumber(self) -> int:
        return self.toks[self.read].endline

    def _produce(self, index):
        tok = self.toks[index]
        if tok.kind == ERROR:
            raise tok.value
        if index > self.read:
            self.read = index
        return tok

    def next(self):
        self.pos += 1
        self.t = self._produce(self.pos)

    def lookahead(self) -> str:
        return self._produce(self.pos + 1).kind

    def error(self, msg, near=True, code="E100"):
        tok = self.t
        text = f"{msg} near {token_text(tok)}" if near else msg
        raise LuaSyntaxError(self.linenumber, tok.col, text, code)

    def semerror(self, msg, code="E200", col=None):
        if col is not None:  # a pending goto: point at it (Lua has no columns)
            raise LuaSyntaxError(self.linenumber, col, msg, code)
        self.error(msg, near=False, code=code)

    def error_expected(self, kind):
        self.error(f"{token_str(kind)} expected")

    def check(self, kind):
        if self.t.kind != kind:
            self.error_expected(kind)

    def checknext(self, kind):
        if self.t.kind != kind:
            self.error_expected(kind)
        self.next()

    def testnext(self, kind) -> bool:
        if self.t.kind == kind:
            self.next()
            return True
        return False

    def check_match(self, what, who, where):
        if self.t.kind == what:
            self.next()
            return
        if where == self.linenumber:
            self.error_expected(what)
        self.error(f"{token_str(what)} expected (to close {token_str(who)} at line {where})")

    def str_checkname(self) -> str:
        if self.t.kind != NAME:
            self.error_expected(NAME)
        name = self.t.text
        self.next()
        return name

    def enterlevel(self):
        self.level += 1
        if self.level >= LUAI_MAXCCALLS:
            if self.level == LUAI_MAXCCALLS:
                raise LuaSyntaxError(self.linenumber, self.t.col, "C stack overflow", "E102")
            raise LuaSyntaxError(self.linenumber, self.t.col, "error in error handling", "E102")

    # --- limits -----------------------------------------------------------------
    def errorlimit(self, fs, limit, what):
        where = "main function" if fs.linedefined == 0 else f"function at line {fs.linedefined}"
        self.error(f"too many {what} (limit is {limit}) in {where}")

    def reserveregs(self, n=1):
        fs = self.fs
        fs.freereg += n
        if fs.freereg > MAXREGS:
            self.error("function or expression needs too many registers")

    # --- variables ----------------------------------------------------------------
    def new_localvar(self, name) -> _Var:
        fs = self.fs
        if len(fs.actvar) + 1 > MAXVARS:
            self.errorlimit(fs, MAXVARS, "local variables")
        v = _Var(name)
        fs.actvar.append(v)
        return v

    def adjustlocalvars(self, nvars):
        self.fs.nactvar += nvars

    def removevars(self, fs, tolevel):
        del fs.actvar[tolevel:]
        fs.nactvar = tolevel

    def singlevaraux(self, fs, name, base) -> _Exp:
        if fs is None:
            return _Exp(VVOID)
        for i in range(fs.nactvar - 1, -1, -1):
            v = fs.actvar[i]
            if v.name == name:
                if v.kind == RDKCTC:
                    return _Exp(VCONST, v.val, v)
                return _Exp(VLOCAL, None, v)
        for idx, (upname, _kind) in enumerate(fs.upvals):
            if upname == name:
                return _Exp(VUPVAL, None, idx)
        e = self.singlevaraux(fs.prev, name, 0)
        if e.k == VLOCAL:
            kind = e.info.kind
        elif e.k == VUPVAL:
            kind = fs.prev.upvals[e.info][1]
        else:
            return e
        if len(fs.upvals) + 1 > MAXUPVAL:
            self.errorlimit(fs, MAXUPVAL, "upvalues")
        fs.upvals.append((name, kind))
        return _Exp(VUPVAL, None, len(fs.upvals) - 1)

    def singlevar(self) -> _Exp:
        name = self.str_checkname()
        e = self.singlevaraux(self.fs, name, 1)
        if e.k == VVOID:
            self.singlevaraux(self.fs, "_ENV", 1)
            return _Exp(VINDEXED)
        return e

    def check_readonly(self, e: _Exp):
        name = None
        if e.k == VCONST:
            name = e.info.name
        elif e.k == VLOCAL:
            if e.info.kind != VDKREG:
                name = e.info.name
        elif e.k == VUPVAL:
            upname, kind = self.fs.upvals[e.info]
            if kind != VDKREG:
                name = upname
        if name is not None:
            self.semerror(f"attempt to assign to const variable '{name}'", "E210")

    # --- blocks, labels, gotos -------------------------------------------------------
    def enterblock(self, isloop=False):
        fs = self.fs
        fs.bl = _Block(fs, isloop, self)

    def leaveblock(self):
        fs = self.fs
        bl = fs.bl
        self.removevars(fs, bl.nactvar)
        if bl.isloop:
            self.createlabel("break", 0, False)
        del self.labels[bl.firstlabel :]
        fs.bl = bl.previous
        if bl.previous is not None:
            for gt in self.gotos[bl.firstgoto :]:
                gt.nactvar = bl.nactvar
        elif bl.firstgoto < len(self.gotos):
            gt = self.gotos[bl.firstgoto]
            if gt.name == "break":
                self.semerror(f"break outside loop at line {gt.line}", "E201", gt.col)
            self.semerror(f"no visible label '{gt.name}' for <goto> at line {gt.line}", "E202", gt.col)

    def findlabel(self, name):
        for lb in self.labels[self.fs.firstlabel :]:
            if lb.name == name:
                return lb
        return None

    def createlabel(self, name, line, last):
        fs = self.fs
        lb = _Label(name, line, fs.bl.nactvar if last else fs.nactvar)
        self.labels.append(lb)
        gotos = self.gotos
        i = fs.bl.firstgoto
        while i < len(gotos):
            gt = gotos[i]
            if gt.name == name:
                if gt.nactvar < lb.nactvar:
                    var = fs.actvar[gt.nactvar].name
                    self.semerror(f"<goto {gt.name}> at line {gt.line} jumps into the scope of local '{var}'", "E205")
                del gotos[i]
            else:
                i += 1

    def open_func(self, linedefined):
        fs = _Func(self.fs, linedefined, len(self.labels))
        self.fs = fs
        self.enterblock()
        return fs

    def close_func(self):
        self.leaveblock()
        self.fs = self.fs.prev

    # --- grammar ------------------------------------------------------------------
    def run(self):
        fs = self.open_func(0)
        fs.vararg = True
        fs.upvals.append(("_ENV", VDKREG))
        self.next()
        self.statlist()
        self.check(EOF)
        self.close_func()

    def block_follow(self, withuntil):
        k = self.t.kind
        return k in _BLOCK_END or (withuntil and k == "until")

    def statlist(self):
        while not self.block_follow(True):
            if self.t.kind == "return":
                self.statement()
                return
            self.statement()

    def fieldsel(self):
        self.next()
        self.str_checkname()

    def yindex(self):
        self.next()
        self.expr()
        self.checknext("]")

    def constructor(self):
        line = self.linenumber
        self.checknext("{")
        reg = self.fs.freereg
        self.reserveregs(1)
        tostore = 0
        while self.t.kind != "}":
            k = self.t.kind
            if k == NAME and self.lookahead() == "=" or k == "[":
                if k == NAME:
                    self.str_checkname()
                else:
                    self.yindex()
                save = self.fs.freereg
                self.checknext("=")
                self.expr()
                self.fs.freereg = save
            else:
                if tostore == 50:
                    self.fs.freereg = reg + 1
                    tostore = 0
                self.expr()
                tostore += 1
                if self.t.kind in (",", ";"):
                    self.reserveregs(1)
            if not (self.testnext(",") or self.testnext(";")):
                break
        self.check_match("}", "{", line)
        self.fs.freereg = reg
        return _Exp(VOTHER)

    def parlist(self):
        fs = self.fs
        nparams = 0
        if self.t.kind != ")":
            while True:
                k = self.t.kind
                if k == NAME:
                    self.new_localvar(self.str_checkname())
                    nparams += 1
                elif k == "...":
                    self.next()
                    fs.vararg = True
                    break
                else:
                    self.error("<name> or '...' expected")
                if not self.testnext(","):
                    break
        self.adjustlocalvars(nparams)
        fs.freereg = fs.nactvar

    def body(self, ismethod, line):
        self.open_func(line)
        self.checknext("(")
        if ismethod:
            self.new_localvar("self")
            self.adjustlocalvars(1)
        self.parlist()
        self.checknext(")")
        self.statlist()
        self.check_match("end", "function", line)
        self.close_func()
        return _Exp(VOTHER)

    def explist(self):
        n = 1
        e = self.expr()
        while self.testnext(","):
            self.reserveregs(1)
            e = self.expr()
            n += 1
        return n, e

    def funcargs(self, line):
        k = self.t.kind
        base = self.fs.freereg
        if k == "(":
            self.next()
            if self.t.kind != ")":
                self.explist()
            self.check_match(")", "(", line)
        elif k == "{":
            self.constructor()
        elif k == STRING:
            self.next()
        else:
            self.error("function arguments expected")
        self.fs.freereg = base
        return _Exp(VCALL)

    def primaryexp(self) -> _Exp:
        k = self.t.kind
        if k == "(":
            line = self.linenumber
            self.next()
            self.expr()
            self.check_match(")", "(", line)
            return _Exp(VOTHER)
        if k == NAME:
            return self.singlevar()
        self.error("unexpected symbol")

    def suffixedexp(self) -> _Exp:
        line = self.linenumber
        e = self.primaryexp()
        while True:
            k = self.t.kind
            if k == ".":
                self.fieldsel()
                e = _Exp(VINDEXED)
            elif k == "[":
                self.yindex()
                e = _Exp(VINDEXED)
            elif k == ":":
                self.next()
                self.str_checkname()
                self.reserveregs(2)
                e = self.funcargs(line)
                self.fs.freereg -= 1
            elif k in ("(", STRING, "{"):
                self.reserveregs(1)
                e = self.funcargs(line)
            else:
                return e

    def simpleexp(self) -> _Exp:
        t = self.t
        k = t.kind
        if k == NUMBER:
            e = _Exp(VKINT if type(t.value) is int else VKFLT, t.value)
        elif k == STRING:
            e = _Exp(VKSTR, t.value)
        elif k == "nil":
            e = _Exp(VNIL)
        elif k == "true":
            e = _Exp(VTRUE)
        elif k == "false":
            e = _Exp(VFALSE)
        elif k == "...":
            if not self.fs.vararg:
                self.error("cannot use '...' outside a vararg function", code="E203")
            e = _Exp(VVARARG)
        elif k == "{":
            return self.constructor()
        elif k == "function":
            self.next()
            return self.body(False, self.linenumber)
        else:
            return self.suffixedexp()
        self.next()
        return e

    def subexpr(self, limit):
        self.enterlevel()
        k = self.t.kind
        if k in _UNOPS:
            self.next()
            e, _ = self.subexpr(_UNARY_PRIORITY)
            e = _fold_unary(k, e)
        else:
            e = self.simpleexp()
        op = self.t.kind
        pri = _BINPRI.get(op) if self.t.kind not in (NAME, STRING, NUMBER) else None
        while pri is not None and pri[0] > limit:
            self.next()
            e2, nextop = self.subexpr(pri[1])
            e = _fold_binary(op, e, e2)
            op = nextop
            pri = _BINPRI.get(op) if op is not None else None
        self.level -= 1
        nk = self.t.kind
        return e, (nk if nk in _BINPRI and nk not in (NAME, STRING, NUMBER) else None)

    def expr(self) -> _Exp:
        return self.subexpr(0)[0]

    # --- statements ----------------------------------------------------------------
    def block(self):
        self.enterblock()
        self.statlist()
        self.leaveblock()

    def restassign(self, lh: _Exp, nvars):
        if lh.k not in (VLOCAL, VUPVAL, VCONST, VINDEXED):
            self.error("syntax error")
        self.check_readonly(lh)
        if self.testnext(","):
            nv = self.suffixedexp()
            self.enterlevel()
            self.restassign(nv, nvars + 1)
            self.level -= 1
        else:
            self.checknext("=")
            self.explist()

    def gotostat(self, line, col=1):
        name = self.str_checkname()
        if self.findlabel(name) is None:
            self.gotos.append(_Label(name, line, self.fs.nactvar, col))

    def labelstat(self, name, line):
        self.checknext("::")
        while self.t.kind in (";", "::"):
            self.statement()
        lb = self.findlabel(name)
        if lb is not None:
            self.semerror(f"label '{name}' already defined on line {lb.line}", "E204")
        self.createlabel(name, line, self.block_follow(False))

    def whilestat(self, line):
        self.next()
        self.expr()
        self.enterblock(True)
        self.checknext("do")
        self.block()
        self.check_match("end", "while", line)
        self.leaveblock()

    def repeatstat(self, line):
        self.enterblock(True)
        self.enterblock()
        self.next()
        self.statlist()
        self.check_match("until", "repeat", line)
        self.expr()
        self.leaveblock()
        self.leaveblock()

    def forbody(self, nvars):
        self.checknext("do")
        self.enterblock()
        self.adjustlocalvars(nvars)
        self.reserveregs(nvars)
        self.block()
        self.leaveblock()

    def forstat(self, line):
        fs = self.fs
        self.enterblock(True)
        self.next()
        varname = self.str_checkname()
        k = self.t.kind
        base = fs.freereg
        if k == "=":
            for _ in range(3):
                self.new_localvar("(for state)")
            self.new_localvar(varname)
            self.next()
            self.expr()
            self.reserveregs(1)
            self.checknext(",")
            self.expr()
            self.reserveregs(1)
            if self.testnext(","):
                self.expr()
            self.reserveregs(1)
            fs.freereg = base + 3
            self.adjustlocalvars(3)
            self.forbody(1)
        elif k in (",", "in"):
            for _ in range(4):
                self.new_localvar("(for state)")
            self.new_localvar(varname)
            nvars = 5
            while self.testnext(","):
                self.new_localvar(self.str_checkname())
                nvars += 1
            self.checknext("in")
            self.explist()
            fs.freereg = base + 4
            self.adjustlocalvars(4)
            if fs.freereg + 3 > MAXREGS:
                self.error("function or expression needs too many registers")
            self.forbody(nvars - 4)
        else:
            self.error("'=' or 'in' expected")
        self.check_match("end", "for", line)
        self.leaveblock()

    def test_then_block(self):
        self.next()
        self.expr()
        self.checknext("then")
        if self.t.kind == "break":
            line = self.linenumber
            self.next()
            self.enterblock()
            self.gotos.append(_Label("break", line, self.fs.nactvar, self.toks[self.pos - 1].col))
            while self.testnext(";"):
                pass
            if self.block_follow(False):
                self.leaveblock()
                return
        else:
            self.enterblock()
        self.statlist()
        self.leaveblock()

    def ifstat(self, line):
        self.test_then_block()
        while self.t.kind == "elseif":
            self.test_then_block()
        if self.testnext("else"):
            self.block()
        self.check_match("end", "if", line)

    def localfunc(self):
        self.new_localvar(self.str_checkname())
        self.adjustlocalvars(1)
        self.fs.freereg += 1
        self.body(False, self.linenumber)

    def localstat(self):
        fs = self.fs
        toclose = False
        nvars = 0
        var = None
        while True:
            var = self.new_localvar(self.str_checkname())
            if self.testnext("<"):
                attr = self.str_checkname()
                self.checknext(">")
                if attr == "const":
                    var.kind = RDKCONST
                elif attr == "close":
                    var.kind = RDKTOCLOSE
                    if toclose:
                        self.semerror("multiple to-be-closed variables in local list", "E212")
                    toclose = True
                else:
                    self.semerror(f"unknown attribute '{attr}'", "E211")
            nvars += 1
            if not self.testnext(","):
                break
        if self.testnext("="):
            nexps, e = self.explist()
        else:
            nexps, e = 0, _Exp(VVOID)
        if nvars == nexps and var.kind == RDKCONST and e.k in (VNIL, VTRUE, VFALSE, VKSTR, VKINT, VKFLT, VCONST):
            var.kind = RDKCTC
            var.val = e.val
            self.adjustlocalvars(nvars - 1)
            fs.nactvar += 1
        else:
            self.adjustlocalvars(nvars)
        fs.freereg = fs.nvarstack()
        if fs.freereg > MAXREGS:
            self.error("function or expression needs too many registers")

    def funcstat(self, line):
        self.next()
        v = self.singlevar()
        ismethod = False
        while self.t.kind == ".":
            self.fieldsel()
            v = _Exp(VINDEXED)
        if self.t.kind == ":":
            ismethod = True
            self.fieldsel()
            v = _Exp(VINDEXED)
        self.body(ismethod, line)
        self.check_readonly(v)

    def exprstat(self):
        e = self.suffixedexp()
        if self.t.kind in ("=", ","):
            self.restassign(e, 1)
        elif e.k != VCALL:
            self.error("syntax error")

    def retstat(self):
        if not (self.block_follow(True) or self.t.kind == ";"):
            self.explist()
        self.testnext(";")

    def statement(self):
        line = self.linenumber
        self.enterlevel()
        k = self.t.kind
        if k == ";":
            self.next()
        elif k == "if":
            self.ifstat(line)
        elif k == "while":
            self.whilestat(line)
        elif k == "do":
            self.next()
            self.block()
            self.check_match("end", "do", line)
        elif k == "for":
            self.forstat(line)
        elif k == "repeat":
            self.repeatstat(line)
        elif k == "function":
            self.funcstat(line)
        elif k == "local":
            self.next()
            if self.testnext("function"):
                self.localfunc()
            else:
                self.localstat()
        elif k == "::":
            self.next()
            self.labelstat(self.str_checkname(), line)
        elif k == "return":
            self.next()
            self.retstat()
        elif k == "break":
            bline, bcol = self.linenumber, self.t.col
            self.next()
            self.gotos.append(_Label("break", bline, self.fs.nactvar, bcol))
        elif k == "goto":
            gline, gcol = self.linenumber, self.t.col
            self.next()
            self.gotostat(gline, gcol)
        else:
            self.exprstat()
        self.fs.freereg = self.fs.nvarstack()
        self.level -= 1


# --- constant folding (lcode.c's constfolding, enough to know compile-time constants)

def _numeral(e):
    if e.k in (VKINT, VKFLT):
        return e.val
    if e.k == VCONST and type(e.val) in (int, float):
        return e.val
    return None


def _as_int(v):
    if type(v) is int:
        return v
    if v == v and v not in (float("inf"), float("-inf")) and v == int(v) and MININTEGER <= v < 2**63:
        return int(v)
    return None


def _result(v):
    if type(v) is int:
        return _Exp(VKINT, v)
    if v != v or v == 0:
        return _Exp(VOTHER)
    return _Exp(VKFLT, v)


def _fold_unary(op, e):
    if op == "not":
        if e.k in (VNIL, VFALSE) or (e.k == VCONST and e.val in (None, False)):
            return _Exp(VTRUE)
        if e.k in (VTRUE, VKSTR, VKINT, VKFLT) or e.k == VCONST:
            return _Exp(VFALSE)
        return _Exp(VOTHER)
    v = _numeral(e)
    if v is None or op == "#":
        return _Exp(VOTHER)
    try:
        if op == "-":
            return _result(wrap(-v) if type(v) is int else -v)
        i = _as_int(v)
        return _Exp(VOTHER) if i is None else _result(wrap(~i))
    except (ArithmeticError, ValueError):
        return _Exp(VOTHER)


def _fold_binary(op, e1, e2):
    a, b = _numeral(e1), _numeral(e2)
    if a is None or b is None or op not in "+-*%^///&|~<<>>" or op in ("<", ">", "=="):
        return _Exp(VOTHER)
    try:
        if op in ("&", "|", "~", "<<", ">>"):
            x, y = _as_int(a), _as_int(b)
            if x is None or y is None:
                return _Exp(VOTHER)
            if op == "&":
                return _result(x & y)
            if op == "|":
                return _result(x | y)
            if op == "~":
                return _result(x ^ y)
            if op == ">>":
                y = -y
            if y <= -64 or y >= 64:
                return _result(0)
            ux = x & 0xFFFFFFFFFFFFFFFF
            return _result(wrap(ux << y if y >= 0 else ux >> -y))
        if op in ("/", "//", "%") and b == 0:
            return _Exp(VOTHER)
        both_int = type(a) is int and type(b) is int
        if op == "+":
            return _result(wrap(a + b) if both_int else float(a) + float(b))
        if op == "-":
            return _result(wrap(a - b) if both_int else float(a) - float(b))
        if op == "*":
            return _result(wrap(a * b) if both_int else float(a) * float(b))
        if op == "/":
            return _result(float(a) / float(b))
        if op == "^":
            return _result(float(a) ** float(b))
        if op == "//":
            if both_int:
                return _result(a // b)
            import math

            return _result(float(math.floor(float(a) / float(b))))
        if op == "%":
            if both_int:
                return _result(a - (a // b) * b)
            import math

            r = math.fmod(float(a), float(b))
            if r != 0 and (r < 0) != (float(b) < 0):
                r += float(b)
            return _result(r)
    except (ArithmeticError, ValueError, TypeError):
        return _Exp(VOTHER)
    return _Exp(VOTHER)


def check_chunk(tokens: list[Tok], c_base: int = C_LEVEL_BASE) -> None:
    """Raise Lua's first compile error for the chunk's tokens, if any."""
    old = sys.getrecursionlimit()
    if old < 10_000:
        sys.setrecursionlimit(10_000)  # at most LUAI_MAXCCALLS levels of a few frames each
    try:
        Checker(tokens, c_base).run()
    finally:
        sys.setrecursionlimit(old)
