#include "starter.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace hired::practice {

namespace {

std::string comment_block(const Problem& p, const std::string& prefix) {
    std::string out = fmt::format("{} {} ({}, {} minutes)\n", prefix, p.title, to_string(p.difficulty), p.minutes);
    if (!p.input_format.empty()) {
        out += prefix + " Input:\n";
        std::string text = wrap_lines(p.input_format, 76); // the lines below are views into it
        for (auto line : split_lines(text)) out += fmt::format("{}   {}\n", prefix, line);
    }
    if (!p.output_format.empty()) {
        out += prefix + " Output:\n";
        std::string text = wrap_lines(p.output_format, 76);
        for (auto line : split_lines(text)) out += fmt::format("{}   {}\n", prefix, line);
    }
    out += fmt::format("{} Run: hired practice run {}\n", prefix, p.id);
    return out;
}

} // namespace

std::string starter_code(const Problem& p, const Language& lang) {
    std::string key = lang.name;
    auto it = p.templates.find(key);
    if (it != p.templates.end()) return it->second;
    if (lang.name == "cpp")
        return comment_block(p, "//") + R"(#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);

    long long n;
    if (!(cin >> n)) return 0;
    vector<long long> a(n);
    for (auto& x : a) cin >> x;

    // Your solution here.

    cout << "\n";
    return 0;
}
)";
    if (lang.name == "c")
        return comment_block(p, "//") + R"(#include <stdio.h>
#include <stdlib.h>

int main(void) {
    long long n;
    if (scanf("%lld", &n) != 1) return 0;
    long long *a = malloc(sizeof *a * (n > 0 ? n : 1));
    for (long long i = 0; i < n; i++) scanf("%lld", &a[i]);

    /* Your solution here. */

    printf("\n");
    free(a);
    return 0;
}
)";
    if (lang.name == "python")
        return comment_block(p, "#") + R"(import sys


def main() -> None:
    data = sys.stdin.read().split()
    if not data:
        return
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))

    # Your solution here.

    print()


if __name__ == "__main__":
    main()
)";
    if (lang.name == "javascript")
        return comment_block(p, "//") + R"(const data = require("fs").readFileSync(0, "utf8").split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => data[pos++];

const n = Number(next());
const a = Array.from({ length: n }, () => Number(next()));

// Your solution here.

console.log();
)";
    if (lang.name == "java")
        return comment_block(p, "//") + R"(import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        if (in.nextToken() == StreamTokenizer.TT_EOF) { out.flush(); return; }
        int n = (int) in.nval;
        long[] a = new long[n];
        for (int i = 0; i < n; i++) { in.nextToken(); a[i] = (long) in.nval; }

        // Your solution here.

        out.println();
        out.flush();
    }
}
)";
    if (lang.name == "rust")
        return comment_block(p, "//") + R"(use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    let n: usize = match it.next() { Some(t) => t.parse().unwrap(), None => return };
    let a: Vec<i64> = (0..n).map(|_| it.next().unwrap().parse().unwrap()).collect();
    let _ = &a;

    // Your solution here.

    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    writeln!(out).unwrap();
}
)";
    if (lang.name == "sh")
        return "#!/usr/bin/env bash\n" + comment_block(p, "#") + R"(set -euo pipefail

read -r n rest
# Your solution here.
echo
)";
    return comment_block(p, "#");
}

} // namespace hired::practice
