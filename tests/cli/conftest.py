"""The command-line tests' fixture app: tests/fixtures/apps/edges, built once."""

import pytest


@pytest.fixture(scope="session")
def edges_app(compiled_app):
    """tests/fixtures/apps/edges built (package ``edges``, importable)."""
    return compiled_app("edges")
