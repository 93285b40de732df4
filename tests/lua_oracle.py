"""Run a Lua file under real Lua 5.4 (lupa) the way ``lua5.4 FILE`` does:
print to stdout, an uncaught error as ``lua: msg`` on stderr and exit 1."""

import sys

import lupa.lua54 as lupa54


def main(path: str) -> int:
    lua = lupa54.LuaRuntime(encoding=None)
    with open(path, "rb") as fh:
        source = fh.read()
    runner = lua.eval(
        """function(src, name)
            local f, err = load(src, '@' .. name)
            if not f then return err end
            local ok, e = xpcall(f, function(e)
                if type(e) == 'string' or type(e) == 'number' then return tostring(e) end
                local mt = getmetatable(e)
                if mt and mt.__tostring then return tostring(e) end
                if e == nil then return 'nil' end
                return '(error object is a ' .. type(e) .. ' value)'
            end)
            if not ok then return e end
        end"""
    )
    err = runner(source, path.encode())
    lua.eval("io.stdout:flush()")
    if err is not None:
        sys.stdout.flush()
        sys.stderr.buffer.write(b"lua: " + err + b"\nstack traceback:\n\t[C]: in ?\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
