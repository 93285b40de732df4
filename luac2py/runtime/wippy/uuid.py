"""The ``uuid`` module, with Wippy's API: ``v1 v3 v4 v5 v7`` generate,
``validate version variant parse format`` inspect. Every function returns two
values, ``result, nil`` or ``nil, err`` (INVALID for bad input), as Wippy's do.

Inside a workflow the random and time-based UUIDs come from the workflow's
seeded random source and clock, so a replay produces the same ones;
elsewhere from the OS and the wall clock."""

from __future__ import annotations

import hashlib
import os
import random
import re
import threading
import time as _clock
import uuid as _uuid
import weakref

from ..table import Table
from .errors import INVALID, ErrorObject
from .module import Module
from .time import Time

# 100 ns intervals from the Gregorian epoch (1582-10-15) to the Unix epoch (v1).
_GREGORIAN_OFFSET = 0x01B21DD213814000
_HEX32 = re.compile(r"[0-9a-fA-F]{32}\Z")
_RFC4122_VARIANT = 0b10
_SYSTEM_RANDOM = random.SystemRandom()


def running_workflow():
    """``temporalio.workflow`` while workflow code runs, else None."""
    from temporalio import workflow

    return workflow if workflow.in_workflow() else None


def random_bytes(n: int) -> bytes:
    wf = running_workflow()
    return wf.random().randbytes(n) if wf is not None else os.urandom(n)


def random_choices(population: str, k: int) -> list:
    """``k`` uniform draws from ``population``, from the same source as ``random_bytes``."""
    wf = running_workflow()
    return (wf.random() if wf is not None else _SYSTEM_RANDOM).choices(population, k=k)


def now_ns() -> int:
    """Unix nanoseconds: workflow time inside a workflow, else the wall clock."""
    wf = running_workflow()
    return _clock.time_ns() if wf is None else Time.from_datetime(wf.now()).ns


