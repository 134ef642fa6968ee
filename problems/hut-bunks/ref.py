# hut-bunks: stays are intervals [i, i + d_i) of nights. Sweep arrivals and
# sorted departures together; count nights at the peak. O(n log n).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    leave = sorted(i + int(x) for i, x in enumerate(data[1:1 + n], start=1))
    # Occupancy changes only at these days; departures come before arrivals.
    events = [(t, -1) for t in leave] + [(i, 1) for i in range(1, n + 1)]
    events.sort()
    peak = nights = occupied = 0
    day = 1
    for t, delta in events:
        if t > day:
            if occupied > peak:
                peak, nights = occupied, 0
            if occupied == peak:
                nights += t - day
            day = t
        occupied += delta
    sys.stdout.write(f"{peak}\n{nights}\n")


main()
