"""control/if_elseif.lua as script code."""

from luac2py.runtime import LuaSource, first, spread
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # control/if_elseif.lua

    def classify(n=None, flag=None):  # control/if_elseif.lua:2
        if n < 0:
            return "negative"
        elif n == 0:
            return "zero"
        elif flag is not None and flag is not False:
            return "flagged"
        else:
            return "positive"
        return ()

    lua.print(first(classify(-1)), first(classify(0)), *spread(classify(5, True)))
    return ()


__lua__ = LuaSource(
    "control/if_elseif.lua",
    "7:1,9:2,10:3,11:4,12:5,13:6,14:7,15:8,16:10,20:13",
)
