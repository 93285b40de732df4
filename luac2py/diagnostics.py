"""Diagnostics: every user-facing build problem is one of these.

Passes collect diagnostics instead of raising at the first problem; the driver
prints them all as ``file:line:col: error: message`` and exits 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    col: int
    message: str
    code: str = "E000"
    severity: str = "error"
    hint: str | None = None

    def render(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


@dataclass
class Diagnostics:
    """A collector shared by the passes of one build."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, file, line, col, message, code="E000", hint=None) -> None:
        self.items.append(Diagnostic(str(file), line or 1, col or 1, message, code, "error", hint))

    def warning(self, file, line, col, message, code="W000", hint=None) -> None:
        self.items.append(Diagnostic(str(file), line or 1, col or 1, message, code, "warning", hint))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    def check(self) -> None:
        """Raise BuildError when any error was collected."""
        if self.errors:
            raise BuildError(self.items)


class BuildError(Exception):
    """A build failed for reasons in the user's input (never a compiler bug)."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.severity != "error", d.file, d.line, d.col))
        super().__init__("\n".join(d.render() for d in self.diagnostics))
