// badge-twins: count equal pairs and the most frequent value, O(n) expected.
// The pair count stays below 2^53 (at most about 5 * 10^9), so plain numbers do.
var badgeTwins = function (scans) {
    const count = new Map();
    for (const a of scans) count.set(a, (count.get(a) || 0) + 1);
    let pairs = 0, best = 0, bestCount = 0;
    for (const [value, c] of count) {
        pairs += (c * (c - 1)) / 2;
        if (c > bestCount || (c === bestCount && value < best)) {
            best = value;
            bestCount = c;
        }
    }
    return [pairs, best];
};
