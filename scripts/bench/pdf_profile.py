#!/usr/bin/env python3
"""Where the pdf format's time goes: Waymark, the Python helper, Typst.

    pdf_profile.py --waymark BIN --python VENV_PYTHON [--count 20] [--seed 8] [--dir DIR]

1. Makes a corpus of COUNT guides (make_corpus.py) and builds it with
   `waymark build --format pdf` under treetime.py, with WAYMARK_TYPST_PYTHON set
   to a wrapper that records what Waymark sends the Typst helper (every
   document: its Typst markup, pictures and fonts) and runs the real helper.
2. Replays the recorded documents in one Python process, timing each step the
   helper takes: Python's start and `import typst` (separately), decoding the
   request, writing the files, and `typst.compile` as the helper calls it (a new
   compiler, fonts loaded again, for every document); then the same documents
   with one `typst.Compiler` kept for all of them (fonts loaded once), and the
   font loading alone.

Prints a short Markdown report. CPU is process time (all threads). Python
standard library, plus the `typst` package in VENV_PYTHON for the replay.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

REPLAY = r'''
import base64, json, os, resource, shutil, sys, tempfile, time
t0 = time.process_time()
import typst
import_cpu = time.process_time() - t0
log, fonts_json = sys.argv[1], sys.argv[2]

def cpu():
    return time.process_time()

def requests(path):
    with open(path, "rb") as handle:
        while True:
            header = handle.readline()
            if not header:
                return
            yield handle.read(int(header))

font_folder = tempfile.mkdtemp(prefix="waymark-profile-fonts-")
raw = list(requests(log))
result = {"import_cpu": import_cpu, "documents": len(raw), "request_bytes": sum(len(r) for r in raw)}
t = cpu()
decoded = [json.loads(r) for r in raw]
result["json_cpu"] = cpu() - t
fonts = decoded[0]["fonts"]
for index, path in enumerate(sorted(fonts)):
    os.symlink(path, os.path.join(font_folder, "%02d-%s" % (index, os.path.basename(path))))
result["font_bytes"] = sum(os.path.getsize(p) for p in fonts)

def write(request):
    folder = tempfile.mkdtemp(prefix="waymark-profile-")
    for name, data in request.get("files", {}).items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))
    main = os.path.join(folder, "main.typ")
    with open(main, "w", encoding="utf-8") as handle:
        handle.write(request["source"])
    return folder, main

# As the helper does it: typst.compile per document (a new world: fonts read again).
per_doc, write_cpu, sizes, encode_cpu = [], 0.0, [], 0.0
for request in decoded:
    t = cpu()
    folder, main = write(request)
    write_cpu += cpu() - t
    t = cpu()
    pdf = typst.compile(main, root=folder, format="pdf", pdf_standards=["ua-1"], font_paths=[font_folder],
                        ignore_system_fonts=True, timestamp=int(request["timestamp"]))
    per_doc.append(cpu() - t)
    t = cpu()
    json.dumps({"pdf": base64.b64encode(pdf).decode()})
    encode_cpu += cpu() - t
    sizes.append(len(pdf))
    shutil.rmtree(folder)
result["compile_cpu"] = per_doc
result["write_cpu"] = write_cpu
result["encode_cpu"] = encode_cpu
result["pdf_bytes"] = sizes

# Font loading alone.
t = cpu()
for _ in range(5):
    typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[font_folder]).fonts()
result["fonts_cpu"] = (cpu() - t) / 5

# One compiler for every document: fonts loaded once, Typst's caches kept.
t = cpu()
compiler = typst.Compiler(font_paths=[font_folder], ignore_system_fonts=True)
result["compiler_new_cpu"] = cpu() - t
reuse = []
for request in decoded:
    folder, main = write(request)
    t = cpu()
    compiler.compile(input=main, root=folder, format="pdf", pdf_standards=["ua-1"], timestamp=int(request["timestamp"]))
    reuse.append(cpu() - t)
    shutil.rmtree(folder)
result["reuse_cpu"] = reuse
# The same without PDF/UA-1 (tagging and its checks), to see what the standard costs.
plain = []
for request in decoded:
    folder, main = write(request)
    t = cpu()
    compiler.compile(input=main, root=folder, format="pdf", timestamp=int(request["timestamp"]))
    plain.append(cpu() - t)
    shutil.rmtree(folder)
result["plain_cpu"] = plain
result["max_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
shutil.rmtree(font_folder)
print(json.dumps(result))
'''


def treetime(out, command, env=None):
    subprocess.run([sys.executable, os.path.join(HERE, "treetime.py"), out] + command, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall, user, sys_, rss, own_user, own_sys = open(out).read().split()
    return float(wall), float(user) + float(sys_), float(own_user) + float(own_sys)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--waymark", required=True)
    parser.add_argument("--python", required=True, help="a Python with the typst package (.venv-pdf/bin/python3)")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--dir", default=os.path.join(ROOT, ".build-bench", "pdf-profile"))
    args = parser.parse_args()
    work = os.path.abspath(args.dir)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    corpus = os.path.join(work, "corpus")
    subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), "--seed", str(args.seed), "--count",
                    str(args.count), "--out", corpus], check=True, stderr=subprocess.DEVNULL)
    log = os.path.join(work, "requests.log")
    wrapper = os.path.join(work, "python-recording")
    with open(wrapper, "w") as handle:
        handle.write('#!/bin/sh\ntee "%s" | exec "%s" "$@"\n' % (log, os.path.abspath(args.python)))
    os.chmod(wrapper, 0o755)
    styles = os.path.join(ROOT, "Styles")
    build = [args.waymark, "build", "--guides", corpus, "--output", os.path.join(work, "out"), "--styles", styles, "--format", "pdf"]

    # Plain builds first (no recording), then one recording.
    runs = []
    for _ in range(3):
        shutil.rmtree(os.path.join(work, "out"), ignore_errors=True)
        runs.append(treetime(os.path.join(work, "time"), build, dict(os.environ, WAYMARK_TYPST_PYTHON=os.path.abspath(args.python))))
    wall, tree_cpu, own_cpu = sorted(runs)[1]
    shutil.rmtree(os.path.join(work, "out"), ignore_errors=True)
    treetime(os.path.join(work, "time"), build, dict(os.environ, WAYMARK_TYPST_PYTHON=wrapper))
    # Waymark without the pdf format's Typst work: the same guides as plain text (reading, checks, one writer).
    text = [args.waymark, "build", "--guides", corpus, "--output", os.path.join(work, "out-text"), "--styles", styles, "--format", "text"]
    text_runs = []
    for _ in range(3):
        shutil.rmtree(os.path.join(work, "out-text"), ignore_errors=True)  # else a no-op rebuild (build cache)
        text_runs.append(treetime(os.path.join(work, "time"), text))
    text_cpu = sorted(text_runs)[1][1]

    # Python's start alone, and with import typst.
    start = sorted(treetime(os.path.join(work, "time"), [args.python, "-I", "-c", "pass"])[1] for _ in range(5))[2]
    start_import = sorted(treetime(os.path.join(work, "time"), [args.python, "-I", "-c", "import typst"])[1] for _ in range(5))[2]

    replay = subprocess.run([args.python, "-I", "-c", REPLAY, log, "[]"], check=True, capture_output=True, text=True)
    r = json.loads(replay.stdout)
    docs = r["documents"]
    compile_ms = [c * 1000 for c in r["compile_cpu"]]
    reuse_ms = [c * 1000 for c in r["reuse_cpu"]]
    plain_ms = [c * 1000 for c in r["plain_cpu"]]
    large, easy = compile_ms[0::2], compile_ms[1::2]
    n = args.count

    def ms(x):
        return f"{x:.1f}"

    print(f"**PDF profile** ({n} guides, seed {args.seed}, {docs} documents; CPU = user + sys; medians of 3 builds)")
    print()
    print("| what | CPU ms per guide | CPU ms per PDF | note |")
    print("|---|---|---|---|")
    print(f"| `waymark build --format pdf`, every process | {ms(tree_cpu * 1000 / n)} | {ms(tree_cpu * 1000 / docs)} | wall {ms(wall * 1000 / n)} ms a guide |")
    print(f"| of it Waymark's own process | {ms(own_cpu * 1000 / n)} | | `--format text` of the same guides: {ms(text_cpu * 1000 / n)} ms a guide (reading, checks, one writer) |")
    print(f"| of it the Typst helper (Python) | {ms((tree_cpu - own_cpu) * 1000 / n)} | {ms((tree_cpu - own_cpu) * 1000 / docs)} | |")
    print()
    print("The helper's steps, replayed one by one on the recorded documents:")
    print()
    print("| step | CPU ms | note |")
    print("|---|---|---|")
    print(f"| Python start (`python -I -c pass`) | {ms(start * 1000)} | once a build |")
    print(f"| Python start + `import typst` | {ms(start_import * 1000)} | once a build; import alone in the replay: {ms(r['import_cpu'] * 1000)} |")
    print(f"| `json.loads` of the requests | {ms(r['json_cpu'] * 1000 / docs)} a PDF | {r['request_bytes'] / docs / 1024:.0f} KB a request (markup, base64 pictures) |")
    print(f"| writing main.typ and the pictures | {ms(r['write_cpu'] * 1000 / docs)} a PDF | |")
    print(f"| `typst.compile` as the helper calls it | {ms(statistics.mean(compile_ms))} a PDF (median {ms(statistics.median(compile_ms))}) | large print {ms(statistics.mean(large))}, easy read {ms(statistics.mean(easy))}; PDFs {sum(r['pdf_bytes']) / docs / 1024:.0f} KB on average |")
    print(f"| base64 + `json.dumps` of the answer | {ms(r['encode_cpu'] * 1000 / docs)} a PDF | |")
    print(f"| font loading alone (`typst.Fonts`, the 8 files + Typst's embedded fonts) | {ms(r['fonts_cpu'] * 1000)} | {r['font_bytes'] / 1048576:.1f} MB of font files; `typst.compile` does this for every PDF |")
    print(f"| one `typst.Compiler` for all: compile a PDF | {ms(statistics.mean(reuse_ms))} a PDF (median {ms(statistics.median(reuse_ms))}) | making the compiler once: {ms(r['compiler_new_cpu'] * 1000)} |")
    print(f"| the same, without `pdf_standards=[\"ua-1\"]` | {ms(statistics.mean(plain_ms))} a PDF | what PDF/UA-1 tagging and its checks cost (for information: the writer must keep it) |")
    print()
    print(f"Replay peak RSS: {r['max_rss_kb'] / 1024:.0f} MB. Work folder: {work} (requests.log holds the recorded documents).")


if __name__ == "__main__":
    main()
