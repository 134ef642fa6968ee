# Generates large.in for average-hop-count: n = 60000 switches, a deep random
# tree (a spine of about 45000 switches with twigs hanging off it) with shuffled
# labels. BFS from every switch costs about 3.6*10^9 steps, and a recursive DFS
# goes 45000 levels deep.
import random

rng = random.Random(123456)
n = 60000
par = [0] * n  # in creation order; node 0 is the root
tip = 0
for i in range(1, n):
    if rng.random() < 0.75:
        par[i] = tip  # extend the spine
        tip = i
    else:
        par[i] = rng.randint(max(0, i - 50), i - 1)  # a twig near the recent spine
label = list(range(1, n + 1))
rng.shuffle(label)
p = [0] * (n + 1)
for i in range(n):
    p[label[i]] = 0 if i == 0 else label[par[i]]
print(n)
print(" ".join(map(str, p[1:])))
