// hut-bunks: stays are intervals [i, i + d_i) of nights. Sweep arrivals and
// sorted departures together; count nights at the peak. O(n log n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<long long> leave(n);  // morning of departure = first night not slept
    for (int i = 0; i < n; ++i) {
        long long d;
        cin >> d;
        leave[i] = (i + 1) + d;
    }
    sort(leave.begin(), leave.end());
    // Events: arrival on evening i (+1), departure on morning leave (-1).
    // Departures on a day happen before that day's arrival.
    long long peak = 0, nightsAtPeak = 0, occupied = 0;
    size_t j = 0;
    long long day = 1;  // occupancy is constant from 'day' until the next event
    auto advance = [&](long long nextDay) {  // nights day .. nextDay-1 at the current occupancy
        if (occupied > peak) {
            peak = occupied;
            nightsAtPeak = 0;
        }
        if (occupied == peak) nightsAtPeak += nextDay - day;
        day = nextDay;
    };
    for (long long arrive = 1; arrive <= n; ++arrive) {
        while (j < leave.size() && leave[j] <= arrive) {
            advance(leave[j]);
            --occupied;
            ++j;
        }
        advance(arrive);
        ++occupied;
    }
    while (j < leave.size()) {
        advance(leave[j]);
        --occupied;
        ++j;
    }
    cout << peak << '\n' << nightsAtPeak << '\n';
}
