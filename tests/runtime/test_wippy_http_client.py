"""The ``http_client`` Wippy module from compiled Lua against a real HTTP
server on 127.0.0.1 (stdlib ``http.server`` in a thread, ephemeral port, and
one on a Unix socket): methods, headers, query, form, files, body bytes, auth,
cookies, redirects, status codes, timeouts, refused connections, bad URLs,
size limits, batches, both response styles (fields and methods)."""

from __future__ import annotations

import base64
import json
import os
import socket
import socketserver
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from test_wippy_uuid_crypto import kind_of, run_lua

from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.wippy.http_client import HTTP_CLIENT, Response, canonical_header
from luac2py.runtime.wippy.json import JSON, to_python

MODULES = {"http_client": HTTP_CLIENT, "json": JSON}


class EchoHandler(BaseHTTPRequestHandler):
    """``/echo`` (any other path too) answers the request it saw as JSON."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status: int, body: bytes, headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_any(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            if url.path == "/sleep":
                time.sleep(float(query["seconds"][0]))
                return self.reply(200, b"late")
            if url.path.startswith("/status/"):
                code = int(url.path.rsplit("/", 1)[1])
                return self.reply(code, b"" if code == 204 else f"status {code}".encode())
            if url.path == "/redirect":
                return self.reply(302, b"", [("Location", "/echo?from=redirect")])
            if url.path == "/cookies":
                cookies = [("Set-Cookie", "session=abc123; Path=/; HttpOnly"), ("Set-Cookie", "theme=dark")]
                return self.reply(200, b"ok", cookies)
            if url.path == "/big":
                return self.reply(200, b"x" * int(query["n"][0]))
            if url.path == "/bytes":
                return self.reply(200, bytes(range(256)), [("Content-Type", "application/octet-stream")])
            echo = {
                "method": self.command,
                "path": url.path,
                "query": url.query,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body_hex": body.hex(),
            }
            extra = [("Content-Type", "application/json"), ("x-lower-case", "yes"), ("X-Multi", "first")]
            self.reply(200, json.dumps(echo).encode(), extra + [("X-Multi", "second")])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout tests)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_PROPFIND = handle_any


class UnixHTTPServer(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


def _serve(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


@pytest.fixture(scope="module")
def base():
    server = ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
    server.daemon_threads = True
    _serve(server)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def refused_url():
    """A port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/echo"


def http(tmp_path, body: str, *args) -> tuple:
    prelude = 'local http = require("http_client")\nlocal json = require("json")\n'
    return run_lua(tmp_path, prelude + body, MODULES, *args)


# --- requests -------------------------------------------------------------------


def test_get_query_headers_and_both_response_styles(tmp_path, base):
    results = http(
        tmp_path,
        """
        local base = ...
        local resp, err = http.get(base .. "/echo?keep=1", {
          query = {q = "lua programming", page = 2},
          headers = {["X-Token"] = "abc", Accept = "application/json"},
        })
        local echo = json.decode(resp.body)
        return err, resp.status_code, resp:status(), resp:status_code(), resp.body == resp:body(),
               echo.method, echo.query, echo.headers["x-token"], echo.headers["accept"],
               resp.headers["Content-Type"], resp:headers()["Content-Type"], resp:header("content-type"),
               resp.headers["X-Lower-Case"], resp:header("X-MULTI"), resp:url() == resp.url,
               resp.body_size == #resp.body, tostring(resp), type(resp.headers)
        """,
        base,
    )
    err, status, status_m, status_code_m, same_body, method, query, token, accept = results[:9]
    ctype, ctype_m, ctype_h, lower, multi, same_url, size_ok, text, headers_type = results[9:]
    assert err is None and status == status_m == status_code_m == 200 and same_body
    assert method == "GET" and token == "abc" and accept == "application/json"
    assert parse_qs(query) == {"keep": ["1"], "q": ["lua programming"], "page": ["2"]}
    assert ctype == ctype_m == ctype_h == "application/json"
    assert lower == "yes" and multi == "first"  # canonical names, the first of repeated values
    assert same_url and size_ok and text == "httpclient.Response{status=200}" and headers_type == "table"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_methods_send_their_body(tmp_path, base, method):
    echo, err = http(
        tmp_path,
        f"""
        local base = ...
        local resp, err = http.{method}(base .. "/echo", {{body = "payload-{method}"}})
        return json.decode(resp.body), err
        """,
        base,
    )
    echo = to_python(echo)
    assert err is None and echo["method"] == method.upper()
    assert bytes.fromhex(echo["body_hex"]) == f"payload-{method}".encode()


def test_head_request_and_custom_methods(tmp_path, base):
    results = http(
        tmp_path,
        """
        local base = ...
        local head = http.head(base .. "/echo")
        local dav = http.request("PROPFIND", base .. "/folder", {headers = {Depth = "1"}})
        local lower = http.request("patch", base .. "/echo", {body = "x"})
        local d, l = json.decode(dav.body), json.decode(lower.body)
        return head.status_code, head.body, head.headers["Content-Length"] ~= nil, d.method, d.headers.depth, l.method
        """,
        base,
    )
    assert results == (200, "", True, "PROPFIND", "1", "PATCH")


