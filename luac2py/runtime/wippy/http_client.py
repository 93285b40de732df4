"""The ``http_client`` module (activities only) on a synchronous
httpx client: activities run in worker threads.

Wippy's API: ``get post put patch delete head (url [, options])``,
``request(method, url [, options])``, ``request_batch{{method, url, options}, ...}``,
``encode_uri``/``decode_uri``. Options: ``headers``, ``body``, ``query``,
``form`` (urlencoded), ``files`` (multipart), ``cookies``, ``auth`` (basic:
``{user=, pass=}`` or ``{username=, password=}``), ``timeout`` (a duration
string or milliseconds; default 30s), ``max_response_body`` (bytes,
default 120 MiB), ``unix_socket``. Redirects are followed (at most 10), as Go does.

A request returns ``response, nil`` whatever the status code, or ``nil, err``:
TIMEOUT for a timeout, UNAVAILABLE when the server cannot be reached, INVALID
for a bad URL or option (not retryable), INTERNAL for other failures."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from http.cookies import CookieError, SimpleCookie
from urllib.parse import quote_plus, unquote_to_bytes

import httpx

from ..errors import LuaError
from ..lib.lmath import check_string
from ..table import Table
from ..values import from_bytes, from_text, number_to_str, to_bytes, to_text, type_name
from .errors import INTERNAL, INVALID, TIMEOUT, UNAVAILABLE, ErrorObject
from .module import LuaObject, Module
from .time import parse_duration
from .uuid import running_workflow

DEFAULT_TIMEOUT_SECONDS = 30.0
DEFAULT_MAX_RESPONSE_BODY = 120 * 1024 * 1024
MAX_REDIRECTS = 10
MAX_BATCH_THREADS = 16


class _OptionError(ValueError):
    """An option Lua passed that cannot be used (INVALID)."""


class _BodyTooLarge(Exception):
    pass


# --- the response -------------------------------------------------------------

_HEADER_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")


def canonical_header(name: str) -> str:
    """Go's CanonicalHeaderKey: ``content-type`` -> ``Content-Type``."""
    if not _HEADER_TOKEN.match(name):
        return name
    return "-".join(part[:1].upper() + part[1:].lower() for part in name.split("-"))


class Response(LuaObject, dict):
    """A response. Its fields (``status_code body body_size headers cookies
    url``) are a dict, so it encodes to JSON as Wippy's response table does;
    the seeds' method style works too: ``resp:status()``, ``resp:body()``,
    ``resp:headers()``, ``resp:header(name)`` (any case), any field as a method."""

    lua_name = "http_response"
    # Identity semantics, as for any Lua userdata (dict would compare contents).
    __eq__ = object.__eq__
    __ne__ = object.__ne__
    __hash__ = object.__hash__

    def lua_index(self, key):
        return dict.get(self, key)

    def lua_method(self, key):
        if key == "status":
            return _status
        if key == "header":
            return _header
        if type(key) is str and dict.__contains__(self, key):
            return lambda resp, *_: dict.get(resp, key)
        return None

    def lua_tostring(self) -> str:
        return f"httpclient.Response{{status={dict.get(self, 'status_code')}}}"


def _status(resp, *_):
    return dict.get(resp, "status_code")


def _header(resp, name=None, *_):
    name = check_string(name, 1, "header")
    wanted = name.lower()
    for key, value in dict.get(resp, "headers").fields():
        if key.lower() == wanted:
            return value
    return None


def _response(r: httpx.Response, body: bytes) -> Response:
    headers = Table()
    for key, value in r.headers.raw:
        name = canonical_header(from_bytes(key))
        if not dict.__contains__(headers, name):  # the first value, as Wippy gives
            dict.__setitem__(headers, name, from_bytes(value))
    resp = Response()
    resp.update(
        status_code=r.status_code,
        body=from_bytes(body),
        body_size=len(body),
        headers=headers,
        cookies=_cookies(r),
        url=from_text(str(r.url)),
    )
    return resp


def _cookies(r: httpx.Response) -> Table:
    """Name -> value from the Set-Cookie headers, without cookie-jar domain
    rules (Go's Response.Cookies)."""
    out = Table()
    for value in r.headers.get_list("set-cookie"):
        jar = SimpleCookie()
        try:
            jar.load(value)
        except CookieError:
            continue
        for name, morsel in jar.items():
            out[from_text(name)] = from_text(morsel.value)
    return out


# --- options ------------------------------------------------------------------


def _lua_string(v, what: str) -> str:
    """A Lua string (numbers as Lua writes them); raises _OptionError."""
    if type(v) is str:
        return v
    if type(v) in (int, float):
        return number_to_str(v)
    raise _OptionError(f"{what} must be a string, got {type_name(v)}")


