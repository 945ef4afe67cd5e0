#!/usr/bin/env python3
"""Print the benchmark tables from the results that run.sh recorded.

    report.py RESULTS.tsv [INFO.txt]

RESULTS.tsv has one line per timed run, tab-separated:

    section corpus tool format guides scale wall user sys rss_kb

An optional 11th and 12th field give the command's own user and sys CPU
seconds when the run was timed with treetime.py (user and sys are then the
whole process tree's, including processes the command left running).

section: corpus | large | noop | pdf; corpus: number of guides in the corpus (bytes
for the large guide); guides: how many guides the run processed; scale: the
factor that extrapolates the run to the whole corpus (1, or corpus/sample when
pandoc and the per-format Waymark runs used a sample). A measurement that ran
more than once is reported by its median run (by wall time).

Everything printed is fixed by the results except the timings themselves.
"""

import sys
from collections import OrderedDict

WAYMARK_FORMATS = [
    ("check", "check only"),
    ("all", "all formats"),
    ("five", "the five of issue #8"),
    ("nopdf", "all but pdf"),
    ("epub", "epub"),
    ("text", "text"),
    ("large-print", "large-print"),
    ("easy-read", "easy-read"),
    ("pdf", "pdf"),
    ("braille", "braille"),
]
PANDOC_FORMATS = [("epub", "epub"), ("text", "text"), ("html", "html")]
# Which pandoc format each Waymark row is compared with.
COMPARED = {"epub": "epub", "text": "text", "large-print": "html", "all": "sum", "five": "sum", "nopdf": "sum"}


class Run:
    def __init__(self, fields):
        (self.section, corpus, self.tool, self.format, guides, scale,
         wall, user, sys_, rss) = fields[:10]
        # The command's own CPU (without what it left running), when treetime.py measured it.
        self.own_cpu = (float(fields[10]) + float(fields[11])) * float(scale) if len(fields) >= 12 else None
        self.corpus = int(corpus)
        self.guides = int(guides)
        self.scale = float(scale)
        self.measured_wall = float(wall)
        self.wall = float(wall) * self.scale
        self.cpu = (float(user) + float(sys_)) * self.scale
        self.rss_mb = int(rss) / 1024
        self.runs = 1

    @property
    def sampled(self):
        return self.scale != 1.0

    @property
    def per_guide_ms(self):
        return self.wall * 1000 / (self.guides * self.scale)

    @property
    def per_second(self):
        return self.guides * self.scale / self.wall if self.wall > 0 else float("inf")


