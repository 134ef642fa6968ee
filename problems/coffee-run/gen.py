# Generates large.in for coffee-run: a 500 x 700 floor (350000 cells).
# Random open-plan area with 4000 coffee machines, a serpentine corridor block
# with no machine inside (long walks) and a walled-off room (stranded cells).
# A separate BFS from every machine costs about 10^9 steps.
import random

rng = random.Random(4711)
h, w = 500, 700
g = [["#" if rng.random() < 0.25 else "." for _ in range(w)] for _ in range(h)]
# serpentine block in rows 0..199, columns 0..299: corridors joined at alternating ends
for r in range(0, 200):
    for c in range(0, 300):
        g[r][c] = "." if r % 2 == 0 else "#"
    if r % 2 == 1:
        g[r][299 if (r // 2) % 2 == 0 else 0] = "."
for r in range(0, 201):  # wall off the block's right side and bottom
    g[r][300] = "#"
for c in range(0, 301):
    g[200][c] = "#"
g[200][0] = "."  # single entrance at the bottom-left
for r in range(201, 204):  # keep the way out of the entrance open
    for c in range(0, 4):
        g[r][c] = "."
# a closed room with no machine
for r in range(300, 361):
    for c in range(500, 601):
        edge = r in (300, 360) or c in (500, 600)
        g[r][c] = "#" if edge else ("." if rng.random() < 0.9 else "#")
# machines anywhere outside the block and the room
placed = 0
while placed < 4000:
    r, c = rng.randrange(h), rng.randrange(w)
    if r <= 200 and c <= 300:
        continue
    if 300 <= r <= 360 and 500 <= c <= 600:
        continue
    if g[r][c] == ".":
        g[r][c] = "C"
        placed += 1
print(h, w)
print("\n".join("".join(row) for row in g))
