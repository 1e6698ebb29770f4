# bench-args: 14
# default-args: 4
# test-args: 3 3
# Hexiom: a hexagonal tile puzzle. Each numbered tile must end up with exactly that many
# tiled neighbours; given the multiset of tiles and a few pinned ones, find every
# arrangement. Puzzles are generated from a hand-written LCG (a random solved board,
# then all but a few tiles taken off). The solver propagates constraints over per-cell
# candidate lists and branches on the most constrained cell, copying its state per branch.
# Stresses list copying and scanning, nested loops, method calls and recursion.
# Arguments: number of puzzles, and optionally the hexagon's side (4 by default; a third
# of the cells are pinned). Prints each puzzle's solution count and a checksum.
import sys

EMPTY = 7
DIRECTIONS = ((1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1))


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def randrange(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 4) % n


class HexGrid:
    """Cells of a hexagon with `side` cells per edge, in axial coordinates."""

    def __init__(self, side):
        self.side = side
        self.cells = [(q, r) for r in range(-side + 1, side) for q in range(-side + 1, side)
                      if abs(q + r) < side]
        index = {cell: i for i, cell in enumerate(self.cells)}
        self.neighbours = []
        for q, r in self.cells:
            self.neighbours.append([index[(q + dq, r + dr)] for dq, dr in DIRECTIONS
                                    if (q + dq, r + dr) in index])

    def __len__(self):
        return len(self.cells)

    def render(self, values):
        lines = []
        for r in range(-self.side + 1, self.side):
            row = [values[i] for i, (q, rr) in enumerate(self.cells) if rr == r]
            pad = " " * abs(r)
            lines.append(pad + " ".join("." if v == EMPTY else str(v) for v in row))
        return "\n".join(lines)


class Contradiction(Exception):
    pass


class State:
    """Candidate values per cell (tile numbers 0..6 or EMPTY) and how many of each remain."""

    def __init__(self, grid, stock, candidates):
        self.grid = grid
        self.stock = stock  # stock[v]: cells that must hold v in total (v = EMPTY included)
        self.candidates = candidates

    def copy(self):
        return State(self.grid, self.stock, [c[:] for c in self.candidates])

    def fix(self, cell, value):
        self.candidates[cell] = [value]

    def remove(self, cell, value):
        options = self.candidates[cell]
        if value in options:
            options.remove(value)
            if not options:
                raise Contradiction()
            return True
        return False

    def propagate(self):
        changed = True
        while changed:
            changed = self._stock_rule() | self._neighbour_rule()

    def _stock_rule(self):
        """A value already placed as often as the stock allows is taken off everywhere else;
        a value with exactly as many possible cells as its stock is placed on all of them."""
        changed = False
        for value in range(8):
            want = self.stock[value]
            placed = 0
            possible = 0
            for options in self.candidates:
                if value in options:
                    possible += 1
                    if len(options) == 1:
                        placed += 1
            if placed > want or possible < want:
                raise Contradiction()
            if placed == want and possible > want:
                for cell, options in enumerate(self.candidates):
                    if len(options) > 1 and value in options:
                        self.remove(cell, value)
                        changed = True
            elif possible == want and placed < want:
                for cell, options in enumerate(self.candidates):
                    if len(options) > 1 and value in options:
                        self.fix(cell, value)
                        changed = True
        return changed

    def _neighbour_rule(self):
        changed = False
        candidates = self.candidates
        for cell, around in enumerate(self.grid.neighbours):
            tiled = 0
            open_ = 0
            for n in around:
                options = candidates[n]
                if EMPTY not in options:
                    tiled += 1
                elif len(options) > 1:
                    open_ += 1
            options = candidates[cell]
            if len(options) == 1:
                value = options[0]
                if value == EMPTY:
                    continue
                if value < tiled or value > tiled + open_:
                    raise Contradiction()
                if open_ and value == tiled:
                    for n in around:
                        if len(candidates[n]) > 1 and EMPTY in candidates[n]:
                            self.fix(n, EMPTY)
                            changed = True
                elif open_ and value == tiled + open_:
                    for n in around:
                        if len(candidates[n]) > 1 and EMPTY in candidates[n]:
                            changed |= self.remove(n, EMPTY)
            else:
                for value in options[:]:
                    if value != EMPTY and (value < tiled or value > tiled + open_):
                        changed |= self.remove(cell, value)
        return changed

    def branch_cell(self):
        best = -1
        best_size = 99
        for cell, options in enumerate(self.candidates):
            size = len(options)
            if 1 < size < best_size:
                best = cell
                best_size = size
        return best

    def values(self):
        return [options[0] for options in self.candidates]


def solve(state, found, stats):
    stats[0] += 1
    try:
        state.propagate()
    except Contradiction:
        return
    cell = state.branch_cell()
    if cell < 0:
        found.append(state.values())
        return
    for value in state.candidates[cell]:
        child = state.copy()
        child.fix(cell, value)
        solve(child, found, stats)


def make_puzzle(grid, rng, pins):
    n = len(grid)
    tiled = [rng.randrange(100) < 62 for _ in range(n)]
    values = []
    for cell in range(n):
        if tiled[cell]:
            values.append(sum(1 for m in grid.neighbours[cell] if tiled[m]))
        else:
            values.append(EMPTY)
    stock = [0] * 8
    for v in values:
        stock[v] += 1
    candidates = [list(range(7)) + [EMPTY] for _ in range(n)]
    pinned = 0
    while pinned < pins:
        cell = rng.randrange(n)
        if len(candidates[cell]) > 1:
            candidates[cell] = [values[cell]]
            pinned += 1
    return State(grid, stock, candidates), values


def main():
    puzzles = int(sys.argv[1]) if len(sys.argv) > 1 else 14
    rng = Lcg(31337)
    side = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    grid = HexGrid(side)
    total_nodes = 0
    checksum = 0
    for number in range(puzzles):
        state, original = make_puzzle(grid, rng, len(grid) // 3)
        found = []
        stats = [0]
        solve(state, found, stats)
        if original not in found:
            raise RuntimeError("the generating board was not found")
        total_nodes += stats[0]
        for solution in found:
            for v in solution:
                checksum = (checksum * 9 + v) % 1000000007
        print(f"puzzle {number}: {len(found)} solutions, {stats[0]} nodes")
    print(grid.render(found[0]))
    print("nodes", total_nodes, "checksum", checksum)


main()
