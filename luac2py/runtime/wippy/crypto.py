"""The ``crypto`` module and Wippy's ``hash`` module, with Wippy's names and
argument orders: ``crypto.random.{bytes,string,uuid}``, ``crypto.hmac.{sha256,
sha512}(key, data)`` (hex), ``crypto.encrypt/decrypt.{aes,chacha20}(data, key
[, aad])`` (nonce first), ``crypto.jwt.{encode,verify}``, ``crypto.pbkdf2``,
``crypto.constant_time_compare``, and the seeds' ``crypto.random_bytes(n)``.
``hash.*`` are digests and HMACs with the data first (``hash.hmac_sha256(data,
secret)``), hex unless ``raw`` is true.

Results are ``value, nil`` or ``nil, err`` (INVALID for bad input, INTERNAL
for a failed decryption or token check, as in Wippy); an argument of the wrong
type is a Lua error. Random values (and encryption nonces) come from the
workflow's seeded source inside a workflow, so they replay identically."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac as _hmac
import json

# Imported here, not on first use: workflow code runs in Temporal's sandbox,
# which would import them again inside it; this module is passed through.
from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

from ..lib.lmath import check_integer, check_string, type_error
from ..table import Table
from ..values import to_bytes
from . import json as luajson
from .errors import INTERNAL, INVALID, ErrorObject
from .module import Module
from .uuid import now_ns, random_bytes, random_choices, uuid4

MAX_RANDOM_SIZE = 1024 * 1024
MAX_PBKDF2_ITERATIONS = 10_000_000
ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_NONCE_SIZE = 12  # AES-GCM and ChaCha20-Poly1305 standard nonces


def _fail(kind: str, message: str):
    return (None, ErrorObject(kind, message, False))


def _bad_length(n: int):
    if n <= 0:
        return _fail(INVALID, "length must be a positive integer")
    if n > MAX_RANDOM_SIZE:
        return _fail(INVALID, "length exceeds maximum allowed size (1MB)")
    return None


def _lua(b: bytes) -> str:
    return b.decode("latin-1")


def _optional_string(v) -> bytes | None:
    # Wippy reads optional string arguments (aad) only when they are strings.
    return to_bytes(v) if type(v) is str else None


def _random_bytes(n):
    n = check_integer(n, 1, "bytes")
    return _bad_length(n) or (_lua(random_bytes(n)), None)


class RandomModule(Module):
    """``crypto.random``."""

    lua_fields = frozenset({"bytes", "string", "uuid"})

    def bytes(self, n=None, *_):
        return _random_bytes(n)

    def string(self, n=None, charset=None, *_):
        n = check_integer(n, 1, "string")
        failed = _bad_length(n)
        if failed:
            return failed
        if type(charset) is not str:
            charset = ALPHANUMERIC
        elif not charset:
            return _fail(INVALID, "charset cannot be empty")
        # Each character drawn uniformly (Wippy's byte % len favours the first ones).
        return ("".join(random_choices(charset, n)), None)

    def uuid(self, *_):
        return (str(uuid4()), None)


class HmacModule(Module):
    """``crypto.hmac``: ``sha256(key, data)`` / ``sha512(key, data)`` -> hex."""

    lua_fields = frozenset({"sha256", "sha512"})

    def sha256(self, key=None, data=None, *_):
        return _keyed_hex(key, data, hashlib.sha256, "sha256")

    def sha512(self, key=None, data=None, *_):
        return _keyed_hex(key, data, hashlib.sha512, "sha512")


def _keyed_hex(key, data, digest, fname: str):
    key = check_string(key, 1, fname)
    data = check_string(data, 2, fname)
    if not key:
        return _fail(INVALID, "key cannot be empty")
    return (_hmac.new(to_bytes(key), to_bytes(data), digest).hexdigest(), None)


# --- authenticated encryption ------------------------------------------------


def _aead(name: str, key: bytes):
    """The cipher object for a key, or an error tuple for a bad key size."""
    if name == "aes":
        if len(key) not in (16, 24, 32):
            return None, _fail(INVALID, "key must be 16, 24, or 32 bytes")
        return AESGCM(key), None
    if len(key) != 32:
        return None, _fail(INVALID, "key must be 32 bytes")
    return ChaCha20Poly1305(key), None


def _encrypt(name: str, data, key, aad):
    data = check_string(data, 1, name)
    key = check_string(key, 2, name)
    cipher, failed = _aead(name, to_bytes(key))
    if failed:
        return failed
    nonce = random_bytes(_NONCE_SIZE)
    return (_lua(nonce + cipher.encrypt(nonce, to_bytes(data), _optional_string(aad))), None)


def _decrypt(name: str, data, key, aad):
    data = to_bytes(check_string(data, 1, name))
    key = check_string(key, 2, name)
    cipher, failed = _aead(name, to_bytes(key))
    if failed:
        return failed
    if len(data) < _NONCE_SIZE:
        return _fail(INVALID, "encrypted data too short")
    try:
        plain = cipher.decrypt(data[:_NONCE_SIZE], data[_NONCE_SIZE:], _optional_string(aad))
    except InvalidTag:
        return _fail(INTERNAL, "decrypt: message authentication failed")
    return (_lua(plain), None)


class EncryptModule(Module):
    """``crypto.encrypt``: ``aes(data, key [, aad])`` (AES-GCM) and
    ``chacha20(data, key [, aad])`` (ChaCha20-Poly1305) -> nonce .. ciphertext .. tag."""

    lua_fields = frozenset({"aes", "chacha20"})

    def aes(self, data=None, key=None, aad=None, *_):
        return _encrypt("aes", data, key, aad)

    def chacha20(self, data=None, key=None, aad=None, *_):
        return _encrypt("chacha20", data, key, aad)


class DecryptModule(Module):
    """``crypto.decrypt``: the inverse of ``crypto.encrypt``."""

    lua_fields = frozenset({"aes", "chacha20"})

    def aes(self, data=None, key=None, aad=None, *_):
        return _decrypt("aes", data, key, aad)

    def chacha20(self, data=None, key=None, aad=None, *_):
        return _decrypt("chacha20", data, key, aad)


# --- JWT (compact JWS, RFC 7515/7519) ----------------------------------------

_HMAC_ALGS = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}
_ALGS = frozenset(_HMAC_ALGS) | {"RS256"}


def _b64url(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode("ascii")


def _unb64url(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def _sign(alg: str, key: bytes, message: bytes) -> bytes:
    """Raises ValueError for a key that is not an RSA private key (RS256)."""
    if alg in _HMAC_ALGS:
        return _hmac.new(key, message, _HMAC_ALGS[alg]).digest()
    private = serialization.load_pem_private_key(key, password=None)
    if not isinstance(private, rsa.RSAPrivateKey):
        raise ValueError("key is not an RSA private key")
    return private.sign(message, padding.PKCS1v15(), hashes.SHA256())


def _signature_ok(alg: str, key: bytes, message: bytes, signature: bytes) -> bool:
    if alg in _HMAC_ALGS:
        return _hmac.compare_digest(_sign(alg, key, message), signature)
    try:
        public = x509.load_pem_x509_certificate(key).public_key()
    except ValueError:
        public = serialization.load_pem_public_key(key)
    if not isinstance(public, rsa.RSAPublicKey):
        raise ValueError("key is not an RSA public key")
    try:
        public.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
        return True
    except InvalidSignature:
        return False


def _json_object(v):
    """A Lua table as a JSON object (an empty table is ``{}`` here), or None."""
    plain = luajson.to_plain(v)
    if plain == []:
        return {}
    return plain if isinstance(plain, dict) else None


class JwtModule(Module):
    """``crypto.jwt``: ``encode(payload, key [, alg])`` and ``verify(token,
    key [, alg [, require_exp]])``; HS256 (default), HS384, HS512, RS256."""

    lua_fields = frozenset({"encode", "verify"})

    def encode(self, payload=None, key=None, alg=None, *_):
        if not isinstance(payload, Table):
            raise type_error(payload, 1, "encode", "table")
        key = to_bytes(check_string(key, 2, "encode"))
        alg = "HS256" if alg is None else check_string(alg, 3, "encode")
        if alg not in _ALGS:
            return _fail(INVALID, f"unsupported algorithm: {alg}")
        try:
            claims = _json_object(payload)
        except luajson.PayloadError as e:
            return _fail(INVALID, str(e))
        if claims is None:
            return _fail(INVALID, "failed to convert payload to map")
        header = {"alg": alg, "typ": "JWT"}
        extra = claims.pop("_header", None)
        if isinstance(extra, dict):
            header.update(extra)
        if alg in _HMAC_ALGS and not key:
            return _fail(INVALID, "key cannot be empty")
        message = f"{_b64url(_compact(header))}.{_b64url(_compact(claims))}".encode("ascii")
        try:
            signature = _sign(alg, key, message)
        except (ValueError, TypeError) as e:
            return _fail(INVALID, f"invalid RSA private key: {e}")
        return (message.decode("ascii") + "." + _b64url(signature), None)

    def verify(self, token=None, key=None, alg=None, require_exp=None, *_):
        token = check_string(token, 1, "verify")
        key = to_bytes(check_string(key, 2, "verify"))
        alg = "HS256" if alg is None else check_string(alg, 3, "verify")
        claims, problem = _checked_claims(token, key, alg, require_exp is not False)
        if problem:
            return _fail(INTERNAL, f"verify token: {problem}")
        return (luajson.to_lua(claims), None)


def _compact(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _checked_claims(token: str, key: bytes, alg: str, require_exp: bool):
    """(claims, None) for a valid token, else (None, the reason as golang-jwt words it)."""
    parts = token.split(".")
    if len(parts) != 3:
        return None, "token is malformed: token contains an invalid number of segments"
    try:
        header = json.loads(_unb64url(parts[0]))
        claims = json.loads(_unb64url(parts[1]))
        signature = _unb64url(parts[2])
    except (ValueError, binascii.Error):
        return None, "token is malformed: could not base64/JSON decode a segment"
    if not isinstance(header, dict) or not isinstance(claims, dict):
        return None, "token is malformed: header and claims must be JSON objects"
    if header.get("alg") != alg or alg not in _ALGS:
        return None, f"token signature is invalid: signing method {header.get('alg')} is invalid"
    try:
        ok = _signature_ok(alg, key, f"{parts[0]}.{parts[1]}".encode("latin-1"), signature)
    except (ValueError, TypeError) as e:
        return None, f"token is unverifiable: {e}"
    if not ok:
        return None, "token signature is invalid: signature is invalid"
    now = now_ns() / 1e9
    exp, nbf = claims.get("exp"), claims.get("nbf")
    if exp is None and require_exp:
        return None, "token has invalid claims: token is missing required claim: exp claim is required"
    if isinstance(exp, (int, float)) and now >= exp:
        return None, "token has invalid claims: token is expired"
    if isinstance(nbf, (int, float)) and now < nbf:
        return None, "token has invalid claims: token is not valid yet"
    return claims, None


# --- the module --------------------------------------------------------------


class CryptoModule(Module):
    """``require("crypto")``."""

    lua_fields = frozenset(
        {"random", "hmac", "encrypt", "decrypt", "jwt", "pbkdf2", "constant_time_compare", "random_bytes"}
    )
    random = RandomModule()
    hmac = HmacModule()
    encrypt = EncryptModule()
    decrypt = DecryptModule()
    jwt = JwtModule()

    def random_bytes(self, n=None, *_):
        """The seeds' spelling of ``crypto.random.bytes``."""
        return _random_bytes(n)

    def pbkdf2(self, password=None, salt=None, iterations=None, key_length=None, hash_name=None, *_):
        password = check_string(password, 1, "pbkdf2")
        salt = check_string(salt, 2, "pbkdf2")
        iterations = check_integer(iterations, 3, "pbkdf2")
        key_length = check_integer(key_length, 4, "pbkdf2")
        if not password:
            return _fail(INVALID, "password cannot be empty")
        if not salt:
            return _fail(INVALID, "salt cannot be empty")
        if iterations <= 0:
            return _fail(INVALID, "iterations must be positive")
        if iterations > MAX_PBKDF2_ITERATIONS:
            return _fail(INVALID, f"iterations exceeds maximum ({MAX_PBKDF2_ITERATIONS})")
        if key_length <= 0:
            return _fail(INVALID, "key length must be positive")
        hash_name = hash_name if type(hash_name) is str else "sha256"
        if hash_name not in ("sha256", "sha512"):
            return _fail(INVALID, f"unsupported hash function: {hash_name}")
        try:
            key = hashlib.pbkdf2_hmac(hash_name, to_bytes(password), to_bytes(salt), iterations, key_length)
        except (ValueError, OverflowError) as e:
            return _fail(INVALID, str(e))
        return (_lua(key), None)

    def constant_time_compare(self, a=None, b=None, *_):
        a = check_string(a, 1, "constant_time_compare")
        b = check_string(b, 2, "constant_time_compare")
        return _hmac.compare_digest(to_bytes(a), to_bytes(b))


