# Generates large.in for fragile-cables: n = 25000 racks, m = 30000 cables.
# One big ring of 14000 racks (no fragile cable, but the only detour around a
# cut ring cable is the whole ring), small loops with chords, a 4000-rack chain
# (deep DFS), single racks, all hung together by single cables (fragile),
# a few doubled cables, and some isolated racks. Cutting each cable in turn and
# searching for a detour costs on the order of 10^9 steps.
import random

rng = random.Random(1701)
n, m_target = 25000, 30000
labels = list(range(1, n + 1))
rng.shuffle(labels)
pos = 0


def take(k):
    global pos
    out = labels[pos:pos + k]
    pos += k
    return out


edges = []
ring = take(14000)
edges += [(ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring))]
pieces = [ring]
while pos < 19000:  # small loops with chords
    blob = take(rng.randint(3, 40))
    edges += [(blob[i], blob[(i + 1) % len(blob)]) for i in range(len(blob))]
    for _ in range(len(blob) // 4):
        edges.append(tuple(rng.sample(blob, 2)))
    pieces.append(blob)
chain = take(4000)
chain_edges = list(zip(chain, chain[1:]))
edges += chain_edges
pieces.append(chain)
for _ in range(1500):
    pieces.append(take(1))
# 500 racks stay isolated
rng.shuffle(pieces)
tree_edges = []
for i in range(1, len(pieces)):
    j = rng.randrange(i)
    tree_edges.append((rng.choice(pieces[i]), rng.choice(pieces[j])))
edges += tree_edges
candidates = tree_edges + chain_edges
while len(edges) < m_target:  # doubled cables: these stop being fragile
    a, b = rng.choice(candidates)
    edges.append((b, a))
rng.shuffle(edges)
edges = [(a, b) if rng.random() < 0.5 else (b, a) for a, b in edges]
print(n, len(edges))
print("\n".join(f"{a} {b}" for a, b in edges))
