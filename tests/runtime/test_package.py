"""The package library and os process functions where the differential
programs (tests/lua/modules) cannot reach: paths from LUA_PATH / LUA_CPATH
(compared with real Lua reading the same environment), app-mode environments
(Wippy module values, no file system), behaviour that depends on how Lua was
built (no dynamic libraries, POSIX exit statuses, mkstemp names)."""

from __future__ import annotations

import os

import lupa.lua54
import pytest

from luac2py.runtime.env import new_env
from luac2py.runtime.errors import LuaError
from luac2py.runtime.lib import los
from luac2py.runtime.loader import LUA_CPATH_DEFAULT, LUA_PATH_DEFAULT, search_path
from luac2py.runtime.table import Table
from luac2py.runtime.values import Userdata

ENV_CASES = [
    {},
    {"LUA_PATH": "a/?.lua"},
    {"LUA_PATH": "a/?.lua", "LUA_PATH_5_4": "b/?.lua"},
    {"LUA_PATH_5_4": ""},
    {"LUA_PATH": ";;"},
    {"LUA_PATH": "x/?.lua;;"},
    {"LUA_PATH": ";;y/?.lua"},
    {"LUA_PATH": "x/?.lua;;y/?.lua;;z"},
    {"LUA_CPATH": "c/?.so;;", "LUA_PATH": "p/?.lua"},
    {"LUA_CPATH_5_4": ";;;c/?.so"},
]


@pytest.mark.parametrize("variables", ENV_CASES, ids=[repr(c) for c in ENV_CASES])
def test_paths_from_environment(monkeypatch, variables):
    for name in ("LUA_PATH", "LUA_PATH_5_4", "LUA_CPATH", "LUA_CPATH_5_4"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    lua = lupa.lua54.LuaRuntime(encoding=None)  # luaopen_package reads the environment
    expected = tuple(v.decode() for v in lua.execute("return package.path, package.cpath"))
    package = new_env(search_files=True)["package"]
    assert (package["path"], package["cpath"]) == expected


def test_defaults():
    package = new_env(search_files=True)["package"]
    if not any(k in os.environ for k in ("LUA_PATH", "LUA_PATH_5_4", "LUA_CPATH", "LUA_CPATH_5_4")):
        assert package["path"] == LUA_PATH_DEFAULT and package["cpath"] == LUA_CPATH_DEFAULT
    assert package["config"] == "/\n;\n?\n!\n-\n"


def test_loadlib_absent():
    # Lua built without dynamic libraries: fail, the message, "absent".
    loadlib = new_env(search_files=True)["package"]["loadlib"]
    assert loadlib("./lib1.so", "*") == (None, "dynamic libraries not enabled; check your Lua installation", "absent")
    with pytest.raises(LuaError, match=r"bad argument #2 to 'package.loadlib' \(string expected, got no value\)"):
        loadlib("x")


def test_c_module_file_cannot_load(tmp_path, monkeypatch):
    (tmp_path / "cmod.so").write_bytes(b"\x7fELF")
    monkeypatch.chdir(tmp_path)
    env = new_env(search_files=True)
    with pytest.raises(LuaError) as e:
        env["require"]("cmod")
    assert str(e.value) == (
        "error loading module 'cmod' from file './cmod.so':\n"
        "\tdynamic libraries not enabled; check your Lua installation"
    )
    with pytest.raises(LuaError, match="from file './cmod.so'"):
        env["require"]("cmod.sub")  # the all-in-one C searcher finds the root


def test_search_path():
    assert search_path("a.b", "?.x;;x?y;") == (None, "no file 'a/b.x'\n\tno file ''\n\tno file 'xa/by'\n\tno file ''")
    assert search_path("q", "") == (None, "no file ''")


class Module(Userdata):
    pass


def test_app_mode_modules():
    funcs = Module()
    loader_calls = []

    def loader(*args):
        loader_calls.append(args)
        return "from loader"

    lib = Table.of({"x": 1})
    env = new_env({"funcs": funcs, "lib": lib, "lazy": loader})
    require = env["require"]
    # Module values come from preload loaders: the first require gives the
    # module and ":preload:", later ones the loaded module alone.
    assert env["package"]["loaded"]["funcs"] is None
    assert require("funcs") == (funcs, ":preload:") and require("lib") == (lib, ":preload:")
    assert require("funcs") is funcs and env["package"]["loaded"]["funcs"] is funcs
    # A function is a preload loader.
    assert require("lazy") == ("from loader", ":preload:")
    assert loader_calls == [("lazy", ":preload:")]
    assert require("lazy") == "from loader"
    # Nothing in app mode touches the file system.
    package = env["package"]
    assert package["path"] is None and package["searchpath"] is None and package["loadlib"] is None
    assert env["loadfile"] is None
    assert len(package["searchers"]) == 1
    with pytest.raises(LuaError) as e:
        require("missing")
    assert str(e.value) == "module 'missing' not found:\n\tno field package.preload['missing']"


def test_environments_are_separate():
    a, b = new_env({"m": Module()}), new_env()
    assert a["package"] is not b["package"] and a["package"]["loaded"] is not b["package"]["loaded"]
    with pytest.raises(LuaError):
        b["require"]("m")


def test_execute_statuses():
    # Lua built for POSIX decodes the wait status (the lupa oracle is not).
    assert los.LIB["execute"]("true") == (True, "exit", 0)
    assert los.LIB["execute"]("exit 3") == (None, "exit", 3)
    assert los.LIB["execute"]("kill -9 $$") == (None, "signal", 9)
    assert los.LIB["execute"]() is True


def test_tmpname_creates_file():
    name = los.LIB["tmpname"]()
    try:
        assert name.startswith("/tmp/lua_") and len(name) == len("/tmp/lua_XXXXXX")
        assert os.path.isfile(name) and os.path.getsize(name) == 0
    finally:
        os.remove(name)


def test_os_names_unambiguous():
    with pytest.raises(LuaError, match=r"bad argument #1 to 'table.remove' \(table expected, got no value\)"):
        new_env()["table"]["remove"]()
    with pytest.raises(LuaError, match=r"bad argument #1 to 'os.remove' \(string expected, got no value\)"):
        new_env()["os"]["remove"]()
