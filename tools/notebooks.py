#!/usr/bin/env python3
"""Execute notebooks on the real Java kernel, then check, refresh or export them.

    notebooks.py check    PATH... [--handouts DIR]   execute, compare with stored outputs (exit 1 on any difference)
    notebooks.py refresh  PATH...                    execute, write the real outputs back into the .ipynb files
    notebooks.py handouts PATH... --out DIR [--stored]  execute (or, with --stored, take the stored outputs),
                                                     export HTML pages into DIR, the index as index.html

PATH is a notebook or a folder of notebooks. Every notebook must use the kernelspec `java`. Any cell error
fails the run (except in cells tagged `raises-exception`); each cell has a timeout (--cell-timeout).

Stored and produced outputs are compared after normalizing what legitimately varies between runs: pids,
timestamps, durations and identity hashes everywhere, plus, per cell (metadata tags):
    nondeterministic-order   lines of each stream are compared as a sorted multiset (racing children)
    volatile-output          only the kinds of outputs are compared, not their text
    rich-output              display and result outputs are compared by kind and MIME types, not content
                             (progress bars, tables, charts: their HTML and SVG hold pids and times);
                             streams are compared as usual
"""
import argparse
import difflib
import json
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import inherit
from pygments.lexers import JavaLexer
from pygments.token import String
from traitlets.config import Config

KERNEL = "java"
KERNEL_SHUTDOWN_WAIT_SECONDS = 0.4
INDEX = "00.00-Index.ipynb"
INDEX_PAGE = "index.html"
TAG_UNORDERED = "nondeterministic-order"
TAG_VOLATILE = "volatile-output"
TAG_RICH = "rich-output"
TEMPLATES = Path(__file__).resolve().parent / "templates"  # holds handout/, our nbconvert template

# Shared with the Java notebook verifier; $N in a replacement is group N.
NORMALIZERS = [
    (re.compile(rule["pattern"]), re.sub(r"\$(\d)", r"\\g<\1>", rule["replacement"]))
    for rule in json.loads((Path(__file__).resolve().parent / "output-normalization.json").read_text("utf-8"))["rules"]
]


class NotebookError(Exception):
    """A notebook that cannot be used or did not run cleanly; the message says which and why."""


def normalize(text):
    for pattern, replacement in NORMALIZERS:
        text = pattern.sub(replacement, text)
    return text


def find_notebooks(paths):
    notebooks = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.ipynb"))
            notebooks.extend(found)
        elif path.suffix == ".ipynb" and path.is_file():
            notebooks.append(path)
        else:
            raise NotebookError(f"{raw}: not a notebook (.ipynb) or a folder")
    if not notebooks:
        raise NotebookError(f"no notebooks in {' '.join(paths)}")
    return notebooks


def read(path):
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as e:  # nbformat raises several unrelated types for a broken file
        raise NotebookError(f"{path}: not a readable notebook: {e}") from e
    name = nb.metadata.get("kernelspec", {}).get("name")
    if name != KERNEL:
        raise NotebookError(f"{path}: kernelspec is {name!r}, must be {KERNEL!r}")
    return nb