def test_binary_bodies_both_ways(tmp_path, base):
    results = http(
        tmp_path,
        """
        local base = ...
        local all = {}
        for i = 0, 255 do all[#all + 1] = string.char(i) end
        local sent = http.post(base .. "/echo", {body = table.concat(all)})
        local got = http.get(base .. "/bytes")
        return json.decode(sent.body).body_hex, #got.body, got.body:byte(1), got.body:byte(256), got.body == table.concat(all)
        """,
        base,
    )
    assert results == (bytes(range(256)).hex(), 256, 0, 255, True)


def test_form_is_urlencoded_and_files_are_multipart(tmp_path, base):
    results = http(
        tmp_path,
        """
        local base = ...
        local form = json.decode(http.post(base .. "/echo", {form = {username = "alice", note = "a b&c=\\u{fc}"}}).body)
        local upload = json.decode(http.post(base .. "/echo", {
          form = {title = "Report"},
          files = {{name = "attachment", filename = "report.txt", content = "file-bytes\\0\\1"}},
        }).body)
        return form.headers["content-type"], form.body_hex, upload.headers["content-type"], upload.body_hex
        """,
        base,
    )
    form_type, form_hex, upload_type, upload_hex = results
    assert form_type == "application/x-www-form-urlencoded"
    assert parse_qs(bytes.fromhex(form_hex).decode()) == {"username": ["alice"], "note": ["a b&c=ü"]}
    assert upload_type.startswith("multipart/form-data; boundary=")
    body = bytes.fromhex(upload_hex)
    assert b'name="attachment"; filename="report.txt"' in body and b"file-bytes\x00\x01" in body
    assert b'name="title"' in body and b"Report" in body


def test_basic_auth_in_both_spellings(tmp_path, base):
    results = http(
        tmp_path,
        """
        local base = ...
        local a = json.decode(http.get(base .. "/echo", {auth = {user = "admin", pass = "s3cret"}}).body)
        local b = json.decode(http.get(base .. "/echo", {auth = {username = "admin", password = "s3cret"}}).body)
        local c = json.decode(http.get(base .. "/echo").body)
        return a.headers.authorization, b.headers.authorization, c.headers.authorization
        """,
        base,
    )
    expected = "Basic " + base64.b64encode(b"admin:s3cret").decode()
    assert results == (expected, expected, None)


def test_cookies_sent_and_received(tmp_path, base):
    results = http(
        tmp_path,
        """
        local base = ...
        local sent = json.decode(http.get(base .. "/echo", {cookies = {a = "1", b = "2"}}).body)
        local got = http.get(base .. "/cookies")
        return sent.headers.cookie, got.cookies.session, got:cookies().theme
        """,
        base,
    )
    cookie, session, theme = results
    assert sorted(cookie.split("; ")) == ["a=1", "b=2"]
    assert (session, theme) == ("abc123", "dark")


def test_redirects_are_followed(tmp_path, base):
    results = http(
        tmp_path,
        """
        local base = ...
        local resp = http.get(base .. "/redirect")
        local echo = json.decode(resp.body)
        return resp.status_code, resp.url, echo.query
        """,
        base,
    )
    assert results == (200, f"{base}/echo?from=redirect", "from=redirect")


def test_status_codes_are_responses_not_errors(tmp_path, base):
    (rows,) = http(
        tmp_path,
        """
        local base = ...
        local rows = {}
        for _, code in ipairs({201, 204, 404, 500, 503}) do
          local resp, err = http.get(base .. "/status/" .. code)
          rows[#rows + 1] = {code = resp:status(), body = resp.body, err = err == nil}
        end
        return rows
        """,
        base,
    )
    assert to_python(rows) == [
        {"code": 201, "body": "status 201", "err": True},
        {"code": 204, "body": "", "err": True},
        {"code": 404, "body": "status 404", "err": True},
        {"code": 500, "body": "status 500", "err": True},
        {"code": 503, "body": "status 503", "err": True},
    ]


# --- failures ---------------------------------------------------------------------


@pytest.mark.parametrize("timeout", ["300", '"300ms"', '"0.3s"'])
def test_timeout_gives_a_timeout_error(tmp_path, base, timeout):
    started = time.monotonic()
    resp, err = http(
        tmp_path, f"local base = ... return http.get(base .. '/sleep?seconds=3', {{timeout = {timeout}}})", base
    )
    elapsed = time.monotonic() - started
    assert resp is None and kind_of(err) == "TIMEOUT" and err.retryable() is True
    assert "timeout" in err.message() and elapsed < 2.5


def test_connection_refused_is_unavailable(tmp_path, refused_url):
    resp, err = http(tmp_path, "return http.get(...)", refused_url)
    assert resp is None and kind_of(err) == "UNAVAILABLE" and err.retryable() is True
    assert refused_url in err.message()


@pytest.mark.parametrize("url", ["ftp://example.com/file", "not a url", "http://[::1/x", "http://"])
def test_bad_urls_are_invalid(tmp_path, url):
    resp, err = http(tmp_path, "return http.get(...)", url)
    assert resp is None and kind_of(err) == "INVALID" and err.retryable() is False


