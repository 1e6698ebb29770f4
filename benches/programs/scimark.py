# bench-args: 20
# default-args: 4
# test-args: 1 8
# SciMark-style numeric kernels over array('d') and lists: FFT, successive over-relaxation,
# Monte Carlo integration, sparse matrix-vector multiply (compressed rows), LU factorisation
# with partial pivoting. Arguments: rounds, and optionally the problem scale (default 64).
# Prints a checksum of each kernel's result; the FFT and LU check themselves (an inverse
# transform, and P*A = L*U) and raise if the check fails.
import math
import sys
from array import array


class Lcg:
    """A 48-bit linear congruential generator (drand48's), so every run draws the same numbers."""

    def __init__(self, seed):
        self.state = (seed << 16) + 0x330E

    def next_float(self):
        self.state = (self.state * 0x5DEECE66D + 0xB) & 0xFFFFFFFFFFFF
        return self.state / 281474976710656.0


def random_vector(n, rng):
    v = array('d', [0.0]) * n
    for i in range(n):
        v[i] = rng.next_float()
    return v


def random_matrix(m, n, rng):
    return [random_vector(n, rng) for _ in range(m)]


# ---- FFT: radix-2, in place, on interleaved (re, im) pairs -----------------------------------

def int_log2(n):
    k = 0
    while (1 << k) < n:
        k += 1
    if (1 << k) != n:
        raise ValueError("FFT: data length is not a power of 2")
    return k


def fft_bitreverse(data):
    n = len(data) // 2
    j = 0
    for i in range(n - 1):
        ii = i << 1
        jj = j << 1
        k = n >> 1
        if i < j:
            data[ii], data[jj] = data[jj], data[ii]
            data[ii + 1], data[jj + 1] = data[jj + 1], data[ii + 1]
        while k <= j:
            j -= k
            k >>= 1
        j += k


def fft_transform(data, direction):
    n = len(data) // 2
    if n == 1:
        return
    logn = int_log2(n)
    fft_bitreverse(data)
    dual = 1
    for _ in range(logn):
        w_real = 1.0
        w_imag = 0.0
        theta = 2.0 * direction * math.pi / (2.0 * dual)
        s = math.sin(theta)
        t = math.sin(theta / 2.0)
        s2 = 2.0 * t * t
        for b in range(0, n, 2 * dual):
            i = 2 * b
            j = 2 * (b + dual)
            wd_real = data[j]
            wd_imag = data[j + 1]
            data[j] = data[i] - wd_real
            data[j + 1] = data[i + 1] - wd_imag
            data[i] += wd_real
            data[i + 1] += wd_imag
        for a in range(1, dual):
            tmp_real = w_real - s * w_imag - s2 * w_real
            tmp_imag = w_imag + s * w_real - s2 * w_imag
            w_real = tmp_real
            w_imag = tmp_imag
            for b in range(0, n, 2 * dual):
                i = 2 * (b + a)
                j = 2 * (b + a + dual)
                z1_real = data[j]
                z1_imag = data[j + 1]
                wd_real = w_real * z1_real - w_imag * z1_imag
                wd_imag = w_real * z1_imag + w_imag * z1_real
                data[j] = data[i] - wd_real
                data[j + 1] = data[i + 1] - wd_imag
                data[i] += wd_real
                data[i + 1] += wd_imag
        dual *= 2


