#!/usr/bin/env python3
"""hired's YAML reader against PyYAML, on a corpus of files.

    tests/fuzz/pyyaml_diff.py YAML_VERDICT DIR...

YAML_VERDICT is the yaml_verdict tool of the build (tests/fuzz). For every
file of every DIR: when hired takes the text, PyYAML's pure-Python safe
loader (YAML 1.1) must compose it too, to the same tree (values, and which
scalars are null); what hired refuses PyYAML may take. Prints one line per
disagreement and a count; exit 1 on any, 77 (a skip for ctest) when PyYAML
is not installed (Debian: python3-yaml).
"""

import subprocess
import sys

try:
    import yaml
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode
except ImportError:
    print("PyYAML is not installed (python3-yaml): skipped")
    sys.exit(77)

NULL = "tag:yaml.org,2002:null"


def quoted(s):
    out = '"'
    for c in s.encode("utf-8", "surrogatepass"):
        if c in (0x22, 0x5C):
            out += "\\" + chr(c)
        elif c < 0x20 or c >= 0x7F:
            out += "\\x%02x" % c
        else:
            out += chr(c)
    return out + '"'


def dump(n):
    # Iterative: PyYAML's trees may be deep; shared (aliased) nodes are
    # written again each time, as hired's tree holds them.
    out = []
    stack = [n]
    while stack:
        x = stack.pop()
        if isinstance(x, str):
            out.append(x)
        elif x is None:
            out.append("null")
        elif isinstance(x, ScalarNode):
            out.append("null" if x.tag == NULL and x.style in (None, "") else quoted(x.value))
        elif isinstance(x, SequenceNode):
            parts = ["["]
            for i in x.value:
                parts += [i, ","]
            parts.append("]")
            stack.extend(reversed(parts))
        else:
            parts = ["{"]
            for k, v in x.value:
                parts += [k, ":", v, ","]
            parts.append("}")
            stack.extend(reversed(parts))
    return "".join(out)


def pyyaml(data):
    try:
        return "OK " + dump(yaml.compose(data, Loader=yaml.SafeLoader))
    except yaml.YAMLError as e:
        return "ERR " + " ".join(str(e).split())
    except (ValueError, RecursionError, OverflowError) as e:  # PyYAML's own failures
        return "ERR " + type(e).__name__


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    lines = subprocess.run([sys.argv[1]] + sys.argv[2:], check=True, capture_output=True).stdout
    files = agreed = refused = 0
    bad = []
    for line in lines.decode("utf-8", "replace").splitlines():
        path, verdict = line.split("\t", 1)
        files += 1
        if not verdict.startswith("OK "):
            refused += 1
            continue
        theirs = pyyaml(open(path, "rb").read())
        if theirs == verdict:
            agreed += 1
        elif theirs.startswith("ERR"):
            bad.append(f"{path}: hired takes it, PyYAML refuses it: {theirs[4:200]}")
        else:
            bad.append(f"{path}: hired and PyYAML read different trees:\n  hired  {verdict[3:300]}\n"
                       f"  PyYAML {theirs[3:300]}")
    for b in bad:
        print(b)
    print(f"{files} files: hired took {files - refused}, PyYAML read {agreed} of them alike, "
          f"{len(bad)} disagreements; hired refused {refused}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