def execute(path, cell_timeout, log_dir):
    """Run a copy of the notebook on a fresh kernel (cwd = its folder); the kernel's own log goes to a file."""
    nb = read(path)
    log_dir.mkdir(parents=True, exist_ok=True)
    log = log_dir / f"{path.stem}.kernel.log"
    # JJava answers a shutdown request but its JVM stays up until it is sent SIGTERM, which jupyter_client does
    # after half the wait time (SIGTERM runs the JVM's exit hooks: kernel-lib still ends its children).
    client = NotebookClient(
        nb,
        config=Config({"KernelManager": {"shutdown_wait_time": KERNEL_SHUTDOWN_WAIT_SECONDS}}),
        kernel_name=KERNEL,
        timeout=cell_timeout,
        startup_timeout=120,
        record_timing=False,  # timings would make every refresh a diff
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.monotonic()
    try:
        with open(log, "w") as stderr:
            client.execute(stderr=stderr)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        tail = "".join(log.read_text(errors="replace").splitlines(keepends=True)[-20:])
        raise NotebookError(f"{path}: {e}\n--- kernel log tail ({log}) ---\n{tail}") from e
    print(f"  executed {path} in {time.monotonic() - started:.1f}s", flush=True)
    return nb


def canonical_outputs(cell):
    """The cell's outputs as comparable text, one entry per output (consecutive stream chunks merged)."""
    tags = set(cell.metadata.get("tags", []))
    merged = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream" and merged and merged[-1][0] == f"stream:{out.name}":
            merged[-1][1] += out.text
        elif out.output_type == "stream":
            merged.append([f"stream:{out.name}", out.text])
        elif out.output_type == "error":
            merged.append(["error", f"{out.ename}: {out.evalue}"])
        elif TAG_RICH in tags:
            merged.append([out.output_type, "".join(f"[{mime}]\n" for mime in sorted(out.get("data", {})))])
        else:
            data = out.get("data", {})
            text = "".join(f"[{mime}]\n{data[mime]}\n" for mime in sorted(data) if mime.startswith("text/"))
            binary = sorted(mime for mime in data if not mime.startswith("text/"))
            merged.append([out.output_type, text + "".join(f"[{mime}]\n" for mime in binary)])
    lines = []
    for kind, text in merged:
        lines.append(f"--- {kind}")
        if TAG_VOLATILE in tags:
            continue
        body = normalize(text).splitlines()
        lines.extend(sorted(body) if TAG_UNORDERED in tags else body)
    return lines


def compare(path, stored, produced):
    """Differences between stored and produced outputs, as unified diffs per cell."""
    stored_code = [c for c in stored.cells if c.cell_type == "code"]
    produced_code = [c for c in produced.cells if c.cell_type == "code"]
    problems = []
    for number, (old, new) in enumerate(zip(stored_code, produced_code), start=1):
        expected, actual = canonical_outputs(old), canonical_outputs(new)
        if expected != actual:
            first_line = old.source.strip().splitlines()[0] if old.source.strip() else "(empty)"
            diff = difflib.unified_diff(expected, actual, "stored", "produced", lineterm="")
            problems.append(f"{path}: code cell {number} ({first_line}):\n" + "\n".join(diff))
    return problems


def title_of(nb, path):
    """The first '# ' heading, as plain text (backticks are Markdown, not part of the title)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].replace("`", "").strip()
    return path.stem


def page_of(notebook_name):
    """The handout page of a notebook: the index is the handouts' index.html."""
    return INDEX_PAGE if notebook_name == INDEX else notebook_name[: -len(".ipynb")] + ".html"


# A Markdown link to a notebook of the course (with an optional #anchor): on a handout it leads to the page.
NOTEBOOK_LINK = re.compile(r"\]\((\d\d\.\d\d-[^)#\s/]+\.ipynb)(#[^)\s]*)?\)")


def link_pages(nb):
    """The notebook with its links between notebooks pointing at the handout pages instead."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = NOTEBOOK_LINK.sub(lambda m: f"]({page_of(m.group(1))}{m.group(2) or ''})", cell.source)
    return nb


class JavaProgramsLexer(JavaLexer):
    """Java, where a text block that holds a Java program (01.03 and 01.05 run such sources) is highlighted as
    Java too, not as one long string."""

    def program_text_block(lexer, match):
        yield match.start(1), String, match.group(1)
        body = match.group(2)
        if re.search(r"\bclass\s+\w+", body):
            for index, token, value in JavaLexer(**lexer.options).get_tokens_unprocessed(body):
                yield match.start(2) + index, token, value
        else:
            yield match.start(2), String, body
        yield match.start(3), String, match.group(3)

    tokens = {"root": [(r'(""")(\n(?:[^"\\]|\\.|"(?!""))*?)(""")', program_text_block), inherit]}


def highlight_java(source, language=None, metadata=None):
    """nbconvert's highlight_code filter for the handouts' code cells (all of them Java)."""
    return highlight(source or " ", JavaProgramsLexer(), HtmlFormatter(cssclass=" highlight hl-java"))


def handout_facts(nb):
    """What a reader must see on the page: one code cell's first line and one line of its output."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            text = out.get("text") or out.get("data", {}).get("text/plain", "")
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            if lines and "volatile-output" not in cell.metadata.get("tags", []):
                return {"code": cell.source.strip().splitlines()[0], "output": lines[0]}
    return None


def export_handouts(notebooks, out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="handout", extra_template_basedirs=[str(TEMPLATES)],
                            filters={"highlight_code": highlight_java})
    pages = []
    for path, nb in notebooks:
        nb.metadata["title"] = title_of(nb, path)
        math = any(c.cell_type == "markdown" and "$" in c.source for c in nb.cells)
        body, _ = exporter.from_notebook_node(link_pages(nb), resources={"needs_mathjax": math})
        page = page_of(path.name)
        (out_dir / page).write_text(body, encoding="utf-8")
        pages.append({"file": page, "title": nb.metadata["title"], "expect": handout_facts(nb)})
    # Read by the browser check: what each page must show.
    (out_dir / "handouts.json").write_text(json.dumps(pages, indent=1) + "\n", encoding="utf-8")
    index = " (the index is index.html)" if any(p["file"] == INDEX_PAGE for p in pages) else ""
    print(f"  wrote {len(pages)} handout(s) to {out_dir}{index}", flush=True)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["check", "refresh", "handouts"])
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--out", type=Path, help="handouts: output folder")
    parser.add_argument("--handouts", type=Path, help="check: also export handouts of the checked run here")
    parser.add_argument("--stored", action="store_true",
                        help="handouts: export the stored outputs, without executing anything")
    parser.add_argument("--cell-timeout", type=int, default=180, help="seconds per cell (default 180)")
    parser.add_argument("--log-dir", type=Path, default=Path("build/logs"), help="kernel logs (default build/logs)")
    args = parser.parse_args(argv)
    if args.command == "handouts" and not args.out:
        parser.error("handouts needs --out DIR")
    if args.stored and args.command != "handouts":
        parser.error("--stored is for handouts only: check and refresh always execute")

    try:
        notebooks = find_notebooks(args.paths)
        executed, problems = [], []
        course_started = time.monotonic()
        for path in notebooks:
            stored = read(path)
            produced = stored if args.stored else execute(path, args.cell_timeout, args.log_dir)
            executed.append((path, produced))
            if args.command == "check":
                problems.extend(compare(path, stored, produced))
            elif args.command == "refresh":
                nbformat.write(produced, path)
                print(f"  refreshed {path}", flush=True)
        if not args.stored:
            print(f"  executed {len(notebooks)} notebook(s) in {time.monotonic() - course_started:.1f}s", flush=True)
        if args.command == "handouts" or args.handouts:
            export_handouts(executed, args.out or args.handouts)
    except NotebookError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if problems:
        print("\n\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} cell(s) differ from their stored outputs (run ./run refresh after checking)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