@pytest.mark.parametrize(
    "options, message",
    [
        ("{headers = 'x'}", "headers must be a table, got string"),
        ("{query = {q = true}}", "query must be a string, got boolean"),
        ("{timeout = 'soon'}", "invalid timeout"),
        ("{body = {}}", "body must be a string, got table"),
        ("{stream = true}", "streaming responses are not supported"),
        ("{auth = 'admin'}", "auth must be a table, got string"),
    ],
)
def test_bad_options_are_invalid(tmp_path, base, options, message):
    resp, err = http(tmp_path, f"local base = ... return http.post(base .. '/echo', {options})", base)
    assert resp is None and kind_of(err) == "INVALID" and message in err.message()


def test_wrong_argument_types_are_lua_errors(tmp_path, base):
    results = http(
        tmp_path,
        """
        local base = ...
        local _, a = pcall(http.get)
        local _, b = pcall(http.get, "")
        local _, c = pcall(http.post, base, "not options")
        local _, d = pcall(http.request, nil, base)
        return a, b, c, d
        """,
        base,
    )
    a, b, c, d = (str(x) for x in results)
    assert "bad argument #1 to 'get' (string expected, got nil)" in a
    assert "bad argument #1 to 'get' (URL required)" in b
    assert "bad argument #2 to 'post' (table expected, got string)" in c
    assert "bad argument #1 to 'request' (string expected, got nil)" in d


def test_response_size_limit(tmp_path, base):
    results = http(
        tmp_path,
        """
        local base = ...
        local small, small_err = http.get(base .. "/big?n=5000", {max_response_body = 1000})
        local fits = http.get(base .. "/big?n=5000", {max_response_body = 5000})
        return small, small_err, fits.body_size
        """,
        base,
    )
    small, small_err, size = results
    assert small is None and kind_of(small_err) == "INTERNAL" and "too large" in small_err.message()
    assert size == 5000


# --- batches, URI helpers, payloads, unix sockets ------------------------------------


def test_request_batch_keeps_positions(tmp_path, base, refused_url):
    results = http(
        tmp_path,
        """
        local base, refused = ...
        local responses, errors = http.request_batch({
          {"GET", base .. "/echo"},
          {"GET", refused},
          {"post", base .. "/echo", {body = "third"}},
        })
        local all_ok, none = http.request_batch({{"GET", base .. "/status/201"}, {"GET", base .. "/echo"}})
        local _, bad = http.request_batch({{"GET"}})
        return responses[1].status_code, responses[2], errors[2]:kind(), errors[1], errors[3],
               json.decode(responses[3].body).method, all_ok[1].status_code, none, bad:kind()
        """,
        base,
        refused_url,
    )
    assert results == (200, None, "UNAVAILABLE", None, None, "POST", 201, None, "INVALID")


def test_encode_and_decode_uri(tmp_path):
    results = http(
        tmp_path,
        """
        local encoded = http.encode_uri("hello world&x=\\u{fc}/~")
        local decoded, err = http.decode_uri(encoded)
        local bad, bad_err = http.decode_uri("100%zz")
        return encoded, decoded, err, bad, bad_err, select("#", http.encode_uri("a"))
        """,
    )
    encoded, decoded, err, bad, bad_err, count = results
    assert encoded == "hello+world%26x%3D%C3%BC%2F~" and count == 1
    assert decoded == "hello world&x=\xc3\xbc/~" and err is None  # the UTF-8 bytes, as a Lua string
    assert bad is None and kind_of(bad_err) == "INVALID" and bad_err.message() == 'invalid URL escape "%zz"'


def test_response_encodes_like_wippys_table(tmp_path, base):
    resp, encoded = http(
        tmp_path,
        "local base = ... local resp = http.get(base .. '/status/404') return resp, (json.encode(resp))",
        base,
    )
    assert isinstance(resp, Response)
    as_json = json.loads(encoded)
    assert as_json["status_code"] == 404 and as_json["body"] == "status 404" and as_json["body_size"] == 10
    assert as_json["headers"]["Content-Length"] == "10" and as_json["url"] == f"{base}/status/404"
    # An activity returning the response sends this object as its result payload.
    payload = DATA_CONVERTER.payload_converter.to_payloads([resp])[0]
    assert json.loads(payload.data) == as_json


def test_unix_socket(tmp_path):
    path = os.path.join(tempfile.mkdtemp(prefix="wippy-http-"), "sock")
    server = UnixHTTPServer(path, EchoHandler)
    _serve(server)
    try:
        results = http(
            tmp_path,
            """
            local resp, err = http.get("http://localhost/echo?via=unix", {unix_socket = ...})
            return err, resp.status_code, json.decode(resp.body).query
            """,
            path,
        )
    finally:
        server.shutdown()
        server.server_close()
        os.unlink(path)
    assert results == (None, 200, "via=unix")


def test_canonical_header_names():
    assert canonical_header("content-type") == "Content-Type"
    assert canonical_header("X-REQUEST-id") == "X-Request-Id"
    assert canonical_header("bad header") == "bad header"  # not a token: left as it is, as Go does