def load(path):
    groups = OrderedDict()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            run = Run(line.rstrip("\n").split("\t"))
            groups.setdefault((run.section, run.corpus, run.tool, run.format), []).append(run)
    medians = {}
    for key, runs in groups.items():
        ordered = sorted(runs, key=lambda r: r.measured_wall)
        median = ordered[(len(ordered) - 1) // 2]
        median.runs = len(runs)
        medians[key] = median
    return medians


def fmt_seconds(value):
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def fmt_ms(value):
    return f"{value:.1f}" if value < 1000 else f"{value:.0f}"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def thousands(n):
    return f"{n:,}"


def main():
    results = load(sys.argv[1])
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as handle:
            print(handle.read().rstrip("\n"))
        print()

    corpora = sorted({c for (s, c, _, _) in results if s == "corpus"})
    # Formats added since (braille): a row each, after the known ones.
    known = {f for f, _ in WAYMARK_FORMATS}
    for (section, _, tool, fid) in results:
        if section == "corpus" and tool == "waymark" and fid not in known:
            WAYMARK_FORMATS.append((fid, fid))
            known.add(fid)
    sampled_note = False
    rows = []
    pandoc_sum = {}
    for n in corpora:
        pandoc = {f: results.get(("corpus", n, "pandoc", f)) for f, _ in PANDOC_FORMATS}
        if all(pandoc.values()):
            runs = list(pandoc.values())
            pandoc_sum[n] = (sum(r.wall for r in runs), sum(r.cpu for r in runs),
                             max(r.rss_mb for r in runs), runs[0].guides, runs[0].scale)
        for tool, formats in (("waymark", WAYMARK_FORMATS), ("pandoc", PANDOC_FORMATS)):
            for fid, label in formats:
                run = results.get(("corpus", n, tool, fid))
                if not run:
                    continue
                guides = thousands(n)
                mark = ""
                if run.sampled:
                    guides = f"{thousands(n)} ({run.guides} sampled)"
                    mark = "*"
                    sampled_note = True
                ratio = speedup = cpu_speedup = ""
                if tool == "waymark" and fid in COMPARED:
                    other = COMPARED[fid]
                    if other == "sum" and n in pandoc_sum:
                        p_ms, p_cpu = pandoc_sum[n][0] * 1000 / n, pandoc_sum[n][1]
                    elif other != "sum" and pandoc.get(other):
                        p_ms, p_cpu = pandoc[other].per_guide_ms, pandoc[other].cpu
                    else:
                        p_ms = p_cpu = None
                    if p_ms:
                        ratio = f"{run.per_guide_ms / p_ms:.3f}"
                        speedup = f"{p_ms / run.per_guide_ms:.1f}×"
                        cpu_speedup = f"{p_cpu / run.cpu:.1f}×"
                rows.append([guides, tool, label, fmt_seconds(run.wall) + mark, fmt_seconds(run.cpu) + mark,
                             f"{run.rss_mb:.0f}", f"{run.per_second:.1f}", fmt_ms(run.per_guide_ms),
                             ratio, speedup, cpu_speedup, str(run.runs)])
            if tool == "pandoc" and n in pandoc_sum:
                wall, cpu, rss, g, scale = pandoc_sum[n]
                mark = "*" if scale != 1.0 else ""
                guides = thousands(n) if not mark else f"{thousands(n)} ({g} sampled)"
                rows.append([guides, "pandoc", "3 formats (sum)", fmt_seconds(wall) + mark, fmt_seconds(cpu) + mark,
                             f"{rss:.0f}", f"{n / wall:.1f}", fmt_ms(wall * 1000 / n), "", "", "", ""])

    if rows:
        print("### Corpus builds")
        print()
        print(table(["guides", "tool", "formats", "wall s", "CPU s", "peak RSS MB", "guides/s", "ms/guide",
                     "W/P", "speed-up", "CPU speed-up", "runs"], rows))
        print()
        print("W/P: Waymark's wall time per guide over pandoc's for the same format in the same run")
        print("(epub/epub, text/text, large-print/html, all formats and all but pdf/pandoc's 3 formats summed);")
        print("speed-up: pandoc's wall time over Waymark's; CPU speed-up: the same for CPU time (user + sys),")
        print("which other load on the machine disturbs less, of every process the command started (the pdf")
        print("format's Typst helper included). Peak RSS: the largest process.")
        print("runs: how many times it ran (the median run is shown). Waymark's 'all' includes the checks;")
        print("pandoc runs one process per guide and format, one after another, as a user's script would.")
        if sampled_note:
            print("* pandoc, and Waymark's per-format runs, ran on a seeded random sample of the corpus; wall")
            print("  and CPU time are scaled up to the whole corpus (× corpus/sample), peak RSS is as measured.")
            print("  Waymark's 'check only', 'all formats' and 'all but pdf' rows always cover the whole corpus.")
        print()

    large = [r for (s, _, _, _), r in results.items() if s == "large"]
    noop = [r for (s, _, _, _), r in results.items() if s == "noop"]
    if large or noop:
        print("### Single large guide and no-op rebuild")
        print()
        rows = []
        for run in large:
            label = {"check": "check only", "nopdf": "all but pdf"}.get(run.format, "all formats")
            rows.append([f"1 guide of {thousands(run.corpus)} bytes", label, fmt_seconds(run.wall),
                         fmt_seconds(run.cpu), f"{run.rss_mb:.0f}", str(run.runs)])
        for run in noop:
            rows.append([f"{thousands(run.corpus)} guides, built again unchanged", "all formats (no-op)",
                         fmt_seconds(run.wall), fmt_seconds(run.cpu), f"{run.rss_mb:.0f}", str(run.runs)])
        print(table(["what", "formats", "wall s", "CPU s", "peak RSS MB", "runs"], rows))
        print()

    # --- Targets -------------------------------------------------------------
    targets = []

    def verdict(ok):
        return "met" if ok else "missed"

    all_runs = {n: results.get(("corpus", n, "waymark", "all")) for n in corpora}
    all_runs = {n: r for n, r in all_runs.items() if r}
    if pandoc_sum and all_runs:
        candidates = [n for n in pandoc_sum if n in all_runs]
        n = 1000 if 1000 in candidates else (max(c for c in candidates if pandoc_sum[c][4] == 1.0)
                                             if any(pandoc_sum[c][4] == 1.0 for c in candidates) else max(candidates))
        w = all_runs[n].per_guide_ms
        p = pandoc_sum[n][0] * 1000 / n
        cpu = pandoc_sum[n][1] / all_runs[n].cpu
        targets.append([f"all formats ≥ 20× faster than pandoc's 3 (wall per guide, {thousands(n)} guides)",
                        f"{w:.1f} ms vs {p:.1f} ms: {p / w:.1f}× (CPU time: {cpu:.1f}×)", verdict(p / w >= 20)])
        nopdf = results.get(("corpus", n, "waymark", "nopdf"))
        if nopdf:
            w = nopdf.per_guide_ms
            cpu = pandoc_sum[n][1] / nopdf.cpu
            targets.append([f"the same for all formats but pdf (what issue #8 measured)",
                            f"{w:.1f} ms vs {p:.1f} ms: {p / w:.1f}× (CPU time: {cpu:.1f}×)", verdict(p / w >= 20)])
    if len(all_runs) >= 2:
        small, big = min(all_runs), max(all_runs)
        cpu_per = {n: all_runs[n].cpu * 1000 / n for n in all_runs}
        per = ", ".join(f"{thousands(n)}: {cpu_per[n]:.1f}" for n in sorted(all_runs))
        wall = ", ".join(f"{all_runs[n].per_guide_ms:.1f}" for n in sorted(all_runs))
        growth = cpu_per[big] / cpu_per[small]
        targets.append([f"linear in guides ({thousands(small)} → {thousands(big)}): CPU ms per guide stays level (≤ 1.2×)",
                        f"CPU ms/guide {per}: {growth:.2f}× (wall ms/guide {wall})", verdict(growth <= 1.2)])
        rss = all_runs[big].rss_mb / all_runs[small].rss_mb
        targets.append([f"peak RSS at {thousands(big)} guides ≤ 2× that at {thousands(small)}",
                        f"{all_runs[big].rss_mb:.0f} MB vs {all_runs[small].rss_mb:.0f} MB: {rss:.2f}×", verdict(rss <= 2)])
    for run in large:
        if run.format == "nopdf":
            targets.append([f"the same for all formats but pdf (what issue #8 measured)",
                            f"{run.wall:.2f} s (CPU {run.cpu:.2f} s)", verdict(run.wall < 1.0)])
            continue
        if run.format != "all":
            continue
        text = f"{run.wall:.2f} s"
        corpus_bytes = None
        if all_runs:
            n = max(all_runs)
            corpus_bytes = BYTES.get(n)
            if corpus_bytes:
                per_kb_large = run.cpu * 1000 / (run.corpus / 1000)
                per_kb_corpus = all_runs[n].cpu * 1000 / (corpus_bytes / 1000)
                text += (f"; CPU {per_kb_large:.2f} ms/KB vs {per_kb_corpus:.2f} ms/KB over the "
                         f"{thousands(n)}-guide corpus ({per_kb_large / per_kb_corpus:.2f}×)")
            if corpus_bytes:
                targets.append([f"linear in length: CPU per KB of the {thousands(run.corpus)}-byte guide ≤ 1.5× the corpus's",
                                text.split("; ", 1)[1], verdict(per_kb_large / per_kb_corpus <= 1.5)])
        targets.append([f"a {thousands(run.corpus)}-byte guide, all formats, under 1 s",
                        f"{run.wall:.2f} s (CPU {run.cpu:.2f} s)", verdict(run.wall < 1.0)])
    for run in noop:
        targets.append([f"no-op rebuild of {thousands(run.corpus)} guides under 1 s", f"{run.wall:.2f} s",
                        verdict(run.wall < 1.0)])
    if targets:
        print("### Against the targets of issue #8")
        print()
        print(table(["target", "measured", "verdict"], targets))
        print()
    braille_section(results, corpora)

    pdf_section(results)
    callgrind_section(results)
    memory_section(results)
    issue23_targets(results, pandoc_sum)


def callgrind_section(results):
    """Instructions per guide under callgrind (issue #23), beside wall and CPU time."""
    if not CALLGRIND:
        return
    print("### Instructions per guide (callgrind)")
    print()
    sizes = sorted({c for (s, c, t, _) in results if s == "corpus" and t == "waymark" and c in (200, 1000)})
    header = ["formats", "guides profiled", "instructions a guide", "fixed cost"]
    for n in sizes:
        header += [f"wall ms/guide ({thousands(n)})", f"CPU ms/guide ({thousands(n)})"]
    rows = []
    for fid, (n, total, one, per_guide, fixed, site_all, site_one) in CALLGRIND.items():
        label = {"all": "all formats (a plain build)", "five": "the five of issue #8"}.get(fid, fid)
        row = [label, thousands(n), f"{per_guide / 1e6:.1f} M", f"{fixed / 1e6:.0f} M"]
        for size in sizes:
            run = results.get(("corpus", size, "waymark", fid))
            row += [fmt_ms(run.per_guide_ms), fmt_ms(run.cpu * 1000 / (run.guides * run.scale))] if run else ["", ""]
        rows.append(row)
        if fid == "all" and n > 1:
            site = (site_all - site_one) / (n - 1)
            rows.append(["of it the download site", thousands(n), f"{site / 1e6:.1f} M ({100 * site / per_guide:.0f} %)", "", *[""] * (2 * len(sizes))])
    print(table(header, rows))
    print()
    print("instructions a guide: (instructions for the corpus − for 1 guide) / (guides − 1), Waymark's")
    print("process only; fixed cost: the 1-guide run less one guide. The pdf format's Typst work is done")
    print("by its helper, a Python process callgrind does not follow: its CPU is in the timed columns, not")
    print("in the counts. The download site is part of every build: its row is what the all-formats profile")
    print("counts inside DownloadSite.guideFiles (each guide's page, ZIP and cover) and Builder.writeSite")
    print("(the list and catalogues). Timed columns: the corpus rows above at that size (CPU: every process).")
    print()


def memory_section(results):
    """Waymark's own peak memory at each corpus size, --format text."""
    if not MEMORY:
        return
    print("### Memory: Waymark's own peak, --format text")
    print()
    rows = []
    for n in sorted(MEMORY):
        run = results.get(("memory", n, "waymark", "text"))
        rows.append([thousands(n), f"{MEMORY[n] / 1024:.0f}", fmt_seconds(run.wall) if run else "", fmt_seconds(run.cpu) if run else ""])
    print(table(["guides", "peak RSS MB (waymark)", "wall s", "CPU s"], rows))
    print()
    print("The high-water mark of the waymark process itself (VmHWM, read as it exits, peak-rss.c): the")
    print("other peak RSS figures are the largest process, and the site's covers are drawn by the Typst")
    print("helper, a larger process than Waymark.")
    print()


def issue23_targets(results, pandoc_sum):
    targets = []

    def verdict(ok):
        return "met" if ok else "missed"

    # The targets are set on the five formats of issue #8 ("five"); a binary that has no other
    # formats builds just those in a plain build ("all").
    target = "five" if "five" in CALLGRIND or ("corpus", 200, "waymark", "five") in results else "all"
    if target in CALLGRIND:
        per_guide = CALLGRIND[target][3]
        targets.append(["at most 54 M instructions a guide, the five formats of issue #8 (callgrind)", f"{per_guide / 1e6:.1f} M", verdict(per_guide <= 54e6)])
    five200 = results.get(("corpus", 200, "waymark", target))
    if five200 and 200 in pandoc_sum:
        w = five200.per_guide_ms
        p = pandoc_sum[200][0] * 1000 / 200
        targets.append(["the five formats ≥ 20× faster than pandoc's 3 (wall per guide, 200 guides, one run)",
                        f"{w:.1f} ms vs {p:.1f} ms: {p / w:.1f}× (CPU time: {pandoc_sum[200][1] / five200.cpu:.1f}×)", verdict(p / w >= 20)])
    for (section, n, _, _), run in results.items():
        if section == "noop":
            targets.append([f"no-op rebuild of {thousands(n)} guides under 0.5 s", f"{run.wall:.2f} s", verdict(run.wall < 0.5)])
    if len(MEMORY) >= 2:
        small, big = min(MEMORY), max(MEMORY)
        ratio = MEMORY[big] / MEMORY[small]
        targets.append([f"Waymark's peak memory flat from {thousands(small)} to {thousands(big)} guides (≤ 1.25×)",
                        f"{MEMORY[small] / 1024:.0f} MB → {MEMORY[big] / 1024:.0f} MB: {ratio:.2f}×", verdict(ratio <= 1.25)])
    if targets:
        print("### Against the targets of issue #23")
        print()
        print(table(["target", "measured", "verdict"], targets))
        print()


def braille_section(results, corpora):
    """The braille format's CPU per guide (issue #21): what a build of braille costs over a build
    of the plain text alone (reading, checks and the build's own work are in both)."""
    rows = []
    for n in corpora:
        braille = results.get(("corpus", n, "waymark", "braille"))
        text = results.get(("corpus", n, "waymark", "text"))
        if not braille or not text:
            continue
        own = (braille.cpu - text.cpu) * 1000 / n
        peer = results.get(("corpus", n, "file2brl", "braille"))
        if peer:
            w, p = braille.per_guide_ms, peer.per_guide_ms
            rows.append([f"braille against its peer, file2brl on the guide's plain text ({thousands(n)} guides, one process a guide)",
                         f"waymark {w:.1f} ms vs file2brl {p:.1f} ms wall a guide: {p / w:.1f}×; CPU {braille.cpu * 1000 / n:.1f} ms vs {peer.cpu * 1000 / n:.1f} ms",
                         "(no target)"])
        rows.append([f"braille under 20 ms of CPU per guide ({thousands(n)} guides; a braille build less a text build)",
                     f"{own:.1f} ms (the braille build: {braille.cpu * 1000 / n:.1f} ms, the text build: {text.cpu * 1000 / n:.1f} ms)",
                     "met" if own < 20 else "missed"])
    if rows:
        print("### Braille: against the target of issue #21, and its peer")
        print()
        print(table(["target", "measured", "verdict"], rows))
        print()


def pdf_section(results):
    """The pdf format against pandoc --pdf-engine=weasyprint (issue #17)."""
    waymark = results.get(("pdf", PDF_SIZE[0], "waymark", "pdf")) if PDF_SIZE else None
    pandoc = results.get(("pdf", PDF_SIZE[0], "pandoc", "pdf")) if PDF_SIZE else None
    if not waymark and not pandoc:
        return
    n = PDF_SIZE[0]
    print("### PDF: Waymark against pandoc with WeasyPrint")
    print()
    rows = []
    for tool, run in (("waymark", waymark), ("pandoc", pandoc)):
        if not run:
            continue
        files, pages, size = PDF_FILES.get(tool, (0, 0, 0))
        per_guide = run.guides  # the guides this run made PDFs of (pages and files are of these)
        mark = "*" if run.sampled else ""
        guides = thousands(n) if not run.sampled else f"{thousands(n)} ({run.guides} sampled)"
        cpu_ms = run.cpu * 1000 / n
        pdfs_per_guide = files / per_guide if per_guide else 0
        helper = ""
        if tool == "waymark" and run.own_cpu is not None:
            helper = f"{(run.cpu - run.own_cpu) * 1000 / n:.1f}"
        speedup = cpu_speedup = ""
        if tool == "waymark" and pandoc:
            speedup = f"{pandoc.per_guide_ms / run.per_guide_ms:.1f}×"
            cpu_speedup = f"{pandoc.cpu / run.cpu:.1f}×"
        rows.append([guides, tool, f"{pdfs_per_guide:g}", f"{pages / per_guide:.1f}" if per_guide else "",
                     fmt_seconds(run.wall) + mark, fmt_seconds(run.cpu) + mark, f"{run.rss_mb:.0f}",
                     fmt_ms(run.per_guide_ms), fmt_ms(cpu_ms),
                     fmt_ms(cpu_ms / pdfs_per_guide) if pdfs_per_guide else "", helper,
                     speedup, cpu_speedup, str(run.runs)])
    print(table(["guides", "tool", "PDFs/guide", "pages/guide", "wall s", "CPU s", "peak RSS MB",
                 "wall ms/guide", "CPU ms/guide", "CPU ms/PDF", "of it Typst helper", "speed-up",
                 "CPU speed-up", "runs"], rows))
    print()
    print("Waymark: one `waymark build --format pdf` of all the guides (with its checks), two PDFs a guide")
    print("(large print and easy read) typeset by one Typst helper process; pandoc: one")
    print("`pandoc -o X.pdf --pdf-engine=weasyprint` process per guide, one after another, one PDF a guide.")
    print("CPU: user + sys of every process (WeasyPrint is pandoc's child; Waymark's Typst helper, a Python")
    print("process, ends after Waymark), measured by treetime.py. 'of it Typst helper': the helper's CPU")
    print("ms per guide. speed-up: pandoc's wall time per guide over Waymark's; CPU speed-up: the same for CPU.")
    if pandoc and pandoc.sampled:
        print("* pandoc ran on a seeded random sample; its wall and CPU time are scaled up to all the guides.")
    print()
    targets = []
    if waymark and pandoc:
        w, p = waymark.per_guide_ms, pandoc.per_guide_ms
        c = pandoc.cpu / waymark.cpu
        targets.append(["pdf ≥ 10× faster than pandoc --pdf-engine=weasyprint (wall per guide)",
                        f"{w:.1f} ms vs {p:.1f} ms: {p / w:.1f}× (CPU time: {c:.1f}×)", "PASS" if p / w >= 10 else "FAIL"])
        targets.append(["the same in CPU time per guide (less disturbed by other load)",
                        f"{waymark.cpu * 1000 / n:.1f} ms vs {pandoc.cpu * 1000 / n:.1f} ms: {c:.1f}×",
                        "PASS" if c >= 10 else "FAIL"])
    if waymark:
        cpu_ms = waymark.cpu * 1000 / n
        targets.append(["pdf under 150 ms of CPU per guide (both PDFs, all processes)",
                        f"{cpu_ms:.1f} ms ({cpu_ms / 2:.1f} ms a PDF)", "PASS" if cpu_ms < 150 else "FAIL"])
    print("### Against the targets of issue #17")
    print()
    print(table(["target", "measured", "verdict"], targets))
    print()


BYTES = {}
PDF_FILES = {}
PDF_SIZE = []
CALLGRIND = {}
MEMORY = {}

if __name__ == "__main__":
    # Corpus sizes in bytes, for the per-KB comparison: lines "bytes N B" in the results file.
    with open(sys.argv[1], encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("# bytes "):
                _, _, n, b = line.split()
                BYTES[int(n)] = int(b)
            elif line.startswith("# callgrind "):
                fid, rest = line[len("# callgrind "):].rstrip("\n").split("\t", 1)
                CALLGRIND[fid] = tuple(int(x) for x in rest.split("\t"))
            elif line.startswith("# memory "):
                _, _, n, kb = line.split()
                MEMORY[int(n)] = int(kb)
            elif line.startswith("# pdf-files "):
                _, _, tool, files, pages, size = line.split()
                PDF_FILES[tool] = (int(files), int(pages), int(size))
            elif line.startswith("pdf\t"):
                size = int(line.split("\t")[1])
                if size not in PDF_SIZE:
                    PDF_SIZE.append(size)
    main()
