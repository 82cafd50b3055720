#!/usr/bin/env python3
"""Run JupyterLab on 127.0.0.1 and leave no process behind.

    lab.py --root DIR [--open NOTEBOOK] [--port N] [--token T] [--ready-file F]

Prints the URL (with its token) once the server answers; with --open, the URL opens that notebook (a path
under DIR) in a fresh workspace, whatever layout an earlier session left. JupyterLab's question whether to
fetch Jupyter news, a pop-up over the notebook, is answered no (tools/lab-settings/overrides.json). The kernels JupyterLab starts run in sessions of
their own and may start child JVMs, so this process makes itself their subreaper: whatever is left of the
tree when the server exits (also after SIGTERM or Ctrl-C) is killed here.
"""
import argparse
import ctypes
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36
LAB_SETTINGS = Path(__file__).resolve().parent / "lab-settings"


def free_port(preferred):
    for port in (preferred, 0):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise SystemExit("lab.py: no free port on 127.0.0.1")


def descendants():
    """Pids whose parent chain leads here (orphans re-parent to us as subreaper)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                # the command name (field 2) may hold spaces; the parent pid comes right after it
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [os.getpid()]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kill_leftovers():
    for _ in range(50):
        pids = descendants()
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        # reap our (adopted) children so they disappear from /proc
        while True:
            try:
                if os.waitpid(-1, os.WNOHANG) == (0, 0):
                    break
            except ChildProcessError:
                break
        time.sleep(0.1)


def wait_until_up(url, server, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.3)
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, required=True, help="folder JupyterLab serves")
    parser.add_argument("--open", help="notebook to open, relative to --root")
    parser.add_argument("--port", type=int, default=8888, help="preferred port (a free one if taken)")
    parser.add_argument("--token", default=None, help="access token (default: a random one)")
    parser.add_argument("--ready-file", type=Path, help="write the URL here once the server answers")
    args = parser.parse_args()
    if not args.root.is_dir():
        raise SystemExit(f"lab.py: {args.root} is not a folder")
    if args.open and not (args.root / args.open).is_file():
        raise SystemExit(f"lab.py: --open {args.open}: no such notebook in {args.root}")

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise SystemExit(f"lab.py: prctl(PR_SET_CHILD_SUBREAPER): {os.strerror(ctypes.get_errno())}")
    port = free_port(args.port)
    token = args.token or secrets.token_hex(24)
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={args.root.resolve()}", f"--IdentityProvider.token={token}",
        # No calls home from the server: the machine may be offline, and a test must not depend on it.
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--LabApp.app_settings_dir={LAB_SETTINGS}",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")

    # Ctrl-C reaches the whole foreground group; the server handles it (it asks, or stops on the second).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    server = subprocess.Popen(command, restore_signals=True,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))

    def stop(*_):
        # The server shuts its kernels down on SIGTERM; bounded, since the caller may be a test.
        server.terminate()
        timer = threading.Timer(15, server.kill)
        timer.daemon = True
        timer.start()

    signal.signal(signal.SIGTERM, stop)
    try:
        # ?reset: a fresh workspace, so that the notebook opens alone rather than in a stale saved layout
        page = f"lab/tree/{urllib.parse.quote(args.open)}?reset&" if args.open else "lab?"
        url = f"http://127.0.0.1:{port}/{page}token={token}"
        if wait_until_up(f"http://127.0.0.1:{port}/api/status?token={token}", server, timeout=120):
            print(f"\nJupyterLab is running: {url}\n(Ctrl-C twice to stop)\n", flush=True)
            if args.ready_file:
                args.ready_file.write_text(url + "\n")
        elif server.poll() is None:
            print("lab.py: the server did not answer within 120 s", file=sys.stderr)
            server.terminate()
        code = server.wait()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        kill_leftovers()
    return code


if __name__ == "__main__":
    sys.exit(main())