CRYPTO = CryptoModule()


# --- hash ----------------------------------------------------------------------

_FNV32 = (0x811C9DC5, 0x01000193, 0xFFFFFFFF)
_FNV64 = (0xCBF29CE484222325, 0x100000001B3, 0xFFFFFFFFFFFFFFFF)


def _fnv1(data: bytes, params) -> int:
    """FNV-1 (multiply, then xor), as Go's hash/fnv New32/New64."""
    h, prime, mask = params
    for byte in data:
        h = (h * prime) & mask
        h ^= byte
    return h


def _digest_result(raw_digest: bytes, raw) -> tuple:
    return (_lua(raw_digest) if raw is not None and raw is not False else raw_digest.hex(), None)


class HashModule(Module):
    """``require("hash")``: ``md5 sha1 sha256 sha512 (data [, raw])``,
    ``hmac_md5 hmac_sha1 hmac_sha256 hmac_sha512 (data, secret [, raw])``,
    ``fnv32 fnv64 (data)`` -> number."""

    lua_fields = frozenset(
        {"md5", "sha1", "sha256", "sha512", "fnv32", "fnv64", "hmac_md5", "hmac_sha1", "hmac_sha256", "hmac_sha512"}
    )

    def md5(self, data=None, raw=None, *_):
        return _digest(hashlib.md5, data, raw)

    def sha1(self, data=None, raw=None, *_):
        return _digest(hashlib.sha1, data, raw)

    def sha256(self, data=None, raw=None, *_):
        return _digest(hashlib.sha256, data, raw)

    def sha512(self, data=None, raw=None, *_):
        return _digest(hashlib.sha512, data, raw)

    def hmac_md5(self, data=None, secret=None, raw=None, *_):
        return _hmac_result(hashlib.md5, data, secret, raw)

    def hmac_sha1(self, data=None, secret=None, raw=None, *_):
        return _hmac_result(hashlib.sha1, data, secret, raw)

    def hmac_sha256(self, data=None, secret=None, raw=None, *_):
        return _hmac_result(hashlib.sha256, data, secret, raw)

    def hmac_sha512(self, data=None, secret=None, raw=None, *_):
        return _hmac_result(hashlib.sha512, data, secret, raw)

    def fnv32(self, data=None, *_):
        if type(data) is not str:
            return _fail(INVALID, "data must be a string")
        return (_fnv1(to_bytes(data), _FNV32), None)

    def fnv64(self, data=None, *_):
        if type(data) is not str:
            return _fail(INVALID, "data must be a string")
        h = _fnv1(to_bytes(data), _FNV64)
        # Wippy gives a float; an integer where it is exact.
        return (h if h < 2**63 else float(h), None)


def _digest(algorithm, data, raw):
    if type(data) is not str:
        return _fail(INVALID, "data must be a string")
    return _digest_result(algorithm(to_bytes(data)).digest(), raw)


def _hmac_result(algorithm, data, secret, raw):
    if type(data) is not str:
        return _fail(INVALID, "data must be a string")
    if type(secret) is not str:
        return _fail(INVALID, "secret must be a string")
    return _digest_result(_hmac.new(to_bytes(secret), to_bytes(data), algorithm).digest(), raw)


HASH = HashModule()