def _string_map(t, what: str) -> dict:
    """A table of Lua strings, keys and values."""
    if t is None:
        return {}
    if not isinstance(t, Table):
        raise _OptionError(f"{what} must be a table, got {type_name(t)}")
    return {_lua_string(k, what + " key"): _lua_string(v, what) for k, v in t.fields()}


def _text_map(t, what: str) -> dict:
    return {to_text(k): to_text(v) for k, v in _string_map(t, what).items()}


def _query(t) -> list:
    """Query pairs; a list of values repeats the key."""
    if t is None:
        return []
    if not isinstance(t, Table):
        raise _OptionError(f"query must be a table, got {type_name(t)}")
    pairs = []
    for k, v in t.fields():
        values = [dict.get(v, i) for i in range(1, v.length() + 1)] if isinstance(v, Table) else [v]
        pairs.extend((to_text(_lua_string(k, "query key")), to_text(_lua_string(x, "query"))) for x in values)
    return pairs


def _files(t) -> list:
    if t is None:
        return []
    if not isinstance(t, Table):
        raise _OptionError(f"files must be a table, got {type_name(t)}")
    out = []
    for i in range(1, t.length() + 1):
        f = dict.get(t, i)
        if not isinstance(f, Table) or type(f["name"]) is not str or type(f["content"]) is not str:
            raise _OptionError(f"files[{i}] needs string fields name and content")
        filename = to_text(f["filename"]) if type(f["filename"]) is str else ""
        out.append((to_text(f["name"]), (filename, to_bytes(f["content"]), "application/octet-stream")))
    return out


def _auth(t):
    if t is None:
        return None
    if not isinstance(t, Table):
        raise _OptionError(f"auth must be a table, got {type_name(t)}")
    user = t["user"] if t["user"] is not None else t["username"]
    password = t["pass"] if t["pass"] is not None else t["password"]
    if user is None or user == "":
        return None
    return httpx.BasicAuth(to_bytes(_lua_string(user, "auth user")), to_bytes(_lua_string(password or "", "auth pass")))


def _timeout_seconds(v) -> float:
    if v is None:
        return DEFAULT_TIMEOUT_SECONDS
    try:
        seconds = parse_duration(v).total_seconds()
    except ValueError as e:
        raise _OptionError(f"invalid timeout: {e}") from None
    return seconds if seconds > 0 else DEFAULT_TIMEOUT_SECONDS


class _Request:
    """A request built from Lua arguments; raises _OptionError."""

    def __init__(self, method: str, url: str, opts):
        opts = opts if opts is not None else Table()
        if opts["stream"] is True:
            raise _OptionError("streaming responses are not supported")
        self.method = method
        self.url = to_text(url)
        self.headers = [(to_bytes(k), to_bytes(v)) for k, v in _string_map(opts["headers"], "headers").items()]
        self.params = _query(opts["query"])
        self.cookies = _text_map(opts["cookies"], "cookies")
        self.form = _text_map(opts["form"], "form")
        self.files = _files(opts["files"])
        body = opts["body"]
        if body is not None and type(body) is not str:
            raise _OptionError(f"body must be a string, got {type_name(body)}")
        self.body = to_bytes(body) if body else None
        self.auth = _auth(opts["auth"])
        self.timeout = _timeout_seconds(opts["timeout"])
        limit = opts["max_response_body"]
        self.max_body = limit if type(limit) in (int, float) and limit > 0 else DEFAULT_MAX_RESPONSE_BODY
        socket = opts["unix_socket"]
        self.unix_socket = to_text(socket) if type(socket) is str and socket else None

    def content_kwargs(self) -> dict:
        # Wippy's precedence: files (multipart with the form fields), form, body.
        if self.files:
            return {"data": self.form, "files": self.files}
        if self.form:
            return {"data": self.form}
        return {"content": self.body}


# One pooled transport per target kind, shared by every request: each request
# has its own light Client (its own cookie jar), the connections are reused.
_transports: dict = {}
_transports_lock = threading.Lock()


def _transport(unix_socket: str | None) -> httpx.HTTPTransport:
    with _transports_lock:
        t = _transports.get(unix_socket)
        if t is None:
            t = _transports[unix_socket] = httpx.HTTPTransport(uds=unix_socket)
        return t


