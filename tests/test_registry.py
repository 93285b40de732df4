"""The Wippy module registry agrees with what implements and lowers it."""

from __future__ import annotations

import pytest

from luac2py.lower.wippy import LOWERINGS, lowers
from luac2py.runtime.temporal.app import AppSpec
from luac2py.runtime.wippy import registry

# Declared (the compiler knows what they return and whether they suspend; the
# build checks their entry IDs) but not implemented by the runtime yet, by role.
NOT_YET_IMPLEMENTED = {
    "workflow": set(),
    "activity": set(),
}


@pytest.mark.parametrize("role", ["workflow", "activity"])
def test_every_declared_function_is_implemented(role: str):
    missing = []
    for name, module in registry.environment(AppSpec(name="app"), role).items():
        for fn in registry.MODULES[name].functions:
            if (name, fn) not in NOT_YET_IMPLEMENTED[role] and module.lua_index(fn) is None:
                missing.append(f"{name}.{fn}")
    assert missing == []


@pytest.mark.parametrize("role", ["workflow", "activity"])
def test_the_gaps_are_still_gaps(role: str):
    """A gap that gets implemented must leave NOT_YET_IMPLEMENTED."""
    env = registry.environment(AppSpec(name="app"), role)
    assert [f"{m}.{f}" for m, f in sorted(NOT_YET_IMPLEMENTED[role]) if env[m].lua_index(f) is not None] == []


def test_roles_get_the_modules_they_may_use():
    workflow = registry.environment(AppSpec(name="app"), "workflow")
    activity = registry.environment(AppSpec(name="app"), "activity")
    assert not [name for name in workflow if not registry.MODULES[name].in_workflows]
    assert "http_client" in activity and "http_client" not in workflow
    assert "funcs" in workflow and "activity" in activity


def test_lowerings_name_registered_functions():
    assert set(LOWERINGS) <= {(m, f) for m, mod in registry.MODULES.items() for f in mod.functions}
    with pytest.raises(ValueError, match="funcs.nothing is not in the Wippy module registry"):
        lowers("funcs", "nothing")
