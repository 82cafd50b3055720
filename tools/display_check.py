#!/usr/bin/env python3
"""Run tools/display-check/display.ipynb on the real Java kernel and check the rich outputs at message level.

    display_check.py [NOTEBOOK] [--save PATH] [--kernel NAME]

Each code cell may carry one tag saying what it must produce (on the iopub channel, as JupyterLab sees it):
    expect-progress   a display_data with a display id, then update_display_data messages for that same id,
                      and in the saved outputs the bar's final state ("| done")
    expect-html       an output with text/html (a rich table)
    expect-svg        an output with image/svg+xml (a timeline)
--save writes the executed notebook (for the browser check or a look by hand); --kernel runs it on another
kernelspec than `java` (e.g. an IJava one, for a check by hand).
"""
import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

HERE = Path(__file__).resolve().parent
DEFAULT = HERE / "display-check" / "display.ipynb"
TAGS = ("expect-progress", "expect-html", "expect-svg")


class RecordingClient(NotebookClient):
    """An nbclient that keeps every output message of each cell, in order, beside the saved outputs."""

    def __init__(self, nb, **kw):
        super().__init__(nb, **kw)
        self.messages = {}

    def process_message(self, msg, cell, cell_index):
        # update_display_data never reaches output(): nbclient applies it to the outputs it already holds.
        self.messages.setdefault(cell_index, []).append(msg)
        return super().process_message(msg, cell, cell_index)


def check_progress(index, msgs, cell):
    shown = [m for m in msgs if m["msg_type"] == "display_data" and m["content"].get("transient", {}).get("display_id")]
    if not shown:
        return [f"cell {index}: no display_data with a display id (a progress bar)"]
    display_id = shown[0]["content"]["transient"]["display_id"]
    updates = [m for m in msgs if m["msg_type"] == "update_display_data"
               and m["content"].get("transient", {}).get("display_id") == display_id]
    problems = []
    if not updates:
        problems.append(f"cell {index}: no update_display_data for display id {display_id}")
    elif msgs.index(updates[0]) < msgs.index(shown[0]):
        problems.append(f"cell {index}: an update came before its display")
    for m in shown[:1] + updates:
        data = m["content"]["data"]
        if "text/html" not in data or "text/plain" not in data:
            problems.append(f"cell {index}: a progress message without text/html and text/plain: {sorted(data)}")
            break
    saved = [o for o in cell.outputs if o.output_type == "display_data" and "text/plain" in o.get("data", {})]
    if not any("| done" in o.data["text/plain"] for o in saved):
        problems.append(f"cell {index}: the saved outputs lack the bar's final state: "
                        f"{[o.data['text/plain'] for o in saved]}")
    return problems


def check_mime(index, msgs, mime):
    if any(mime in m["content"].get("data", {}) for m in msgs if m["msg_type"] in ("display_data", "execute_result")):
        return []
    return [f"cell {index}: no output with {mime}: {[m['msg_type'] for m in msgs]}"]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebook", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--cell-timeout", type=int, default=180)
    parser.add_argument("--kernel", default="java")
    args = parser.parse_args(argv)
    nb = nbformat.read(args.notebook, as_version=4)
    client = RecordingClient(nb, kernel_name=args.kernel, timeout=args.cell_timeout, startup_timeout=120,
                             record_timing=False, resources={"metadata": {"path": str(args.notebook.parent)}})
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        print(f"error: {args.notebook} did not run cleanly on kernel {args.kernel!r}: {e}", file=sys.stderr)
        return 1
    problems, checked = [], 0
    for index, cell in enumerate(nb.cells):
        tags = [t for t in cell.metadata.get("tags", []) if t in TAGS]
        msgs = client.messages.get(index, [])
        for tag in tags:
            checked += 1
            if tag == "expect-progress":
                problems += check_progress(index, msgs, cell)
            elif tag == "expect-html":
                problems += check_mime(index, msgs, "text/html")
            else:
                problems += check_mime(index, msgs, "image/svg+xml")
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, args.save)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    if checked == 0:
        print(f"error: {args.notebook} has no cell tagged {', '.join(TAGS)}", file=sys.stderr)
        return 1
    print(f"  {args.notebook.name}: {checked} rich output(s) as expected", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
