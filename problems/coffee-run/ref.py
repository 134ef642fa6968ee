# coffee-run: multi-source BFS from every coffee machine at once. O(h * w).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    h, w = int(data[0]), int(data[1])
    # Pad the grid with a border of walls so neighbours never leave it.
    W = w + 2
    grid = bytearray(b"#" * W)
    for row in data[2:2 + h]:
        grid += b"#" + row + b"#"
    grid += b"#" * W
    dist = [-1] * len(grid)
    queue = [i for i, ch in enumerate(grid) if ch == 67]  # 'C'
    for i in queue:
        dist[i] = 0
    wall = 35  # '#'
    steps = (1, -1, W, -W)
    for i in queue:  # the list grows while we walk it: a BFS
        nd = dist[i] + 1
        for s in steps:
            j = i + s
            if dist[j] < 0 and grid[j] != wall:
                dist[j] = nd
                queue.append(j)
    farthest = max(dist) if queue else -1
    open_cells = len(grid) - grid.count(wall)
    print(farthest)
    print(open_cells - len(queue))


main()
