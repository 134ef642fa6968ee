# pizza-pile: a stack that stores, with every box, the minimum of the pile at
# the moment the box was pushed. Every operation O(1).


class PizzaPile:
    def __init__(self):
        self.boxes = []  # (reading, minimum of the pile up to this box)

    def push(self, reading):
        low = min(reading, self.boxes[-1][1]) if self.boxes else reading
        self.boxes.append((reading, low))

    def pop(self):
        self.boxes.pop()

    def top(self):
        return self.boxes[-1][0]

    def get_min(self):
        return self.boxes[-1][1]
