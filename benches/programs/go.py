# bench-args: 1300
# default-args: 170
# test-args: 3
# Go: Monte Carlo tree search (UCT) on a 9x9 board. Each search descends the tree by UCB1,
# expands one move, finishes the game with random legal moves (no suicide, simple ko, own
# eyes kept) and backs the area-scored result up the tree. Stones form groups kept in
# circular linked lists with pseudo-liberty counts. Randomness is a hand-written LCG.
# Stresses list indexing, small integer arithmetic, method calls, dicts and objects.
# Argument: playouts per move (three moves are searched). Prints the moves and statistics.
import math
import sys

SIZE = 9
EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1
KOMI = 7.5
COLUMNS = "ABCDEFGHJ"


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def randrange(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        return (self.state >> 33) % n


def point_name(p):
    if p == PASS:
        return "pass"
    return COLUMNS[p % SIZE] + str(p // SIZE + 1)


def make_geometry(size):
    neighbours = []
    diagonals = []
    for p in range(size * size):
        row, col = divmod(p, size)
        neighbours.append([r * size + c for r, c in
                           ((row - 1, col), (row + 1, col), (row, col - 1), (row, col + 1))
                           if 0 <= r < size and 0 <= c < size])
        diagonals.append([r * size + c for r, c in
                          ((row - 1, col - 1), (row - 1, col + 1), (row + 1, col - 1),
                           (row + 1, col + 1))
                          if 0 <= r < size and 0 <= c < size])
    return neighbours, diagonals


NEIGHBOURS, DIAGONALS = make_geometry(SIZE)


class Board:
    def __init__(self, other=None):
        if other is None:
            n = SIZE * SIZE
            self.stones = [EMPTY] * n
            self.group = list(range(n))      # the group's root point, for each stone
            self.next_stone = list(range(n))  # circular list of a group's stones
            self.liberties = [0] * n          # pseudo-liberties, valid at roots
            self.count = [0] * n              # stones in the group, valid at roots
            self.empties = list(range(n))
            self.empty_index = list(range(n))
            self.ko = PASS
            self.moves = 0
        else:
            self.stones = other.stones[:]
            self.group = other.group[:]
            self.next_stone = other.next_stone[:]
            self.liberties = other.liberties[:]
            self.count = other.count[:]
            self.empties = other.empties[:]
            self.empty_index = other.empty_index[:]
            self.ko = other.ko
            self.moves = other.moves

    def copy(self):
        return Board(self)

    def _take_empty(self, p):
        i = self.empty_index[p]
        last = self.empties.pop()
        if last != p:
            self.empties[i] = last
            self.empty_index[last] = i

    def _give_empty(self, p):
        self.empty_index[p] = len(self.empties)
        self.empties.append(p)

    def is_legal(self, p, colour):
        if self.stones[p] != EMPTY or p == self.ko:
            return False
        touching = {}
        for q in NEIGHBOURS[p]:
            if self.stones[q] == EMPTY:
                return True
            g = self.group[q]
            touching[g] = touching.get(g, 0) + 1
        for g, edges in touching.items():
            if self.liberties[g] > edges:
                if self.stones[g] == colour:
                    return True  # joins a group that keeps another liberty
            elif self.stones[g] != colour:
                return True  # captures
        return False

    def is_own_eye(self, p, colour):
        for q in NEIGHBOURS[p]:
            if self.stones[q] != colour:
                return False
        enemy = 0
        for q in DIAGONALS[p]:
            s = self.stones[q]
            if s != EMPTY and s != colour:
                enemy += 1
        if len(DIAGONALS[p]) < 4:
            return enemy == 0
        return enemy < 2

    def play(self, p, colour):
        self.moves += 1
        if p == PASS:
            self.ko = PASS
            return
        stones = self.stones
        group = self.group
        liberties = self.liberties
        stones[p] = colour
        self._take_empty(p)
        group[p] = p
        self.next_stone[p] = p
        self.count[p] = 1
        liberties[p] = 0
        for q in NEIGHBOURS[p]:
            if stones[q] == EMPTY:
                liberties[p] += 1
            else:
                liberties[group[q]] -= 1
        for q in NEIGHBOURS[p]:
            if stones[q] == colour and group[q] != group[p]:
                self._merge(group[p], group[q])
        captured = 0
        captured_at = PASS
        for q in NEIGHBOURS[p]:
            s = stones[q]
            if s != EMPTY and s != colour and liberties[group[q]] == 0:
                captured += self._remove(group[q])
                captured_at = q
        root = group[p]
        if liberties[root] == 0:
            raise RuntimeError("suicide at " + point_name(p))
        if captured == 1 and self.count[root] == 1 and liberties[root] == 1:
            self.ko = captured_at
        else:
            self.ko = PASS

    def _merge(self, a, b):
        if self.count[a] < self.count[b]:
            a, b = b, a
        s = b
        while True:
            self.group[s] = a
            s = self.next_stone[s]
            if s == b:
                break
        self.next_stone[a], self.next_stone[b] = self.next_stone[b], self.next_stone[a]
        self.liberties[a] += self.liberties[b]
        self.count[a] += self.count[b]

    def _remove(self, root):
        removed = []
        s = root
        while True:
            removed.append(s)
            self.stones[s] = EMPTY
            self._give_empty(s)
            s = self.next_stone[s]
            if s == root:
                break
        for s in removed:
            for q in NEIGHBOURS[s]:
                if self.stones[q] != EMPTY:
                    self.liberties[self.group[q]] += 1
        return len(removed)

    def candidate_moves(self, colour):
        return [p for p in self.empties
                if self.is_legal(p, colour) and not self.is_own_eye(p, colour)]

    def random_move(self, colour, rng):
        empties = self.empties
        n = len(empties)
        if n == 0:
            return PASS
        start = rng.randrange(n)
        for i in range(n):
            p = empties[(start + i) % n]
            if self.is_legal(p, colour) and not self.is_own_eye(p, colour):
                return p
        return PASS

    def score(self):
        """Area score, black minus white (komi included)."""
        black = 0
        white = KOMI
        for p in range(SIZE * SIZE):
            s = self.stones[p]
            if s == EMPTY:
                around = {self.stones[q] for q in NEIGHBOURS[p]}
                if around == {BLACK}:
                    black += 1
                elif around == {WHITE}:
                    white += 1
            elif s == BLACK:
                black += 1
            else:
                white += 1
        return black - white

    def __str__(self):
        marks = ".XO"
        rows = []
        for row in range(SIZE - 1, -1, -1):
            rows.append(f"{row + 1} " + " ".join(marks[self.stones[row * SIZE + c]]
                                                 for c in range(SIZE)))
        rows.append("  " + " ".join(COLUMNS))
        return "\n".join(rows)


def playout(board, colour, rng):
    passes = 0
    limit = SIZE * SIZE * 3
    while passes < 2 and board.moves < limit:
        p = board.random_move(colour, rng)
        board.play(p, colour)
        passes = passes + 1 if p == PASS else 0
        colour = BLACK + WHITE - colour
    return BLACK if board.score() > 0 else WHITE


class Node:
    __slots__ = ("move", "player", "parent", "children", "untried", "wins", "visits")

    def __init__(self, move, player, parent, untried):
        self.move = move
        self.player = player  # who played `move`
        self.parent = parent
        self.children = []
        self.untried = untried
        self.wins = 0
        self.visits = 0

    def best_child(self):
        log_visits = math.log(self.visits)
        best = None
        best_value = -1.0
        for child in self.children:
            value = child.wins / child.visits + math.sqrt(2.0 * log_visits / child.visits)
            if value > best_value:
                best = child
                best_value = value
        return best

    def size(self):
        return 1 + sum(child.size() for child in self.children)


def search(board, colour, playouts, rng, totals):
    opponent = BLACK + WHITE - colour
    root = Node(PASS, opponent, None, board.candidate_moves(colour))
    for _ in range(playouts):
        position = board.copy()
        node = root
        while not node.untried and node.children:
            node = node.best_child()
            position.play(node.move, node.player)
        if node.untried:
            move = node.untried.pop(rng.randrange(len(node.untried)))
            player = BLACK + WHITE - node.player
            position.play(move, player)
            child = Node(move, player, node,
                         position.candidate_moves(BLACK + WHITE - player))
            node.children.append(child)
            node = child
        before = position.moves
        winner = playout(position, BLACK + WHITE - node.player, rng)
        totals[0] += position.moves - before
        while node is not None:
            node.visits += 1
            if node.player == winner:
                node.wins += 1
            node = node.parent
    if not root.children:
        return PASS, 0.0, 1
    chosen = max(root.children, key=lambda c: c.visits)
    return chosen.move, chosen.wins / chosen.visits, root.size()


def main():
    playouts = int(sys.argv[1]) if len(sys.argv) > 1 else 1300
    rng = Lcg(2024)
    board = Board()
    colour = BLACK
    totals = [0]
    for turn in range(3):
        move, rate, tree = search(board, colour, playouts, rng, totals)
        board.play(move, colour)
        print(f"move {turn + 1}: {'black' if colour == BLACK else 'white'} {point_name(move)}"
              f" win rate {rate:.4f} tree {tree}")
        colour = BLACK + WHITE - colour
    print(board)
    print("random moves played", totals[0])


main()