def fft_inverse(data):
    fft_transform(data, +1)
    norm = 1.0 / (len(data) // 2)
    for i in range(len(data)):
        data[i] *= norm


def bench_fft(n, cycles, rng):
    data = random_vector(2 * n, rng)
    original = array('d', data)
    for _ in range(cycles):
        fft_transform(data, -1)
        fft_inverse(data)
    error = max(abs(x - y) for x, y in zip(data, original))
    if error > 1e-9:
        raise AssertionError("FFT round trip error %g" % error)
    fft_transform(data, -1)
    return sum(abs(x) for x in data)


# ---- SOR: Jacobi-style successive over-relaxation on a grid of array rows ---------------------

def bench_sor(n, cycles, rng):
    grid = random_matrix(n, n, rng)
    omega = 1.25
    omega_over_four = omega * 0.25
    one_minus_omega = 1.0 - omega
    for _ in range(cycles):
        for i in range(1, n - 1):
            gi = grid[i]
            gim1 = grid[i - 1]
            gip1 = grid[i + 1]
            for j in range(1, n - 1):
                gi[j] = (omega_over_four * (gim1[j] + gip1[j] + gi[j - 1] + gi[j + 1])
                         + one_minus_omega * gi[j])
    return sum(sum(row) for row in grid)


# ---- Monte Carlo: pi from points in the unit square ------------------------------------------

def bench_monte_carlo(samples, rng):
    under_curve = 0
    for _ in range(samples):
        x = rng.next_float()
        y = rng.next_float()
        if x * x + y * y <= 1.0:
            under_curve += 1
    return under_curve / samples * 4.0


# ---- Sparse matrix-vector multiply in compressed row storage ---------------------------------

def bench_sparse(n, nz, cycles, rng):
    x = random_vector(n, rng)
    y = array('d', [0.0]) * n
    nr = nz // n
    anz = nr * n
    val = random_vector(anz, rng)
    col = array('i', [0]) * anz
    row = array('i', [0]) * (n + 1)
    for r in range(n):
        rowr = row[r]
        row[r + 1] = rowr + nr
        step = max(r // nr, 1)
        for i in range(nr):
            col[rowr + i] = i * step
    for _ in range(cycles):
        for r in range(n):
            total = 0.0
            for i in range(row[r], row[r + 1]):
                total += x[col[i]] * val[i]
            y[r] = total
    return sum(y)


# ---- LU factorisation with partial pivoting --------------------------------------------------

def lu_factor(a, pivot):
    m = len(a)
    n = len(a[0])
    minmn = min(m, n)
    for j in range(minmn):
        jp = j
        t = abs(a[j][j])
        for i in range(j + 1, m):
            ab = abs(a[i][j])
            if ab > t:
                jp = i
                t = ab
        pivot[j] = jp
        if a[jp][j] == 0:
            raise ArithmeticError("factorization failed because of zero pivot")
        if jp != j:
            a[j], a[jp] = a[jp], a[j]
        if j < m - 1:
            recp = 1.0 / a[j][j]
            for k in range(j + 1, m):
                a[k][j] *= recp
        if j < minmn - 1:
            aj = a[j]
            for ii in range(j + 1, m):
                aii = a[ii]
                aiij = aii[j]
                for jj in range(j + 1, n):
                    aii[jj] -= aiij * aj[jj]


def lu_check(original, lu, pivot):
    n = len(lu)
    rows = [array('d', r) for r in original]
    for j in range(n):
        jp = pivot[j]
        rows[j], rows[jp] = rows[jp], rows[j]
    worst = 0.0
    for i in range(n):
        for j in range(n):
            total = lu[i][j] if i <= j else 0.0
            for k in range(min(i, j + 1)):
                total += lu[i][k] * (lu[k][j] if k <= j else 0.0)
            worst = max(worst, abs(total - rows[i][j]))
    if worst > 1e-9:
        raise AssertionError("LU check failed: %g" % worst)


def bench_lu(n, cycles, rng):
    original = random_matrix(n, n, rng)
    pivot = array('i', [0]) * n
    lu = None
    for _ in range(cycles):
        lu = [array('d', row) for row in original]
        lu_factor(lu, pivot)
    lu_check(original, lu, pivot)
    return sum(lu[i][i] for i in range(n)), list(pivot[:8])


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    scale = int(sys.argv[2]) if len(sys.argv) > 2 else 64
    rng = Lcg(101010)
    for r in range(rounds):
        fft = bench_fft(scale * 16, 2, rng)
        sor = bench_sor(scale, 10, rng)
        mc = bench_monte_carlo(scale * 400, rng)
        sparse = bench_sparse(scale * 16, scale * 80, 10, rng)
        lu, pivots = bench_lu(scale, 2, rng)
        print("round %d: fft %.9e sor %.9e mc %.6f sparse %.9e lu %.9e %s"
              % (r, fft, sor, mc, sparse, lu, pivots))


main()
