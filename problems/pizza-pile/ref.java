// pizza-pile: two parallel stacks, the readings and, for each box, the minimum
// of the pile at the moment it was pushed. Every operation O(1).
import java.util.Arrays;

class PizzaPile {
    private int[] readings = new int[16];
    private int[] minimums = new int[16];
    private int size = 0;

    public PizzaPile() {}

    public void push(int reading) {
        if (size == readings.length) {
            readings = Arrays.copyOf(readings, 2 * size);
            minimums = Arrays.copyOf(minimums, 2 * size);
        }
        minimums[size] = size == 0 ? reading : Math.min(reading, minimums[size - 1]);
        readings[size++] = reading;
    }

    public void pop() { size--; }

    public int top() { return readings[size - 1]; }

    public int getMin() { return minimums[size - 1]; }
}
