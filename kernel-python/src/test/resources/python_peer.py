"""The Python end of kernel-python's interoperability tests.

    python3 python_peer.py ROLE ADDRESS KEYHEX

ROLE is "client" or "listener" through this Python's own multiprocessing.connection, or "client312" or
"listener312": the same over a plain socket, with the framing and the {sha256} challenge of CPython 3.12+
written here from that protocol's description (this machine has no newer CPython), so that the Java side
meets the newer challenge format from a Python peer too. ADDRESS is "host:port" (TCP) or a socket path.

After the handshake both roles run one exchange with the Java side and print what they received, one line
each, then "done". Any failure prints its type and message and exits 3.
"""
import hashlib
import hmac
import os
import pickle
import socket
import struct
import sys
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Listener

CHALLENGE = b"#CHALLENGE#"
WELCOME = b"#WELCOME#"
FAILURE = b"#FAILURE#"
DIGESTS = ("md5", "sha256", "sha384")


def parse(address):
    host, sep, port = address.rpartition(":")
    if sep and port.isdigit() and "/" not in address:
        return host or "127.0.0.1", int(port)
    return address


def show(address):
    return "%s:%d" % address[:2] if isinstance(address, tuple) else address


class Framed:
    """A stream socket in multiprocessing's framing: a 4-byte big-endian length, -1 then 8 bytes for a long one."""

    def __init__(self, sock):
        self.sock = sock

    def send_bytes(self, data):
        header = struct.pack("!i", len(data)) if len(data) <= 0x7FFFFFFF else struct.pack("!iQ", -1, len(data))
        self.sock.sendall(header + data)

    def _read(self, n):
        chunks = []
        while n:
            chunk = self.sock.recv(n)
            if not chunk:
                raise EOFError("the Java side closed the connection")
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    def recv_bytes(self, maxlength=None):
        (size,) = struct.unpack("!i", self._read(4))
        if size == -1:
            (size,) = struct.unpack("!Q", self._read(8))
        if maxlength is not None and size > maxlength:
            raise OSError("bad message length")
        return self._read(size)

    def send(self, obj):
        self.send_bytes(pickle.dumps(obj))

    def recv(self):
        return pickle.loads(self.recv_bytes())

    def close(self):
        self.sock.close()


def digest_of(message):
    """The digest named by a b"{name}" prefix of message, or None for the unprefixed legacy form."""
    if message.startswith(b"{"):
        end = message.find(b"}")
        name = message[1:end].decode("ascii")
        if name in DIGESTS:
            return name, message[end + 1:]
    return None, message


def deliver_challenge_312(conn, key):
    message = b"{sha256}" + os.urandom(40)
    conn.send_bytes(CHALLENGE + message)
    response = conn.recv_bytes(256)
    name, mac = digest_of(response) if len(response) != 16 else ("md5", response)
    if name is None or not hmac.compare_digest(hmac.new(key, message, name).digest(), mac):
        conn.send_bytes(FAILURE)
        raise AuthenticationError("digest received was wrong")
    conn.send_bytes(WELCOME)


def answer_challenge_312(conn, key):
    challenge = conn.recv_bytes(256)
    if not challenge.startswith(CHALLENGE):
        raise AuthenticationError("expected a challenge, got %r" % challenge[:40])
    message = challenge[len(CHALLENGE):]
    if len(message) == 20:
        response = hmac.new(key, message, "md5").digest()
    else:
        name, _ = digest_of(message)
        if name is None:
            raise AuthenticationError("challenge of unknown form")
        response = b"{" + name.encode("ascii") + b"}" + hmac.new(key, message, name).digest()
    conn.send_bytes(response)
    if conn.recv_bytes(256) != WELCOME:
        raise AuthenticationError("digest sent was rejected")


def connect_312(address, key):
    family = socket.AF_INET if isinstance(address, tuple) else socket.AF_UNIX
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.connect(address)
    conn = Framed(sock)
    answer_challenge_312(conn, key)
    deliver_challenge_312(conn, key)
    return conn


def accept_312(address, key):
    family = socket.AF_INET if isinstance(address, tuple) else socket.AF_UNIX
    server = socket.socket(family, socket.SOCK_STREAM)
    server.bind(address)
    server.listen(1)
    print("listening", show(server.getsockname()), flush=True)
    sock, _ = server.accept()
    server.close()
    if family == socket.AF_UNIX:
        os.unlink(address)
    conn = Framed(sock)
    deliver_challenge_312(conn, key)
    answer_challenge_312(conn, key)
    return conn


def exchange(conn):
    print("bytes", conn.recv_bytes().decode("utf-8"), flush=True)
    conn.send_bytes("from Python, \N{SNAKE}".encode("utf-8"))
    received = conn.recv()
    print("object", repr(received), flush=True)
    print("types", " ".join(type(x).__name__ for x in received), flush=True)
    conn.send({"echo": received, "none": None, "big": -(2 ** 70), "small": 7, "tuple": (1, "a"),
               "bytes": b"\x00\xfe", "float": 0.25, "bool": False, "set": {3}, "nested": [[1], {"k": "v"}]})
    large = conn.recv_bytes()
    print("large", len(large), hashlib.sha256(large).hexdigest(), flush=True)
    conn.send_bytes(large[::-1])
    print("eof" if expect_eof(conn) else "no eof", flush=True)
    conn.close()


def expect_eof(conn):
    try:
        conn.recv_bytes()
    except EOFError:
        return True
    return False


def main():
    role, address, key = sys.argv[1], parse(sys.argv[2]), bytes.fromhex(sys.argv[3])
    try:
        if role == "client":
            conn = Client(address, authkey=key)
        elif role == "listener":
            with Listener(address, authkey=key) as listener:
                print("listening", show(listener.address), flush=True)
                conn = listener.accept()
        elif role == "client312":
            conn = connect_312(address, key)
        elif role == "listener312":
            conn = accept_312(address, key)
        else:
            raise ValueError("unknown role " + role)
        exchange(conn)
        print("done", flush=True)
    except Exception as e:
        print("failed", type(e).__name__, e, flush=True)
        sys.exit(3)


if __name__ == "__main__":
    main()
