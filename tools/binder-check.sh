#!/usr/bin/env bash
# Checks binder/ as far as this machine allows (no Docker engine here):
#  1. repo2docker renders the Dockerfile (--no-build): the conda buildpack for Python 3.11, the apt packages,
#     the pinned requirements and postBuild are in it;
#  2. postBuild runs for real in a scratch HOME, with a fresh virtual environment from binder/requirements.txt;
#  3. the result is a working kernel: the java kernelspec is installed, and a notebook that loads kernel-lib
#     with %maven (from the scratch ~/.m2 that postBuild filled) runs a child Process.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/build/binder-check
REPO2DOCKER=jupyter-repo2docker==2026.4.0

rm -rf "$WORK"
mkdir -p "$WORK"
trap 'rm -rf "$WORK/home" "$WORK/env" "$WORK/r2d"' EXIT

echo "--- repo2docker --no-build"
python3 -m venv "$WORK/r2d"
"$WORK/r2d/bin/pip" install -q --disable-pip-version-check "$REPO2DOCKER"
"$WORK/r2d/bin/jupyter-repo2docker" --no-build --no-run --debug "$ROOT" >"$WORK/Dockerfile.txt" 2>&1
for expected in "conda environment for python=3.11" "openjdk-17-jdk-headless" "maven" \
                'pip install --no-cache-dir -r "binder/requirements.txt"' "binder/postBuild"; do
  grep -qF -- "$expected" "$WORK/Dockerfile.txt" ||
    { echo "the rendered Dockerfile lacks: $expected (see $WORK/Dockerfile.txt)"; exit 1; }
done
echo "Dockerfile rendered with the conda buildpack, JDK 17, Maven, the requirements and postBuild"

echo "--- postBuild in a scratch HOME and a fresh environment"
export HOME=$WORK/home
mkdir -p "$HOME"
# Java takes user.home from the password database, not $HOME: point Maven and the kernel at the scratch one.
export MAVEN_OPTS="-Duser.home=$HOME"
python3 -m venv "$WORK/env"
"$WORK/env/bin/pip" install -q --disable-pip-version-check -r binder/requirements.txt
PATH=$WORK/env/bin:$PATH bash binder/postBuild
[[ -f $HOME/.m2/repository/org/jmultiprocessing/kernel-lib/0.1.0/kernel-lib-0.1.0.jar ]] ||
  { echo "postBuild did not install kernel-lib into ~/.m2"; exit 1; }
[[ -f $WORK/env/share/jupyter/lab/settings/overrides.json ]] ||
  { echo "postBuild did not install JupyterLab's settings overrides (no news prompt)"; exit 1; }

echo "--- the kernel"
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
PATH=$WORK/env/bin:$PATH jupyter kernelspec list | tee "$WORK/kernelspecs.txt"
grep -qE '^\s+java\s' "$WORK/kernelspecs.txt" || { echo "no java kernelspec after set-up"; exit 1; }
PATH=$WORK/env/bin:$PATH python - <<'PY'
import nbformat
from nbclient import NotebookClient

nb = nbformat.v4.new_notebook()
nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java", "language": "java"}
nb.cells = [nbformat.v4.new_code_cell(source) for source in (
    "%maven org.jmultiprocessing:kernel-lib:0.1.0",
    "import org.jmultiprocessing.*;\nimport org.jmultiprocessing.Process;",
    "var p = new Process(() -> System.out.println(\"hello from \" + Multiprocessing.currentProcess().name()));\n"
    "p.start();\np.join();",
)]
NotebookClient(nb, timeout=120, kernel_name="java").execute()
text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("name") == "stdout")
assert text.startswith("hello from Process-"), f"unexpected child output: {text!r}"
print("kernel ok: " + text.strip())
PY
