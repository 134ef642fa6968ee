# fragile-cables: bridges by an iterative DFS with discovery times and low-links.
# The edge we arrived by is skipped by id, so parallel cables form a cycle. O(n + m).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    eu = [int(x) for x in data[2:2 + 2 * m:2]]
    ev = [int(x) for x in data[3:3 + 2 * m:2]]
    adj = [[] for _ in range(n + 1)]
    for i in range(m):
        adj[eu[i]].append((ev[i], i))
        adj[ev[i]].append((eu[i], i))
    disc = [0] * (n + 1)
    low = [0] * (n + 1)
    parent_edge = [-1] * (n + 1)
    next_idx = [0] * (n + 1)
    bridges = []
    timer = 0
    for s in range(1, n + 1):
        if disc[s]:
            continue
        timer += 1
        disc[s] = low[s] = timer
        stack = [s]
        while stack:
            u = stack[-1]
            nbrs = adj[u]
            if next_idx[u] < len(nbrs):
                w, eid = nbrs[next_idx[u]]
                next_idx[u] += 1
                if eid == parent_edge[u]:
                    continue
                if disc[w]:
                    if disc[w] < low[u]:
                        low[u] = disc[w]
                else:
                    timer += 1
                    disc[w] = low[w] = timer
                    parent_edge[w] = eid
                    stack.append(w)
            else:
                stack.pop()
                eid = parent_edge[u]
                if eid >= 0:
                    p = ev[eid] if eu[eid] == u else eu[eid]
                    if low[u] < low[p]:
                        low[p] = low[u]
                    if low[u] > disc[p]:
                        bridges.append(f"{min(u, p)} {max(u, p)}")
    sys.stdout.write("\n".join([str(len(bridges))] + bridges) + "\n")


main()