def _read_limited(r: httpx.Response, limit: int) -> bytes:
    chunks, size = [], 0
    for chunk in r.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise _BodyTooLarge(f"response body too large (max {int(limit)} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _failure(kind: str, message: str, retryable: bool):
    return (None, ErrorObject(kind, from_text(message), retryable))


def perform(method: str, url: str, opts) -> tuple:
    """``response, nil`` or ``nil, err`` for one request."""
    if running_workflow() is not None:
        # Network I/O would not replay; the build already rejects the module there.
        return _failure(INVALID, "http_client cannot be used in workflow code", False)
    try:
        req = _Request(method, url, opts)
    except _OptionError as e:
        return _failure(INVALID, str(e), False)
    # Not closed: closing a Client closes the shared transport.
    client = httpx.Client(
        transport=_transport(req.unix_socket),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        cookies=req.cookies,
        timeout=req.timeout,
    )
    where = f"{req.method} {req.url}"
    try:
        url = httpx.URL(req.url)
        if req.params:
            # Merged into the URL's own query, a key replacing it there (Go's
            # Values.Set); httpx's params= would drop the URL's query.
            url = url.copy_merge_params(req.params)
        with client.stream(req.method, url, headers=req.headers, auth=req.auth, **req.content_kwargs()) as r:
            return (_response(r, _read_limited(r, req.max_body)), None)
    except httpx.TimeoutException as e:
        return _failure(TIMEOUT, f"{where}: timeout after {req.timeout:g}s ({type(e).__name__})", True)
    except httpx.ConnectError as e:
        return _failure(UNAVAILABLE, f"{where}: cannot connect: {e}", True)
    except (httpx.InvalidURL, httpx.UnsupportedProtocol, httpx.LocalProtocolError) as e:
        return _failure(INVALID, f"{where}: {e}", False)
    except httpx.TooManyRedirects as e:
        return _failure(INTERNAL, f"{where}: {e}", False)
    except httpx.HTTPError as e:
        return _failure(INTERNAL, f"{where}: {type(e).__name__}: {e}", True)
    except _BodyTooLarge as e:
        return _failure(INTERNAL, f"{where}: {e}", False)
    except (ValueError, UnicodeError) as e:  # a URL or header httpx refuses to build
        return _failure(INVALID, f"{where}: {e}", False)


def _url_arg(url, n: int, fname: str) -> str:
    url = check_string(url, n, fname)
    if not url:
        raise LuaError.at_caller(f"bad argument #{n} to '{fname}' (URL required)")
    return url


def _options_arg(opts, n: int, fname: str):
    if opts is not None and not isinstance(opts, Table):
        raise LuaError.at_caller(f"bad argument #{n} to '{fname}' (table expected, got {type_name(opts)})")
    return opts


def _method_call(method: str):
    fname = method.lower()

    def call(self, url=None, opts=None, *_):
        return perform(method, _url_arg(url, 1, fname), _options_arg(opts, 2, fname))

    call.__name__ = fname
    return call


class HttpClientModule(Module):
    """``require("http_client")``."""

    lua_fields = frozenset(
        {"get", "post", "put", "patch", "delete", "head", "request", "request_batch", "encode_uri", "decode_uri"}
    )
    get = _method_call("GET")
    post = _method_call("POST")
    put = _method_call("PUT")
    patch = _method_call("PATCH")
    delete = _method_call("DELETE")
    head = _method_call("HEAD")

    def request(self, method=None, url=None, opts=None, *_):
        method = check_string(method, 1, "request").upper()
        if not method:
            raise LuaError.at_caller("bad argument #1 to 'request' (method required)")
        return perform(method, _url_arg(url, 2, "request"), _options_arg(opts, 3, "request"))

    def request_batch(self, requests=None, *_):
        """``{{method, url, options}, ...}`` run concurrently -> ``responses,
        nil`` or, when some failed, ``responses, errors`` (by position)."""
        if not isinstance(requests, Table) or requests.length() == 0:
            raise LuaError.at_caller("bad argument #1 to 'request_batch' (non-empty table expected)")
        jobs = []
        for i in range(1, requests.length() + 1):
            item = dict.get(requests, i)
            if not isinstance(item, Table):
                return _failure(INVALID, "each request must be a table", False)
            if type(item[1]) is not str:
                return _failure(INVALID, "method must be a string", False)
            if type(item[2]) is not str:
                return _failure(INVALID, "URL must be a string", False)
            jobs.append((item[1].upper(), item[2], item[3] if isinstance(item[3], Table) else None))
        with ThreadPoolExecutor(max_workers=min(len(jobs), MAX_BATCH_THREADS)) as pool:
            results = list(pool.map(lambda job: perform(*job), jobs))
        responses = Table.of([resp for resp, _ in results])
        if all(err is None for _, err in results):
            return (responses, None)
        return (responses, Table.of([err for _, err in results]))

    def encode_uri(self, s=None, *_):
        """Go's url.QueryEscape: space -> ``+``."""
        return quote_plus(to_bytes(check_string(s, 1, "encode_uri")))

    def decode_uri(self, s=None, *_):
        s = check_string(s, 1, "decode_uri")
        bad = re.search(r"%(?![0-9A-Fa-f]{2})", s)
        if bad:
            return _failure(INVALID, f'invalid URL escape "{s[bad.start():bad.start() + 3]}"', False)
        return (from_bytes(unquote_to_bytes(s.replace("+", " "))), None)


HTTP_CLIENT = HttpClientModule()
