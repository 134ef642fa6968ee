#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/fuzz_*.cpp).

    tests/fuzz/make_corpus.py OUT

OUT/yaml, OUT/problem, OUT/records and OUT/merge get one file per seed.
The seeds are every YAML text the project has: the built-in bank
(problems/), the end-to-end fixtures, the YAML that the unit tests write
(their string literals), a small journal written by bench/make_journal.py in
the formats hired writes; plus, for each, mutants around what breaks YAML
readers: quotes, escapes, block scalars, flow collections, comments, tabs,
BOMs, CRLF, lone CRs, NEL/LS/PS and bytes that are not UTF-8. The merge
target builds its records from bytes, so its seeds are random bytes.
Deterministic; nothing here is committed (the corpus is made at test time).
"""

import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAX_SEED = 16 * 1024
KINDS = {"companies": 0, "contacts": 1, "events": 2, "lessons": 3, "practice": 4}


def unit_test_literals():
    """YAML-looking string literals of tests/unit/*.cpp, C escapes undone."""
    out = []
    folder = os.path.join(ROOT, "tests", "unit")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".cpp"):
            continue
        src = open(os.path.join(folder, name), encoding="utf-8").read()
        for m in re.finditer(r'R"\((.*?)\)"', src, re.S):
            out.append(m.group(1).encode())
        # Adjacent "..." literals, joined as the compiler joins them.
        for m in re.finditer(r'"(?:[^"\\\n]|\\.)*"(?:\s*"(?:[^"\\\n]|\\.)*")*', src):
            parts = re.findall(r'"((?:[^"\\\n]|\\.)*)"', m.group(0))
            raw = "".join(parts)
            if ":" not in raw or "\\n" not in raw:
                continue
            try:
                text = bytes(raw, "utf-8").decode("unicode_escape").encode("latin-1")
            except (UnicodeDecodeError, UnicodeEncodeError):
                continue
            out.append(text)
    return out


def journal_files():
    """(kind folder, text) of a small journal in the formats hired writes."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        j = os.path.join(tmp, "j")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_journal.py"), j,
                        "--companies", "12", "--contacts", "8", "--events", "4", "--lessons", "4",
                        "--attempts", "12", "--problems", "4",
                        "--bank", os.path.join(ROOT, "problems")],
                       check=True, stdout=subprocess.DEVNULL)
        for dirpath, _, files in os.walk(j):
            for f in sorted(files):
                if f.endswith(".yaml"):
                    folder = os.path.basename(dirpath)
                    out.append((folder, open(os.path.join(dirpath, f), "rb").read()))
    return out


def files_under(*parts):
    out = []
    top = os.path.join(ROOT, *parts)
    for dirpath, _, files in os.walk(top):
        for f in sorted(files):
            if f.endswith(".yaml"):
                out.append(open(os.path.join(dirpath, f), "rb").read())
    return out


FRAGMENTS = [b'"', b"'", b"\\", b"[", b"]", b"{", b"}", b"|", b">", b"|-", b"|+", b"|2", b">-",
             b"#", b" #", b"\t", b"\xef\xbb\xbf", b"\r\n", b"\r", b"\xff", b"\xe9", b"\xc3",
             b"\xe2\x80\xa8", b"\xc2\x85", b"---\n", b"...\n", b"%YAML 1.1\n", b"&a ", b"*a",
             b"!!str ", b"? ", b": ", b"- ", b",", b"\\x4", b"\\u00", b'\\"', b"''", b"\\N",
             b"\\_", b"\\uD800", b"\\q", b"\n  ", b"\n", b"\x1b", b"\x7f", b"\x00", b"{a: [b, c]}",
             b"~", b"null", b"\n- ", b"\n? "]


def mutants(text, rng, count):
    """count mutants of text, each with 1-3 edits aimed at YAML's sharp edges."""
    out = []
    for _ in range(count):
        t = bytearray(text)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(t) + 1)
            r = rng.randrange(10)
            if r == 0:  # drop a quote or bracket: a quote never closed, a '[' never closed
                idx = [i for i, c in enumerate(t) if c in b"\"'[]{}:"]
                if idx:
                    del t[rng.choice(idx)]
            elif r == 1:
                t[at:at] = rng.choice(FRAGMENTS)
            elif r == 2:  # cut by the end of the file
                t = t[:at]
            elif r == 3 and t:
                del t[min(at, len(t) - 1)]
            elif r == 4:  # indent or outdent a line
                b = t.rfind(b"\n", 0, at) + 1
                if rng.random() < 0.5:
                    t[b:b] = rng.choice([b" ", b"  ", b"\t"])
                elif t[b:b + 1] == b" ":
                    del t[b]
            elif r == 5:  # CRLF or a BOM for the whole file
                t = bytearray(bytes(t).replace(b"\n", b"\r\n")) if rng.random() < 0.5 \
                    else bytearray(b"\xef\xbb\xbf" + bytes(t))
            elif r == 6:  # a comment at the end of a line
                e = t.find(b"\n", at)
                if e >= 0:
                    t[e:e] = rng.choice([b" # note", b"#x", b" #"])
            elif r == 7:  # duplicate a line
                b = t.rfind(b"\n", 0, at) + 1
                e = t.find(b"\n", at)
                if e >= 0:
                    t[b:b] = t[b:e + 1]
            elif r == 8:  # a value quoted, or a quote opened
                e = t.find(b": ", at)
                if e >= 0:
                    t[e + 2:e + 2] = rng.choice([b'"', b"'", b"|\n  ", b">\n  ", b"[", b"{"])
            else:
                t[at:at] = bytes([rng.choice(b" \n-:\"|#[],{}'\\a1~+\t.?&*!>x")])
        out.append(bytes(t[:MAX_SEED]))
    return out


def write(folder, data):
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    for target in ("yaml", "problem", "records", "merge"):
        shutil.rmtree(os.path.join(out, target), ignore_errors=True)
    rng = random.Random(20261207)
    bank = files_under("problems") + files_under("tests", "e2e", "fixtures")
    literals = unit_test_literals()
    journal = journal_files()

    plain = [t[:MAX_SEED] for t in bank + literals + [text for _, text in journal]]
    for text in plain:
        write(os.path.join(out, "yaml"), text)
        for m in mutants(text, rng, 12):
            write(os.path.join(out, "yaml"), m)

    for text in bank + literals:
        if b"statement" in text or b"tests" in text or b"examples" in text:
            write(os.path.join(out, "problem"), text[:MAX_SEED])
            for m in mutants(text, rng, 12):
                write(os.path.join(out, "problem"), m)

    records = [(KINDS.get(folder, rng.randrange(5)), text) for folder, text in journal]
    records += [(rng.randrange(5), text) for text in literals]
    for kind, text in records:
        write(os.path.join(out, "records"), bytes([kind]) + text[:MAX_SEED])
        for m in mutants(text, rng, 8):
            write(os.path.join(out, "records"), bytes([kind]) + m)

    for _ in range(300):
        write(os.path.join(out, "merge"), bytes(rng.randrange(256) for _ in range(rng.randint(8, 200))))

    for target in ("yaml", "problem", "records", "merge"):
        print(f"{target}: {len(os.listdir(os.path.join(out, target)))} seeds")


if __name__ == "__main__":
    main()