def parse_uuid(s: str) -> _uuid.UUID | None:
    """The forms Go's uuid.Parse takes (Wippy): canonical, ``{...}``,
    ``urn:uuid:...`` and 32 hex digits."""
    if len(s) == 45 and s[:9].lower() == "urn:uuid:":
        s = s[9:]
    elif len(s) == 38 and s[0] == "{" and s[-1] == "}":
        s = s[1:-1]
    if len(s) == 36:
        if s[8] + s[13] + s[18] + s[23] != "----":
            return None
        s = s[:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
    if len(s) != 32 or not _HEX32.match(s):
        return None
    return _uuid.UUID(hex=s)


def _with_version(digest: bytes, version: int) -> _uuid.UUID:
    b = bytearray(digest[:16])
    b[6] = (b[6] & 0x0F) | (version << 4)
    b[8] = (b[8] & 0x3F) | 0x80
    return _uuid.UUID(bytes=bytes(b))


def variant_name(u: _uuid.UUID) -> str:
    """Go's uuid.Variant names, as Wippy prints them."""
    top = u.bytes[8]
    if top & 0xC0 == 0x80:
        return "RFC4122"
    if top & 0xE0 == 0xC0:
        return "Microsoft"
    if top & 0xE0 == 0xE0:
        return "Future"
    return "Reserved"


# --- v7 (RFC 9562 section 5.7) ------------------------------------------------
# rand_a holds the sub-millisecond fraction (section 6.2, method 3) and the
# 60-bit (ms, fraction) clock never repeats or goes back, so ids sort in
# creation order. The last clock is kept per process and, inside a workflow,
# per workflow instance (process-wide state would differ on replay).
_v7_lock = threading.Lock()
_v7_last_process = 0
_v7_last_by_workflow: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _v7_clock(last: int, ns: int) -> int:
    ms, rest = divmod(ns, 1_000_000)
    clock = (ms << 12) | (rest * 4096 // 1_000_000)
    return clock if clock > last else last + 1


def _next_v7_clock() -> int:
    global _v7_last_process
    wf = running_workflow()
    if wf is None:
        with _v7_lock:
            _v7_last_process = _v7_clock(_v7_last_process, _clock.time_ns())
            return _v7_last_process
    owner = wf.instance()
    try:
        clock = _v7_clock(_v7_last_by_workflow.get(owner, 0), now_ns())
        _v7_last_by_workflow[owner] = clock
    except TypeError:  # an instance without weak references: no ordering within one millisecond
        clock = _v7_clock(0, now_ns())
    return clock


def uuid7() -> _uuid.UUID:
    clock = _next_v7_clock()
    ms, fraction = clock >> 12, clock & 0xFFF
    rand_b = int.from_bytes(random_bytes(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | fraction << 64 | _RFC4122_VARIANT << 62 | rand_b
    return _uuid.UUID(int=value)


def uuid1() -> _uuid.UUID:
    if running_workflow() is None:
        return _uuid.uuid1()
    # Python's uuid1 reads the wall clock: build it from workflow time, with a
    # random node (multicast bit set, as RFC 9562 asks of non-MAC nodes).
    ts = now_ns() // 100 + _GREGORIAN_OFFSET
    rnd = int.from_bytes(random_bytes(8), "big")
    node = (rnd & ((1 << 48) - 1)) | (1 << 40)
    clock_seq = (rnd >> 48) & 0x3FFF
    value = (
        (ts & 0xFFFFFFFF) << 96
        | ((ts >> 32) & 0xFFFF) << 80
        | (0x1000 | (ts >> 48) & 0x0FFF) << 64
        | (0x8000 | clock_seq) << 48
        | node
    )
    return _uuid.UUID(int=value)


def uuid4() -> _uuid.UUID:
    wf = running_workflow()
    return wf.uuid4() if wf is not None else _uuid.uuid4()


def _invalid(message: str):
    return (None, ErrorObject(INVALID, message, False))


def _unix_seconds(u: _uuid.UUID):
    """Seconds since the Unix epoch in a v1 or v7 UUID (Go's Time().UnixTime())."""
    if u.version == 1:
        return (u.time - _GREGORIAN_OFFSET) // 10_000_000
    if u.version == 7:
        return (u.int >> 80) // 1000
    return None


class UuidModule(Module):
    """``require("uuid")``."""

    lua_fields = frozenset({"v1", "v3", "v4", "v5", "v7", "validate", "version", "variant", "parse", "format"})

    def v1(self, *_):
        return (str(uuid1()), None)

    def v4(self, *_):
        return (str(uuid4()), None)

    def v7(self, *_):
        return (str(uuid7()), None)

    def v3(self, namespace=None, name=None, *_):
        return self._named(namespace, name, hashlib.md5, 3)

    def v5(self, namespace=None, name=None, *_):
        return self._named(namespace, name, hashlib.sha1, 5)

    @staticmethod
    def _named(namespace, name, digest, version: int):
        if type(namespace) is not str or type(name) is not str:
            return _invalid("namespace and name must be strings")
        ns = parse_uuid(namespace)
        if ns is None:
            return _invalid("invalid namespace UUID")
        h = digest(ns.bytes + name.encode("latin-1"))
        return (str(_with_version(h.digest(), version)), None)

    def validate(self, s=None, *_):
        return (type(s) is str and parse_uuid(s) is not None, None)

    def version(self, s=None, *_):
        u, err = _parsed(s)
        return (u.bytes[6] >> 4, None) if err is None else (None, err)

    def variant(self, s=None, *_):
        u, err = _parsed(s)
        return (variant_name(u), None) if err is None else (None, err)

    def parse(self, s=None, *_):
        u, err = _parsed(s)
        if err is not None:
            return (None, err)
        version = u.bytes[6] >> 4
        info = Table(version=version, variant=variant_name(u), timestamp=_unix_seconds(u))
        if version == 1:
            info["node"] = u.bytes[10:].decode("latin-1")  # raw bytes, as Wippy gives them
        return (info, None)

    def format(self, s=None, form=None, *_):
        u, err = _parsed(s)
        if err is not None:
            return (None, err)
        form = form if type(form) is str else "standard"
        if form == "standard":
            return (str(u), None)
        if form == "simple":
            return (u.hex, None)
        if form == "urn":
            return (u.urn, None)
        return _invalid("unsupported format")


def _parsed(s):
    if type(s) is not str:
        return _invalid("input must be a string")
    u = parse_uuid(s)
    return (u, None) if u is not None else _invalid("invalid UUID format")


UUID = UuidModule()
