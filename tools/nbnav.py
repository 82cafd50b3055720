#!/usr/bin/env python3
"""Generate the navigation cells of the course notebooks, as in the Python Data Science Handbook.

    tools/nbnav.py [--check] [FOLDER]      FOLDER defaults to notebooks/

Course notebooks are named `NN.MM-Title.ipynb` and read in name order; `00.00-Index.ipynb` is the index.
Each course notebook gets a navigation cell at the top and at the bottom linking the previous notebook, the
index and the next notebook; the index gets its table of contents, after its title cell and its set-up
check (the code cell tagged `setup-check` right after the title, if there is one). Each notebook's title is the first `# `
heading of its first content cell. Generated cells carry the tag `navigation` and are replaced on every run,
so re-running after adding, renaming or retitling a notebook is all it takes. Outputs are left untouched.
With --check, nothing is written and the exit status is 1 if any notebook is out of date.
"""
import argparse
import re
import sys
from pathlib import Path

import nbformat

INDEX = "00.00-Index.ipynb"
TAG = "navigation"
SETUP_CHECK = "setup-check"
COURSE = "*jmultiprocessing: Python's `multiprocessing` for Java notebooks, where every process is a real JVM.*"
NAME = re.compile(r"\d\d\.\d\d-.+\.ipynb")
# The index lists the notebooks under the heading of their chapter, the name's first two digits.
CHAPTERS = {
    "01": "Chapter 1: the five tutorials, retold in Java",
    "02": "Chapter 2: what Java adds, a lesson per idea, with exercises",
}


def title_of(nb, path):
    for cell in nb.cells:
        if cell.cell_type == "markdown" and TAG not in cell.metadata.get("tags", []):
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
            break
    raise SystemExit(f"{path}: the first content cell must start with a '# Title' heading")


def nav_cell(cell_id, source):
    cell = nbformat.v4.new_markdown_cell(source, metadata={"tags": [TAG]})
    cell.id = cell_id  # fixed ids: regenerating must not change the file when nothing else changed
    return cell


def link(path, title):
    return f"[{title}]({path.name})"


def nav_line(previous, following, titles):
    parts = []
    if previous:
        parts.append(f"< {link(previous, titles[previous])}")
    parts.append(f"[Contents]({INDEX})")
    if following:
        parts.append(f"{link(following, titles[following])} >")
    return " | ".join(parts)


def without_navigation(nb):
    return [c for c in nb.cells if TAG not in c.metadata.get("tags", [])]


def contents_of(course, titles):
    sections = []
    for chapter in sorted({p.name[:2] for p in course}):
        if chapter not in CHAPTERS:
            raise SystemExit(f"no chapter title for {chapter}.xx notebooks: add one to CHAPTERS in {__file__}")
        listed = [p for p in course if p.name.startswith(chapter)]
        items = "\n".join(f"{n}. {link(p, titles[p])}" for n, p in enumerate(listed, start=1))
        sections.append(f"### {CHAPTERS[chapter]}\n\n{items}")
    return "\n\n".join(sections)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default="notebooks", type=Path)
    parser.add_argument("--check", action="store_true", help="report out-of-date notebooks, change nothing")
    args = parser.parse_args(argv)

    index_path = args.folder / INDEX
    course = sorted(p for p in args.folder.glob("*.ipynb") if NAME.fullmatch(p.name) and p.name != INDEX)
    notebooks = {p: nbformat.read(p, as_version=4) for p in [index_path, *course]}
    titles = {p: title_of(nb, p) for p, nb in notebooks.items()}

    updated = {}
    for i, path in enumerate(course):
        previous = course[i - 1] if i > 0 else None
        following = course[i + 1] if i + 1 < len(course) else None
        line = nav_line(previous, following, titles)
        nb = notebooks[path]
        nb.cells = [nav_cell("navigation-top", f"{COURSE}\n\n{line}"),
                    *without_navigation(nb),
                    nav_cell("navigation-bottom", line)]
        updated[path] = nb

    index = notebooks[index_path]
    contents = contents_of(course, titles)
    cells = without_navigation(index)
    head = 2 if len(cells) > 1 and SETUP_CHECK in cells[1].metadata.get("tags", []) else 1
    index.cells = [*cells[:head], nav_cell("navigation-contents", f"## Contents\n\n{contents}"), *cells[head:]]
    updated[index_path] = index

    stale = [p for p, nb in updated.items() if nbformat.writes(nb).rstrip("\n") != p.read_text(encoding="utf-8").rstrip("\n")]
    if args.check:
        for path in stale:
            print(f"{path}: navigation out of date (run tools/nbnav.py)", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        nbformat.write(updated[path], path)
        print(f"updated {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
