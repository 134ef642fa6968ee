// lunch-pairs: sort, then count pairs with sum <= bound using two pointers.
import java.util.Arrays;

class Solution {
    // Number of pairs i < j with a[i] + a[j] <= bound; a is sorted.
    private static long pairsAtMost(int[] a, long bound) {
        long count = 0;
        int lo = 0, hi = a.length - 1;
        while (lo < hi) {
            if ((long) a[lo] + a[hi] <= bound) {
                count += hi - lo; // a[lo] pairs with every a[lo+1..hi]
                lo++;
            } else {
                hi--;
            }
        }
        return count;
    }

    public long countLunchPairs(int[] prices, long lo, long hi) {
        int[] a = prices.clone();
        Arrays.sort(a);
        return pairsAtMost(a, hi) - pairsAtMost(a, lo - 1);
    }
}
